"""Benchmark the response-writing path under concurrent writers.

Run from the repo root:
    /work/venv/bin/python bench/bench_submission.py [--per-writer 60] [--writers 1 8 32]
    [--db-copy bench/out/scale.duckdb]   # write into a copy of the 1M-answer database

One Store on a temp DuckDB file, one client-feedback survey (~10 answer rows per response:
4 ratings, 2-4 multiple-choice rows, yes/no, 3 texts) and one single-use invitation per
submission. Each writer thread resolves its invitation (untimed, as the page does on load)
and then times ``afterward.services.responding.submit`` (the page's path: ``Store.record_response``
-- survey check, invitation use, response and answers into the shuffled pending tables in one
transaction -- then publishing any release that is due). Reports throughput, p50/p95/p99
latency, refusals, and checks responses stored == acknowledged and every used invitation
belongs to a stored response.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # a script, not a test: make the packages importable

from afterward.services.publishing import open_store  # noqa: E402
from afterward.services.responding import stored_form, submit, validate  # noqa: E402
from clock import today  # noqa: E402
from surveys import links  # noqa: E402
from surveys.questionnaire import load_templates  # noqa: E402
from surveys.setup import create_survey  # noqa: E402
from surveys.store import Store, StoreError  # noqa: E402

TEMPLATE = "client-feedback"
OPTIONS = [
    "Quality of the work",
    "Speed of delivery",
    "Communication and updates",
    "Advice and expertise",
    "Flexibility with changes",
    "Value for money",
]
TEXTS = [
    "The weekly demos kept everyone aligned",
    "Approvals on our side took too long",
    "Next time agree on the acceptance criteria before the first sprint",
    "Release notes came late",
    "Support was quick to answer",
    "Scope changed twice",
]


def raw_answers(rng: random.Random) -> dict:
    return {
        "goals_clear": rng.randint(1, 5),
        "schedule_realistic": rng.randint(1, 5),
        "communication": rng.randint(0, 10),
        "recommend": rng.randint(0, 10),
        "valued": rng.sample(OPTIONS, rng.randint(2, 4)),
        "work_again": rng.choice(["Yes", "No"]),
        "went_well": f"{rng.choice(TEXTS)} ({rng.randint(1, 10**6)})",
        "went_wrong": f"{rng.choice(TEXTS)}, and {rng.choice(TEXTS).lower()}",
        "do_differently": rng.choice(TEXTS),
    }


def run(writers: int, per_writer: int, db_copy: Path | None) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="afterward-submit-"))
    path = tmp / "submit.duckdb"
    if db_copy is not None:
        shutil.copyfile(db_copy, path)
    store = open_store(path)  # as the app opens it: batches release due groups
    try:
        templates = load_templates()[0]
        questionnaire = templates[TEMPLATE]
        survey_id = create_survey(
            store,
            project=f"Submission bench {writers}",
            template_id=TEMPLATE,
            opens_on=today() - timedelta(days=1),
            templates=templates,
        )
        total = writers * per_writer
        tokens = links.issue_invitations(store, survey_id, total) if total <= 10_000 else []
        before = store.response_count(survey_id)
        rng = random.Random(writers)
        # Validation and redaction happen on the preview step, before the timed submit.
        forms = []
        for _ in range(total):
            checked = validate(questionnaire, raw_answers(rng))
            assert checked.ok, checked.errors
            forms.append(stored_form(questionnaire, checked.answers))
        latencies: list[list[float]] = [[] for _ in range(writers)]
        acknowledged = [0] * writers
        failures: list[str] = []
        barrier = threading.Barrier(writers + 1)

        def writer(index: int) -> None:
            mine = range(index * per_writer, (index + 1) * per_writer)
            barrier.wait()
            for i in mine:
                link = links.resolve(store, tokens[i])
                if link.status != "ok":
                    failures.append(f"resolve: {link.status}")
                    continue
                start = time.perf_counter()
                try:
                    submit(store, link, forms[i])
                except StoreError as exc:
                    failures.append(type(exc).__name__)
                    continue
                finally:
                    latencies[index].append(time.perf_counter() - start)
                acknowledged[index] += 1

        threads = [threading.Thread(target=writer, args=(i,)) for i in range(writers)]
        for thread in threads:
            thread.start()
        barrier.wait()
        wall = time.perf_counter()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - wall
        stored = store.response_count(survey_id) - before
        used = store.surveys_overview().set_index("survey_id").loc[survey_id, "invitations_used"]
        # Released or still waiting for release: every acknowledged response has its answers.
        answers = sum(
            int(
                (
                    (frame["survey_id"].astype(str) == survey_id)
                    & (frame["question_id"] == "goals_clear")
                ).sum()
            )
            for frame in (store.table_rows("answers"), store.table_rows("pending_answers"))
        )
        flat = np.array([x for per in latencies for x in per]) * 1000
        return {
            "writers": writers,
            "submissions": total,
            "acknowledged": sum(acknowledged),
            "stored": stored,
            "invitations_used": int(used),
            "answer_groups": answers,
            "refused": len(failures),
            "refusal_kinds": sorted(set(failures)),
            "wall_s": wall,
            "per_s": sum(acknowledged) / wall,
            "p50_ms": float(np.percentile(flat, 50)),
            "p95_ms": float(np.percentile(flat, 95)),
            "p99_ms": float(np.percentile(flat, 99)),
            "max_ms": float(flat.max()),
        }
    finally:
        store.close()
        shutil.rmtree(tmp, ignore_errors=True)


def batch_probe(count: int = 320, batch: int = 32) -> None:
    """What group commit could gain: one transaction per response vs `batch` per transaction.

    The batched side uses ``Store.bulk_load`` (DataFrame insert, no invitation or receipt
    check), so it is an upper bound for a group-commit writer, not a drop-in replacement.
    """
    import uuid

    import pandas as pd

    from surveys.responses import answer_rows

    tmp = Path(tempfile.mkdtemp(prefix="afterward-batch-"))
    store = Store(tmp / "batch.duckdb")
    try:
        templates = load_templates()[0]
        questionnaire = templates[TEMPLATE]
        survey_id = create_survey(
            store,
            project="Batch probe",
            template_id=TEMPLATE,
            opens_on=today() - timedelta(days=1),
            templates=templates,
        )
        rng = random.Random(0)
        rows = [
            answer_rows(
                questionnaire,
                stored_form(questionnaire, validate(questionnaire, raw_answers(rng)).answers),
            )
            for _ in range(2 * count)
        ]
        start = time.perf_counter()
        for answers in rows[:count]:
            store.record_response(survey_id, answers)
        single = (time.perf_counter() - start) / count
        start = time.perf_counter()
        for begin in range(count, 2 * count, batch):
            part = rows[begin : begin + batch]
            ids = [str(uuid.uuid4()) for _ in part]
            store.bulk_load(
                pd.DataFrame({"response_id": ids, "survey_id": survey_id, "submitted_on": today()}),
                pd.DataFrame(
                    [
                        {
                            "response_id": rid,
                            "survey_id": survey_id,
                            "question_id": a.question_id,
                            "value_number": a.value_number,
                            "value_text": a.value_text,
                            "value_choice": a.value_choice,
                        }
                        for rid, answers in zip(ids, part, strict=True)
                        for a in answers
                    ]
                ),
            )
        batched = (time.perf_counter() - start) / count
        print(
            f"batch probe: one transaction per response {single * 1000:.2f} ms/response "
            f"({1 / single:,.0f}/s); {batch} per transaction {batched * 1000:.2f} ms/response "
            f"({1 / batched:,.0f}/s)"
        )
    finally:
        store.close()
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument(
        "--per-writer",
        type=int,
        default=None,
        help="submissions per writer (default: 300 total for 1, else 40 each)",
    )
    parser.add_argument(
        "--db-copy",
        type=Path,
        default=None,
        help="start from a copy of this database (e.g. the scale db)",
    )
    parser.add_argument(
        "--batch-probe",
        action="store_true",
        help="also time one transaction per response vs 32 per transaction",
    )
    args = parser.parse_args()
    print(
        f"cpus {os.cpu_count()}, load average {os.getloadavg()[0]:.2f}; template {TEMPLATE}; "
        f"db {'copy of ' + str(args.db_copy) if args.db_copy else 'fresh temp file'}"
    )
    print(
        f"{'writers':>7} {'subm':>5} {'ack':>5} {'stored':>6} {'used':>5} {'refused':>7} "
        f"{'resp/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'max ms':>7}  lost? p99<=50ms?"
    )
    for writers in args.writers:
        per_writer = args.per_writer or (300 if writers == 1 else 40)
        r = run(writers, per_writer, args.db_copy)
        intact = r["stored"] == r["acknowledged"] == r["invitations_used"] == r["answer_groups"]
        print(
            f"{r['writers']:>7} {r['submissions']:>5} {r['acknowledged']:>5} {r['stored']:>6} "
            f"{r['invitations_used']:>5} {r['refused']:>7} {r['per_s']:>7.0f} "
            f"{r['p50_ms']:>7.1f} {r['p95_ms']:>7.1f} {r['p99_ms']:>7.1f} {r['max_ms']:>7.1f}  "
            f"{'none lost' if intact else 'MISMATCH'}  {'met' if r['p99_ms'] <= 50 else 'MISSED'}"
            + (f"  refusals: {r['refusal_kinds']}" if r["refused"] else ""),
            flush=True,
        )
    if args.batch_probe:
        batch_probe()


if __name__ == "__main__":
    main()
