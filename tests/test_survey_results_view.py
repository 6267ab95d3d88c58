"""The survey results page's data (`survey_results_view`) on a real DuckDB: Likert bands,
NPS, rating distributions, comparison with earlier surveys, and the gate."""

from __future__ import annotations

import time
import uuid
from datetime import date

import pandas as pd
import pytest

from afterward.services.survey_results import (
    DETRACTORS,
    FAVOURABLE,
    NEUTRAL,
    PASSIVES,
    PROMOTERS,
    UNFAVOURABLE,
    is_nps,
    likert_band,
    nps_group,
    survey_choices,
    survey_results,
    survey_results_view,
)
from surveys import setup
from surveys.questionnaire import load_templates, parse_questionnaire
from surveys.store import Store
from tests.pages.data import bulk_rows


def make_survey(store: Store, opens_on: date, project="Kestrel", threshold=3) -> str:
    return setup.create_survey(
        store,
        project=project,
        template_id="client-feedback",
        quarter=f"{opens_on.year}Q{(opens_on.month - 1) // 3 + 1}",
        opens_on=opens_on,
        threshold=threshold,
    )


def load(store: Store, survey_id: str, rows: list[dict]) -> None:
    """Whole surveys at once (bulk: released together, as history)."""
    responses, answers = [], []
    for row in rows:
        response_id = str(uuid.uuid4())
        responses.append((response_id, survey_id, date(2026, 1, 2)))
        for question_id, value in row.items():
            number = float(value) if isinstance(value, int) else None
            choice = value if isinstance(value, str) else None
            answers.append((response_id, survey_id, question_id, number, None, choice))
    bulk_rows(store, responses, answers)


def by_id(view, question_id):
    return next(q for q in view.questions if q.question_id == question_id)


def test_rules():
    assert [likert_band(v, (1, 5)) for v in range(1, 6)] == [
        UNFAVOURABLE,
        UNFAVOURABLE,
        NEUTRAL,
        FAVOURABLE,
        FAVOURABLE,
    ]
    assert [nps_group(v) for v in (0, 6, 7, 8, 9, 10)] == [
        DETRACTORS,
        DETRACTORS,
        PASSIVES,
        PASSIVES,
        PROMOTERS,
        PROMOTERS,
    ]
    client = load_templates()[0]["client-feedback"]
    assert [q.id for q in client.questions if is_nps(q)] == ["recommend"]
    # Other questionnaires have no recommendation question.
    for template_id in ("sprint-retro", "project-postmortem", "incident-postmortem"):
        assert not any(is_nps(q) for q in load_templates()[0][template_id].questions)
    likert = parse_questionnaire(
        "id: x\ntitle: X\nquestions:\n  - id: r\n    kind: likert\n"
        "    prompt: How likely is it you would recommend this tool?\n"
    )
    assert not is_nps(likert.questions[0])  # a 1-5 scale is never NPS
    assert client.question("recommend").nps is True  # the questionnaire says so itself

    def rating(extra: str, prompt: str = "Rate the launch from 0 to 10."):
        text = f"id: x\ntitle: X\nquestions:\n  - id: r\n    kind: rating\n    prompt: {prompt}\n"
        return parse_questionnaire(text + extra).questions[0]

    assert is_nps(rating("    nps: true\n"))  # the flag, whatever the wording
    recommend = "How likely are you to recommend the on-call rota?"
    assert not is_nps(rating("    nps: false\n", recommend))  # the flag overrides the wording
    assert is_nps(rating("", recommend))  # frozen before the flag existed: the wording


