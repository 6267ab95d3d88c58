"""The Recurring retros page's forms: a new schedule, and editing an existing one
(`afterward.services.recurring.add_schedule` / `edit_schedule`). Both keep what was typed
and show a message when the input is refused; nothing is stored then. Also `follow_run`:
"Run now" runs in the background (`recurring.start_run`) and the page follows it."""

from __future__ import annotations

from typing import Any

import streamlit as st

from afterward.services import recurring
from afterward.services import survey_admin as setup
from afterward.services.recurring import MAX_EVERY_WEEKS, MAX_OPEN_DAYS, parse_dates
from afterward.services.survey_admin import today
from afterward.web.safe_text import plain
from surveys.store import Store

RULES = {
    "every_n_weeks": "Every N weeks",
    "quarter_end": "At the end of each quarter",
    "dates": "On given dates",
}
REMIND_HELP = (
    "Those whose link is still unused get a new one that many days before the survey closes "
    "(0: no reminder). Managers are told how many were reminded, never who."
)


def _rule_inputs(prefix: str, values: dict[str, Any]) -> dict[str, Any]:
    """The rule, its parameters, open days, threshold and reminder, keyed by `prefix`."""
    rule = st.radio(
        "When",
        list(RULES),
        index=list(RULES).index(values["rule"]),
        format_func=RULES.get,
        horizontal=True,
        key=f"{prefix}_rule",
    )
    left, right = st.columns(2)
    chosen: dict[str, Any] = {"rule": rule, "every_weeks": None, "dates_text": ""}
    chosen["first_on"] = values["first_on"]
    if rule == "every_n_weeks":
        chosen["every_weeks"] = left.number_input(
            "Every N weeks", 1, MAX_EVERY_WEEKS, values["every_weeks"] or 2, key=f"{prefix}_every"
        )
        chosen["first_on"] = right.date_input(
            "First retro on", value=values["first_on"], key=f"{prefix}_first"
        )
    elif rule == "dates":
        chosen["dates_text"] = st.text_input(
            "Dates",
            value=", ".join(d.isoformat() for d in values["dates"]),
            placeholder="2026-12-04, 2027-01-15",
            key=f"{prefix}_dates",
        )
    chosen["open_days"] = left.number_input(
        "Open for (days)", 1, MAX_OPEN_DAYS, values["open_days"], key=f"{prefix}_open_days"
    )
    chosen["threshold"] = right.number_input(
        "Anonymity threshold (minimum responses before results show)",
        setup.MIN_THRESHOLD,
        setup.MAX_THRESHOLD,
        values["threshold"],
        key=f"{prefix}_threshold",
    )
    chosen["remind"] = left.number_input(
        "Remind those who have not answered (days before it closes)",
        0,
        MAX_OPEN_DAYS,
        values["remind"] or 0,
        help=REMIND_HELP,
        key=f"{prefix}_remind",
    )
    return chosen


def _saved_line(store: Store, schedule_id: str, verb: str) -> str:
    saved = next(r for r in recurring.schedule_list(store, today()) if r["id"] == schedule_id)
    due_today = saved["next_due_on"] == str(today())
    reminder = (
        f"; reminder {saved['remind_before_days']} day(s) before the close"
        if saved["remind_before_days"]
        else ""
    )
    return (
        f"{verb}: {saved['project']}, {saved['description']}{reminder}; next due "
        f"{saved['next_due_on'] or 'never'}; {saved['recipients']} recipient(s)."
        + (" It opens within the hour, or now with Run now." if due_today else "")
    )


