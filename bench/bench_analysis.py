"""Benchmark ``afterward.services.analysis_upkeep.refresh_analysis`` (root causes + themes) by size.

Run from the repo root:
    /work/venv/bin/python bench/bench_analysis.py [--sizes 1000 10000 100000 1000000]
    [--timeout 600]

For each size a temp DuckDB gets that many free-text answers (composed from the phrase
fragments in ``bench/scale_data.py``, 4 per response, spread over 12 project-quarter
surveys), loaded through ``Store.bulk_load``. Then, each in its own subprocess:
cold = first refresh (classify everything, fit themes, save), warm = a second refresh
with nothing new (one process, the cost a page pays when the process-wide memo is empty).
Peak memory is the child's ru_maxrss; "base" is the RSS after imports and opening the store,
so peak - base is what the refresh itself needed. A run over --timeout is killed and
reported as such.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
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

TEXT_QUESTIONS = ["went_well", "went_wrong", "root_cause", "do_differently"]


def build(path: Path, texts: int, seed: int = 3) -> None:
    from scale_data import _BAD_PHRASES, TEXT_STYLE, compose_texts

    from surveys.questionnaire import load_templates
    from surveys.setup import create_survey
    from surveys.store import Store

    rng = np.random.default_rng(seed)
    templates = load_templates()[0]
    store = Store(path)
    surveys = [
        create_survey(
            store,
            project=f"Analysis bench {p}",
            template_id="project-postmortem",
            quarter=f"2026Q{q}",
            opens_on=date(2026, 3 * q - 2, 1),
            templates=templates,
        )
        for p in range(4)
        for q in (1, 2, 3)
    ]
    n_responses = -(-texts // len(TEXT_QUESTIONS))
    for begin in range(0, n_responses, 50_000):
        n = min(50_000, n_responses - begin)
        raw = rng.bytes(16 * n)
        ids = np.array(
            [str(uuid.UUID(bytes=raw[i : i + 16], version=4)) for i in range(0, 16 * n, 16)],
            dtype=object,
        )
        sids = np.array(surveys, dtype=object)[rng.integers(len(surveys), size=n)]
        responses = pd.DataFrame(
            {"response_id": ids, "survey_id": sids, "submitted_on": date(2026, 9, 1)}
        )
        parts = []
        for question in TEXT_QUESTIONS:
            bias = rng.integers(len(_BAD_PHRASES), size=n)
            parts.append(
                pd.DataFrame(
                    {
                        "response_id": ids,
                        "survey_id": sids,
                        "question_id": question,
                        "value_number": None,
                        "value_choice": None,
                        "value_text": np.array(
                            compose_texts(rng, n, TEXT_STYLE[question], bias), dtype=object
                        ),
                    }
                )
            )
        answers = pd.concat(parts, ignore_index=True)
        remaining = texts - begin * len(TEXT_QUESTIONS)
        store.bulk_load(responses, answers.iloc[:remaining])
    store.close()


def child(path: Path) -> None:
    """One refresh in this process; prints a JSON line."""
    from afterward.services.analysis_upkeep import refresh_analysis
    from surveys.store import Store

    store = Store(path)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start, cpu = time.perf_counter(), time.process_time()
    result = refresh_analysis(store)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    store.close()
    print(
        json.dumps(
            {
                "seconds": elapsed,
                "cpu_seconds": cpu,
                "base_mib": base / 1024,
                "peak_mib": peak / 1024,
                "classified": result.classified,
                "written": result.rows_written,
                "total": result.total_texts,
            }
        )
    )


def run_child(path: Path, timeout: float) -> dict:
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(path)],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"timeout": True, "wall": time.perf_counter() - start}
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1:], "wall": time.perf_counter() - start}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000, 1_000_000])
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per refresh")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    print(f"cpus {os.cpu_count()}, load average {os.getloadavg()[0]:.2f}")
    print(
        f"{'texts':>9} {'build s':>8} {'cold s':>8} {'texts/s':>8} {'peak MiB':>9} "
        f"{'(+refresh)':>10} {'cold CPU s':>10} {'warm s':>7} {'warm peak':>9}"
    )
    for size in args.sizes:
        tmp = Path(tempfile.mkdtemp(prefix="afterward-analysis-"))
        try:
            path = tmp / "analysis.duckdb"
            start = time.perf_counter()
            build(path, size)
            built = time.perf_counter() - start
            cold = run_child(path, args.timeout)
            if "seconds" not in cold:
                why = (
                    f"killed after {cold['wall']:.0f} s (over --timeout)"
                    if cold.get("timeout")
                    else f"failed: {cold.get('error')}"
                )
                print(f"{size:>9,} {built:>8.1f}  cold refresh {why}", flush=True)
                continue
            warm = run_child(path, args.timeout)
            print(
                f"{size:>9,} {built:>8.1f} {cold['seconds']:>8.1f} "
                f"{size / cold['seconds']:>8,.0f} {cold['peak_mib']:>9.0f} "
                f"{cold['peak_mib'] - cold['base_mib']:>+10.0f} {cold['cpu_seconds']:>10.1f} {warm.get('seconds', float('nan')):>7.2f} "
                f"{warm.get('peak_mib', float('nan')):>9.0f}   (classified {cold['classified']:,}, "
                f"written {cold['written']:,}; warm classified {warm.get('classified')})",
                flush=True,
            )
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
