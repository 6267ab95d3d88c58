"""The respondent's plain HTML form (`afterward.web.respondent_pages`) through Starlette's
TestClient against the real routes and middleware: open a link, review, submit, receipt."""

from __future__ import annotations

import html
import re
from datetime import date, timedelta

import pytest

from afterward.services import responding
from afterward.web.respondent_pages import (
    DONE_PATH,
    FORM_COOKIE,
    RECEIPT_COOKIE,
    RECEIPT_PATH,
    REVIEW_PATH,
    SUBMIT_PATH,
    sent_cookie,
)
from surveys import links, setup
from surveys.questionnaire import parse_questionnaire
from surveys.store import Store
from tests.conftest import app_store, stored_rows
from tests.http_helpers import http_client

REQUIRED = {
    "goals_clear": "4",
    "schedule_realistic": "2",
    "schedule_detailed": "3",
    "communication": "6",
}
TITLE = "Project post-mortem: Harbour Website"
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')
ALL_KINDS = """
id: all-kinds
title: Every kind
intro: One question of each kind.
questions:
  - id: agree
    kind: likert
    prompt: We agreed.
    required: true
    help: Think of the whole project.
  - id: score
    kind: rating
    prompt: Score it.
    low_label: Poor
    high_label: Great
  - id: role
    kind: single_choice
    prompt: Your part?
    options: [Team member, Client]
  - id: liked
    kind: multiple_choice
    prompt: What did you like?
    options: [Speed, Quality, Price]
  - id: again
    kind: yes_no
    prompt: Again?
  - id: notes
    kind: text
    prompt: Notes
    max_length: 40
    placeholder: A few words
"""


@pytest.fixture
def client(db_path):
    with http_client() as opened:
        yield opened


@pytest.fixture
def tokens(db_path):
    with Store(db_path) as store:
        survey_id = setup.create_survey(
            store,
            project="Harbour Website",
            template_id="project-postmortem",
            opens_on=date(2026, 1, 1),
            threshold=5,  # a shareable link needs 5 or more
        )
        return {
            "survey_id": survey_id,
            "open": links.issue_open_link(store, survey_id),
            "invitation": links.issue_invitations(store, survey_id, 1)[0],
        }


def hidden_fields(page: str) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for name, value in HIDDEN.findall(page):
        fields.setdefault(name, []).append(html.unescape(value))
    return fields


def nonce_of(page: str) -> str:
    return hidden_fields(page)["nonce"][0]


def answers(values: dict[str, str | list[str]]) -> dict[str, str | list[str]]:
    return {f"answer_{qid}": value for qid, value in values.items()}


def visit(client, token: str):
    page = client.get("/", params={"t": token})
    assert page.status_code == 200, page.text
    return page


def review(client, token: str, values: dict, **extra):
    page = visit(client, token)
    data = {"token": token, "nonce": nonce_of(page.text), **answers(values), **extra}
    return client.post(REVIEW_PATH, data=data)


def submit(client, review_page, **headers):
    """Press Submit on a review page: post exactly its hidden fields, and follow a redirect as
    a browser would (the POST's own answer, when it redirected, is `.history[0]`)."""
    return client.post(
        SUBMIT_PATH, data=hidden_fields(review_page.text), headers=headers, follow_redirects=True
    )


def posted(page):
    """The answer to the POST itself (the 303 when the submit redirected)."""
    return page.history[0] if page.history else page


