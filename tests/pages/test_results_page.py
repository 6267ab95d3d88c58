"""The survey results page under AppTest: empty, populated, deep-linked, hidden, searched."""

import pytest

from afterward.services.survey_results import survey_texts
from afterward.web.safe_text import plain
from surveys.store import Store
from tests.pages.data import bulk_rows, populate
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


def listed(db_path, survey_id, **filters):
    with Store(db_path) as store:
        return survey_texts(store, survey_id, **filters)


def answer_markdown(row) -> str:
    return f"**{row.answers}×** {plain(row.text)}" if row.answers > 1 else plain(row.text)


def answers_on(at) -> set[str]:
    """The answers the free-text browser lists (markdown after its heading)."""
    # Question prompts are bold ("**...**"); an answer is plain or starts with its count.
    return {m.value for m in at.markdown if "×**" in m.value or not m.value.startswith("**")}


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_empty_database_explains_itself(app):
    at = open_results(app)
    assert not at.get("plotly_chart")
    assert any("No surveys" in t for t in texts(at.info))


def test_a_survey_shows_every_question_and_its_texts(app, populated, db_path):
    survey_id = populated["Atlas Portal 2026Q3"]
    at = open_results(app, survey_id)
    assert at.selectbox(key="results_survey").value == survey_id
    shown = metrics(at)
    assert shown["Released responses"] == "8" and shown["Waiting for release"] == "0"
    assert "Favourable" in shown and "Mean (0–10)" in shown
    # role (choice) + 3 Likert + 1 rating question: one chart each.
    assert len(at.get("plotly_chart")) == 5
    # Earlier surveys of the questionnaire: 2 quarters x 3 projects opened before.
    assert any("Earlier: 6 survey(s)" in c for c in texts(at.caption))
    shown = answers_on(at)
    rows = listed(db_path, survey_id)
    assert rows["answers"].sum() == 16  # 8 responses x 2 free-text questions answered
    assert len(rows) < 16 and (rows["answers"] > 1).any()  # identical answers once
    assert shown == {answer_markdown(r) for r in rows.itertuples()}


def test_search_picks_whole_rows_with_their_counts(app, populated, db_path):
    survey_id = populated["Atlas Portal 2026Q3"]
    at = open_results(app, survey_id)
    full = answers_on(at)
    at.text_input[0].set_value("ci").run()
    found = answers_on(at)
    assert found and found < full  # whole rows of the full list, counts unchanged
    expected = listed(db_path, survey_id, search="ci")
    assert found == {answer_markdown(r) for r in expected.itertuples()}
    assert expected["text"].str.lower().str.contains("ci").all()


def test_a_hidden_survey_shows_the_gate_message_only(app, populated):
    at = open_results(app, populated["Dusk Pilot 2026Q3"])
    assert any("Hidden to protect anonymity" in t for t in texts(at.info))
    assert not at.get("plotly_chart") and not answers_on(at)
    assert metrics(at)["Released responses"] == "0"


def test_a_bad_link_says_so_and_opens_the_newest_survey(app, populated):
    at = open_results(app, "not-a-survey")
    assert any("no survey" in e for e in texts(at.error))
    assert at.selectbox(key="results_survey").value in populated.values()
    assert not at.exception


def _postmortem(db_path, rows: list[dict], *, closed: bool = False) -> str:
    """A project post-mortem loaded whole (released together): str values of free-text
    questions go in as text, the role as a choice, numbers as numbers."""
    import uuid
    from datetime import date

    from surveys import setup

    with Store(db_path) as store:
        survey_id = setup.create_survey(
            store, project="Marlin", template_id="project-postmortem", opens_on=date(2026, 4, 1)
        )
        responses, answers = [], []
        for row in rows:
            rid = str(uuid.uuid4())
            responses.append((rid, survey_id, date(2026, 4, 2)))
            for qid, value in row.items():
                number = float(value) if isinstance(value, int) else None
                text = value if isinstance(value, str) and qid != "role" else None
                choice = value if qid == "role" else None
                answers.append((rid, survey_id, qid, number, text, choice))
        bulk_rows(store, responses, answers)
        if closed:
            store.set_survey_status(survey_id, "closed")
    return survey_id


def test_hidden_role_groups_and_a_little_answered_question_say_why(app, db_path):
    """Role groups all hidden (3, 1, 1 at threshold 3): a short text, no empty chart. A
    free-text question one person answered, in a survey that may quote (6 released): the
    reason is that question's own answers, without the exact count."""
    from afterward.services.survey_results import ROLES_HIDDEN

    roles = ["Team member"] * 3 + ["Client", "Manager", None]
    rows = [
        {"communication": 7, "went_well": f"Daily demos in sprint {n} kept us honest"}
        | ({"role": r} if r else {})
        for n, r in enumerate(roles)
    ]
    rows[0]["do_differently"] = "Hire a second designer earlier"
    at = open_results(app, _postmortem(db_path, rows, closed=True))  # roles wait till then
    captions = texts(at.caption)
    assert ROLES_HIDDEN in captions
    assert not any("Not enough data" in str(c.proto.spec) for c in at.get("plotly_chart"))
    assert len(at.get("plotly_chart")) == 1  # the rating only; no chart for the role
    reasons = [c for c in captions if "What should we do differently" in c]
    assert reasons == [
        f"**{plain('What should we do differently next time?')}** Fewer than 6 people "
        "answered this question; answers are quoted once 6 have, to protect anonymity."
    ]
    assert not any("Hire a second designer" in m.value for m in at.markdown)
    assert any("Daily demos" in m.value for m in at.markdown)


def test_a_closed_survey_without_responses_says_no_responses(app, db_path):
    from afterward.services.survey_results import NO_RESPONSES

    at = open_results(app, _postmortem(db_path, [], closed=True))
    assert texts(at.info) == [NO_RESPONSES]
    assert not any("more needed" in t for t in texts(at.info))


def test_the_postmortem_document_gives_the_same_reason(db_path):
    """The post-mortem document quotes by the same per-question rule: 6 released, "do
    differently" answered by one person — no quote, and the reason is the question's."""
    from afterward.services.postmortem import postmortem_document

    rows = [
        {"communication": 7, "went_well": f"Daily demos in sprint {n} kept us honest"}
        for n in range(6)
    ]
    rows[0]["do_differently"] = "Hire a second designer earlier"
    survey_id = _postmortem(db_path, rows)
    with Store(db_path) as store:
        doc = postmortem_document(store, survey_id)
    blocks = next(s for s in doc.sections if s.id == "do_differently").blocks
    assert [b.text for b in blocks] == [
        "No strategies to show: fewer than 6 people answered this question; answers are "
        "quoted once 6 have, to protect anonymity."
    ]
    well = next(s for s in doc.sections if s.id == "went_well").blocks
    assert "this question have at least 6" in well[0].text
