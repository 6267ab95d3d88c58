"""Validate a respondent's answers and store the response once (free text arrives already
redacted: the wiring layer redacts it before the respondent confirms)."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from surveys.links import LinkState
from surveys.questionnaire import AnswerRow, Questionnaire, clean_text
from surveys.setup import questionnaire_of
from surveys.store import Store

__all__ = [
    "RECEIPT_BYTES",
    "Validation",
    "answer_rows",
    "clean_text",
    "new_receipt_code",
    "receipt_hash",
    "submit",
    "validate",
]

RECEIPT_BYTES = 16


@dataclass(frozen=True)
class Validation:
    answers: dict[str, Any]
    errors: dict[str, str]

    @property
    def ok(self) -> bool:
        return not self.errors


def validate(questionnaire: Questionnaire, raw: Mapping[str, Any]) -> Validation:
    """Normalise raw widget values (`BaseQuestion.normalise`); each missing required or
    unusable answer is an error message for the respondent, keyed by question id. Raises
    nothing: a ValueError from a question becomes that question's message."""
    answers: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for q in questionnaire.questions:
        try:
            value = q.normalise(raw.get(q.id))
        except ValueError as exc:
            errors[q.id] = str(exc)
            continue
        if value is None:
            if q.required:
                errors[q.id] = "This question needs an answer."
            continue
        answers[q.id] = value
    return Validation(answers, errors)


def answer_rows(questionnaire: Questionnaire, stored: Mapping[str, Any]) -> list[AnswerRow]:
    """The typed rows that store the validated answers `stored` (questions without an answer
    get no row), in questionnaire order. Raises nothing for answers `validate` returned."""
    return [
        row
        for q in questionnaire.questions
        if q.id in stored
        for row in q.answer_rows(stored[q.id])
    ]


def receipt_hash(code: str) -> str:
    return hashlib.sha256(code.strip().encode("utf-8", "replace")).hexdigest()


def new_receipt_code() -> str:
    return secrets.token_urlsafe(RECEIPT_BYTES)


def submit(store: Store, link: LinkState, stored: Mapping[str, Any]) -> str:
    """Store the already-redacted answers; returns the receipt code (shown once, kept as hash).

    Raises the store's LinkUnavailable / SurveyNotOpen / StorageUnavailable.
    """
    if link.survey is None:
        raise ValueError("submit needs a resolved link")
    questionnaire = questionnaire_of(link.survey)
    code = new_receipt_code()
    store.record_response(
        link.survey.survey_id,
        answer_rows(questionnaire, stored),
        invitation_hash=link.invitation_hash,
        receipt_hash=receipt_hash(code),
    )
    return code
