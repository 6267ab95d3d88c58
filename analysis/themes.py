"""Themes: group answers into named themes finer than root-cause categories.

``ThemeFinder`` is a scikit-learn style estimator over raw texts.  Texts are turned into
sparse TF-IDF vectors over a saved vocabulary (so the state can be stored and reloaded;
names, handles, URLs, tags and numbers left out, and each term's idf multiplied by its
``background_weight``: words common in any English text say less about a topic),
optionally split by a ``grouping`` callable (e.g. predicted root-cause category), and
clustered with k-means inside each group; the number of themes per group is chosen by
silhouette and capped.  Themes are named by a short phrase their most representative
answers wrote (``analysis.theme_phrases``: n-gram c-TF-IDF re-ranked by similarity to the
theme, as BERTopic's KeyBERT-inspired representation), ranked names kept per theme
(``theme_phrases_``) so the anonymity gate can fall back to a shorter one; c-TF-IDF terms
(``analysis.ctfidf``) only when no phrase qualifies.  Fitting sorts the texts first, so the
same answers give the same themes and names in any order.

Theme ids are stable: ``partial_fit`` keeps every existing theme (centroids do not move),
lets new texts join the nearest theme within a similarity threshold and only forms new
themes, with fresh ids, from the leftovers.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import math
import re
import sys
import warnings
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted
from threadpoolctl import threadpool_limits

from analysis.ctfidf import class_labels
from analysis.no_root_cause import non_answer_mask
from analysis.redaction import _FIRST as _FIRST_NAMES
from analysis.redaction import _GIVEN as _GIVEN_NAMES_ALL
from analysis.redaction import _key as _name_key
from analysis.taxonomy import taxonomy_key, taxonomy_path
from analysis.text_normal import normalise_word, normaliser_key, singular, split_words
from analysis.theme_phrases import rank_phrases

log = logging.getLogger(__name__)

UNASSIGNED = -1
UNASSIGNED_LABEL = "unassigned"
NEW_TERMS_PER_UPDATE = 2000
COLUMNS = ["theme_id", "theme_label"]
PHRASE_SOURCES = 50  # representative answers per theme its name is looked for in
SHARED_BY = 2  # answers of a group that must write a term for it to enter a centroid

Grouping = Callable[[Sequence[str]], Sequence[Hashable]]

# ---------------------------------------------------------------------------
# Text preprocessing
# ---------------------------------------------------------------------------

_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#]+")
# Words retrospectives use everywhere; they carry no theme.
RETRO_FILLER = frozenset(
    """we us our ours team teams project projects really just like got get gets getting
    thing things lot lots bit think thought felt feel feels maybe basically actually stuff
    kind sort pretty quite ok okay yeah guess honestly probably went did does doing done
    make made way need needed needs want wanted going gonna able use used using one new
    retro retrospective didnt doesnt dont wasnt isnt werent arent couldnt wouldnt shouldnt
    cant wont ive weve theyre youre its im lets having time times took take takes kept
    came come said say says told tell asked meant gave put tried ended saw started turned
    let know knew lol etc via ended basically literally""".split()
)
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | RETRO_FILLER
# Not content: URLs, e-mail addresses and @handles; bracketed tags ("[wip]", a signature
# "[jdoe]"); capitalised given names (the redaction gazetteer: names common as words, such
# as "Will" or "Mark", are not in it). Answers are redacted when stored, so this matters for
# raw text (imports of notes, benchmarks) and for names the redaction let through.
_NOT_CONTENT = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+|@\w+|\[[^\]\s]{1,40}\]", re.I)
_CAPITALISED = re.compile(r"(?<![\w'])[A-Z\u00c0-\u00d6\u00d8-\u00de][^\W\d_]+")
_GIVEN_NAMES = _FIRST_NAMES | _GIVEN_NAMES_ALL
# Numbers, times and quantities ("2019", "30pm", "20m", "10k"): a digit run with at most
# two letters after it.
_NUMBERISH = re.compile(r"[0-9]+[a-z]{0,2}")


_TERMS_CACHE: dict[str, tuple[str, ...]] = {}
_TERMS_CACHE_SIZE = 200_000


def _terms(word: str) -> tuple[str, ...]:
    """Theme terms of one ``split_words`` word (memoised: rules and stop words are fixed)."""
    try:
        return _TERMS_CACHE[word]
    except KeyError:
        if len(_TERMS_CACHE) >= _TERMS_CACHE_SIZE:
            _TERMS_CACHE.clear()
        out = []
        for raw in _TOKEN.findall(normalise_word(word)):
            if raw in STOP_WORDS or _NUMBERISH.fullmatch(raw):
                continue
            term = singular(raw)
            if term not in STOP_WORDS:
                out.append(term)
        terms = _TERMS_CACHE[word] = tuple(out)
        return terms


def tokens(text: str) -> list[str]:
    """Content words of ``text``: words normalised by ``analysis.text_normal`` (spelling,
    jargon, contractions; placeholders dropped), of 2+ characters, stop words removed,
    plurals made singular (``analysis.text_normal.singular``); numbers, URLs, e-mails,
    handles, bracketed tags and capitalised given names left out. Never raises."""
    if not isinstance(text, str):
        return [term for word in split_words(text) for term in _terms(word)]
    return [term for word in split_words(_content_text(text)) for term in _terms(word)]


_IS_NAME: dict[str, bool] = {}


def _is_name(word: str) -> bool:
    """A capitalised word that is a given name (memoised; bounded like ``_TERMS_CACHE``)."""
    try:
        return _IS_NAME[word]
    except KeyError:
        if len(_IS_NAME) >= _TERMS_CACHE_SIZE:
            _IS_NAME.clear()
        hit = _IS_NAME[word] = _name_key(word) in _GIVEN_NAMES
        return hit


def _content_text(text: str) -> str:
    """``text`` with URLs, e-mails, handles, tags and capitalised given names blanked."""
    if "@" in text or "[" in text or "http" in text or "www." in text:
        text = _NOT_CONTENT.sub(" ", text)
    names = [w for w in _CAPITALISED.findall(text) if _is_name(w)]
    if names:
        text = _CAPITALISED.sub(lambda m: " " if _is_name(m.group(0)) else m.group(0), text)
    return text


# Background weight: how much a word says about a topic in any English text. Words common
# everywhere ("example", "area", "people", "day") carry less than the ones retrospectives
# about a topic need ("deploy", "deadline", "flaky"), whatever the organisation: the idf of
# a term against general English (wordfreq's Zipf scale, 9 - Zipf = -log10 of its share of
# words), floored at Zipf 3 so that a typo or an unknown token weighs no more than a rare
# word. Multiplied into the corpus idf; scaled to 1 for the rarest words.
BACKGROUND_ZIPF_FLOOR = 3.0


def _english_frequencies() -> dict[str, float]:
    # wordfreq caches the table (redaction loads the same one): shared, not copied. Its
    # tables ship in the wheel: nothing downloads.
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en")


def _background(word: str) -> float:
    freq = _english_frequencies().get(word, 0.0)
    zipf = math.log10(freq) + 9.0 if freq > 0 else 0.0
    return (9.0 - max(zipf, BACKGROUND_ZIPF_FLOOR)) / (9.0 - BACKGROUND_ZIPF_FLOOR)


def background_weight(terms: Sequence[str]) -> np.ndarray:
    """Weight (0-1] of each term from its frequency in general English: 1 for rare words,
    about 0.65 for "release" or "test", 0.46 for "people"; a bigram gets the mean of its
    words. Never raises."""
    out = np.empty(len(terms))
    for i, term in enumerate(terms):
        parts = term.split() or [term]
        out[i] = sum(_background(p) for p in parts) / len(parts)
    return out


def analyze(text: str) -> list[str]:
    """Unigrams plus bigrams of ``tokens`` (the vectoriser's analyzer). Never raises."""
    words = tokens(text)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


# ---------------------------------------------------------------------------
# Estimator
# ---------------------------------------------------------------------------


class ThemeFinder(ClusterMixin, BaseEstimator):
    """Cluster texts into stable, named themes.

    Methods: TF-IDF with sublinear tf and smoothed idf (as scikit-learn's
    ``TfidfTransformer``) times an idf against general English (``background_weight``,
    wordfreq's Zipf scale: a background-corpus idf); LSA (truncated SVD, Deerwester et
    al. 1990) for clustering; k-means (k-means++ seeding, Arthur & Vassilvitskii 2007),
    mini-batch k-means (Sculley 2010) above 10,000 texts per group; the number of themes by mean silhouette (Rousseeuw
    1987) on cosine distance; labels are phrases ranked by n-gram c-TF-IDF x similarity
    to the theme (BERTopic, Grootendorst 2022; ``analysis.theme_phrases``). After fitting:
    ``labels_`` (theme id per text, -1 = none), ``theme_ids_``, ``theme_labels_``,
    ``theme_phrases_`` (ranked candidate names, the label first), ``theme_groups_``, ``theme_sizes_`` (answers).

    Parameters
    ----------
    grouping : callable or None
        ``grouping(texts) -> labels``; themes are formed inside each group (e.g. the
        predicted root-cause category) and never cross groups.  None: one group.
    max_themes_per_group : int
        Cap on themes per group when ``grouping`` is given.
    max_themes : int
        Cap on themes when ``grouping`` is None.
    min_theme_size : int
        Clusters with fewer members are dissolved (their texts join a neighbour or -1).
    min_theme_share : float
        ... or with fewer than this share (0-1) of their group.
    min_similarity : float
        Cosine similarity (0-1) to the nearest centroid below which a text gets -1.
    join_similarity : float
        In ``partial_fit``, cosine similarity (0-1) at which a new text joins an existing
        theme; the rest may form new themes.
    min_terms : int or None
        Texts with fewer vocabulary features (unigrams + bigrams) get -1. None (default):
        1 with a ``grouping``, 2 without. Inside a group one word is enough, since
        centroids weigh only terms two answers of the group wrote, so a one-word answer
        ("onboarding") joins a theme only through a word others of its category used
        (real retros are often fragments); across all answers one word is too ambiguous
        (measured in bench/RESULTS.md). Non-answers ("N/A", "no comment":
        ``analysis.no_root_cause.is_non_answer``) always get -1.
    max_features : int
        Vocabulary size cap.
    centroid_terms : int
        Centroids keep only their heaviest terms (small state, same predictions).
    sample_size : int
        Rows sampled per group to choose the number of themes by silhouette.
    n_components : int
        LSA dimensions used for clustering (0: cluster raw TF-IDF vectors).
    n_threads : int or None
        BLAS/OpenMP threads while fitting (None: library default).
    random_state : int or None
    """

    def __init__(
        self,
        grouping: Grouping | None = None,
        max_themes_per_group: int = 3,
        max_themes: int = 30,
        min_theme_size: int = 3,
        min_theme_share: float = 0.02,
        min_similarity: float = 0.05,
        join_similarity: float = 0.15,
        min_terms: int | None = None,
        max_features: int = 20000,
        centroid_terms: int = 300,
        sample_size: int = 1000,
        n_components: int = 30,
        n_threads: int | None = 1,
        random_state: int | None = 0,
    ) -> None:
        self.grouping = grouping
        self.max_themes_per_group = max_themes_per_group
        self.max_themes = max_themes
        self.min_theme_size = min_theme_size
        self.min_theme_share = min_theme_share
        self.min_similarity = min_similarity
        self.join_similarity = join_similarity
        self.min_terms = min_terms
        self.max_features = max_features
        self.centroid_terms = centroid_terms
        self.sample_size = sample_size
        self.n_components = n_components
        self.n_threads = n_threads
        self.random_state = random_state

    # -- vectorising --------------------------------------------------------

    def _counts(self, texts: Sequence[str]) -> sp.csr_matrix:
        vec = CountVectorizer(analyzer=analyze, vocabulary=self.vocabulary_, dtype=np.float64)
        return vec.transform(list(texts)).tocsr()

    def _weigh(self, counts: sp.csr_matrix) -> sp.csr_matrix:
        # Sublinear tf: a word repeated in a rant should not dominate the vector.
        x = counts.copy()
        if x.shape[0] == 0:
            return sp.csr_matrix((0, len(self.idf_)))
        x.data = np.log1p(x.data)
        return normalize(x @ sp.diags(self.idf_), norm="l2").tocsr()

    def _groups(self, texts: Sequence[str]) -> np.ndarray:
        if self.grouping is None:
            return np.full(len(texts), "", dtype=object)
        groups = np.asarray(list(self.grouping(list(texts))), dtype=object)
        if len(groups) != len(texts):
            raise ValueError("grouping must return one label per text")
        return np.asarray([str(g) for g in groups], dtype=object)

    # -- fitting ------------------------------------------------------------

    def _threads(self) -> contextlib.AbstractContextManager[Any]:
        # Small k-means/SVD problems gain little from threads, and OpenMP spin-waiting
        # on a busy 2-core box made a 10k fit 10x slower; so default to one thread.
        if self.n_threads is None:
            return contextlib.nullcontext()
        return threadpool_limits(limits=self.n_threads)

    def fit(self, texts: Sequence[str], y: Any = None) -> ThemeFinder:
        """Learn vocabulary, themes and labels from scratch; ``labels_`` per text.

        Raises ValueError when ``grouping`` does not return one label per text.
        """
        with self._threads():
            return self._fit([str(t) for t in texts])

    def _fit(self, texts: list[str]) -> ThemeFinder:
        # Fit on the texts in a canonical order (sorted), so the same answers give the same
        # themes, ids and names whatever order a store or a reload hands them over in.
        # Non-answers take no part: not in the vocabulary, in no theme.
        order = sorted(_answered(texts), key=lambda i: texts[i])
        self._fit_sorted([texts[i] for i in order])
        labels = np.full(len(texts), UNASSIGNED, dtype=int)
        labels[order] = self.labels_
        self.labels_ = labels
        return self

    def _fit_sorted(self, texts: list[str]) -> ThemeFinder:
        n = len(texts)
        self.vocabulary_: dict[str, int] = {}
        self.idf_ = np.zeros(0)
        self.n_docs_ = n
        self.theme_ids_ = np.zeros(0, dtype=int)
        self.centroids_ = sp.csr_matrix((0, 0))
        self.theme_groups_: dict[int, str] = {}
        self.theme_labels_: dict[int, str] = {}
        self.theme_phrases_: dict[int, list[str]] = {}
        self.theme_sizes_: dict[int, int] = {}
        self.aliases_: dict[int, int] = {}
        self.next_id_ = 0
        self.normaliser_ = normaliser_key()  # the rules the vocabulary was made with
        if n == 0:
            self.labels_ = np.zeros(0, dtype=int)
            return self
        vec = CountVectorizer(
            analyzer=analyze,
            min_df=1 if n < 50 else 2,
            max_features=self.max_features,
            dtype=np.float64,
        )
        try:
            counts = vec.fit_transform(texts).tocsr()
        except ValueError:  # nothing but stop words
            self.labels_ = np.full(n, UNASSIGNED)
            return self
        self.vocabulary_ = {t: int(i) for t, i in vec.vocabulary_.items()}
        df = np.bincount(counts.indices, minlength=counts.shape[1])
        self.idf_ = (np.log((1 + n) / (1 + df)) + 1.0) * background_weight(self.terms_)
        x = self._weigh(counts)
        groups = self._groups(texts)
        valid = self._enough(counts)
        seeds = np.random.RandomState(self.random_state).randint(0, 2**31 - 1, size=1024)
        cap = self.max_themes if self.grouping is None else self.max_themes_per_group
        blocks, block_groups = [], []
        for gi, group in enumerate(sorted(set(groups))):
            rows = np.flatnonzero((groups == group) & valid)
            cents = self._cluster(x[rows], cap, int(seeds[gi % len(seeds)]))
            blocks.append(cents)
            block_groups += [group] * cents.shape[0]
        self._add_themes(blocks, block_groups)
        self.labels_ = self.predict_vectors(x, groups, valid)
        self._relabel(texts, counts, x, self.labels_, self.theme_ids_)
        self.theme_sizes_ = self._sizes(self.labels_)
        return self

    def _min_size(self, n_group: int) -> int:
        return max(self.min_theme_size, math.ceil(self.min_theme_share * n_group))

    def _cluster(self, x: sp.csr_matrix, cap: int, seed: int) -> sp.csr_matrix:
        """Centroids (rows, L2-normalised, truncated) of the themes in one group, over the
        terms at least ``SHARED_BY`` answers of the group wrote.

        An answer's own words are in its theme's centroid, so with every word kept any
        leftover answer reached ``min_similarity`` of some theme and mixed it. Over shared
        words only, an answer joins a theme through words another answer of its group also
        wrote; one that shares none joins no theme. Themes left with no term are dropped.
        """
        centers = self._cluster_centers(x, cap, seed)
        if centers is None:
            return sp.csr_matrix((0, x.shape[1]))
        shared = np.bincount(x.indices, minlength=x.shape[1]) >= SHARED_BY
        centers = centers * shared[None, :]
        centers = centers[centers.any(axis=1)]
        if not len(centers):
            return sp.csr_matrix((0, x.shape[1]))
        return self._truncate(centers)

    def _cluster_centers(self, x: sp.csr_matrix, cap: int, seed: int) -> np.ndarray | None:
        """Unnormalised centroids (k x terms, biggest theme first) of one group, or None."""
        n = x.shape[0]
        min_size = self._min_size(n)
        if n < min_size or cap < 1:
            return None
        k_max = min(cap, n // min_size)
        if k_max <= 1:
            return np.asarray(x.mean(axis=0))
        # Cluster in a small LSA space (short texts share few exact words; LSA links
        # synonyms), but keep centroids in term space so they stay readable and storable.
        z = x
        if self.n_components and n >= 5 * self.n_components and x.shape[1] > self.n_components:
            # Fit on a sample: the topic directions of 5,000 answers are plenty, and
            # randomized SVD over 100k rows would dominate the run time.
            rng = np.random.RandomState(seed)
            fit_rows = rng.choice(n, min(n, 5000), replace=False) if n > 5000 else slice(None)
            svd = TruncatedSVD(self.n_components, n_iter=4, random_state=seed).fit(x[fit_rows])
            z = normalize(svd.transform(x))
        k = self._choose_k(z, k_max, seed)
        if k == 1:
            return np.asarray(x.mean(axis=0))
        if n <= 10000:
            km = KMeans(n_clusters=k, n_init=3, random_state=seed)
        else:
            km = MiniBatchKMeans(n_clusters=k, n_init=3, batch_size=2048, random_state=seed)
        with warnings.catch_warnings():
            # Duplicate answers can leave a cluster empty; the size rule drops it anyway.
            warnings.simplefilter("ignore", ConvergenceWarning)
            labels = km.fit_predict(z)
        sizes = np.bincount(labels, minlength=k)
        # Small-cluster rule: a theme needs enough members to be a pattern.
        keep = [int(c) for c in np.argsort(-sizes, kind="stable") if sizes[c] >= min_size]
        if not keep:
            return np.asarray(x.mean(axis=0))
        # Biggest first, so the first id of a group is its main theme.
        member = sp.csr_matrix((np.ones(n), (labels, np.arange(n))), shape=(k, n))
        return (member @ x).toarray()[keep]

    def _choose_k(self, z: Any, k_max: int, seed: int) -> int:
        """Number of clusters with the best cosine silhouette on a sample (1 if none > 0)."""
        rng = np.random.RandomState(seed)
        rows = np.arange(z.shape[0])
        if len(rows) > self.sample_size:
            rows = np.sort(rng.choice(rows, self.sample_size, replace=False))
        sample = z[rows]
        # Rows are L2-normalised, so cosine distance is 1 - dot; compute it once.
        gram = sample @ sample.T
        dist = 1.0 - (gram.toarray() if sp.issparse(gram) else np.asarray(gram))
        np.fill_diagonal(dist, 0.0)
        dist = np.clip(dist, 0.0, 2.0)
        # A coarse grid of candidate k is enough: silhouette is flat near its optimum.
        grid = sorted({int(round(k)) for k in np.geomspace(2, k_max, num=min(k_max - 1, 10))})
        best_k, best_score = 1, 0.0
        for k in grid:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                labels = KMeans(n_clusters=k, n_init=1, random_state=seed).fit_predict(sample)
            if len(set(labels)) < 2:
                continue
            score = silhouette_score(dist, labels, metric="precomputed")
            if score > best_score:
                best_k, best_score = k, score
        return best_k

    def _truncate(self, centers: np.ndarray) -> sp.csr_matrix:
        centers = np.asarray(centers, dtype=np.float64)
        if centers.shape[1] > self.centroid_terms:
            cut = np.argpartition(-centers, self.centroid_terms - 1, axis=1)[
                :, self.centroid_terms :
            ]
            np.put_along_axis(centers, cut, 0.0, axis=1)
        return normalize(sp.csr_matrix(centers), norm="l2").tocsr()

    def _add_themes(self, blocks: list[sp.csr_matrix], groups: list[str]) -> list[int]:
        blocks = [b for b in blocks if b.shape[0]]
        if not blocks:
            return []
        new = sp.vstack(blocks).tocsr()
        ids = list(range(self.next_id_, self.next_id_ + new.shape[0]))
        self.next_id_ += new.shape[0]
        if self.centroids_.shape[0]:
            self.centroids_ = sp.vstack([self.centroids_, new]).tocsr()
        else:
            self.centroids_ = new
        self.theme_ids_ = np.concatenate([self.theme_ids_, np.asarray(ids, dtype=int)])
        for tid, group in zip(ids, groups, strict=True):
            self.theme_groups_[tid] = group
            self.theme_labels_.setdefault(tid, "")
        return ids

    def _relabel(
        self,
        texts: Sequence[str],
        counts: sp.csr_matrix,
        x: sp.csr_matrix,
        assigned: np.ndarray,
        ids: Sequence[int],
    ) -> None:
        """Name themes ``ids`` by a phrase their most representative members wrote
        (``analysis.theme_phrases``); c-TF-IDF terms only when no phrase qualifies."""
        mask = assigned != UNASSIGNED
        if not mask.any():
            return
        rows = {int(t): i for i, t in enumerate(self.theme_ids_)}
        wanted = {int(t) for t in ids}
        members = np.flatnonzero(mask)
        sims = np.asarray(
            x[members]
            .multiply(self.centroids_[[rows[int(assigned[i])] for i in members]])
            .sum(axis=1)
        ).ravel()
        by_theme: dict[int, list[tuple[float, str]]] = {}
        for i, sim in zip(members, sims, strict=True):
            tid = int(assigned[i])
            if tid in wanted:
                by_theme.setdefault(tid, []).append((-float(sim), texts[i]))
        reps = {
            tid: list(dict.fromkeys(t for _, t in sorted(pairs)))[:PHRASE_SOURCES]
            for tid, pairs in by_theme.items()
        }

        def relevance(tid: Hashable, forms: list[str]) -> np.ndarray:
            vectors = self._weigh(self._counts(forms))
            return np.asarray((vectors @ self.centroids_[rows[int(tid)]].T).todense()).ravel()

        phrases = rank_phrases(reps, relevance, tokens)
        fallback = class_labels(counts[mask], assigned[mask], self.terms_)
        for tid in sorted(wanted):
            names = phrases.get(tid) or []
            if names:
                self.theme_phrases_[tid] = names
                self.theme_labels_[tid] = names[0]
            elif fallback.get(tid):
                self.theme_labels_[tid] = fallback[tid]

    def _sizes(self, assigned: np.ndarray) -> dict[int, int]:
        ids, n = np.unique(assigned[assigned != UNASSIGNED], return_counts=True)
        return {int(i): int(c) for i, c in zip(ids, n, strict=True)}

    @property
    def terms_(self) -> list[str]:
        """Vocabulary in column order."""
        terms = [""] * len(self.vocabulary_)
        for term, idx in self.vocabulary_.items():
            terms[idx] = term
        return terms

    # -- incremental --------------------------------------------------------

    def partial_fit(self, texts: Sequence[str], y: Any = None) -> ThemeFinder:
        """Add answers: join existing themes first, form new themes from the leftovers.

        Existing theme ids, centroids and labels never change; ``labels_`` covers the new
        texts only. An unfitted finder is fitted. Raises ValueError when ``grouping`` does
        not return one label per text.
        """
        if not hasattr(self, "vocabulary_") or not self.vocabulary_:
            return self.fit(texts)
        texts = [str(t) for t in texts]
        said = _answered(texts)  # non-answers take no part (as in ``fit``)
        with self._threads():
            self._partial_fit([texts[i] for i in said])
        labels = np.full(len(texts), UNASSIGNED, dtype=int)
        labels[said] = self.labels_
        self.labels_ = labels
        return self

    def _partial_fit(self, texts: list[str]) -> ThemeFinder:
        if not texts:
            self.labels_ = np.zeros(0, dtype=int)
            return self
        self._extend_vocabulary(texts)
        counts = self._counts(texts)
        x = self._weigh(counts)
        groups = self._groups(texts)
        valid = self._enough(counts)
        ids, sims = self._nearest(x, groups)
        joined = valid & (sims >= self.join_similarity)
        cap = self.max_themes if self.grouping is None else self.max_themes_per_group
        seed = 0 if self.random_state is None else int(self.random_state)
        blocks, block_groups = [], []
        for gi, group in enumerate(sorted(set(groups[valid & ~joined]))):
            rows = np.flatnonzero((groups == group) & valid & ~joined)
            room = cap - sum(1 for g in self._live_groups() if g == group)
            if room < 1:
                continue
            cents = self._cluster(x[rows], room, seed + self.next_id_ + gi)
            blocks.append(cents)
            block_groups += [group] * cents.shape[0]
        new_ids = self._add_themes(blocks, block_groups)
        self.n_docs_ += len(texts)
        self.labels_ = self.predict_vectors(x, groups, valid)
        if new_ids:
            self._relabel(texts, counts, x, self.labels_, new_ids)
        for tid, c in self._sizes(self.labels_).items():
            self.theme_sizes_[tid] = self.theme_sizes_.get(tid, 0) + c
        return self

    update = partial_fit

    def _live_groups(self) -> list[str]:
        return [self.theme_groups_[int(t)] for t in self.theme_ids_ if int(t) not in self.aliases_]

    def _extend_vocabulary(self, texts: list[str]) -> None:
        # New words get new columns at the end; existing columns, idf weights and
        # centroids stay put, so old texts only gain the new words they contain.
        vec = CountVectorizer(analyzer=analyze, min_df=1 if len(texts) < 50 else 2)
        try:
            vec.fit(texts)
        except ValueError:
            return
        batch_df = vec.transform(texts)
        df = np.bincount(batch_df.indices, minlength=batch_df.shape[1])
        # Always leave room for a batch's new words, or a new topic could never form
        # once the first fit filled the vocabulary.
        room = max(NEW_TERMS_PER_UPDATE, self.max_features - len(self.vocabulary_))
        fresh = sorted(
            ((t, int(df[i])) for t, i in vec.vocabulary_.items() if t not in self.vocabulary_),
            key=lambda item: (-item[1], item[0]),  # most frequent first, ties by name
        )[:room]
        if not fresh:
            return
        n_total = self.n_docs_ + len(texts)
        start = len(self.vocabulary_)
        for offset, (term, _) in enumerate(fresh):
            self.vocabulary_[term] = start + offset
        new_idf = np.log((1 + n_total) / (1 + np.asarray([d for _, d in fresh]))) + 1.0
        new_idf = new_idf * background_weight([t for t, _ in fresh])
        self.idf_ = np.concatenate([self.idf_, new_idf])
        cents = self.centroids_.tocsr().copy()
        cents.resize((cents.shape[0], len(self.vocabulary_)))
        self.centroids_ = cents

    # -- predicting ---------------------------------------------------------

    def _nearest(self, x: sp.csr_matrix, groups: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Nearest theme (aliases resolved) and its similarity, within each text's group."""
        n = x.shape[0]
        if self.centroids_.shape[0] == 0 or n == 0:
            return np.full(n, UNASSIGNED), np.zeros(n)
        cents = self.centroids_
        if cents.shape[1] < x.shape[1]:
            cents = cents.copy()
            cents.resize((cents.shape[0], x.shape[1]))
        sims = np.asarray((x @ cents.T).todense())
        if self.grouping is not None:
            theme_groups = np.asarray([self.theme_groups_[int(t)] for t in self.theme_ids_])
            sims = np.where(groups[:, None] == theme_groups[None, :], sims, -1.0)
        best = sims.argmax(axis=1)
        best_sim = sims[np.arange(n), best]
        ids = self.theme_ids_[best].copy()
        ids = np.asarray([self._resolve_alias(int(i)) for i in ids], dtype=int)
        return ids, best_sim

    def _resolve_alias(self, tid: int) -> int:
        seen = set()
        while tid in self.aliases_ and tid not in seen:
            seen.add(tid)
            tid = self.aliases_[tid]
        return tid

    def predict_vectors(
        self, x: sp.csr_matrix, groups: np.ndarray, valid: np.ndarray
    ) -> np.ndarray:
        """Theme id per row of already-weighted vectors (-1: too short or too far).

        ``x``: rows weighted as this finder weighs texts; ``groups``: group label per row
        ("" without grouping); ``valid``: bool per row, False gives -1.
        """
        ids, sims = self._nearest(x, groups)
        ids[~valid | (sims < self.min_similarity)] = UNASSIGNED
        return ids

    def _vectorise(self, texts: Sequence[str]) -> tuple[sp.csr_matrix, np.ndarray, np.ndarray]:
        counts = self._counts(texts)
        return self._weigh(counts), self._groups(texts), self._valid(counts, texts)

    def _valid(self, counts: sp.csr_matrix, texts: Sequence[str]) -> np.ndarray:
        """Rows that may join a theme: ``min_terms`` features or more, and no non-answer."""
        return self._enough(counts) & ~np.asarray(non_answer_mask(texts), dtype=bool)

    def _enough(self, counts: sp.csr_matrix) -> np.ndarray:
        """Rows with at least ``min_terms`` features (None: 1 with a grouping, 2 without)."""
        least = (
            self.min_terms if self.min_terms is not None else (2 if self.grouping is None else 1)
        )
        return np.diff(counts.indptr) >= least

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        """Theme id (int) of each text (-1 when it fits no theme).

        Raises NotFittedError (scikit-learn) before ``fit``; ValueError when ``grouping``
        does not return one label per text.
        """
        check_is_fitted(self, "theme_ids_")
        texts = [str(t) for t in texts]
        if not texts or not self.vocabulary_:
            return np.full(len(texts), UNASSIGNED, dtype=int)
        return self.predict_vectors(*self._vectorise(texts))

    def transform(self, texts: Sequence[str]) -> pd.DataFrame:
        """One row per text: ``theme_id`` (int, -1 = none), ``theme_label``, ``similarity``
        (cosine to the theme's centroid, 0-1; 0.0 when unassigned).

        Raises NotFittedError (scikit-learn) before ``fit``; ValueError when ``grouping``
        does not return one label per text.
        """
        check_is_fitted(self, "theme_ids_")
        texts = [str(t) for t in texts]
        if not texts or not self.vocabulary_:
            ids, sims = np.full(len(texts), UNASSIGNED, dtype=int), np.zeros(len(texts))
        else:
            x, groups, valid = self._vectorise(texts)
            ids, sims = self._nearest(x, groups)
            ids[~valid | (sims < self.min_similarity)] = UNASSIGNED
        return self._frame(ids, sims)

    def _frame(self, ids: np.ndarray, sims: np.ndarray | None = None) -> pd.DataFrame:
        labels = [self.label(int(i)) for i in ids]
        frame = pd.DataFrame({"theme_id": np.asarray(ids, dtype=int), "theme_label": labels})
        if sims is not None:
            frame["similarity"] = np.where(frame["theme_id"] == UNASSIGNED, 0.0, sims)
        return frame

    def label(self, theme_id: int) -> str:
        """Display label of a theme ("unassigned" for -1)."""
        if theme_id == UNASSIGNED:
            return UNASSIGNED_LABEL
        return self.theme_labels_.get(self._resolve_alias(theme_id), "")

    # -- inspection ---------------------------------------------------------

    def themes(self) -> pd.DataFrame:
        """Live (not merged away) themes, one row each: ``theme_id``, ``theme_label``,
        ``group`` ("" without grouping), ``size`` (answers, count), ``top_terms`` (list of
        the 5 heaviest centroid terms).

        Raises NotFittedError (scikit-learn) before ``fit``.
        """
        check_is_fitted(self, "theme_ids_")
        terms = self.terms_
        rows = []
        for row, tid in enumerate(self.theme_ids_):
            tid = int(tid)
            if tid in self.aliases_:
                continue
            cent = self.centroids_.getrow(row)
            order = np.argsort(-cent.data)[:5]
            rows.append(
                {
                    "theme_id": tid,
                    "theme_label": self.theme_labels_.get(tid, ""),
                    "group": self.theme_groups_.get(tid, ""),
                    "size": self.theme_sizes_.get(tid, 0),
                    "top_terms": [terms[cent.indices[i]] for i in order],
                }
            )
        cols = ["theme_id", "theme_label", "group", "size", "top_terms"]
        return pd.DataFrame(rows, columns=cols)

    def representatives(self, texts: Sequence[str], n: int = 3) -> pd.DataFrame:
        """The ``n`` distinct texts closest to each theme's centroid (caller applies
        anonymity): columns ``theme_id``, ``rank`` (1 = closest), ``text``, ``similarity``
        (cosine, 0-1). Unassigned texts are left out.

        Raises NotFittedError (scikit-learn) before ``fit``; ValueError when ``grouping``
        does not return one label per text.
        """
        frame = self.transform(texts)
        frame["text"] = [str(t) for t in texts]
        frame = frame[frame["theme_id"] != UNASSIGNED].drop_duplicates(["theme_id", "text"])
        frame = frame.sort_values(
            ["theme_id", "similarity"], ascending=[True, False], kind="stable"
        )
        top = frame.groupby("theme_id", sort=True).head(n).copy()
        top["rank"] = top.groupby("theme_id").cumcount() + 1
        return top[["theme_id", "rank", "text", "similarity"]].reset_index(drop=True)

    def similarity_to(self, theme_id: int, texts: Sequence[str]) -> np.ndarray:
        """Cosine similarity (0-1) of each text to one theme's centroid (no grouping needed).

        Raises NotFittedError (scikit-learn) before ``fit``; IndexError when ``theme_id``
        is not a theme of this finder.
        """
        check_is_fitted(self, "theme_ids_")
        texts = [str(t) for t in texts]
        if not texts:
            return np.zeros(0)
        centroid = self.vector_from_terms(self.theme_terms(theme_id, n=self.centroid_terms))
        return np.asarray((self._weigh(self._counts(texts)) @ centroid.T).todense()).ravel()

    def theme_terms(self, theme_id: int, n: int = 50) -> dict[str, float]:
        """Heaviest ``n`` centroid terms of a theme, ``{term: weight}`` (weights of the
        L2-normalised centroid): a vocabulary-independent anchor.

        Raises IndexError when ``theme_id`` is not a theme of this finder.
        """
        row = int(np.flatnonzero(self.theme_ids_ == theme_id)[0])
        cent = self.centroids_.getrow(row)
        terms = self.terms_
        order = np.argsort(-cent.data, kind="stable")[:n]
        return {terms[cent.indices[i]]: float(cent.data[i]) for i in order}

    def vector_from_terms(self, weights: dict[str, float]) -> sp.csr_matrix:
        """A (1 x vocabulary) L2-normalised row from ``{term: weight}`` (unknown terms drop)."""
        cols, vals = [], []
        for term, w in weights.items():
            if term in self.vocabulary_:
                cols.append(self.vocabulary_[term])
                vals.append(w)
        row = sp.csr_matrix(
            (vals, ([0] * len(cols), cols)), shape=(1, len(self.vocabulary_)), dtype=np.float64
        )
        return normalize(row, norm="l2").tocsr()

    # -- persistence --------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready learned state (without the ``grouping`` callable), including the
        ``normaliser`` key the vocabulary was made with.

        Raises NotFittedError (scikit-learn) before ``fit``.
        """
        check_is_fitted(self, "theme_ids_")
        params = {k: v for k, v in self.get_params().items() if k != "grouping"}
        return {
            "params": params,
            "grouped": self.grouping is not None,
            "normaliser": getattr(self, "normaliser_", None),
            "terms": self.terms_,
            "idf": self.idf_.tolist(),
            "n_docs": int(self.n_docs_),
            "next_id": int(self.next_id_),
            "aliases": {str(k): int(v) for k, v in self.aliases_.items()},
            "themes": [
                {
                    "theme_id": int(tid),
                    "label": self.theme_labels_.get(int(tid), ""),
                    "phrases": list(getattr(self, "theme_phrases_", {}).get(int(tid), [])),
                    "group": self.theme_groups_.get(int(tid), ""),
                    "size": int(self.theme_sizes_.get(int(tid), 0)),
                    "centroid": self.theme_terms(int(tid), n=self.centroid_terms),
                }
                for tid in self.theme_ids_
            ],
        }

    @classmethod
    def from_dict(cls, state: dict[str, Any], grouping: Grouping | None = None) -> ThemeFinder:
        """Rebuild a fitted finder from ``to_dict`` output; pass the same ``grouping``.

        Logs a warning when the state was made with other normalisation rules (see
        ``analysis.text_normal.NORMALISER_KEY``). Raises KeyError when ``state`` lacks a
        key ``to_dict`` writes.
        """
        model = cls(grouping=grouping, **state["params"])
        # None: a state saved before the normaliser was recorded (older rules).
        model.normaliser_ = state.get("normaliser")
        if model.normaliser_ != normaliser_key():
            # Terms were made by other normalisation rules: new answers may not produce
            # them any more, so they match old themes less well until a full refit.
            log.warning("theme state was made with other text normalisation; refit to renew")
        model.vocabulary_ = {t: i for i, t in enumerate(state["terms"])}
        model.idf_ = np.asarray(state["idf"], dtype=np.float64)
        model.n_docs_ = state["n_docs"]
        model.next_id_ = state["next_id"]
        model.aliases_ = {int(k): int(v) for k, v in state["aliases"].items()}
        themes = state["themes"]
        model.theme_ids_ = np.asarray([t["theme_id"] for t in themes], dtype=int)
        model.theme_labels_ = {t["theme_id"]: t["label"] for t in themes}
        # Older states have no ranked phrases: their label is then the only name.
        model.theme_phrases_ = {
            t["theme_id"]: list(t["phrases"]) for t in themes if t.get("phrases")
        }
        model.theme_groups_ = {t["theme_id"]: t["group"] for t in themes}
        model.theme_sizes_ = {t["theme_id"]: t["size"] for t in themes}
        rows = [model.vector_from_terms(t["centroid"]) for t in themes]
        model.centroids_ = (
            sp.vstack(rows).tocsr() if rows else sp.csr_matrix((0, len(model.vocabulary_)))
        )
        model.labels_ = np.zeros(0, dtype=int)
        return model


# ---------------------------------------------------------------------------
# Public contract
# ---------------------------------------------------------------------------

_CACHE: OrderedDict[str, pd.DataFrame] = OrderedDict()
_CACHE_SIZE = 8


def _answered(texts: Sequence[str]) -> list[int]:
    """Positions of the texts that are not non-answers (``analysis.no_root_cause``)."""
    return [i for i, silent in enumerate(non_answer_mask(texts)) if not silent]


def content_key(texts: Sequence[str], *extra: object) -> str:
    """Hash of the texts (order matters) plus settings: the cache key of an analysis.

    32 hex digits (BLAKE2b); ``extra`` enters through its ``repr``.
    """
    h = hashlib.blake2b(digest_size=16)
    for t in texts:
        h.update(str(t).encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    h.update(repr(extra).encode())
    return h.hexdigest()


def root_cause_grouping() -> Grouping | None:
    """``analysis.root_causes.classify_root_causes`` when that module is available, else
    None (logged as a warning): themes are then formed over all answers."""
    try:
        from analysis.root_causes import classify_root_causes
    except ImportError:  # module not shipped yet: themes over all answers
        log.warning("analysis.root_causes unavailable; themes are not nested in categories")
        return None
    return classify_root_causes


def _grouping_for_cache(
    group_fn: Grouping | None, texts: list[str]
) -> tuple[object, Grouping | None]:
    """What a grouping contributes to the cache key, and the grouping to fit with.

    The root-cause classifier is keyed by what determines its output (the taxonomy in
    effect; the normaliser is in the key already). Any other callable is keyed by the
    labels it gives these texts, computed once and reused for the fit: a qualified name
    would let two different closures share a cache entry.
    """
    if group_fn is None:
        return None, None
    classifier = getattr(sys.modules.get("analysis.root_causes"), "classify_root_causes", None)
    if group_fn is classifier:
        path = taxonomy_path()
        return ("root_causes", str(path.resolve()), taxonomy_key(path)), group_fn
    labels = [str(g) for g in group_fn(texts)]

    def grouping(batch: Sequence[str]) -> Sequence[Hashable]:
        return labels if list(batch) == texts else group_fn(batch)

    return ("labels", content_key(labels)), grouping


def find_themes(
    texts: Sequence[str], *, grouping: Grouping | None | str = "root_causes", random_state: int = 0
) -> pd.DataFrame:
    """One row per text, in order: ``theme_id`` (int, -1 = no theme) and ``theme_label``.

    ``grouping="root_causes"`` nests themes inside predicted root-cause categories
    (``analysis.root_causes.classify_root_causes``); None clusters all texts together; a
    callable gives one group label per text. Results are cached by content: the texts, the
    grouping (the taxonomy in effect, or the labels a callable gave), ``random_state`` and
    ``analysis.text_normal.NORMALISER_KEY``.

    Raises ValueError when ``grouping`` is another string, when a ``grouping`` callable
    does not return one label per text, or (root-cause grouping) when the taxonomy file
    cannot be read or is invalid.
    """
    texts = [str(t) for t in texts]
    if not texts:
        return pd.DataFrame({"theme_id": pd.Series(dtype=int), "theme_label": pd.Series(dtype=str)})
    if isinstance(grouping, str) and grouping != "root_causes":
        raise ValueError(f"grouping must be 'root_causes', None or a callable, not {grouping!r}")
    group_fn = root_cause_grouping() if grouping == "root_causes" else grouping
    grouping_key, group_fn = _grouping_for_cache(group_fn, texts)
    key = content_key(texts, grouping_key, random_state, normaliser_key())
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key].copy()
    finder = ThemeFinder(grouping=group_fn, random_state=random_state).fit(texts)
    result = finder._frame(finder.labels_)[COLUMNS]
    _CACHE[key] = result
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return result.copy()
