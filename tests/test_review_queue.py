"""The review queue learns from corrections that matter: identical and near-identical answers
share one card with a count, one review stores all of them and covers future ones like them,
the most instructive cards come first, and the anonymity gate still decides what is shown."""

from datetime import date

import pandas as pd
import pytest

from afterward.services import analysis_upkeep, manager_views
from analysis.root_causes import classify_with_confidence, review_cards, review_priority
from analysis.text_normal import answer_key, near_identical_groups
from surveys import setup
from surveys.store import Scope
from tests.test_text_analysis import TOPICS, load

# Invented answers: three spellings of one sentence, and two of another.
CHECKLIST = [
    "Nobody owned the release checklist",
    "nobody owned the release-checklist!!",
    "Nobody  owned the release checklist.",
]
BACKLOG = ["We didn't prioritise the backlog", "we did not prioritize the backlog."]
# Invented answers naming two causes at once, so the model gives a runner-up.
TWO_CAUSES = [
    "The client changed the scope and nobody told the team.",
    "Handover to support was missing and the on-call rota had gaps.",
]


def survey(store, project: str) -> str:
    return setup.create_survey(
        store,
        project=project,
        template_id="project-postmortem",
        quarter="2026Q3",
        opens_on=date(2026, 7, 1),
    )


@pytest.fixture
def queued(store):
    survey_id = survey(store, "Harbour Website")
    load(store, survey_id, [*TOPICS, *CHECKLIST, *BACKLOG, CHECKLIST[0]])
    analysis_upkeep.ensure_current(store)
    return survey_id


def card_of(queue: pd.DataFrame, text: str) -> pd.Series:
    matches = queue[[answer_key(t) == answer_key(text) for t in queue["text"]]]
    assert len(matches) == 1, list(queue["text"])
    return matches.iloc[0]


def test_near_identical_means_the_same_normalised_text():
    assert len({answer_key(t) for t in CHECKLIST}) == 1
    assert len({answer_key(t) for t in BACKLOG}) == 1
    assert answer_key("[name] owned the release checklist") == answer_key(
        "owned the release checklist"
    )
    assert answer_key(CHECKLIST[0]) != answer_key(BACKLOG[0])
    assert answer_key("---") != answer_key("???")  # nothing left: never merged


def test_identical_and_near_identical_answers_share_one_card_with_a_count(store, queued):
    queue = manager_views.correction_queue(store, Scope(), limit=50)
    checklist = card_of(queue, CHECKLIST[0])
    assert checklist["answers"] == 4  # three spellings, one of them twice
    assert checklist["text"] == CHECKLIST[0]  # the most common spelling, shown once
    assert len(checklist["members"]) == 4
    assert card_of(queue, BACKLOG[0])["answers"] == 2
    assert queue["card"].is_unique
    assert queue["answers"].sum() == len(TOPICS) + len(CHECKLIST) + len(BACKLOG) + 1


def test_one_review_stores_every_answer_of_the_card(store, queued):
    card = card_of(manager_views.correction_queue(store, Scope(), limit=50), CHECKLIST[0])
    assert manager_views.review_card(store, card["members"], "communication_gaps") == 4
    corrections = store.category_corrections()
    assert len(corrections) == 4
    assert set(corrections["category"]) == {"communication_gaps"}
    assert {answer_key(t) for t in corrections["text"]} == {answer_key(CHECKLIST[0])}
    queue = manager_views.correction_queue(store, Scope(), limit=50)
    assert not {answer_key(t) for t in queue["text"]} & {answer_key(CHECKLIST[0])}
    # They count with the manager's category at once, and keep it after re-analysis.
    analysis_upkeep.ensure_current(store)
    rows = store.analysed_texts()
    mine = rows[[answer_key(t) == answer_key(CHECKLIST[0]) for t in rows["text"]]]
    assert len(mine) == 4 and set(mine["category"]) == {"communication_gaps"}


def test_a_future_near_identical_answer_gets_the_confirmed_category(store, queued):
    card = card_of(manager_views.correction_queue(store, Scope(), limit=50), BACKLOG[0])
    manager_views.review_card(store, card["members"], "client_expectations")
    analysis_upkeep.ensure_current(store)
    [later] = load(store, queued, ["WE DIDN'T PRIORITISE THE BACKLOG!"])
    analysis_upkeep.ensure_current(store)
    rows = store.analysed_texts().set_index("response_id")
    assert rows.loc[later, "category"] == "client_expectations"
    assert rows.loc[later, "confidence"] == 1.0
    # ... and it does not come back to the queue as fresh work.
    queue = manager_views.correction_queue(store, Scope(), limit=50)
    assert not {answer_key(t) for t in queue["text"]} & {answer_key(BACKLOG[0])}


