"""Setting up retrospectives: a survey from a template for one project and one period."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from clock import check_quarter, quarter_of, today
from surveys.links import link_url
from surveys.questionnaire import Questionnaire, load_templates
from surveys.store import Store, Survey
from surveys.store.records import MIN_THRESHOLD
from surveys.text_limits import MAX_SURVEY_TITLE, check_length

DEFAULT_THRESHOLD = 3
MAX_THRESHOLD = 100


def create_survey(
    store: Store,
    *,
    project: str,
    template_id: str,
    title: str | None = None,
    quarter: str | None = None,
    threshold: int = DEFAULT_THRESHOLD,
    opens_on: date | None = None,
    closes_on: date | None = None,
    templates: dict[str, Questionnaire] | None = None,
) -> str:
    """Create the survey (and the project when new); returns the survey id (a uuid4 str).

    `project` names an existing project in any case and spacing (" review PROJ " is
    "Review proj": the stored spelling is kept, `Store.project_by_name`); a new project is
    created with its name trimmed and inner whitespace collapsed.

    `threshold` is the anonymity threshold in responses (MIN_THRESHOLD-MAX_THRESHOLD, 3-100);
    `quarter` defaults to the quarter `opens_on` falls in, and `opens_on` to today
    (AFTERWARD_TIMEZONE). Raises ValueError for an unknown template, a threshold outside 3-100, a
    survey closing before it opens, a blank project name, a project name over MAX_PROJECT_NAME
    (80) or a title over MAX_SURVEY_TITLE (120) characters, or a quarter not like "2026Q3"
    (ClockError, a ValueError); nothing is stored then. Raises StoreError when the store is
    closed, StorageUnavailable when the database cannot be read or written.
    """
    templates = templates if templates is not None else load_templates()[0]
    if template_id not in templates:
        known = ", ".join(sorted(templates)) or "none"
        raise ValueError(f"Unknown template {template_id!r}. Known templates: {known}.")
    if not MIN_THRESHOLD <= threshold <= MAX_THRESHOLD:
        raise ValueError(
            f"The anonymity threshold must be at least {MIN_THRESHOLD} responses (and at most "
            f"{MAX_THRESHOLD}): with fewer, one person's answers could be read on their own."
        )
    opens_on = opens_on or today()
    if closes_on is not None and closes_on < opens_on:
        raise ValueError("A survey cannot close before it opens.")
    quarter = check_quarter(quarter) if quarter else quarter_of(opens_on)
    questionnaire = templates[template_id]
    if title and title.strip():
        check_length(title, MAX_SURVEY_TITLE, "survey title")
    existing = store.project_by_name(project)
    project_row = existing or store.create_project(project)  # checks the name's length
    return store.create_survey(
        project_id=project_row.project_id,
        template_id=template_id,
        questionnaire_json=questionnaire.model_dump_json(),
        title=(title or "").strip() or f"{questionnaire.title}: {project_row.name}",
        quarter=quarter,
        opens_on=opens_on,
        closes_on=closes_on,
        anonymity_threshold=threshold,
        questions=[
            (q.id, q.kind, q.prompt, getattr(q, "breakdown", False))
            for q in questionnaire.questions
        ],
    )


def questionnaire_of(survey: Survey) -> Questionnaire:
    """The questionnaire frozen into the survey when it was created (parsed once, cached).

    Raises pydantic.ValidationError only if the stored JSON no longer fits the model.
    """
    return _parsed(survey.questionnaire_json)


@lru_cache(maxsize=64)
def _parsed(questionnaire_json: str) -> Questionnaire:
    # A survey's questionnaire never changes once created: parse each one once.
    return Questionnaire.model_validate_json(questionnaire_json)


def invitations_csv(base_url: str, tokens: Sequence[str]) -> str:
    """One single-use link per row, ready for a mail merge (no names: pair them yourself).

    CSV text with one column, invitation_link, and a header row. Raises nothing.
    """
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["invitation_link"])
    writer.writerows([link_url(base_url, token)] for token in tokens)
    return out.getvalue()
