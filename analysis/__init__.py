"""Understand: pure analysis over text and DataFrames (no Streamlit, no DuckDB).

The public names are loaded on first use, so importing one small module (the anonymity
gate, redaction) does not pull in scikit-learn and the classifier.
"""

from importlib import import_module
from typing import Any

_PUBLIC = {
    "CATEGORIES": "analysis.taxonomy",
    "NO_ROOT_CAUSE": "analysis.taxonomy",
    "blame_phrases": "analysis.blame",
    "classify_root_causes": "analysis.root_causes",
    "find_themes": "analysis.themes",
    "redact": "analysis.redaction",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    if name not in _PUBLIC:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    value = getattr(import_module(_PUBLIC[name]), name)
    if name != "CATEGORIES":  # the taxonomy in effect is read at each use
        globals()[name] = value
    return value
