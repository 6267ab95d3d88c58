"""A learned second reader of blame, beside the rules of `analysis.blame` (issue 11).

Rules drawn from one batch of invented answers did not reach the next (bench/RESULTS.md:
five sessions of blind batches); a linear model over word n-grams, trained on every
team-written batch, found 4-9 more of 80 blaming answers in batches nobody had read, for
0-2 more false alarms of 170. It only speaks where the rules found nothing, and only on a
sentence that names a person (a name, a role, I/me/my, he/she) and a failing or a bad
consequence (the rules' own vocabularies), or, at a higher bar, a person alone: the gate
lives in `analysis.blame`, the two bars here (`threshold_for`).

The model: scikit-learn's ``TfidfVectorizer`` (word 1-3-grams, ``min_df=2``, sublinear tf,
l2 norm, its default token pattern) over the answer as the rules read it (people masked as
"person", lower case), and ``LogisticRegression`` (C=4, balanced classes), trained on
`analysis/corpus/blame.yaml` (blaming vs not blaming) plus the root-cause and
no-root-cause corpora's lines the rules do not flag, as ordinary answers. The fitted
n-gram weights ship as plain numbers in `analysis/lexicons/blame_model.json`
(``python -m analysis.blame_model`` rewrites it), so scoring needs no scikit-learn and no
fit at start-up.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

CORPUS_DIR = Path(__file__).with_name("corpus")
BLAME_CORPUS = CORPUS_DIR / "blame.yaml"
ORDINARY_CORPORA = (CORPUS_DIR / "root_causes.yaml", CORPUS_DIR / "no_root_cause.yaml")
MODEL_PATH = Path(__file__).with_name("lexicons") / "blame_model.json"
FEATURES_VERSION = 1
C = 4.0
# The probability from which a gated sentence that names a failing ("broke", "forgot",
# "cost us a day") counts as blame. Measured on blind batches 17 and 18 (never read): 0.6
# found 7-9 more of 80 for up to 3 more false alarms of 170; 0.7 found 4-9 more for 0-2
# more (bench/RESULTS.md, session of 2026-12-01 05:31).
THRESHOLD = 0.7
# A sentence that names a person but none of the failing words ("X demoed a half-broken
# feature to the client", "who let X run load tests at lunchtime") needs more. Measured
# leave-one-batch-out on helper batches 22-24 and 26 (bench/RESULTS.md, session of
# 2026-12-01 from 09:31): 0.9 found 4-8 more of 80 per batch for 0-2 more false alarms of
# 170, one or two of the team dev set's 205 and none of the real set's 163; 0.85 found up
# to 2 more again for up to 2 more false alarms and one on the real set.
PERSON_ONLY_THRESHOLD = 0.9


def threshold_for(names_failing: bool) -> float:
    """The probability a gated sentence needs: `THRESHOLD` when it names a failing or a
    bad outcome, `PERSON_ONLY_THRESHOLD` when it only names a person."""
    return THRESHOLD if names_failing else PERSON_ONLY_THRESHOLD


_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token_pattern
_DIGITS = 6  # significant digits kept in the shipped weights


def ngram_counts(reading: str) -> Counter[str]:
    """Word 1-3-grams of a lower-cased reading, as ``TfidfVectorizer(ngram_range=(1, 3))``
    builds them (tokens of two or more word characters, joined by one space)."""
    tokens = _TOKEN.findall(reading.lower())
    counts: Counter[str] = Counter()
    for n in (1, 2, 3):
        for i in range(len(tokens) - n + 1):
            counts[" ".join(tokens[i : i + n])] += 1
    return counts


class LinearReader:
    """The shipped model: per n-gram its inverse document frequency and weight."""

    def __init__(self, weights: dict[str, tuple[float, float]], intercept: float) -> None:
        self.weights = weights
        self.intercept = intercept

    def probability(self, reading: str) -> float:
        """Probability (0-1) that a reading blames one individual: sublinear tf x idf,
        l2-normalised over the known n-grams, dotted with the weights, then the logistic."""
        values = []
        for gram, count in ngram_counts(reading).items():
            known = self.weights.get(gram)
            if known is not None:
                values.append(((1.0 + math.log(count)) * known[0], known[1]))
        norm = math.sqrt(sum(v * v for v, _ in values))
        score = self.intercept + (sum(v * w for v, w in values) / norm if norm else 0.0)
        return 1.0 / (1.0 + math.exp(-score))


def load_reader(path: Path = MODEL_PATH) -> LinearReader | None:
    """The shipped reader, or None when the file is absent (the rules then work alone)."""
    if not path.exists():
        return None
    return reader_from(json.loads(path.read_text(encoding="utf-8")))


def reader_from(data: dict) -> LinearReader:
    """A reader from the content `fit` returns (or the shipped file holds)."""
    weights = {gram: (idf, coef) for gram, (idf, coef) in data["weights"].items()}
    return LinearReader(weights, float(data["intercept"]))


# -- training (``python -m analysis.blame_model``); imports the rules and scikit-learn ------


# The rules decide what the reader is trained on (which ordinary lines they flag, how
# people are masked), so their source is part of what the shipped weights were fitted on.
RULE_SOURCES = (Path(__file__).with_name("blame.py"), Path(__file__).with_name("redaction.py"))


def corpus_key() -> str:
    """Hash of the training corpora, the blame and redaction rules' source and the feature
    version: the shipped file names it, and a test fails when it is stale."""
    digest = hashlib.sha256(f"features {FEATURES_VERSION} C {C}".encode())
    for path in (BLAME_CORPUS, *ORDINARY_CORPORA, *RULE_SOURCES):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def ordinary_lines() -> set[str]:
    """Every line of the root-cause and no-root-cause corpora: answers that, as written
    for those corpora, blame nobody unless the rules say otherwise."""
    import yaml

    ordinary: set[str] = set()
    for path in ORDINARY_CORPORA:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))["examples"]
        lines = data.values() if isinstance(data, dict) else [data]
        ordinary |= {t for texts in lines for t in texts if isinstance(t, str)}
    return ordinary


def training_rows(
    more_blaming: Sequence[str] = (), more_not_blaming: Sequence[str] = ()
) -> tuple[list[str], list[int]]:
    """Readings and labels (1 = blames one individual): the blame corpus and
    ``more_blaming``/``more_not_blaming`` (an experiment's extra batches), then the
    root-cause and no-root-cause corpora's lines the rules do not flag (label 0)."""
    import yaml

    from analysis import blame

    corpus = yaml.safe_load(BLAME_CORPUS.read_text(encoding="utf-8"))
    plain = sorted(t for t in ordinary_lines() if not blame.rule_phrases(t))
    blaming = [*corpus["blaming"], *more_blaming]
    texts = [*blaming, *corpus["not_blaming"], *more_not_blaming, *plain]
    labels = [1] * len(blaming) + [0] * (len(texts) - len(blaming))
    return [blame.reading(t)[0] for t in texts], labels


def fit(readings: list[str] | None = None, labels: list[int] | None = None) -> dict:
    """Fit on ``readings`` and ``labels`` (default `training_rows`) and return the shipped
    file's content: ``corpus_key``, ``threshold``, ``person_only_threshold``,
    ``intercept`` and ``weights`` (n-gram
    -> [idf, weight]). Raises ValueError (scikit-learn) when only one label is given."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    if readings is None or labels is None:
        readings, labels = training_rows()
    vectoriser = TfidfVectorizer(ngram_range=(1, 3), min_df=2, sublinear_tf=True)
    features = vectoriser.fit_transform(readings)
    model = LogisticRegression(C=C, max_iter=3000, class_weight="balanced")
    model.fit(features, np.asarray(labels))
    weights = {
        gram: [float(f"{idf:.{_DIGITS}g}"), float(f"{coef:.{_DIGITS}g}")]
        for gram, idf, coef in zip(
            vectoriser.get_feature_names_out(), vectoriser.idf_, model.coef_[0], strict=True
        )
    }
    return {
        "corpus_key": corpus_key(),
        "threshold": THRESHOLD,
        "person_only_threshold": PERSON_ONLY_THRESHOLD,
        "intercept": float(model.intercept_[0]),
        "weights": dict(sorted(weights.items())),
    }


def write_model(path: Path = MODEL_PATH) -> int:
    """Fit and write the shipped file; returns the number of n-grams."""
    data = fit()
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
    return len(data["weights"])


if __name__ == "__main__":
    print(f"{write_model()} n-grams written to {MODEL_PATH}")
