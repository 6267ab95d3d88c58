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
    assert shown["stop"]["n"] == int(listed["stop"]) == 8  # "N/A" is no answer
    assert shown["start"]["n"] == int(listed["start"]) == 9
    assert shown["stop"]["distribution"] == {} and shown["stop"]["mean"] is None
    assert shown["sprint_rating"]["n"] == 9  # other kinds keep their meaning


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


def test_free_text_n_is_none_for_a_question_below_its_own_quote_threshold(store):  # noqa: F811
    """6 released (the survey may quote) but only 1 person answered "start": the page lists
    nothing of it and the JSON gives n null (not 0), as the README says."""
    survey_id = make_survey(store, threshold=3)
    for n in range(6):
        answer(store, survey_id, stop=f"Standups ran long in week {n}", start="" if n else "Mob")
    shown = survey_results(store, survey_id)
    assert shown["released_responses"] == 6
    by_id = {q["id"]: q for q in shown["questions"]}
    assert by_id["start"]["n"] is None
    assert by_id["stop"]["n"] == 6
    assert set(survey_texts(store, survey_id)["question_id"]) == {"stop"}


def test_the_results_page_says_why_a_free_text_question_lists_nothing(store):  # noqa: F811
    """The survey may quote (6 released) but 1 person answered "start": the reason is the
    question's own answers, said without the exact count, not the survey's size."""
    from afterward.services.survey_results import survey_results_view

    survey_id = make_survey(store, threshold=3)
    for n in range(6):
        answer(store, survey_id, stop=f"Standups ran long in week {n}", start="" if n else "Mob")
    view = survey_results_view(store, survey_id)
    assert view.released == 6 and view.texts.visible
    notes = {q.question_id: q.hidden for q in view.questions if q.chart == "text"}
    assert notes["stop"] == ""
    assert notes["start"] == (
        "Fewer than 6 people answered this question; answers are quoted once 6 have, "
        "to protect anonymity."
    )
    assert "released responses" not in notes["start"] and " 1 " not in notes["start"]
