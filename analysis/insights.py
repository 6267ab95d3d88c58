"""Manager views computed from stored aggregates, every slice through the anonymity gate."""

from __future__ import annotations

import pandas as pd

from analysis.anonymity import breakdown, suppress_groups
from analysis.recurrence import recurrence_report

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
    return QUESTION_LABELS.get(question_id, prompt)
TREND_COLUMNS = ["question_id", "kind", "prompt", "quarter", "project", "responses", "mean",
                 "suppressed"]


def rating_trends(totals: pd.DataFrame) -> pd.DataFrame:
    """Mean rating per question, quarter and project, plus an "All projects" line.

    `totals` has project, quarter, question_id, kind, prompt, responses, value_sum,
    threshold. The projects of one quarter add up to the "All projects" point, so hiding a
    small project also hides a second one (complementary suppression).
    """
    if totals.empty:
        return pd.DataFrame(columns=TREND_COLUMNS)
    keys = ["question_id", "quarter"]
    projects = suppress_groups(totals, keys, "threshold", value_columns=["value_sum"])
    overall = (
        totals.groupby(keys, as_index=False, sort=True)
        .agg(kind=("kind", "first"), prompt=("prompt", "first"), responses=("responses", "sum"),
             value_sum=("value_sum", "sum"), threshold=("threshold", "max"))
        .assign(project=ALL_PROJECTS)
    )
    overall = suppress_groups(overall, keys, "threshold", value_columns=["value_sum"],
                              total_shown=False)
    frame = pd.concat([projects, overall], ignore_index=True)
    frame["mean"] = frame["value_sum"] / frame["responses"]
    return frame.sort_values(keys, kind="stable")[TREND_COLUMNS].reset_index(drop=True)


def busiest_projects(trends: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """Trend rows of the `n` projects with most responses, plus the "All projects" line.

    A chart with a line per project stops being readable (and fast) past a handful.
    """
    if trends.empty:
        return trends
    per_project = trends[trends["project"] != ALL_PROJECTS].groupby("project")["responses"].sum()
    keep = set(per_project.nlargest(n).index) | {ALL_PROJECTS}
    return trends[trends["project"].isin(keep)]


def gated_cells(counts: pd.DataFrame, key: str) -> pd.DataFrame:
    """Theme or category cells (project × quarter × key) through the anonymity gate.

    Each project-quarter is a breakdown whose total could be guessed from participation, so
    small cells are hidden with complementary suppression. Hidden cells keep their row with
    NaN `answers` and `responses` (charts draw them blank, not as zero); everything derived
    from the cells (heatmaps, recurrence, trends) only ever adds up shown cells.
    """
    columns = ["project", "quarter", key, "answers", "responses", "suppressed"]
    if counts.empty:
        return pd.DataFrame(columns=columns)
    gated = suppress_groups(counts, ["project", "quarter"], "threshold",
                            value_columns=["answers"])
    return gated.sort_values(["project", "quarter"], kind="stable")[columns].reset_index(drop=True)


def shown(cells: pd.DataFrame) -> pd.DataFrame:
    """Only the cells that may be shown."""
    return cells[~cells["suppressed"].astype(bool)] if len(cells) else cells


def recurring(cells: pd.DataFrame, by: str) -> pd.DataFrame:
    """Recurrence and trend per theme or category over visible cells."""
    cells = shown(cells)
    if cells.empty:
        return pd.DataFrame()
    frame = cells.rename(columns={"answers": "count"})[[by, "project", "quarter", "count"]]
    return recurrence_report(frame, by=by)


def new_and_persisting(cells: pd.DataFrame, by: str, quarter: str) -> pd.DataFrame:
    """Keys seen in `quarter`: new (first seen then) or persisting (also seen before)."""
    cells = shown(cells)
    if cells.empty:
        return pd.DataFrame(columns=[by, "status", "answers"])
    now = cells[cells["quarter"] == quarter].groupby(by)["answers"].sum()
    before = set(cells.loc[cells["quarter"] < quarter, by])
    return pd.DataFrame({
        by: now.index,
        "status": ["persisting" if key in before else "new" for key in now.index],
        "answers": now.to_numpy(),
    })


def action_effect(
    actions: pd.DataFrame, category_cells: pd.DataFrame, theme_cells: pd.DataFrame | None = None
) -> pd.DataFrame:
    """For each done action linked to a category or theme: did it keep appearing afterwards?

    Compares answers per quarter in the quarters up to the one the action was done in with
    the quarters after it, over shown cells only.
    """
    columns = ["action_id", "title", "project", "link", "before_per_quarter",
               "after_per_quarter", "verdict"]
    done = actions[actions["status"] == "done"] if not actions.empty else actions
    by_key = {"category": shown(category_cells),
              "theme_id": shown(theme_cells) if theme_cells is not None else pd.DataFrame()}
    rows = []
    for _, action in done.iterrows():
        key, value = (("category", action["category"]) if pd.notna(action.get("category"))
                      else ("theme_id", action.get("theme_id")))
        cells = by_key[key]
        if pd.isna(value) or cells.empty:
            continue
        value = int(value) if key == "theme_id" else value
        done_quarter = f"{action['done_on'].year}Q{(action['done_on'].month - 1) // 3 + 1}"
        mine = cells[cells[key] == value]
        quarters = sorted(set(cells["quarter"]))
        before_q = [q for q in quarters if q <= done_quarter]
        after_q = [q for q in quarters if q > done_quarter]
        before = mine[mine["quarter"].isin(before_q)]["answers"].sum() / max(len(before_q), 1)
        after = mine[mine["quarter"].isin(after_q)]["answers"].sum() / max(len(after_q), 1)
        if not after_q:
            verdict = "too early to tell"
        elif after == 0:
            verdict = "stopped appearing"
        elif after < before * 0.75:
            verdict = "appearing less"
        else:
            verdict = "still appearing"
        rows.append({"action_id": action["action_id"], "title": action["title"],
                     "project": action["project"], "link": value,
                     "before_per_quarter": before, "after_per_quarter": after,
                     "verdict": verdict})
    return pd.DataFrame(rows, columns=columns)


def role_breakdown(totals: pd.DataFrame) -> pd.DataFrame:
    """Mean rating per stakeholder role and question; small roles merged, then suppressed.

    `totals` has question_id, kind, prompt, role, responses, value_sum, threshold.
    """
    columns = ["question_id", "kind", "role", "responses", "mean", "suppressed"]
    if totals.empty:
        return pd.DataFrame(columns=columns)
    parts = []
    for (question_id, kind), group in totals.groupby(["question_id", "kind"], sort=True):
        threshold = int(group["threshold"].max())
        merged = breakdown(group, "role", threshold, sum_columns=["value_sum"])
        merged["question_id"], merged["kind"] = question_id, kind
        merged["mean"] = merged["value_sum"] / merged["responses"]
        parts.append(merged)
    return pd.concat(parts, ignore_index=True)[columns]
