"""Benchmark server-side render time of every manager page against the 1M-answer database.

Run from the repo root (after ``bench/scale_data.py``):
    /work/venv/bin/python bench/bench_dashboard.py [--db bench/out/scale.duckdb]
    [--analysed bench/out/scale_analysed.duckdb] [--reruns 5] [--with-analysis-page]

1. Text analysis: unless --analysed names an existing analysed copy, the scale db is copied
   and ``refresh_analysis`` runs on it in a subprocess (time, peak RSS); the copy is kept at
   --analysed for the next runs. A second refresh with nothing new is timed as well.
2. Pages: each page --runs times (default 3), each time in a fresh process under ``streamlit.testing.v1.AppTest`` on a COPY of
   the analysed db (caches cleared, manager session). ``first run`` = the first ``at.run()``
   of the process (opens the store, draws the frame and the default Overview page); ``cold``
   = the first render of the page (``switch_page(...).run()``; for Overview it is the first
   run itself); ``warm`` = median of --reruns further ``at.run()`` calls. Pages that call
   ``ensure_analysis`` pay its "nothing new" check on their cold render.
   --with-analysis-page also renders Root causes cold on an UNANALYSED copy (the very first
   visit, which runs the whole analysis inside the page).
3. The simple approach: the Overview and Root-cause aggregates computed by loading whole
   tables (answers, text_analysis, ...) into pandas and grouping there, against the store's
   DuckDB aggregates; both printed, checked equal, and the speed-up.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # a script, not a test: make the packages importable

PAGES = {
    "overview": "app_pages/manager/overview.py",
    "themes": "app_pages/manager/themes.py",
    "root_causes": "app_pages/manager/root_causes.py",
    "review": "app_pages/manager/quarterly_review.py",
    "actions": "app_pages/manager/actions.py",
    "surveys": "app_pages/manager/surveys.py",
    "results": "app_pages/manager/results.py",
    "postmortem": "app_pages/manager/postmortem.py",
    "import": "app_pages/manager/import_answers.py",
    "schedules": "app_pages/manager/schedules.py",
}
# The targets hold on this 2-core machine at a 1-minute load average under BUSY_LOAD: above
# it a figure is printed but marked as not counting.
BUSY_LOAD = 1.5
PASSWORD = "bench-password-123"


# -- children ------------------------------------------------------------------------------


def refresh_child(path: Path) -> None:
    from afterward.services.analysis_upkeep import refresh_analysis
    from surveys.store import Store

    store = Store(path)
    start, cpu = time.perf_counter(), time.process_time()
    result = refresh_analysis(store)
    cold, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    again = refresh_analysis(store)
    warm = time.perf_counter() - start
    store.close()
    print(
        json.dumps(
            {
                "seconds": cold,
                "cpu_seconds": cpu,
                "peak_mib": peak,
                "texts": result.total_texts,
                "written": result.rows_written,
                "warm_seconds": warm,
                "warm_classified": again.classified,
            }
        )
    )


def page_child(page: str, reruns: int) -> None:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    st.cache_resource.clear()
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "navigation.py"), default_timeout=1800)
    at.session_state["manager_login"] = True
    start, cpu = time.perf_counter(), time.process_time()
    at.run()
    first, first_cpu = time.perf_counter() - start, time.process_time() - cpu
    if page == "overview":
        cold, cold_cpu = first, first_cpu
    else:
        start, cpu = time.perf_counter(), time.process_time()
        at.switch_page(PAGES[page]).run()
        cold, cold_cpu = time.perf_counter() - start, time.process_time() - cpu
    warm, warm_cpu = [], []
    for _ in range(reruns):
        start, cpu = time.perf_counter(), time.process_time()
        at.run()
        warm.append(time.perf_counter() - start)
        warm_cpu.append(time.process_time() - cpu)
    errors = [
        " | ".join([str(e.message)[:200], *[line.strip() for line in e.stack_trace[-4:]]])
        for e in at.exception
    ]
    titles = [str(t.value) for t in at.title]
    print(
        json.dumps(
            {
                "first": first,
                "cold": cold,
                "warm": statistics.median(warm) if warm else None,
                "warm_all": warm,
                "cold_cpu": cold_cpu,
                "warm_cpu": statistics.median(warm_cpu) if warm_cpu else None,
                "errors": errors,
                "titles": titles,
                "charts": len(at.get("plotly_chart")),
                "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )


def run_child(args: list[str], env: dict | None = None, timeout: float = 1800) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env=env,
        cwd=ROOT,
    )
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-3:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- the simple approach --------------------------------------------------------------------


def simple_overview(store) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Participation and rating totals from whole tables loaded into pandas."""
    from surveys.questionnaire import NUMERIC_KINDS

    surveys = store.table_rows("surveys")
    projects = store.table_rows("projects")[["project_id", "name"]]
    responses = store.table_rows("responses")
    links = store.table_rows("links")
    questions = store.table_rows("survey_questions")
    answers = store.table_rows("answers")
    counts = responses.groupby("survey_id").size().rename("responses")
    inv = links[links["kind"] == "invitation"].groupby("survey_id")["used"].agg(["size", "sum"])
    part = (
        surveys.merge(projects, on="project_id")
        .set_index("survey_id")
        .join(counts)
        .join(inv.rename(columns={"size": "invitations", "sum": "invitations_used"}))
        .fillna({"responses": 0, "invitations": 0, "invitations_used": 0})
        .reset_index()
    )
    visible = part[part["responses"] >= part["anonymity_threshold"]]
    rated = answers[answers["value_number"].notna()].merge(
        questions[questions["kind"].isin(NUMERIC_KINDS)], on=["survey_id", "question_id"]
    )
    rated = rated.merge(
        visible[["survey_id", "name", "quarter", "anonymity_threshold"]], on="survey_id"
    )
    totals = (
        rated.groupby(["name", "quarter", "question_id", "kind"])
        .agg(
            responses=("value_number", "size"),
            value_sum=("value_number", "sum"),
            threshold=("anonymity_threshold", "max"),
        )
        .reset_index()
    )
    return part, totals


