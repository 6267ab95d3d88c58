"""Round 3 of a curious manager's attacks: views that hold answers the results page hides.

A survey's results page (and its export) quotes a free-text question only once that
question's own answers reach the quote threshold: an optional question one person answered
is a quote of that one person. Every other place that shows wording must apply the same
rule, or the manager reads there what the page withholds.
"""

from __future__ import annotations

import uuid
from datetime import date

import pandas as pd
import pytest

from afterward.services import analysis_upkeep, manager_views, survey_results
from analysis.text_normal import answer_key
from surveys import setup
from surveys.store import Scope, Store
from tests.test_text_analysis import TOPICS

PROJECT = "Harbour Website"
# One person answered the optional root-cause question, in words only they would use.
LONE = "I was the only one on the client side and nobody asked me about the DNS change"


def _postmortem_survey(store: Store, quarter: str = "2026Q3", **options: object) -> str:
    """A project post-mortem survey of PROJECT (threshold 3, quote threshold 6)."""
    return setup.create_survey(
        store, project=PROJECT, template_id="project-postmortem", quarter=quarter, **options
    )


def _load(store: Store, survey_id: str, went_wrong: list[str], lone: dict[str, str]) -> None:
    """Responses answering 'went_wrong' with `went_wrong`; the first also answers each
    question of `lone` (question id -> text)."""
    ids = [str(uuid.uuid4()) for _ in went_wrong]
    rows = [(r, "went_wrong", t) for r, t in zip(ids, went_wrong, strict=True)]
    rows += [(ids[0], q, t) for q, t in lone.items()]
    responses = pd.DataFrame(
        {"response_id": ids, "survey_id": survey_id, "submitted_on": date(2026, 7, 5)}
    )
    answers = pd.DataFrame(
        {
            "response_id": [r for r, _, _ in rows],
            "survey_id": survey_id,
            "question_id": [q for _, q, _ in rows],
            "value_number": None,
            "value_text": [t for _, _, t in rows],
            "value_choice": None,
        }
    )
    store.bulk_load(responses, answers)


@pytest.fixture
def lone_answer(store: Store) -> str:
    """Ten responses (threshold 3, quote threshold 6) answer 'went_wrong'; one of them alone
    also answers 'root_cause'."""
    survey_id = _postmortem_survey(store, opens_on=date(2026, 7, 1))
    assert store.survey(survey_id).anonymity_threshold == 3
    _load(store, survey_id, TOPICS, {"root_cause": LONE})
    analysis_upkeep.ensure_current(store)
    return survey_id


def _shows_lone(texts) -> bool:
    return any(answer_key(t) == answer_key(LONE) for t in texts)


def test_the_results_page_hides_the_question_one_person_answered(store, lone_answer):
    """The baseline the other views must match."""
    assert "root_cause" not in survey_results.quoted_questions(store, lone_answer)
    assert "went_wrong" in survey_results.quoted_questions(store, lone_answer)
    assert not _shows_lone(survey_results.survey_texts(store, lone_answer)["text"])


def test_the_review_queue_never_quotes_a_question_the_results_page_hides(store, lone_answer):
    """Attack: open the root-cause page's review queue, filtered to the project, and read
    the lone answer the results page withholds."""
    queue = manager_views.correction_queue(store, Scope(projects=(PROJECT,)), limit=100)
    assert len(queue) > 0, "the quoted question's answers should be there to review"
    assert not _shows_lone(queue["text"]), list(queue["text"])


def test_theme_quotes_never_quote_a_question_the_results_page_hides(store, lone_answer):
    """Attack: ask every theme for all its quotes and look for the lone answer."""
    theme_id = int(
        store.table_rows("text_analysis").query("question_id == 'root_cause'")["theme_id"].iloc[0]
    )
    quoted = []
    for theme in {theme_id, *store.table_rows("text_analysis")["theme_id"].astype(int)}:
        quotes, _ = manager_views.theme_quotes(store, Scope(projects=(PROJECT,)), theme, n=50)
        quoted += quotes
    assert not _shows_lone(quoted), quoted


# -- role counts at two moments -------------------------------------------------------------


