"""Setting surveys up: questionnaires, surveys, and the links handed out for them."""

from __future__ import annotations

import pandas as pd

from afterward.services import publishing
from afterward.settings import base_url
from clock import today
from surveys import links, setup
from surveys.links import OPEN_LINK_MIN_THRESHOLD, OPEN_LINK_WARNING
from surveys.questionnaire import BrokenQuestionnaire, Questionnaire, load_templates
from surveys.setup import DEFAULT_THRESHOLD, MAX_THRESHOLD, MIN_THRESHOLD, create_survey
from surveys.store import Store

# What the surveys page says where a manager makes a shareable link.
OPEN_LINK_NOTE = (
    f"{OPEN_LINK_WARNING} A shareable link needs an anonymity threshold of at least "
    f"{OPEN_LINK_MIN_THRESHOLD}. It stays the same until you replace it; replacing it stops "
    "the old one."
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "MAX_THRESHOLD",
    "MIN_THRESHOLD",
    "OPEN_LINK_MIN_THRESHOLD",
    "OPEN_LINK_NOTE",
    "OPEN_LINK_WARNING",
    "BrokenQuestionnaire",
    "Questionnaire",
    "create_survey",
    "invitation_links_csv",
    "invitation_use",
    "invitation_uses",
    "participation_note",
    "load_templates",
    "SURVEY_TABLE",
    "base_url",
    "new_open_link",
    "open_link",
    "ROTATE_WARNING",
    "release_note",
    "set_survey_open",
    "survey_list",
    "today",
]


# The surveys table: `Store.surveys_overview` column -> header a manager reads.
SURVEY_TABLE = {
    "survey_id": "id",
    "project": "project",
    "title": "title",
    "template_id": "questionnaire",
    "quarter": "quarter",
    "status": "status",
    "responses": "released",
    "waiting": "waiting for release",
    "invitations": "invitations",
    "invitations_used": "invitations used",
    "anonymity_threshold": "threshold",
}


# `afterward survey list --json` (a public contract): one object per survey, these keys.
SURVEY_LIST_KEYS = ("id", "project", "title", "quarter", "status", "responses", "waiting")


def survey_list(store: Store) -> list[dict]:
    """Every survey, newest first, as plain values: id (str), project, title, quarter
    ("2026Q3"), status ("open"/"closed"), responses (released, int), waiting (not released
    yet, int). Counts only; nothing about any response. Raises StoreError when the store is
    closed."""
    return survey_rows(store.surveys_overview())


def survey_rows(overview: pd.DataFrame) -> list[dict]:
    """`survey_list`'s rows from a `Store.surveys_overview()` frame already read."""
    table = overview.rename(columns={"survey_id": "id"})
    rows = table[list(SURVEY_LIST_KEYS)].to_dict("records")
    return [
        {k: int(v) if k in ("responses", "waiting") else str(v) for k, v in row.items()}
        for row in rows
    ]


def set_survey_open(store: Store, survey_id: str, is_open: bool) -> None:
    """Open or close a survey. Closing settles it: a waiting group that the gate lets
    through is released now; a smaller remainder is never shown; the invitation e-mail
    addresses kept for reminders are deleted. Reopening is always allowed, but a survey
    row-exported before may be row-exported again only once the quote threshold of new
    responses has been released (`exports.SMALL_DIFFERENCE`). Raises ValueError for an
    unknown survey."""
    if store.survey(survey_id) is None:
        raise ValueError(f"No survey with id {survey_id!r}.")
    store.set_survey_status(survey_id, "open" if is_open else "closed")
    if not is_open:
        store.delete_invited_addresses(survey_id)
    publishing.publish_due(store)


def invitation_use(invitations: int, used: int) -> float | None:
    """The one definition of a response rate: the share of invitations used (0-1), or None
    when none were sent. A used invitation is a response released or still waiting for
    release, so this share is never shown beside the released count alone:
    `participation_note` says both."""
    return used / invitations if invitations else None


def invitation_uses(invitations: pd.Series, used: pd.Series) -> pd.Series:
    """`invitation_use` per row of two count columns (float; NaN where none were sent),
    indexed like `invitations`."""
    shares = [invitation_use(int(i), int(u)) for i, u in zip(invitations, used, strict=True)]
    return pd.Series(shares, index=invitations.index, dtype=float)


def participation_note(responses: int, waiting: int, invitations: int, used: int) -> str:
    """What a survey's (or several surveys') counts mean, side by side, e.g. "8 of 8
    invitations used · 6 responses released, 2 waiting". Counts only: waiting responses are
    counted (a public count) but nothing of their content is read."""
    released = f"{responses} response{'' if responses == 1 else 's'} released"
    counts = f"{released}, {waiting} waiting" if waiting else released
    if not invitations:
        return f"No invitations sent · {counts}"
    return f"{used} of {invitations} invitations used · {counts}"


def release_note(waiting: int, threshold: int) -> str:
    """What a manager is told about responses not released yet."""
    if not waiting:
        return "Results are published in groups of at least the threshold; none waiting."
    return (
        f"{waiting} response(s) waiting for the next release: results are published only "
        f"in groups of at least {threshold}, so no one can be singled out over time."
    )


ROTATE_WARNING = (
    "The survey's old shareable link stops working now: anyone who opens it is told the link "
    "cannot be used. Hand out the new one."
)


def open_link(store: Store, survey_id: str, base: str | None = None) -> str | None:
    """The survey's shareable link now in use (full URL on `base`, default the base URL), or
    None when it has none, or only one made before links were kept (rotate to see one).
    Raises ValueError for an unknown survey."""
    _survey(store, survey_id)
    token = links.current_open_link(store, survey_id)
    return links.link_url(base or base_url(), token) if token else None


def new_open_link(store: Store, survey_id: str, base: str | None = None) -> str:
    """A new shareable link (full URL on `base`, default the base URL) for the survey;
    the previous open link stops working (ROTATE_WARNING).

    Anyone with it can answer, once per browser, but again from another browser or device
    (OPEN_LINK_WARNING). Raises ValueError for an
    unknown survey or one whose threshold is below OPEN_LINK_MIN_THRESHOLD (5): nothing changes.
    """
    _survey(store, survey_id)  # an unknown survey: the service's message
    return links.link_url(base or base_url(), links.issue_open_link(store, survey_id))


def new_invitation_links(
    store: Store, survey_id: str, count: int, base: str | None = None
) -> list[str]:
    """`count` new single-use links (full URLs on `base`, default AFTERWARD_BASE_URL). Only
    their hashes are stored, so this is the one copy. Raises ValueError for an unknown
    survey or a count outside 1-10,000."""
    _survey(store, survey_id)
    base = base or base_url()
    return [links.link_url(base, t) for t in links.issue_invitations(store, survey_id, count)]


def invitation_links_csv(store: Store, survey_id: str, count: int, base: str | None = None) -> str:
    """`count` new single-use links as CSV text (`setup.invitations_csv`) on `base` (default
    the base URL). Raises ValueError like `new_invitation_links`."""
    _survey(store, survey_id)
    tokens = links.issue_invitations(store, survey_id, count)
    return setup.invitations_csv(base or base_url(), tokens)


def _survey(store: Store, survey_id: str):
    survey = store.survey(survey_id)
    if survey is None:
        raise ValueError(f"No survey with id {survey_id!r}.")
    return survey
