"""Class-based TF-IDF: name each theme by the terms that set it apart from the others.

After BERTopic's ``ClassTfidfTransformer`` (Grootendorst 2022, "BERTopic: Neural topic
modeling with a class-based TF-IDF procedure", arXiv:2203.05794): the texts of one class (theme) are joined
into a single document, term frequencies are L1-normalised per class and weighted by
``log(1 + A / f_t)`` where ``A`` is the average number of words per class and ``f_t``
the frequency of term ``t`` over all classes.  Terms frequent in one theme but rare
elsewhere win; words every theme uses ("sprint", "client") sink.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.preprocessing import normalize

LABEL_SEPARATOR = " · "


def class_tfidf(
    counts: sp.spmatrix, classes: Sequence[Hashable]
) -> tuple[np.ndarray, sp.csr_matrix]:
    """Weight terms per class (c-TF-IDF, Grootendorst 2022).

    ``counts`` is a document-term count matrix (n_docs x n_terms), ``classes`` the class
    of each row.  Returns the sorted unique classes and a (n_classes x n_terms) matrix
    of c-TF-IDF weights (L1-normalised term frequency per class times
    ``log(1 + A / f_t)``; non-negative), one row per class in that order.

    Raises ValueError when ``counts`` and ``classes`` differ in number of rows.
    """
    counts = sp.csr_matrix(counts, dtype=np.float64)
    classes = np.asarray(classes)
    if counts.shape[0] != len(classes):
        raise ValueError("counts and classes must have the same number of rows")
    if len(classes) == 0:
        return np.asarray([]), sp.csr_matrix((0, counts.shape[1]))
    uniq, idx = np.unique(classes, return_inverse=True)
    # Joining the class's texts into one document == summing their count rows.
    indicator = sp.csr_matrix(
        (np.ones(len(classes)), (idx, np.arange(len(classes)))),
        shape=(len(uniq), len(classes)),
    )
    class_counts = (indicator @ counts).tocsr()
    tf = normalize(class_counts, norm="l1")
    term_freq = np.asarray(class_counts.sum(axis=0)).ravel()
    avg_words = class_counts.sum() / len(uniq)
    idf = np.log1p(avg_words / np.maximum(term_freq, 1.0))
    return uniq, (tf @ sp.diags(idf)).tocsr()


def top_terms(
    weights: sp.spmatrix, terms: Sequence[str], n: int = 10
) -> list[list[tuple[str, float]]]:
    """The ``n`` highest-weighted (term, weight) pairs of every row of ``weights``.

    ``terms`` names the columns. Zero weights are left out; ties break by term.
    """
    weights = sp.csr_matrix(weights)
    out: list[list[tuple[str, float]]] = []
    for row in range(weights.shape[0]):
        start, end = weights.indptr[row], weights.indptr[row + 1]
        cols, vals = weights.indices[start:end], weights.data[start:end]
        # Sort by weight, then term, so ties break the same way on every run.
        order = sorted(range(len(cols)), key=lambda i: (-vals[i], terms[cols[i]]))[:n]
        out.append([(terms[cols[i]], float(vals[i])) for i in order if vals[i] > 0])
    return out


def theme_label(scored_terms: Sequence[tuple[str, float]], max_parts: int = 2) -> str:
    """Join the most distinctive terms into a short label such as ``"flaky ci · test"``.

    A bigram replaces its own unigram when it is at least half as distinctive: "flaky ci"
    says more than "flaky".  Parts that repeat a word already in the label are skipped.
    """
    scored = [(t, w) for t, w in scored_terms if w > 0]
    parts: list[str] = []
    used: set[str] = set()
    for term, weight in scored:
        if len(parts) >= max_parts:
            break
        words = set(term.split())
        if words & used:
            continue
        if " " not in term:
            bigram = next(
                (
                    b
                    for b, bw in scored
                    if " " in b
                    and term in b.split()
                    and bw >= 0.5 * weight
                    and not (set(b.split()) & used)
                ),
                None,
            )
            if bigram is not None:
                term, words = bigram, set(bigram.split())
        parts.append(term)
        used |= words
    return LABEL_SEPARATOR.join(parts)


def class_labels(
    counts: sp.spmatrix,
    classes: Sequence[Hashable],
    terms: Sequence[str],
    max_parts: int = 2,
    n_terms: int = 10,
) -> dict[Hashable, str]:
    """Label every class by its c-TF-IDF top terms: ``{class: "term · term"}``.

    ``counts``, ``classes`` as in ``class_tfidf``; ``terms`` names the columns of
    ``counts``. Raises ValueError when ``counts`` and ``classes`` differ in number of rows.
    """
    uniq, weights = class_tfidf(counts, classes)
    ranked = top_terms(weights, terms, n=n_terms)
    return {
        cls.item() if hasattr(cls, "item") else cls: theme_label(r, max_parts)
        for cls, r in zip(uniq, ranked, strict=True)
    }
