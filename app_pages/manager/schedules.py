"""Recurring retros: a project's retro opens on a rhythm, invites its recipients by e-mail and
closes after a set number of days (`afterward.services.recurring`)."""

import pandas as pd
import streamlit as st

from afterward.services import mailing, recurring
from afterward.services import survey_admin as setup
from afterward.services.recurring import MAX_EVERY_WEEKS, MAX_OPEN_DAYS, parse_dates
from afterward.services.survey_admin import load_templates, today
from afterward.settings import base_url
from afterward.web.session import request_base_url, require_manager, store_or_stop

require_manager()
store = store_or_stop()
templates = load_templates()[0]
RULES = {
    "every_n_weeks": "Every N weeks",
    "quarter_end": "At the end of each quarter",
    "dates": "On given dates",
}

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
    st.success("\n\n".join(flash))

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
            + ["last_run_on", "active", "note"]
        ].rename(
            columns={
                "template": "questionnaire",
                "description": "when",
                "next_due_on": "next due",
                "open_days": "open days",
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
        report = recurring.run_due(store, today(), base=base_url(request_base_url()))
        st.session_state["schedules_flash"] = report.lines()
        st.rerun()

st.subheader("New recurring retro")
if not templates:
    st.warning("No usable questionnaire templates.")
    st.stop()
left, right = st.columns(2)
project = left.text_input("Project", placeholder="e.g. Website relaunch", key="new_project")
template_id = right.selectbox(
    "Questionnaire", sorted(templates), format_func=lambda t: templates[t].title, key="new_tpl"
)
rule = st.radio("When", list(RULES), format_func=RULES.get, horizontal=True, key="new_rule")
left, right = st.columns(2)
every_weeks, dates_text, first_on = None, "", today()
if rule == "every_n_weeks":
    every_weeks = left.number_input("Every N weeks", 1, MAX_EVERY_WEEKS, 2, key="new_every")
    first_on = right.date_input("First retro on", value=today(), key="new_first")
elif rule == "dates":
    dates_text = st.text_input("Dates", placeholder="2026-12-04, 2027-01-15", key="new_dates")
open_days = left.number_input("Open for (days)", 1, MAX_OPEN_DAYS, 5, key="new_open_days")
threshold = right.number_input(
    "Anonymity threshold (minimum responses before results show)",
    setup.MIN_THRESHOLD,
    setup.MAX_THRESHOLD,
    setup.DEFAULT_THRESHOLD,
    key="new_threshold",
)
emails = st.text_area("Recipients (one e-mail address a line)", key="new_emails")
message = st.text_area(
    "Invitation message (optional; {link} is the person's link)", key="new_message"
)
if st.button("Save recurring retro", type="primary", key="new_save"):
    try:
        days = parse_dates(dates_text) if rule == "dates" else []
        schedule_id = recurring.add_schedule(
            store,
            project=project,
            template_id=template_id,
            rule=rule,
            every_weeks=int(every_weeks) if every_weeks else None,
            dates=days,
            first_on=min(days) if days else first_on,
            open_days=int(open_days),
            threshold=int(threshold),
            recipients=recurring.parse_recipients(emails),
            message=message,
        )
    except ValueError as exc:
        st.error(str(exc))
    else:
        saved = next(r for r in recurring.schedule_list(store, today()) if r["id"] == schedule_id)
        st.session_state["schedules_flash"] = [
            f"Saved: {saved['project']}, {saved['description']}; next due "
            f"{saved['next_due_on'] or 'never'}; {saved['recipients']} recipient(s)."
            + (
                " It opens within the hour, or now with Run now."
                if saved["next_due_on"] == str(today())
                else ""
            )
        ]
        st.rerun()
