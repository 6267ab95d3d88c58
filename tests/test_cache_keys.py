"""Caches and schedulers are kept per store object, never per id(store): a store opened
after another was closed and collected (CPython often gives it the same id) never gets the
closed one's entries (`survey_results._gated_texts`' cache, `scheduler.start_scheduler`)."""

from __future__ import annotations

import gc
import shutil
import weakref

from afterward.services import scheduler, survey_results
from afterward.services.publishing import open_store
from surveys.store import Store
from tests.test_survey_texts import filled


def _recategorised(path) -> None:
    """The same data with every answer's category changed in place: data_version (counts)
    stays the same, what the text browser shows does not."""
    with Store(path) as other:
        rows = other.analysed_texts()
        rows["category"] = "people"
        other.save_text_analysis(rows)


def _texts_of(path, survey_id):
    with open_store(path) as opened:
        return survey_results.survey_texts(opened, survey_id), opened.data_version()


def test_a_store_reusing_a_closed_stores_id_never_gets_its_cached_texts(tmp_path):
    first_path, second_path = tmp_path / "first.duckdb", tmp_path / "second.duckdb"
    with open_store(first_path) as first:
        survey_id = filled(first)
    shutil.copyfile(first_path, second_path)
    _recategorised(second_path)
    survey_results._TEXT_CACHE.clear()
    first_texts, first_version = _texts_of(first_path, survey_id)
    survey_results._TEXT_CACHE.clear()
    second_texts, second_version = _texts_of(second_path, survey_id)
    survey_results._TEXT_CACHE.clear()
    assert first_version == second_version  # the data version cannot tell them apart
    assert set(first_texts["category"]) == {"process", "testing"}
    assert set(second_texts["category"]) == {"people"}

    # CPython reuses a freed object's address sooner or later; how soon depends on what the
    # rest of the suite left on the heap, so keep opening stores until it has happened a few
    # times (usually within 20 turns).
    ids, reused = set(), 0
    for turn in range(400):
        if reused >= 3:
            break
        path, expected = (first_path, first_texts) if turn % 2 else (second_path, second_texts)
        opened = open_store(path)
        try:
            reused += id(opened) in ids
            ids.add(id(opened))
            got = survey_results.survey_texts(opened, survey_id)
            assert got.equals(expected), "a fresh store got a closed store's cached texts"
        finally:
            opened.close()
        del opened
        gc.collect()
    assert reused, "no store reused an id: the test proved nothing"


def test_the_text_cache_entries_go_with_their_store(tmp_path):
    with open_store(tmp_path / "texts.duckdb") as opened:
        survey_id = filled(opened)
        survey_results.survey_texts(opened, survey_id)
        assert survey_id in survey_results._TEXT_CACHE[opened]
    gone = weakref.ref(opened)
    del opened
    gc.collect()
    assert gone() is None
    assert all(store is not None for store in survey_results._TEXT_CACHE.keys())


def test_each_store_has_its_own_scheduler_kept_by_the_store_itself(tmp_path):
    with Store(tmp_path / "a.duckdb") as first, Store(tmp_path / "b.duckdb") as second:
        running = scheduler.start_scheduler(first, interval_s=3600)
        try:
            assert scheduler.start_scheduler(first, interval_s=3600) is running
            assert scheduler.scheduler_of(first) is running and running.store is first
            assert scheduler.scheduler_of(second) is None
            # The store object is the key, not a number a later store may get.
            assert first in scheduler._SCHEDULERS
            assert id(first) not in scheduler._SCHEDULERS
        finally:
            scheduler.stop_scheduler(first)
        assert scheduler.scheduler_of(first) is None and not running.running
        assert first not in scheduler._SCHEDULERS
    del running, first, second
    gc.collect()
    fresh = Store(":memory:")
    try:
        assert scheduler.scheduler_of(fresh) is None
    finally:
        fresh.close()
