"""Normalising free text for analysis: the one owner of spelling, jargon and word-form rules.

Root causes (``analysis.root_causes``) classify normalised text and themes
(``analysis.themes``) cluster the words of it, so both see one spelling per concept:
British and American variants, contractions and team jargon ("k8s", "prs", "cfg") become
the same words, and redaction placeholders (``[name]``, ``[email]``...) carry no content.

Normalising is done word by word with a bounded memo, because 100k answers share a
vocabulary of a few tens of thousands of words. The maps are read-only: a change to them
(or to the rules) changes ``NORMALISER_KEY``, which every cache of analysis results keys on.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Mapping
from types import MappingProxyType

from analysis.redaction import EMAIL, HANDLE, NAME, PHONE

# Bump when the rules below change in code rather than in the data tables.
RULES_VERSION = 1

#: British -> American spelling of whole words; the -our, -ise and -isation families are
#: rules (see ``normalise_word``), so only irregular words need an entry here.
SPELLING: Mapping[str, str] = MappingProxyType(
    {
        "centre": "center",
        "centres": "centers",
        "metre": "meter",
        "theatre": "theater",
        "licence": "license",
        "licences": "licenses",
        "defence": "defense",
        "catalogue": "catalog",
        "programme": "program",
        "programmes": "programs",
        "judgement": "judgment",
        "grey": "gray",
        "sceptical": "skeptical",
        "whilst": "while",
        "amongst": "among",
        "learnt": "learned",
        "spelt": "spelled",
        "analyse": "analyze",
        "analysed": "analyzed",
        "analysing": "analyzing",
        "cancelled": "canceled",
        "cancelling": "canceling",
        "travelled": "traveled",
        "modelled": "modeled",
        "modelling": "modeling",
        "labelled": "labeled",
        "labelling": "labeling",
        "signalled": "signaled",
        "fulfil": "fulfill",
        "enrol": "enroll",
        "artefact": "artifact",
        "artefacts": "artifacts",
    }
)
#: Team jargon, abbreviations and chat shorthand -> plain words ("" drops the word).
#: Only synonyms: glosses that add words ("uat" -> "uat user acceptance testing") made both
#: root causes and themes worse on the benches, so abbreviations without a one-word or
#: fixed-phrase equivalent stay as they are.
JARGON: Mapping[str, str] = MappingProxyType(
    {
        "k8s": "kubernetes",
        "kube": "kubernetes",
        "pr": "pull request",
        "prs": "pull requests",
        "mr": "pull request",
        "mrs": "pull requests",
        "env": "environment",
        "envs": "environments",
        "config": "configuration",
        "configs": "configuration",
        "cfg": "configuration",
        "conf": "configuration",
        "prod": "production",
        "infra": "infrastructure",
        "db": "database",
        "dbs": "databases",
        "deps": "dependencies",
        "cert": "certificate",
        "certs": "certificates",
        "perf": "performance",
        "docs": "documentation",
        "e2e": "end to end",
        "slas": "sla",
        "po": "product owner",
        "oncall": "on call",
        "devs": "developers",
        "eng": "engineering",
        "mgmt": "management",
        "req": "requirement",
        "reqs": "requirements",
        "ppl": "people",
        "w": "with",
        "bc": "because",
        "pls": "please",
        "mins": "minutes",
        "hrs": "hours",
        "cicd": "ci cd",
        "tbh": "",
        "imo": "",
        "fwiw": "",
        "ok": "okay",
        "qa'd": "tested",
    }
)
#: Contractions that the suffix rules do not cover (irregular, or typed without apostrophe).
CONTRACTIONS: Mapping[str, str] = MappingProxyType(
    {
        "wont": "will not",
        "cant": "cannot",
        "can't": "cannot",
        "won't": "will not",
        "let's": "let us",
    }
)
#: Every whole-word replacement: the three tables above (they share no key).
WORD_MAP: Mapping[str, str] = MappingProxyType({**SPELLING, **JARGON, **CONTRACTIONS})

# Plural "s" is stripped (``singular``) except from words where it is not a plural.
KEEP_S = frozenset(
    "sales devops https analytics news always perhaps alias canvas series species "
    "status bonus access process business address class less kubernetes jenkins "
    "postgres".split()
)

# Word boundaries: anything but letters, digits, "_", apostrophes, "+" and "#" (c++, c#).
_SPLIT = re.compile(r"[^\w'+#]+")
# The placeholders ``analysis.redaction.redact`` writes in place of people and contacts.
PLACEHOLDER = re.compile(
    "|".join(re.escape(p) for p in (NAME, EMAIL, PHONE, HANDLE)), re.IGNORECASE
)
_NOT = re.compile(
    r"^(do|does|did|is|was|were|are|has|have|had|could|would|should|must|need)"
    r"n'?t$"
)
_OUR = re.compile(r"^(col|behavi|fav|lab|hon|rum|neighb|hum|vap|odo|arm|flav)our(.*)$")
_ISE = re.compile(
    r"^(priorit|organ|real|recogn|optim|minim|maxim|standard|central|final|initial|util"
    r"|summar|categor|custom|author|synchron|normal|visual|capital|apolog|critic|special"
    r"|stabil|modern|contain|character|formal|operational|parallel|serial|productional"
    r"|emphas|memor|sanit|tokeni|virtual|monet|local|internal|modular)is(e|es|ed|ing|ation"
    r"|ations|er|ers)$"
)
# Any other "-isation" is British for "-ization" ("improvisation" is not: no "v" before).
_ISATION = re.compile(r"^(\w*[^\Wv])isation(s?)$")
_SUFFIXES = (
    ("'ll", " will"),
    ("'re", " are"),
    ("'ve", " have"),
    ("'m", " am"),
    ("'d", " would"),
    ("'s", ""),
)


def _fingerprint() -> str:
    rules = (
        RULES_VERSION,
        sorted(WORD_MAP.items()),
        sorted(KEEP_S),
        [p.pattern for p in (_SPLIT, PLACEHOLDER, _NOT, _OUR, _ISE, _ISATION)],
        _SUFFIXES,
    )
    return hashlib.sha256(repr(rules).encode()).hexdigest()[:16]


#: Identifies the normalisation rules in effect: part of every cache key of results that
#: depend on normalised text (fitted classifiers, themes, stored theme state).
NORMALISER_KEY = _fingerprint()


def normaliser_key() -> str:
    """``NORMALISER_KEY``: a 16-hex-digit hash of the maps and rules in effect."""
    return NORMALISER_KEY


def split_words(text: object) -> list[str]:
    """Lower-cased word candidates of ``text`` before ``normalise_word``.

    Words are runs of letters, digits, ``_``, ``'``, ``+`` and ``#`` (so "c++", "c#" and
    "didn't" stay whole); curly apostrophes count as straight ones; redaction placeholders
    are dropped. Never raises: None/NaN give [], other objects their ``str``'s words.
    """
    if not isinstance(text, str):
        missing = text is None or (isinstance(text, float) and math.isnan(text))
        text = "" if missing else str(text)
    text = text.lower()
    if "[" in text:
        text = PLACEHOLDER.sub(" ", text)
    if "\u2019" in text or "\u2018" in text:
        text = text.replace("\u2019", "'").replace("\u2018", "'")
    return [w for w in _SPLIT.split(text) if w]


def _rules(word: str) -> str:
    word = word.strip("'")
    if word in WORD_MAP:
        return WORD_MAP[word]
    if match := _NOT.match(word):
        return f"{match.group(1)} not"
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            word = word[: -len(suffix)] + replacement
            break
    word = word.replace("'", "")
    if match := _OUR.match(word):
        return f"{match.group(1)}or{match.group(2)}"
    if match := _ISE.match(word):
        return f"{match.group(1)}iz{match.group(2)}"
    if match := _ISATION.match(word):
        return f"{match.group(1)}ization{match.group(2)}"
    return WORD_MAP.get(word, word)


_WORD_CACHE: dict[str, str] = {}
_WORD_CACHE_SIZE = 200_000


def normalise_word(word: str) -> str:
    """One word of ``split_words`` in its normal form: may be several words, or "" (drop).

    Order: whole-word maps (``WORD_MAP``), negations ("didn't" -> "did not"), other
    contractions ("we're" -> "we are", "'s" dropped), apostrophes removed, then the
    -our -> -or, -ise -> -ize and -isation -> -ization families. Memoised per word (the
    rules are constants of the process; see ``NORMALISER_KEY``). Never raises on a str.
    """
    # A plain dict beats lru_cache here (hot loop over every word of every answer).
    try:
        return _WORD_CACHE[word]
    except KeyError:
        if len(_WORD_CACHE) >= _WORD_CACHE_SIZE:
            _WORD_CACHE.clear()  # typos keep the vocabulary open-ended: stay bounded
        normalised = _WORD_CACHE[word] = _rules(word)
        return normalised


def normalise_text(text: object) -> str:
    """Lower-case words separated by single spaces, with spelling and jargon unified.

    ``split_words`` then ``normalise_word`` on each word. Never raises: None/NaN become "",
    other objects their ``str``.
    """
    return " ".join([n for n in map(normalise_word, split_words(text)) if n])


def answer_key(text: object) -> str:
    """The near-identical key of an answer: two answers with the same key are the same answer.

    ``normalise_text`` (case, punctuation, spacing, spelling variants, contractions and
    redaction placeholders ignored), so "We didn't prioritise the backlog" and "we did not
    prioritize the backlog." share a key. The one rule for "near-identical": a manager's
    review applies to every answer with the key (``analysis.root_causes`` confirmed
    answers, the review queue's cards). A text
    that normalises to nothing keeps its own stripped text as key, so unrelated blank-ish
    answers are never merged. Never raises: None/NaN give "".
    """
    key = normalise_text(text)
    if key or not isinstance(text, str):
        return key
    return text.strip()


# Words whose presence or absence changes nothing an answer says: two answers that differ
# only by one of these are near-identical ("Nobody owned the checklist" and "Nobody really
# owned the checklist, again"). Never a word that can turn the meaning: negations, numbers,
# quantifiers (some/all), hedges (maybe/definitely), "or", "but", "only", "still", "lol"
# ("Great communication from the client" and "... lol" say opposite things).
LIGHT_WORDS = frozenset(
    """a an the this that these those our my your their its it just really very quite so
    also again honestly basically literally actually simply overall generally here there
    as well and please thanks tbh ok okay anyway""".split()
)
# Shorter answers need every word: "great team" and "great tests" are different answers.
NEAR_IDENTICAL_MIN_WORDS = 4


def near_identical_groups(keys: list[str]) -> list[int]:
    """Group ids (one per key, the index of the group's first key) joining answer keys
    (``answer_key``) that are equal, or of `NEAR_IDENTICAL_MIN_WORDS` words or more and
    one light word (`LIGHT_WORDS`) apart: one inserted, dropped or swapped for another
    light word. Transitive (a chain of such steps is one group). Candidates are found by
    the symmetric-deletion index of SymSpell (Garbe 2012), so the cost is linear in the
    number of keys times their length. Never raises."""
    keys = [k if isinstance(k, str) else "" for k in keys]
    parent = list(range(len(keys)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    index: dict[tuple[str, ...], list[int]] = {}
    for i, key in enumerate(keys):
        for entry in near_identical_entries(key):
            index.setdefault(entry, []).append(i)
    for members in index.values():
        for j in members[1:]:
            union(members[0], j)
    return [find(i) for i in range(len(keys))]


def near_identical_entries(key: str) -> list[tuple[str, ...]]:
    """The symmetric-deletion entries of one answer key: two keys one step apart (equal,
    or one light word inserted, dropped or swapped, as in `near_identical_groups`) share
    an entry. "=" entries: the key as it is; "-" entries: the key without one of its light
    words (filed as "=" too when still long enough, so it meets the shorter key). Never
    raises on a str."""
    words = tuple(key.split())
    entries = [("=", *words)]
    if len(words) < NEAR_IDENTICAL_MIN_WORDS:
        return entries
    for n, word in enumerate(words):
        if word in LIGHT_WORDS:
            less = words[:n] + words[n + 1 :]
            entries.append(("-", *less))
            if len(less) >= NEAR_IDENTICAL_MIN_WORDS:
                entries.append(("=", *less))
    return entries


def singular(word: str) -> str:
    """``word`` without a plural "s" ("estimates" -> "estimate", "stories" -> "story").

    Words shorter than 4 letters, words in ``KEEP_S`` and words ending in "ss", "us",
    "is" or "os" are kept as they are. A crude stemmer for clustering, not linguistics.
    Never raises on a str.
    """
    if len(word) >= 4 and word.endswith("s") and word not in KEEP_S:
        if word.endswith("ies") and len(word) > 4:
            return word[:-3] + "y"
        if word[-2].isalpha() and word[-2] not in "suio":
            return word[:-1]
    return word
