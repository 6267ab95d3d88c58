"""Survey links: random tokens handed out once, stored only as hashes.

A used invitation opens like an unused one (only submitting through it is refused), so whoever
holds the invitation list cannot tell who has answered. Unknown tokens are "unavailable".
Open (shareable) links can be used any number of times, so they need a higher threshold.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from urllib.parse import urlencode

from surveys.store import Store, Survey

TOKEN_BYTES = 32  # 256 bits; the issue asks for at least 128
TOKEN_PARAM = "t"
_NO_SURVEY = "00000000-0000-4000-8000-000000000000"
# Anyone holding an open link can answer again and again: stuffing a survey with made-up answers
# pushes it over a small threshold and leaves one real person's answers readable off the means.
OPEN_LINK_MIN_THRESHOLD = 5
OPEN_LINK_WARNING = (
    "Anyone with the link can answer. Each browser answers once, but one person can still "
    "answer more than once from another browser or device, so answers through it can be made "
    "up to fill a group. Single-use invitation links are the recommended way: each works once."
)


def new_token() -> str:
    """A fresh random token: TOKEN_BYTES (32) random bytes, urlsafe base64 (43 characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """The SHA-256 of `token` as 64 hex characters: the only form a token is stored in."""
    # Tokens carry 256 random bits, so a plain SHA-256 cannot be reversed by guessing.
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def link_url(base_url: str, token: str) -> str:
    """The respondent's URL: `base_url` with the token as the `t` query parameter."""
    return f"{base_url.rstrip('/')}/?{urlencode({TOKEN_PARAM: token})}"


def issue_open_link(store: Store, survey_id: str) -> str:
    """A new shareable link for the survey; the previous open link stops working.

    Returns the token (kept, so `current_open_link` can show it again). The open-link rule
    is kept here, where every shareable link is made: raises ValueError for an unknown survey
    or one whose threshold is below OPEN_LINK_MIN_THRESHOLD (`check_open_link`; nothing
    changes). Raises StoreError when the store is closed, StorageUnavailable when the
    database cannot be read or written.
    """
    survey = store.survey(survey_id)
    if survey is None:
        raise ValueError(f"No survey with id {survey_id!r}.")
    check_open_link(survey)
    token = new_token()
    store.replace_open_link(survey_id, token_hash(token), token)
    return token


def current_open_link(store: Store, survey_id: str) -> str | None:
    """The survey's shareable link token now in use, or None when it has none to show.

    Raises StoreError when the store is closed, StorageUnavailable when the database cannot be
    read or written.
    """
    return store.open_link_token(survey_id)


def check_open_link(survey: Survey) -> None:
    """Refuse an open link for a survey whose threshold is below OPEN_LINK_MIN_THRESHOLD (5).

    Raises ValueError naming the minimum and the alternative (invitation links).
    """
    if survey.anonymity_threshold < OPEN_LINK_MIN_THRESHOLD:
        raise ValueError(
            f"An open link needs an anonymity threshold of at least {OPEN_LINK_MIN_THRESHOLD} "
            f"(this survey's is {survey.anonymity_threshold}): anyone with the link can "
            "answer, once per browser but again from another browser or device. Hand out "
            "single-use invitation links instead, or create the survey with a threshold of "
            f"{OPEN_LINK_MIN_THRESHOLD} or more."
        )


def check_invitation_count(count: int) -> None:
    """Refuse a number of invitation links outside 1-10,000 (ValueError)."""
    if not 1 <= count <= 10_000:
        raise ValueError("Ask for between 1 and 10,000 invitation links.")


def issue_invitations(store: Store, survey_id: str, count: int) -> list[str]:
    """`count` new single-use invitation tokens for the survey (stored only as hashes).

    Raises ValueError unless 1 <= count <= 10,000 (`check_invitation_count`). Raises
    StoreError when the store is closed, StorageUnavailable when the database cannot be read
    or written.
    """
    check_invitation_count(count)
    tokens = [new_token() for _ in range(count)]
    store.add_invitations(survey_id, [token_hash(t) for t in tokens])
    return tokens


@dataclass(frozen=True)
class LinkState:
    """What a visitor's token allows. `status` is 'ok', 'unavailable', 'closed' or 'not_yet'."""

    status: str
    survey: Survey | None = None
    invitation_hash: str | None = None


def resolve(store: Store, token: str | None) -> LinkState:
    """What `token` lets its holder do; unknown and missing tokens get "unavailable".

    A used invitation resolves exactly like an unused one ("ok", or "closed" / "not_yet" with the
    survey), so opening links tells nobody which were used; the store refuses a second response
    through it at submit (LinkUnavailable). The same lookups run whatever the token; a link
    once found stays in memory (`Store.link_target`), which only the token's holder can
    notice, and says nothing about use. Raises StoreError when the store is closed, StorageUnavailable
    when the database cannot be read or written.
    """
    # Always hash and look up, even for malformed tokens, so timing does not tell them apart.
    hashed = token_hash(token or "")
    # Whether an invitation was used is deliberately not read: a used invitation must look
    # like an unused one (the store refuses a second response at submit).
    match = store.link_target(hashed)
    # Look a survey up either way, so known and unknown tokens take the same path.
    survey = store.survey(match[0] if match else _NO_SURVEY)
    if match is None or survey is None:
        return LinkState("unavailable")
    if not survey.is_open():
        status = "not_yet" if survey.status == "open" and not _started(survey) else "closed"
        return LinkState(status, survey)
    invitation = hashed if match[1] == "invitation" else None
    return LinkState("ok", survey, invitation)


def _started(survey: Survey) -> bool:
    from clock import today

    return today() >= survey.opens_on
