"""Benchmark gated exports (``afterward.services.exports.survey_export`` + ``write_export``) at 1M answers.

Run from the repo root:
    /work/venv/bin/python bench/bench_export.py [--db bench/out/scale.duckdb]   # every survey
    /work/venv/bin/python bench/bench_export.py --one-big [--responses 100000]  # one survey

Exports are per survey, so the default mode exports every survey of a COPY of the scale
database in a loop (~2,400 surveys, ~1M answers); ``--one-big`` builds one client-feedback
survey with 100k responses x ~10 answers in a temp db and exports it once. Each survey goes
through the anonymity gate once (``survey_export``), then is written as CSV and as Parquet.
Prints the time of each stage and rows/s (answer rows behind the exported surveys, and
exported response rows).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # a script, not a test: make the packages importable
sys.path.insert(0, str(ROOT / "bench"))

from afterward.services.exports import ExportRefused, survey_export, write_export  # noqa: E402
from surveys.store import Store  # noqa: E402


def build_one_big(path: Path, responses: int) -> str:
    from scale_data import answers_for

    from surveys.questionnaire import load_templates
    from surveys.setup import create_survey

    rng = np.random.default_rng(11)
    templates = load_templates()[0]
    with Store(path) as store:
        survey_id = create_survey(
            store,
            project="Export bench",
            template_id="client-feedback",
            quarter="2026Q3",
            opens_on=date(2026, 7, 1),
            templates=templates,
        )
        for begin in range(0, responses, 20_000):
            n = min(20_000, responses - begin)
            raw = rng.bytes(16 * n)
            ids = np.array(
                [str(uuid.UUID(bytes=raw[i : i + 16], version=4)) for i in range(0, 16 * n, 16)],
                dtype=object,
            )
            sids = np.full(n, survey_id, dtype=object)
            store.bulk_load(
                pd.DataFrame(
                    {"response_id": ids, "survey_id": sids, "submitted_on": date(2026, 7, 2)}
                ),
                answers_for(rng, templates["client-feedback"], ids, sids, rng.integers(40, size=n)),
            )
        store.set_survey_status(survey_id, "closed")  # row-level exports only once closed
    return survey_id


def export_all(store: Store, survey_ids: list[str], out: Path) -> dict:
    totals = {
        "gate_s": 0.0,
        "csv_s": 0.0,
        "parquet_s": 0.0,
        "surveys": 0,
        "refused": 0,
        "rows": 0,
        "csv_bytes": 0,
        "parquet_bytes": 0,
        "text_dropped": 0,
    }
    for i, survey_id in enumerate(survey_ids):
        start = time.perf_counter()
        try:
            export = survey_export(store, survey_id)
        except ExportRefused:
            totals["refused"] += 1
            continue
        gated = time.perf_counter()
        csv_files = write_export(export, "csv", out / f"{i}.csv")
        written_csv = time.perf_counter()
        parquet_files = write_export(export, "parquet", out / f"{i}.parquet")
        written_parquet = time.perf_counter()
        totals["gate_s"] += gated - start
        totals["csv_s"] += written_csv - gated
        totals["parquet_s"] += written_parquet - written_csv
        totals["surveys"] += 1
        totals["rows"] += len(export.answers)
        totals["text_dropped"] += any("left out" in note for note in export.notes)
        totals["csv_bytes"] += sum(f.stat().st_size for f in csv_files)
        totals["parquet_bytes"] += sum(f.stat().st_size for f in parquet_files)
        for f in (*csv_files, *parquet_files):
            f.unlink()
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "scale.duckdb")
    parser.add_argument("--one-big", action="store_true")
    parser.add_argument("--responses", type=int, default=100_000)
    args = parser.parse_args()
    print(f"cpus {os.cpu_count()}, load average {os.getloadavg()[0]:.2f}")
    tmp = Path(tempfile.mkdtemp(prefix="afterward-export-"))
    try:
        path = tmp / "export.duckdb"
        if args.one_big:
            start = time.perf_counter()
            survey_ids = [build_one_big(path, args.responses)]
            print(
                f"built one survey with {args.responses:,} responses in "
                f"{time.perf_counter() - start:.1f} s"
            )
        else:
            shutil.copyfile(args.db, path)
        with Store(path) as store:
            if not args.one_big:
                survey_ids = store.surveys_overview()["survey_id"].tolist()
            n_answers = _answer_rows(store, survey_ids)
            out = tmp / "files"
            start = time.perf_counter()
            t = export_all(store, survey_ids, out)
            total = time.perf_counter() - start
        print(
            f"surveys exported {t['surveys']:,} (refused, below threshold or still open: "
            f"{t['refused']}; "
            f"free text left out under the quote threshold: {t['text_dropped']})"
        )
        print(f"answer rows behind them {n_answers:,}; exported response rows {t['rows']:,}")
        print(
            f"gate (survey_export) {t['gate_s']:.1f} s | CSV write {t['csv_s']:.1f} s "
            f"({t['csv_bytes'] / 2**20:.0f} MiB) | Parquet write {t['parquet_s']:.1f} s "
            f"({t['parquet_bytes'] / 2**20:.0f} MiB) | total {total:.1f} s"
        )
        print(
            f"CSV path (gate + CSV): {n_answers / (t['gate_s'] + t['csv_s']):,.0f} answers/s, "
            f"{t['rows'] / (t['gate_s'] + t['csv_s']):,.0f} rows/s; "
            f"Parquet path (gate + Parquet): {n_answers / (t['gate_s'] + t['parquet_s']):,.0f} "
            f"answers/s, {t['rows'] / (t['gate_s'] + t['parquet_s']):,.0f} rows/s"
        )
        print(f"load average {os.getloadavg()[0]:.2f} at end")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _answer_rows(store: Store, survey_ids: list[str]) -> int:
    """Answer rows of the surveys that pass the gate (benchmark bookkeeping only)."""
    frame = store.surveys_overview()
    frame = frame[
        frame["survey_id"].isin(survey_ids) & (frame["responses"] >= frame["anonymity_threshold"])
    ]
    with store._cursor() as cur:  # benchmark-only peek
        return cur.execute(
            "SELECT count(*) FROM answers WHERE survey_id IN (SELECT unnest(?::UUID[]))",
            [frame["survey_id"].tolist()],
        ).fetchone()[0]


if __name__ == "__main__":
    main()
