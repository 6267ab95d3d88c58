"""Respondents' words made inert wherever they are shown or exported: the one definition.

Two rules, both applied to text on its way out (never to what is stored, which stays
exactly what the respondent confirmed):

- Bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) reorder
  the characters around them on screen, so a quote can read differently from what was
  written ("Trojan Source"). Each one is replaced by its code point written out, e.g.
  ``[U+202E]``: visible rather than stripped, so the reader sees both the words in their
  stored order and that someone tried to reorder them; nothing the respondent typed is
  silently lost.
- Spreadsheet formulas: a cell whose first non-blank character starts a formula (``=``,
  ``+``, ``-``, ``@``, ``;``, their full-width and small forms) or that starts with a tab or
  carriage return gets a leading ``'`` so Excel, LibreOffice and Sheets show it as text.

Used by ``afterward/web/safe_text.py`` (display) and ``afterward/services/exports.py``.
"""

from __future__ import annotations

__all__ = [
    "BIDI_CONTROLS",
    "FORMULA_STARTS",
    "inert_cell",
    "neutralise_formula",
    "show_bidi_controls",
    "starts_formula",
]

#: Bidirectional formatting characters: embeddings and overrides (U+202A-U+202E), isolates
#: (U+2066-U+2069), the left-to-right and right-to-left marks and the Arabic letter mark.
BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
_VISIBLE = {ord(c): f"[U+{ord(c):04X}]" for c in BIDI_CONTROLS}

#: First (non-blank) characters that make a spreadsheet read a cell as a formula: ASCII
#: = + - @ and ; (a separator some locales accept in front of a formula), and the
#: full-width and small forms that East Asian input methods type and spreadsheets convert.
FORMULA_STARTS = (
    "=", "+", "-", "@", ";",
    "\uff1d",  # FULLWIDTH EQUALS SIGN
    "\uff0b",  # FULLWIDTH PLUS SIGN
    "\ufe62",  # SMALL PLUS SIGN
    "\uff0d",  # FULLWIDTH HYPHEN-MINUS
    "\ufe63",  # SMALL HYPHEN-MINUS
    "\uff20",  # FULLWIDTH COMMERCIAL AT
)  # fmt: skip
#: Leading characters that are dangerous on their own (a cell split or a DDE prefix).
CONTROL_STARTS = ("\t", "\r")


def show_bidi_controls(text: str) -> str:
    """`text` with every bidirectional control written out as ``[U+XXXX]``.

    Everything else is kept as it is. Never raises on a str.
    """
    return text.translate(_VISIBLE)


def starts_formula(text: str) -> bool:
    """Whether a spreadsheet could evaluate `text`: it starts with a tab or carriage return,
    or its first non-blank character is in `FORMULA_STARTS`. Never raises on a str."""
    return text.startswith(CONTROL_STARTS) or text.lstrip().startswith(FORMULA_STARTS)


def neutralise_formula(text: str) -> str:
    """`text` with a leading ``'`` when a spreadsheet could evaluate it. Never raises."""
    return "'" + text if starts_formula(text) else text


def inert_cell(value: object) -> object:
    """An exported cell: strings get both rules (bidi controls shown, formulas
    neutralised); other values (numbers, None, NaN) are returned unchanged. Never raises."""
    if not isinstance(value, str):
        return value
    return neutralise_formula(show_bidi_controls(value))
