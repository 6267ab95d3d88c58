"""Background work is remembered per store object, not per id(store): once a store is closed
and collected, a fresh store (which may get the same id) finds no run or worker of the old
one (`recurring.start_run`, `analysis_upkeep.start_background`)."""

from __future__ import annotations

import gc
import time
import weakref
from datetime import date

from afterward.services import analysis_upkeep, recurring
from surveys.store import Store


def _wait_until(condition, timeout_s: float = 30.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_a_fresh_store_never_gets_a_closed_stores_run_now(tmp_path):
    before = len(recurring._BACKGROUND)
    old = Store(tmp_path / "old.duckdb")
    run = recurring.start_run(old, date(2027, 1, 4))  # no schedules: nothing to do
    _wait_until(lambda: run.done)
    assert run.error == "" and recurring.background_run(old) is run
    assert len(recurring._BACKGROUND) == before + 1
    old_id, gone = id(old), weakref.ref(old)
    old.close()
    del old
    gc.collect()
    assert gone() is None
    assert len(recurring._BACKGROUND) == before  # the entry went with its store
    # Fresh stores, one of which usually gets the old one's id: none has a run.
    for _ in range(10):
        fresh = Store(":memory:")
        try:
            assert recurring.background_run(fresh) is None
            if id(fresh) == old_id:
                break
        finally:
            fresh.close()


def test_each_store_has_its_own_analysis_worker_and_a_fresh_store_none(tmp_path):
    with Store(tmp_path / "a.duckdb") as first, Store(tmp_path / "b.duckdb") as second:
        worker = analysis_upkeep.start_background(first, interval_s=60)
        try:
            assert analysis_upkeep.start_background(first, interval_s=60) is worker
            assert analysis_upkeep.background_of(first) is worker and worker.store is first
            assert analysis_upkeep.background_of(second) is None
        finally:
            analysis_upkeep.stop_background(first)
        assert analysis_upkeep.background_of(first) is None
        assert not worker._thread.is_alive()
        assert first not in analysis_upkeep._WORKERS  # popped explicitly: the worker held it
    del worker, first, second
    gc.collect()
    fresh = Store(":memory:")
    try:
        assert analysis_upkeep.background_of(fresh) is None
    finally:
        fresh.close()
