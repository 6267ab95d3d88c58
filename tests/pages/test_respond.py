from datetime import date

import pytest

from surveys import links, setup
from surveys.store import Store
from tests.conftest import app_store, stored_rows
from tests.pages.helpers import answer_required_postmortem, button, texts


@pytest.fixture
def tokens(db_path):
    with Store(db_path) as store:
        survey_id = setup.create_survey(
            store,
            project="Harbour Website",
            template_id="project-postmortem",
            opens_on=date(2026, 1, 1),
        )
        return {
            "survey_id": survey_id,
            "open": links.issue_open_link(store, survey_id),
            "invitation": links.issue_invitations(store, survey_id, 1)[0],
        }


def open_link(app, token):
    app.query_params["t"] = token
    app.run()
    assert not app.exception
    return app


def test_open_link_shows_only_the_questionnaire_and_the_privacy_note(app, tokens):
    at = open_link(app, tokens["open"])
    assert texts(at.title) == ["Project post-mortem: Harbour Website"]
    assert any("What is not stored" in m for m in texts(at.markdown))
    assert any("IP address" in m for m in texts(at.markdown))
    assert len(at.sidebar) == 0 or not [b for b in at.sidebar.button]
    assert "Log out" not in [b.label for b in at.button]
    assert [b.label for b in at.button] == ["Review my answers"]


def test_required_answers_missing_are_named_and_nothing_is_stored(app, tokens):
    at = open_link(app, tokens["open"])
    button(at, "Review my answers").click().run()
    assert texts(at.error).count("This question needs an answer.") == 4
    assert app_store().response_count(tokens["survey_id"]) == 0
    assert "Submit" not in [b.label for b in at.button]


def test_invitation_journey_review_redacts_submit_and_link_is_then_used(app, tokens):
    at = open_link(app, tokens["invitation"])
    answer_required_postmortem(at)
    at.text_area(key="answer_went_wrong").input(
        "Deploys were manual. Priya Raman knew the steps; mail ops@harbour.example"
    )
    button(at, "Review my answers").click().run()
    preview = texts(at.text)
    assert "Deploys were manual. [name] knew the steps; mail [email]" in preview
    button(at, "Submit").click().run()
    assert not at.exception
    assert texts(at.success) == ["Thank you, your answers are saved."]
    assert len(at.code) == 1  # the receipt code, shown once

    store = app_store()
    assert store.response_count(tokens["survey_id"]) == 1
    stored_text = set(stored_rows(store, "answers")["value_text"].dropna())
    assert stored_text == {"Deploys were manual. [name] knew the steps; mail [email]"}

    again = type(app).from_file(app._script_path, default_timeout=30)
    again.query_params["t"] = tokens["invitation"]
    again.run()
    # A used invitation opens like an unused one (whoever holds the links cannot tell who
    # answered); only submitting through it again is refused (tests/test_anonymity_attacks.py).
    assert texts(again.title) == ["Project post-mortem: Harbour Website"]
    assert [b.label for b in again.button] == ["Review my answers"]


def test_edit_returns_to_the_form_with_the_answers_kept(app, tokens):
    at = open_link(app, tokens["open"])
    answer_required_postmortem(at)
    at.text_area(key="answer_went_well").input("Pairing on the checkout flow")
    button(at, "Review my answers").click().run()
    button(at, "Edit my answers").click().run()
    assert at.text_area(key="answer_went_well").value == "Pairing on the checkout flow"
    assert at.radio(key="answer_goals_clear").value == "Agree"


def test_unknown_links_are_not_available_and_used_invitations_look_unused(app, tokens, db_path):
    unknown = open_link(app, "x" * 43)
    assert texts(unknown.title) == ["Link not available"]
    assert not unknown.radio and not unknown.text_area
    app_store().record_response(
        tokens["survey_id"], [], invitation_hash=links.token_hash(tokens["invitation"])
    )
    used = type(app).from_file(app._script_path, default_timeout=30)
    used = open_link(used, tokens["invitation"])
    assert texts(used.title) == ["Project post-mortem: Harbour Website"]
    assert used.radio and [b.label for b in used.button] == ["Review my answers"]


def test_closed_survey_shows_a_friendly_page_and_no_form(app, tokens):
    at = open_link(app, tokens["open"])
    app_store().set_survey_status(tokens["survey_id"], "closed")
    at.run()
    assert any("closed" in i for i in texts(at.info))
    assert not at.radio and not at.text_area


def test_survey_closed_between_review_and_submit_keeps_nothing(app, tokens):
    at = open_link(app, tokens["open"])
    answer_required_postmortem(at)
    button(at, "Review my answers").click().run()
    app_store().set_survey_status(tokens["survey_id"], "closed")
    button(at, "Submit").click().run()
    assert not at.exception
    assert app_store().response_count(tokens["survey_id"]) == 0


def test_text_inputs_carry_the_questionnaire_length_limit(app, tokens):
    at = open_link(app, tokens["open"])
    assert at.text_area(key="answer_root_cause").proto.max_chars == 2000


def test_receipt_shows_exactly_what_was_stored(app, tokens):
    at = open_link(app, tokens["open"])
    answer_required_postmortem(at)
    at.text_area(key="answer_do_differently").input("Rehearse the cutover")
    button(at, "Review my answers").click().run()
    button(at, "Submit").click().run()
    code = at.code[0].value

    receipt = type(app).from_file(app._script_path, default_timeout=30)
    receipt.query_params["receipt"] = "1"
    receipt.run()
    receipt.text_input[0].input(code)
    button(receipt, "Show what was stored").click().run()
    assert "Rehearse the cutover" in texts(receipt.text)
    assert any(s.startswith("Stored on ") for s in texts(receipt.success))

    receipt.text_input[0].input("not-a-code")
    button(receipt, "Show what was stored").click().run()
    assert any("No response matches" in i for i in texts(receipt.info))


def test_storage_failure_tells_the_respondent_and_a_retry_saves(app, tokens, monkeypatch):
    from surveys.store import StorageUnavailable
    from surveys.store import Store as StoreClass

    real = StoreClass.record_response
    calls = {"n": 0}

    def flaky(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise StorageUnavailable("disk full")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(StoreClass, "record_response", flaky)
    at = open_link(app, tokens["invitation"])
    answer_required_postmortem(at)
    button(at, "Review my answers").click().run()
    button(at, "Submit").click().run()
    assert any("could not be saved" in e for e in texts(at.error))
    assert app_store().response_count(tokens["survey_id"]) == 0
    button(at, "Submit").click().run()  # the answers are still there: just retry
    assert texts(at.success) == ["Thank you, your answers are saved."]
    assert app_store().response_count(tokens["survey_id"]) == 1
