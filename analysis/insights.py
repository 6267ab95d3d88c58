"""Manager views computed from stored aggregates, every slice through the anonymity gate."""

from __future__ import annotations

import pandas as pd

from analysis.anonymity import breakdown_groups, shown_surveys, suppress_groups
from analysis.recurrence import TREND_COLUMNS as KEY_TREND_COLUMNS
from analysis.recurrence import recurrence, trends
from analysis.taxonomy import NO_ROOT_CAUSE
from clock import quarter_of

ALL_PROJECTS = "All projects"
# Several questionnaires ask the same thing in their own words; trends use one name.
QUESTION_LABELS = {
    "goals_clear": "Goals were clear",
    "schedule_realistic": "Schedule was realistic",
    "schedule_detailed": "Plan was detailed enough",
    "communication": "Communication (0–10)",
    "workload_sustainable": "Workload was sustainable",
    "sprint_rating": "Sprint rating (0–10)",
    "detected_quickly": "Problem was detected quickly",
    "response_quality": "Incident response (0–10)",
    "recommend": "Would recommend (0–10)",
}


def question_label(question_id: str, prompt: str) -> str:
    """The shared name of a question asked under several wordings (`QUESTION_LABELS`),
    else its own `prompt`."""
    return QUESTION_LABELS.get(question_id, prompt)


TREND_COLUMNS = [
    "question_id",
    "kind",
    "prompt",
    "quarter",
    "project",
    "responses",
    "mean",
    "suppressed",
]


def rating_trends(totals: pd.DataFrame) -> pd.DataFrame:
    """Mean rating per question, quarter and project, plus an "All projects" line.

    `totals` has project, quarter, question_id, kind, prompt, responses (count),
    value_sum (sum of answers), threshold (count), and survey_id when its rows are per
    survey: then a survey's question that fewer than its threshold answered is left out
    before surveys are added up (its results page hides it, so no sum may carry it). The
    projects of one quarter add up to the "All projects" point, so hiding a small project
    also hides a second one (complementary suppression, `anonymity.suppress_groups`).
    Returns question_id, kind, prompt, quarter, project, responses, mean (in the
    question's own scale, NaN where hidden) and suppressed (bool).
    """
    totals = _shown_survey_rows(totals, ["project", "quarter", "question_id", "kind"])
    if totals.empty:
        return pd.DataFrame(columns=TREND_COLUMNS)
    keys = ["question_id", "quarter"]
    projects = suppress_groups(totals, keys, "threshold", value_columns=["value_sum"])
    overall = (
        totals.groupby(keys, as_index=False, sort=True)
        .agg(
            kind=("kind", "first"),
            prompt=("prompt", "first"),
            responses=("responses", "sum"),
            value_sum=("value_sum", "sum"),
            threshold=("threshold", "max"),
        )
        .assign(project=ALL_PROJECTS)
    )
    overall = suppress_groups(
        overall, keys, "threshold", value_columns=["value_sum"], total_shown=False
    )
    frame = pd.concat([projects, overall], ignore_index=True)
    frame["mean"] = frame["value_sum"] / frame["responses"]
    return frame.sort_values(keys, kind="stable")[TREND_COLUMNS].reset_index(drop=True)


