"""Recurring retros: set schedules up, and run what is due on a day (`run_due`).

`run_due(store, on)` is the whole scheduler: for each active schedule it opens a survey for
every due day since the schedule was last handled (`surveys.cadence` says which days are
due), invites the schedule's recipients by e-mail when an SMTP server is configured, sends
the reminder once to those who have not answered when the schedule asks for one (N days
before the close), closes the schedule's surveys whose close day has passed, and records
the day. The database is
the one source of truth, so running it again for the same day does nothing, and after a
restart it catches up: a missed due day opens late while its close day has not passed;
older ones are skipped and reported. The day is a parameter (the app passes
`clock.today()`), so tests drive it day by day.
"""

from __future__ import annotations

import logging
import threading
import weakref
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from afterward.services import mailing, survey_admin
from afterward.settings import base_url, configured_base_url
from clock import quarter_of, today
from surveys import cadence as rules
from surveys import setup
from surveys.questionnaire import load_templates
from surveys.store import Store
from surveys.store.schedules import KEEP, Schedule
from surveys.text_limits import MAX_SURVEY_TITLE, shorten, tidy_name

LOG = logging.getLogger(__name__)
# What the Recurring retros page needs beside the service (pages import only afterward/).
MAX_EVERY_WEEKS, MAX_OPEN_DAYS, parse_dates = (
    rules.MAX_EVERY_WEEKS,
    rules.MAX_OPEN_DAYS,
    rules.parse_dates,
)
_RUN_LOCK = threading.Lock()  # the scheduler thread and "Run now" never interleave

# `afterward schedule list --json` (a public contract): one object per schedule, these keys.
SCHEDULE_KEYS = (
    "id",
    "project",
    "template",
    "rule",
    "every_weeks",
    "dates",
    "first_on",
    "open_days",
    "threshold",
    "recipients",
    "active",
    "next_due_on",
    "last_run_on",
    "last_survey_id",
    "note",
    "description",
    "remind_before_days",
)


@dataclass
class RunReport:
    """What one `run_due` did. `opened`: one dict per survey opened (schedule_id, project,
    due_on, closes_on, survey_id, late (bool), invited (count), note); `closed`: survey ids
    closed; `skipped`: missed due days not opened (schedule_id, project, due_on, reason);
    `errors`: one message per schedule that failed (the others still ran); `reminded`: one
    dict per survey reminded (schedule_id, project, survey_id, sent, failed: counts only,
    never an address; note when the reminder could not go out)."""

    on: date
    opened: list[dict[str, Any]] = field(default_factory=list)
    reminded: list[dict[str, Any]] = field(default_factory=list)
    closed: list[str] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """JSON-ready: dates as ISO strings."""

        def plain(row: dict[str, Any]) -> dict[str, Any]:
            return {k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()}

        return {
            "on": self.on.isoformat(),
            "opened": [plain(r) for r in self.opened],
            "closed": list(self.closed),
            "reminded": [plain(r) for r in self.reminded],
            "skipped": [plain(r) for r in self.skipped],
            "errors": list(self.errors),
        }

    def lines(self) -> list[str]:
        """The report in words, one line per thing done (a line saying nothing was due when
        nothing was)."""
        return report_lines(self.as_json())


def report_lines(report: dict[str, Any]) -> list[str]:
    """`RunReport.as_json()` in words (the CLI prints these)."""
    lines = []
    for row in report["opened"]:
        late = " (late: the app was not running on its day)" if row["late"] else ""
        lines.append(
            f"Opened {row['survey_id']} for {row['project']} due {row['due_on']}, "
            f"open until {row['closes_on']}{late}."
        )
        if row.get("note"):
            lines.append(f"  {row['note']}")
    for row in report.get("reminded", []):
        if row.get("note"):
            lines.append(f"Reminder for {row['survey_id']} ({row['project']}): {row['note']}")
        else:
            failed = f", {row['failed']} could not be delivered" if row["failed"] else ""
            lines.append(
                f"Reminded {row['sent']} who had not answered {row['survey_id']} "
                f"({row['project']}){failed}."
            )
    lines += [f"Closed {survey_id}." for survey_id in report["closed"]]
    for row in report["skipped"]:
        lines.append(f"Skipped {row['project']} due {row['due_on']}: {row['reason']}")
    lines += [f"Error: {message}" for message in report["errors"]]
    return lines or [f"Nothing was due on {report['on']}."]


