"""Answers with no root cause: non-answers ("N/A", "-", "nothing") and texts that name no
practice (praise without a practice, event logistics, content-free lines).

Non-answers are recognised by rule (`is_non_answer`) and left out of every count and
theme; the other no-root-cause texts are learnt by the root-cause classifier from the
team-written examples in `analysis/corpus/no_root_cause.yaml` (class `NO_ROOT_CAUSE`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import yaml

from analysis.taxonomy import NO_ROOT_CAUSE

__all__ = [
    "NO_ROOT_CAUSE",
    "corpus_key",
    "is_non_answer",
    "no_root_cause_examples",
    "non_answer_mask",
]

CORPUS_PATH = Path(__file__).with_name("corpus") / "no_root_cause.yaml"
# Redaction placeholders carry no content of their own.
_PLACEHOLDER = re.compile(r"\[(?:name|email|phone|handle|url)\]", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@lru_cache(maxsize=1)
def _corpus() -> dict:
    raw = yaml.safe_load(CORPUS_PATH.read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or not isinstance(raw.get("examples"), list):
        raise ValueError(f"{CORPUS_PATH}: expected 'examples: [texts]' and 'non_answers: [texts]'")
    return raw


def _key(text: str) -> str:
    """Lower-case words only, in order: 'N/A!' -> 'n a', ' Nothing. ' -> 'nothing'."""
    text = _PLACEHOLDER.sub(" ", unicodedata.normalize("NFKC", text).casefold())
    return " ".join(_WORD.findall(text))


@lru_cache(maxsize=1)
def _non_answer_keys() -> frozenset[str]:
    return frozenset(_key(str(t)) for t in _corpus().get("non_answers") or ())


# Words that pad a non-answer without adding content ("nothing to add here", "nope, not
# really"): stripped from both ends before the comparison.
_FILLER = frozenset(
    "really here just so from me for now at all else this honestly thanks thank you "
    "i think guess um uh well ok okay tbh tho though sorry haha lol".split()
)
# Words that only strengthen a non-answer ("nothing more to add", "no further comments",
# "nothing specific comes to mind"): dropped anywhere in a short answer for the comparison.
_INTENSIFIERS = frozenset("more further else other additional specific much".split())
_SHORT = 6  # words: longer answers are compared as they are
# Clauses of a non-answer ("Nope, nothing from me", "Not really, no", "Nothing, thanks!").
_CLAUSE = re.compile(r"[,;.!?:\u2026()\u2013\u2014]+|\s-\s|\s+(?:and|but)\s+")


# Openings that carry no content before a non-answer ("I have nothing to add", "there
# were no issues", "from my side nothing"): dropped, longest first, before the filler.
_LEADS = tuple(
    lead.split()
    for lead in sorted(
        """i have|i've|we have|we've|i had|we had|there is|there's|there are|there was
        |there were|i would say|i'd say|to be honest|personally|from my side|on my side
        |from my end|for me|for my part|as for me|overall|in general|i have got|i've got
        |there has been|there have been|i can think of|we|have|had|got|my side|my end|my part
        |me""".replace("\n", "").split("|"),
        key=len,
        reverse=True,
    )
)


def _core(key: str) -> str:
    words = key.split()
    changed = True
    while changed:
        changed = False
        while words and words[0] in _FILLER:
            words.pop(0)
            changed = True
        while words and words[-1] in _FILLER:
            words.pop()
            changed = True
        for lead in _LEADS:
            if len(words) > len(lead) and words[: len(lead)] == lead:
                del words[: len(lead)]
                changed = True
                break
    return " ".join(words)


def is_non_answer(text: object) -> bool:
    """Whether an answer says nothing: blank, punctuation or symbols only, a placeholder
    only, or one of the non-answers in `analysis/corpus/no_root_cause.yaml`, compared on
    lower-case words (so "N/A", "n/a." and "N.A." are one) once padding words at either end
    and empty openings are dropped ("Nothing to add here", "I have nothing to add" and
    "There were no issues" are "nothing to add" and "no issues"); in an answer of up to
    `_SHORT` words also once words that only strengthen it are dropped ("nothing more to
    add"); or an answer whose every clause is one ("Nope, nothing from me"). Raises
    ValueError when the corpus file is malformed, OSError when it cannot be read."""
    if not isinstance(text, str):
        return True
    key = _key(text)
    if not key:
        return True
    if _known(key):
        return True
    # Every clause empty or a non-answer, at least one of them a non-answer.
    clauses = [_key(c) for c in _CLAUSE.split(text)]
    clauses = [c for c in clauses if c and _core(c)]
    return bool(clauses) and all(_known(c) for c in clauses)


def _known(key: str) -> bool:
    known = _non_answer_keys()
    if key in known:
        return True
    core = _core(key)
    if core in known:
        return True
    words = core.split()
    if 1 < len(words) <= _SHORT:
        plain = " ".join(w for w in words if w not in _INTENSIFIERS)
        return bool(plain) and (plain in known or _core(plain) in known)
    return False


def non_answer_mask(texts: Sequence[str]) -> list[bool]:
    """`is_non_answer` for each text, in order."""
    return [is_non_answer(t) for t in texts]


def no_root_cause_examples() -> list[str]:
    """Training texts for the no-root-cause class: the corpus's examples and non-answers.
    Raises ValueError / OSError like `is_non_answer`."""
    raw = _corpus()
    return [str(t) for t in (*raw["examples"], *(raw.get("non_answers") or ()))]


def corpus_key() -> str:
    """Hash of the no-root-cause corpus file: analysis made under another one is redone."""
    return hashlib.sha256(CORPUS_PATH.read_bytes()).hexdigest()[:16]
