"""The quarterly process review: everything it shows, computed once from the store's aggregates.

Every number passes the anonymity gate (`analysis.anonymity`) at its finest grain before
anything is added up:

- Ratings are a one-way breakdown (projects of a quarter plus an "All projects" total), so
  `suppress(..., total_shown=True)` hides enough project points that none can be recovered by
  subtracting the shown ones from the total.
- Root-cause categories and themes form a two-way table (project x category per quarter).
  Complementary suppression only protects one dimension, so each (project, quarter) row is
  gated and every coarser number (per quarter, per category, "projects it appeared in") is a
  sum of cells that were already shown. A coarser number can then never reveal a hidden cell.

Which surveys may be shown at all is decided by the gate (`manager_views.gated_participation`);
the store aggregates only over those.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from afterward.services import analysis_upkeep, publishing
from afterward.services.manager_views import (
    category_counts,
    counted_questions,
    gated_participation,
    theme_counts,
    theme_label,
    theme_labels,
    with_topics,
)
from afterward.services.survey_admin import invitation_use, invitation_uses
from analysis.actions import completion_rates
from analysis.insights import (
    ALL_PROJECTS,
    action_effect,
    gated_cells,
    rating_trends,
    root_cause_cells,
    shown,
)
from analysis.taxonomy import category_label
from clock import check_quarter, quarter_dates, shift_quarter, today
from surveys.store import Scope, Store

HISTORY_QUARTERS = 3  # the review quarter is compared with the three before it (one year)
TOP_N = 5


@dataclass(frozen=True)
class QuarterlyReview:
    """What a quarterly process review shows. Hidden values are NaN; empty frames mean
    nothing could be shown (the report says so instead of drawing)."""

    quarter: str
    quarters: tuple[str, ...]  # the comparison window, oldest first, ending with `quarter`
    generated_on: date
    # Participation in the review quarter.
    surveys: int  # surveys run
    surveys_shown: int  # surveys with enough responses to show results
    responses: int  # responses to the shown surveys
    response_rate: float | None  # invitations used / sent (None: no invitations sent)
    # survey, project, quarter, responses (released), waiting, invitations, invitations_used,
    # response_rate (share of invitations used, released or waiting), status, shown, needed
    participation: pd.DataFrame
    participation_trend: pd.DataFrame  # quarter, surveys, surveys_shown, responses
    # Ratings: question_id, prompt, kind, quarter, project (incl. All projects), mean, responses.
    rating_trends: pd.DataFrame
    rating_summary: pd.DataFrame  # question_id, prompt, kind, mean, previous_mean, change
    # Root-cause categories.
    category_quarters: pd.DataFrame  # quarter, category, answers (window)
    category_projects: pd.DataFrame  # project, category, answers (review quarter)
    # Answers of the review quarter with no root cause, in shown cells only (gated with the
    # categories, `analysis.insights.root_cause_cells`); never part of the category charts.
    no_root_cause: int
    # Every category raised this quarter, most frequent first: category, label, answers, share,
    # projects, quarters_seen, status ("new" or "persisting"), first_seen.
    categories: pd.DataFrame
    # Themes.
    theme_quarters: pd.DataFrame  # theme_id, theme, quarter, answers (window)
    themes: pd.DataFrame  # theme_id, theme, answers, projects, status, first_seen
    recurring_themes: pd.DataFrame  # theme, projects (window)
    # Action items.
    actions_opened: int
    actions_done: int
    actions_overdue: int
    actions: pd.DataFrame  # project, title, owner, status, due_on, done_on, overdue, category
    action_completion: pd.DataFrame  # project, quarter, actions, done, completion_rate
    action_effects: (
        pd.DataFrame
    )  # project, title, topic, done_on, answers/quarters before/after, verdict
    theme_labels: dict[int, str] = field(default_factory=dict)
    # Why the root-cause and theme sections are empty, when they are ("" otherwise).
    text_note: str = ""

    @property
    def top_categories(self) -> pd.DataFrame:
        return self.categories.head(TOP_N)

    @property
    def new_categories(self) -> pd.DataFrame:
        return self.categories[self.categories["status"] == "new"]

    @property
    def new_themes(self) -> pd.DataFrame:
        return self.themes[self.themes["status"] == "new"]

    @property
    def persisting_themes(self) -> pd.DataFrame:
        return self.themes[self.themes["status"] == "persisting"]


class NoSurveysInQuarter(ValueError):
    """The quarter under review has no surveys: there is nothing to review."""


def build_quarterly_review(store: Store, quarter: str, on: date | None = None) -> QuarterlyReview:
    """The review every consumer uses (pages, `afterward report`): the analysis is brought
    up to date first and themes are named from the saved theme model.

    Raises NoSurveysInQuarter when `quarter` has no surveys, ClockError (a ValueError) for
    a quarter that does not look like 2026Q3.
    """
    quarter = check_quarter(quarter)
    publishing.publish_due(store)
    quarters = store.scope_choices()[0]
    if quarter not in quarters:
        raise NoSurveysInQuarter(
            f"No surveys in {quarter}: nothing to review. Quarters with surveys: "
            f"{', '.join(quarters) or 'none yet'}."
        )
    analysis_upkeep.ensure_current(store)
    return quarterly_review(store, quarter, theme_labels=theme_labels(store), on=on)


def quarterly_review(
    store: Store,
    quarter: str,
    *,
    theme_labels: dict[int, str] | None = None,
    history: int = HISTORY_QUARTERS,
    on: date | None = None,
) -> QuarterlyReview:
    """Compute the review of `quarter` (e.g. "2026Q3") against the `history` quarters before,
    from the stored analysis as it is (see `build_quarterly_review`)."""
    quarter = check_quarter(quarter)
    on = on or today()
    window = tuple(shift_quarter(quarter, -n) for n in range(history, -1, -1))
    labels = dict(theme_labels or {})

    surveys = gated_participation(store, Scope(quarter_to=quarter))
    this = _participation(surveys[surveys["quarter"] == quarter])
    trend = _participation_trend(surveys, window)

    in_window = surveys["shown"] & surveys["quarter"].isin(window)
    window_ids = surveys.loc[in_window, "survey_id"].tolist()
    ratings = rating_trends(store.rating_totals(window_ids))
    # Categories and themes need all earlier quarters to tell new from persisting.
    history_ids = surveys.loc[surveys["shown"], "survey_id"].tolist()
    category_cells, none_cells = root_cause_cells(category_counts(store, history_ids))
    theme_cells = gated_cells(theme_counts(store, history_ids), "theme_id")

    theme_table = _topic_summary(theme_cells, "theme_id", quarter, window)
    theme_table.insert(1, "theme", theme_table["theme_id"].map(lambda t: theme_label(t, labels)))
    theme_quarters = _per_quarter(theme_cells, "theme_id", window)
    theme_quarters.insert(
        1, "theme", theme_quarters["theme_id"].map(lambda t: theme_label(t, labels))
    )
    recurring = (
        theme_table[theme_table["projects_window"] > 0]
        .sort_values(["projects_window", "answers_window"], ascending=False)
        .head(10)[["theme", "projects_window"]]
        .rename(columns={"projects_window": "projects"})
        .reset_index(drop=True)
    )

    categories = _topic_summary(category_cells, "category", quarter, window)
    categories.insert(1, "label", categories["category"].map(category_label))
    raised = categories[categories["answers"] > 0].reset_index(drop=True)

    in_quarter = category_cells[category_cells["quarter"] == quarter]
    none_shown = shown(none_cells[none_cells["quarter"] == quarter])
    all_actions = store.actions(Scope(), on)
    actions, opened, done, overdue = _actions(all_actions, quarter, on)
    return QuarterlyReview(
        quarter=quarter,
        quarters=window,
        generated_on=on,
        surveys=len(this),
        surveys_shown=int(this["shown"].sum()) if len(this) else 0,
        responses=int(this.loc[this["shown"], "responses"].sum()) if len(this) else 0,
        response_rate=_rate(this),
        participation=this,
        participation_trend=trend,
        rating_trends=ratings,
        rating_summary=_rating_summary(ratings, quarter),
        category_quarters=_per_quarter(category_cells, "category", window),
        category_projects=in_quarter[["project", "category", "answers"]].reset_index(drop=True),
        no_root_cause=int(none_shown["answers"].sum()),
        categories=raised[
            [
                "category",
                "label",
                "answers",
                "share",
                "projects",
                "quarters_seen",
                "status",
                "first_seen",
            ]
        ],
        theme_quarters=theme_quarters,
        themes=theme_table[theme_table["answers"] > 0][
            ["theme_id", "theme", "answers", "projects", "quarters_seen", "status", "first_seen"]
        ].reset_index(drop=True),
        recurring_themes=recurring,
        actions_opened=opened,
        actions_done=done,
        actions_overdue=overdue,
        actions=actions,
        action_completion=completion_rates(all_actions[all_actions["quarter"].isin(window)]),
        action_effects=with_topics(
            action_effect(all_actions, category_cells, theme_cells, surveys, until=quarter),
            labels,
        ),
        theme_labels=labels,
        text_note=_text_note(store, this, surveys, quarter),
    )


def _text_note(store: Store, this: pd.DataFrame, surveys: pd.DataFrame, quarter: str) -> str:
    """The true reason root causes and themes of `quarter` may be missing from the review.

    It gives no count: a count of every free-text answer would include the questions the
    gate leaves out (one person answered an optional question), and subtracting the answers
    the results pages list would tell that person answered. Likewise a question fewer than
    the threshold answered counts as no free text (`counted_questions`), so "nobody wrote
    anything" and "one person did" read the same."""
    if not len(this) or not this["shown"].any():
        return (
            f"No survey of {quarter} reached its anonymity threshold, so no root causes or "
            "themes can be shown for it."
        )
    shown_ids = surveys.loc[surveys["shown"] & (surveys["quarter"] == quarter), "survey_id"]
    texts, analysed = store.text_answer_counts(shown_ids.tolist(), quarter)
    if analysed < texts:
        return (
            f"Some free-text answers of {quarter} have not been analysed yet; open Root "
            "causes or Themes in the app to bring the analysis up to date."
        )
    if not counted_questions(store, shown_ids.tolist()):
        return (
            f"The surveys of {quarter} shown here have no free-text question that enough "
            "people answered to count its answers."
        )
    return ""


