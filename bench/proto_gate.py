"""Measure the per-group anonymity gate against a vectorised equivalent (a proposed fix).

Run from the repo root (after ``bench/bench_dashboard.py`` made the analysed scale db):
    /work/venv/bin/python bench/proto_gate.py [--db bench/out/scale_analysed.duckdb]

``analysis.insights.gated_cells`` (and ``afterward/review.py:_gated_cells``) call
``analysis.anonymity.suppress`` once per (project, quarter) group: ~2,200 pandas round
trips per call on the 1M-answer database. ``gated_cells_vectorised`` below applies the same
rule to all groups at once with one sort and grouped cumulative sums. The script checks the
two give identical cells on the scale data (category and theme counts) and times both.
This is a benchmark prototype only: the real fix belongs in ``analysis/anonymity.py``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # a script, not a test: make the packages importable

from afterward.services.manager_views import shown_survey_ids  # noqa: E402
from analysis.anonymity import suppress  # noqa: E402
from surveys.store import Scope, Store  # noqa: E402

COLUMNS = ["project", "quarter", "answers", "responses", "suppressed"]


def gated_cells_loop(counts: pd.DataFrame, key: str) -> pd.DataFrame:
    """The current rule: one ``suppress`` call per (project, quarter) breakdown."""
    pieces = []
    for _, group in counts.groupby(["project", "quarter"], sort=True):
        threshold = int(group["threshold"].max())
        pieces.append(suppress(group.reset_index(drop=True), threshold, value_columns=["answers"]))
    return pd.concat(pieces, ignore_index=True)[["project", "quarter", key, *COLUMNS[2:]]]


def gated_cells_vectorised(counts: pd.DataFrame, key: str) -> pd.DataFrame:
    """Same cells as ``gated_cells_loop``: complementary suppression for all groups at once.

    Within a group, rows sorted by responses (stable) are hidden as a prefix: every row
    below the threshold, then further smallest rows until the hidden ones add up to the
    threshold with at least two of them (or all are hidden).
    """
    frame = counts.sort_values(["project", "quarter"], kind="stable").reset_index(drop=True)
    n_rows = np.asarray(frame["responses"].fillna(0), dtype=np.int64)
    group = frame.groupby(["project", "quarter"], sort=False).ngroup().to_numpy()
    threshold = frame.groupby(group)["threshold"].transform("max").to_numpy()
    order = np.lexsort((np.arange(len(frame)), n_rows, group))
    g, c, t = group[order], n_rows[order], threshold[order]
    starts = np.r_[0, np.flatnonzero(np.diff(g)) + 1]
    sizes = np.diff(np.r_[starts, len(g)])
    rank = np.arange(len(g)) - np.repeat(starts, sizes)
    cum = np.cumsum(c) - np.repeat(np.cumsum(c)[starts] - c[starts], sizes)
    below = np.add.reduceat((c < t).astype(np.int64), starts)  # rows under the threshold
    length = rank + 1
    enough = (cum >= t) & (length >= 2) & (length >= np.repeat(below, sizes))
    stop = np.where(enough, length, np.repeat(sizes, sizes))
    hidden_len = np.minimum.reduceat(stop, starts)
    hidden_len = np.where(below == 0, 0, hidden_len)
    hidden_sorted = rank < np.repeat(hidden_len, sizes)
    hidden = np.empty(len(frame), dtype=bool)
    hidden[order] = hidden_sorted
    result = frame.copy()
    result["suppressed"] = hidden
    for column in ("responses", "answers"):
        result[column] = result[column].astype("float64").where(~hidden)
    return result[["project", "quarter", key, *COLUMNS[2:]]]


def timed(fn, *args) -> tuple[float, pd.DataFrame]:
    start = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - start, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "scale_analysed.duckdb")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="afterward-gate-"))
    try:
        copy = tmp / "gate.duckdb"
        shutil.copyfile(args.db, copy)
        with Store(copy) as store:
            ids = shown_survey_ids(store, Scope())
            inputs = {
                "category": store.category_counts(ids),
                "theme_id": store.theme_counts(ids),
            }
        for key, counts in inputs.items():
            groups = counts.groupby(["project", "quarter"]).ngroups
            loop_s, loop = timed(gated_cells_loop, counts, key)
            vec_s, vec = timed(gated_cells_vectorised, counts, key)
            sort = ["project", "quarter", key]
            a = loop.sort_values(sort).reset_index(drop=True)
            b = vec.sort_values(sort).reset_index(drop=True)
            same = a.equals(b) or (
                (a[sort].astype(str).to_numpy() == b[sort].astype(str).to_numpy()).all()
                and (a["suppressed"].to_numpy() == b["suppressed"].to_numpy()).all()
                and np.allclose(a["responses"], b["responses"], equal_nan=True)
                and np.allclose(a["answers"], b["answers"], equal_nan=True)
            )
            print(
                f"{key:<9} {len(counts):>7,} cells in {groups:,} project-quarters: "
                f"per-group suppress {loop_s:6.2f} s, vectorised {vec_s * 1000:6.1f} ms "
                f"({loop_s / vec_s:,.0f}x), hidden {int(b['suppressed'].sum()):,}, "
                f"{'identical' if same else 'DIFFERENT'}"
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
