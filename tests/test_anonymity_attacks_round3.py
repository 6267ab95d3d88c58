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
    survey_id = setup.create_survey(
        store,
        project=PROJECT,
        template_id="project-postmortem",
        quarter="2026Q3",
        opens_on=date(2026, 7, 1),
    )
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
