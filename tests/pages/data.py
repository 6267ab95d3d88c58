"""A small organisation's retrospectives, written for page tests (not the sample data)."""

from __future__ import annotations

import random
import uuid
from datetime import date

import pandas as pd

from surveys import setup
from surveys.store import Store

TEXTS = [
    "The CI pipeline was flaky and we re-ran builds all day",
    "builds on CI kept failing at random, lots of reruns",
    "The deadline was fixed before anyone estimated the work",
    "we overcommitted again, no buffer in the plan",
    "The client changed the requirements after sign-off",
    "late scope changes from the customer every sprint",
    "Alerts were so noisy that the real page got missed",
    "nobody was watching the queue depth, no dashboard",
    "The TLS certificate expired on the weekend",
    "a config change went out without review and broke login",
]
QUARTERS = [
    ("2026Q1", date(2026, 2, 10)),
    ("2026Q2", date(2026, 5, 12)),
    ("2026Q3", date(2026, 8, 11)),
]
PROJECTS = ["Atlas Portal", "Beacon App", "Comet Billing"]


ANSWER_COLUMNS = [
    "response_id",
    "survey_id",
    "question_id",
    "value_number",
    "value_text",
    "value_choice",
]


def bulk_rows(store: Store, response_rows: list[tuple], answer_rows: list[tuple]) -> None:
    """`Store.bulk_load` from plain tuples: (response_id, survey_id, submitted_on) per
    response and `ANSWER_COLUMNS` per answer."""
    store.bulk_load(
        pd.DataFrame(response_rows, columns=["response_id", "survey_id", "submitted_on"]),
        pd.DataFrame(answer_rows, columns=ANSWER_COLUMNS),
    )


def populate(store: Store, *, responses_per_survey: int = 8, seed: int = 3) -> dict[str, str]:
    """Surveys for 3 projects × 3 quarters, plus one survey below its threshold.

    Returns survey ids by "project quarter".
    """
    rng = random.Random(seed)
    ids: dict[str, str] = {}
    response_rows, answer_rows = [], []
    for project in PROJECTS:
        for quarter, day in QUARTERS:
            survey_id = setup.create_survey(
                store,
                project=project,
                template_id="project-postmortem",
                quarter=quarter,
                opens_on=day,
                closes_on=date(day.year, day.month, 28),
            )
            ids[f"{project} {quarter}"] = survey_id
            for i in range(responses_per_survey):
                response_id = str(uuid.uuid4())
                response_rows.append((response_id, survey_id, day))
                role = ["Team member", "Team member", "Manager", "Client"][i % 4]
                answer_rows += [
                    (response_id, survey_id, "role", None, None, role),
                    (response_id, survey_id, "goals_clear", float(rng.randint(2, 5)), None, None),
                    (
                        response_id,
                        survey_id,
                        "schedule_realistic",
                        float(rng.randint(1, 4)),
                        None,
                        None,
                    ),
                    (
                        response_id,
                        survey_id,
                        "schedule_detailed",
                        float(rng.randint(1, 5)),
                        None,
                        None,
                    ),
                    (response_id, survey_id, "communication", float(rng.randint(3, 9)), None, None),
                    (response_id, survey_id, "went_wrong", None, rng.choice(TEXTS), None),
                    (response_id, survey_id, "root_cause", None, rng.choice(TEXTS), None),
                ]
    small = setup.create_survey(
        store,
        project="Dusk Pilot",
        template_id="sprint-retro",
        quarter="2026Q3",
        opens_on=date(2026, 8, 1),
    )
    ids["Dusk Pilot 2026Q3"] = small
    for _ in range(2):  # below the default threshold of 3
        response_id = str(uuid.uuid4())
        response_rows.append((response_id, small, date(2026, 8, 2)))
        answer_rows.append((response_id, small, "sprint_rating", 1.0, None, None))
    bulk_rows(store, response_rows, answer_rows)
    project_id = store.project_by_name("Atlas Portal").project_id
    store.create_action(
        project_id=project_id,
        title="Quarantine flaky tests",
        owner="QA lead",
        quarter="2026Q1",
        due_on=date(2026, 3, 1),
        category="tech_debt_tooling",
    )
    done = store.create_action(
        project_id=project_id,
        title="Estimate with the whole team",
        owner="Delivery manager",
        quarter="2026Q1",
        due_on=date(2026, 3, 15),
        category="estimation_schedule",
    )
    store.set_action_status(done, "done")
    return ids
