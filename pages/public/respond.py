"""The respondent's page: reached only through a survey link, shows only the questionnaire."""

import streamlit as st

from afterward.services import responding
from afterward.services.responding import LinkUnavailable, StorageUnavailable, SurveyNotOpen
from afterward.web import respondent_form as widgets
from afterward.web.session import browser_cookies, store_or_stop

UNAVAILABLE = (
    "This link can't be used for a new response. Invitation links work once, and a link "
    "may have been copied incompletely. If you think this is a mistake, ask the person who "
    "sent it for a new link."
)
ANSWERED = (
    "You have already answered this survey from this browser. Thank you! Each person "
    "answers once, so that every voice counts the same."
)
CLOSED = "This survey is closed and no longer takes answers. Thank you for your interest."
NOT_YET = "This survey is not open yet. Please come back on {day}."
PRIVACY = """
**What is stored:** your answers, with names, e-mail addresses, phone numbers and @handles
replaced by placeholders, and the day you submit.

**What is not stored:** who you are, your name or e-mail, your IP address, your browser,
the time of day, or which link you used. Results are published only in groups of at least
{threshold} responses, never one at a time. You will see exactly what is stored before you submit.

**Shared links:** after you answer through a link meant for everyone, your own browser keeps a
note that it answered, so the link is not answered twice from it. The note stays in your
browser; it is never sent with or stored beside your answers.
"""

store = store_or_stop()
state = st.session_state

if "done_receipt" in state:
    st.success("Thank you, your answers are saved.")
    st.markdown(
        "Your receipt code is shown **only once**. With it you can see exactly what was "
        "stored for your response, and nothing else. It cannot be linked to you."
    )
    st.code(state["done_receipt"], language=None)
    st.link_button("Check what was stored", "./?receipt=1")
    widgets.remember_answer_in_browser(state.get("answered_marker"))
    st.stop()

link = responding.open_link(store, st.query_params.get(responding.TOKEN_PARAM))
if link.status == "unavailable":
    st.title("Link not available")
    st.info(UNAVAILABLE)
    st.stop()
if link.status == "closed":
    st.title(link.survey.title)
    st.info(CLOSED)
    st.stop()
if link.status == "not_yet":
    st.title(link.survey.title)
    st.info(NOT_YET.format(day=link.survey.opens_on.strftime("%d %B %Y")))
    st.stop()
if responding.answered_here(link, browser_cookies()):
    st.title(link.survey.title)
    st.info(ANSWERED)
    st.stop()

survey = link.survey
questionnaire = responding.questionnaire_of(survey)
roster = responding.roster_of(store, link)

st.title(survey.title)
if questionnaire.intro:
    st.write(questionnaire.intro)
with st.expander("Your anonymity: what is and is not stored", expanded="stored" not in state):
    st.markdown(PRIVACY.format(threshold=survey.anonymity_threshold))

if "stored" not in state:
    with st.form("answers"):
        errors = state.get("errors", {})
        raw = {q.id: widgets.question_input(q, errors.get(q.id)) for q in questionnaire.questions}
        reviewed = st.form_submit_button("Review my answers", type="primary")
    if reviewed:
        result = responding.validate(questionnaire, raw)
        state["draft"] = raw
        if result.ok:
            state.pop("errors", None)
            state["stored"] = responding.stored_form(questionnaire, result.answers, roster)
        else:
            state["errors"] = result.errors
        st.rerun()
    if state.get("errors"):
        st.error(f"{len(state['errors'])} answer(s) need attention; see the messages above.")
    st.stop()

st.subheader("Review what will be stored")
st.caption("This is exactly what is saved. Change anything you like before you submit.")
nudged = responding.blame_nudges(questionnaire, state["stored"])
for q in questionnaire.questions:
    if q.id in state["stored"]:
        widgets.stored_answer(q, state["stored"][q.id])
        if q.id in nudged:
            st.info(
                "This answer seems to point at a person. Blameless reviews work best when they "
                "describe what happened and what in the process or system allowed it. "
                "You can still submit it as it is."
            )

edit, confirm = st.columns(2)
if edit.button("Edit my answers", width="stretch"):
    state.pop("stored")
    widgets.restore_draft(questionnaire, state.get("draft", {}))
    st.rerun()
if confirm.button("Submit", type="primary", width="stretch"):
    try:
        code = responding.submit(store, link, state["stored"])
    except LinkUnavailable:
        st.warning(UNAVAILABLE)
    except SurveyNotOpen:
        st.warning(CLOSED)
    except StorageUnavailable:
        st.error(
            "Your answers could not be saved just now (the server could not write them). "
            "Nothing was recorded. Please try Submit again in a moment."
        )
    else:
        for key in ("stored", "draft", "errors"):
            state.pop(key, None)
        state["done_receipt"] = code
        if link.invitation_hash is None:  # an open link: one answer per browser
            state["answered_marker"] = responding.answered_marker(survey.survey_id)
        st.rerun()
