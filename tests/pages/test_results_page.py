"""The survey results page under AppTest: empty, populated, deep-linked, hidden, searched."""

import pytest

from surveys.store import Store
from tests.pages.data import populate
from tests.pages.helpers import texts

PAGE = "app_pages/manager/results.py"


def open_results(app, survey_id: str | None = None):
    app.session_state["manager_login"] = True
    app.run()
    if survey_id is not None:
        app.query_params["survey"] = survey_id
    app.switch_page(PAGE).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


@pytest.fixture
def populated(db_path):
    with Store(db_path) as store:
        return populate(store)


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_empty_database_explains_itself(app):
    at = open_results(app)
    assert not at.get("plotly_chart")
    assert any("No surveys" in t for t in texts(at.info))


def test_a_survey_shows_every_question_and_its_texts(app, populated):
    survey_id = populated["Atlas Portal 2026Q3"]
    at = open_results(app, survey_id)
    assert at.selectbox(key="results_survey").value == survey_id
    shown = metrics(at)
    assert shown["Released responses"] == "8" and shown["Waiting for release"] == "0"
    assert "Favourable" in shown and "Mean (0–10)" in shown
    # role (choice) + 3 Likert + 1 rating question: one chart each.
    assert len(at.get("plotly_chart")) == 5
    # Earlier surveys of the questionnaire: 2 quarters x 3 projects opened before.
    assert any("6 earlier survey(s)" in c for c in texts(at.caption))
    table = at.dataframe[0].value
    assert list(table.columns) == ["text", "answers", "question", "theme", "root_cause"]
    assert table["answers"].sum() == 16  # 8 responses x 2 free-text questions answered
    assert not table.duplicated(["text", "question"]).any()  # identical answers once


def test_search_picks_whole_rows_with_their_counts(app, populated):
    at = open_results(app, populated["Atlas Portal 2026Q3"])
    full = at.dataframe[0].value.set_index(["text", "question"])["answers"]
    at.text_input[0].set_value("ci").run()
    found = at.dataframe[0].value
    assert len(found) and len(found) < len(full)
    assert found["text"].str.lower().str.contains("ci").all()
    for row in found.itertuples():
        assert full[(row.text, row.question)] == row.answers


def test_a_hidden_survey_shows_the_gate_message_only(app, populated):
    at = open_results(app, populated["Dusk Pilot 2026Q3"])
    assert any("Hidden to protect anonymity" in t for t in texts(at.info))
    assert not at.get("plotly_chart") and not at.dataframe
    assert metrics(at)["Released responses"] == "0"


def test_a_bad_link_says_so_and_opens_the_newest_survey(app, populated):
    at = open_results(app, "not-a-survey")
    assert any("no survey" in e for e in texts(at.error))
    assert at.selectbox(key="results_survey").value in populated.values()
    assert not at.exception