def _submit_roles(
    store: Store, survey_id: str, roles: list[str], ratings: list[int] | None = None
) -> None:
    """One group of responses (one per role given, with its 'communication' rating), then
    the release that follows it."""
    from afterward.services import publishing, responding
    from surveys import links, responses
    from surveys.setup import questionnaire_of

    questionnaire = questionnaire_of(store.survey(survey_id))
    base = {"goals_clear": 4, "schedule_realistic": 3, "schedule_detailed": 3, "communication": 6}
    for role, rating in zip(roles, ratings or [6] * len(roles), strict=True):
        checked = responses.validate(questionnaire, base | {"role": role, "communication": rating})
        assert checked.ok, checked.errors
        stored = responding.stored_form(questionnaire, checked.answers)
        responses.submit(store, links.LinkState("ok", store.survey(survey_id)), stored)
    publishing.publish_due(store)


def _role_views(store: Store, survey_id: str) -> tuple[dict, dict]:
    """The role counts as `results --json` gives them and as the results page draws them."""
    as_json = survey_results.survey_results(store, survey_id)
    page = survey_results.survey_results_view(store, survey_id)
    role = next(q for q in page.questions if q.question_id == "role")
    drawn = (
        dict(zip(role.counts["label"], role.counts["responses"], strict=True))
        if len(role.counts)
        else {}
    )
    return {r["role"]: r["n"] for r in as_json["roles"]}, drawn


def test_role_counts_of_an_open_survey_cannot_be_subtracted_across_releases(store):
    """Attack: read the role counts after each release of three while the survey collects.
    After the second release the lone manager hides in "Other roles" with two clients (3);
    after the third (three more clients) the manager is merged with the team members
    instead ("Other roles" 4), so 4 - 3 team members = 1: the one manager answered. Like
    every view by role (`gates.BY_ROLE_WAITS`), role counts wait until the survey closes."""
    survey_id = _postmortem_survey(store)
    moments = []
    for group in (["Team member"] * 3, ["Client", "Client", "Manager"], ["Client"] * 3):
        _submit_roles(store, survey_id, group)
        moments.append(_role_views(store, survey_id))
    for as_json, drawn in moments:
        assert as_json == {} and drawn == {}, moments
    store.set_survey_status(survey_id, "closed")
    as_json, drawn = _role_views(store, survey_id)
    assert as_json == drawn == {"Client": 5, "Other roles": 4}, (as_json, drawn)


def _dashboard_roles(store: Store) -> dict[str, tuple[float, float]]:
    """The Overview's 'By stakeholder role' for 'communication': role -> (responses, mean)."""
    from afterward.services.manager_views import compute_view

    roles = compute_view("role_breakdown", store, Scope(projects=(PROJECT,)))
    shown = roles[(roles["question_id"] == "communication") & ~roles["suppressed"]]
    return {
        r: (float(n), float(m))
        for r, n, m in zip(shown["role"], shown["responses"], shown["mean"], strict=True)
    }


@pytest.fixture
def reopened(store: Store) -> str:
    """Close the survey and read the dashboard by role: team members 3 (mean 6); the lone
    manager (10) hides in "Other roles" with two clients (5, 5). Reopen it, let three more
    clients answer, close it again: now the manager would be merged with the team ("Other
    roles" 4, mean 7), so 4 x 7 - 3 x 6 = 10 would be the manager's own rating."""
    from afterward.services import survey_admin

    survey_id = _postmortem_survey(store)
    _submit_roles(store, survey_id, ["Team member"] * 3, [6, 6, 6])
    _submit_roles(store, survey_id, ["Client", "Client", "Manager"], [5, 5, 10])
    survey_admin.set_survey_open(store, survey_id, False)
    first = _dashboard_roles(store)
    assert first == {"Team member": (3, 6.0), "Other roles": (3, 20 / 3)}, first
    survey_admin.set_survey_open(store, survey_id, True)
    _submit_roles(store, survey_id, ["Client"] * 3, [5, 5, 5])
    survey_admin.set_survey_open(store, survey_id, False)
    return survey_id


