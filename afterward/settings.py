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


DEFAULT_BASE_URL = "http://localhost:8501"


def configured_base_url() -> str | None:
    """AFTERWARD_BASE_URL without a trailing slash, or None when it is not set."""
    return os.environ.get("AFTERWARD_BASE_URL", "").strip().rstrip("/") or None


def base_url(seen_from: str | None = None) -> str:
    """Where respondents reach the app; links are built on it.

    AFTERWARD_BASE_URL when set; else `seen_from` (the scheme and host the manager's browser
    used to reach the app, when there is one); else DEFAULT_BASE_URL (localhost:8501).
    """
    return configured_base_url() or (seen_from or "").rstrip("/") or DEFAULT_BASE_URL
