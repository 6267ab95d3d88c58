"""The manager views: the store's facts through the anonymity gate, ready to draw.

Each view starts from the surveys in the manager's filters (`Scope`), lets the gate
(`analysis.anonymity.shown_surveys`) decide which of them may be shown, and asks the store
for aggregates over exactly those surveys. Pages and the quarterly review call these; no
page compares a count with a threshold itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

import pandas as pd

from afterward.services import analysis_upkeep
from afterward.services.gates import (
    by_role_shown,
    category_counts,
    counted_questions,
    hidden_categories,
    hidden_themes,
    quoted_questions,
    shown_survey_ids,
    still_collecting,
    theme_counts,
)
from analysis.actions import completion_rates
from analysis.anonymity import (
    quote_threshold,
    quotes_visibility,
    shown_surveys,
    visible_quotes,
)
from analysis.insights import (
    ALL_PROJECTS,
    action_effect,
    busiest_projects,
    gated_cells,
    question_label,
    rating_trends,
    recurring,
    role_breakdown,
    root_cause_cells,
    shown,
)
from analysis.root_causes import review_cards
from analysis.taxonomy import NO_ROOT_CAUSE, category_ids, category_label, no_root_cause_note
from clock import quarter_of, today
from surveys.questionnaire import scale_of
from surveys.store import ACTION_STATUSES, Scope, Store

__all__ = [
    "ACTION_STATUSES",
    "ALL_PROJECTS",
    "add_action",
    "theme_labels",
    "NO_ROOT_CAUSE",
    "category_ids",
    "category_label",
    "no_root_cause_note",
    "quarter_of",
    "Scope",
    "busiest_projects",
    "completion_rates",
    "compute_view",
    "category_counts",
    "correction_queue",
    "hidden_categories",
    "hidden_themes",
    "counted_questions",
    "quoted_questions",
    "theme_counts",
    "review_card",
    "gated_participation",
    "question_label",
    "quote_threshold",
    "scale_of",
    "shown",
    "shown_survey_ids",
    "theme_quotes",
    "today",
]


def gated_participation(store: Store, scope: Scope) -> pd.DataFrame:
    """Per survey in `scope` (`Store.participation` columns: survey_id, project, quarter,
    template_id, title, status, threshold, responses, invitations, invitations_used) plus
    `shown` (bool) and `needed` (int) from the gate. Response counts are not results: a
    manager sees "2 so far" while a survey runs.

    `status` says whether the survey takes answers today: "open", or "closed" when it was
    closed by hand or its closing day has passed though nobody closed it yet (a scheduled
    close not run, a survey created with a closing day): `gates.still_collecting` on the one
    clock, so no chart or report says "N more needed" of a survey that takes no more
    answers. Raises the store's StoreError or StorageUnavailable when it cannot be read."""
    frame = shown_surveys(store.participation(scope))
    if frame.empty:
        return frame
    status = [
        "open"
        if stored == "open" and (s := store.survey(str(sid))) is not None and still_collecting(s)
        else "closed"
        for sid, stored in zip(frame["survey_id"], frame["status"], strict=True)
    ]
    return frame.assign(status=status)


def closed_survey_ids(store: Store, scope: Scope) -> list[str]:
    """The shown surveys in `scope` that take no more answers and were never reopened after
    closing: the only ones a view by role may use (`gates.by_role_shown`)."""
    ids = shown_survey_ids(store, scope)
    reopened = store.reopened_surveys()
    return [i for i in ids if (s := store.survey(i)) is not None and by_role_shown(s, reopened)]


def _category_cells(store: Store, scope: Scope) -> pd.DataFrame:
    return root_cause_cells(category_counts(store, shown_survey_ids(store, scope)))[0]


def _no_root_cause_cells(store: Store, scope: Scope) -> pd.DataFrame:
    return root_cause_cells(category_counts(store, shown_survey_ids(store, scope)))[1]


def _theme_cells(store: Store, scope: Scope) -> pd.DataFrame:
    return gated_cells(theme_counts(store, shown_survey_ids(store, scope)), "theme_id")


VIEWS: dict[str, Callable[[Store, Scope], Any]] = {
    "participation": gated_participation,
    "rating_trends": lambda store, scope: rating_trends(
        store.rating_totals(shown_survey_ids(store, scope))
    ),
    "role_breakdown": lambda store, scope: role_breakdown(
        store.role_rating_totals(closed_survey_ids(store, scope))
    ),
    "category_cells": _category_cells,
    "no_root_cause_cells": _no_root_cause_cells,
    "theme_cells": _theme_cells,
    "theme_recurrence": lambda store, scope: recurring(_theme_cells(store, scope), "theme_id"),
    "category_recurrence": lambda store, scope: recurring(
        _category_cells(store, scope), "category"
    ),
    "actions": lambda store, scope: with_topics(store.actions(scope, today()), theme_labels(store)),
    "action_effect": lambda store, scope: with_topics(
        action_effect(
            store.actions(scope, today()),
            _category_cells(store, scope),
            _theme_cells(store, scope),
            store.participation(scope),
        ),
        theme_labels(store),
    ),
    # The root-cause page's review cards (a full queue scan: cached like the charts, and
    # recomputed when a review is saved, since reviews change the data version).
    "review_queue": lambda store, scope: correction_queue(store, scope, limit=REVIEW_PAGE),
}
# Review cards shown at once on the root-cause page.
REVIEW_PAGE = 10


