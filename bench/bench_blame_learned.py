"""Would a learned model beside the blame rules find more blame on unseen writing?

Run from the repo root (issue 11; the reader that ships, `analysis.blame_model`, is this model
fitted on the corpora alone, without ``--train`` files, and speaks only where
`analysis.blame._excused` does not hold):

    python bench/bench_blame_learned.py --train EXTRA.py ... --test BATCH.py ...

Each batch file is a Python module with ``BLAMING`` and ``NOT_BLAMING`` lists of invented
answers (kept outside the repository so that nobody tunes rules on them). The model is the
shipped reader's (`analysis.blame_model.fit` over `analysis.blame_model.training_rows`, with
the ``--train`` files added), and an answer is scored through the shipped gate
(`analysis.blame.gated_readings`: sentences that name a person and are not excused; one
that names no failing needs at least `analysis.blame_model.PERSON_ONLY_THRESHOLD`).

Prints, per test set and for the two dev sets (``../shared/eval``, measured only): blaming
answers found / non-blaming answers flagged by the rules, by the gated reader alone, and as
shipped (`analysis.blame.phrases_read_by`: the rules first, the reader where they find
nothing, then every filter), at several probability thresholds.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # a script, not a test: run from anywhere

from analysis import blame as B  # noqa: E402
from analysis import blame_model  # noqa: E402

EVAL_DIR = ROOT.parent / "shared" / "eval"
THRESHOLDS = (0.5, 0.6, 0.7, 0.8)


def load_batch(path: str) -> tuple[list[str], list[str]]:
    spec = importlib.util.spec_from_file_location("batch", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return list(getattr(module, "BLAMING", [])), list(module.NOT_BLAMING)


def bar(threshold: float):
    """The bar a gated sentence needs at ``threshold``: one that names no failing needs at
    least `blame_model.PERSON_ONLY_THRESHOLD` as well."""
    return lambda fault: threshold if fault else max(threshold, blame_model.PERSON_ONLY_THRESHOLD)


def gated(reader: blame_model.LinearReader, text: str, threshold: float) -> bool:
    """The reader alone: a sentence the shipped gate lets through reaches the bar."""
    need = bar(threshold)
    return any(reader.probability(read) >= need(fault) for read, fault in B.gated_readings(text))


def shipped(reader: blame_model.LinearReader, text: str, threshold: float) -> bool:
    """Rules and reader as `analysis.blame.blame_phrases` combines and filters them."""
    return bool(B.phrases_read_by(text, reader, bar(threshold)))


def report(
    name: str, reader: blame_model.LinearReader, blaming: list[str], not_blaming: list[str]
) -> None:
    def rules(texts: list[str]) -> np.ndarray:
        return np.array([bool(B.rule_phrases(t)) for t in texts], dtype=bool)

    def count(func, texts: list[str], threshold: float) -> int:
        return sum(func(reader, t, threshold) for t in texts)

    rules_pos, rules_neg = rules(blaming), rules(not_blaming)
    cells = [
        f"rules {rules_pos.sum()}/{len(blaming)} found, {rules_neg.sum()}/{len(not_blaming)} flagged"
    ]
    for t in THRESHOLDS:
        cells.append(
            f"p>={t}: gated reader alone {count(gated, blaming, t)}/{count(gated, not_blaming, t)}, "
            f"as shipped {count(shipped, blaming, t)}/{count(shipped, not_blaming, t)}"
        )
    print(f"{name}: " + " | ".join(cells), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", nargs="*", default=[], help="extra training batch files")
    parser.add_argument("--test", nargs="*", default=[], help="unseen batch files to score")
    args = parser.parse_args()
    more_blaming: list[str] = []
    more_not: list[str] = []
    for path in args.train:
        blaming, not_blaming = load_batch(path)
        more_blaming += blaming
        more_not += not_blaming
    reader = blame_model.reader_from(
        blame_model.fit(*blame_model.training_rows(more_blaming, more_not))
    )
    for path in args.test:
        report(Path(path).stem, reader, *load_batch(path))
    for name in ("retro_dev", "real_retro_dev"):
        rows = pd.read_json(EVAL_DIR / f"{name}.jsonl", lines=True)
        labelled = rows[rows["blaming"].notna()]
        report(
            name,
            reader,
            labelled.loc[labelled["blaming"] == True, "text"].tolist(),  # noqa: E712
            labelled.loc[labelled["blaming"] == False, "text"].tolist(),  # noqa: E712
        )


if __name__ == "__main__":
    main()
