"""Settings read from the environment, shared by the app and the command line."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = ROOT / "data" / "afterward.duckdb"


def database_path() -> Path:
    """AFTERWARD_DB, or data/afterward.duckdb in the project folder."""
    configured = os.environ.get("AFTERWARD_DB", "").strip()
    return Path(configured) if configured else DEFAULT_DB


def base_url() -> str:
    """Where respondents reach the app; links are built on it (AFTERWARD_BASE_URL)."""
    return os.environ.get("AFTERWARD_BASE_URL", "http://localhost:8501").strip() or (
        "http://localhost:8501"
    )