def text_of(page) -> str:
    """The page's visible text, roughly (tags dropped, entities read, spaces folded)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page.text)).split())


def receipt_code(page) -> str:
    found = re.search(r'<p class="code"[^>]*><code>([^<]+)</code>', page.text)
    assert found, page.text
    return html.unescape(found.group(1))


def assert_plain_page(page) -> None:
    assert page.headers["cache-control"] == "no-store"
    assert page.headers["content-type"].startswith("text/html")
    assert '<meta name="referrer" content="no-referrer">' in page.text
    assert '<html lang="en">' in page.text
    assert page.text.count("<h1") == 1
    assert "<script" not in page.text.lower() and " on" + "click=" not in page.text.lower()
    assert "http://" not in page.text and "https://" not in page.text  # no external assets
    assert len(page.content) < 100_000


# -- the questionnaire -----------------------------------------------------------------------


def test_a_link_opens_the_questionnaire_in_one_request_with_the_privacy_note(client, tokens):
    page = client.get(f"/?t={tokens['open']}")
    assert page.status_code == 200  # no redirect, no Streamlit
    assert_plain_page(page)
    text = text_of(page)
    assert f"<h1>{TITLE}</h1>" in page.text
    assert "What is not stored" in text and "IP address" in text
    assert "only in groups of at least 5 responses, never one at a time" in text  # its threshold
    assert '<button type="submit" class="primary">Review my answers</button>' in page.text
    assert "Log out" not in text and "Projects and surveys" not in text
    cookie = page.headers["set-cookie"]
    assert cookie.startswith(f"{FORM_COOKIE}=") and "HttpOnly" in cookie
    assert "SameSite=strict" in cookie and "Path=/;" in cookie
    # The token is in the form's hidden field, posted to a path without it.
    assert f'name="token" value="{tokens["open"]}"' in page.text
    assert f'action="{REVIEW_PATH}"' in page.text
    # The old /respond address with a token works the same.
    assert client.get("/respond", params={"t": tokens["open"]}).text.count("<fieldset") == 5


def test_every_question_kind_has_its_field_and_round_trips(client, db_path):
    templates = {"all-kinds": parse_questionnaire(ALL_KINDS)}
    with Store(db_path) as store:
        survey_id = setup.create_survey(
            store, project="Kinds", template_id="all-kinds", templates=templates, threshold=5
        )
        token = links.issue_open_link(store, survey_id)
    page = visit(client, token).text
    # Choice questions: a fieldset with a legend; radios and checkboxes inside labels.
    assert page.count("<fieldset") == 5 and page.count("<legend>") == 5
    assert page.count('type="radio" name="answer_agree"') == 5
    assert page.count('type="radio" name="answer_score"') == 11
    assert page.count('type="radio" name="answer_role"') == 2
    assert page.count('type="checkbox" name="answer_liked"') == 3
    assert page.count('type="radio" name="answer_again"') == 2
    assert "<small>Neither agree nor disagree</small>" in page
    assert "0 = Poor" in page and "10 = Great" in page
    # Guidance shown under the question, optional ones marked, the text limit visible.
    assert '<p class="hint" id="q-agree-hint">Think of the whole project.</p>' in page
    assert 'aria-describedby="q-agree-hint"' in page
    assert 'Score it. <span class="optional">(optional)</span>' in page
    assert "We agreed. <span" not in page
    assert 'maxlength="40"' in page and "Up to 40 characters." in page
    assert 'placeholder="A few words"' in page
    assert '<label for="q-notes">' in page

    reply = review(
        client,
        token,
        {
            "agree": "5",
            "score": "0",
            "role": "Client",
            "liked": ["Price", "Speed"],
            "again": "Yes",
            "notes": "Fast\r\nand fair",
        },
    )
    assert reply.status_code == 200, reply.text
    shown = text_of(reply)
    assert "5 – Strongly agree" in shown and "Speed, Price" in shown
    assert "Fast\nand fair" in reply.text  # line breaks kept, shown as written
    done = submit(client, reply)
    assert "Thank you, your answers are saved." in done.text
    found = responding.stored_response(app_store(), receipt_code(done))
    assert {q.id: value for q, value in found.answers} == {
        "agree": 5,
        "score": 0,
        "role": "Client",
        "liked": ["Speed", "Price"],
        "again": "Yes",
        "notes": "Fast\nand fair",
    }


def test_unusable_values_are_named_by_the_question_itself(client, db_path):
    templates = {"all-kinds": parse_questionnaire(ALL_KINDS)}
    with Store(db_path) as store:
        survey_id = setup.create_survey(
            store, project="Kinds", template_id="all-kinds", templates=templates, threshold=5
        )
        token = links.issue_open_link(store, survey_id)
    reply = review(
        client,
        token,
        {
            "agree": "9",
            "score": "ten",
            "role": "Boss",
            "liked": ["Speed", "Luck"],
            "notes": "x" * 41,
        },
    )
    assert reply.status_code == 422
    text = text_of(reply)
    assert "Pick a value from 1 to 5." in text and "Pick a value from 0 to 10." in text
    assert "Pick one of the listed options." in text
    assert "Pick only from the listed options." in text
    assert "Keep this under 40 characters (now 41)." in text
    assert "Answer yes or no." not in text  # unanswered optional: fine


# -- errors, review, edit --------------------------------------------------------------------


def test_missing_answers_get_a_summary_and_a_message_beside_each_question(client, tokens):
    reply = review(client, tokens["open"], {"went_well": "Pairing"})
    assert reply.status_code == 422
    assert_plain_page(reply)
    page = reply.text
    summary = page.split('<div class="summary"', 1)[1].split("</div>", 1)[0]
    assert 'role="alert"' in summary and "<h2" in summary and "4 answers need attention" in summary
    for qid in REQUIRED:
        assert f'<a href="#q-{qid}">' in summary
        assert f'id="q-{qid}"' in page  # the link's target: the question's first input
        assert f'<p class="field-error" id="q-{qid}-error">' in page
        assert f'aria-describedby="q-{qid}-error" aria-invalid="true"' in page
    assert text_of(reply).count("This question needs an answer.") == 8  # summary + beside
    assert "<title>Error:" in page
    # The draft is kept, nothing stored, no Submit yet.
    assert ">Pairing</textarea>" in page
    assert app_store().response_count(tokens["survey_id"]) == 0
    assert ">Submit<" not in page


def test_a_text_error_marks_the_textarea(client, tokens):
    reply = review(client, tokens["open"], {**REQUIRED, "went_well": "x" * 2001})
    assert reply.status_code == 422
    assert re.search(r'<textarea id="q-went_well"[^>]*aria-invalid="true"', reply.text)
    assert re.search(
        r'<textarea id="q-went_well"[^>]*aria-describedby="[^"]*q-went_well-error', reply.text
    )


def test_review_shows_what_is_stored_redacted_with_the_blame_nudge(client, tokens):
    store = app_store()
    store.set_roster(store.survey(tokens["survey_id"]).project_id, ["Kim Lee"])
    written = (
        "Deploys were manual. Priya Raman knew the steps; mail ops@harbour.example; ask Kim Lee"
    )
    reply = review(client, tokens["invitation"], {**REQUIRED, "went_wrong": written})
    assert reply.status_code == 200
    assert_plain_page(reply)
    shown = "Deploys were manual. [name] knew the steps; mail [email]; ask [name]"
    assert f"<dd>{html.escape(shown)}</dd>" in reply.text
    assert "Priya" not in text_of(reply).replace(written, "")
    assert "Review what will be stored" in reply.text
    assert "4 – Agree" in text_of(reply) and "2 – Disagree" in text_of(reply)
    assert ">Edit my answers</button>" in reply.text and ">Submit</button>" in reply.text
    assert 'formaction="/respondent/review"' in reply.text
    # The nudge sits under the answer it is about.
    blamed = review(
        client, tokens["invitation"], {**REQUIRED, "went_wrong": "Priya Raman broke the build"}
    )
    after = blamed.text.split("[name] broke the build</dd>", 1)[1]
    assert after.lstrip().startswith('<dd class="nudge">This answer seems to point at a person.')

    done = submit(client, reply)
    assert done.status_code == 200 and "Thank you, your answers are saved." in done.text
    assert_plain_page(done)
    stored_text = set(stored_rows(app_store(), "answers")["value_text"].dropna())
    assert stored_text == {shown}


def test_edit_returns_the_form_filled_with_the_draft(client, tokens):
    reply = review(
        client, tokens["open"], {**REQUIRED, "role": "Client", "went_well": "Pairing <b>on</b> it"}
    )
    fields = hidden_fields(reply.text)
    edit = client.post(REVIEW_PATH, data={**fields, "edit": "1"})
    assert edit.status_code == 200
    page = edit.text
    assert ">Pairing &lt;b&gt;on&lt;/b&gt; it</textarea>" in page
    assert 'name="answer_goals_clear" value="4" id="q-goals_clear-3" checked' in page
    assert 'name="answer_communication" value="6" id="q-communication-6" checked' in page
    assert 'value="Client" id="q-role-1" checked' in page
    assert page.count(" checked") == 5
    assert 'class="summary"' not in page


def test_what_is_stored_is_recomputed_and_a_changed_result_is_reviewed_again(client, tokens):
    reply = review(client, tokens["open"], {**REQUIRED, "went_wrong": "the cobalt team was away"})
    fields = hidden_fields(reply.text)
    # A posted "stored" value is never trusted: only the draft counts.
    forged = client.post(
        SUBMIT_PATH, data={**fields, "stored_went_wrong": "forged"}, follow_redirects=True
    )
    assert "Thank you" in forged.text
    store = app_store()
    assert set(stored_rows(store, "answers")["value_text"].dropna()) == {"the cobalt team was away"}

    # The roster changes between review and submit: the respondent sees the new result first.
    other = review(
        client, tokens["invitation"], {**REQUIRED, "went_wrong": "the cobalt team was away"}
    )
    store.set_roster(store.survey(tokens["survey_id"]).project_id, ["Cobalt"])
    again = submit(client, other)
    assert again.status_code == 409 and "changed since you reviewed it" in text_of(again)
    assert "<dd>the [name] team was away</dd>" in again.text
    assert store.response_count(tokens["survey_id"]) == 1
    assert "Thank you" in submit(client, again).text
    assert store.response_count(tokens["survey_id"]) == 2


# -- cross-site posts ------------------------------------------------------------------------


def test_a_post_without_the_nonce_gets_the_form_back_with_the_draft(client, tokens):
    visit(client, tokens["open"])
    data = {"token": tokens["open"], "nonce": "forged-forged-forged", **answers(REQUIRED)}
    data["answer_went_well"] = "Kept"
    for path in (REVIEW_PATH, SUBMIT_PATH):
        reply = client.post(path, data=data)
        assert reply.status_code == 400
        assert "This form expired" in text_of(reply)
        assert ">Kept</textarea>" in reply.text
        assert 'value="4" id="q-goals_clear-3" checked' in reply.text
    # Without the cookie at all (another site's form): the same.
    client.cookies.clear()
    reply = client.post(SUBMIT_PATH, data={**data, "nonce": ""})
    assert reply.status_code == 400
    assert app_store().response_count(tokens["survey_id"]) == 0
    # The form it returns carries a fresh nonce that works.
    retry = client.post(REVIEW_PATH, data={**data, "nonce": nonce_of(reply.text)})
    assert retry.status_code == 200 and "Review what will be stored" in retry.text


def test_a_post_from_another_origin_is_refused(client, tokens):
    reply = review(client, tokens["open"], REQUIRED)
    refused = submit(client, reply, origin="https://evil.example")
    assert refused.status_code == 403
    assert "only be sent from this site" in text_of(refused)
    assert app_store().response_count(tokens["survey_id"]) == 0
    # Our own origin, or the "null" browsers send under the no-referrer policy, pass.
    assert "Thank you" in submit(client, reply, origin="null").text
    other = review(client, tokens["invitation"], REQUIRED)
    assert "Thank you" in submit(client, other, origin="http://testserver").text


def test_a_malformed_post_or_a_wrong_method_gets_a_plain_refusal(client, tokens):
    """The steps are served straight from the gate (past the manager pages' middleware):
    a broken form body is still a 400 with a reason, a GET of a POST-only step a 405, and
    nothing is stored."""
    broken = client.post(
        SUBMIT_PATH, content=b"--x\r\nbroken", headers={"content-type": "multipart/form-data"}
    )
    assert broken.status_code == 400 and "boundary" in broken.text
    for path in (REVIEW_PATH, SUBMIT_PATH):
        assert client.get(path).status_code == 405
    assert app_store().response_count(tokens["survey_id"]) == 0


# -- links that take no answer ---------------------------------------------------------------


def test_an_invitation_is_used_once_and_a_used_one_looks_unused(client, tokens):
    first = review(client, tokens["invitation"], REQUIRED)
    done = submit(client, first)
    assert "Thank you" in done.text
    assert done.history and done.history[0].status_code == 303
    assert "afterward_answered_" not in posted(done).headers.get("set-cookie", "")  # none
    # This browser now hears "already recorded" for that link (Back after Submit:
    # tests/test_back_after_submit.py); in any other browser, without that marker, a used
    # invitation looks exactly like an unused one.
    client.cookies.delete(sent_cookie(tokens["invitation"]))
    unused = links.issue_invitations(app_store(), tokens["survey_id"], 1)[0]
    used_page, unused_page = visit(client, tokens["invitation"]), visit(client, unused)

    def without_token(page):
        return page.text.replace(tokens["invitation"], "T").replace(unused, "T")

    assert without_token(used_page) == without_token(unused_page)
    again = submit(client, review(client, tokens["invitation"], REQUIRED))
    assert again.status_code == 409
    assert "can't be used for a new response" in text_of(again)
    assert ">Submit<" not in again.text and "4 – Agree" in text_of(again)  # nothing lost
    assert app_store().response_count(tokens["survey_id"]) == 1


def test_an_open_link_is_answered_once_per_browser(client, tokens):
    done = submit(client, review(client, tokens["open"], REQUIRED))
    cookie = responding.answered_cookie(responding.answered_marker(tokens["survey_id"]))
    header = [h for h in posted(done).headers.get_list("set-cookie") if h.startswith(cookie)][0]
    attributes = [part.strip().lower() for part in header.split(";")]
    assert f"{cookie}=1".lower() in attributes
    assert "httponly" in attributes and "samesite=lax" in attributes and "path=/" in attributes
    assert any(a.startswith("max-age=") and int(a.split("=")[1]) > 365 * 86400 for a in attributes)
    assert "secure" not in attributes  # plain http here; see the https test
    again = client.get("/", params={"t": tokens["open"]})
    assert "You have already answered this survey from this browser." in text_of(again)
    assert "<form" not in again.text
    # Posting anyway (an old tab) is refused too.
    assert "already answered" in text_of(submit(client, review_from_cookieless(tokens)))
    assert app_store().response_count(tokens["survey_id"]) == 1


def review_from_cookieless(tokens):
    """A review page got in another browser (no marker), to post from this one."""
    with http_client() as other:
        return review(other, tokens["open"], REQUIRED)


def test_the_marker_cookie_is_secure_over_https(db_path, tokens):
    with http_client() as client:
        client.base_url = "https://testserver"
        done = submit(client, review(client, tokens["open"], REQUIRED))
        setting = posted(done).headers.get_list("set-cookie")
        marker = [h for h in setting if "afterward_answered_" in h]
        assert marker and "secure" in marker[0].lower()
        receipt = [h for h in setting if h.startswith(RECEIPT_COOKIE + "=")]
        assert receipt and "secure" in receipt[0].lower()


@pytest.mark.parametrize(
    ("status", "shown"),
    [("closed", "This survey is closed"), ("not_yet", "This survey is not open yet")],
)
def test_closed_and_not_yet_open_surveys_show_a_message_and_no_form(client, db_path, status, shown):
    with Store(db_path) as store:
        opens = date.today() + timedelta(days=30) if status == "not_yet" else date(2026, 1, 1)
        survey_id = setup.create_survey(
            store,
            project="Harbour Website",
            template_id="project-postmortem",
            opens_on=opens,
            threshold=5,
        )
        if status == "closed":
            store.set_survey_status(survey_id, "closed")
        token = links.issue_open_link(store, survey_id)
    page = visit(client, token)
    assert_plain_page(page)
    assert shown in text_of(page) and "<form" not in page.text
    assert f"<h1>{TITLE}</h1>" in page.text
    if status == "not_yet":
        assert f"{opens:%d %B %Y}" in text_of(page)


def test_an_unknown_link_is_not_available(client, tokens):
    for token in ("x" * 43, "", "<script>"):
        page = client.get("/", params={"t": token})
        assert page.status_code == 200
        assert "<h1>Link not available</h1>" in page.text
        assert "<form" not in page.text and "<script>" not in page.text


def test_a_survey_closed_between_review_and_submit_keeps_the_answers(client, tokens):
    typed = "Pairing with Jonas Eriksen on the <b>release</b> checklist\nsaved a week"
    reply = review(client, tokens["open"], {**REQUIRED, "went_well": typed})
    assert "[name]" in text_of(reply)  # the review shows the redacted form ...
    app_store().set_survey_status(tokens["survey_id"], "closed")
    closed = submit(client, reply)
    assert closed.status_code == 409 and not closed.history  # no redirect: nothing stored
    assert_plain_page(closed)
    text = text_of(closed)
    assert "This survey closed before your answers were sent, so nothing was stored." in text
    # ... the closed page gives back exactly what they typed, read-only, ready to copy.
    box = re.search(
        r"<textarea id=\"kept-went_well\" rows=\"5\" readonly>([^<]*)</textarea>", closed.text
    )
    assert box and html.unescape(box.group(1)) == typed
    assert "<b>" not in closed.text
    assert "4 – Agree" in text and "2 – Disagree" in text  # the chosen answers too
    assert "<form" not in closed.text and ">Submit<" not in closed.text
    assert app_store().response_count(tokens["survey_id"]) == 0


def test_a_survey_closed_before_review_keeps_the_typed_answers_too(client, tokens):
    page = visit(client, tokens["invitation"])
    app_store().set_survey_status(tokens["survey_id"], "closed")
    data = {"token": tokens["invitation"], "nonce": nonce_of(page.text)}
    data |= answers({**REQUIRED, "do_differently": "Write the runbook first"})
    for step in ({}, {"edit": "1"}):  # Review, or Edit on an old review page
        closed = client.post(REVIEW_PATH, data=data | step)
        assert closed.status_code == 409
        assert "nothing was stored" in text_of(closed)
        assert ">Write the runbook first</textarea>" in closed.text
    assert app_store().response_count(tokens["survey_id"]) == 0


def test_storage_failure_keeps_the_draft_and_a_retry_saves(client, tokens, monkeypatch):
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
    reply = review(client, tokens["invitation"], {**REQUIRED, "went_well": "Pairing"})
    failed = submit(client, reply)
    assert failed.status_code == 503
    assert "could not be saved" in text_of(failed) and 'role="alert"' in failed.text
    assert "<dd>Pairing</dd>" in failed.text and ">Submit</button>" in failed.text
    assert app_store().response_count(tokens["survey_id"]) == 0
    done = submit(client, failed)  # the answers are still there: just retry
    assert "Thank you, your answers are saved." in done.text
    assert app_store().response_count(tokens["survey_id"]) == 1


# -- after Submit: Post/Redirect/Get -------------------------------------------------------


def test_submit_redirects_to_a_thank_you_page_that_reloads_safely(client, tokens):
    reply = review(client, tokens["invitation"], {**REQUIRED, "went_well": "Pairing"})
    post = client.post(SUBMIT_PATH, data=hidden_fields(reply.text))
    assert post.status_code == 303
    assert post.headers["location"] == DONE_PATH  # nothing else in the address
    assert post.headers["cache-control"] == "no-store"
    # The receipt cookie: only the code, only for the thank-you page, briefly, never sent
    # cross-site nor readable by a script.
    header = [h for h in post.headers.get_list("set-cookie") if h.startswith(RECEIPT_COOKIE)]
    assert len(header) == 1
    attributes = [part.strip().lower() for part in header[0].split(";")]
    assert "httponly" in attributes and "samesite=strict" in attributes
    assert f"path={DONE_PATH}" in attributes
    assert any(a.startswith("max-age=") and 0 < int(a.split("=")[1]) <= 300 for a in attributes)
    code = header[0].split(";")[0].split("=", 1)[1]
    assert responding.stored_response(app_store(), code) is not None
    for secret in (code, tokens["invitation"]):
        assert secret not in post.headers["location"] and secret not in post.text

    first = client.get(post.headers["location"])
    assert first.status_code == 200
    assert_plain_page(first)
    assert "Thank you, your answers are saved." in text_of(first)
    assert receipt_code(first) == code
    assert f'href="{RECEIPT_PATH}"' in first.text
    cleared = [h for h in first.headers.get_list("set-cookie") if h.startswith(RECEIPT_COOKIE)]
    assert cleared and ("max-age=0" in cleared[0].lower() or "expires=" in cleared[0].lower())
    assert RECEIPT_COOKIE not in client.cookies

    # A reload: no error, no resubmission, no code (it is shown once), still a thank-you.
    reload = client.get(DONE_PATH)
    assert reload.status_code == 200
    assert_plain_page(reload)
    text = text_of(reload)
    assert "Thank you, your response was recorded." in text
    assert code not in reload.text and "can't be used" not in text and "<form" not in reload.text
    assert app_store().response_count(tokens["survey_id"]) == 1


def test_the_thank_you_page_without_the_cookie_is_a_plain_recorded_page(client, tokens):
    reply = review(client, tokens["open"], REQUIRED)
    post = client.post(SUBMIT_PATH, data=hidden_fields(reply.text))
    assert post.status_code == 303
    client.cookies.delete(RECEIPT_COOKIE, path=DONE_PATH)
    page = client.get(DONE_PATH)
    assert page.status_code == 200 and "your response was recorded" in text_of(page)
    assert '<p class="code"' not in page.text
    # A cookie that is not a receipt code is not echoed into the page.
    with http_client() as other:
        other.cookies.set(RECEIPT_COOKIE, "<b>x</b>")
        forged = other.get(DONE_PATH)
        assert forged.status_code == 200 and "<b>x</b>" not in forged.text
        assert '<p class="code"' not in forged.text


def test_pressing_submit_twice_stores_once_and_the_second_says_why(client, tokens):
    reply = review(client, tokens["invitation"], REQUIRED)
    done = submit(client, reply)
    assert "Thank you, your answers are saved." in text_of(done)
    again = client.post(SUBMIT_PATH, data=hidden_fields(reply.text))
    assert again.status_code == 303 and again.headers["location"] == f"{DONE_PATH}?again=1"
    assert "already recorded" in text_of(client.get(again.headers["location"]))
    client.cookies.delete(sent_cookie(tokens["invitation"]))  # another browser, same fields
    again = client.post(SUBMIT_PATH, data=hidden_fields(reply.text))
    assert again.status_code == 409 and "location" not in again.headers
    assert app_store().response_count(tokens["survey_id"]) == 1


# -- receipts --------------------------------------------------------------------------------


def test_the_receipt_shows_exactly_what_was_stored(client, tokens):
    done = submit(
        client, review(client, tokens["open"], {**REQUIRED, "do_differently": "Rehearse"})
    )
    assert "shown <strong>only once</strong>" in done.text
    assert f'href="{RECEIPT_PATH}"' in done.text
    code = receipt_code(done)

    form = client.get(RECEIPT_PATH)
    assert_plain_page(form)
    assert '<label for="code"' in form.text
    found = client.post(RECEIPT_PATH, data={"code": code, "nonce": nonce_of(form.text)})
    assert found.status_code == 200
    assert_plain_page(found)
    text = text_of(found)
    assert "Rehearse" in text and "Stored on " in text and "4 – Agree" in text
    assert code not in found.text  # the code is not echoed back

    missing = client.post(RECEIPT_PATH, data={"code": "not-a-code", "nonce": nonce_of(form.text)})
    assert missing.status_code == 404
    assert "No response matches this code" in text_of(missing)
    refused = client.post(RECEIPT_PATH, data={"code": code, "nonce": "forged-forged-forged"})
    assert refused.status_code == 400 and "Rehearse" not in refused.text


KEEP_PRIVATE = "anyone who has it can read these answers. No one at your organisation needs it."


def test_the_receipt_code_comes_with_a_warning_not_to_share_it(client, tokens):
    """The code opens the stored answers, so wherever it is mentioned the respondent is told
    to keep it: on the thank-you page beside the code, after a reload, and on the lookup."""
    post = client.post(
        SUBMIT_PATH, data=hidden_fields(review(client, tokens["open"], REQUIRED).text)
    )
    assert post.status_code == 303
    done = client.get(post.headers["location"])
    text = text_of(done)
    code = receipt_code(done)
    assert "Keep this code to yourself: " + KEEP_PRIVATE in text
    # Right after the code, before the link away from the page.
    assert text.index(code) < text.index(KEEP_PRIVATE) < text.index("Check what was stored")
    reload = text_of(client.get(DONE_PATH))
    assert code not in reload and "Keep the code to yourself: " + KEEP_PRIVATE in reload
    lookup = text_of(client.get(RECEIPT_PATH))
    assert "Keep your code to yourself: " + KEEP_PRIVATE in lookup


def test_the_old_receipt_address_opens_the_receipt_check(client):
    page = client.get("/?receipt=1")
    assert page.status_code == 200 and "<h1>Check a receipt</h1>" in page.text


def test_a_database_that_cannot_be_opened_gets_a_clear_page(client, tokens, monkeypatch):
    from afterward.web import session
    from surveys.store import StorageUnavailable

    def broken():
        raise StorageUnavailable("disk gone")

    monkeypatch.setattr(session, "shared_store", broken)
    page = client.get("/", params={"t": tokens["open"]})
    assert page.status_code == 503 and "cannot be opened just now" in text_of(page)
    assert "Traceback" not in page.text


def test_respondent_path_does_not_load_scikit_learn():
    """Respondents owe Afterward nothing: their routes load no analysis library they do not
    use (scikit-learn, plotly), so a fresh server shows the form quickly."""
    import subprocess
    import sys

    probe = (
        "import sys, afterward.web.respondent_pages, analysis.redaction, analysis.blame;"
        "print(sorted(m for m in ('sklearn', 'plotly', 'matplotlib') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]"


def test_the_blank_form_is_each_visitors_own_and_follows_the_survey(db_path, tokens):
    """The blank questionnaire is rendered once per survey: each visitor still gets their own
    token and nonce, and a change to the survey (closing it) shows at once."""
    with http_client() as first, http_client() as second:
        invitation = visit(first, tokens["invitation"]).text
        shared = visit(second, tokens["open"]).text
        assert hidden_fields(invitation)["token"] == [tokens["invitation"]]
        assert hidden_fields(shared)["token"] == [tokens["open"]]
        assert nonce_of(invitation) == first.cookies.get(FORM_COOKIE)
        assert nonce_of(shared) == second.cookies.get(FORM_COOKIE)
        assert nonce_of(invitation) != nonce_of(shared)
        assert "\ue000" not in invitation + shared  # no stand-in left behind
        # A nonce cookie a browser sent back is escaped like everything else.
        second.cookies.set(FORM_COOKIE, 'x"><b>oops</b>' + "y" * 10)
        assert "<b>oops" not in visit(second, tokens["open"]).text
        app_store().set_survey_status(tokens["survey_id"], "closed")
        closed = second.get("/", params={"t": tokens["open"]})
        assert 'name="nonce"' not in closed.text and "closed" in closed.text
