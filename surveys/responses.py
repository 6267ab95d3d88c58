"""Validate a respondent's answers and store the response once (free text arrives already
redacted: the wiring layer redacts it before the respondent confirms)."""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from surveys.links import LinkState
from surveys.questionnaire import (
    LikertQuestion,
    MultipleChoiceQuestion,
    Questionnaire,
    RatingQuestion,
    SingleChoiceQuestion,
    TextQuestion,
    YesNoQuestion,
)
from surveys.setup import questionnaire_of
from surveys.store import AnswerRow, Store

YES, NO = "Yes", "No"
RECEIPT_BYTES = 16
# Control characters (except tab and newline) never reach storage: they cannot be shown,
# and the respondent confirms exactly what is stored.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Validation:
    answers: dict[str, Any]
    errors: dict[str, str]

    @property
    def ok(self) -> bool:
        return not self.errors


def clean_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text)
    # Lone surrogates cannot be encoded and would fail at storage time.
    text = text.encode("utf-8", "replace").decode("utf-8")
    return text.strip()


def validate(questionnaire: Questionnaire, raw: Mapping[str, Any]) -> Validation:
    """Normalise raw widget values; each missing required or out-of-range answer is an error."""
    answers: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for q in questionnaire.questions:
        value = raw.get(q.id)
        try:
            value = _normalise(q, value)
        except ValueError as exc:
            errors[q.id] = str(exc)
            continue
        if value is None:
            if q.required:
                errors[q.id] = "This question needs an answer."
            continue
        answers[q.id] = value
    return Validation(answers, errors)


def _normalise(q: Any, value: Any) -> Any:
    if value is None or value == "" or value == []:
        return None
    if isinstance(q, LikertQuestion | RatingQuestion):
        low, high = (1, 5) if isinstance(q, LikertQuestion) else (0, 10)
        if isinstance(value, str) and value in getattr(q, "labels", []):
            value = q.labels.index(value) + 1
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"Pick a value from {low} to {high}.")
        if not low <= value <= high or value != int(value):
            raise ValueError(f"Pick a value from {low} to {high}.")
        return int(value)
    if isinstance(q, SingleChoiceQuestion):
        if value not in q.options:
            raise ValueError("Pick one of the listed options.")
        return value
    if isinstance(q, MultipleChoiceQuestion):
        picked = [value] if isinstance(value, str) else list(value)
        if any(v not in q.options for v in picked):
            raise ValueError("Pick only from the listed options.")
        return sorted(set(picked), key=q.options.index) or None
    if isinstance(q, YesNoQuestion):
        if value not in (YES, NO):
            raise ValueError("Answer yes or no.")
        return value
    if isinstance(q, TextQuestion):
        if not isinstance(value, str):
            raise ValueError("Write your answer as text.")
        text = clean_text(value)
        if len(text) > q.max_length:
            raise ValueError(f"Keep this under {q.max_length} characters (now {len(text)}).")
        return text or None
    raise ValueError("Unsupported question.")


def answer_rows(questionnaire: Questionnaire, stored: Mapping[str, Any]) -> list[AnswerRow]:
    rows: list[AnswerRow] = []
    for q in questionnaire.questions:
        if q.id not in stored:
            continue
        value = stored[q.id]
        if isinstance(q, LikertQuestion | RatingQuestion):
            rows.append(AnswerRow(q.id, value_number=float(value)))
        elif isinstance(q, YesNoQuestion):
            rows.append(
                AnswerRow(q.id, value_number=1.0 if value == YES else 0.0, value_choice=value)
            )
        elif isinstance(q, SingleChoiceQuestion):
            rows.append(AnswerRow(q.id, value_choice=value))
        elif isinstance(q, MultipleChoiceQuestion):
            rows.extend(AnswerRow(q.id, value_choice=v) for v in value)
        elif isinstance(q, TextQuestion):
            rows.append(AnswerRow(q.id, value_text=value))
    return rows


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
