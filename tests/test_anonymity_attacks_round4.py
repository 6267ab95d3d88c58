"""Round 4 of a curious manager's attacks: views that name or count what another view hides.

A survey's root-cause breakdown hides a category fewer than the threshold of its answers
fall in (and, by complementary suppression, enough others that none can be recovered by
subtraction); its results page then names no hidden category beside an answer. Every other
view must keep to the same cells, or counting there rebuilds the hidden count.
"""

from __future__ import annotations

import re
import uuid
from datetime import date

import pandas as pd
import pytest

from afterward.services import analysis_upkeep, manager_views
from afterward.services.quarterly_review import quarterly_review
from analysis.insights import gated_cells, root_cause_cells, shown
from surveys import setup
from surveys.store import Scope, Store
from tests.test_text_analysis import TOPICS, load

PROJECT = "Harbour Website"
# Invented answers about build tooling, so that category of the survey is large enough to
# show while every other category of TOPICS (two answers each) stays hidden.
TOOLING = [
    "our CI runners kept timing out overnight",
    "the test suite takes an hour to run on CI",
    "flaky end-to-end tests blocked every merge",
    "the build scripts break whenever a dependency is bumped",
]


def _survey(store: Store, project: str = PROJECT, quarter: str = "2026Q3") -> str:
    """A project post-mortem survey (threshold 3, quote threshold 6)."""
    return setup.create_survey(
        store,
        project=project,
        template_id="project-postmortem",
        quarter=quarter,
        opens_on=date(2026, 7, 1),
    )


def _shown_categories(store: Store, survey_id: str) -> set[str]:
    """The categories ("none" included) the survey's own breakdown shows."""
    categories, none = root_cause_cells(manager_views.category_counts(store, [survey_id]))
    return {str(c) for c in [*shown(categories)["category"], *shown(none)["category"]]}


def _survey_of_answers(store: Store) -> dict[tuple[str, str], str]:
    rows = store.analysed_texts()
    keys = zip(rows["response_id"], rows["question_id"], strict=True)
    return dict(zip(keys, rows["survey_id"], strict=True))


def _named_where_hidden(store: Store, queue: pd.DataFrame) -> list[tuple[str, str, str]]:
    """(text, category, survey) of every card that names a category some survey of its
    answers hides."""
    survey_of = _survey_of_answers(store)
    shown_in = {s: _shown_categories(store, s) for s in set(survey_of.values())}
    found = []
    for text, members, category, second in zip(
        queue["text"], queue["members"], queue["category"], queue["second_category"], strict=True
    ):
        for member in members:
            survey = survey_of[(member["response_id"], member["question_id"])]
            for named in (category, second):
                if isinstance(named, str) and named and named not in shown_in[survey]:
                    if named == second and named not in _all_categories(store, survey):
                        continue  # a runner-up no answer of the survey has: no count to hide
                    found.append((text, named, survey))
    return found


def _all_categories(store: Store, survey_id: str) -> set[str]:
    return set(manager_views.category_counts(store, [survey_id])["category"].astype(str))


@pytest.fixture
def one_large_category(store: Store) -> str:
    """14 responses: tooling (six answers) is shown; the four other categories of TOPICS,
    two answers each, are hidden."""
    survey_id = _survey(store)
    load(store, survey_id, [*TOPICS, *TOOLING])
    analysis_upkeep.ensure_current(store)
    shown_here = _shown_categories(store, survey_id)
    assert shown_here == {"tech_debt_tooling"}, shown_here
    assert "monitoring_alerting" in _all_categories(store, survey_id)
    return survey_id


