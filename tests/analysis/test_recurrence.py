"""Recurrence counts, recurring flag and rising/falling trends on hand-made frames."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.recurrence import (
    RECURRENCE_COLUMNS,
    TREND_COLUMNS,
    recurrence,
    recurrence_report,
    trends,
)

# Seven projects, one per quarter, 2025Q1 .. 2026Q3; 10 answers each quarter.
PROJECTS = [f"P{i}" for i in range(7)]
QUARTERS = ["2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3"]


def frame() -> pd.DataFrame:
    rows = []
    for i, (project, quarter) in enumerate(zip(PROJECTS, QUARTERS, strict=True)):
        rising = i  # 0,1,...,6 answers: share rises by 0.1 a quarter
        rows += [
            {"theme_id": 1, "project": project, "quarter": quarter, "count": rising},
            {"theme_id": 2, "project": project, "quarter": quarter, "count": 6 - i},
            {"theme_id": 3, "project": project, "quarter": quarter, "count": 4 - (i == 3)},
        ]
    # Theme 4: a one-off in a single project.
    rows.append({"theme_id": 4, "project": "P2", "quarter": "2025Q3", "count": 1})
    return pd.DataFrame(rows)


def test_recurrence_counts_projects_and_quarters() -> None:
    rec = recurrence(frame(), last_n_projects=6)
    assert list(rec.columns) == RECURRENCE_COLUMNS
    assert rec.loc[1, "n_projects"] == 6  # zero count in P0 does not count
    assert rec.loc[3, "n_quarters"] == 7
    assert rec.loc[4, "answers"] == 1
    # Last 6 projects are P1..P6; theme 2 has 0 answers in P6.
    assert rec.loc[2, "recent_projects"] == 5
    assert rec.loc[2, "sentence"] == "appeared in 5 of the last 6 projects"
    assert bool(rec.loc[1, "recurring"]) and not bool(rec.loc[4, "recurring"])


def test_recurring_needs_min_projects() -> None:
    rec = recurrence(frame(), last_n_projects=6, min_projects=6)
    assert bool(rec.loc[3, "recurring"]) and not bool(rec.loc[2, "recurring"])


def test_sentence_without_enough_projects() -> None:
    small = frame()[frame()["project"].isin(["P0", "P1", "P2"])]
    rec = recurrence(small, last_n_projects=6)
    assert rec.loc[3, "sentence"] == "appeared in 3 of 3 projects"


def test_trends_rising_falling_flat_and_support() -> None:
    trd = trends(frame())
    assert list(trd.columns) == TREND_COLUMNS
    assert trd.loc[1, "trend"] == "rising" and trd.loc[1, "slope"] == pytest.approx(0.1, abs=0.01)
    assert trd.loc[2, "trend"] == "falling"
    assert trd.loc[3, "trend"] == "flat"
    assert trd.loc[4, "trend"] == "too little data"


def test_trends_need_enough_quarters() -> None:
    two = frame()[frame()["quarter"].isin(["2025Q1", "2025Q2"])]
    assert set(trends(two)["trend"]) == {"too little data"}


def test_rows_without_count_count_once_and_category_key() -> None:
    answers = pd.DataFrame(
        {
            "category": ["testing", "testing", "client", "testing"],
            "project": ["A", "B", "B", "C"],
            "quarter": ["2025Q1", "2025Q2", "2025Q2", "2025Q3"],
        }
    )
    rec = recurrence(answers, by="category", last_n_projects=3, min_projects=2)
    assert rec.loc["testing", "answers"] == 3 and bool(rec.loc["testing", "recurring"])
    assert rec.index[0] == "testing"


def test_report_joins_both_and_empty_input() -> None:
    report = recurrence_report(frame(), last_n_projects=6, min_answers=3)
    assert {"recurring", "trend", "sentence"} <= set(report.columns)
    empty = frame().iloc[0:0]
    assert recurrence(empty).empty and trends(empty).empty
    assert list(recurrence(empty).columns) == RECURRENCE_COLUMNS


def test_missing_columns_raise() -> None:
    with pytest.raises(ValueError, match="lacks columns"):
        recurrence(pd.DataFrame({"theme_id": [1]}))


def test_an_unknown_cell_leaves_only_its_project_out_of_the_share() -> None:
    # Two projects a quarter; theme 1's count in P1 is unknown in 2025Q2 (hidden). Its
    # share that quarter comes from P0 alone (3 of 10), not from a total that counts P1.
    rows = []
    for quarter in ("2025Q1", "2025Q2", "2025Q3"):
        for project in ("P0", "P1"):
            hidden = project == "P1" and quarter == "2025Q2"
            if not hidden:
                rows.append({"theme_id": 1, "project": project, "quarter": quarter, "count": 3})
            rows.append({"theme_id": 2, "project": project, "quarter": quarter, "count": 7})
    data = pd.DataFrame(rows)
    unknown = pd.DataFrame({"theme_id": [1], "project": ["P1"], "quarter": ["2025Q2"]})
    trd = trends(data, min_answers=1, unknown=unknown)
    assert trd.loc[1, "slope"] == pytest.approx(0.0)
    assert trd.loc[1, "trend"] == "flat"
    # Without the project, the whole quarter is a gap for theme 1.
    whole = trends(data, min_answers=1, min_quarters=3, unknown=unknown.drop(columns="project"))
    assert whole.loc[1, "trend"] == "too little data"
