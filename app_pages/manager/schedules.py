"""Recurring retros: a project's retro opens on a rhythm, invites its recipients by e-mail and
closes after a set number of days (`afterward.services.recurring`)."""

import pandas as pd
import streamlit as st

from afterward.services import mailing, recurring
from afterward.services.survey_admin import load_templates, today
from afterward.settings import base_url
from afterward.web.safe_text import plain
from afterward.web.schedule_forms import edit_schedule_form, follow_run, new_schedule_form
from afterward.web.session import request_base_url, require_manager, store_or_stop

require_manager()
store = store_or_stop()
templates = load_templates()[0]

st.title("Recurring retros")
st.caption(
    "The app opens a survey from the questionnaire on each due day, e-mails every recipient "
    "a single-use link and closes the survey after the days you choose. At the end of each "
    "quarter: the survey opens that many days before the quarter's last day and closes on it."
)
if not mailing.mail_configured():
    st.info(
        "E-mail is not set up (AFTERWARD_SMTP_URL, AFTERWARD_MAIL_FROM): surveys still open "
        "and close on their days, but invitations cannot be sent; hand out links from "
        "Projects and surveys."
    )
if flash := st.session_state.pop("schedules_flash", None):
    st.success("\n\n".join(plain(line) for line in flash))  # names and errors as typed

rows = recurring.schedule_list(store, today())
if not rows:
    st.info("No recurring retros yet: set one up below.")
else:
    table = pd.DataFrame(rows)
    table["template"] = [templates[t].title if t in templates else t for t in table["template"]]
    table["active"] = table["active"].map({True: "active", False: "paused"})
    st.dataframe(
        table[
            ["project", "template", "description", "next_due_on", "open_days", "recipients"]
            + ["remind_before_days", "last_run_on", "active", "note"]
        ].rename(
            columns={
                "template": "questionnaire",
                "description": "when",
                "next_due_on": "next due",
                "open_days": "open days",
                "remind_before_days": "reminder (days before close)",
                "last_run_on": "last run",
                "active": "state",
                "note": "last run's note",
            }
        ),
        hide_index=True,
        width="stretch",
    )
    labels = {row["id"]: f"{row['project']} · {row['description']}" for row in rows}
    chosen = st.selectbox("Schedule", list(labels), format_func=labels.get, key="schedule_pick")
    active = next(row["active"] for row in rows if row["id"] == chosen)
    left, middle, right = st.columns(3)
    if left.button("Pause" if active else "Resume", key="schedule_toggle"):
        if active:
            recurring.pause(store, chosen)
        else:
            recurring.resume(store, chosen, today())
        st.session_state["schedules_flash"] = [f"{'Paused' if active else 'Resumed'}."]
        st.rerun()
    if middle.button("Delete…", key="schedule_delete"):
        st.session_state["schedule_confirm"] = chosen
    if st.session_state.get("schedule_confirm") == chosen:
        st.warning("Delete this schedule? The surveys it opened stay.")
        if st.button("Yes, delete it", key="schedule_delete_yes"):
            recurring.remove(store, chosen)
            st.session_state.pop("schedule_confirm", None)
            st.session_state["schedules_flash"] = ["Deleted; the surveys it opened stay."]
            st.rerun()
    if right.button("Run now", key="schedule_run", help="Open, invite and close what is due today"):
        recurring.start_run(store, today(), base=base_url(request_base_url()))
        st.session_state["schedule_running"] = True
    if st.session_state.get("schedule_running"):
        follow_run(store)
    edit_schedule_form(store, chosen)

st.subheader("New recurring retro")
if not templates:
    st.warning("No usable questionnaire templates.")
    st.stop()
new_schedule_form(store, templates)