def simple_root_causes(store) -> pd.DataFrame:
    """Category counts from whole tables (text_analysis, reviews, surveys) in pandas."""
    surveys = store.table_rows("surveys")
    projects = store.table_rows("projects")[["project_id", "name"]]
    responses = store.table_rows("responses")
    analysis = store.table_rows("text_analysis")
    reviews = store.table_rows("category_reviews")
    counts = responses.groupby("survey_id").size().rename("responses").reset_index()
    visible = surveys.merge(projects, on="project_id").merge(counts, on="survey_id")
    visible = visible[visible["responses"] >= visible["anonymity_threshold"]]
    rows = analysis.merge(
        visible[["survey_id", "name", "quarter", "anonymity_threshold"]], on="survey_id"
    )
    rows = rows.merge(
        reviews[["response_id", "question_id", "category"]].rename(
            columns={"category": "reviewed"}
        ),
        on=["response_id", "question_id"],
        how="left",
    )
    rows["category"] = rows["reviewed"].fillna(rows["category"])
    return (
        rows.groupby(["name", "quarter", "category"])
        .agg(
            answers=("response_id", "size"),
            responses=("response_id", "nunique"),
            threshold=("anonymity_threshold", "max"),
        )
        .reset_index()
    )


def best_of(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def compare_simple(path: Path, repeat: int) -> None:
    from afterward.services.manager_views import correction_queue, shown_survey_ids
    from surveys.store import Scope, Store

    store = Store(path)
    scope = Scope()
    try:
        # What a page does: the gate picks the surveys, the store aggregates over them.
        store_s, (part, totals) = best_of(
            lambda: (
                store.participation(scope),
                store.rating_totals(shown_survey_ids(store, scope)),
            ),
            repeat,
        )
        simple_s, (s_part, s_totals) = best_of(lambda: simple_overview(store), repeat)
        same = (
            len(part) == len(s_part)
            and int(part["responses"].sum()) == int(s_part["responses"].sum())
            and len(totals) == len(s_totals)
            and int(totals["responses"].sum()) == int(s_totals["responses"].sum())
            and abs(totals["value_sum"].sum() - s_totals["value_sum"].sum()) < 1e-6
        )
        print(
            f"overview aggregates   store (DuckDB) {store_s * 1000:8.1f} ms   simple (pandas) "
            f"{simple_s * 1000:8.1f} ms   speed-up {simple_s / store_s:6.1f}x   "
            f"{'same result' if same else 'RESULTS DIFFER'} ({len(totals):,} rating cells)"
        )
        store_s, cats = best_of(
            lambda: store.category_counts(shown_survey_ids(store, scope)), repeat
        )
        simple_s, s_cats = best_of(lambda: simple_root_causes(store), repeat)
        same = (
            len(cats) == len(s_cats)
            and int(cats["answers"].sum()) == int(s_cats["answers"].sum())
            and int(cats["responses"].sum()) == int(s_cats["responses"].sum())
        )
        print(
            f"root-cause aggregates store (DuckDB) {store_s * 1000:8.1f} ms   simple (pandas) "
            f"{simple_s * 1000:8.1f} ms   speed-up {simple_s / store_s:6.1f}x   "
            f"{'same result' if same else 'RESULTS DIFFER'} ({len(cats):,} category cells)"
        )
        for name, fn in [
            ("theme_counts", lambda: store.theme_counts(shown_survey_ids(store, scope))),
            ("correction_queue", lambda: correction_queue(store, scope, limit=10)),
            ("analysis_key", store.analysis_key),
            ("analysed_texts", store.analysed_texts),
            ("texts_to_analyse", store.texts_to_analyse),
            ("surveys_overview", store.surveys_overview),
            ("scope_choices", store.scope_choices),
        ]:
            seconds, _ = best_of(fn, repeat)
            print(f"  store.{name:<17} {seconds * 1000:8.1f} ms")
    finally:
        store.close()


# -- main -----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "scale.duckdb")
    parser.add_argument(
        "--analysed", type=Path, default=ROOT / "bench" / "out" / "scale_analysed.duckdb"
    )
    parser.add_argument("--reruns", type=int, default=5)
    parser.add_argument(
        "--runs", type=int, default=3, help="fresh processes per page; medians are reported"
    )
    parser.add_argument("--pages", nargs="+", default=list(PAGES), choices=list(PAGES))
    parser.add_argument("--with-analysis-page", action="store_true")
    parser.add_argument("--repeat", type=int, default=3, help="repeats for the simple comparison")
    parser.add_argument("--refresh-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--page-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.refresh_child:
        refresh_child(args.refresh_child)
        return
    if args.page_child:
        page_child(args.page_child, args.reruns)
        return

    print(f"cpus {os.cpu_count()}, load average {os.getloadavg()[0]:.2f} at start")
    if not args.analysed.exists():
        work = args.analysed.with_suffix(".partial.duckdb")
        shutil.copyfile(args.db, work)
        print(f"analysing a copy of {args.db} ...", flush=True)
        r = run_child(["--refresh-child", str(work)])
        if "error" in r:
            raise SystemExit(f"refresh failed: {r['error']}")
        work.rename(args.analysed)
        print(
            f"refresh_analysis: {r['texts']:,} texts in {r['seconds']:.1f} s "
            f"({r['texts'] / r['seconds']:,.0f} texts/s; CPU {r['cpu_seconds']:.1f} s), peak RSS {r['peak_mib']:.0f} MiB; "
            f"second call with nothing new {r['warm_seconds']:.2f} s"
        )
    else:
        print(f"using analysed copy {args.analysed} (delete it to re-measure the analysis)")

    tmp = Path(tempfile.mkdtemp(prefix="afterward-dash-"))
    try:
        print(
            f"\nmedian of {args.runs} fresh processes per page (warm: median of {args.reruns} "
            f"reruns each); CPU = this process's CPU seconds; load = 1-min load average before "
            f"each run (a figure counts only under {BUSY_LOAD})"
        )
        print(
            f"{'page':<12} {'cold s':>7} {'cpu':>5} {'warm s':>7} {'cpu':>5} {'MiB':>5}  "
            f"{'load':<15} targets (warm<=0.5 s, cold<=3 s)"
        )
        for page in args.pages:
            runs, loads = [], []
            for _ in range(args.runs):
                copy = tmp / f"{page}.duckdb"
                shutil.copyfile(args.analysed, copy)
                env = {
                    **os.environ,
                    "AFTERWARD_DB": str(copy),
                    "AFTERWARD_ADMIN_PASSWORD": PASSWORD,
                }
                loads.append(os.getloadavg()[0])
                r = run_child(["--page-child", page, "--reruns", str(args.reruns)], env=env)
                copy.unlink(missing_ok=True)
                if "error" in r:
                    print(f"{page:<12} failed: {r['error']}")
                    break
                runs.append(r)
            if len(runs) < args.runs:
                continue
            med = {
                k: statistics.median(r[k] for r in runs)
                for k in ("cold", "cold_cpu", "warm", "warm_cpu", "peak_mib")
            }
            busy = max(loads) >= BUSY_LOAD
            verdict = (
                f"warm {'met' if med['warm'] <= 0.5 else 'MISSED'}, "
                f"cold {'met' if med['cold'] <= 3 else 'MISSED'}"
            )
            if busy:
                verdict += f" — machine too busy (load up to {max(loads):.1f}): does not count"
            errors = [e for r in runs for e in r["errors"]]
            print(
                f"{page:<12} {med['cold']:>7.2f} {med['cold_cpu']:>5.2f} {med['warm']:>7.2f} "
                f"{med['warm_cpu']:>5.2f} {med['peak_mib']:>5.0f}  "
                f"{'/'.join(f'{x:.1f}' for x in loads):<15} {verdict}  "
                f"charts={runs[-1]['charts']} titles={runs[-1]['titles']}"
                + (f" EXCEPTIONS {errors[:2]}" if errors else ""),
                flush=True,
            )
        if args.with_analysis_page:
            copy = tmp / "unanalysed.duckdb"
            shutil.copyfile(args.db, copy)
            env = {**os.environ, "AFTERWARD_DB": str(copy), "AFTERWARD_ADMIN_PASSWORD": PASSWORD}
            r = run_child(["--page-child", "root_causes", "--reruns", "1"], env=env)
            if "error" in r:
                print(f"root_causes incl. analysis failed: {r['error']}")
            else:
                print(
                    f"{'root_causes (first visit, runs the whole analysis)':<12} cold "
                    f"{r['cold']:.1f} s, then warm {r['warm']:.2f} s, peak {r['peak_mib']:.0f} MiB"
                )
        print(f"\nsimple approach vs store (median of {args.repeat}, analysed copy):")
        copy = tmp / "simple.duckdb"
        shutil.copyfile(args.analysed, copy)
        compare_simple(copy, args.repeat)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"load average {os.getloadavg()[0]:.2f} at end")


if __name__ == "__main__":
    main()
