"""Understand: pure analysis over text and DataFrames (no Streamlit, no DuckDB)."""

from analysis.blame import blame_phrases
from analysis.redaction import redact
from analysis.root_causes import classify_root_causes
from analysis.taxonomy import CATEGORIES
from analysis.themes import find_themes

__all__ = ["CATEGORIES", "blame_phrases", "classify_root_causes", "find_themes", "redact"]
