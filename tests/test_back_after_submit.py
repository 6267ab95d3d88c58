"""Back after Submit on the respondent's form (Starlette TestClient, real routes and DuckDB).

The page before the thank-you page answered a POST (the review), so a browser's Back offers
to send it again. Sending the review again, the submit again, or going back to the link
must say "your answer was already recorded": no form that would be sent again, no "link
can't be used" error, nothing stored twice. The marker behind it lives only in the
respondent's browser, holds no answer and not the token, and another browser with the same
link still cannot tell a used invitation from an unused one."""

from __future__ import annotations

from datetime import date

import pytest

from afterward.web.respondent_pages import (
    AGAIN_PATH,
    REVIEW_PATH,
    SENT_COOKIE_PREFIX,
    SENT_SECONDS,
    SUBMIT_PATH,
    sent_cookie,
)
from surveys import links, setup
from surveys.store import Store
from tests.conftest import app_store
from tests.http_helpers import http_client
from tests.test_respondent_pages import (
    REQUIRED,
    answers,
    hidden_fields,
    nonce_of,
    posted,
    submit,
    text_of,
    visit,
)


@pytest.fixture
def web(db_path):
    """One browser: a TestClient keeping its cookies."""
    with http_client() as opened:
        yield opened


@pytest.fixture
def made(db_path):
    """A survey with one invitation."""
    with Store(db_path) as store:
        survey_id = setup.create_survey(
            store,
            project="Harbour Website",
            template_id="project-postmortem",
            opens_on=date(2026, 1, 1),
        )
        return {
            "survey_id": survey_id,
            "invitation": links.issue_invitations(store, survey_id, 1)[0],
        }


def answered(web, token: str):
    """Open the link, review and submit, keeping what each POST sent (to send it again)."""
    page = visit(web, token)
    review_data = {"token": token, "nonce": nonce_of(page.text), **answers(REQUIRED)}
    reviewed = web.post(REVIEW_PATH, data=review_data)
    assert reviewed.status_code == 200 and ">Submit<" in reviewed.text
    done = submit(web, reviewed)
    assert "Thank you, your answers are saved." in text_of(done)
    return review_data, hidden_fields(reviewed.text), done


def assert_already_recorded(reply, web) -> None:
    assert reply.status_code == 303 and reply.headers["location"] == AGAIN_PATH
    assert reply.headers["cache-control"] == "no-store"
    page = web.get(reply.headers["location"])
    assert page.status_code == 200
    text = text_of(page)
    assert "Your answer was already recorded." in text and "not sent again" in text
    assert "<form" not in page.text and ">Submit<" not in page.text
    assert "can't be used" not in text and '<p class="code"' not in page.text


def test_sending_the_review_again_after_submit_says_already_recorded(web, made):
    review_data, _, _ = answered(web, made["invitation"])
    again = web.post(REVIEW_PATH, data=review_data)  # Back, then "send the data again"
    assert_already_recorded(again, web)
    assert app_store().response_count(made["survey_id"]) == 1


def test_sending_the_submit_again_after_submit_says_already_recorded(web, made):
    _, submit_data, _ = answered(web, made["invitation"])
    again = web.post(SUBMIT_PATH, data=submit_data)
    assert_already_recorded(again, web)
    assert app_store().response_count(made["survey_id"]) == 1


def test_going_back_to_the_link_says_already_recorded(web, made):
    answered(web, made["invitation"])
    again = web.get("/", params={"t": made["invitation"]})
    assert_already_recorded(again, web)
    assert web.get(AGAIN_PATH).status_code == 200  # reloading it is safe


def test_the_marker_is_in_this_browser_only_and_holds_neither_token_nor_answer(web, made):
    token = made["invitation"]
    _, _, done = answered(web, token)
    name = sent_cookie(token)
    assert name.startswith(SENT_COOKIE_PREFIX) and token not in name
    header = [h for h in posted(done).headers.get_list("set-cookie") if h.startswith(name)][0]
    attributes = [part.strip().lower() for part in header.split(";")]
    assert f"{name}=1".lower() in attributes  # the value says nothing either
    assert "httponly" in attributes and "samesite=strict" in attributes and "path=/" in attributes
    assert f"max-age={SENT_SECONDS}" in attributes and SENT_SECONDS <= 24 * 3600
    # Another browser (no marker) with the same used link: it looks unused, as before, and
    # Submit there is refused by the store (one answer per invitation).
    with http_client() as other:
        unused = links.issue_invitations(app_store(), made["survey_id"], 1)[0]
        used_page, unused_page = visit(other, token), visit(other, unused)
        assert used_page.text.replace(token, "T") == unused_page.text.replace(unused, "T")
        refused = submit(other, other.post(REVIEW_PATH, data=answered_form(other, token)))
        assert refused.status_code == 409 and "can't be used" in text_of(refused)
    assert app_store().response_count(made["survey_id"]) == 1


def answered_form(web, token: str) -> dict:
    page = visit(web, token)
    return {"token": token, "nonce": nonce_of(page.text), **answers(REQUIRED)}


def test_a_colleagues_own_invitation_in_the_same_browser_still_gets_its_form(web, made):
    answered(web, made["invitation"])
    colleague = links.issue_invitations(app_store(), made["survey_id"], 1)[0]
    page = visit(web, colleague)
    assert ">Review my answers<" in page.text or "Review my answers" in text_of(page)
    answered(web, colleague)
    assert app_store().response_count(made["survey_id"]) == 2


def test_a_survey_closed_since_shows_the_closed_message(web, made):
    answered(web, made["invitation"])
    app_store().set_survey_status(made["survey_id"], "closed")
    page = web.get("/", params={"t": made["invitation"]})
    assert page.status_code == 200 and "closed" in text_of(page)