def run_due(store: Store, on: date, *, base: str | None = None) -> RunReport:
    """Open, invite and close what the schedules make due on `on` (see the module).

    `base` is the address links are built on (default AFTERWARD_BASE_URL). A schedule that
    fails (a questionnaire since removed, say) is reported in `errors` and not marked as
    handled, so it is tried again at the next run; the others go on. Failing invitations
    never fail the run: the survey is open and the note says why no mail went out. The same
    holds for reminders (`_remind_due`): sent once per survey, on or after its reminder day
    while it is open; when the mail server cannot be reached nothing is recorded, so the next
    run tries again. Raises StoreError only when the database itself cannot be read.
    """
    report = RunReport(on)
    with _RUN_LOCK:
        for schedule in store.schedules():
            if not schedule.active:
                continue
            try:
                note = _run_schedule(store, schedule, on, base, report)
            except Exception as exc:  # one broken schedule must not stop the others
                LOG.exception("Recurring retro %s failed", schedule.schedule_id)
                report.errors.append(f"{schedule.project}: {exc}")
                store.set_schedule_note(
                    schedule.schedule_id,
                    f"{on.isoformat()}: could not run ({exc}); tried again next run.",
                )
                continue
            store.set_schedule_last_run(schedule.schedule_id, on, note)
        _remind_due(store, on, base, report)
        for row in store.schedule_runs_to_close(on).itertuples():
            try:
                survey_admin.set_survey_open(store, row.survey_id, False)
                report.closed.append(row.survey_id)
            except Exception as exc:
                LOG.exception("Closing survey %s failed", row.survey_id)
                report.errors.append(f"Closing {row.survey_id}: {exc}")
    return report


@dataclass
class BackgroundRun:
    """A `run_due` started by `start_run`: `done` once it finished, then `report` (its
    RunReport) or `error` (the message when the run itself failed)."""

    on: date
    done: bool = False
    report: RunReport | None = None
    error: str = ""


# Store -> its latest run started by start_run. Keyed by the store itself (weak keys, as
# `analysis_upkeep`), not id(store): a later store that gets a closed one's id is never
# taken for it, and the entry goes with its store (a run holds its store only while running).
_BACKGROUND: weakref.WeakKeyDictionary[Store, BackgroundRun] = weakref.WeakKeyDictionary()
_START_LOCK = threading.Lock()


def start_run(store: Store, on: date, *, base: str | None = None) -> BackgroundRun:
    """`run_due(store, on)` on a thread of its own ("Run now": invitations and reminders go
    out at a limited rate, so no page waits for them); returns at once. While one runs for
    the store it is returned instead of starting a second. Raises nothing (a failure is the
    run's `error`)."""
    with _START_LOCK:
        found = _BACKGROUND.get(store)
        if found is not None and not found.done:
            return found
        run = _BACKGROUND[store] = BackgroundRun(on)

    def work() -> None:
        try:
            run.report = run_due(store, on, base=base)
        except Exception as exc:  # the page says what went wrong
            LOG.exception("Recurring retros: the run started from the page failed")
            run.error = str(exc) or type(exc).__name__
        finally:
            run.done = True

    threading.Thread(target=work, name="afterward-run-now", daemon=True).start()
    return run


def background_run(store: Store) -> BackgroundRun | None:
    """The latest run `start_run` started for the store (done or not), or None."""
    return _BACKGROUND.get(store)


def _run_schedule(
    store: Store, schedule: Schedule, on: date, base: str | None, report: RunReport
) -> str | None:
    """Open what is due for one schedule; returns the note to keep (None: keep the last)."""
    done = store.schedule_run_days(schedule.schedule_id)
    note = None
    for due in _due(schedule, schedule.last_run_on, on):
        if due in done:
            continue
        if not rules.can_catch_up(due, on, schedule.open_days):
            reason = "missed while the app was stopped; it would already be closed."
            report.skipped.append(
                {"schedule_id": schedule.schedule_id, "project": schedule.project, "due_on": due}
                | {"reason": reason}
            )
            note = f"Skipped {due.isoformat()}: {reason}"
            continue
        note = _open_one(store, schedule, due, on, base, report)
    return note


def survey_title(name: str, project: str, due: date) -> str:
    """The title of a survey a schedule opens: "<questionnaire>: <project> (<due day>)",
    at most MAX_SURVEY_TITLE (120) characters. The day and the project name stay whole (a
    project name is at most 80); a longer questionnaire title is cut, ending in "…". Only a
    project name too long for even that (an old one) is cut too."""
    name, project = tidy_name(name), tidy_name(project)
    suffix = f" ({due.isoformat()})"
    room = MAX_SURVEY_TITLE - len(suffix)  # for "<questionnaire>: <project>"
    name_room = room - len(": ") - len(project)
    if len(name) <= name_room:
        return f"{name}: {project}{suffix}"
    if name_room >= 12:  # enough of the questionnaire's title to recognise it
        return f"{shorten(name, name_room)}: {project}{suffix}"
    return shorten(f"{name}: {project}", room) + suffix


