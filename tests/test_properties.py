"""Property-based tests: odd input never causes a traceback or a silent change."""

from __future__ import annotations

import pandas as pd
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from afterward.services import exports, responding
from analysis.inert_text import BIDI_CONTROLS, starts_formula
from surveys import responses
from surveys.links import LinkState
from surveys.questionnaire import Questionnaire, QuestionnaireError, parse_questionnaire
from surveys.receipts import stored_response
from surveys.setup import questionnaire_of

FIXTURE_OK = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
NASTY = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "a\x00b",
        "🙂" * 50,
        "مرحبا بالعالم",
        "שלום עולם",
        "\u202eevil",
        "'; DROP TABLE answers; --",
        "<script>alert(1)</script>",
        "=1+1",
        "\uff1d1+1",
        ";@SUM(A1)",
        "\u2066\u202e=1\u2069",
        "\r\n\r\n",
        "x" * 1999,
        "\ud800",
        "Ｆｕｌｌｗｉｄｔｈ",
        "NULL",
        "None",
        "[name]",
    ]
)
TEXT = st.one_of(NASTY, st.text(max_size=300), st.text(alphabet=st.characters(), max_size=50))

yaml_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20))
yaml_values = st.recursive(
    yaml_scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)
QUESTION_KEYS = st.sampled_from(
    [
        "id",
        "kind",
        "prompt",
        "options",
        "labels",
        "required",
        "max_length",
        "help",
        "breakdown",
        "typo",
    ]
)


@given(st.text(max_size=400))
def test_any_text_either_parses_or_names_the_problem(text):
    try:
        result = parse_questionnaire(text, "random.yaml")
    except QuestionnaireError as exc:
        assert str(exc).startswith("random.yaml")
    else:
        assert isinstance(result, Questionnaire)


@given(st.lists(st.dictionaries(QUESTION_KEYS, yaml_values, max_size=6), max_size=4), yaml_values)
def test_any_structure_either_parses_or_names_the_problem(questions, title):
    text = yaml.safe_dump({"id": "random", "title": title, "questions": questions})
    try:
        parse_questionnaire(text, "random.yaml")
    except QuestionnaireError as exc:
        assert str(exc).startswith("random.yaml")


@settings(max_examples=40, deadline=None, suppress_health_check=FIXTURE_OK)
@given(
    went_wrong=TEXT,
    root_cause=TEXT,
    rating=st.one_of(st.integers(-5, 15), st.none(), st.floats(allow_nan=True), TEXT),
)
def test_what_is_stored_is_exactly_what_the_respondent_confirmed(
    store, survey_id, went_wrong, root_cause, rating
):
    survey = store.survey(survey_id)
    questionnaire = questionnaire_of(survey)
    raw = {
        "goals_clear": 3,
        "schedule_realistic": 4,
        "schedule_detailed": 2,
        "communication": rating,
        "went_wrong": went_wrong,
        "root_cause": root_cause,
    }
    checked = responses.validate(questionnaire, raw)
    if not checked.ok:
        assert set(checked.errors) <= {"communication", "went_wrong", "root_cause"}
        return
    confirmed = responding.stored_form(questionnaire, checked.answers)
    code = responses.submit(store, LinkState("ok", survey), confirmed)
    stored = dict((q.id, value) for q, value in stored_response(store, code).answers)
    assert stored == confirmed


@settings(max_examples=25, deadline=None, suppress_health_check=FIXTURE_OK)
@given(texts=st.lists(TEXT, min_size=10, max_size=12))
def test_exports_never_fail_and_neutralise_every_formula(store, survey_id, tmp_path, texts):
    store.set_survey_status(survey_id, "open")  # the fixture's survey, closed by the last example
    survey = store.survey(survey_id)
    questionnaire = questionnaire_of(survey)
    for text in texts:
        checked = responses.validate(
            questionnaire,
            {
                "goals_clear": 3,
                "schedule_realistic": 4,
                "schedule_detailed": 2,
                "communication": 5,
                "went_wrong": text,
            },
        )
        responses.submit(
            store, LinkState("ok", survey), responding.stored_form(questionnaire, checked.answers)
        )
    store.set_survey_status(survey_id, "closed")  # row-level exports only once closed
    export = exports.survey_export(store, survey_id)
    for fmt in exports.FORMATS:
        written = exports.write_export(export, fmt, tmp_path / f"out.{fmt}")
        assert all(path.stat().st_size > 0 for path in written)
    assert "went_wrong" not in export.answers.columns  # free text sits in its own table
    empty = pd.DataFrame({"went_wrong": []}, dtype=object)
    column = export.texts.get("went_wrong", empty)["went_wrong"].dropna()
    assert not any(starts_formula(str(v)) for v in column)
    assert not any(set(str(v)) & BIDI_CONTROLS for v in column)