def test_review_cards_name_no_category_the_surveys_breakdown_hides(store, one_large_category):
    """Attack: the survey's root-cause chart hides 'monitoring and alerting' (two answers).
    Open the review queue filtered to the project and add up the answers of the cards that
    suggest it: 2, the hidden count. A card names a category only where the survey's own
    breakdown shows it; the others stay reviewable with no suggestion."""
    queue = manager_views.correction_queue(store, Scope(projects=(PROJECT,)), limit=100)
    assert queue["answers"].sum() == len(TOPICS) + len(TOOLING)  # every answer reviewable
    assert _named_where_hidden(store, queue) == []
    suggested = queue.dropna(subset=["category"]).groupby("category")["answers"].sum()
    assert suggested.to_dict() == {"tech_debt_tooling": 6}
    unnamed = queue[queue["category"].isna()]
    assert unnamed["answers"].sum() == len(TOPICS) - 2  # hidden cells add up to >= threshold
    assert unnamed["confidence"].isna().all()  # no confidence of an unnamed suggestion


@pytest.mark.parametrize("queries", [1, 4])
def test_a_card_shared_by_two_surveys_names_nothing_one_of_them_hides(store, monkeypatch, queries):
    """Attack: the same wording in two surveys shares one card. Survey A shows 'deployment
    and configuration' (all of its answers unreviewed, so all on cards); survey B hides it
    (one answer). The card's count minus A's shown cell is B's hidden cell."""
    certificate = "certificate expired in production"
    deployment = [
        certificate,
        "DNS misconfiguration during the release",
        "a wrong environment variable took the site down after deploy",
        "the release config pointed at the staging database",
    ]
    first = _survey(store, project=PROJECT)
    load(store, first, [*deployment, *TOOLING])
    second = _survey(store, project="Quay Mobile")
    load(store, second, [*TOPICS[:8], certificate, *TOOLING])
    analysis_upkeep.ensure_current(store)
    assert "deployment_configuration" in _shown_categories(store, first)
    assert "deployment_configuration" not in _shown_categories(store, second)
    assert "deployment_configuration" in _all_categories(store, second)

    # With one query, both surveys are asked together and B's hidden cells apply to all.
    monkeypatch.setattr(manager_views, "REVIEW_QUERIES", queries)
    queue = manager_views.correction_queue(store, Scope(), limit=100)
    card = queue[queue["text"] == certificate].iloc[0]
    assert card["answers"] == 2
    assert pd.isna(card["category"])
    assert _named_where_hidden(store, queue) == []
    # A's other deployment answers keep their suggestion when A is asked apart.
    named = queue[queue["category"] == "deployment_configuration"]
    assert named["answers"].sum() == (len(deployment) - 1 if queries > 1 else 0)


def test_reviewing_a_card_without_a_suggestion_stores_the_managers_category(
    store, one_large_category
):
    """The cards without a suggestion are still work: a review stores every answer."""
    queue = manager_views.correction_queue(store, Scope(), limit=100)
    card = queue[queue["category"].isna()].iloc[0]
    saved = manager_views.review_card(store, card["members"], "monitoring_alerting")
    assert saved == card["answers"]
    assert len(store.category_corrections()) == saved


def test_the_root_cause_page_names_no_hidden_category_on_a_card(app, db_path):
    """The page draws what the queue gives: no 'Suggested:' naming a hidden category, and
    the card without a suggestion asks for one."""
    from analysis.taxonomy import category_label

    with Store(db_path) as store:
        survey_id = _survey(store)
        load(store, survey_id, [*TOPICS, *TOOLING])
    app.session_state["manager_login"] = True
    app.run()
    app.switch_page("app_pages/manager/root_causes.py").run()
    assert not app.exception, [e.message for e in app.exception]
    captions = [c.value for c in app.caption]
    for hidden in ("monitoring_alerting", "estimation_schedule", "deployment_configuration"):
        assert not any(category_label(hidden) in c for c in captions), (hidden, captions)
    assert any("No suggestion shown" in c for c in captions), captions
    assert any(f"Suggested: {category_label('tech_debt_tooling')}" in c for c in captions)


# -- the quarterly review's note on free text ------------------------------------------------

LONE = "I alone think the vendor contract was signed without reading it"


