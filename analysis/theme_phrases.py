"""Name a theme by a short phrase people in it actually wrote ("flaky tests in CI").

Method (after BERTopic's n-gram c-TF-IDF representation with a KeyBERT-inspired re-rank,
Grootendorst 2022, arXiv:2203.05794, and KeyBERT, Grootendorst 2020):

1. Candidates: contiguous 2-4 word phrases from the theme's most representative answers
   (closest to its centroid), in their original surface form, split at punctuation.  Only
   articles, prepositions and "and" may sit inside a phrase ("tests in CI"), never at
   either end; an article only after a preposition or "and" ("change log the client" is
   two phrases), and no phrase ends in a possessive ("with the client's"); person names
   (``analysis.redaction.name_spans``), URLs, e-mails, domains ("com", "https", "github"),
   numbers-only tokens and placeholders ("[name]") break a phrase and never enter one.
2. Phrases with the same words, content words normalised (``analysis.themes.tokens``:
   spelling, singular), are one candidate; it is shown in its most frequent surface form (ties by text).
3. Score = c-TF-IDF of the candidate (share of the theme's representative answers using
   it x ``log(1 + A / f)``, ``A`` the average candidate occurrences per theme, ``f`` its
   occurrences over all themes) x its cosine similarity to the theme centroid in the
   theme model's TF-IDF space (the KeyBERT step: how well the phrase stands for the theme).
   A candidate must be used by at least two answers when the theme has two; failing any,
   a phrase of one of the five most representative answers (the issue's "most
   representative answer's key phrase") whose content words at least two answers used,
   scored by its least used content word.

``rank_phrases`` returns, per theme, the best phrases first and then single content
words as shorter fall-backs: the anonymity gate (``analysis.label_terms``) takes the first
one all of whose content words enough responses wrote.  Everything is ordered by score,
then text, so the same answers give the same names on every run.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence

from lemminflect import getAllLemmas
from wordfreq import zipf_frequency

from analysis.redaction import name_spans

MAX_WORDS = 4
PHRASES_KEPT = 6  # multi-word phrases kept per theme (the first is the label)
WORDS_KEPT = 4  # single-word fall-backs kept after them
KEY_SOURCES = 5  # most representative answers whose own phrases may name the theme
KEY_PHRASES_KEPT = 3

# URL / domain debris that must never name a theme.
WEB_WORDS = frozenset(
    """http https www com org net io co uk de html htm php aspx github gitlab bitbucket
    mailto url""".split()
)
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+|\b[\w-]+(?:\.[\w-]+)+\.?[a-z]{2,}\b\S*", re.I)
_PLACEHOLDER = re.compile(r"\[[^\]\s]{1,20}\]")
_BREAK = re.compile(r"[.,;:!?()\[\]{}\"<>/\\|=*_~`\u2022\u2013\u2014\u201c\u201d\n\t]|\s-+\s")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\u2019+#&-]*")


# Vague words that may sit inside a phrase but not open or close one ("sure how many
# people", "had three different").
WEAK_EDGES = frozenset(
    """different sure various certain real big huge little overall multiple several many few
    much more less most other same whole entire possible available additional extra""".split()
)


def _no_end(word: str) -> bool:
    """A word that cannot close a name: one LemmInflect's lexicon knows only as an
    adjective or adverb ("late", "faster", "sure"; its verbs stay, as it lists "log" as a
    verb only; words it does not know, "kubeconfig", may close one)."""
    lemmas = getAllLemmas(word.lower())
    return bool(lemmas) and set(lemmas) <= {"ADJ", "ADV"}


def _third_person_verb(word: str) -> bool:
    """A verb in the third person that is no noun ("requires", "involves"): a clause, never
    part of a name."""
    lemmas = getAllLemmas(word.lower())
    return set(lemmas) == {"VERB"} and word.lower().endswith("s")


# The only stop words a phrase may have inside: articles, prepositions, "and"
# ("tests in CI", "week before launch"); others ("because", "that", "was") start a clause.
GLUE = frozenset(
    """a an the of in on for to and with at from by before after during between into
    without about over under per""".split()
)
ARTICLES = frozenset("a an the".split())
_POSSESSIVE = re.compile(r"['\u2019]s$", re.I)


def _blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = ["."] * (end - start)  # a break, same length
    return "".join(chars)


# A ticket id, version or other identifier one person typed: "OPS-4101", "#512", "v2.3",
# "PR123", "INC0042" (letters then three or more digits, or digits with separators).
ID_WORD = re.compile(
    r"(?i)[#]?\d[\d.,:\-_/]*|[a-z]+[-_#]\d[\w.\-]*|[a-z]+\d{3,}|v\d+(?:\.\d+)*[a-z]?"
)


def surface_chunks(text: str) -> list[list[str]]:
    """Runs of words of ``text`` that a phrase may span: split at punctuation, with names,
    URLs, e-mails, domains, placeholders, numbers and identifiers ("99", "OPS-4101",
    "v2.3", `ID_WORD`) taken out (each a break); "S3", "EC2", "k8s" stay. Never raises on
    a str."""
    text = str(text)
    text = _blank(text, name_spans(text))
    text = _URL.sub(" . ", text)
    text = _PLACEHOLDER.sub(" . ", text)
    chunks: list[list[str]] = []
    for part in _BREAK.split(text):
        run: list[str] = []
        for word in _WORD.findall(part):
            word = word.strip("'\u2019-&")
            if (
                not word
                or not any(c.isalpha() for c in word)
                or ID_WORD.fullmatch(word)
                or word.lower() in WEB_WORDS
            ):
                if run:
                    chunks.append(run)
                run = []
                continue
            run.append(word)
        if run:
            chunks.append(run)
    return chunks


def _display(words: Sequence[str]) -> str:
    """Lower case, except acronyms such as "CI" or "QA"."""
    return " ".join(w if (w.isupper() and len(w) > 1) else w.lower() for w in words)


class PhraseScorer:
    """Candidate phrases of texts, keyed by their content terms.

    ``term_fn(text) -> tuple of terms`` gives a word's or phrase's content terms (the theme
    model's ``tokens``); a word without content terms is a stop word here.
    """

    def __init__(self, term_fn: Callable[[str], Sequence[str]]) -> None:
        self.term_fn = term_fn
        self._word_cache: dict[str, bool] = {}

    def _content(self, word: str) -> bool:
        key = word.lower()
        hit = self._word_cache.get(key)
        if hit is None:
            hit = self._word_cache[key] = bool(self.term_fn(key))
        return hit

    def _key(self, word: str) -> tuple[str, ...]:
        """A word as a phrase key: its content terms ("tests" -> "test"), else itself."""
        return tuple(self.term_fn(word)) or (word.lower(),)

    def phrases(self, text: str) -> dict[tuple[str, ...], str]:
        """``{key: surface phrase}`` of the candidates in one text (2-4 words, content
        words at both ends, plus single content words). The key is the words with content
        words normalised, so "flaky test" and "flaky tests" are one candidate but
        "standup was a status" and "standup turned into status" are two."""
        out: dict[tuple[str, ...], str] = {}
        for run in surface_chunks(text):
            content = [self._content(w) for w in run]
            edge = [c and w.lower() not in WEAK_EDGES for w, c in zip(run, content, strict=True)]
            ends = [e and not _no_end(w) for w, e in zip(run, edge, strict=True)]
            verbs = [_third_person_verb(w) for w in run]
            keys = [self._key(w) for w in run]
            for i in range(len(run)):
                if not content[i] or verbs[i]:
                    continue
                for j in range(i, min(i + MAX_WORDS, len(run))):
                    if (not content[j] and run[j].lower() not in GLUE) or verbs[j]:
                        break  # a clause word: no longer phrase from here either
                    if run[j].lower() in ARTICLES and j > i and content[j - 1]:
                        break  # "log the client": an article after a content word starts anew
                    if not content[j] or (j > i and not (edge[i] and ends[j])):
                        continue
                    if _POSSESSIVE.search(run[j]):
                        continue  # "collaboration with the client's" is cut short
                    key = tuple(t for k in keys[i : j + 1] for t in k)
                    if key not in out:
                        out[key] = _display(run[i : j + 1])
        return out


# A single word as common as this in general English (wordfreq's Zipf scale: "sure" 5.67,
# "possible" 5.36, "people" 6.25) names no topic; topical words ("test" 5.19, "deployment"
# 3.91, "grafana" 1.2) go before it among the one-word fall-backs.
GENERIC_ZIPF = 5.3


def _generic(word: str) -> bool:
    return word.lower() in WEAK_EDGES or zipf_frequency(word.lower(), "en") >= GENERIC_ZIPF


def rank_phrases(
    texts_by_theme: Mapping[Hashable, Sequence[str]],
    relevance: Callable[[Hashable, list[str]], Sequence[float]],
    term_fn: Callable[[str], Sequence[str]],
) -> dict[Hashable, list[str]]:
    """Ranked names per theme: the best multi-word phrases, then single-word fall-backs.

    ``texts_by_theme`` maps a theme to its representative answers (most representative
    first; they are counted once each); ``relevance(theme, phrases)`` gives each phrase's
    cosine similarity (0-1) to the theme; ``term_fn`` as in ``PhraseScorer``. Themes without any
    candidate get an empty list.
    """
    scorer = PhraseScorer(term_fn)
    df: dict[Hashable, Counter[tuple[str, ...]]] = {}
    forms: dict[Hashable, dict[tuple[str, ...], Counter[str]]] = {}
    key_phrases: dict[Hashable, set[tuple[str, ...]]] = {}
    for theme in sorted(texts_by_theme, key=str):
        counts: Counter[tuple[str, ...]] = Counter()
        surface: dict[tuple[str, ...], Counter[str]] = {}
        for rank, text in enumerate(texts_by_theme[theme]):
            found = scorer.phrases(text)
            if rank < KEY_SOURCES:
                key_phrases.setdefault(theme, set()).update(found)
            for key, form in found.items():
                counts[key] += 1
                surface.setdefault(key, Counter())[form] += 1
        df[theme], forms[theme] = counts, surface
    total: Counter[tuple[str, ...]] = Counter()
    for counts in df.values():
        total.update(counts)
    avg = sum(total.values()) / max(len(df), 1)
    out: dict[Hashable, list[str]] = {}
    for theme, counts in df.items():
        n_texts = max(len(texts_by_theme[theme]), 1)
        min_df = 2 if n_texts >= 2 else 1
        # Tier 1: phrases several answers wrote. Tier 2: a key phrase of one of the most
        # representative answers whose content words several answers wrote (scored by its
        # least used content word): a name in people's words when no phrase repeats.
        support = {}
        for k, used in counts.items():
            if used >= min_df:
                support[k] = used
            elif k in key_phrases.get(theme, ()) and len(k) > 1:
                words = [counts.get((t,), 0) for t in term_fn(" ".join(k))]
                if words and min(words) >= min_df:
                    support[k] = -min(words)  # negative: tier 2
        kept = sorted(support)
        shown = [min(forms[theme][k].items(), key=lambda kv: (-kv[1], kv[0]))[0] for k in kept]
        sims = list(relevance(theme, shown)) if shown else []
        scored = [
            (
                support[k] < 0,
                -(abs(support[k]) / n_texts) * math.log1p(avg / total[k]) * float(sim),
                form,
            )
            for k, form, sim in zip(kept, shown, sims, strict=True)
            if sim > 0
        ]
        scored.sort()
        multi = [form for tier2, _, form in scored if " " in form and not tier2]
        multi += [form for tier2, _, form in scored if " " in form and tier2][:KEY_PHRASES_KEPT]
        single = [
            form for tier2, _, form in scored if " " not in form and not tier2 and not _no_end(form)
        ]
        single.sort(key=_generic)  # stable: topical words first, in score order
        out[theme] = multi[:PHRASES_KEPT] + single[:WORDS_KEPT]
    return out