def _open_one(
    store: Store, schedule: Schedule, due: date, on: date, base: str | None, report: RunReport
) -> str | None:
    closes = rules.closes_on(due, schedule.open_days)
    questionnaire = load_templates()[0].get(schedule.template_id)
    name = questionnaire.title if questionnaire else schedule.template_id
    survey_id = setup.create_survey(
        store,
        project=schedule.project,
        template_id=schedule.template_id,
        title=survey_title(name, schedule.project, due),
        quarter=quarter_of(due),
        threshold=schedule.threshold,
        opens_on=due,
        closes_on=closes,
    )
    if not store.record_schedule_run(schedule.schedule_id, due, survey_id):
        store.delete_unanswered_survey(survey_id)  # another run opened this day first
        return None
    invited, note = _invite(store, schedule, survey_id, base)
    report.opened.append(
        {
            "schedule_id": schedule.schedule_id,
            "project": schedule.project,
            "due_on": due,
            "closes_on": closes,
            "survey_id": survey_id,
            "late": due < on,
            "invited": invited,
            "note": note,
        }
    )
    return f"{due.isoformat()}: opened, open until {closes.isoformat()}. {note}".strip()


def _invite(store: Store, schedule: Schedule, survey_id: str, base: str | None) -> tuple[int, str]:
    """E-mail the recipients their single-use links; (how many were sent, a note)."""
    recipients = store.schedule_recipients(schedule.schedule_id)
    if not recipients:
        return 0, "No recipients: hand out links from Projects and surveys."
    if not mailing.mail_configured():
        return 0, (
            "Invitations could not be sent: e-mail is not set up (AFTERWARD_SMTP_URL and "
            "AFTERWARD_MAIL_FROM). Hand out links from Projects and surveys."
        )
    try:
        delivery = mailing.send_invitations(
            store, survey_id, recipients, schedule.message or None, base or base_url()
        )
    except Exception as exc:  # the survey stays open; the manager is told
        LOG.warning("Invitations for survey %s failed: %s", survey_id, exc)
        return 0, f"Invitations could not be sent: {exc}"
    note = f"Invited {delivery.sent} of {len(recipients)} recipient(s)."
    if base is None and configured_base_url() is None:
        note += f" The links point at {base_url()}: set AFTERWARD_BASE_URL for your team."
    failed = len(delivery.failed) or delivery.failed_count
    if failed:
        note += f" {failed} could not be reached; they can be reminded later."
    return delivery.sent, note


def _remind_due(store: Store, on: date, base: str | None, report: RunReport) -> None:
    """Send each due reminder once (`mailing.send_reminders`: counts only). The run is
    claimed before sending, so a rerun or a second process never sends it twice; when nothing
    could be sent (mail not set up, server unreachable) the claim is undone for the next run.
    Never raises for a mail problem."""
    due = store.schedule_reminders_due(on)
    if due.empty:
        return
    for row in due.itertuples():
        entry = {"schedule_id": row.schedule_id, "project": row.project}
        entry |= {"survey_id": row.survey_id, "sent": 0, "failed": 0, "note": ""}
        if not mailing.mail_configured():
            entry["note"] = (
                "not sent: e-mail is not set up (AFTERWARD_SMTP_URL, AFTERWARD_MAIL_FROM)."
            )
            report.reminded.append(entry)
            continue
        due_on = row.due_on.date() if hasattr(row.due_on, "date") else row.due_on
        if not store.claim_schedule_reminder(row.schedule_id, due_on, on):
            continue  # another run sent it
        try:
            delivery = mailing.send_reminders(store, row.survey_id, base or base_url())
        except Exception as exc:  # the run goes on; the next run tries again
            LOG.warning("Reminders for survey %s failed: %s", row.survey_id, exc)
            store.release_schedule_reminder(row.schedule_id, due_on)
            entry["note"] = f"not sent ({exc}); tried again next run."
        else:
            entry["sent"], entry["failed"] = delivery.sent, delivery.failed_count
        report.reminded.append(entry)


def _due(schedule: Schedule, after: date | None, until: date) -> list[date]:
    return rules.due_days(
        schedule.rule,
        schedule.first_on,
        schedule.every_weeks,
        schedule.dates,
        after,
        until,
        schedule.open_days,
    )


