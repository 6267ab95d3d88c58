"""The respondent's path: open a link, check the answers, show exactly what will be stored
(redacted), nudge towards blameless wording, store the response once, and look up a
receipt. Pages call only this module for it."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from analysis.blame import blame_phrases
from analysis.redaction import redact
from surveys import links, receipts, responses
from surveys.links import TOKEN_PARAM, LinkState
from surveys.questionnaire import Questionnaire
from surveys.receipts import StoredResponse
from surveys.responses import Validation
from surveys.setup import questionnaire_of
from surveys.store import LinkUnavailable, StorageUnavailable, Store, SurveyNotOpen

__all__ = [
    "TOKEN_PARAM",
    "LinkState",
    "LinkUnavailable",
    "StorageUnavailable",
    "StoredResponse",
    "SurveyNotOpen",
    "answered_cookie",
    "answered_here",
    "answered_marker",
    "blame_nudges",
    "open_link",
    "questionnaire_of",
    "roster_of",
    "stored_form",
    "stored_response",
    "submit",
    "validate",
]


def open_link(store: Store, token: str | None) -> LinkState:
    """What a visitor's token allows (`LinkState.status`: ok, unavailable, closed, not_yet)."""
    return links.resolve(store, token)


# Open links: one answer per browser. After answering through an open link the respondent's
# own browser keeps a marker cookie for that survey (set with the receipt page by
# `afterward.web.respondent_pages`); nothing of it is stored, least of all beside the answer.
ANSWERED_COOKIE_PREFIX = "afterward_answered_"


def answered_marker(survey_id: str) -> str:
    """The survey's marker (20 hex characters): what the browser's cookie is named after."""
    return hashlib.sha256(f"afterward-answered:{survey_id}".encode()).hexdigest()[:20]


def answered_cookie(marker: str) -> str:
    """The cookie name a marker is kept under in the respondent's browser."""
    return ANSWERED_COOKIE_PREFIX + marker


def answered_here(link: LinkState, cookies: Mapping[str, str]) -> bool:
    """Whether this browser already answered the survey through an open link (invitation
    links are single-use anyway and never look at the marker)."""
    if link.status != "ok" or link.survey is None or link.invitation_hash is not None:
        return False
    return cookies.get(answered_cookie(answered_marker(link.survey.survey_id))) == "1"


def roster_of(store: Store, link: LinkState) -> tuple[str, ...]:
    """The project's team roster: names that redaction always replaces."""
    if link.survey is None:
        return ()
    return store.project(link.survey.project_id).roster


def validate(questionnaire: Questionnaire, raw: Mapping[str, Any]) -> Validation:
    """Normalised answers and one error message per question that needs attention."""
    return responses.validate(questionnaire, raw)


def stored_form(
    questionnaire: Questionnaire, answers: Mapping[str, Any], roster: Sequence[str] = ()
) -> dict[str, Any]:
    """Exactly what will be stored: free text redacted (`analysis.redact`, the roster's names
    always), every other answer as given. Keys are question ids."""
    return {
        q.id: redact(answers[q.id], roster) if q.free_text else answers[q.id]
        for q in questionnaire.questions
        if q.id in answers
    }


def blame_nudges(questionnaire: Questionnaire, stored: Mapping[str, Any]) -> set[str]:
    """Ids of the free-text answers that seem to blame a person (`analysis.blame_phrases`)."""
    return {
        q.id
        for q in questionnaire.questions
        if q.free_text and q.id in stored and blame_phrases(str(stored[q.id]))
    }


def submit(store: Store, link: LinkState, stored: Mapping[str, Any]) -> str:
    """Store the confirmed answers once; returns the receipt code (shown once, kept as hash).

    The response waits with the survey's other unreleased ones; when the group is large
    enough the survey's results are released (by the store's writer, on the gate's rule:
    `publishing.open_store`). Raises LinkUnavailable, SurveyNotOpen or StorageUnavailable
    (nothing stored then).
    """
    return responses.submit(store, link, stored)


def stored_response(store: Store, code: str) -> StoredResponse | None:
    """What was stored for the response a receipt code opens (None for an unknown code)."""
    return receipts.stored_response(store, code)