def test_reopening_a_closed_survey_cannot_single_out_a_role_on_the_dashboard(store, reopened):
    """Attack: the dashboard by role after the second closing. A survey reopened after it
    closed never shows views by role again (`gates.by_role_shown`)."""
    second = _dashboard_roles(store)
    assert second == {}, second  # was {"Client": (5, 5.0), "Other roles": (4, 7.0)}
    assert store.reopened_surveys() == {reopened}


def test_reopening_a_survey_nobody_answered_keeps_its_views_by_role(store):
    from afterward.services import survey_admin

    survey_id = _postmortem_survey(store)
    survey_admin.set_survey_open(store, survey_id, False)
    survey_admin.set_survey_open(store, survey_id, True)
    assert store.reopened_surveys() == set()
    _submit_roles(store, survey_id, ["Team member"] * 3 + ["Client"] * 3)
    survey_admin.set_survey_open(store, survey_id, False)
    assert set(_dashboard_roles(store)) == {"Team member", "Client"}


def test_reopening_a_closed_survey_hides_role_counts_on_the_results_page_and_in_json(
    store, reopened
):
    """Attack: the role counts after each closing ('Team member' 3 and 'Other roles' 3, then
    'Client' 5 and 'Other roles' 4: the manager, 4 - 3, answered)."""
    assert _role_views(store, reopened) == ({}, {})
    page = survey_results.survey_results_view(store, reopened)
    role = next(q for q in page.questions if q.question_id == "role")
    assert "reopened" in role.hidden, role.hidden


def test_reopening_a_closed_survey_hides_roles_in_the_summary_export(store, reopened):
    from afterward.services import exports
    from afterward.services.gates import BY_ROLE_REOPENED

    summary = exports.summary_export(store, reopened)
    assert set(summary.summary["group"]) == {"All respondents"}, summary.summary
    assert BY_ROLE_REOPENED in summary.notes


def test_reopening_a_closed_survey_hides_roles_in_the_row_export(store):
    """Attack: row-export at the first closing (the manager's row is 'Other roles' beside
    two clients), reopen for six more clients (the quote threshold of new responses the
    second row export needs), close, row-export again: 'Other roles' now is the team and
    the manager, so the one row 'Other roles' in both exports (rating 10) is the manager's,
    every rating of it."""
    from afterward.services import exports, survey_admin
    from afterward.services.gates import BY_ROLE_REOPENED

    survey_id = _postmortem_survey(store)
    _submit_roles(store, survey_id, ["Team member"] * 3, [6, 6, 6])
    _submit_roles(store, survey_id, ["Client", "Client", "Manager"], [5, 5, 10])
    survey_admin.set_survey_open(store, survey_id, False)
    first = exports.survey_export(store, survey_id).answers
    assert sorted(first.loc[first["role"] == "Other roles", "communication"]) == [5, 5, 10]
    survey_admin.set_survey_open(store, survey_id, True)
    _submit_roles(store, survey_id, ["Client"] * 3, [5, 5, 5])
    _submit_roles(store, survey_id, ["Client"] * 3, [5, 5, 5])
    survey_admin.set_survey_open(store, survey_id, False)
    second = exports.survey_export(store, survey_id)
    others = second.answers.loc[second.answers["role"] == "Other roles", "communication"]
    assert others.empty, sorted(others)  # was [6, 6, 6, 10]
    assert set(second.answers["role"].dropna()) <= {exports.HIDDEN_ROLE}
    assert BY_ROLE_REOPENED in second.notes


# -- a hidden question's one answer, by subtraction ------------------------------------------

# Nine answers about flaky tests to 'went_wrong' (listed: 9 >= the quote threshold 6), and
# one person's answer to the optional 'root_cause' (hidden: fewer than 3 answered it).
FLAKY = [
    "flaky tests on CI every day",
    "CI is flaky and slow",
    "our test suite is flaky",
    "tests fail at random on the build server",
    "the build on CI is slow and flaky",
    "flaky integration tests blocked the release",
    "CI pipeline kept failing for no reason",
    "random test failures on CI",
    "nobody fixed the flaky tests",
]
FLAKY_LONE = "the tests were flaky because nobody owned the CI"


@pytest.fixture
def one_hidden_answer(store: Store) -> str:
    survey_id = _postmortem_survey(store, opens_on=date(2026, 7, 1))
    _load(store, survey_id, FLAKY, {"root_cause": FLAKY_LONE})
    analysis_upkeep.ensure_current(store)
    return survey_id