# -- participation ----------------------------------------------------------------------------


def _participation(frame: pd.DataFrame) -> pd.DataFrame:
    columns = [
        "survey",
        "project",
        "quarter",
        "responses",
        "waiting",
        "invitations",
        "invitations_used",
        "response_rate",
        "status",
        "shown",
        "needed",
    ]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    return pd.DataFrame(
        {
            "survey": [
                _survey_label(p, t) for p, t in zip(frame["project"], frame["title"], strict=True)
            ],
            "project": frame["project"].to_numpy(),
            "quarter": frame["quarter"].to_numpy(),
            # A response count is already shown to managers while a survey runs ("2 so far"),
            # so counts are not hidden; the survey's results are.
            # Released responses; those waiting for release are counted apart (a count only).
            "responses": frame["responses"].astype(int).to_numpy(),
            "waiting": frame["waiting"].astype(int).to_numpy(),
            "invitations": frame["invitations"].astype(int).to_numpy(),
            "invitations_used": frame["invitations_used"].astype(int).to_numpy(),
            # Share of invitations used: a used invitation is a response released or waiting.
            "response_rate": invitation_uses(
                frame["invitations"], frame["invitations_used"]
            ).to_numpy(),
            "status": frame["status"].to_numpy(),  # "closed": no "N more needed" is said
            "shown": frame["shown"].to_numpy(dtype=bool),
            "needed": frame["needed"].astype(int).to_numpy(),
        }
    )


