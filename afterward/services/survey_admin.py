"""Setting surveys up: questionnaires, surveys, and the links handed out for them."""

from __future__ import annotations

from afterward.settings import base_url
from clock import today
from surveys import links, setup
from surveys.questionnaire import BrokenQuestionnaire, Questionnaire, load_templates
from surveys.setup import DEFAULT_THRESHOLD, create_survey
from surveys.store import Store

__all__ = [
    "DEFAULT_THRESHOLD",
    "BrokenQuestionnaire",
    "Questionnaire",
    "create_survey",
    "invitation_links_csv",
    "load_templates",
    "new_open_link",
    "today",
]


def new_open_link(store: Store, survey_id: str) -> str:
    """A new shareable link (full URL) for the survey; the previous open link stops working."""
    return links.link_url(base_url(), links.issue_open_link(store, survey_id))


def invitation_links_csv(store: Store, survey_id: str, count: int) -> str:
    """`count` new single-use links as CSV text (one `link` column). Only their hashes are
    stored, so this text is the one copy. Raises ValueError outside 1-10,000."""
    return setup.invitations_csv(base_url(), links.issue_invitations(store, survey_id, count))
