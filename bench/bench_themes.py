"""Benchmark themes: quality on the team dev set, then time and memory at scale.

Run from the repo root:  /work/venv/bin/python bench/bench_themes.py
Options: --sizes 1000 10000 100000   --no-memory (skip the slower tracemalloc runs)

Quality, separately for ``<repo>/../shared/eval/retro_dev.jsonl`` (invented team set) and
``real_retro_dev.jsonl`` (public real retrospectives; both measured only, never trained
on): purity of themes against the root-cause labels, NMI over answers in a theme, coverage
(share of answers in a theme), number of themes and themes per category, with and without
nesting in predicted root-cause categories; ~10 theme names as examples; and stability:
the same answers shuffled give the same partition and names (``same_partition``,
``same_names``), also after a ``to_dict``/``from_dict`` round trip.
Options: --quality-only (skip the scale runs), --eval FILE [FILE ...], --per-theme (every
theme's size, purity, largest categories and top terms, least pure first: what mixes),
--redact (redact the texts first, as the product stores answers; without a roster).

Scale: answers are synthesised by sampling and recombining dev-set answers (same
category), then analysed from scratch with ``find_themes``; a warm rerun with the same
answers hits the content-keyed cache.  Peak memory is measured in a separate run under
tracemalloc (which slows Python down, so its time is not the one reported).
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import normalized_mutual_info_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # a script, not a test: make `analysis` importable

from analysis import themes  # noqa: E402
from analysis.themes import ThemeFinder, find_themes  # noqa: E402

EVAL_DIR = ROOT.parent / "shared" / "eval"
EVAL_PATH = EVAL_DIR / "retro_dev.jsonl"
EVAL_FILES = [EVAL_PATH, EVAL_DIR / "real_retro_dev.jsonl"]
FILLERS = ["", "", "", "honestly ", "tbh ", "I think ", "imo ", "again: "]


def purity(truth: pd.Series, ids: np.ndarray) -> float:
    frame = pd.DataFrame({"truth": np.asarray(truth), "theme": ids})
    frame = frame[frame["theme"] != -1]
    if frame.empty:
        return 0.0
    top = frame.groupby("theme")["truth"].agg(lambda s: s.value_counts().iloc[0])
    return float(top.sum() / len(frame))


def stability(dev: pd.DataFrame, grouping: object) -> dict[str, bool]:
    """Fit on the answers and on a shuffled copy: same partition and names? And after a
    to_dict/from_dict round trip (JSON), do predictions and names survive?"""
    import json

    texts = dev["text"].tolist()
    a = ThemeFinder(grouping=grouping, random_state=0).fit(texts)
    perm = np.random.default_rng(7).permutation(len(texts))
    b = ThemeFinder(grouping=grouping, random_state=0).fit([texts[i] for i in perm])
    back = np.empty(len(texts), dtype=int)
    back[perm] = b.labels_
    names_a = [a.label(int(t)) for t in a.labels_]
    names_b = [b.label(int(t)) for t in back]
    loaded = ThemeFinder.from_dict(json.loads(json.dumps(a.to_dict())), grouping=grouping)
    return {
        "same_partition": bool(np.array_equal(a.labels_, back)),
        "same_names": names_a == names_b,
        "reload_same": bool(np.array_equal(loaded.predict(texts), a.labels_))
        and loaded.theme_labels_ == a.theme_labels_,
    }


def per_theme(dev: pd.DataFrame, model: ThemeFinder) -> pd.DataFrame:
    """One row per theme: id, group, size, purity (share of its majority category), the
    three largest categories with counts, and its five heaviest terms (no answer text)."""
    frame = pd.DataFrame({"truth": dev["category"].to_numpy(), "theme": model.labels_})
    table = model.themes().set_index("theme_id")
    rows = []
    for tid, sub in frame[frame["theme"] != -1].groupby("theme"):
        counts = sub["truth"].value_counts()
        rows.append(
            {
                "theme_id": int(tid),
                "group": table.loc[tid, "group"],
                "size": len(sub),
                "purity": round(counts.iloc[0] / len(sub), 2),
                "categories": ", ".join(f"{c} {n}" for c, n in counts.head(3).items()),
                "top_terms": " ".join(table.loc[tid, "top_terms"]),
            }
        )
    return pd.DataFrame(rows).sort_values(["purity", "size"], ascending=[True, False])


def quality(
    dev: pd.DataFrame, grouping: object, name: str, seeds: int = 3, show_themes: bool = False
) -> None:
    rows = []
    for seed in range(seeds):
        start = time.perf_counter()
        model = ThemeFinder(grouping=grouping, random_state=seed).fit(dev["text"].tolist())
        elapsed = time.perf_counter() - start
        ids = model.labels_
        assigned = ids != -1
        table = model.themes()
        majority = (
            pd.DataFrame({"truth": dev["category"], "theme": ids})[assigned]
            .groupby("theme")["truth"]
            .agg(lambda s: s.value_counts().index[0])
        )
        rows.append(
            {
                "seed": seed,
                "purity": purity(dev["category"], ids),
                "nmi": normalized_mutual_info_score(dev["category"][assigned], ids[assigned]),
                "coverage": assigned.mean(),
                "themes": len(table),
                "max_per_group": int(table.groupby("group").size().max()) if len(table) else 0,
                "max_per_true_cat": int(majority.value_counts().max()) if len(majority) else 0,
                "seconds": elapsed,
            }
        )
    frame = pd.DataFrame(rows)
    print(f"\n== {len(dev)} answers, {name} ==")
    print(frame.round(3).to_string(index=False))
    print("mean:", frame.drop(columns="seed").mean().round(3).to_dict())
    print("stability:", stability(dev, grouping))
    print("theme names (seed 2, 10 largest):")
    top = table.sort_values(["size", "theme_id"], ascending=[False, True]).head(10)
    print(top[["theme_id", "theme_label", "group", "size"]].to_string(index=False))
    if show_themes:
        print("themes (seed 2), least pure first; unassigned by category:")
        with pd.option_context("display.max_colwidth", 80, "display.width", 250):
            print(per_theme(dev, model).to_string(index=False))
        print(dev["category"][model.labels_ == -1].value_counts().to_dict())


def synthesise(dev: pd.DataFrame, n: int, seed: int) -> pd.DataFrame:
    """``n`` answers made by recombining dev answers of the same category."""
    rng = np.random.default_rng(seed)
    by_cat = {c: g["text"].tolist() for c, g in dev.groupby("category")}
    cats = rng.choice(sorted(by_cat), size=n)
    texts = []
    for cat in cats:
        pool = by_cat[cat]
        words = pool[rng.integers(len(pool))].split()
        if len(words) > 4 and rng.random() < 0.4:
            del words[rng.integers(len(words))]
        text = FILLERS[rng.integers(len(FILLERS))] + " ".join(words)
        if rng.random() < 0.5:
            other = pool[rng.integers(len(pool))].split(".")[0]
            text = f"{text} {other}"
        texts.append(text)
    return pd.DataFrame({"text": texts, "category": cats})


def scale(dev: pd.DataFrame, sizes: list[int], grouping: object, memory: bool) -> None:
    print(f"\n== scale (grouping={getattr(grouping, '__name__', grouping)}) ==")
    for n in sizes:
        data = synthesise(dev, n, seed=n)
        texts = data["text"].tolist()
        themes._CACHE.clear()
        start = time.perf_counter()
        out = find_themes(texts, grouping=grouping)
        cold = time.perf_counter() - start
        start = time.perf_counter()
        find_themes(texts, grouping=grouping)
        warm = time.perf_counter() - start
        ids = out["theme_id"].to_numpy()
        grouping_s = float("nan")
        if grouping is not None:
            start = time.perf_counter()
            grouping(texts)
            grouping_s = time.perf_counter() - start
        peak = float("nan")
        if memory:
            fresh = synthesise(dev, n, seed=n + 1)["text"].tolist()
            themes._CACHE.clear()
            tracemalloc.start()
            find_themes(fresh, grouping=grouping)
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
        themes._CACHE.clear()
        print(
            f"n={n:>6}: cold {cold:6.2f}s (grouping alone {grouping_s:5.2f}s)  "
            f"warm rerun {warm * 1000:6.1f} ms  peak {peak:7.1f} MiB  "
            f"themes {ids.max() + 1 if len(ids) else 0:3d}  coverage {(ids != -1).mean():.3f}  "
            f"purity {purity(data['category'], ids):.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--no-quality", action="store_true")
    parser.add_argument("--quality-only", action="store_true")
    parser.add_argument("--eval", type=Path, nargs="+", default=EVAL_FILES)
    parser.add_argument(
        "--redact",
        action="store_true",
        help="redact the eval texts first (analysis.redaction.redact, no roster), as the "
        "product does when it stores an answer",
    )
    parser.add_argument(
        "--per-theme",
        action="store_true",
        help="also list every theme: size, purity, categories and top terms",
    )
    args = parser.parse_args()
    for path in args.eval:
        if not path.exists():
            sys.exit(f"eval set not found at {path}")
    dev = pd.read_json(args.eval[0], lines=True)
    nested = themes.root_cause_grouping()
    if nested is not None:
        nested(["warm up the root-cause model"])  # its one-off training is not ours to time
    if not args.no_quality:
        for path in args.eval:
            data = pd.read_json(path, lines=True)
            data = data[data["category"].notna()].reset_index(drop=True)
            if args.redact:
                from analysis.redaction import redact

                data["text"] = [redact(t) for t in data["text"]]
            print(f"\n######## {path.name} ########")
            quality(data, None, f"{path.name}: flat (no grouping)", show_themes=args.per_theme)
            if nested is not None:
                quality(
                    data,
                    nested,
                    f"{path.name}: nested in analysis.root_causes categories",
                    show_themes=args.per_theme,
                )
    if args.quality_only:
        return
    scale(dev, args.sizes, None, memory=not args.no_memory)
    if nested is not None:
        scale(dev, args.sizes, nested, memory=not args.no_memory)


if __name__ == "__main__":
    main()
