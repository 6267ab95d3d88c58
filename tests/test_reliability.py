"""Nothing acknowledged is lost and nothing half-written is kept: crashes, full disks, locks."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from surveys import setup
from surveys.store import DatabaseLocked, Store
from tests.conftest import ROOT, stored_rows
from tests.writer_child import ANSWERS_PER_RESPONSE


def start_writer(db: Path, survey_id: str, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.writer_child", str(db), survey_id, *extra],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def make_survey(db: Path) -> str:
    with Store(db) as store:
        return setup.create_survey(store, project="Crash test", template_id="sprint-retro")


def assert_consistent(db: Path, acknowledged: set[int]) -> None:
    with Store(db) as store:
        answers = stored_rows(store, "answers")
        responses = stored_rows(store, "responses")
    per_response = answers.groupby("response_id").size()
    # Every stored response is whole, and no answer is orphaned.
    assert (per_response == ANSWERS_PER_RESPONSE).all()
    assert set(per_response.index) == set(responses["response_id"])
    stored = set(answers["value_number"].astype(int))
    assert acknowledged <= stored, sorted(acknowledged - stored)[:5]


def test_sigkill_mid_burst_keeps_every_acknowledged_response(tmp_path):
    db = tmp_path / "crash.duckdb"
    survey_id = make_survey(db)
    writer = start_writer(db, survey_id)
    acknowledged: set[int] = set()
    deadline = time.monotonic() + 60
    while len(acknowledged) < 150 and time.monotonic() < deadline:
        line = writer.stdout.readline()
        if line.startswith("ack "):
            acknowledged.add(int(line.split()[1]))
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    assert len(acknowledged) >= 150
    assert_consistent(db, acknowledged)


def test_full_disk_refuses_with_a_clear_error_and_corrupts_nothing(tmp_path):
    db = tmp_path / "full.duckdb"
    survey_id = make_survey(db)
    limit = db.stat().st_size + 256 * 1024
    writer = start_writer(db, survey_id, "--fsize", str(limit))
    out, err = writer.communicate(timeout=120)
    assert "Traceback" not in err, err[-2000:]
    acknowledged = {int(line.split()[1]) for line in out.splitlines() if line.startswith("ack ")}
    failed = [line for line in out.splitlines() if line.startswith("fail ")]
    assert acknowledged and failed, "the size limit should let some writes through, then refuse"
    assert_consistent(db, acknowledged)
    # With space again, writing works.
    with Store(db) as store:
        store.record_response(survey_id, [])


def test_database_held_by_another_process_gets_a_clear_message(held_database, monkeypatch):
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    db = held_database
    try:
        with pytest.raises(DatabaseLocked):
            Store(db)
        monkeypatch.setenv("AFTERWARD_DB", str(db))
        st.cache_resource.clear()
        at = AppTest.from_file(str(ROOT / "navigation.py"), default_timeout=30).run()
        assert not at.exception
        assert any("in use by another Afterward process" in e.value for e in at.error)
        done = subprocess.run(
            [sys.executable, "-m", "afterward.cli", "templates"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0  # templates need no database
        closed = subprocess.run(
            [sys.executable, "-m", "afterward.cli", "survey", "close", "x"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "AFTERWARD_DB": str(db)},
        )
        assert closed.returncode != 0
        assert closed.stderr.strip().count("\n") == 0 and "in use" in closed.stderr
    finally:
        st.cache_resource.clear()