def _responses(
    store: Store, survey_id: str, went_wrong: list[str], *, lone: str = "", ratings: int = 0
) -> None:
    """Responses answering 'went_wrong' with `went_wrong`, and `ratings` more answering only
    a rating; the first of all also answers the optional 'root_cause' with `lone`."""
    count = len(went_wrong) + ratings
    ids = [str(uuid.uuid4()) for _ in range(count)]
    rows = [(r, "goals_clear", 4.0, None) for r in ids]
    rows += [(r, "went_wrong", None, t) for r, t in zip(ids, went_wrong, strict=False)]
    if lone:
        rows.append((ids[0], "root_cause", None, lone))
    responses = pd.DataFrame(
        {"response_id": ids, "survey_id": survey_id, "submitted_on": date(2026, 7, 5)}
    )
    answers = pd.DataFrame(
        {
            "response_id": [r for r, _, _, _ in rows],
            "survey_id": survey_id,
            "question_id": [q for _, q, _, _ in rows],
            "value_number": [n for _, _, n, _ in rows],
            "value_text": [t for _, _, _, t in rows],
            "value_choice": None,
        }
    )
    store.bulk_load(responses, answers)


def _numbers(note: str, quarter: str) -> list[str]:
    return re.findall(r"\d[\d,]*", note.replace(quarter, ""))


def test_the_not_analysed_note_gives_no_count_of_a_hidden_question(store):
    """Attack: before the analysis ran, the review said '11 of 11 free-text answers of
    2026Q3 have not been analysed yet'. The results page lists 10 answers to 'what went
    wrong' and hides 'root cause' (one person answered it): 11 - 10 = 1, that person
    answered the optional question. The note says that answers wait, with no count."""
    survey_id = _survey(store)
    _responses(store, survey_id, TOPICS, lone=LONE)
    review = quarterly_review(store, "2026Q3", on=date(2026, 11, 2))
    assert "have not been analysed yet" in review.text_note
    assert _numbers(review.text_note, "2026Q3") == [], review.text_note


def test_the_note_says_the_same_whether_nobody_or_one_person_wrote_free_text(store):
    """Attack: in a survey where everyone answered only ratings, the review said 'no
    free-text answers to analyse'; where one person also answered the optional question it
    said nothing. The difference told whether that one person wrote something. A question
    fewer than the threshold answered counts as none: both say the same."""
    silent = _survey(store, quarter="2026Q2")
    _responses(store, silent, [], ratings=8)
    lone = _survey(store, quarter="2026Q3")
    _responses(store, lone, [], ratings=8, lone=LONE)
    analysis_upkeep.ensure_current(store)
    notes = {
        quarter: quarterly_review(store, quarter, on=date(2026, 11, 2)).text_note
        for quarter in ("2026Q2", "2026Q3")
    }
    assert notes["2026Q2"] == notes["2026Q3"].replace("2026Q3", "2026Q2"), notes
    assert notes["2026Q3"], notes  # the report still says why root causes are missing


# -- theme quotes: only from surveys whose own breakdown shows the theme ----------------------


def _set_themes(store: Store, survey_id: str, texts: list[str], theme_id: int) -> None:
    """Put the survey's answers with these texts in `theme_id`, its other answers in none
    (as the analysis stores themes: a manager's split or merge moves answers the same way)."""
    rows = store.analysed_texts()
    rows = rows[rows["survey_id"] == survey_id].copy()
    rows["theme_id"] = [theme_id if t in texts else -1 for t in rows["text"]]
    store.save_text_analysis(rows)