def test_likert_nps_and_ratings_from_released_answers(store):
    survey_id = make_survey(store, date(2026, 4, 1))
    recommend = [10, 9, 9, 8, 7, 6, 3, 0, 10, 10]
    goals = [5, 4, 4, 3, 2, 1, 5, 4, 3, 4]
    load(
        store,
        survey_id,
        [
            {"goals_clear": g, "communication": 7, "recommend": r, "work_again": "Yes"}
            for g, r in zip(goals, recommend, strict=True)
        ],
    )
    view = survey_results_view(store, survey_id)
    assert view.released == 10 and view.message == "" and view.earlier_surveys == 0
    goals_result = by_id(view, "goals_clear")
    assert goals_result.chart == "likert"
    bands = goals_result.bands.set_index("band")["responses"].to_dict()
    assert bands == {UNFAVOURABLE: 2, NEUTRAL: 2, FAVOURABLE: 6}
    assert goals_result.favourable == pytest.approx(0.6)
    assert goals_result.counts["responses"].tolist() == [1, 1, 2, 4, 2]
    nps = by_id(view, "recommend")
    assert nps.chart == "nps"
    groups = nps.bands.set_index("band")["responses"].to_dict()
    assert groups == {DETRACTORS: 3, PASSIVES: 2, PROMOTERS: 5}
    assert nps.nps == pytest.approx(100 * (5 - 3) / 10)
    # Every value of the scale, zero counts kept: 0..10.
    assert nps.counts["value"].tolist() == [str(v) for v in range(11)]
    assert nps.counts["responses"].sum() == 10
    assert nps.counts["band"].tolist() == [DETRACTORS] * 7 + [PASSIVES] * 2 + [PROMOTERS] * 2
    rating = by_id(view, "communication")
    assert rating.chart == "rating" and rating.mean == pytest.approx(7.0)
    assert by_id(view, "work_again").counts.set_index("value")["responses"].to_dict() == {
        "Yes": 10,
        "No": 0,
    }
    # Not answered by enough people: hidden, without saying how many did.
    assert by_id(view, "schedule_realistic").hidden.startswith("Fewer than 3 people answered")
    assert by_id(view, "went_well").chart == "text"


def test_the_public_results_keep_their_shape(store):
    survey_id = make_survey(store, date(2026, 4, 1))
    load(store, survey_id, [{"recommend": 9}] * 4)
    results = survey_results(store, survey_id)
    assert set(results) == {
        "survey_id",
        "threshold",
        "released_responses",
        "waiting",
        "questions",
        "roles",
        "categories",
        "themes",
    }
    assert results["released_responses"] == 4


def test_earlier_surveys_of_the_questionnaire_are_combined_only_when_shown(store):
    """Comparisons combine earlier shown surveys; a hidden earlier survey (2 responses under
    a threshold of 3) adds nothing, nor does a later one."""
    earlier_a = make_survey(store, date(2025, 4, 1))
    earlier_b = make_survey(store, date(2025, 7, 1), project="Osprey")
    hidden = make_survey(store, date(2025, 10, 1), project="Plover")
    current = make_survey(store, date(2026, 4, 1))
    later = make_survey(store, date(2026, 7, 1))
    load(store, earlier_a, [{"recommend": 10, "goals_clear": 5}] * 3)
    load(store, earlier_b, [{"recommend": 0, "goals_clear": 1}] * 3)
    load(store, hidden, [{"recommend": 0, "goals_clear": 1}] * 2)
    load(store, current, [{"recommend": 9, "goals_clear": 4}] * 4)
    load(store, later, [{"recommend": 0, "goals_clear": 1}] * 5)
    view = survey_results_view(store, current)
    assert view.earlier_surveys == 2
    before = by_id(view, "recommend").earlier
    assert before["surveys"] == 2 and before["answered"] == 6
    assert before["nps"] == pytest.approx(0.0)  # 3 promoters, 3 detractors
    assert before["mean"] == pytest.approx(5.0)
    assert by_id(view, "goals_clear").earlier["favourable"] == pytest.approx(0.5)
    assert by_id(view, "work_again").earlier is None  # no comparison for choices
    # The first survey has nothing earlier to compare with.
    assert by_id(survey_results_view(store, earlier_a), "recommend").earlier is None


def test_an_optional_question_two_answered_shows_nothing_of_them(store):
    """Attack: an optional question only two answered; its numbers would be theirs, and its
    answered count would tell that exactly two (or one) people answered it."""
    survey_id = make_survey(store, date(2026, 4, 1))
    load(store, survey_id, [{"recommend": 9, "communication": 2}] * 2 + [{"recommend": 9}] * 4)
    result = by_id(survey_results_view(store, survey_id), "communication")
    assert result.answered == 0 and result.mean is None and result.counts.empty
    assert "2" not in result.hidden and result.hidden.startswith("Fewer than 3")


def test_a_hidden_survey_shows_only_the_gate_message(store):
    """Attack: open the page of a survey below its threshold, hoping for any number."""
    survey_id = make_survey(store, date(2026, 4, 1), threshold=5)
    load(store, survey_id, [{"recommend": 0}] * 4)
    view = survey_results_view(store, survey_id)
    assert view.released == 0 and view.questions == []
    assert view.message.startswith("Hidden to protect anonymity: 4 response(s)")
    assert "1 more needed" in view.message
    assert not view.texts.visible


def test_unknown_survey_is_a_clear_error(store):
    with pytest.raises(ValueError, match="No survey"):
        survey_results_view(store, str(uuid.uuid4()))


def test_choices_are_newest_first(store):
    old = make_survey(store, date(2025, 4, 1))
    new = make_survey(store, date(2026, 4, 1))
    assert survey_choices(store)["survey_id"].tolist() == [new, old]