def test_the_classifier_applies_a_correction_to_near_identical_texts():
    corrections = pd.DataFrame({"text": [BACKLOG[0]], "category": ["client_expectations"]})
    result = classify_with_confidence([BACKLOG[1], "we didnt prioritise  the BACKLOG"], corrections)
    assert result["category"].tolist()[0] == "client_expectations"
    assert result["confidence"].tolist()[0] == 1.0


def test_repeated_corrections_count_once_in_training():
    from analysis.root_causes import fitted_model

    one = pd.DataFrame({"text": [BACKLOG[0]], "category": ["client_expectations"]})
    many = pd.DataFrame({"text": BACKLOG * 10, "category": ["client_expectations"] * 20})
    proba_one = fitted_model(one).predict_proba(["the roadmap was never prioritised"])
    proba_many = fitted_model(many).predict_proba(["the roadmap was never prioritised"])
    assert proba_one == pytest.approx(proba_many)


def candidates(rows) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["text", "answers", "confidence"])
    return frame.assign(
        members=[
            [{"response_id": f"{t}-{i}", "question_id": "q"} for i in range(n)]
            for t, n in zip(frame["text"], frame["answers"], strict=True)
        ],
        category="testing_quality",
        second_category=None,
        responses=10,
        threshold=3,
    )


def test_cards_whose_review_teaches_most_come_first():
    frame = candidates(
        [
            ("alone and unsure", 1, 0.30),  # priority 0.7
            ("four fairly sure", 4, 0.80),  # priority 0.8
            ("Two half sure", 1, 0.50),  # merged with the next: 2 answers, priority 1.0
            ("two half sure!", 1, 0.50),
            ("ten very sure", 10, 0.99),  # priority 0.1
        ]
    )
    cards = review_cards(frame, limit=10)
    assert cards["text"].tolist() == [
        "Two half sure",
        "four fairly sure",
        "alone and unsure",
        "ten very sure",
    ]
    assert cards["answers"].tolist() == [2, 4, 1, 10]
    assert cards["priority"].tolist() == pytest.approx([1.0, 0.8, 0.7, 0.1])
    assert review_priority(3, 0.5) == pytest.approx(1.5)
    assert review_cards(frame, limit=2)["text"].tolist() == ["Two half sure", "four fairly sure"]
    # A group already reviewed (by any spelling) is not offered again.
    assert "four fairly sure" not in review_cards(frame, ["FOUR fairly sure."])["text"].tolist()
    assert review_cards(frame.iloc[:0]).empty


def test_the_gate_still_hides_surveys_below_the_quote_threshold(store, queued):
    small = survey(store, "Tiny Team")
    load(store, small, [CHECKLIST[1], "only the tiny team wrote this line"])
    analysis_upkeep.ensure_current(store)
    queue = manager_views.correction_queue(store, Scope(), limit=50)
    assert card_of(queue, CHECKLIST[0])["answers"] == 4  # the small survey's copy not counted
    assert "only the tiny team wrote this line" not in set(queue["text"])
    assert manager_views.correction_queue(store, Scope(projects=("Tiny Team",)), limit=50).empty


def test_the_page_shows_one_card_per_group_and_one_click_stores_them_all(app, db_path):
    from surveys.store import Store
    from tests.conftest import app_store

    with Store(db_path) as store:
        survey_id = survey(store, "Harbour Website")
        load(store, survey_id, [*TOPICS, *CHECKLIST, *BACKLOG, CHECKLIST[0]])
    app.session_state["manager_login"] = True
    app.run()
    app.switch_page("app_pages/manager/root_causes.py").run()
    assert not app.exception, [e.message for e in app.exception]
    shown = [t.value for t in app.text]
    assert sum(answer_key(t) == answer_key(CHECKLIST[0]) for t in shown) == 1
    assert any(c.value.startswith("4 answers like this") for c in app.caption)
    queue = manager_views.correction_queue(app_store(), Scope(), limit=10)
    card = card_of(queue, CHECKLIST[0])
    drawn = " ".join(str(e.value) for e in [*app.text, *app.caption, *app.markdown])
    assert not [m for m in card["members"] if m["response_id"] in drawn]  # never which answers
    [save] = [b for b in app.button if b.key == f"save_{card['card']}"]
    save.click().run()
    assert not app.exception, [e.message for e in app.exception]
    corrections = app_store().category_corrections()
    assert len(corrections) == 4
    assert sum(answer_key(t) == answer_key(CHECKLIST[0]) for t in [t.value for t in app.text]) == 0


