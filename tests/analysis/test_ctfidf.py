"""Class-based TF-IDF picks terms that set a class apart, preferring telling bigrams."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import CountVectorizer

from analysis.ctfidf import class_labels, class_tfidf, theme_label, top_terms

TEXTS = [
    "flaky ci tests in the sprint",
    "flaky ci again this sprint",
    "flaky ci broke the sprint build",
    "store review delayed the sprint",
    "app store review took a week this sprint",
    "store review rejected the app in the sprint",
]
CLASSES = [0, 0, 0, 1, 1, 1]


def counts() -> tuple[object, list[str]]:
    vec = CountVectorizer(ngram_range=(1, 2), stop_words=["the", "in", "this", "a"])
    x = vec.fit_transform(TEXTS)
    return x, vec.get_feature_names_out().tolist()


def test_shared_word_is_not_distinctive() -> None:
    x, terms = counts()
    classes, weights = class_tfidf(x, CLASSES)
    assert classes.tolist() == [0, 1]
    ranked = top_terms(weights, terms, n=3)
    assert {t for t, _ in ranked[0]} <= {"flaky", "ci", "flaky ci"}
    assert "sprint" not in {t for row in ranked for t, _ in row}


def test_labels_prefer_bigram() -> None:
    x, terms = counts()
    labels = class_labels(x, CLASSES, terms)
    assert labels[0].startswith("flaky ci")
    assert labels[1].startswith("store review")


def test_theme_label_rules() -> None:
    assert theme_label([("flaky", 1.0), ("ci", 0.9), ("flaky ci", 0.8), ("test", 0.5)]) == (
        "flaky ci · test"
    )
    assert theme_label([("cert", 1.0), ("expiry", 0.9), ("cert expiry", 0.2)]) == "cert · expiry"
    assert theme_label([]) == ""
    assert theme_label([("a", 1.0), ("b", 0.5), ("c", 0.4)], max_parts=3) == "a · b · c"


def test_single_class_and_empty() -> None:
    x, terms = counts()
    classes, weights = class_tfidf(x, [7] * len(TEXTS))
    assert classes.tolist() == [7] and weights.shape == (1, len(terms))
    classes, weights = class_tfidf(x[:0], [])
    assert len(classes) == 0 and weights.shape[0] == 0


def test_rows_must_match() -> None:
    x, _ = counts()
    with pytest.raises(ValueError, match="same number of rows"):
        class_tfidf(x, [0, 1])


def test_string_classes_keep_their_names() -> None:
    x, terms = counts()
    labels = class_labels(x, np.asarray(["ci", "ci", "ci", "app", "app", "app"]), terms)
    assert set(labels) == {"ci", "app"}
