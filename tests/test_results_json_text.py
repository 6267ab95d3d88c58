"""`afterward results --json`: a free-text question's n is its released text answers,
counted as the results page's free-text browser counts them, and 0 while they are hidden."""

from __future__ import annotations

from afterward.services.survey_results import survey_results, survey_texts
from tests.test_survey_texts import STOPS, answer, filled, make_survey, store  # noqa: F401


def test_free_text_n_is_the_released_text_answers_the_page_lists(store):  # noqa: F811
    survey_id = filled(store)
    shown = {q["id"]: q for q in survey_results(store, survey_id)["questions"]}
    listed = survey_texts(store, survey_id).groupby("question_id")["answers"].sum()
    assert shown["stop"]["n"] == int(listed["stop"]) == 5  # "N/A" is no answer
    assert shown["start"]["n"] == int(listed["start"]) == 6
    assert shown["stop"]["distribution"] == {} and shown["stop"]["mean"] is None
    assert shown["sprint_rating"]["n"] == 6  # other kinds keep their meaning


def test_free_text_n_is_0_while_the_quote_gate_hides_the_texts(store):  # noqa: F811
    survey_id = make_survey(store, threshold=3)
    for stop in STOPS[:5]:  # 3 released: numbers shown, quotes need 6
        answer(store, survey_id, stop=stop)
    shown = survey_results(store, survey_id)
    assert shown["released_responses"] == 3
    by_id = {q["id"]: q for q in shown["questions"]}
    assert by_id["stop"]["n"] == 0 and by_id["sprint_rating"]["n"] == 3