def next_due_on(schedule: Schedule, on: date) -> date | None:
    """The next day the schedule opens a survey, `on` itself included when it has not run
    yet that day; None when it has no more days (or is paused)."""
    if not schedule.active:
        return None
    after = on - timedelta(days=1)
    if schedule.last_run_on is not None:
        after = max(after, schedule.last_run_on)
    return rules.next_due(
        schedule.rule,
        schedule.first_on,
        schedule.every_weeks,
        schedule.dates,
        after,
        schedule.open_days,
    )


# -- setting schedules up --------------------------------------------------------------------


def parse_recipients(text: str) -> list[str]:
    """Recipients' addresses as pasted (one per line, "Name <address>", commas or semicolons,
    or a CSV with an email column: `mailing.parse_addresses`), lower-cased without repeats.
    Raises ValueError naming the entries that are not addresses (nothing is stored)."""
    parsed = mailing.parse_addresses(text or "")
    if parsed.invalid:
        shown = ", ".join(repr(entry) for entry in parsed.invalid[:5])
        more = f" and {len(parsed.invalid) - 5} more" if len(parsed.invalid) > 5 else ""
        raise ValueError(f"Not e-mail addresses: {shown}{more}. Nothing was saved.")
    return parsed.valid


def check_reminder(remind_before_days: int | None, open_days: int) -> None:
    """Raise ValueError (a message for the manager) unless the reminder day falls after the
    day a survey opens and before the day it closes: 1 <= remind_before_days <= open_days - 2.
    None (no reminder) is always fine."""
    if remind_before_days is None:
        return
    days = int(remind_before_days)
    if days < 1:
        raise ValueError("A reminder goes out at least 1 day before the survey closes.")
    if days > int(open_days) - 2:
        raise ValueError(
            f"A reminder {days} day(s) before the close needs the survey open at least "
            f"{days + 2} days (it is open {int(open_days)}), so it goes out after the "
            "invitations."
        )


def add_schedule(
    store: Store,
    *,
    project: str,
    template_id: str,
    rule: str,
    every_weeks: int | None = None,
    dates: list[date] | tuple[date, ...] = (),
    first_on: date,
    open_days: int,
    threshold: int = setup.DEFAULT_THRESHOLD,
    recipients: list[str] | tuple[str, ...] = (),
    message: str = "",
    on: date | None = None,
    remind_before_days: int | None = None,
) -> str:
    """Create a schedule for `project` (created when new); returns its id.

    The first due day is `first_on` (every N weeks) or the first due day on or after it;
    days before `on` (default `clock.today()`, the day it is set up) are never opened, so a
    `first_on` in the past only sets the rhythm. `remind_before_days`: remind those who have
    not answered that many days before each survey closes (None: never; `check_reminder`).
    Raises ValueError (a message for the manager, nothing stored) for an unknown
    questionnaire, a threshold outside 3-100, a rule that cannot work
    (`surveys.cadence.check_rule`) or a blank project name.
    """
    templates = load_templates()[0]
    if template_id not in templates:
        known = ", ".join(sorted(templates)) or "none"
        raise ValueError(f"Unknown template {template_id!r}. Known templates: {known}.")
    if not setup.MIN_THRESHOLD <= int(threshold) <= setup.MAX_THRESHOLD:
        raise ValueError(
            f"The anonymity threshold must be at least {setup.MIN_THRESHOLD} responses "
            f"(and at most {setup.MAX_THRESHOLD})."
        )
    rules.check_rule(rule, every_weeks, list(dates), int(open_days))
    check_reminder(remind_before_days, open_days)
    if not project.strip():
        raise ValueError("A schedule needs a project name.")
    if rule == "dates":
        first_on = min([first_on, *dates])
    found = store.project_by_name(project) or store.create_project(project)
    return store.create_schedule(
        project_id=found.project_id,
        template_id=template_id,
        rule=rule,
        every_weeks=int(every_weeks) if rule == "every_n_weeks" else None,
        dates=sorted(set(dates)) if rule == "dates" else [],
        first_on=first_on,
        open_days=int(open_days),
        threshold=int(threshold),
        message=message.strip(),
        recipients=list(recipients),
        last_run_on=(on or today()) - timedelta(days=1),
        remind_before_days=int(remind_before_days) if remind_before_days is not None else None,
    )


