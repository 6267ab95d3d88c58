from datetime import date

import pandas as pd
import pytest

from analysis.insights import (
    ALL_PROJECTS,
    action_effect,
    gated_cells,
    new_and_persisting,
    rating_trends,
    recurring,
    role_breakdown,
    shown,
)


def totals(rows):
    return pd.DataFrame(
        rows,
        columns=[
            "project",
            "quarter",
            "question_id",
            "kind",
            "prompt",
            "responses",
            "value_sum",
            "threshold",
        ],
    )


def test_rating_trends_hide_a_small_project_and_a_complement():
    frame = rating_trends(
        totals(
            [
                ("A", "2026Q1", "goals_clear", "likert", "Goals", 10, 40.0, 3),
                ("B", "2026Q1", "goals_clear", "likert", "Goals", 2, 10.0, 3),
                ("C", "2026Q1", "goals_clear", "likert", "Goals", 6, 18.0, 3),
            ]
        )
    ).set_index("project")
    assert frame.loc["A", "mean"] == 4.0
    assert frame.loc[["B", "C"], "mean"].isna().all()
    assert frame.loc[ALL_PROJECTS, "mean"] == 68 / 18


def test_gated_cells_protect_each_project_quarter():
    counts = pd.DataFrame(
        {
            "project": ["A"] * 3,
            "quarter": ["2026Q1"] * 3,
            "category": ["x", "y", "z"],
            "answers": [9, 1, 5],
            "responses": [9, 1, 5],
            "threshold": [3] * 3,
        }
    )
    cells = gated_cells(counts, "category")
    assert shown(cells)["category"].tolist() == ["x"]
    assert cells["answers"].isna().sum() == 2


def cells_over_time():
    return pd.DataFrame(
        {
            "project": ["A", "B", "A", "B", "C"],
            "quarter": ["2026Q1", "2026Q1", "2026Q2", "2026Q3", "2026Q3"],
            "category": ["estimation_schedule"] * 2 + ["testing_quality"] * 3,
            "answers": [6, 5, 4, 7, 6],
            "responses": [6, 5, 4, 7, 6],
            "suppressed": [False] * 5,
        }
    )


def test_new_and_persisting():
    status = new_and_persisting(cells_over_time(), "category", "2026Q3").set_index("category")
    assert status.loc["testing_quality", "status"] == "persisting"
    fresh = new_and_persisting(cells_over_time(), "category", "2026Q2").set_index("category")
    assert fresh.loc["testing_quality", "status"] == "new"


def test_recurring_counts_projects():
    report = recurring(cells_over_time(), "category")
    assert report.loc["testing_quality", "n_projects"] == 3


def test_action_effect_compares_the_projects_own_quarters_before_and_after():
    actions = pd.DataFrame(
        {
            "action_id": ["1"],
            "title": ["Estimate together"],
            "project": ["A"],
            "status": ["done"],
            "is_done": [True],
            "category": ["estimation_schedule"],
            "theme_id": [None],
            "done_on": [date(2026, 2, 1)],
        }
    )
    surveys = pd.DataFrame(
        {
            "project": ["A", "A", "B"],
            "quarter": ["2026Q1", "2026Q2", "2026Q1"],
            "responses": [6, 4, 5],
            "threshold": [3, 3, 3],
        }
    )
    effect = action_effect(actions, cells_over_time(), cells_over_time().iloc[:0], surveys)
    row = effect.iloc[0]
    # Only project A counts: 6 answers before (B's 5 are another project's), none after.
    assert (row["answers_before"], row["quarters_before"]) == (6, 1)
    assert (row["answers_after"], row["quarters_after"]) == (0, 1)
    assert row["verdict"].startswith("Not raised since")
    too_early = action_effect(
        actions, cells_over_time(), cells_over_time().iloc[:0], surveys, until="2026Q1"
    )
    assert too_early["verdict"].iloc[0].startswith("Too early")


def test_role_breakdown_merges_small_roles():
    frame = pd.DataFrame(
        {
            "survey_id": ["s1"] * 3,
            "question_id": ["q"] * 3,
            "kind": ["likert"] * 3,
            "prompt": ["Q"] * 3,
            "role": ["Team member", "Client", "Manager"],
            "responses": [10, 1, 4],
            "value_sum": [40.0, 1.0, 12.0],
            "threshold": [3] * 3,
        }
    )
    roles = role_breakdown(frame)
    assert "Client" not in set(roles["role"])
    assert roles.set_index("role").loc["Other roles", "responses"] == 5