def test_category_and_theme_counts_minus_the_listed_answers_say_nothing_of_a_hidden_question(
    store, one_hidden_answer
):
    """Attack: `results --json` gives each category's and theme's answers; the free-text
    list gives every listed answer with its category and theme. Category cell minus listed
    answers of that category = the answers of questions the page hides; here 10 - 9 = 1:
    the lone 'root_cause' answer exists, and its category and theme show. A question fewer
    than the threshold answered counts in no category or theme (as a rating question fewer
    answered is in no mean)."""
    survey_id = one_hidden_answer
    assert "root_cause" not in survey_results.quoted_questions(store, survey_id)
    listed = survey_results.survey_texts(store, survey_id)
    assert listed["answers"].sum() == len(FLAKY)
    as_json = survey_results.survey_results(store, survey_id)
    by_category = listed.groupby("category")["answers"].sum()
    for cell in as_json["categories"]:
        assert cell["answers"] == by_category.get(cell["category"], 0), (cell, by_category)
    by_theme = listed.groupby("theme_id")["answers"].sum()
    for cell in as_json["themes"]:
        assert cell["answers"] == by_theme.get(cell["theme_id"], 0), (cell, by_theme)
    assert sum(c["answers"] for c in as_json["categories"]) == len(FLAKY)


def test_the_dashboard_counts_no_answer_of_a_question_fewer_than_the_threshold_answered(
    store, one_hidden_answer
):
    from afterward.services.manager_views import compute_view

    scope = Scope(projects=(PROJECT,))
    cells = compute_view("category_cells", store, scope)
    none = compute_view("no_root_cause_cells", store, scope)
    assert cells["answers"].sum() + none["answers"].sum() == len(FLAKY), (cells, none)
    themes = compute_view("theme_cells", store, scope)
    assert themes["answers"].sum() == len(FLAKY), themes


def test_the_results_page_of_an_open_survey_draws_no_role_counts(app, db_path):
    """The page itself: while the survey collects, the role question says why it waits and
    draws no bar per role."""
    from afterward.services.gates import BY_ROLE_WAITS
    from tests.pages.helpers import texts
    from tests.pages.test_results_page import _postmortem, open_results

    rows = [{"communication": 7, "role": r} for r in ["Team member"] * 3 + ["Client"] * 3]
    at = open_results(app, _postmortem(db_path, rows))
    assert BY_ROLE_WAITS in texts(at.caption)
    assert len(at.get("plotly_chart")) == 1  # the rating only; no chart for the role


# -- theme names and keywords ----------------------------------------------------------------


def _theme_words(with_lone: bool, store: Store) -> set[str]:
    """Every theme name and keyword after a manager imported six answers of their own, five
    with a guessed phrase; `with_lone`: one real person also wrote it, in answer to the
    optional question only they answered (hidden on every page)."""
    from afterward.services.analysis_upkeep import theme_catalogue

    survey_id = _postmortem_survey(store)
    lone = {"root_cause": "the zebrafish migration broke the nightly build"} if with_lone else {}
    _load(store, survey_id, TOPICS, lone)
    guessed = _postmortem_survey(store, quarter="2026Q2")
    planted = [f"the zebrafish migration broke the build again {i}" for i in range(5)]
    _load(store, guessed, [*planted, "lunch was late on friday"], {})
    analysis_upkeep.ensure_current(store)
    catalogue = theme_catalogue(store)
    words = set(catalogue["theme_label"])
    for terms in catalogue["top_terms"]:
        words |= set(terms)
    return words


def test_a_hidden_answer_never_tips_a_word_into_a_theme_name(db_path, tmp_path):
    """Attack: plant five answers with a guessed phrase (one short of the quote threshold)
    and read the theme names: with the lone hidden answer the theme was named "zebrafish
    migration broke", without it "build". Only answers that may be quoted support a word."""
    with Store(tmp_path / "without.duckdb") as store:
        without = _theme_words(False, store)
    with Store(tmp_path / "with.duckdb") as store:
        with_lone = _theme_words(True, store)
    assert not any("zebrafish" in w for w in with_lone), with_lone
    assert with_lone == without
