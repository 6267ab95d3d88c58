"""Which words a theme's name and keywords may use: only words enough people wrote.

A theme named after a phrase one respondent used points at that respondent even while the
theme's quotes are withheld. `term_support` counts, per theme and candidate term, the
distinct responses whose answer in that theme contains the term (terms as the theme model
sees them: `analysis.themes.analyze`); the anonymity gate (`anonymity.supported_terms`)
then keeps the terms that reach the quote threshold.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from analysis.anonymity import supported_terms
from analysis.theme_phrases import GLUE, ID_WORD
from analysis.themes import analyze, tokens

SUPPORT_COLUMNS = ["theme_id", "term", "responses"]
LABEL_SEPARATOR = " · "


def label_parts(label: str) -> list[str]:
    """The terms a generated theme label is made of ("deploy · friday" -> two terms)."""
    return [part.strip() for part in str(label).split(LABEL_SEPARATOR) if part.strip()]


def name_terms(name: str) -> list[str]:
    """The terms whose support a theme name needs: the parts of a c-TF-IDF label
    ("deploy · friday"), or every word of a phrase but the glue words a phrase may hold
    ("flaky tests in CI" -> flaky, test, ci). An identifier ("OPS-4101"), or a word
    that is no term any more (a name saved before the theme model left such words out,
    "great"), stands for itself, so no answer supports it and the name falls back to a
    shorter one."""
    if LABEL_SEPARATOR in str(name):
        return label_parts(name)
    terms: list[str] = []
    for word in str(name).split():
        if word.lower() in GLUE:
            continue
        if ID_WORD.fullmatch(word.strip(".,;:!?()")):
            # "OPS-4101": an identifier stands for itself, which no term matches, so a
            # name holding one is never shown.
            terms.append(word.lower())
            continue
        terms += tokens(word) or [word.lower()]
    return list(dict.fromkeys(terms))


def supported_name(names: Sequence[str], support: Mapping[str, int], threshold: int) -> str | None:
    """The first of `names` (best first) every term of which at least the quote threshold
    of distinct responses wrote (`anonymity.supported_terms`), or None.

    A c-TF-IDF label ("a · b") keeps its supported parts, as before phrases; a phrase is
    all or nothing, so the caller's later (shorter) names are the fall-back.
    """
    for name in names:
        terms = name_terms(name)
        if not terms:
            continue
        kept = supported_terms(terms, support, threshold)
        if LABEL_SEPARATOR in name:
            if kept:
                return LABEL_SEPARATOR.join(kept)
        elif kept == terms:
            return name
    return None


def term_support(rows: pd.DataFrame, candidates: Mapping[int, Sequence[str]]) -> pd.DataFrame:
    """Distinct responses per theme and candidate term.

    `rows` has response_id, theme_id (int) and text; `candidates` maps a theme id to the
    terms that may name it. Returns SUPPORT_COLUMNS: theme_id, term, responses (a count of
    distinct responses, never of texts: one person's two answers count once). Themes
    without candidates and terms nobody wrote are left out. Raises KeyError when a column
    is missing.
    """
    found: dict[tuple[int, str], set[str]] = {}
    for response_id, theme_id, text in zip(
        rows["response_id"], rows["theme_id"], rows["text"], strict=True
    ):
        wanted = candidates.get(int(theme_id))
        if not wanted:
            continue
        present = set(analyze(str(text)))
        for term in wanted:
            if term in present:
                found.setdefault((int(theme_id), term), set()).add(str(response_id))
    return pd.DataFrame(
        [(theme_id, term, len(ids)) for (theme_id, term), ids in sorted(found.items())],
        columns=SUPPORT_COLUMNS,
    )
