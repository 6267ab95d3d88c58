"""The survey results page's free-text browser (`survey_texts`) on a real DuckDB, and the
attacks a curious manager would try on it: a hidden survey, too few responses for quotes,
differencing two searches or filters, and naming a category the gate hides."""

from __future__ import annotations

from datetime import date

import pytest

from afterward.services import responding
from afterward.services.publishing import open_store
from afterward.services.survey_results import TEXT_COLUMNS, survey_texts, texts_visibility
from surveys import links, setup
from surveys.store import Store


@pytest.fixture
def store(db_path):
    """The store as the app opens it: each submission releases the groups it makes due."""
    with open_store(db_path) as opened:
        yield opened


def make_survey(store: Store, threshold: int = 3, project: str = "Harbour Website") -> str:
    return setup.create_survey(
        store,
        project=project,
        template_id="sprint-retro",
        quarter="2026Q3",
        opens_on=date(2026, 1, 1),
        threshold=threshold,
    )


def answer(store: Store, survey_id: str, start: str = "", stop: str = "", **raw) -> None:
    """One respondent through an invitation link, as the respondent page does it."""
    token = links.issue_invitations(store, survey_id, 1)[0]
    link = responding.open_link(store, token)
    questionnaire = responding.questionnaire_of(link.survey)
    given = {"sprint_goal_met": "Yes", "workload_sustainable": 3, "goals_clear": 4}
    given.update({"sprint_rating": 7, "start": start, "stop": stop, **raw})
    checked = responding.validate(questionnaire, given)
    assert checked.ok, checked.errors
    responding.submit(store, link, responding.stored_form(questionnaire, checked.answers))


def analyse(store: Store, category_of, theme_of=lambda text: -1) -> None:
    """Store an analysis for every unanalysed text (the classifier's part, by rule)."""
    todo = store.texts_to_analyse()
    todo["category"] = todo["text"].map(category_of)
    todo["confidence"] = 0.9
    todo["second_category"] = None
    todo["theme_id"] = todo["text"].map(theme_of)
    todo["model_key"] = "test"
    todo["non_answer"] = todo["text"].str.upper().eq("N/A")
    store.save_text_analysis(todo)


STOPS = [
    "We didn't test the release.",
    "we did not test the release",
    "Too many meetings on Mondays",
    "too many meetings on mondays!",
    "We did NOT test the release!!",
    "N/A",
]


# Three more, so that "stop" has 8 answers that say something (the quote threshold is 6 for
# threshold 3, counted per question) and 9 responses are released in whole groups of 3.
MORE_STOPS = ["Release notes came late", "release notes came late.", "Nobody owned the backlog"]


def filled(store: Store, threshold: int = 3) -> str:
    survey_id = make_survey(store, threshold)
    for stop in STOPS + MORE_STOPS:
        answer(store, survey_id, stop=stop, start="Pairing on reviews")
    analyse(store, lambda t: "testing" if "test" in t else "process")
    return survey_id


def test_identical_answers_are_listed_once_with_their_count(store):
    survey_id = filled(store)
    rows = survey_texts(store, survey_id)
    assert list(rows.columns) == list(TEXT_COLUMNS)
    stops = rows[rows["question_id"] == "stop"].set_index("text")["answers"].to_dict()
    # Case, punctuation and "didn't"/"did not" are the same answer; "N/A" is no answer.
    assert sorted(stops.values()) == [1, 2, 2, 3]
    assert sum(stops.values()) == 8
    starts = rows[rows["question_id"] == "start"]
    assert starts["answers"].tolist() == [9]
    assert rows["answers"].is_monotonic_decreasing


def test_filters_pick_rows(store):
    survey_id = filled(store)
    stop = survey_texts(store, survey_id, question_id="stop")
    assert set(stop["question_id"]) == {"stop"} and len(stop) == 4
    testing = survey_texts(store, survey_id, category="testing")
    assert testing["answers"].tolist() == [3]
    assert survey_texts(store, survey_id, search="MEETINGS")["answers"].tolist() == [2]
    assert survey_texts(store, survey_id, search="nothing like this").empty


