"""Each question kind owns its behaviour: normalising, storing, reading back, showing.

A kind added to `surveys.questionnaire.Question` fails here until it has that behaviour,
an example below, a respondent form field and a sample-data generator.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

import pandas as pd
import pytest

from afterward.web.respondent_pages import FORM_VALUES
from surveys import receipts, responses, setup
from surveys.questionnaire import (
    KINDS,
    NUMERIC_KINDS,
    BaseQuestion,
    Questionnaire,
    QuestionnaireError,
    parse_questionnaire,
    scale_of,
)
from surveys.sample import ANSWER_SAMPLERS

# Per kind: extra fields of an example question, (raw, normalised) pairs, and
# (raw, exact message) pairs the respondent sees for unusable values.
EXAMPLES: dict[str, tuple[dict[str, Any], list[tuple[Any, Any]], list[tuple[Any, str]]]] = {
    "likert": (
        {},
        [("Agree", 4), (1, 1), (5.0, 5)],
        [
            (6, "Pick a value from 1 to 5."),
            ("Kind of", "Pick a value from 1 to 5."),
            (2.5, "Pick a value from 1 to 5."),
            (True, "Pick a value from 1 to 5."),
        ],
    ),
    "rating": (
        {"low_label": "Never", "high_label": "Always"},
        [(7, 7), (0, 0), (10.0, 10)],
        [
            (11, "Pick a value from 0 to 10."),
            (-1, "Pick a value from 0 to 10."),
            ("7", "Pick a value from 0 to 10."),
            (False, "Pick a value from 0 to 10."),
        ],
    ),
    "single_choice": (
        {"options": ["Red", "Green", "Blue"]},
        [("Green", "Green")],
        [("Pink", "Pick one of the listed options."), (["Red"], "Pick one of the listed options.")],
    ),
    "multiple_choice": (
        {"options": ["Red", "Green", "Blue"]},
        [(["Blue", "Red", "Blue"], ["Red", "Blue"]), ("Green", ["Green"])],
        [(["Red", "Pink"], "Pick only from the listed options.")],
    ),
    "yes_no": (
        {},
        [("Yes", "Yes"), ("No", "No")],
        [("yes", "Answer yes or no."), (True, "Answer yes or no.")],
    ),
    "text": (
        {"max_length": 20},
        [("  Demos went well \r\n", "Demos went well"), ("a\r\nb\x00c", "a\nbc")],
        [
            (42, "Write your answer as text."),
            ("x" * 21, "Keep this under 20 characters (now 21)."),
        ],
    ),
}


def example(kind: str) -> Any:
    assert kind in EXAMPLES, f"add an example for the new question kind {kind!r}"
    fields = EXAMPLES[kind][0]
    questionnaire = Questionnaire.model_validate(
        {
            "id": "example",
            "title": "Example",
            "questions": [{"id": f"q_{kind}", "kind": kind, "prompt": kind, **fields}],
        }
    )
    return questionnaire.questions[0]


def every_kind() -> Questionnaire:
    return Questionnaire(id="every-kind", title="Every kind", questions=[example(k) for k in KINDS])


def test_the_registry_is_the_union_and_numeric_kinds_come_from_it():
    assert set(KINDS) == {"likert", "rating", "single_choice", "multiple_choice", "yes_no", "text"}
    for kind, cls in KINDS.items():
        assert type(example(kind)) is cls  # the discriminator and the registry agree
    assert NUMERIC_KINDS == ("likert", "rating")
    assert scale_of("likert") == (1, 5) and scale_of("rating") == (0, 10)
    for not_numeric in ("text", "yes_no", "essay"):
        with pytest.raises(ValueError, match="not a numeric question kind"):
            scale_of(not_numeric)
    with pytest.raises(
        QuestionnaireError, match="kind must be one of: " + ", ".join(sorted(KINDS))
    ):
        parse_questionnaire(
            "id: a\ntitle: A\nquestions:\n  - id: a\n    kind: essay\n    prompt: Hi\n"
        )


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_implements_the_behaviour(kind: str):
    cls = KINDS[kind]
    for method in ("_normalise", "answer_rows", "value_from_rows"):
        assert getattr(cls, method) is not getattr(BaseQuestion, method), f"{kind}.{method}"
    assert cls.stored_in in ("value_number", "value_choice", "value_text")
    assert (cls.scale is not None) == (kind in NUMERIC_KINDS)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_round_trips_through_its_stored_rows(kind: str):
    q = example(kind)
    _, good, bad = EXAMPLES[kind]
    for unanswered in (None, "", []):
        assert q.normalise(unanswered) is None
    for raw, expected in good:
        value = q.normalise(raw)
        assert value == expected
        rows = q.answer_rows(value)
        assert rows and all(r.question_id == q.id for r in rows)
        assert all(getattr(r, q.stored_in) is not None for r in rows)
        assert len(rows) == (len(value) if q.multiple else 1)
        frame = pd.DataFrame([asdict(r) for r in rows])
        assert q.value_from_rows(frame) == value
        assert isinstance(q.display(value), str) and q.display(value)
    for raw, message in bad:
        with pytest.raises(ValueError) as raised:
            q.normalise(raw)
        assert str(raised.value) == message, raw


def test_display_is_what_the_respondent_reads():
    assert example("likert").display(4) == "4 – Agree"
    assert example("rating").display(7) == "7"
    assert example("multiple_choice").display(["Red", "Blue"]) == "Red, Blue"
    assert example("text").display("Demos") == "Demos"


def test_every_kind_round_trips_through_the_store(store):
    questionnaire = every_kind()
    survey_id = setup.create_survey(
        store,
        project="Every kind",
        template_id=questionnaire.id,
        quarter="2026Q3",
        opens_on=date(2026, 1, 1),
        templates={questionnaire.id: questionnaire},
    )
    raw = {f"q_{kind}": EXAMPLES[kind][1][0][0] for kind in KINDS}
    validation = responses.validate(questionnaire, raw)
    assert validation.ok, validation.errors
    code = responses.new_receipt_code()
    store.record_response(
        survey_id,
        responses.answer_rows(questionnaire, validation.answers),
        receipt_hash=responses.receipt_hash(code),
    )

    back = receipts.stored_response(store, code)
    assert back is not None
    assert {q.id: value for q, value in back.answers} == validation.answers

    store.release_pending([survey_id])  # answer_table reads released answers only
    table = store.answer_table(survey_id, [(q.id, q.kind) for q in questionnaire.questions])
    assert len(table) == 1
    for q in questionnaire.questions:
        value = validation.answers[q.id]
        if q.multiple:
            value = "; ".join(sorted(value))
        elif q.scale is not None:
            value = float(value)
        assert table[q.id].iloc[0] == value, q.kind
    with pytest.raises(ValueError, match="unknown question kind"):
        store.answer_table(survey_id, [("q_text", "essay")])


def test_a_kind_without_a_form_field_or_sample_generator_fails_here():
    # The form field itself is drawn per kind in afterward/web/templates/respondent_fields.html
    # (tests/test_respondent_pages.py answers every kind through it).
    assert set(FORM_VALUES) == set(KINDS)
    assert set(ANSWER_SAMPLERS) == set(KINDS)