def edit_schedule(
    store: Store,
    schedule_id: str,
    *,
    open_days: int | None = None,
    threshold: int | None = None,
    message: str | None = None,
    recipients: list[str] | None = None,
    rule: str | None = None,
    every_weeks: int | None = None,
    dates: list[date] | None = None,
    first_on: date | None = None,
    remind_before_days: Any = KEEP,
) -> None:
    """Change an existing schedule: only what is given changes (None leaves a value as it is;
    `remind_before_days` None turns the reminder off, and left out keeps it). A new `rule`
    takes its parameters (`every_weeks` and `first_on` for every N weeks, `dates` for given
    dates); `every_weeks`, `dates` or `first_on` alone change the current rule's. Days already
    handled are never opened again; surveys already opened keep their days and threshold.

    Raises ValueError (a message for the manager, nothing stored) for an unknown schedule, a
    threshold outside 3-100, a rule that cannot work with the new values
    (`surveys.cadence.check_rule`) or a reminder that does not fit (`check_reminder`).
    """
    current = store.schedule(schedule_id)
    if current is None:
        raise ValueError(f"No schedule with id {schedule_id!r}.")
    new_rule = rule or current.rule
    new_every = every_weeks if every_weeks is not None else current.every_weeks
    new_dates = sorted(set(dates)) if dates is not None else list(current.dates)
    new_open = int(open_days) if open_days is not None else current.open_days
    if new_rule != "every_n_weeks":
        new_every = None
    if new_rule != "dates":
        new_dates = [] if rule is not None else new_dates
    if threshold is not None and not setup.MIN_THRESHOLD <= int(threshold) <= setup.MAX_THRESHOLD:
        raise ValueError(
            f"The anonymity threshold must be at least {setup.MIN_THRESHOLD} responses "
            f"(and at most {setup.MAX_THRESHOLD})."
        )
    rules.check_rule(new_rule, new_every, new_dates, new_open)
    remind = current.remind_before_days if remind_before_days is KEEP else remind_before_days
    check_reminder(remind, new_open)
    new_first = first_on or current.first_on
    if new_rule == "dates" and (dates is not None or rule is not None):
        new_first = min(new_dates)
    store.update_schedule(
        schedule_id,
        open_days=new_open,
        threshold=int(threshold) if threshold is not None else None,
        message=message.strip() if message is not None else None,
        recipients=list(recipients) if recipients is not None else None,
        rule=new_rule,
        every_weeks=int(new_every) if new_every is not None else None,
        dates=new_dates if new_rule == "dates" else [],
        first_on=new_first,
        remind_before_days=int(remind) if remind is not None else None,
    )


def pause(store: Store, schedule_id: str) -> None:
    """Stop opening surveys (those already open still close on their day). Raises
    ValueError for an unknown schedule."""
    store.set_schedule_active(schedule_id, False)


def resume(store: Store, schedule_id: str, on: date) -> None:
    """Open surveys again from `on` (a due day on `on` itself still opens); days missed
    while paused are not opened late. Raises ValueError for an unknown schedule."""
    store.set_schedule_active(schedule_id, True, on - timedelta(days=1))


def remove(store: Store, schedule_id: str) -> None:
    """Delete the schedule (its surveys stay, and open ones close on their day). Raises
    ValueError for an unknown schedule."""
    if not store.delete_schedule(schedule_id):
        raise ValueError(f"No schedule with id {schedule_id!r}.")


def schedule_list(store: Store, on: date) -> list[dict[str, Any]]:
    """Every schedule as plain values (SCHEDULE_KEYS): id, project, template, rule,
    every_weeks (int or None), dates (ISO strings), first_on, open_days, threshold,
    recipients (count), active (bool), next_due_on / last_run_on (ISO or None),
    last_survey_id (or None), note (the last run's note), description (the rule in words),
    remind_before_days (int or None: no reminder).
    """
    overview = {r["schedule_id"]: r for r in store.schedules_overview().to_dict("records")}
    rows = []
    for schedule in store.schedules():
        extra = overview.get(schedule.schedule_id, {})
        next_day = next_due_on(schedule, on)
        last_survey = extra.get("last_survey_id")
        rows.append(
            {
                "id": schedule.schedule_id,
                "project": schedule.project,
                "template": schedule.template_id,
                "rule": schedule.rule,
                "every_weeks": schedule.every_weeks,
                "dates": [d.isoformat() for d in schedule.dates],
                "first_on": schedule.first_on.isoformat(),
                "open_days": schedule.open_days,
                "threshold": schedule.threshold,
                "recipients": int(extra.get("recipients", 0)),
                "active": schedule.active,
                "next_due_on": next_day.isoformat() if next_day else None,
                "last_run_on": schedule.last_run_on.isoformat() if schedule.last_run_on else None,
                "last_survey_id": last_survey if isinstance(last_survey, str) else None,
                "note": str(extra.get("note") or ""),
                "description": rules.describe(
                    schedule.rule, schedule.every_weeks, schedule.dates, schedule.open_days
                ),
                "remind_before_days": schedule.remind_before_days,
            }
        )
    return rows
