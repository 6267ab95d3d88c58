"""Invitations and reminders sent in the background, with progress.

Sending is rate-limited (`mailing.RateLimit`: 1,000 addresses at 5 a second take over three
minutes), so no page and no HTTP request waits for it: `start_invitations` and
`start_reminders` check the request at once (settings, survey, addresses: the same
MailError / ValueError as `mailing`), then send on a thread of their own and return a
`MailJob` whose counts grow as messages go out. Pages, the JSON API and the command line
read it by id (`job`) until `done`.

Jobs live in this process only (the app's, or the command line's when it sends itself) and
are forgotten an hour after they finish. One job per survey at a time: a second is refused
with MailJobBusy, so two batches never race over the same invitations.

Privacy: an invitation job keeps per-address failures (the manager must know whom to
retry); a reminder job keeps counts only, never an address.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from afterward.services import mailing
from surveys.store import Store

LOG = logging.getLogger(__name__)
KEEP_SECONDS = 3600.0  # how long a finished job can still be read


class MailJobBusy(ValueError):
    """E-mail is already being sent for that survey (the API answers 409, the CLI exits 2)."""


class UnknownMailJob(LookupError):
    """No job has that id in this process (finished over an hour ago, or the app restarted)."""


@dataclass
class MailJob:
    """One batch being sent. `kind` is "invitation" or "reminder"; `total` the messages to
    send (0 until known); `sent` and `failed` counts so far; `failures` [(address, reason)]
    for invitations only (always empty for reminders); `done` once it finished; `error` the
    message when the batch could not run at all (mail server unreachable, say), else "";
    `report` the final `mailing.DeliveryReport` (None until done, or after an error)."""

    job_id: str
    kind: str
    survey_id: str
    total: int = 0
    sent: int = 0
    failed: int = 0
    handled: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    done: bool = False
    error: str = ""
    report: mailing.DeliveryReport | None = None
    finished_at: float | None = None
    _started: bool = field(default=False, repr=False)

    @property
    def fraction(self) -> float:
        """How far it is, 0-1 (1 when done)."""
        if self.done:
            return 1.0
        return min(self.handled / self.total, 1.0) if self.total else 0.0

    def progress_line(self) -> str:
        """Where it stands in words: counts only (no address)."""
        what = "invitation(s)" if self.kind == "invitation" else "reminder(s)"
        failed = f", {self.failed} not delivered" if self.failed else ""
        if not self.total and not self.done:
            return f"Preparing {what}…"
        return f"Sent {self.sent} of {self.total} {what}{failed}."

    def as_json(self) -> dict[str, Any]:
        """JSON-ready: id, kind, survey_id, total, sent, failed, failures ([{address, reason}],
        invitations only), done, error, progress (`progress_line`), report
        (`DeliveryReport.as_json()` or None)."""
        return {
            "id": self.job_id,
            "kind": self.kind,
            "survey_id": self.survey_id,
            "total": self.total,
            "sent": self.sent,
            "failed": self.failed,
            "failures": [{"address": a, "reason": r} for a, r in self.failures],
            "done": self.done,
            "error": self.error,
            "progress": self.progress_line(),
            "report": self.report.as_json() if self.report is not None else None,
        }

    def track(self, report: mailing.DeliveryReport, total: int) -> None:
        """`mailing.Progress`: the first call gives the total, each later one a message."""
        if self._started:
            self.handled += 1
        self._started = True
        self.total = total
        self.sent, self.failed = report.sent, report.failed_count
        if self.kind == "invitation":
            self.failures = list(report.failed)


_JOBS: dict[str, MailJob] = {}
_LOCK = threading.Lock()


def start_invitations(
    store: Store, survey_id: str, emails: str, message: str | None, base: str
) -> MailJob:
    """Check, then e-mail one new single-use link per address in `emails` (text: one per line,
    or a CSV with an email column) in the background (`mailing.send_invitations`). Returns
    the job at once. Raises MailJobBusy when a batch is being sent for the survey; ValueError
    for an unknown survey; MailError (a ValueError) when mail is not configured, the survey
    is closed, or no address is valid (nothing stored or sent then)."""
    parsed = mailing.check_invitations(store, survey_id, mailing.parse_addresses(emails))

    def work(job: MailJob) -> mailing.DeliveryReport:
        return mailing.send_invitations(store, survey_id, parsed, message, base, progress=job.track)

    return _start("invitation", survey_id, work)


def start_reminders(store: Store, survey_id: str, base: str, message: str | None = None) -> MailJob:
    """Check, then remind the invited addresses whose link is unused in the background
    (`mailing.send_reminders`: counts only). Returns the job at once. Raises MailJobBusy,
    ValueError or MailError like `start_invitations`."""
    mailing.check_reminders(store, survey_id)

    def work(job: MailJob) -> mailing.DeliveryReport:
        return mailing.send_reminders(store, survey_id, base, message, progress=job.track)

    return _start("reminder", survey_id, work)


def _start(kind: str, survey_id: str, work: Callable[[MailJob], Any]) -> MailJob:
    with _LOCK:
        _forget_old()
        if running_for(survey_id) is not None:
            raise MailJobBusy(
                "E-mail is already being sent for this survey: wait until that batch has "
                "finished, then try again."
            )
        job = MailJob(str(uuid.uuid4()), kind, survey_id)
        _JOBS[job.job_id] = job
    thread = threading.Thread(target=_run, args=(job, work), name=f"afterward-mail-{kind}")
    thread.daemon = True
    thread.start()
    return job


def _run(job: MailJob, work: Callable[[MailJob], mailing.DeliveryReport]) -> None:
    try:
        report = work(job)
        job.sent, job.failed = report.sent, report.failed_count
        if job.kind == "invitation":
            job.failures = list(report.failed)
        job.report = report
    except ValueError as exc:  # MailError and refusals: a message for the manager
        job.error = str(exc)
    except Exception as exc:  # the database failed: say so, never crash the thread
        LOG.exception("Sending %s for survey %s failed", job.kind, job.survey_id)
        job.error = f"Sending stopped: {exc or type(exc).__name__}"
    finally:
        job.finished_at = time.monotonic()
        job.done = True


def job(job_id: str) -> MailJob:
    """The job with that id. Raises UnknownMailJob (a LookupError) when there is none."""
    found = _JOBS.get(str(job_id))
    if found is None:
        raise UnknownMailJob(
            f"No e-mail job with id {job_id!r} (it finished over an hour ago, or the app "
            "restarted)."
        )
    return found


def running_for(survey_id: str) -> MailJob | None:
    """The survey's batch being sent now, or None."""
    return next((j for j in list(_JOBS.values()) if j.survey_id == survey_id and not j.done), None)


def wait(job_id: str, timeout_s: float = 600.0, poll_s: float = 0.05) -> MailJob:
    """Block until the job is done (tests and the command line without the app); returns it.
    Raises UnknownMailJob; TimeoutError when it is still running after `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    found = job(job_id)
    while not found.done:
        if time.monotonic() > deadline:
            raise TimeoutError(f"The e-mail job {job_id} is still running.")
        time.sleep(poll_s)
    return found


def _forget_old() -> None:
    now = time.monotonic()
    for job_id, found in list(_JOBS.items()):
        if found.finished_at is not None and now - found.finished_at > KEEP_SECONDS:
            del _JOBS[job_id]
