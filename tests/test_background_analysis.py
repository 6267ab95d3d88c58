"""Analysis runs in the background in the server: no page waits for it, pages show its
progress and the last finished analysis, and the first analysis starts at start-up."""

from __future__ import annotations

import threading
import time
from datetime import date

from afterward.services import analysis_upkeep
from afterward.services.publishing import open_store
from surveys import setup
from surveys.questionnaire import AnswerRow
from surveys.store import Store
from tests.conftest import app_store
from tests.pages.data import populate
from tests.pages.test_manager_pages import PAGES


def _wait_until(condition, timeout_s: float = 120.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def test_worker_brings_the_analysis_up_to_date_and_stops(db_path):
    with Store(db_path) as store:
        populate(store)
        assert analysis_upkeep.needs_refresh(store)
        worker = analysis_upkeep.start_background(store, interval_s=0.2)
        try:
            assert analysis_upkeep.background_of(store) is worker
            _wait_until(lambda: not analysis_upkeep.needs_refresh(store))
            _wait_until(lambda: not worker.progress.running)
            assert not worker.progress.error
            assert not store.analysed_texts().empty
        finally:
            analysis_upkeep.stop_background(store)
        assert analysis_upkeep.background_of(store) is None
        assert not worker._thread.is_alive()


def test_worker_survives_a_failure_and_says_so(db_path, monkeypatch):
    with Store(db_path) as store:
        populate(store)

        def broken(store, progress=None):
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(analysis_upkeep, "ensure_current", broken)
        worker = analysis_upkeep.start_background(store, interval_s=0.1)
        try:
            _wait_until(lambda: worker.progress.error == "disk on fire", 10)
            assert worker._thread.is_alive()
        finally:
            analysis_upkeep.stop_background(store)


def test_page_does_not_wait_for_the_analysis_when_a_worker_runs(app, db_path):
    with Store(db_path) as store:
        populate(store)
    app.session_state["manager_login"] = True
    app.run()
    store = app_store()
    started = {}
    real = analysis_upkeep.ensure_current

    def slow(store, progress=None):
        started["yes"] = True
        time.sleep(3)
        return real(store, progress)

    analysis_upkeep.ensure_current = slow
    try:
        analysis_upkeep.start_background(store, interval_s=60)
        app.switch_page(PAGES["themes"]).run()
        assert not app.exception, [e.message for e in app.exception]
        shown = " ".join(str(p.proto) for p in app.get("progress"))
        assert "in the background" in shown, shown  # progress, not a blocked page
        _wait_until(lambda: not analysis_upkeep.needs_refresh(store))
        assert started
    finally:
        analysis_upkeep.ensure_current = real
        analysis_upkeep.stop_background(store)


def test_worker_gives_way_while_respondents_submit(db_path, monkeypatch):
    """The analysis takes seconds of CPU: while submissions keep arriving it waits, then runs
    once they stop. The page is told only "Starting", as for any start: a message of its own
    would tell a manager that someone is submitting right now."""
    monkeypatch.setattr(analysis_upkeep, "QUIET_SECONDS", 1.0)
    with open_store(db_path) as store:
        populate(store)
        survey_id = setup.create_survey(
            store, project="Harbour Website", template_id="sprint-retro", opens_on=date(2026, 1, 1)
        )
        stop = threading.Event()

        def respondents() -> None:  # one every 0.2 s until told to stop
            while not stop.is_set():
                store.record_response(survey_id, [AnswerRow("sprint_rating", value_number=3.0)])
                stop.wait(0.2)

        submitting = threading.Thread(target=respondents)
        submitting.start()
        _wait_until(lambda: store.seconds_since_last_submission() < 1.0, 10)
        worker = analysis_upkeep.start_background(store, interval_s=0.1)
        try:
            _wait_until(lambda: worker.giving_way, 10)
            seen = set()
            for _ in range(15):  # 3 s of sampling while they keep submitting
                seen.add((worker.giving_way, worker.progress.message))
                time.sleep(0.2)
            assert seen == {(True, "Starting")}
            assert analysis_upkeep.needs_refresh(store)
            stop.set()
            submitting.join()
            _wait_until(lambda: not analysis_upkeep.needs_refresh(store))
            _wait_until(lambda: not worker.progress.running)
            assert not worker.progress.error
        finally:
            stop.set()
            analysis_upkeep.stop_background(store)
