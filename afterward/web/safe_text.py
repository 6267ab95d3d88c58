"""Respondents' words shown literally: never as Markdown or HTML."""

from __future__ import annotations


def plain(text: str) -> str:
    """Escape Markdown so text that may hold respondents' words is shown literally."""
    return "".join("\\" + c if c in "\\`*_{}[]()#+-.!|<>~$" else c for c in str(text))
