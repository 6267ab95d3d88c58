"""A fine-tuned sentence encoder that reads blame (issue 11), beside the rules of
`analysis.blame` and their linear reader (`analysis.blame_model`).

Rules written from one batch of invented answers did not reach the next, and a linear
model over word n-grams stopped improving however many lines it was given
(bench/RESULTS.md). all-MiniLM-L6-v2 fine-tuned end to end on the same corpus reads the
idea rather than the wording: on 16 helper-written batches it never saw (1,280 blaming,
2,720 not) one such model found 0.88 of the blaming answers for 2.0 % false alarms at 0.9
(recipe: `analysis.blame_encoder_fit`; figures: bench/RESULTS.md and
``python bench/bench_redaction.py --blind FILE``).

Two models, fine-tuned with two seeds, ship quantised in `analysis/models` (ONNX, ~22 MB
each) and run on ONNX Runtime with Hugging Face's ``tokenizers`` (both default
dependencies): no torch, no download, about 5 ms per answer on one core for both. Their
mean is the probability; it is cached per text.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_DIR = Path(__file__).with_name("models")
TOKENIZER_FILE = MODEL_DIR / "blame_encoder_tokenizer.json"
SETTINGS_FILE = MODEL_DIR / "blame_encoder.json"
MAX_TOKENS = 128  # longer answers are read from their first 128 word pieces
# The probability (the two models' mean) from which an answer counts as blaming one
# individual, and the one from which what the rules of `analysis.blame` (or their linear
# reader) find in an answer of more than eight words stands: below `CONFIRM_THRESHOLD`
# the encoder overrules them. Chosen on helper-written batches 101-107, which neither the
# rules nor the models had seen, and on the dev sets (bench/RESULTS.md, session of
# 2026-12-03 from 11:52): one model at 0.9 with 0.6 found 518 of 560 blaming answers for 24
# false alarms of 1,190 where the rules alone found 456 for 56, but two training runs gave
# 0 and 2 false alarms on the real dev set's 163 answers; two averaged at 0.95 found 508 for
# 18 and none there. Scored once, as shipped, on batches 108-110 written afterwards.
THRESHOLD = 0.95
CONFIRM_THRESHOLD = 0.6
_CACHE = 8_192


def corpus_key() -> str:
    """Hash of the training corpora and the recipe (`analysis.blame_encoder_fit`): the
    shipped settings file names it, and a test fails when it is stale."""
    from analysis import blame_encoder_fit as fit
    from analysis.blame_model import BLAME_CORPUS, ORDINARY_CORPORA

    recipe = (fit.SEEDS, fit.EPOCHS, fit.BATCH, fit.LEARNING_RATE, fit.WARM_UP_STEPS)
    digest = hashlib.sha256(
        repr((recipe, fit.ORDINARY_SAMPLE, fit.BOTH_FORMS, MAX_TOKENS)).encode()
    )
    for path in (BLAME_CORPUS, *ORDINARY_CORPORA):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def model_file(seed: int) -> Path:
    """The shipped model file of one training seed."""
    return MODEL_DIR / f"blame_encoder_{seed}.onnx"


def model_files() -> list[Path]:
    """The shipped model files, one per seed of the recipe, in seed order."""
    from analysis.blame_encoder_fit import SEEDS

    return [model_file(seed) for seed in SEEDS]


def model_digests(directory: Path = MODEL_DIR) -> dict[str, str]:
    """SHA-256 of each model file present in `directory`, by file name."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.glob("blame_encoder_*.onnx"))
    }


def write_settings(out_dir: Path = MODEL_DIR) -> None:
    """Write the settings file beside freshly written models: `corpus_key`, each model's
    digest and `THRESHOLD`."""
    settings = {
        "corpus_key": corpus_key(),
        "model_sha256": model_digests(out_dir),
        "threshold": THRESHOLD,
        "confirm_threshold": CONFIRM_THRESHOLD,
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0)",
    }
    (out_dir / SETTINGS_FILE.name).write_text(json.dumps(settings, indent=1) + "\n")


@lru_cache(maxsize=1)
def _runtime():
    """(ONNX Runtime sessions, tokenizer), or None when a model file is missing."""
    files = model_files()
    if not (TOKENIZER_FILE.exists() and all(path.exists() for path in files)):
        return None
    import onnxruntime
    from tokenizers import Tokenizer

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1  # one answer at a time, beside other requests
    options.inter_op_num_threads = 1
    sessions = [
        onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        for path in files
    ]
    tokenizer = Tokenizer.from_file(str(TOKENIZER_FILE))
    tokenizer.no_padding()
    tokenizer.enable_truncation(MAX_TOKENS)
    return sessions, tokenizer


def available() -> bool:
    """Whether the shipped model files are present (they are in every install)."""
    return _runtime() is not None


@lru_cache(maxsize=_CACHE)
def probability(text: str) -> float:
    """Probability (0-1) that `text` places fault on one individual: the mean of the
    models' (one per training seed, which halves the run-to-run spread of a single
    fine-tuning); 0.0 for an empty text or when the model files are missing."""
    runtime = _runtime()
    if runtime is None or not text.strip():
        return 0.0
    sessions, tokenizer = runtime
    ids = np.asarray([tokenizer.encode(text).ids], dtype=np.int64)
    feed = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
    # ONNX Runtime's `run` is safe to call from several threads at once (its documentation,
    # "Thread safety"): concurrent previews are not queued behind one another.
    chances = [float(session.run(None, feed)[0][0][1]) for session in sessions]
    return sum(chances) / len(chances)


def probabilities(texts: Sequence[str]) -> np.ndarray:
    """`probability` of each text, in order (benchmarks and experiments)."""
    return np.asarray([probability(str(t)) for t in texts], dtype=float)