def test_role_groups_are_fixed_per_survey_so_two_filters_differ_by_whole_groups():
    """Q1 alone vs Q1+Q2: whatever each view shows per role differs by whole shown cells of
    the Q2 survey, never by one person (the merge is the survey's own, not the view's)."""

    def survey(survey_id, counts):
        roles = list(counts)
        return pd.DataFrame(
            {
                "survey_id": survey_id,
                "question_id": "q",
                "kind": "likert",
                "prompt": "Q",
                "role": roles,
                "responses": [counts[r][0] for r in roles],
                "value_sum": [counts[r][1] for r in roles],
                "threshold": 3,
            }
        )

    q1 = survey("s1", {"Team member": (6, 24.0), "Manager": (1, 5.0), "Client": (2, 4.0)})
    q2 = survey("s2", {"Team member": (5, 15.0), "Manager": (3, 6.0), "Client": (4, 8.0)})
    alone = role_breakdown(q1).set_index("role")
    both = role_breakdown(pd.concat([q1, q2])).set_index("role")
    for role in both.index:
        before = alone["responses"].get(role)
        before = 0 if before is None or pd.isna(before) else before
        after = 0 if pd.isna(both.loc[role, "responses"]) else both.loc[role, "responses"]
        assert after - before == 0 or after - before >= 3, role
    # The lone manager of Q1 is never shown on their own, in either view.
    assert "Manager" not in alone.index
    assert both.loc["Manager", "responses"] == 3  # Q2's three managers only


def shares_over_quarters(counts: dict[str, list[int]]) -> pd.DataFrame:
    """Shown cells of one project: `counts[key][i]` answers in the i-th quarter of 2025-26."""
    quarters = ["2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3"]
    rows = [
        ("A", quarters[i], key, float(n), float(n), False)
        for key, values in counts.items()
        for i, n in enumerate(values)
        if n
    ]
    return pd.DataFrame(
        rows, columns=["project", "quarter", "theme_id", "answers", "responses", "suppressed"]
    )


def test_a_small_theme_that_grows_steadily_is_rising_and_noise_stays_flat():
    # 100 answers a quarter. "small" goes 1 → 7 (1% → 7%): a slope of 1 point a quarter,
    # which the former fixed 2-points rule called flat. "big" wobbles around 30%.
    cells = shares_over_quarters(
        {
            "small": [1, 2, 3, 4, 5, 6, 7],
            "big": [30, 32, 29, 31, 30, 28, 31],
            "rest": [69, 66, 68, 65, 65, 66, 62],
        }
    )
    report = recurring(cells, "theme_id")
    assert report.loc["small", "trend"] == "rising"
    assert report.loc["big", "trend"] == "flat"
    assert report.loc["small", "slope"] < 0.02  # below the old threshold


def test_trend_threshold_is_relative_to_the_share_with_a_floor():
    from analysis.insights import TREND_MIN_SLOPE, trend_threshold

    assert trend_threshold(0.4, 9) > trend_threshold(0.1, 9) > TREND_MIN_SLOPE
    assert trend_threshold(0.01, 9) == TREND_MIN_SLOPE


def test_a_hidden_cell_is_a_gap_in_the_trend_not_a_zero():
    # "steady" is 30% of the answers every quarter, but one quarter's cell is hidden by the
    # anonymity gate. Counted as zero it would look like a dip; as a gap the line is flat.
    rows = []
    for quarter in ("2026Q1", "2026Q2", "2026Q3", "2026Q4"):
        hidden = quarter == "2026Q4"
        rows.append(("A", quarter, "steady", None if hidden else 30, hidden))
        rows.append(("A", quarter, "rest", 70, False))
    cells = pd.DataFrame(rows, columns=["project", "quarter", "theme_id", "answers", "suppressed"])
    cells["responses"] = cells["answers"]
    report = recurring(cells, "theme_id")
    assert report.loc["steady", "slope"] == 0.0
    assert report.loc["steady", "trend"] == "flat"
    # Shown counts only: the hidden quarter's total leaves the key out, and nothing in the
    # report depends on the hidden count (the same whatever it was).
    assert report.loc["steady", "answers"] == 90


def test_a_key_hidden_in_most_quarters_has_too_little_data_for_a_trend():
    # Known in two quarters only: no line can be drawn through the hidden ones.
    rows = []
    for quarter in ("2026Q1", "2026Q2", "2026Q3", "2026Q4"):
        hidden = quarter in ("2026Q3", "2026Q4")
        rows.append(("A", quarter, "patchy", None if hidden else 30, hidden))
        rows.append(("A", quarter, "rest", 70, False))
    cells = pd.DataFrame(rows, columns=["project", "quarter", "theme_id", "answers", "suppressed"])
    cells["responses"] = cells["answers"]
    report = recurring(cells, "theme_id")
    assert report.loc["patchy", "trend"] == "too little data"
    assert report.loc["rest", "trend"] == "flat"