def test_quotes_need_the_quote_threshold(store):
    """Attack: read answers as soon as the survey's numbers show (3 responses, threshold 3).
    Quotes need max(5, 2 x 3) = 6 released responses."""
    survey_id = make_survey(store, threshold=3)
    for stop in STOPS[:5]:
        answer(store, survey_id, stop=stop)
    # 5 submitted: 3 released (the first whole group), 2 waiting.
    assert survey_texts(store, survey_id).empty
    gate = texts_visibility(store, survey_id)
    assert not gate.visible and gate.responses == 3 and gate.needed == 3
    assert "3 more needed" in gate.message
    answer(store, survey_id, stop=STOPS[5])
    # 6 released: the survey may show quotes, but "stop" has only 5 answers that say
    # something ("N/A" is none): the question's own answers need the quote threshold too.
    assert texts_visibility(store, survey_id).visible
    assert survey_texts(store, survey_id).empty
    for stop in MORE_STOPS:
        answer(store, survey_id, stop=stop)
    assert survey_texts(store, survey_id)["answers"].sum() == 8


def test_a_hidden_survey_lists_nothing(store):
    """Attack: a survey below its threshold lists no text, filtered or not."""
    survey_id = make_survey(store, threshold=8)
    for stop in STOPS:
        answer(store, survey_id, stop=stop)
    analyse(store, lambda t: "process")
    for kwargs in ({}, {"search": "test"}, {"question_id": "stop"}, {"category": "process"}):
        assert survey_texts(store, survey_id, **kwargs).empty
    assert texts_visibility(store, survey_id).responses == 0


def test_differencing_two_searches_says_nothing_the_list_does_not(store):
    """Attack: search "didn't" and "did not" (or any two filters) and subtract the counts,
    to learn how many people wrote each spelling. Every filtered list is a set of whole
    rows of the full list with the same counts: the difference of two searches is rows the
    manager sees anyway, never a sub-count."""
    survey_id = filled(store)
    full = survey_texts(store, survey_id)
    full_rows = {(r.question_id, r.text): r.answers for r in full.itertuples()}
    searches = ["didn't", "did not", "DIDNT", "test", "the release.", "mondays!", "Mondays"]
    filters = [{"search": s} for s in searches] + [
        {"category": "testing"},
        {"category": "process", "question_id": "stop"},
        {"question_id": "start"},
    ]
    for kwargs in filters:
        part = survey_texts(store, survey_id, **kwargs)
        for row in part.itertuples():
            assert full_rows[(row.question_id, row.text)] == row.answers, kwargs
    # Both spellings find the one row, with the whole group's count.
    for spelling in ("didn't", "did not"):
        found = survey_texts(store, survey_id, search=spelling)
        assert found["answers"].tolist() == [3], spelling


def test_a_category_the_gate_hides_is_not_named_nor_filterable(store):
    """Attack: filter the list by a small category to count its members, when the
    survey's root-cause breakdown hides that category."""
    survey_id = make_survey(store, threshold=3)
    texts = ["Flaky test suite"] + [f"Planning slipped in week {n}" for n in range(1, 9)]
    for text in texts:
        answer(store, survey_id, stop=text)
    analyse(store, lambda t: "testing" if "test" in t else "process")
    assert survey_texts(store, survey_id, category="testing").empty
    rows = survey_texts(store, survey_id)
    assert "testing" not in set(rows["category"].dropna())
    assert rows.loc[rows["text"] == "Flaky test suite", "category"].isna().all()
    assert set(rows["category"].dropna()) <= {"process"}


def test_a_question_too_few_answered_lists_nothing(store):
    """Attack: read the two answers to an optional question in a survey large enough for
    quotes: those two are a slice below the threshold."""
    survey_id = make_survey(store, threshold=3)
    for n in range(6):
        answer(store, survey_id, stop=f"Standups ran long in week {n}", start="" if n else "Mob")
    answer_rows = survey_texts(store, survey_id)
    assert set(answer_rows["question_id"]) == {"stop"}
    assert survey_texts(store, survey_id, question_id="start").empty
    assert survey_texts(store, survey_id, search="mob").empty