def theme_labels(store: Store) -> dict[int, str]:
    """Theme id -> the theme's current name, from the saved theme model."""
    catalogue = analysis_upkeep.theme_catalogue(store)
    return dict(zip(catalogue["theme_id"].astype(int), catalogue["theme_label"], strict=True))


def theme_label(theme_id: int, labels: dict[int, str]) -> str:
    """A theme's name, or "Theme N" for a theme that has none (any more)."""
    return labels.get(int(theme_id)) or f"Theme {int(theme_id)}"


def with_topics(frame: pd.DataFrame, labels: dict[int, str]) -> pd.DataFrame:
    """`frame` (with `category` and `theme_id`) plus `topic`: what an action was meant to fix,
    named by its root cause, else its theme, else "" (neither was given)."""
    topics = [
        category_label(c)
        if isinstance(c, str) and c
        else theme_label(int(t), labels)
        if pd.notna(t)
        else ""
        for c, t in zip(frame["category"], frame["theme_id"], strict=True)
    ]
    return frame.assign(topic=topics)


def add_action(
    store: Store,
    *,
    project: str,
    title: str,
    owner: str,
    due_on: date | None,
    category: str | None = None,
    theme_id: int | None = None,
    survey_id: str | None = None,
    quarter: str | None = None,
) -> str:
    """Record an action item for the project named `project`; returns its id. `quarter` is
    the quarter it was decided in (default: today's); `survey_id` the survey whose
    post-mortem decided it, if any.

    Raises ValueError for an unknown project, a missing title or owner, or a category that
    the taxonomy in effect does not have.
    """
    found = store.project_by_name(project)
    if found is None:
        raise ValueError(f"No project called {project!r}.")
    if category is not None and category not in category_ids():
        raise ValueError(f"Unknown root cause {category!r}.")
    return store.create_action(
        project_id=found.project_id,
        title=title,
        owner=owner,
        due_on=due_on,
        category=category,
        theme_id=None if theme_id is None else int(theme_id),
        quarter=quarter or quarter_of(today()),
        survey_id=survey_id,
    )


def compute_view(name: str, store: Store, scope: Scope) -> Any:
    """The view `name` (a key of `VIEWS`) for `scope`. Raises KeyError for an unknown name."""
    return VIEWS[name](store, scope)


# Distinct texts fetched per review-queue page: the SQL cut (identical texts grouped, ranked
# by the same rule) before near-identical texts are merged in pandas. Bounded, so a large
# backlog costs one short query; a near-identical variant ranked below it waits its turn.
REVIEW_CANDIDATES = 500


def correction_queue(store: Store, scope: Scope, limit: int = 10) -> pd.DataFrame:
    """Review cards: unreviewed analysed answers to confirm or correct, one card per group of
    near-identical answers (``analysis.text_normal.answer_key``), the ones whose review would
    teach most first (``analysis.root_causes.review_priority``). Only surveys the gate lets
    show quotes, and only their questions that may (`quoted_questions`), count (gate first,
    then limit, so a full page of work is never hidden behind rows that may not be shown);
    answers near-identical to one already reviewed are left
    out (the classifier already gives them the manager's category).

    A card names a category (suggested or runner-up) only where every survey of its answers
    shows that category in its own root-cause breakdown (`hidden_categories`), as the
    survey's results page names it beside an answer; else the card has no suggestion
    (category and second_category None, confidence NaN) and stays reviewable. Otherwise
    adding up the answers of the cards suggesting a category would rebuild a count the
    breakdown hides.

    Columns: card (stable id), text (shown once), answers (how many answers the card
    covers), members (their (response_id, question_id) pairs, for ``review_card``; never
    shown), category, confidence (0-1), second_category, priority, responses, threshold.
    """
    pairs = quoted_questions(store, scope)
    hidden = hidden_categories(store, sorted({s for s, _ in pairs}))
    parts, hidden_of = [], {}
    for hides, questions in _query_groups(pairs, hidden):
        part = store.correction_queue(questions, limit=max(REVIEW_CANDIDATES, limit))
        for members in part["members"]:
            hidden_of.update(((m["response_id"], m["question_id"]), hides) for m in members)
        parts.append(part)
    candidates = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    reviewed = store.category_corrections()["text"].tolist() if len(candidates) else []
    return _unnamed_where_hidden(review_cards(candidates, reviewed, limit=limit), hidden_of)


