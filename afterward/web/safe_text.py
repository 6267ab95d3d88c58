"""Respondents' words shown literally: never as Markdown or HTML, never reordered.

Bidirectional controls are written out as ``[U+XXXX]`` by the one rule in
``analysis.inert_text`` (exports apply the same rule), so a quote reads on screen in the
order it was written.
"""

from __future__ import annotations

from analysis.inert_text import show_bidi_controls


def inert(text: object) -> str:
    """Text for `st.text` (shown as is): bidirectional controls made visible. Never raises."""
    return show_bidi_controls(str(text))


def plain(text: object) -> str:
    """Escape Markdown so text that may hold respondents' words is shown literally, with
    bidirectional controls made visible. Never raises."""
    return "".join("\\" + c if c in "\\`*_{}[]()#+-.!|<>~$&" else c for c in inert(text))
