"""One survey's results as a manager may see them now: released responses only, through
the anonymity gate. `survey_results` is behind `afterward results SURVEY_ID --json` (a public
contract); `survey_results_view` feeds the survey results page and `survey_texts` its
free-text browser.

The free-text browser's anonymity rule (why filtering and searching cannot single anyone out):

1. Nothing is listed until the survey's released responses reach the quote threshold
   (`analysis.anonymity.quotes_visibility`); a survey the gate hides lists nothing either.
2. The full list is fixed first: one row per question and near-identical answer
   (`analysis.text_normal.answer_key`), its count being every released answer with that key,
   and one category and theme per row (the most common among its answers; a category or
   theme the gate hides in the survey's breakdown is not named: None / -1).
3. Filters and the search only pick whole rows of that list by what the row itself shows
   (its wording, question, theme, category). A row's count never depends on the filter and
   no total of matches is given, so two filtered lists differ only by rows, with their
   counts, that the unfiltered list already shows to the same manager: no difference of two
   searches says more than the list itself. Nothing about who answered (role, day, response)
   can be filtered on.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from afterward.services import analysis_upkeep, publishing
from afterward.services.manager_views import theme_label, theme_labels
from analysis.anonymity import (
    Visibility,
    breakdown,
    quotes_visibility,
    shown_surveys,
    visibility,
)
from analysis.insights import gated_cells, root_cause_cells, shown
from analysis.no_root_cause import non_answer_mask
from analysis.text_normal import answer_key, normalise_text
from surveys.setup import questionnaire_of
from surveys.store import Scope, Store

TEXT_COLUMNS = ("text", "answers", "question_id", "theme_id", "category")
NO_THEME = -1


def survey_results(store: Store, survey_id: str) -> dict[str, Any]:
    """What a manager may see of one survey now, as plain data (JSON-ready).

    Keys: survey_id, threshold, released_responses (how many responses the results are
    computed from; 0 while nothing may be shown), waiting (responses not released yet),
    questions (list of id, kind, n, mean — None where not numeric or hidden — and
    distribution {value: count}), roles (role, n), categories (category, answers), themes
    (theme_id, label, answers). Between two calls either nothing shown changes or
    released_responses grows by at least the threshold.

    Raises ValueError for an unknown survey; the store's StoreError when the database cannot
    be read.
    """
    survey = store.survey(survey_id)
    if survey is None:
        raise ValueError(f"No survey with id {survey_id!r}.")
    publishing.publish_due(store)
    analysis_upkeep.ensure_current(store)
    survey_id = survey.survey_id
    participation = store.participation(Scope(projects=(survey.project_name,)))
    row = shown_surveys(participation[participation["survey_id"] == survey_id]).iloc[0]
    result: dict[str, Any] = {
        "survey_id": survey_id,
        "threshold": int(survey.anonymity_threshold),
        "released_responses": int(row["responses"]) if row["shown"] else 0,
        "waiting": int(row["waiting"]),
        "questions": [],
        "roles": [],
        "categories": [],
        "themes": [],
    }
    if not row["shown"]:
        return result
    threshold = int(survey.anonymity_threshold)
    questionnaire = questionnaire_of(survey)
    counts = store.answer_distribution(survey_id)
    for q in questionnaire.questions:
        result["questions"].append(_question(q, counts[counts["question_id"] == q.id], threshold))
    role = questionnaire.breakdown_question
    if role is not None:
        result["roles"] = _roles(counts[counts["question_id"] == role.id], threshold)
        # The stakeholder role is a breakdown: its counts are the gated roles, never raw.
        for entry in result["questions"]:
            if entry["id"] == role.id:
                entry["distribution"] = {r["role"]: r["n"] for r in result["roles"]}
    categories = shown(root_cause_cells(store.category_counts([survey_id]))[0])
    result["categories"] = [
        {"category": str(c), "answers": int(n)}
        for c, n in categories.groupby("category")["answers"].sum().sort_index().items()
    ]
    themes = shown(gated_cells(store.theme_counts([survey_id]), "theme_id"))
    labels = theme_labels(store) if len(themes) else {}
    result["themes"] = [
        {"theme_id": int(t), "label": theme_label(int(t), labels), "answers": int(n)}
        for t, n in themes.groupby("theme_id")["answers"].sum().sort_index().items()
    ]
    return result


def _question(q: Any, counts: pd.DataFrame, threshold: int) -> dict[str, Any]:
    answered = int(counts["answered"].iloc[0]) if len(counts) else 0
    entry: dict[str, Any] = {"id": q.id, "kind": q.kind, "n": answered, "mean": None}
    entry["distribution"] = {}
    if q.free_text or not visibility(answered, threshold).visible:
        return entry  # too few answered this question to show how
    entry["distribution"] = {
        str(v): int(n) for v, n in zip(counts["value"], counts["responses"], strict=True)
    }
    if q.scale is not None:
        values = counts["value"].astype(float)
        entry["mean"] = float((values * counts["responses"]).sum() / answered)
    return entry


def _roles(counts: pd.DataFrame, threshold: int) -> list[dict[str, Any]]:
    frame = counts.rename(columns={"value": "role"})[["role", "responses"]]
    gated = breakdown(frame, "role", threshold)
    gated = gated[~gated["suppressed"].astype(bool)]
    return [
        {"role": str(r), "n": int(n)}
        for r, n in zip(gated["role"], gated["responses"], strict=True)
    ]


# -- the free-text browser ----------------------------------------------------------------


def texts_visibility(store: Store, survey_id: str) -> Visibility:
    """Whether the survey's free text may be listed now: its released responses against the
    quote threshold (`analysis.anonymity.quotes_visibility`; `.message` says how many more
    are needed). Raises ValueError for an unknown survey."""
    survey = store.survey(survey_id)
    if survey is None:
        raise ValueError(f"No survey with id {survey_id!r}.")
    released = _released(store, survey)
    return quotes_visibility(released, int(survey.anonymity_threshold))


def survey_texts(
    store: Store,
    survey_id: str,
    *,
    question_id: str | None = None,
    theme_id: int | None = None,
    category: str | None = None,
    search: str = "",
) -> pd.DataFrame:
    """One survey's released free-text answers for browsing, identical answers once.

    Columns: text (one stored, redacted wording of the answer), answers (count of released
    answers to that question that are near-identical to it: the same after
    `analysis.text_normal.answer_key`), question_id, theme_id (int; -1 for none or a theme
    the gate hides in this survey), category (root-cause category id, "none" for no root
    cause; None when not analysed or hidden by the gate). Non-answers are left out.
    Ordered by answers descending, then text.

    `question_id`, `theme_id` and `category` keep the rows that show that value; `search`
    keeps rows whose wording contains it (case-insensitive) or whose normalised form
    contains its normalised form ("prioritise" finds "prioritize"). Filters pick whole rows
    and never change a row's count (the anonymity rule in the module docstring). Empty (with
    these columns) while the survey's released responses are below the quote threshold.
    Uses the free-text analysis as stored (the pages keep it current). Raises ValueError
    for an unknown survey; the store's StoreError or StorageUnavailable when the database
    cannot be read.
    """
    if not texts_visibility(store, survey_id).visible:
        return pd.DataFrame({c: [] for c in TEXT_COLUMNS}).astype(
            {"answers": "int64", "theme_id": "int64"}
        )
    rows = _text_rows(store, str(store.survey(survey_id).survey_id))
    keep = pd.Series(True, index=rows.index)
    if question_id is not None:
        keep &= rows["question_id"] == question_id
    if theme_id is not None:
        keep &= rows["theme_id"] == int(theme_id)
    if category is not None:
        keep &= rows["category"] == category
    needle = str(search or "").strip()
    if needle:
        wording = rows["text"].str.casefold().str.contains(needle.casefold(), regex=False)
        normal = normalise_text(needle)
        if normal:
            wording |= rows["_key"].str.contains(normal, regex=False)
        keep &= wording
    return rows.loc[keep, list(TEXT_COLUMNS)].reset_index(drop=True)


_TEXT_CACHE: dict[tuple[int, str], tuple[tuple, pd.DataFrame]] = {}
_TEXT_CACHE_SIZE = 16


def _text_rows(store: Store, survey_id: str) -> pd.DataFrame:
    """The full, gated list (`survey_texts` columns plus `_key`), cached per data version."""
    version = store.data_version()
    cached = _TEXT_CACHE.get((id(store), survey_id))
    if cached is not None and cached[0] == version:
        return cached[1]
    rows = _group_texts(store.survey_text_groups(survey_id))
    shown_categories, shown_themes = _shown_cells(store, survey_id)
    rows["category"] = rows["category"].where(rows["category"].isin(shown_categories), None)
    rows["theme_id"] = rows["theme_id"].where(rows["theme_id"].isin(shown_themes), NO_THEME)
    if len(_TEXT_CACHE) >= _TEXT_CACHE_SIZE:
        _TEXT_CACHE.pop(next(iter(_TEXT_CACHE)))
    _TEXT_CACHE[(id(store), survey_id)] = (version, rows)
    return rows


def _group_texts(groups: pd.DataFrame) -> pd.DataFrame:
    """Exact-text groups from the store merged into near-identical ones: one wording (the
    most common, then first in text order), summed counts, the most common category and
    theme (by answers; ties: smallest value)."""
    columns = [*TEXT_COLUMNS, "_key"]
    if groups.empty:
        return pd.DataFrame({c: [] for c in columns}).astype(
            {"answers": "int64", "theme_id": "int64"}
        )
    # Texts not analysed yet: the analysis's own rule says which say nothing.
    groups = groups[~pd.Series(non_answer_mask(groups["text"].tolist()), index=groups.index)]
    groups = groups.assign(
        _key=groups["text"].map(answer_key), answers=groups["answers"].astype("int64")
    )
    by = ["question_id", "_key"]
    ordered = groups.sort_values(["answers", "text"], ascending=[False, True], kind="stable")
    merged = ordered.groupby(by, sort=False).agg(text=("text", "first"), answers=("answers", "sum"))
    for column in ("category", "theme_id"):
        votes = groups.groupby([*by, column], dropna=False)["answers"].sum().reset_index()
        votes = votes.sort_values(
            [*by, "answers", column], ascending=[True, True, False, True], kind="stable"
        )
        merged[column] = votes.drop_duplicates(by).set_index(by)[column]
    merged = merged.reset_index()
    merged["theme_id"] = merged["theme_id"].fillna(NO_THEME).astype("int64")
    merged["category"] = merged["category"].astype(object).where(merged["category"].notna(), None)
    merged = merged.sort_values(["answers", "text"], ascending=[False, True], kind="stable")
    return merged[columns].reset_index(drop=True)


def _shown_cells(store: Store, survey_id: str) -> tuple[set[str], set[int]]:
    """The categories ("none" included) and themes the gate shows in this survey's
    breakdowns: only those may be named beside an answer or filtered on."""
    categories, no_root_cause = root_cause_cells(store.category_counts([survey_id]))
    named = set(shown(categories)["category"]) | set(shown(no_root_cause)["category"])
    themes = shown(gated_cells(store.theme_counts([survey_id]), "theme_id"))
    return {str(c) for c in named}, {int(t) for t in themes["theme_id"]}


def _released(store: Store, survey: Any) -> int:
    """Released responses of a survey the gate shows, else 0 (nothing may be drawn on)."""
    publishing.publish_due(store)
    participation = store.participation(Scope(projects=(survey.project_name,)))
    rows = shown_surveys(participation[participation["survey_id"] == str(survey.survey_id)])
    if rows.empty or not bool(rows["shown"].iloc[0]):
        return 0
    return int(rows["responses"].iloc[0])
