"""A curious manager subtracts one survey's results page from a view of several surveys.

Each survey's page hides what fewer than its threshold gave (a question few answered, a
small root-cause or theme cell, quotes below the quote threshold). A view over a project
and quarter adds surveys up; if it added up what a page hides, "view minus the other
survey's page" would give the hidden cell back. These tests try exactly that.
"""

from __future__ import annotations

import pandas as pd
import pytest

from afterward.services import analysis_upkeep, publishing, responding
from afterward.services.importing import plan_import, run_import
from afterward.services.manager_views import compute_view, theme_quotes
from analysis.insights import gated_cells, rating_trends, root_cause_cells
from surveys import links, responses, setup
from surveys.questionnaire import NUMERIC_KINDS
from surveys.setup import questionnaire_of
from surveys.store import Scope, Store

PROJECT, QUARTER = "Orchard web shop", "2026Q1"
HEADER = "goals_clear,schedule_realistic,schedule_detailed,communication,root_cause\n"


def _import(store: Store, rows: list[str]) -> str:
    plan = plan_import(
        store,
        (HEADER + "\n".join(rows) + "\n").encode(),
        "answers.csv",
        project=PROJECT,
        template_id="project-postmortem",
        quarter=QUARTER,
    )
    return run_import(store, plan)


def _answer(store: Store, survey_id: str, text: str) -> None:
    survey = store.survey(survey_id)
    questionnaire = questionnaire_of(survey)
    base = {"goals_clear": 4, "schedule_realistic": 3, "schedule_detailed": 3, "communication": 6}
    checked = responses.validate(questionnaire, base | {"went_wrong": text})
    assert checked.ok, checked.errors
    stored = responding.stored_form(questionnaire, checked.answers)
    responses.submit(store, links.LinkState("ok", survey), stored)


def test_a_rating_few_answered_in_one_survey_is_in_no_sum(store):
    """Six answer "communication" with 5 in one survey; in the other only two of four
    answer it, both 9. The second survey's page hides it; no trend may carry those 9s."""
    _import(store, ["4,3,3,5,"] * 6)
    hidden = _import(store, ["4,3,3,9,", "4,3,3,9,", "4,3,3,,", "4,3,3,,"])
    assert store.survey(hidden).anonymity_threshold == 3
    trends = compute_view("rating_trends", store, Scope(projects=(PROJECT,)))
    communication = trends[(trends["question_id"] == "communication") & ~trends["suppressed"]]
    assert len(communication) > 0
    assert (communication["responses"] == 6).all(), communication
    assert (communication["mean"] == 5.0).all(), communication


def test_rating_rows_per_survey_sum_only_what_each_page_shows(store):
    _import(store, ["4,3,3,5,"] * 6)
    _import(store, ["4,3,3,9,", "4,3,3,,", "4,3,3,,"])
    ids = [str(s) for s in store.participation(Scope())["survey_id"]]
    totals = store.rating_totals(ids)
    assert set(totals["kind"]) <= set(NUMERIC_KINDS)
    assert totals["survey_id"].nunique() == 2  # per survey, so the gate can drop one
    overall = rating_trends(totals)
    assert not ((overall["question_id"] == "communication") & (overall["responses"] == 7)).any()


@pytest.fixture
def two_surveys(store):
    """A survey of six about missing tests, and a survey of three of which one says the
    same: on its own page the lone answer's cell is hidden."""
    big = setup.create_survey(
        store, project=PROJECT, template_id="project-postmortem", quarter=QUARTER
    )
    small = setup.create_survey(
        store, project=PROJECT, template_id="project-postmortem", quarter=QUARTER
    )
    for i in range(6):
        _answer(store, big, f"There were no automated tests for the retry path, so bug {i} shipped")
    _answer(store, small, "There were no automated tests for the retry path, so bug 9 shipped")
    _answer(store, small, "The venue was lovely and the coffee was good")
    _answer(store, small, "Nothing to add")
    publishing.publish_due(store)  # as before every manager view: groups are released
    analysis_upkeep.refresh_analysis(store)
    return big, small