# Store queries per review-queue page at most: surveys that hide the same categories are
# asked together, each answer's hidden categories then known from the query it came back
# in. Measured on bench/out/scale_analysed.duckdb (2,400 surveys, 601 distinct hidden sets,
# two busy cores): one query per set took 63 s; with four queries the whole queue takes
# 2.2-3 s (about 0.5 s of it `hidden_categories`), where the one ungated query took 0.7-1.7 s.
REVIEW_QUERIES = 4


def _query_groups(
    pairs: Sequence[tuple[str, str]], hidden: Mapping[str, frozenset[str]]
) -> list[tuple[frozenset[str], list[tuple[str, str]]]]:
    """The quoted (survey_id, question_id) `pairs` split by the categories their survey
    hides, at most REVIEW_QUERIES groups: surveys hiding nothing first, then the largest
    groups; the rest are asked together and treated as hiding every category any of them
    hides (a suggestion fewer, never one more). At least one group, maybe empty."""
    groups: dict[frozenset[str], list[tuple[str, str]]] = {}
    for survey_id, question_id in pairs:
        groups.setdefault(hidden[survey_id], []).append((survey_id, question_id))
    ordered = sorted(groups.items(), key=lambda g: (bool(g[0]), -len(g[1]), sorted(g[0])))
    if len(ordered) > REVIEW_QUERIES:
        rest = ordered[REVIEW_QUERIES - 1 :]
        merged = frozenset().union(*(hides for hides, _ in rest))
        ordered = [*ordered[: REVIEW_QUERIES - 1], (merged, [p for _, ps in rest for p in ps])]
    return ordered or [(frozenset(), [])]


def _unnamed_where_hidden(
    cards: pd.DataFrame, hidden_of: Mapping[tuple[str, str], frozenset[str]]
) -> pd.DataFrame:
    """`cards` without the category (and confidence) or runner-up that a survey of one of
    the card's answers hides (`hidden_of`: (response_id, question_id) -> hidden categories;
    an answer missing from it hides every suggestion)."""
    if cards.empty:
        return cards
    cards = cards.copy()
    category, confidence, second = [], [], []
    rows = zip(
        cards["members"],
        cards["category"],
        cards["confidence"],
        cards["second_category"],
        strict=True,
    )
    for members, suggested, certainty, runner_up in rows:
        hides: set[str] | None = set()
        for m in members:
            found = hidden_of.get((str(m["response_id"]), str(m["question_id"])))
            if found is None:
                hides = None
                break
            hides |= found
        named = hides is not None and suggested not in hides
        category.append(suggested if named else None)
        confidence.append(certainty if named else float("nan"))
        second.append(runner_up if named and runner_up not in hides else None)
    return cards.assign(
        category=pd.Series(category, index=cards.index, dtype=object),
        confidence=pd.Series(confidence, index=cards.index, dtype="float64"),
        second_category=pd.Series(second, index=cards.index, dtype=object),
    )


def review_card(store: Store, members: Sequence[Mapping[str, str]], category: str) -> int:
    """Store a manager's category for every answer of a review card at once (one
    transaction), so they all leave the queue and count with it; the classifier learns it
    and gives it to future near-identical answers. Returns how many answers were stored."""
    pairs = [(m["response_id"], m["question_id"]) for m in members]
    return store.correct_categories(pairs, category)


def theme_quotes(store: Store, scope: Scope, theme_id: int, n: int = 3) -> tuple[list[str], int]:
    """Up to `n` representative quotes of a theme in `scope`, and the quote threshold that
    applies. Quotes come only from surveys large enough to show quotes on their own results
    page (`shown_survey_ids(..., quotes=True)`) whose own theme breakdown shows this theme
    (`hidden_themes`), and none when the theme's responses among those are below that
    threshold; a question those surveys' results pages do not quote (`quoted_questions`)
    gives none and counts for nothing. A survey that hides the theme neither gives quotes
    (its page names no theme beside them) nor counts towards the threshold (whether quotes
    show would tell its hidden count)."""
    pairs = quoted_questions(store, scope)
    hidden = hidden_themes(store, sorted({s for s, _ in pairs}))
    pairs = [(s, q) for s, q in pairs if int(theme_id) not in hidden[s]]
    texts = store.theme_texts(int(theme_id), pairs, limit=200)
    if texts.empty:
        return [], quote_threshold(_max_threshold(store, scope))
    responses, threshold = int(texts["responses"].iloc[0]), int(texts["threshold"].iloc[0])
    if not quotes_visibility(responses, threshold).visible:
        return [], quote_threshold(threshold)
    quotes = analysis_upkeep.representative_quotes(
        store, int(theme_id), texts["text"].tolist(), n=n
    )
    return visible_quotes(quotes, responses, threshold), quote_threshold(threshold)


def _max_threshold(store: Store, scope: Scope) -> int:
    participation = store.participation(scope)
    return int(participation["threshold"].max()) if len(participation) else 0
