import pytest

from afterward.services import responding
from surveys import responses
from surveys.questionnaire import load_templates

POSTMORTEM = load_templates()[0]["project-postmortem"]
CLIENT = load_templates()[0]["client-feedback"]
REQUIRED = {
    "goals_clear": "Agree",
    "schedule_realistic": 2,
    "schedule_detailed": 5,
    "communication": 0,
}


def test_complete_answers_validate_and_become_typed_rows():
    result = responses.validate(POSTMORTEM, REQUIRED | {"role": "Client", "went_well": "  Demos  "})
    assert result.ok
    assert result.answers["goals_clear"] == 4
    assert result.answers["went_well"] == "Demos"
    rows = {r.question_id: r for r in responses.answer_rows(POSTMORTEM, result.answers)}
    assert rows["goals_clear"].value_number == 4.0
    assert rows["communication"].value_number == 0.0
    assert rows["role"].value_choice == "Client"
    assert rows["went_well"].value_text == "Demos"
    assert "went_wrong" not in rows  # optional and unanswered: no row at all


@pytest.mark.parametrize(
    ("question", "value", "message"),
    [
        ("goals_clear", 6, "from 1 to 5"),
        ("goals_clear", "Kind of", "from 1 to 5"),
        ("communication", 11, "from 0 to 10"),
        ("communication", 2.5, "from 0 to 10"),
        ("communication", True, "from 0 to 10"),
        ("role", "CEO", "listed options"),
        ("went_wrong", "x" * 2001, "under 2000 characters"),
        ("went_wrong", 42, "as text"),
    ],
)
def test_out_of_range_values_are_refused_with_a_message(question, value, message):
    result = responses.validate(POSTMORTEM, REQUIRED | {question: value})
    assert message in result.errors[question]


def test_multiple_choice_keeps_questionnaire_order_and_one_row_per_choice():
    answers = {
        "goals_clear": 3,
        "schedule_realistic": 3,
        "communication": 5,
        "recommend": 9,
        "valued": ["Value for money", "Quality of the work", "Value for money"],
    }
    result = responses.validate(CLIENT, answers)
    assert result.answers["valued"] == ["Quality of the work", "Value for money"]
    rows = responses.answer_rows(CLIENT, result.answers)
    assert [r.value_choice for r in rows if r.question_id == "valued"] == [
        "Quality of the work",
        "Value for money",
    ]
    bad = responses.validate(CLIENT, answers | {"valued": ["Free lunch"]})
    assert "valued" in bad.errors


def test_control_characters_are_removed_before_the_respondent_confirms():
    cleaned = responses.clean_text("a\x00b\x1bc\r\nd\te 🙂 שלום")
    assert cleaned == "abc\nd\te 🙂 שלום"


def test_stored_form_redacts_only_free_text():
    result = responses.validate(POSTMORTEM, REQUIRED | {"went_wrong": "Ask jo@acme.example"})
    stored = responding.stored_form(POSTMORTEM, result.answers)
    assert stored["went_wrong"] == "Ask [email]"
    assert stored["goals_clear"] == 4