def eight_quarters_of_three_projects() -> pd.DataFrame:
    """Per-survey category counts (threshold 3) of projects A, B and C over 2025Q1-2026Q4.

    "testing_quality" rises in A and B (4 → 18 answers) but is small in C, where the gate
    hides it in every quarter; "estimation_schedule" is a steady 10 everywhere;
    "monitoring_alerting" has two answers per survey, so every one of its cells is hidden
    (in A and B with "staffing_resources", hidden beside it so it cannot be worked out).
    """
    quarters = [f"{year}Q{q}" for year in (2025, 2026) for q in (1, 2, 3, 4)]
    rows = []
    for i, quarter in enumerate(quarters):
        for project in ("A", "B", "C"):
            counts = {
                "testing_quality": 2 if project == "C" else 4 + 2 * i,
                "estimation_schedule": 10,
                "communication_gaps": 20,
                "monitoring_alerting": 2,
                "staffing_resources": 3,
            }
            for category, n in counts.items():
                rows.append((project, quarter, f"{project}-{quarter}", category, n, n, 3))
    return pd.DataFrame(
        rows,
        columns=[
            "project",
            "quarter",
            "survey_id",
            "category",
            "answers",
            "responses",
            "threshold",
        ],
    )


def test_trends_over_eight_quarters_with_hidden_cells_in_some_projects():
    cells = gated_cells(eight_quarters_of_three_projects(), "category")
    hidden = cells[cells["suppressed"]]
    # The gate hides C's small cells in every quarter: no quarter has every project shown.
    assert set(hidden.loc[hidden["category"] == "testing_quality", "project"]) >= {"C"}
    assert hidden["quarter"].nunique() == 8
    report = recurring(cells, "category")
    assert report.loc["testing_quality", "trend"] == "rising"
    assert report.loc["estimation_schedule", "trend"] == "flat"
    assert report.loc["communication_gaps", "trend"] == "flat"
    assert report.loc["monitoring_alerting", "trend"] == "too little data"
    # Shares are over the projects that show the key: C's hidden cell takes its whole
    # project-quarter out of testing_quality's share, so 2025Q1 is A and B alone.
    assert report.loc["testing_quality", "first_share"] == pytest.approx(8 / (2 * 34))
    assert pd.isna(report.loc["monitoring_alerting", "answers"])
    # Nothing in the report depends on a hidden count: C's hidden 2 as a 1 changes nothing.
    counts = eight_quarters_of_three_projects()
    small = (counts["project"] == "C") & (counts["category"] == "testing_quality")
    counts.loc[small, ["answers", "responses"]] = 1
    other = recurring(gated_cells(counts, "category"), "category")
    pd.testing.assert_frame_equal(report, other)


def test_a_noisy_key_is_flat_however_steep_its_line():
    # "jumpy" swings between 2% and 16% of the answers: its fitted line rises by more than
    # its threshold, but by less than two standard errors, so it is called flat.
    cells = shares_over_quarters(
        {
            "jumpy": [2, 14, 3, 12, 4, 16, 14],
            "rest": [98, 86, 97, 88, 96, 84, 86],
        }
    )
    report = recurring(cells, "theme_id")
    from analysis.insights import trend_threshold

    share = report.loc["jumpy", "answers"] / 700
    assert report.loc["jumpy", "slope"] > trend_threshold(share, 7)
    assert report.loc["jumpy", "trend"] == "flat"


def test_action_effect_says_hidden_not_zero_and_its_verdict_agrees():
    from analysis.insights import effect_count

    actions = pd.DataFrame(
        {
            "action_id": ["1", "2"],
            "title": ["Acceptance tests", "Risk call"],
            "project": ["A", "B"],
            "status": ["done", "done"],
            "is_done": [True, True],
            "category": ["testing_quality", "communication_gaps"],
            "theme_id": [None, None],
            "done_on": [date(2026, 2, 1), date(2026, 2, 1)],
        }
    )
    cells = pd.DataFrame(
        {
            "project": ["A", "A", "B", "B", "B"],
            "quarter": ["2026Q1", "2026Q2", "2026Q1", "2026Q2", "2026Q3"],
            "category": ["testing_quality"] * 2 + ["communication_gaps"] * 3,
            # A: 23 before, after only a hidden cell. B: 4 before; after 9 shown + 1 hidden.
            "answers": [23, None, 4, 9, None],
            "responses": [23, None, 4, 9, None],
            "suppressed": [False, True, False, False, True],
        }
    )
    surveys = pd.DataFrame(
        {
            "project": ["A", "A", "B", "B", "B"],
            "quarter": ["2026Q1", "2026Q2", "2026Q1", "2026Q2", "2026Q3"],
            "responses": [30, 30, 20, 20, 20],
            "threshold": [3] * 5,
        }
    )
    effect = action_effect(actions, cells, cells.iloc[:0], surveys).set_index("title")
    hidden = effect.loc["Acceptance tests"]
    assert (hidden["answers_after"], bool(hidden["hidden_after"])) == (0, True)
    assert effect_count(hidden["answers_after"], hidden["hidden_after"]) == "hidden"
    assert effect_count(hidden["answers_before"], hidden["hidden_before"]) == "23"
    assert hidden["verdict"].startswith("Unclear")
    # The shown later answers alone (9 in 2 quarters) already come as often as before
    # (4 in 1): hidden ones can only add, so "still raised" holds whatever they were.
    risk = effect.loc["Risk call"]
    assert effect_count(risk["answers_after"], risk["hidden_after"]) == "at least 9"
    assert risk["verdict"].startswith("Still raised")
