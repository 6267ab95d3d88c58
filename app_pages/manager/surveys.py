"""Projects and surveys: create a retrospective, open or close it, hand out links."""

import streamlit as st

from afterward.services import survey_admin as setup
from afterward.services.survey_admin import load_templates
from afterward.web.invite_section import invitations_section
from afterward.web.session import request_base_url, require_manager, store_or_stop

require_manager()
store = store_or_stop()
templates, broken = load_templates()

st.title("Projects and surveys")

for item in broken:
    st.warning(f"Questionnaire file not usable: {item.error}", icon="⚠️")

with st.expander("New survey", expanded=store.projects().empty):
    if not templates:
        st.info("No usable questionnaire templates; fix the files listed above.")
    else:
        with st.form("new_survey", clear_on_submit=True):
            project = st.text_input("Project", placeholder="e.g. Website relaunch")
            template_id = st.selectbox(
                "Questionnaire",
                options=sorted(templates),
                format_func=lambda t: f"{templates[t].title} ({t})",
            )
            title = st.text_input("Title (optional)")
            left, right = st.columns(2)
            quarter = left.text_input("Quarter under review (optional)", placeholder="2026Q3")
            threshold = right.number_input(
                "Anonymity threshold (minimum responses before results show)",
                min_value=setup.MIN_THRESHOLD,
                max_value=setup.MAX_THRESHOLD,
                value=setup.DEFAULT_THRESHOLD,
            )
            # Defaults from the one clock (AFTERWARD_TIMEZONE), not the server's local date.
            opens_on = left.date_input("Opens on", value=setup.today())
            closes_on = right.date_input("Closes on (optional)", value=None)
            created = st.form_submit_button("Create survey", type="primary")
        if created:
            try:
                survey_id = setup.create_survey(
                    store,
                    project=project,
                    template_id=template_id,
                    title=title or None,
                    quarter=quarter or None,
                    threshold=int(threshold),
                    opens_on=opens_on,
                    closes_on=closes_on,
                    templates=templates,
                )
            except ValueError as exc:
                st.error(str(exc))
            else:
                st.session_state["selected_survey"] = survey_id
                st.success("Survey created. Hand out its links below.")

overview = store.surveys_overview()
if overview.empty:
    st.info("No surveys yet. Create one above, then share its link with the people involved.")
    st.stop()

st.subheader("Surveys")
# Fits beside the sidebar at 1280 px: no ids (the box below picks a survey; the title names
# the questionnaire), invitations as "8 of 12", each column as wide as its content.
WIDTHS = {"project": 150, "title": 185, "quarter": 62, "status": 58, "responses": 68}
WIDTHS |= {"waiting": 120, "invitations_used": 105, "anonymity_threshold": 72}
sent = zip(overview["invitations_used"], overview["invitations"], strict=True)
table = overview.assign(invitations_used=[f"{u} of {n}" if n else "–" for u, n in sent])
st.dataframe(
    table[list(WIDTHS)],
    hide_index=True,
    width="stretch",
    column_config={
        c: st.column_config.Column(setup.SURVEY_TABLE[c], width=w) for c, w in WIDTHS.items()
    },
)

labels = dict(
    zip(overview["survey_id"], overview["project"] + " · " + overview["title"], strict=True)
)
ids = list(labels)
chosen = st.session_state.get("selected_survey")
survey_id = st.selectbox(
    "Manage survey",
    options=ids,
    index=ids.index(chosen) if chosen in ids else 0,
    format_func=labels.get,
)
survey = store.survey(survey_id)
row = overview.set_index("survey_id").loc[survey_id]

status_col, progress_col = st.columns(2)
with status_col:
    st.metric("Status", survey.status.capitalize())
    if survey.status == "open":
        if st.button("Close survey"):
            setup.set_survey_open(store, survey_id, False)
            st.rerun()
    elif st.button("Reopen survey"):
        setup.set_survey_open(store, survey_id, True)
        st.rerun()
with progress_col:
    invited = int(row["invitations"])
    used = int(row["invitations_used"])
    st.metric("Responses released", int(row["responses"]))
    st.caption(setup.release_note(int(row["waiting"]), int(row["anonymity_threshold"])))
    note = setup.participation_note(int(row["responses"]), int(row["waiting"]), invited, used)
    if invited:
        st.progress(used / invited, text=note)
    else:
        st.caption(note)

links_base = setup.base_url(request_base_url())
st.markdown("#### Shareable link")
st.warning(setup.OPEN_LINK_NOTE)
current = setup.open_link(store, survey_id, links_base)
if current:
    st.code(current, language=None)
elif store.has_open_link(survey_id):
    st.caption("This survey's link was made before links were kept; it still works.")
label = "Replace with a new link (the old one stops working)" if current else "Make shareable link"
if st.button(label):
    try:
        setup.new_open_link(store, survey_id, links_base)
    except ValueError as exc:
        st.error(str(exc))
    else:
        st.rerun()

invitations_section(store, survey, links_base)

st.markdown("#### Team roster")
st.caption(
    f"Names of people on {survey.project_name}, one per line. They are always removed from "
    "answers before storage, on top of the automatic name detection. The roster is never "
    "linked to answers."
)
project = store.project(survey.project_id)
roster_text = st.text_area(
    "Names", value="\n".join(project.roster), key=f"roster_{project.project_id}"
)
if st.button("Save roster"):
    names = [line.strip() for line in roster_text.splitlines() if line.strip()]
    store.set_roster(project.project_id, names)
    st.success(f"Saved {len(names)} name(s).")