def _survey_label(project: str, title: str) -> str:
    return title if project.lower() in title.lower() else f"{project}: {title}"


def _rate(frame: pd.DataFrame) -> float | None:
    if not len(frame):
        return None
    return invitation_use(int(frame["invitations"].sum()), int(frame["invitations_used"].sum()))


def _participation_trend(surveys: pd.DataFrame, window: tuple[str, ...]) -> pd.DataFrame:
    rows = []
    for quarter in window:
        part = surveys[surveys["quarter"] == quarter]
        shown = part[part["shown"]]
        rows.append(
            {
                "quarter": quarter,
                "surveys": len(part),
                "surveys_shown": len(shown),
                "responses": int(shown["responses"].sum()),
            }
        )
    return pd.DataFrame(rows, columns=["quarter", "surveys", "surveys_shown", "responses"])


# -- ratings ----------------------------------------------------------------------------------


def _rating_summary(trends: pd.DataFrame, quarter: str) -> pd.DataFrame:
    columns = [
        "question_id",
        "prompt",
        "kind",
        "mean",
        "previous_quarter",
        "previous_mean",
        "change",
    ]
    overall = trends[(trends["project"] == ALL_PROJECTS) & trends["mean"].notna()]
    rows = []
    for question, group in overall.groupby("question_id", sort=True):
        now = group[group["quarter"] == quarter]
        if now.empty:
            continue
        before = group[group["quarter"] < quarter].sort_values("quarter")
        previous = before.iloc[-1] if len(before) else None
        mean = float(now["mean"].iloc[0])
        rows.append(
            {
                "question_id": question,
                "prompt": now["prompt"].iloc[0],
                "kind": now["kind"].iloc[0],
                "mean": mean,
                "previous_quarter": previous["quarter"] if previous is not None else None,
                "previous_mean": float(previous["mean"]) if previous is not None else float("nan"),
                "change": mean - float(previous["mean"]) if previous is not None else float("nan"),
            }
        )
    return pd.DataFrame(rows, columns=columns)


