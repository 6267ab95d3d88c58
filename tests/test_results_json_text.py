"""`afterward results --json`: a free-text question's n is its released text answers,
counted as the results page's free-text browser counts them, and None while they are
hidden; a question fewer than the threshold answered has no n either, as on the page."""

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


def test_free_text_n_is_none_while_the_quote_gate_hides_the_texts(store):  # noqa: F811
    survey_id = make_survey(store, threshold=3)
    for stop in STOPS[:5]:  # 3 released: numbers shown, quotes need 6
        answer(store, survey_id, stop=stop)
    shown = survey_results(store, survey_id)
    assert shown["released_responses"] == 3
    by_id = {q["id"]: q for q in shown["questions"]}
    assert by_id["stop"]["n"] is None and by_id["sprint_rating"]["n"] == 3


def test_a_question_fewer_than_the_threshold_answered_has_no_n():
    # An optional rating two of ten people answered: the page says "fewer than 3 people
    # answered"; the JSON gives no count either (that one person answered is a fact).
    import pandas as pd

    from afterward.services.survey_results import _question
    from surveys.questionnaire import load_templates

    sprint = load_templates()[0]["sprint-retro"]
    rating = next(q for q in sprint.questions if q.kind == "rating")
    counts = pd.DataFrame(
        {
            "question_id": [rating.id] * 2,
            "value": ["7", "9"],
            "responses": [1, 1],
            "answered": [2, 2],
        }
    )
    hidden = _question(rating, counts, threshold=3)
    assert hidden["n"] is None and hidden["distribution"] == {} and hidden["mean"] is None
    shown = _question(rating, counts.assign(responses=[2, 1], answered=3), threshold=3)
    assert shown["n"] == 3 and shown["distribution"] == {"7": 2, "9": 1}