def test_a_card_without_a_second_category_names_only_the_suggestion(app, db_path):
    """No runner-up comes back from the store as NaN (truthy): the card says "Suggested: X",
    never "(or Nan)"; a card with a runner-up still names it."""
    import re

    from analysis.taxonomy import category_label
    from surveys.store import Store
    from tests.conftest import app_store

    with Store(db_path) as store:
        survey_id = survey(store, "Harbour Website")
        # Three times over: every category reaches the threshold, so cards name theirs.
        load(store, survey_id, [*TOPICS, *CHECKLIST, *BACKLOG, CHECKLIST[0], *TWO_CAUSES] * 3)
    app.session_state["manager_login"] = True
    app.run()
    app.switch_page("app_pages/manager/root_causes.py").run()
    assert not app.exception, [e.message for e in app.exception]
    queue = manager_views.correction_queue(app_store(), Scope(), limit=10)
    lone = queue[queue["second_category"].isna()]
    paired = queue[queue["second_category"].notna()]
    assert not lone.empty and not paired.empty  # the scenario has both kinds of card
    captions = [c.value for c in app.caption if "Suggested: " in c.value]
    assert len(captions) == len(queue)
    for caption in captions:
        assert not re.search(r"\b(nan|none)\b", caption, re.IGNORECASE), caption
    for card in lone.itertuples():
        suggested = f"Suggested: {category_label(card.category)}, confidence "
        assert any(suggested in c for c in captions), (suggested, captions)
    for card in paired.itertuples():
        named = f"(or {category_label(card.second_category)}), confidence "
        assert any(named in c for c in captions), (named, captions)


def test_answers_one_light_word_apart_share_a_card_and_opposites_do_not():
    frame = candidates(
        [
            ("Nobody owned the release checklist", 3, 0.5),
            ("Nobody really owned the release checklist", 1, 0.5),
            ("Nobody owned the release checklist, again", 1, 0.5),
            ("We tested the release properly", 1, 0.5),
            ("We never tested the release properly", 1, 0.5),
            ("great team", 1, 0.5),
            ("great tests", 1, 0.5),
        ]
    )
    cards = review_cards(frame, limit=10).set_index("text")
    assert cards.loc["Nobody owned the release checklist", "answers"] == 5
    assert len(cards.loc["Nobody owned the release checklist", "members"]) == 5
    assert {"We tested the release properly", "We never tested the release properly"} <= set(
        cards.index
    )
    assert {"great team", "great tests"} <= set(cards.index)
    assert len(cards) == 5


def test_an_answer_one_light_word_from_a_reviewed_one_gets_no_card_of_its_own():
    frame = candidates(
        [
            ("Nobody owned the release checklist, honestly", 2, 0.9),
            ("We never tested the release properly", 1, 0.5),
        ]
    )
    cards = review_cards(frame, ["Nobody owned the release checklist"], limit=10)
    assert cards["text"].tolist() == ["We never tested the release properly"]
    settled = review_cards(frame, ["We tested the release properly"], limit=10)
    assert len(settled) == 2  # a negation apart: still its own question


def test_a_confirmed_category_reaches_answers_one_light_word_apart():
    from analysis.root_causes import classify_with_confidence

    corrections = pd.DataFrame(
        {"text": ["Nobody owned the release checklist"], "category": ["staffing_resources"]}
    )
    found = classify_with_confidence(
        ["Nobody owned the release checklist, honestly", "Nobody owned the checklist"],
        corrections,
    )
    assert found.loc[0, "category"] == "staffing_resources"
    assert found.loc[0, "confidence"] == 1.0
    assert found.loc[1, "confidence"] < 1.0  # a content word apart: the model decides


def test_near_identical_groups_are_transitive_and_ignore_order_of_input():
    keys = ["a b c d", "a b c d again", "a b c d again really", "x y z w"]
    assert near_identical_groups(keys) == [0, 0, 0, 3]
    assert near_identical_groups(keys[::-1]) == [0, 1, 1, 1]


def test_answers_under_four_words_never_merge_even_by_a_light_word():
    assert near_identical_groups(["the tests failed", "our tests failed"]) == [0, 1]
    assert near_identical_groups(["the tests failed today", "our tests failed today"]) == [0, 0]


def test_a_confirmed_category_reaches_one_step_only_and_whatever_the_batch():
    from analysis.root_causes import classify_with_confidence

    corrections = pd.DataFrame(
        {"text": ["Our deploy pipeline skipped the smoke tests"], "category": ["testing_quality"]}
    )
    two_steps = "Our deploy pipeline skipped the smoke tests again honestly"
    one_step = "Our deploy pipeline skipped the smoke tests again"
    alone = classify_with_confidence([two_steps], corrections).iloc[0]
    beside = classify_with_confidence([one_step, two_steps], corrections).iloc[1]
    assert alone["confidence"] == beside["confidence"] < 1.0
    assert classify_with_confidence([one_step], corrections).iloc[0]["confidence"] == 1.0