def test_theme_quotes_neither_come_from_nor_count_a_survey_that_hides_the_theme(store):
    """Attack: survey A shows a theme with 4 answers; survey B hides it (2 answers, below
    the threshold). Quotes need 6 responses: filtered to A they are missing; with both
    surveys in view they appeared (4 + 2 = 6), with B's one answer they would not (4 + 1).
    Whether quotes show told B's hidden count, and the quotes named B's answers beside a
    theme B's own page hides. Only surveys that show the theme give (and count) quotes."""
    first = _survey(store)
    load(store, first, [*TOOLING, *TOPICS[2:6]])
    second = _survey(store, project="Quay Mobile")
    load(store, second, TOPICS)
    analysis_upkeep.ensure_current(store)
    themes = store.analysed_texts().query("theme_id >= 0")["theme_id"]
    theme = int(themes.mode().iloc[0])
    _set_themes(store, first, TOOLING, theme)
    _set_themes(store, second, TOPICS[:2], theme)
    cells = {
        s: gated_cells(manager_views.theme_counts(store, [s]), "theme_id").set_index("theme_id")
        for s in (first, second)
    }
    assert cells[first].loc[theme, "answers"] == 4
    assert bool(cells[second].loc[theme, "suppressed"])

    quotes, needed = manager_views.theme_quotes(store, Scope(), theme)
    assert needed == 6
    assert not set(quotes) & set(TOPICS), quotes  # nothing of B, whose page hides the theme
    assert quotes == [], quotes  # A alone has 4 of the 6 responses quotes need


# -- a question counted but not listed ----------------------------------------------------------

MONITORING = [
    "alerts were noisy so we missed the real page",
    "no monitoring on the payment queue",
    "nobody watched the error dashboards during launch",
    "the on-call pager never fired for the outage",
    "we had no alert when the disk filled up",
    "monitoring missed the memory leak for days",
]


def test_category_counts_minus_the_listed_answers_say_nothing_of_a_question_not_listed(store):
    """Attack: ten responses answer 'what went wrong' (listed on the results page with each
    answer's category: six monitoring, four tooling); four of them also answer the optional
    'root cause' question, enough to count (threshold 3) but not to be listed (quote
    threshold 6). The survey's monitoring cell said 7: 7 - 6 listed = 1, so exactly one of
    the four 'root cause' answers was about monitoring, the other three about tooling. In a
    survey that lists free text, only the listed questions count."""
    from afterward.services import survey_results

    survey_id = _survey(store)
    ids = load(store, survey_id, [*MONITORING, *TOOLING])
    root_cause = [TOPICS[6], TOPICS[0], TOPICS[1], TOOLING[0]]  # one monitoring, three tooling
    store.bulk_load(
        pd.DataFrame(columns=["response_id", "survey_id", "submitted_on"]),
        pd.DataFrame(
            {
                "response_id": ids[:4],
                "survey_id": survey_id,
                "question_id": "root_cause",
                "value_number": None,
                "value_text": root_cause,
                "value_choice": None,
            }
        ),
    )
    analysis_upkeep.ensure_current(store)
    assert survey_results.quoted_questions(store, survey_id) == {"went_wrong"}
    listed = survey_results.survey_texts(store, survey_id)
    by_category = listed.groupby("category")["answers"].sum()
    as_json = survey_results.survey_results(store, survey_id)
    assert as_json["categories"], as_json["categories"]  # the survey does show categories
    for cell in as_json["categories"]:
        assert cell["answers"] == by_category.get(cell["category"], 0), (cell, by_category)


def test_a_survey_that_hides_a_theme_gives_no_words_to_its_name(store):
    """Attack: a theme's name and keywords use only words at least 6 responses wrote. Survey
    A shows the theme with 4 answers; survey B hides it (2 answers, in the same words). The
    words counted 4 + 2 = 6 and named the theme; with B's one answer they would not
    (4 + 1): the theme's name told B's hidden count. Only answers of surveys that show
    the theme count towards its words."""
    import json

    from analysis.label_terms import term_support
    from analysis.themes import ThemeFinder

    first = _survey(store)
    load(store, first, [*TOOLING, *TOPICS[2:6]])
    second = _survey(store, project="Quay Mobile")
    load(store, second, [*TOOLING[:2], *TOPICS[2:]])
    analysis_upkeep.ensure_current(store)
    themes = store.analysed_texts().query("theme_id >= 0")["theme_id"]
    theme = int(themes.mode().iloc[0])
    _set_themes(store, first, TOOLING, theme)
    _set_themes(store, second, TOOLING[:2], theme)
    assert bool(
        gated_cells(manager_views.theme_counts(store, [second]), "theme_id")
        .set_index("theme_id")
        .loc[theme, "suppressed"]
    )
    model = ThemeFinder.from_dict(json.loads(store.theme_state()))
    rows = store.analysed_texts()
    candidates = analysis_upkeep.label_candidates(model)
    counted = analysis_upkeep._support(store, rows, model)
    expected = term_support(rows[rows["survey_id"] == first], candidates)
    mine = counted[counted["theme_id"] == theme].sort_values("term").reset_index(drop=True)
    only_first = expected[expected["theme_id"] == theme].sort_values("term")
    assert len(only_first), "the theme has words"
    pd.testing.assert_frame_equal(mine, only_first.reset_index(drop=True), check_dtype=False)