def test_a_large_survey_is_fast(store):
    """1M answers over 100 surveys of one questionnaire: the page's data for one survey
    (the page caches it per data version) is computed in well under the page budget."""
    ids = [
        make_survey(store, date(2020 + i // 40, 1 + (i // 4) % 10, 1 + i % 4)) for i in range(100)
    ]
    per_survey = 2500  # x 4 answers = 10k answers per survey, 1M in all
    responses, answers = [], []
    for n, survey_id in enumerate(ids):
        rid = [str(uuid.uuid4()) for _ in range(per_survey)]
        responses.append(pd.DataFrame({"response_id": rid, "survey_id": survey_id}))
        for q, values in (
            ("goals_clear", 5),
            ("schedule_realistic", 5),
            ("communication", 11),
            ("recommend", 11),
        ):
            low = 1 if values == 5 else 0
            answers.append(
                pd.DataFrame(
                    {
                        "response_id": rid,
                        "survey_id": survey_id,
                        "question_id": q,
                        "value_number": [
                            float(low + (i * 7 + n) % values) for i in range(per_survey)
                        ],
                        "value_text": None,
                        "value_choice": None,
                    }
                )
            )
    frame = pd.concat(responses).assign(submitted_on=date(2026, 1, 2))
    store.bulk_load(
        frame, pd.concat(answers).astype({"value_text": object, "value_choice": object})
    )
    started = time.perf_counter()
    view = survey_results_view(store, ids[-1])
    elapsed = time.perf_counter() - started
    assert view.released == per_survey and view.earlier_surveys > 50
    assert by_id(view, "recommend").earlier["answered"] > 100_000
    print(f"survey_results_view at 1M answers: {elapsed:.2f} s")
    assert elapsed < 1.0, elapsed


def test_value_counts_count_responses_once_per_multiple_choice_question(store):
    first, second = make_survey(store, date(2025, 4, 1)), make_survey(store, date(2025, 7, 1))
    for survey_id in (first, second):
        responses = [str(uuid.uuid4()) for _ in range(3)]
        store.bulk_load(
            pd.DataFrame({"response_id": responses, "survey_id": survey_id}).assign(
                submitted_on=date(2025, 8, 1)
            ),
            pd.DataFrame(
                [
                    (r, survey_id, "valued", None, None, option)
                    for r in responses
                    for option in ("Speed of delivery", "Value for money")
                ]
                + [(r, survey_id, "recommend", 9.0, None, None) for r in responses],
                columns=[
                    "response_id",
                    "survey_id",
                    "question_id",
                    "value_number",
                    "value_text",
                    "value_choice",
                ],
            ),
        )
    counts = store.value_counts([first, second, str(uuid.uuid4())])
    valued = counts[counts["question_id"] == "valued"]
    assert valued["responses"].tolist() == [6, 6] and set(valued["answered"]) == {6}
    recommend = counts[counts["question_id"] == "recommend"]
    assert recommend[["value", "responses", "answered", "surveys"]].values.tolist() == [
        ["9", 6, 6, 2]
    ]
    assert store.value_counts([]).empty


def test_role_groups_all_hidden_say_so_without_a_chart(store):
    """Three of one role and two lone ones (threshold 3): the lone ones merge into a group of
    2, which hides, and the 3 hide with them (else 5 - 3 = 2 reads off). The question says
    the groups are hidden instead of drawing an empty chart."""
    from afterward.services.survey_results import ROLES_HIDDEN

    survey_id = setup.create_survey(
        store, project="Kestrel", template_id="project-postmortem", opens_on=date(2026, 4, 1)
    )
    roles = ["Team member"] * 3 + ["Client", "Manager"]
    load(store, survey_id, [{"role": r, "communication": 7} for r in roles])
    store.set_survey_status(survey_id, "closed")  # views by role wait until it closes
    role = by_id(survey_results_view(store, survey_id), "role")
    assert role.hidden == ROLES_HIDDEN and "anonymity" in role.hidden
    assert role.counts.empty
    assert "Client" not in role.hidden and "3" not in role.hidden


def test_a_closed_survey_without_responses_says_no_responses(store):
    from afterward.services.survey_results import NO_RESPONSES

    survey_id = make_survey(store, date(2026, 4, 1))
    waiting = survey_results_view(store, survey_id)
    assert "3 more needed" in waiting.message  # still open: more may come
    store.set_survey_status(survey_id, "closed")
    closed = survey_results_view(store, survey_id)
    assert closed.message == NO_RESPONSES and "more needed" not in closed.message
    assert closed.questions == [] and closed.released == 0
