"""How long typed names and texts may be, and how project names compare: one place for both.

Every entry point (CLI, pages, HTTP API, imports, schedules) reaches the store through the
services, and the check sits in the one validation step each kind of text passes
(`surveys.setup.create_survey`, `Store.create_project`, the action and post-mortem checks in
the store), so the limit and its message are the same everywhere.
"""

from __future__ import annotations

MAX_SURVEY_TITLE = 120
MAX_PROJECT_NAME = 80
MAX_ACTION_TITLE = 300
MAX_OWNER_NAME = 120
MAX_SUMMARY = 20_000  # one post-mortem section's summary


def check_length(text: str, limit: int, what: str) -> str:
    """`text` unchanged when it has at most `limit` characters (counted after trimming).

    Raises ValueError "Keep the <what> to at most <limit> characters (now <n>)." otherwise.
    """
    length = len(text.strip())
    if length > limit:
        raise ValueError(f"Keep the {what} to at most {limit} characters (now {length}).")
    return text


def tidy_name(name: str) -> str:
    """`name` trimmed, each run of whitespace (tabs, line breaks too) one space."""
    return " ".join(str(name).split())


def name_key(name: str) -> str:
    """What two project names must share to be the same project: tidied, case ignored
    (``"  review PROJ "`` and ``"Review proj"`` give the same key)."""
    return tidy_name(name).casefold()


def shorten(text: str, limit: int) -> str:
    """`text` trimmed, cut to at most `limit` characters with "…" as the last one when longer."""
    text = str(text).strip()
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + "…"
