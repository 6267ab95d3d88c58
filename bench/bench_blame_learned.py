"""Would a learned model beside the blame rules find more blame on unseen writing?

Run from the repo root (issue 11; the reader that ships, `analysis.blame_model`, is this model
fitted on the corpora alone, without ``--train`` files, and speaks only where
`analysis.blame._excused` does not hold):

    python bench/bench_blame_learned.py --train EXTRA.py ... --test BATCH.py ...

Each batch file is a Python module with ``BLAMING`` and ``NOT_BLAMING`` lists of invented
answers (kept outside the repository so that nobody tunes rules on them). The model: word
1-3-gram TF-IDF over the answer read as the rules read it (informal spelling normalised,
people masked as "person", lower case), logistic regression (C=4, balanced classes),
trained on ``analysis/corpus/blame.yaml``, the root-cause and no-root-cause corpora's lines
the rules do not flag (as ordinary non-blaming answers) and the ``--train`` files. An answer
is scored sentence by sentence; only a sentence that mentions a person (a name, a role, a
pronoun, I/me) and a failing or a bad consequence (the rules' ``_FAILING``/``_CONSEQUENCE``
vocabularies) can count, and the answer's probability is its best such sentence's.

Prints, per test set and for the two dev sets (``../shared/eval``, measured only): blaming
answers found / non-blaming answers flagged by the rules, by the model alone, and by rules OR
model, at several probability thresholds.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # a script, not a test: run from anywhere

from analysis import blame as B  # noqa: E402

CORPUS = ROOT / "analysis" / "corpus"
EVAL_DIR = ROOT.parent / "shared" / "eval"
THRESHOLDS = (0.5, 0.6, 0.7, 0.8)
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")


def load_batch(path: str) -> tuple[list[str], list[str]]:
    spec = importlib.util.spec_from_file_location("batch", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return list(getattr(module, "BLAMING", [])), list(module.NOT_BLAMING)


reading = B.reading  # the reading the shipped reader uses (analysis.blame)


class SentenceModel:
    def __init__(self, blaming: list[str], not_blaming: list[str]) -> None:
        texts = [reading(t)[0] for t in blaming + not_blaming]
        labels = np.r_[np.ones(len(blaming)), np.zeros(len(not_blaming))]
        self.vectoriser = TfidfVectorizer(ngram_range=(1, 3), min_df=2, sublinear_tf=True)
        features = self.vectoriser.fit_transform(texts)
        self.model = LogisticRegression(C=4, max_iter=3000, class_weight="balanced")
        self.model.fit(features, labels)

    def probability(self, text: str) -> float:
        """Best probability over the sentences that mention a person and a failing; 0 if none."""
        sentences = [s for s in _SENTENCE.split(text) if len(s.split()) >= 2] or [text]
        read = [reading(s) for s in sentences]
        gated = [r[0] for r in read if r[1] and r[2]]
        if not gated:
            return 0.0
        return float(self.model.predict_proba(self.vectoriser.transform(gated))[:, 1].max())


def ordinary_answers() -> list[str]:
    """Team-written root-cause and no-root-cause lines the rules do not flag."""
    causes = yaml.safe_load((CORPUS / "root_causes.yaml").read_text(encoding="utf-8"))
    none = yaml.safe_load((CORPUS / "no_root_cause.yaml").read_text(encoding="utf-8"))
    lines = {t for texts in causes["examples"].values() for t in texts} | set(none["examples"])
    return sorted(t for t in lines if not B.rule_phrases(t))


def report(name: str, model: SentenceModel, blaming: list[str], not_blaming: list[str]) -> None:
    def scored(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        rules = np.array([bool(B.rule_phrases(t)) for t in texts], dtype=bool)
        return rules, np.array([model.probability(t) for t in texts])

    rules_pos, p_pos = scored(blaming)
    rules_neg, p_neg = scored(not_blaming)
    cells = [
        f"rules {rules_pos.sum()}/{len(blaming)} found, {rules_neg.sum()}/{len(not_blaming)} flagged"
    ]
    for t in THRESHOLDS:
        found, flagged = p_pos >= t, p_neg >= t
        cells.append(
            f"p>={t}: model {found.sum()}/{flagged.sum()}, "
            f"or rules {(found | rules_pos).sum()}/{(flagged | rules_neg).sum()}"
        )
    print(f"{name}: " + " | ".join(cells), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", nargs="*", default=[], help="extra training batch files")
    parser.add_argument("--test", nargs="*", default=[], help="unseen batch files to score")
    args = parser.parse_args()
    corpus = yaml.safe_load((CORPUS / "blame.yaml").read_text(encoding="utf-8"))
    blaming, not_blaming = list(corpus["blaming"]), list(corpus["not_blaming"])
    for path in args.train:
        more_blaming, more_not = load_batch(path)
        blaming += more_blaming
        not_blaming += more_not
    model = SentenceModel(blaming, not_blaming + ordinary_answers())
    for path in args.test:
        report(Path(path).stem, model, *load_batch(path))
    for name in ("retro_dev", "real_retro_dev"):
        rows = pd.read_json(EVAL_DIR / f"{name}.jsonl", lines=True)
        labelled = rows[rows["blaming"].notna()]
        report(
            name,
            model,
            labelled.loc[labelled["blaming"] == True, "text"].tolist(),  # noqa: E712
            labelled.loc[labelled["blaming"] == False, "text"].tolist(),  # noqa: E712
        )


if __name__ == "__main__":
    main()