# -- categories and themes --------------------------------------------------------------------


def _per_quarter(cells: pd.DataFrame, key: str, window: tuple[str, ...]) -> pd.DataFrame:
    """Per quarter of the window and topic: the sum of shown cells (NaN when all hidden)."""
    part = cells[cells["quarter"].isin(window)]
    if part.empty:
        return pd.DataFrame(columns=["quarter", key, "answers"])
    summed = part.groupby(["quarter", key], sort=True)["answers"].sum(min_count=1)
    return summed.reset_index()[["quarter", key, "answers"]]


def _topic_summary(
    cells: pd.DataFrame, key: str, quarter: str, window: tuple[str, ...]
) -> pd.DataFrame:
    """Per topic: answers this quarter, projects, recurrence and new/persisting status."""
    columns = [
        key,
        "answers",
        "share",
        "projects",
        "quarters_seen",
        "answers_window",
        "projects_window",
        "status",
        "first_seen",
    ]
    seen = cells[cells["answers"].fillna(0) > 0]
    if seen.empty:
        return pd.DataFrame(columns=columns)
    now = seen[seen["quarter"] == quarter]
    in_window = seen[seen["quarter"].isin(window)]
    first = seen.groupby(key)["quarter"].min()
    summary = pd.DataFrame(
        {
            "answers": now.groupby(key)["answers"].sum(),
            "projects": now.groupby(key)["project"].nunique(),
            "quarters_seen": in_window.groupby(key)["quarter"].nunique(),
            "answers_window": in_window.groupby(key)["answers"].sum(),
            "projects_window": in_window.groupby(key)["project"].nunique(),
            "first_seen": first,
        }
    ).fillna(
        {"answers": 0, "projects": 0, "quarters_seen": 0, "answers_window": 0, "projects_window": 0}
    )
    total = summary["answers"].sum()
    summary["share"] = summary["answers"] / total if total else 0.0
    summary["status"] = [
        "new" if f == quarter else "persisting" if a > 0 else "earlier only"
        for f, a in zip(summary["first_seen"], summary["answers"], strict=True)
    ]
    for column in ("projects", "quarters_seen", "projects_window"):
        summary[column] = summary[column].astype(int)
    summary = summary.rename_axis(key).reset_index()
    ordered = summary.sort_values(["answers", "quarters_seen", key], ascending=[False, False, True])
    return ordered[columns].reset_index(drop=True)


# -- actions ----------------------------------------------------------------------------------


def _actions(frame: pd.DataFrame, quarter: str, on: date) -> tuple[pd.DataFrame, int, int, int]:
    columns = [
        "project",
        "title",
        "owner",
        "status",
        "due_on",
        "done_on",
        "overdue",
        "category",
        "theme_id",
        "quarter",
    ]
    if frame.empty:
        return pd.DataFrame(columns=columns), 0, 0, 0
    start, end = quarter_dates(quarter)
    due = pd.to_datetime(frame["due_on"]).dt.date
    done_on = pd.to_datetime(frame["done_on"]).dt.date
    is_open = frame["is_open"].astype(bool)
    # Overdue "in the quarter": due by its end, and still open when the review is made.
    overdue = is_open & due.notna() & (due <= end) & (due < on)
    done = frame["is_done"].astype(bool) & done_on.notna() & done_on.between(start, end)
    opened = frame["quarter"] == quarter
    relevant = opened | done | overdue
    actions = frame.assign(overdue=overdue, due_on=due, done_on=done_on)[relevant]
    return (
        actions[columns].reset_index(drop=True),
        int(opened.sum()),
        int(done.sum()),
        int(overdue.sum()),
    )