def test_hidden_cells_per_survey_are_the_cells_each_results_page_hides(store):
    """`hidden_categories` and `hidden_themes` (the review queue, theme quotes and theme
    words use them) agree with the cells each survey's own breakdown hides."""
    from tests.pages.data import populate

    populate(store, responses_per_survey=7)
    analysis_upkeep.ensure_current(store)
    ids = manager_views.shown_survey_ids(store, Scope())
    categories = manager_views.hidden_categories(store, ids)
    themes = manager_views.hidden_themes(store, ids)
    assert any(categories.values()) and any(themes.values())  # the data hides something
    for survey_id in ids:
        cells, none = root_cause_cells(manager_views.category_counts(store, [survey_id]))
        both = pd.concat([cells, none])
        assert categories[survey_id] == set(both.loc[both["suppressed"], "category"])
        theme_cells = gated_cells(manager_views.theme_counts(store, [survey_id]), "theme_id")
        hidden = theme_cells.loc[theme_cells["suppressed"].astype(bool), "theme_id"]
        assert themes[survey_id] == {int(t) for t in hidden}


# -- the analysis's progress --------------------------------------------------------------------


def test_the_analysis_progress_gives_no_count_of_new_answers(store):
    """Attack: a release of three responses; the page's progress bar said 'Finding root
    causes in 4 new answers' while 'what went wrong' grew by 3 on the results page: 4 - 3 =
    1, one of the three answered the optional question the page hides. The progress says
    what it does, never how many answers."""
    survey_id = _survey(store)
    _responses(store, survey_id, TOPICS)
    analysis_upkeep.ensure_current(store)
    _responses(store, survey_id, TOOLING[:3], lone=LONE)
    messages: list[str] = []
    analysis_upkeep.ensure_current(store, lambda fraction, message: messages.append(message))
    assert messages, "the analysis ran"
    assert [m for m in messages if re.search(r"\d", m)] == [], messages
    # A full re-analysis (a review changes the classifier) says no count either.
    text = store.analysed_texts()
    store.correct_category(text["response_id"].iloc[0], "went_wrong", "tech_debt_tooling")
    messages.clear()
    analysis_upkeep.ensure_current(store, lambda fraction, message: messages.append(message))
    assert messages and [m for m in messages if re.search(r"\d", m)] == [], messages


def test_the_pages_analysis_status_gives_no_count_of_answers(app, db_path):
    """Attack: where no background worker runs (the dashboard served by plain `streamlit
    run`), a page analyses on the spot and says 'Analysis up to date (11 answers)'; the
    results page lists 10 answers: the eleventh is the lone answer to the optional question
    it hides."""
    with Store(db_path) as store:
        survey_id = _survey(store)
        _responses(store, survey_id, TOPICS, lone=LONE)
    app.session_state["manager_login"] = True
    app.run()
    app.switch_page("app_pages/manager/root_causes.py").run()
    assert not app.exception, [e.message for e in app.exception]
    labels = [s.label for s in app.status]
    assert any("up to date" in label for label in labels), labels
    assert [label for label in labels if re.search(r"\d", label)] == [], labels