def test_category_cells_of_a_project_add_up_only_cells_each_survey_shows(store, two_surveys):
    per_survey = []
    for survey_id in two_surveys:
        categories = root_cause_cells(store.category_counts([survey_id]))[0]
        per_survey.append(categories.set_index("category")["answers"].fillna(0))
    expected = pd.concat(per_survey, axis=1).fillna(0).sum(axis=1)
    view = compute_view("category_cells", store, Scope(projects=(PROJECT,)))
    shown = view[~view["suppressed"]].set_index("category")["answers"]
    assert len(shown) > 0
    for category, answers in shown.items():
        assert answers == expected[category], (category, answers, expected.to_dict())


def test_theme_cells_of_a_project_add_up_only_cells_each_survey_shows(store, two_surveys):
    per_survey = []
    for survey_id in two_surveys:
        themes = gated_cells(store.theme_counts([survey_id]), "theme_id")
        per_survey.append(themes.set_index("theme_id")["answers"].fillna(0))
    expected = pd.concat(per_survey, axis=1).fillna(0).sum(axis=1)
    view = compute_view("theme_cells", store, Scope(projects=(PROJECT,)))
    shown = view[~view["suppressed"]].set_index("theme_id")["answers"]
    assert len(shown) > 0
    for theme_id, answers in shown.items():
        assert answers == expected[theme_id], (theme_id, answers, expected.to_dict())


def test_theme_quotes_never_come_from_a_survey_below_its_quote_threshold(store, two_surveys):
    big, small = two_surveys
    small_texts = set(
        store.table_rows("answers").query("survey_id == @small")["value_text"].dropna()
    )
    view = compute_view("theme_cells", store, Scope(projects=(PROJECT,)))
    quoted = []
    for theme_id in view.loc[~view["suppressed"], "theme_id"]:
        quotes, _ = theme_quotes(store, Scope(projects=(PROJECT,)), int(theme_id), n=10)
        quoted += quotes
    assert quoted, "the big survey's theme should be quotable"
    assert not set(quoted) & small_texts, set(quoted) & small_texts


def test_the_earlier_comparison_carries_no_question_an_earlier_page_hides(store):
    """'Earlier: N answers' on a results page adds up earlier surveys; a question two of
    four answered in one of them (hidden on its page) must not be in that sum."""
    from datetime import date

    from afterward.services.survey_results import survey_results_view

    _import(store, ["4,3,3,5,"] * 6)
    _import(store, ["4,3,3,9,", "4,3,3,9,", "4,3,3,,", "4,3,3,,"])
    later = setup.create_survey(
        store,
        project=PROJECT,
        template_id="project-postmortem",
        quarter="2026Q3",
        opens_on=date(2026, 7, 1),
    )
    for _ in range(3):
        _answer(store, later, "Fine")
    publishing.publish_due(store)
    view = survey_results_view(store, later)
    communication = next(q for q in view.questions if q.question_id == "communication")
    assert communication.earlier is not None
    assert communication.earlier["answered"] == 6, communication.earlier
    assert communication.earlier["mean"] == 5.0, communication.earlier


def test_views_by_role_wait_until_the_survey_closes(store):
    """A manager exports the summary after each release of three: the role cells of two
    moments differed by one person (a lone manager's rating read off). While the survey
    collects, nothing is shown by role; once closed, role groups are shown."""
    from afterward.services import exports

    survey_id = setup.create_survey(
        store, project=PROJECT, template_id="project-postmortem", quarter=QUARTER
    )
    survey = store.survey(survey_id)
    questionnaire = questionnaire_of(survey)
    base = {"goals_clear": 4, "schedule_realistic": 3, "schedule_detailed": 3}
    for role, rating in [("Team member", 6)] * 3 + [("Client", 5)] * 3 + [("Manager", 10)]:
        checked = responses.validate(questionnaire, base | {"role": role, "communication": rating})
        assert checked.ok, checked.errors
        stored = responding.stored_form(questionnaire, checked.answers)
        responses.submit(store, links.LinkState("ok", store.survey(survey_id)), stored)
    publishing.publish_due(store)
    summary = exports.summary_export(store, survey_id)
    assert set(summary.summary["group"]) == {"All respondents"}
    assert exports.BY_ROLE_WAITS in summary.notes
    assert compute_view("role_breakdown", store, Scope(projects=(PROJECT,))).empty
    store.set_survey_status(survey_id, "closed")
    closed = exports.summary_export(store, survey_id).summary
    assert any(g.startswith("role: ") for g in closed["group"])
    assert not compute_view("role_breakdown", store, Scope(projects=(PROJECT,))).empty
