"""What the store hands out: errors in domain words and small frozen records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clock import today
from surveys.questionnaire import AnswerRow as AnswerRow  # its kinds own its shape


class StoreError(Exception):
    """Base for every failure the store reports in domain words."""


class DatabaseLocked(StoreError):
    """Another process holds the DuckDB file."""


class StorageUnavailable(StoreError):
    """The database could not be written (disk full, read-only, I/O error)."""


class LinkUnavailable(StoreError):
    """The link is unknown or already used (deliberately one error for both)."""


class SurveyNotOpen(StoreError):
    """The survey is closed or outside its dates."""


# The smallest anonymity threshold a survey may have (responses): below it one person's answers
# could be read on their own. The one definition; surveys.setup and the pages re-export it.
MIN_THRESHOLD = 3

# Per survey, as counts: responses released, responses waiting for release, invitations
# sent and used. One definition for every query that reports a survey's progress.
SURVEY_PROGRESS = """
    SELECT s.survey_id,
           coalesce(r.responses, 0) AS responses,
           coalesce(w.waiting, 0) AS waiting,
           coalesce(l.invitations, 0) AS invitations,
           coalesce(l.invitations_used, 0) AS invitations_used
    FROM surveys s
    LEFT JOIN (SELECT survey_id, count(*) AS responses FROM responses GROUP BY survey_id) r
        USING (survey_id)
    LEFT JOIN (SELECT survey_id, count(*) AS waiting FROM pending_responses GROUP BY survey_id) w
        USING (survey_id)
    LEFT JOIN (SELECT survey_id, count(*) AS invitations,
                      count(*) FILTER (WHERE used) AS invitations_used
               FROM links WHERE kind = 'invitation' GROUP BY survey_id) l
        USING (survey_id)"""


# Action-item statuses: the one definition (labels in display order). Open statuses count
# toward "overdue"; "not doing" is a decision (with a reason), left out of completion rates.
ACTION_STATUSES: dict[str, str] = {
    "open": "Open",
    "in_progress": "In progress",
    "done": "Done",
    "not_doing": "Not doing",
}
OPEN_ACTION_STATUSES: tuple[str, ...] = ("open", "in_progress")
DONE_STATUS = "done"
NOT_DOING_STATUS = "not_doing"

# Post-mortem statuses: the one definition (labels in the order a post-mortem moves through).
POSTMORTEM_STATUSES: dict[str, str] = {
    "draft": "Draft",
    "in_review": "In review",
    "published": "Published",
}


@dataclass(frozen=True)
class Project:
    """A project; `roster` holds member names, kept only to redact them from answers."""

    project_id: str
    name: str
    roster: tuple[str, ...]
    is_sample: bool


@dataclass(frozen=True)
class Survey:
    """One survey: dates are datetime.date, `anonymity_threshold` a number of responses."""

    survey_id: str
    project_id: str
    project_name: str
    template_id: str
    questionnaire_json: str
    title: str
    quarter: str
    opens_on: date
    closes_on: date | None
    status: str
    anonymity_threshold: int

    def is_open(self, on: date | None = None) -> bool:
        """Whether the survey takes answers on `on` (default today): open and within its dates.

        Raises nothing.
        """
        on = on or today()
        if self.status != "open" or on < self.opens_on:
            return False
        return self.closes_on is None or on <= self.closes_on


@dataclass(frozen=True)
class LinkMatch:
    """What a token hash points at: its survey, "open" or "invitation", and whether used."""

    survey_id: str
    kind: str
    used: bool


@dataclass(frozen=True)
class Scope:
    """Which surveys a manager view covers. Empty tuples mean "all"."""

    quarter_from: str | None = None
    quarter_to: str | None = None
    projects: tuple[str, ...] = ()
    templates: tuple[str, ...] = ()

    def params(self) -> list[object]:
        """The scope as the 8 bound parameters the store's scoped queries expect, in order.

        Raises nothing.
        """
        return [
            self.quarter_from, self.quarter_from,
            self.quarter_to, self.quarter_to,
            list(self.projects), list(self.projects),
            list(self.templates), list(self.templates),
        ]  # fmt: skip