def new_schedule_form(store: Store, templates: dict) -> None:
    """The "New recurring retro" form. Raises nothing (refusals are shown as errors)."""
    left, right = st.columns(2)
    project = left.text_input("Project", placeholder="e.g. Website relaunch", key="new_project")
    template_id = right.selectbox(
        "Questionnaire", sorted(templates), format_func=lambda t: templates[t].title, key="new_tpl"
    )
    start = {"rule": "every_n_weeks", "every_weeks": 2, "first_on": today(), "dates": ()}
    start |= {"open_days": 5, "threshold": setup.DEFAULT_THRESHOLD, "remind": 0}
    chosen = _rule_inputs("new", start)
    emails = st.text_area("Recipients (one e-mail address a line)", key="new_emails")
    message = st.text_area(
        "Invitation message (optional; {link} is the person's link)", key="new_message"
    )
    if not st.button("Save recurring retro", type="primary", key="new_save"):
        return
    try:
        days = parse_dates(chosen["dates_text"]) if chosen["rule"] == "dates" else []
        schedule_id = recurring.add_schedule(
            store,
            project=project,
            template_id=template_id,
            rule=chosen["rule"],
            every_weeks=int(chosen["every_weeks"]) if chosen["every_weeks"] else None,
            dates=days,
            first_on=min(days) if days else chosen["first_on"],
            open_days=int(chosen["open_days"]),
            threshold=int(chosen["threshold"]),
            recipients=recurring.parse_recipients(emails),
            message=message,
            remind_before_days=int(chosen["remind"]) or None,
        )
    except ValueError as exc:
        st.error(plain(exc))
        return
    st.session_state["schedules_flash"] = [_saved_line(store, schedule_id, "Saved")]
    st.rerun()


def edit_schedule_form(store: Store, schedule_id: str) -> None:
    """Edit the schedule's rule, open days, threshold, reminder, recipients and message,
    prefilled with what it has now (keys per schedule). Raises nothing."""
    current = store.schedule(schedule_id)
    if current is None:
        return
    values = {
        "rule": current.rule,
        "every_weeks": current.every_weeks,
        "first_on": current.first_on,
        "dates": current.dates,
        "open_days": current.open_days,
        "threshold": current.threshold,
        "remind": current.remind_before_days,
    }
    prefix = f"edit_{schedule_id}"
    with st.expander("Edit this schedule"):
        st.caption("The next surveys get the changes; surveys already open keep theirs.")
        chosen = _rule_inputs(prefix, values)
        emails = st.text_area(
            "Recipients (one e-mail address a line)",
            value="\n".join(store.schedule_recipients(schedule_id)),
            key=f"{prefix}_emails",
        )
        message = st.text_area(
            "Invitation message (optional; {link} is the person's link)",
            value=current.message,
            key=f"{prefix}_message",
        )
        if not st.button("Save changes", key=f"{prefix}_save"):
            return
        try:
            rule = chosen["rule"]
            recurring.edit_schedule(
                store,
                schedule_id,
                rule=rule,
                every_weeks=int(chosen["every_weeks"]) if rule == "every_n_weeks" else None,
                first_on=chosen["first_on"] if rule == "every_n_weeks" else None,
                dates=parse_dates(chosen["dates_text"]) if rule == "dates" else None,
                open_days=int(chosen["open_days"]),
                threshold=int(chosen["threshold"]),
                recipients=recurring.parse_recipients(emails),
                message=message,
                remind_before_days=int(chosen["remind"]) or None,
            )
        except ValueError as exc:
            st.error(plain(exc))
            return
    st.session_state["schedules_flash"] = [_saved_line(store, schedule_id, "Changed")]
    st.rerun()


@st.fragment(run_every=1.0)
def follow_run(store: Store) -> None:
    """While the run started by "Run now" goes on: say so, redrawn every second. Once done:
    its report (or error) becomes the page's message and the whole page reruns."""
    run = recurring.background_run(store)
    if run is None:
        st.session_state.pop("schedule_running", None)
        return
    if not run.done:
        st.info("Running what is due today: invitations and reminders are being sent…")
        return
    st.session_state.pop("schedule_running", None)
    lines = run.report.lines() if run.report is not None else [f"The run failed: {run.error}"]
    st.session_state["schedules_flash"] = lines
    st.rerun(scope="app")
