"""One survey's results as a manager may see them now: released responses only, through
the anonymity gate. Behind `afterward results SURVEY_ID --json` (a public contract)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from afterward.services import analysis_upkeep, publishing
from afterward.services.manager_views import theme_label, theme_labels
from analysis.anonymity import breakdown, shown_surveys, visibility
from analysis.insights import gated_cells, root_cause_cells, shown
from surveys.setup import questionnaire_of
from surveys.store import Scope, Store


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