def busiest_projects(trends: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """Trend rows of the `n` projects with most responses, plus the "All projects" line.

    `trends` is `rating_trends` output (project and responses are used); rows come back
    unchanged. A chart with a line per project stops being readable (and fast) past a
    handful.
    """
    if trends.empty:
        return trends
    per_project = trends[trends["project"] != ALL_PROJECTS].groupby("project")["responses"].sum()
    keep = set(per_project.nlargest(n).index) | {ALL_PROJECTS}
    return trends[trends["project"].isin(keep)]


def _shown_survey_rows(totals: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Per-survey rows (with survey_id) the gate lets through, added up over `keys`;
    rows without survey_id come back as they are."""
    if "survey_id" not in totals.columns or totals.empty:
        return totals
    kept = shown_surveys(totals)
    kept = kept[kept["shown"]]
    return (
        kept.groupby(keys, as_index=False, sort=True)
        .agg(
            prompt=("prompt", "first"),
            responses=("responses", "sum"),
            value_sum=("value_sum", "sum"),
            threshold=("threshold", "max"),
        )
        .astype({"responses": "int64"})
    )


def gated_cells(counts: pd.DataFrame, key: str) -> pd.DataFrame:
    """Theme or category cells (project × quarter × key) through the anonymity gate.

    Each survey's cells are a breakdown whose total could be guessed from participation,
    so its small cells are hidden with complementary suppression, exactly as its own
    results page hides them; a project-quarter then adds up only the cells its surveys
    show (a cell hidden on one survey's page can never be recovered by subtracting that
    page from a view of several surveys). A key no survey shows keeps its row with NaN
    `answers` and `responses` (charts draw it blank, not as zero); everything derived from
    the cells (heatmaps, recurrence, trends) only ever adds up shown cells. `counts` has
    project, quarter, survey_id, `key` (theme_id or category), answers, responses and
    threshold (counts). Returns project, quarter, `key`, answers, responses, suppressed.
    """
    columns = ["project", "quarter", key, "answers", "responses", "suppressed"]
    if counts.empty:
        return pd.DataFrame(columns=columns)
    by = ["survey_id"] if "survey_id" in counts.columns else ["project", "quarter"]
    gated = suppress_groups(counts, by, "threshold", value_columns=["answers"])
    cells = gated.groupby(["project", "quarter", key], as_index=False, sort=False).agg(
        answers=("answers", lambda s: s.sum(min_count=1)),
        responses=("responses", lambda s: s.sum(min_count=1)),
        suppressed=("suppressed", "all"),
    )
    return cells.sort_values(["project", "quarter"], kind="stable")[columns].reset_index(drop=True)


def root_cause_cells(counts: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Category cells and no-root-cause cells, gated together as one breakdown.

    `counts` as for `gated_cells` with key `category`, rows of ``NO_ROOT_CAUSE`` included,
    so hiding a small category can never be undone by subtracting from a "no root cause"
    count shown beside it. Returns (cells of the taxonomy's categories, cells of
    ``NO_ROOT_CAUSE``), both with `gated_cells` columns.
    """
    gated = gated_cells(counts, "category")
    none = (gated["category"] == NO_ROOT_CAUSE).to_numpy(dtype=bool)
    return gated[~none].reset_index(drop=True), gated[none].reset_index(drop=True)


def shown(cells: pd.DataFrame) -> pd.DataFrame:
    """Only the cells that may be shown: the rows of `cells` whose `suppressed` is False."""
    return cells[~cells["suppressed"].astype(bool)] if len(cells) else cells


# A theme or category is rising (falling) when the fitted line of its share of answers moves
# by at least three quarters of its own average share over the quarters in view, and by at
# least half a point a quarter. The former fixed 2 points a quarter called nearly every key
# "flat": a theme with 3% of the answers could not rise unless it doubled every quarter.
# The slope must also be at least two standard errors of itself: a small theme's share
# jumps about from quarter to quarter, and a line through that noise is flat, however steep.
TREND_RELATIVE_CHANGE = 0.75
TREND_MIN_SLOPE = 0.005
TREND_MIN_T = 2.0


def recurring(cells: pd.DataFrame, by: str) -> pd.DataFrame:
    """Recurrence and trend per theme or category over visible cells.

    `cells` is `gated_cells` output; `by` its key column. Only shown cells count; a hidden
    cell is a gap in its key's trend (its count is unknown), never a zero; a key with only
    hidden cells is listed last with NaN answers and trend "too little data". A key's
    trend threshold is relative to its share of the answers (`trend_threshold`). Returns
    `recurrence.recurrence` columns and `recurrence.trends` columns but answers (index: the
    key), or an empty frame when nothing is shown. A trend needs a slope of at least its
    threshold and of at least `TREND_MIN_T` standard errors. Raises KeyError when `cells` lacks
    `by`, project, quarter or answers; ValueError when a quarter does not parse.
    """
    visible = shown(cells)
    if visible.empty:
        return pd.DataFrame()
    frame = visible.rename(columns={"answers": "count"})[[by, "project", "quarter", "count"]]
    report = recurrence(frame, by=by)
    counts = pd.to_numeric(frame["count"])
    quarters = frame.loc[counts > 0, "quarter"].nunique()
    shares = counts.groupby(frame[by]).sum() / counts.sum()
    thresholds = pd.Series(
        [trend_threshold(share, quarters) for share in shares], index=shares.index
    )
    # One pass for every key, each against its own threshold. A hidden cell's count is
    # unknown, not absent: its project-quarter leaves that key's share for the quarter (the
    # other projects still give it one); a quarter where every project hides it is a gap.
    hidden = cells[cells["suppressed"].astype(bool)][[by, "project", "quarter"]]
    trend = trends(frame, by=by, min_slope=thresholds, unknown=hidden, min_t=TREND_MIN_T)
    trend = trend.reindex(report.index)[KEY_TREND_COLUMNS]
    report = report.join(trend.drop(columns="answers"), how="left")
    # A key whose every cell is hidden is still listed (the heatmap shows its blank row):
    # nothing is known of it, so it is too little data, never "0 answers".
    only_hidden = pd.Index(cells[by].unique()).difference(report.index)
    if len(only_hidden):
        blank = pd.DataFrame(index=only_hidden.rename(report.index.name), columns=report.columns)
        blank = blank.assign(
            n_projects=0,
            n_quarters=0,
            answers=float("nan"),
            recent_projects=0,
            of_recent=report["of_recent"].iloc[0] if len(report) else 0,
            recurring=False,
            sentence="too few answers to show",
            quarters=0,
            trend="too little data",
        )
        report = pd.concat([report, blank.astype(report.dtypes.to_dict(), errors="ignore")])
    return report


def trend_threshold(share: float, quarters: int) -> float:
    """The slope (share per quarter, 0-1) a key with `share` (0-1) of the answers over
    `quarters` quarters must reach to be rising or falling: `TREND_RELATIVE_CHANGE` of its
    share over the span, at least `TREND_MIN_SLOPE`."""
    return max(TREND_MIN_SLOPE, TREND_RELATIVE_CHANGE * share / max(quarters - 1, 1))


def new_and_persisting(cells: pd.DataFrame, by: str, quarter: str) -> pd.DataFrame:
    """Keys seen in `quarter`: new (first seen then) or persisting (also seen before).

    `cells` is `gated_cells` output (shown cells only are used); `quarter` compares as
    text ("2025Q3"). Returns `by`, status ("new" or "persisting"), answers (count).
    """
    cells = shown(cells)
    if cells.empty:
        return pd.DataFrame(columns=[by, "status", "answers"])
    now = cells[cells["quarter"] == quarter].groupby(by)["answers"].sum()
    before = set(cells.loc[cells["quarter"] < quarter, by])
    return pd.DataFrame(
        {
            by: now.index,
            "status": ["persisting" if key in before else "new" for key in now.index],
            "answers": now.to_numpy(),
        }
    )


EFFECT_COLUMNS = [
    "action_id",
    "project",
    "title",
    "category",
    "theme_id",
    "done_on",
    "quarters_before",
    "answers_before",
    "quarters_after",
    "answers_after",
    "hidden_before",
    "hidden_after",
    "verdict",
]


def action_effect(
    actions: pd.DataFrame,
    category_cells: pd.DataFrame,
    theme_cells: pd.DataFrame,
    surveys: pd.DataFrame,
    until: str | None = None,
) -> pd.DataFrame:
    """For each done action with a root cause or theme: was it raised less after it was done?

    Per project: "before" is the project's shown retrospectives up to and including the
    quarter the action was done in, "after" the later ones (up to `until`). `surveys` has
    project, quarter, responses, threshold (a participation frame); counts add up shown
    cells only. A hidden cell is not a zero: `hidden_before` / `hidden_after` say a count
    has hidden answers on top (show it with `effect_count`); a hidden cell after the action
    makes the verdict "unclear" unless the shown later answers alone are as frequent as
    the earlier ones.
    `actions` has action_id, project, title, category, theme_id, is_done, done_on;
    `category_cells` and `theme_cells` are `gated_cells` output. Returns action_id,
    project, title, category, theme_id, done_on (date), quarters_before, answers_before,
    quarters_after, answers_after (counts of shown answers), hidden_before, hidden_after
    (bool) and verdict (a sentence).
    """
    done = actions[actions["is_done"].astype(bool) & actions["done_on"].notna()]
    done = done[done["category"].notna() | done["theme_id"].notna()]
    if until is not None:
        done = done[[quarter_of(d) <= until for d in done["done_on"]]]
    gated = shown_surveys(surveys)
    seen = gated[gated["shown"]]
    if until is not None:
        seen = seen[seen["quarter"] <= until]
    rows = []
    for action in done.itertuples(index=False):
        done_quarter = quarter_of(pd.Timestamp(action.done_on))
        if pd.notna(action.category):
            cells, key, value = category_cells, "category", action.category
        else:
            cells, key, value = theme_cells, "theme_id", int(action.theme_id)
        mine = cells[(cells["project"] == action.project) & (cells[key] == value)]
        quarters = set(seen.loc[seen["project"] == action.project, "quarter"])
        before_q = sorted(q for q in quarters if q <= done_quarter)
        after_q = sorted(q for q in quarters if q > done_quarter)
        before = mine[mine["quarter"].isin(before_q)]
        after = mine[mine["quarter"].isin(after_q)]
        answers_before, answers_after = before["answers"].sum(), after["answers"].sum()
        hidden_before = bool(before["suppressed"].astype(bool).any())
        hidden_after = bool(after["suppressed"].astype(bool).any())
        rows.append(
            {
                "action_id": action.action_id,
                "project": action.project,
                "title": action.title,
                "category": action.category,
                "theme_id": action.theme_id,
                "done_on": pd.Timestamp(action.done_on).date(),
                "quarters_before": len(before_q),
                "answers_before": int(answers_before),
                "quarters_after": len(after_q),
                "answers_after": int(answers_after),
                "hidden_before": hidden_before,
                "hidden_after": hidden_after,
                "verdict": _verdict(
                    len(before_q),
                    answers_before,
                    len(after_q),
                    answers_after,
                    hidden_after,
                    hidden_before,
                ),
            }
        )
    return pd.DataFrame(rows, columns=EFFECT_COLUMNS)


def effect_count(answers: int, hidden: bool) -> str:
    """An `action_effect` count as shown: "12", "hidden" (every cell in it was too small to
    show) or "at least 12" (shown answers plus hidden ones); never a hidden 0."""
    if not hidden:
        return str(int(answers))
    return f"at least {int(answers)}" if answers else "hidden"


def _verdict(
    q_before: int,
    before: float,
    q_after: int,
    after: float,
    hidden_after: bool,
    hidden_before: bool = False,
) -> str:
    # Shown counts are lower bounds where cells are hidden. Later answers hidden: it worked
    # or was raised less only if they were few, so it is unclear, unless the shown ones
    # alone already come as often as before (and nothing before was hidden).
    if q_after == 0:
        return "Too early to tell: no retrospective of this project since."
    rate_after = after / q_after
    rate_before = before / q_before if q_before else 0.0
    if hidden_after:
        if after and q_before and not hidden_before and rate_after >= rate_before:
            return "Still raised as often: worth another look."
        return "Unclear: later answers are too few to show."
    if after == 0:
        return "Not raised since: looks like it worked."
    if q_before and rate_after < rate_before:
        return "Raised less often since."
    return "Still raised as often: worth another look."


def role_breakdown(totals: pd.DataFrame) -> pd.DataFrame:
    """Mean rating per stakeholder role and question across the surveys in view.

    `totals` has survey_id, question_id, kind, prompt, role, responses, value_sum,
    threshold (one row per survey, question and role). Small roles are merged and what is
    still too small is suppressed per survey (`anonymity.breakdown_groups`), so the grouping
    is the survey's own and the same under every filter; the view then adds up the shown
    cells only. Returns question_id, kind, role, responses, mean (NaN where hidden) and
    suppressed (every cell of that role was hidden).
    """
    columns = ["question_id", "kind", "role", "responses", "mean", "suppressed"]
    if totals.empty:
        return pd.DataFrame(columns=columns)
    cells = breakdown_groups(
        totals,
        ["survey_id", "question_id", "kind"],
        "role",
        "threshold",
        sum_columns=["value_sum"],
    )
    cells["suppressed"] = cells["suppressed"].astype(bool)
    summed = cells.groupby(["question_id", "kind", "role"], as_index=False, sort=True).agg(
        responses=("responses", lambda s: s.sum(min_count=1)),
        value_sum=("value_sum", lambda s: s.sum(min_count=1)),
        suppressed=("suppressed", "all"),
    )
    summed["mean"] = summed["value_sum"] / summed["responses"]
    return summed[columns]
