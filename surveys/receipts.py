"""Respondent receipts: the code shown once after submitting opens that response, nothing else."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from surveys.responses import receipt_hash
from surveys.setup import questionnaire_of
from surveys.store import Store


@dataclass(frozen=True)
class StoredResponse:
    submitted_on: date
    answers: list[tuple[Any, Any]]  # (question, value) in questionnaire order


def stored_response(store: Store, code: str) -> StoredResponse | None:
    """What was stored for the response `code` opens, each answer rebuilt by its question
    (`BaseQuestion.value_from_rows`); None for an empty or unknown code. Raises the store's
    StoreError (StorageUnavailable on an I/O error)."""
    if not code or not code.strip():
        return None
    found = store.receipt(receipt_hash(code))
    if found is None:
        return None
    submitted_on, survey_id, rows = found
    survey = store.survey(survey_id)
    questionnaire = questionnaire_of(survey)
    answers: list[tuple[Any, Any]] = []
    for q in questionnaire.questions:
        mine = rows[rows["question_id"] == q.id]
        if mine.empty:
            continue
        answers.append((q, q.value_from_rows(mine)))
    return StoredResponse(submitted_on, answers)
