"""What a manager can do without the browser, as plain data: the one implementation behind
the `afterward` command line and the app's JSON API (`afterward.web.api`), so the CLI gives
the same answers whether it opens the database itself or asks the running app (which holds
the file while it runs).

Every function takes an open store and returns JSON-ready values (bytes for files). Errors:
ValueError (with a message for the manager) for unknown surveys and refused requests; the
store's StoreError when the database cannot be read or written.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from afterward.services import exports, survey_admin
from analysis.anonymity import shown_surveys
from surveys import links
from surveys.store import Store

LEGACY_OPEN_LINK = (
    "This survey's shareable link was made before Afterward kept links, so it cannot be shown "
    "again; it still works. Run with --rotate to replace it."
)


def survey_list(store: Store) -> list[dict[str, Any]]:
    """Every survey (`survey_admin.survey_list`: id, project, title, quarter, status,
    responses, waiting), each with threshold (int) and shown (bool: the anonymity gate lets
    its results be shown; `analysis.anonymity.shown_surveys`)."""
    overview = store.surveys_overview()
    gated = shown_surveys(overview.rename(columns={"anonymity_threshold": "threshold"}))
    rows = survey_admin.survey_rows(overview)
    for row, threshold, shown in zip(rows, gated["threshold"], gated["shown"], strict=True):
        row["threshold"], row["shown"] = int(threshold), bool(shown)
    return rows


def close_survey(store: Store, survey_id: str) -> dict[str, Any]:
    """Close the survey (`survey_admin.set_survey_open`); returns {"id", "status"}."""
    survey_admin.set_survey_open(store, survey_id, False)
    return {"id": survey_id, "status": "closed"}


def survey_links(
    store: Store,
    survey_id: str,
    *,
    base: str,
    invitations: int | None = None,
    rotate: bool = False,
) -> dict[str, Any]:
    """The survey's open link (made the first time, replaced only with `rotate`), or
    `invitations` new single-use links, as full URLs on `base`.

    Returns {"links": [url, ...], "notes": [what the manager should know, ...]}. Raises
    ValueError for an unknown survey, an open link on a threshold below 5, an old open link
    that cannot be shown without `rotate`, or an invitation count outside 1-10,000.
    """
    if invitations is not None:
        made = survey_admin.new_invitation_links(store, survey_id, invitations, base)
        return {"links": made, "notes": []}
    current = survey_admin.open_link(store, survey_id, base)
    exists = current is not None or store.has_open_link(survey_id)
    if exists and current is None and not rotate:
        raise ValueError(LEGACY_OPEN_LINK)
    notes = []
    if current is None or rotate:
        if exists:
            notes.append(survey_admin.ROTATE_WARNING)
        current = survey_admin.new_open_link(store, survey_id, base)
    notes.append(links.OPEN_LINK_WARNING)
    return {"links": [current], "notes": notes}


def survey_results(store: Store, survey_id: str) -> dict[str, Any]:
    """`afterward results --json`: what a manager may see of one survey now
    (`afterward.services.survey_results.survey_results`)."""
    from afterward.services.survey_results import survey_results as gated_results

    return gated_results(store, survey_id)


def export_files(
    store: Store, survey_id: str, fmt: str, *, summary_only: bool = False
) -> dict[str, Any]:
    """A gated export as files: {"files": {suffix: bytes}, "notes": [...]}; suffix "" is the
    main table, others are "<.table>" names to put after the output file's stem
    (`exports.write_export`'s layout). Raises ExportRefused (a ValueError) before anything is
    made when the gate refuses, ValueError for an unknown format or survey."""
    if fmt not in exports.FORMATS:
        raise ValueError(f"Format must be one of {', '.join(exports.FORMATS)}.")
    gated = exports.summary_export if summary_only else exports.survey_export
    export = gated(store, survey_id)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"export.{fmt}"
        written = exports.write_export(export, fmt, out)
        files = {path.name[len("export") : -len(out.suffix)]: path.read_bytes() for path in written}
    return {"files": files, "notes": list(export.notes)}


def write_export_files(files: dict[str, bytes], out: Path) -> list[Path]:
    """Write `export_files`' files at `out` (the main table) and beside it; returns the paths."""
    out.parent.mkdir(parents=True, exist_ok=True)
    written = []
    for suffix_name, data in files.items():
        path = out if not suffix_name else out.with_name(f"{out.stem}{suffix_name}{out.suffix}")
        path.write_bytes(data)
        written.append(path)
    return written


def quarterly_report(store: Store, quarter: str, fmt: str) -> bytes:
    """The quarterly process review as a PDF or HTML file's bytes (`fmt` "pdf" or "html").
    Raises NoSurveysInQuarter (a ValueError) or ValueError for a malformed quarter."""
    # Imported here: plotly, matplotlib and fpdf load slowly and only reports need them.
    from afterward.output import quarterly_report as report
    from afterward.services.quarterly_review import build_quarterly_review

    if fmt not in ("pdf", "html"):
        raise ValueError("The report is written as .pdf or .html.")
    review = build_quarterly_review(store, quarter)
    with tempfile.TemporaryDirectory() as folder:
        return report.write_review(review, Path(folder) / f"review.{fmt}").read_bytes()


def postmortem_file(store: Store, survey_id: str, fmt: str) -> bytes:
    """A survey's post-mortem document as a file's bytes (`fmt` "md", "html" or "pdf"),
    prefilled from its released, gated results (`afterward.services.postmortem`). Raises
    ValueError for an unknown survey or format."""
    from afterward.output import postmortem_document as rendering
    from afterward.services.postmortem import postmortem_document

    if fmt not in rendering.MEDIA_TYPES:
        raise ValueError("The post-mortem is written as .md, .html or .pdf.")
    return rendering.render(postmortem_document(store, survey_id), fmt)


def import_answers(
    store: Store,
    data: bytes,
    filename: str,
    *,
    project: str,
    template_id: str,
    quarter: str | None = None,
    mapping: dict[str, str] | None = None,
    board: bool = False,
    threshold: int | None = None,
    dry_run: bool = False,
) -> dict[str, Any]:
    """Import another tool's export into a new closed survey (`afterward.services.importing`),
    or with `dry_run` only say what would be stored. Returns {"plan": the plan as JSON
    (`ImportPlan.as_json`), "lines": the plan in words, "survey_id": the new survey's id, or
    None for a dry run}. Raises ValueError with a message for the manager for an unreadable
    file, unknown template or question, bad quarter or mapping, or nothing to import."""
    from afterward.services import importing

    options: dict[str, Any] = {}
    if threshold is not None:
        options["threshold"] = int(threshold)
    plan = importing.plan_import(
        store,
        data,
        filename,
        project=project,
        template_id=template_id,
        quarter=quarter,
        mapping=mapping,
        board=board,
        **options,
    )
    survey_id = None if dry_run else importing.run_import(store, plan)
    return {"plan": plan.as_json(), "lines": importing.plan_summary(plan), "survey_id": survey_id}


def invite_by_email(
    store: Store,
    survey_id: str,
    *,
    emails: str,
    base: str,
    message: str | None = None,
    progress: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """`afterward invite` in this process (the command line without the app): e-mail one new
    single-use link per address in `emails` (text: one address per line, or a CSV with an
    email column) on `base`, with `message` (None: the default text); `progress` gets the
    batch's progress after each message (`mail_jobs.MailJob.as_json`). Returns
    `mailing.DeliveryReport.as_json()` (per-address failures). Raises MailError (a
    ValueError) when mail is not configured, the survey is closed, no address is valid or
    the mail server cannot be reached; ValueError for an unknown survey."""
    from afterward.services import mailing

    addresses = mailing.parse_addresses(emails)
    tell = _progress("invitation", survey_id, progress)
    report = mailing.send_invitations(store, survey_id, addresses, message, base, progress=tell)
    return report.as_json()


def remind_by_email(
    store: Store,
    survey_id: str,
    *,
    base: str,
    message: str | None = None,
    progress: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """`afterward remind` in this process: a new link (replacing the old) to each invited
    address whose link is still unused. Returns `mailing.DeliveryReport.as_json()`, counts
    only (no address); `progress` as for `invite_by_email` (counts only). Raises like
    `invite_by_email`."""
    from afterward.services import mailing

    tell = _progress("reminder", survey_id, progress)
    return mailing.send_reminders(store, survey_id, base, message, progress=tell).as_json()


def _progress(kind: str, survey_id: str, progress: Callable[[dict[str, Any]], None] | None):
    """A `mailing.Progress` that hands `progress` the batch as a mail job's JSON."""
    if progress is None:
        return None
    from afterward.services.mail_jobs import MailJob

    tracker = MailJob("local", kind, survey_id)

    def tell(report, total: int) -> None:
        tracker.track(report, total)
        progress(tracker.as_json())

    return tell


def start_invite(
    store: Store, survey_id: str, *, emails: str, base: str, message: str | None = None
) -> dict[str, Any]:
    """`POST /surveys/{id}/invite`: check, then send in the background
    (`mail_jobs.start_invitations`); returns {"job": its id} at once. Raises MailJobBusy (a
    ValueError) when a batch is being sent for the survey, else like `invite_by_email`
    (except that an unreachable mail server is the job's `error`)."""
    from afterward.services import mail_jobs

    return {"job": mail_jobs.start_invitations(store, survey_id, emails, message, base).job_id}


def start_remind(
    store: Store, survey_id: str, *, base: str, message: str | None = None
) -> dict[str, Any]:
    """`POST /surveys/{id}/remind`: `mail_jobs.start_reminders`; returns {"job": its id}.
    Raises like `start_invite`."""
    from afterward.services import mail_jobs

    return {"job": mail_jobs.start_reminders(store, survey_id, base, message).job_id}


def mail_job(job_id: str) -> dict[str, Any]:
    """`GET /mail-jobs/{id}`: the batch's progress (`mail_jobs.MailJob.as_json`). Raises
    UnknownMailJob (a LookupError) for an id this process does not know."""
    from afterward.services import mail_jobs

    return mail_jobs.job(job_id).as_json()


# -- recurring retros (`afterward schedule ...`) ---------------------------------------------


class UnknownSchedule(LookupError, ValueError):
    """No schedule has that id (the API answers 404, the CLI exits with 2)."""


def schedule_add(
    store: Store,
    *,
    project: str,
    template_id: str,
    rule: str,
    every_weeks: int | None = None,
    dates: list[str] | None = None,
    first_on: str | None = None,
    open_days: int,
    threshold: int | None = None,
    emails: str = "",
    message: str = "",
    remind_before_days: int | None = None,
) -> dict[str, Any]:
    """Create a recurring retro (`recurring.add_schedule`); `dates` and `first_on` are ISO
    days (first_on default: today, or the first given date), `emails` the recipients'
    addresses as pasted text (`recurring.parse_recipients`), `remind_before_days` when to
    remind those who have not answered (None or 0: no reminder). Returns {"id", "description",
    "next_due_on"} (ISO or None). Raises ValueError with a message for the manager for a
    malformed day, address or rule, an unknown questionnaire or a threshold outside 3-100."""
    from afterward.services import recurring
    from clock import today
    from surveys.cadence import parse_dates

    days = parse_dates(",".join(dates or []))
    start = _iso_day(first_on) if first_on else (min(days) if days and rule == "dates" else None)
    schedule_id = recurring.add_schedule(
        store,
        project=project,
        template_id=template_id,
        rule=rule,
        every_weeks=every_weeks,
        dates=days,
        first_on=start or today(),
        open_days=int(open_days),
        threshold=int(threshold) if threshold is not None else recurring.setup.DEFAULT_THRESHOLD,
        recipients=recurring.parse_recipients(emails),
        message=message,
        remind_before_days=int(remind_before_days) if remind_before_days else None,
    )
    shown = _schedule_row(store, schedule_id)
    return {k: shown[k] for k in ("id", "description", "next_due_on", "recipients")}


def schedule_edit(
    store: Store,
    schedule_id: str,
    *,
    open_days: int | None = None,
    threshold: int | None = None,
    emails: str | None = None,
    message: str | None = None,
    rule: str | None = None,
    every_weeks: int | None = None,
    dates: list[str] | None = None,
    first_on: str | None = None,
    remind_before_days: int | None = None,
) -> dict[str, Any]:
    """`afterward schedule edit`: change what is given (`recurring.edit_schedule`); `emails`
    replaces the recipients (pasted text), `dates` and `first_on` are ISO days,
    `remind_before_days` 0 turns the reminder off (None: unchanged). Returns {"id",
    "description", "next_due_on", "recipients", "remind_before_days"}. Raises
    UnknownSchedule; ValueError with a message for the manager for a malformed day or
    address, a rule that cannot work or a threshold outside 3-100 (nothing changed then)."""
    from afterward.services import recurring
    from surveys.cadence import parse_dates

    _known_schedule(store, schedule_id)
    changes: dict[str, Any] = {}
    if remind_before_days is not None:
        changes["remind_before_days"] = int(remind_before_days) or None
    recurring.edit_schedule(
        store,
        schedule_id,
        open_days=int(open_days) if open_days is not None else None,
        threshold=int(threshold) if threshold is not None else None,
        message=message,
        recipients=recurring.parse_recipients(emails) if emails is not None else None,
        rule=rule or None,
        every_weeks=int(every_weeks) if every_weeks is not None else None,
        dates=parse_dates(",".join(dates)) if dates is not None else None,
        first_on=_iso_day(first_on) if first_on else None,
        **changes,
    )
    shown = _schedule_row(store, schedule_id)
    keys = ("id", "description", "next_due_on", "recipients", "remind_before_days")
    return {k: shown[k] for k in keys}


def schedule_list(store: Store) -> list[dict[str, Any]]:
    """Every recurring retro (`recurring.schedule_list`: recurring.SCHEDULE_KEYS)."""
    from afterward.services import recurring
    from clock import today

    return recurring.schedule_list(store, today())


def schedule_set_active(store: Store, schedule_id: str, active: bool) -> dict[str, Any]:
    """Pause or resume a recurring retro; returns {"id", "active", "next_due_on"}. Raises
    UnknownSchedule."""
    from afterward.services import recurring
    from clock import today

    _known_schedule(store, schedule_id)
    if active:
        recurring.resume(store, schedule_id, today())
    else:
        recurring.pause(store, schedule_id)
    shown = _schedule_row(store, schedule_id)
    return {k: shown[k] for k in ("id", "active", "next_due_on")}


def schedule_remove(store: Store, schedule_id: str) -> dict[str, Any]:
    """Delete a recurring retro (its surveys stay); returns {"id"}. Raises UnknownSchedule."""
    from afterward.services import recurring

    _known_schedule(store, schedule_id)
    recurring.remove(store, schedule_id)
    return {"id": schedule_id}


def schedule_run(store: Store) -> dict[str, Any]:
    """Run what the schedules make due today (`recurring.run_due`); the report as JSON
    (`RunReport.as_json` plus "lines", the report in words)."""
    from afterward.services import recurring
    from clock import today

    report = recurring.run_due(store, today())
    return {**report.as_json(), "lines": report.lines()}


def _known_schedule(store: Store, schedule_id: str) -> None:
    if store.schedule(schedule_id) is None:
        raise UnknownSchedule(f"No schedule with id {schedule_id!r}.")


def _schedule_row(store: Store, schedule_id: str) -> dict[str, Any]:
    return next(row for row in schedule_list(store) if row["id"] == schedule_id)


def _iso_day(text: str):
    from datetime import date

    try:
        return date.fromisoformat(str(text).strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a date like 2026-12-04.") from None
