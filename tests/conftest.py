"""Shared fixtures: each test gets its own DuckDB file; AppTests get a fresh process cache."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from surveys import setup
from surveys.store import Store

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = ROOT.parent / "shared" / "eval"
DASHBOARD = str(ROOT / "navigation.py")  # the Streamlit script that dashboard.py serves
MANAGER_PASSWORD = "correct horse battery staple"


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "afterward.duckdb"
    monkeypatch.setenv("AFTERWARD_DB", str(path))
    monkeypatch.setenv("AFTERWARD_ADMIN_PASSWORD", MANAGER_PASSWORD)
    return path


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store(db_path) as opened:
        yield opened


def _harbour_survey(store: Store, **options: object) -> str:
    return setup.create_survey(
        store,
        project="Harbour Website",
        template_id="project-postmortem",
        quarter="2026Q3",
        opens_on=date(2026, 1, 1),
        **options,
    )


@pytest.fixture
def survey_id(store: Store) -> str:
    return _harbour_survey(store)


@pytest.fixture
def open_survey_id(store: Store) -> str:
    """A survey that may have a shareable link: threshold 5 (`links.OPEN_LINK_MIN_THRESHOLD`)."""
    return _harbour_survey(store, threshold=5)


@pytest.fixture
def app(db_path: Path) -> Iterator[AppTest]:
    """The dashboard under AppTest, using the test's database (opened by the app itself)."""
    st.cache_resource.clear()
    st.cache_data.clear()
    yield AppTest.from_file(DASHBOARD, default_timeout=30)
    st.cache_resource.clear()


def stored_rows(store: Store, table: str):
    """Every stored row of `responses` or `answers`: released and still waiting for release."""
    import pandas as pd

    return pd.concat(
        [store.table_rows(table), store.table_rows(f"pending_{table}")], ignore_index=True
    )


def app_store() -> Store:
    """The store the app under test opened (the same process-wide cached object)."""
    from afterward.web.session import store_or_stop

    return store_or_stop()


@pytest.fixture
def held_database(tmp_path: Path) -> Iterator[Path]:
    """A DuckDB file another process holds open (so no Store can open it), released after."""
    import subprocess
    import sys

    db = tmp_path / "held.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(db)!r}); "
            "print('ready', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        yield db
    finally:
        holder.kill()
        holder.wait()
