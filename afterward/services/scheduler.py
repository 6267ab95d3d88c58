"""The app's scheduler: runs the recurring retros (`recurring.run_due`) inside the server.

One APScheduler `BackgroundScheduler` per store, started by the server at start-up
(`afterward.web.http.lifespan`) and stopped at shut-down; never under AppTest, pytest or the
command line unless a caller starts it. It has one job: `run_due(store, clock.today())` once
at start-up and then every `interval_s` seconds (hourly by default), with `coalesce=True` and
`max_instances=1`, so a slow run is never doubled and missed runs collapse into one.

No APScheduler job store: what has been done lives in DuckDB (each schedule's last run day
and the surveys it opened), so the job itself holds no state. After a restart the first run
catches up from the database (`recurring.run_due` opens a missed day late while its survey
would still be open), and running twice on one day does nothing the second time.

Errors are logged and kept in `last_error`; they never leave the job, so the scheduler
thread keeps going.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable
from datetime import date

from apscheduler.schedulers.background import BackgroundScheduler

import clock
from afterward.services import recurring
from surveys.store import Store

LOG = logging.getLogger(__name__)
DEFAULT_INTERVAL_S = 3600.0
JOB_ID = "afterward-recurring-retros"


class RetroScheduler:
    """Runs `recurring.run_due` for one store on a background thread.

    `today` is the clock (default `clock.today`, AFTERWARD_TIMEZONE). `last_report` is the
    last run's `RunReport` (None before the first), `last_error` the last failure's message
    ("" when the last run worked), `runs` how many runs finished.
    """

    def __init__(
        self,
        store: Store,
        interval_s: float = DEFAULT_INTERVAL_S,
        today: Callable[[], date] = clock.today,
    ) -> None:
        self.store = store
        self.interval_s = interval_s
        self.today = today
        self.last_report: recurring.RunReport | None = None
        self.last_error = ""
        self.runs = 0
        self._scheduler = BackgroundScheduler(
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None}
        )

    def start(self) -> RetroScheduler:
        """Start the thread: the first run starts at once, then one every `interval_s`."""
        self._scheduler.add_job(self.run_once, "interval", seconds=self.interval_s, id=JOB_ID)
        self._scheduler.add_job(self.run_once, id=f"{JOB_ID}-at-start")  # no trigger: now
        self._scheduler.start()
        return self

    def stop(self) -> None:
        """Stop the thread, letting a run in progress finish."""
        if self._scheduler.running:
            # Jobs first: APScheduler 3 raises in its own thread when it is shut down while
            # it removes a finished one-off job (the start-up run).
            self._scheduler.remove_all_jobs()
            self._scheduler.shutdown(wait=True)

    @property
    def running(self) -> bool:
        return bool(self._scheduler.running)

    def run_once(self) -> recurring.RunReport | None:
        """One run for today; logs and keeps errors instead of raising them."""
        try:
            report = recurring.run_due(self.store, self.today())
        except Exception as exc:  # the scheduler thread must outlive any failure
            LOG.exception("Recurring retros: the run failed")
            self.last_error = str(exc) or type(exc).__name__
            return None
        for line in report.lines() if (report.opened or report.closed or report.skipped) else []:
            LOG.info("Recurring retros: %s", line)
        for message in report.errors:
            LOG.warning("Recurring retros: %s", message)
        self.last_report, self.last_error = report, ""
        self.runs += 1
        return report


# Store -> its running scheduler. Keyed by the store itself (weak keys, as `analysis_upkeep`
# and `recurring`), not id(store), a number a later store can get once this one is gone. The
# scheduler holds its store, so the entry lives until `stop_scheduler` pops it.
_SCHEDULERS: weakref.WeakKeyDictionary[Store, RetroScheduler] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def start_scheduler(store: Store, interval_s: float = DEFAULT_INTERVAL_S) -> RetroScheduler:
    """Start (once per store) the recurring-retro scheduler; returns it."""
    with _LOCK:
        found = _SCHEDULERS.get(store)
        if found is None:
            found = _SCHEDULERS[store] = RetroScheduler(store, interval_s).start()
        return found


def scheduler_of(store: Store) -> RetroScheduler | None:
    """The store's running scheduler, or None where none runs (tests, the CLI)."""
    return _SCHEDULERS.get(store)


def stop_scheduler(store: Store) -> None:
    """Stop the store's scheduler (at shut-down); does nothing when none runs."""
    with _LOCK:
        found = _SCHEDULERS.pop(store, None)
    if found is not None:
        found.stop()
