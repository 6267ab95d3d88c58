"""Incremental analysis: new answers arriving on top of an analysed database.

Run from the repo root after ``bench/bench_dashboard.py`` made the analysed scale db:
    python bench/bench_incremental.py [--db bench/out/scale_analysed.duckdb] [--new 1000]

Prints the time of a no-op refresh and of a refresh with N new answers (on a copy).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # a script, not a test: make the packages importable

from afterward.services.analysis_upkeep import refresh_analysis  # noqa: E402
from surveys.store import Store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(ROOT / "bench/out/scale_analysed.duckdb"))
    parser.add_argument("--new", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "copy.duckdb"
        shutil.copy(args.db, copy)
        with Store(copy) as store:
            start = time.perf_counter()
            refresh_analysis(store)
            print(f"no-op refresh: {time.perf_counter() - start:.2f} s")
            texts = store.analysed_texts()["text"].sample(args.new, random_state=1).tolist()
            survey_id = store.surveys_overview()["survey_id"].iloc[0]
            responses = pd.DataFrame(
                {
                    "response_id": [str(uuid.uuid4()) for _ in texts],
                    "survey_id": survey_id,
                    "submitted_on": date.today(),
                }
            )
            answers = pd.DataFrame(
                {
                    "response_id": responses["response_id"],
                    "survey_id": survey_id,
                    "question_id": "went_wrong",
                    "value_number": None,
                    "value_text": [f"{t} (again)" for t in texts],
                    "value_choice": None,
                }
            )
            store.bulk_load(responses, answers)
            start = time.perf_counter()
            result = refresh_analysis(store)
            print(
                f"{result.classified:,} new answers on top of the analysed db: "
                f"{time.perf_counter() - start:.2f} s"
            )


if __name__ == "__main__":
    main()
