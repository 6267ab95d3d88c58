"""The respondent's questionnaire as plain server-rendered HTML (no JavaScript at all).

- `GET /?t=TOKEN` (also `/respond?t=`; `ManagerGate` hands it to `questionnaire_page`): the
  questionnaire, or a message (link not available, closed, not open yet, already answered
  from this browser).
- `POST /respondent/review`: the form again with the problems named, or exactly what will be
  stored (free text redacted), with "Edit my answers" and "Submit".
- `POST /respondent/submit`: store the answers once and answer 303 to the thank-you page (an
  open link also leaves its marker cookie in this browser). The receipt code travels to that
  page in a short-lived cookie (HttpOnly, SameSite=Strict, limited to the page's path) that
  the page clears when it shows the code, never in the URL; nothing on the server ties the
  code or the token to the answers beyond the code's hash, which was always stored.
- `GET /respondent/done`: the thank-you page, safe to reload: the receipt code the first
  time, afterwards (or without the cookie) a plain "your response was recorded".
- Back after Submit: the page before the thank-you page answered a POST (the review), so the
  browser offers to send it again (its own "Confirm Form Resubmission" page: the review is
  never cached, it holds the answers). Submit through an invitation leaves a marker cookie
  for that link in the respondent's own browser (`SENT_COOKIE_PREFIX` + a hash of the token,
  a day): sending the review or the submit again, or going back to the link itself, then
  lands on "your answer was already recorded" (`GET /respondent/done?again=1`), never a form
  that would be sent again and never the "link can't be used" refusal. The marker names no
  answer; the server stores nothing for it, and another browser with the same link sees what
  it saw before (a used invitation looks unused). An open link has its own marker already
  ("you have already answered this survey from this browser").
- A survey that closed between the form and Submit: the closed message with the
  respondent's answers as they typed them, read-only and easy to copy; nothing is stored.
- `GET/POST /respondent/receipt` (and the old `/?receipt=1`): see what a receipt code stored.

Nothing is kept between steps on the server: the token and the respondent's draft travel
in hidden fields of the form, and what is stored is recomputed from the draft on submit.
POSTs need the double-submit nonce (`FORM_COOKIE` and the `nonce` field) and, when the
browser names an origin, this host. Nothing of an answer or a token is logged.
The respondent path calls only `afterward.services.responding`.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import escape
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from afterward.services import responding
from afterward.services.responding import (
    TOKEN_PARAM,
    LinkUnavailable,
    StorageUnavailable,
    SurveyNotOpen,
)
from afterward.web.safe_text import inert
from surveys.store import StoreError

REVIEW_PATH = "/respondent/review"
SUBMIT_PATH = "/respondent/submit"
DONE_PATH = "/respondent/done"
# The receipt code on its way from the submit to the thank-you page: only the code, only for
# that page, only for a short while, and cleared as soon as the page shows it.
RECEIPT_COOKIE = "afterward_receipt"
RECEIPT_COOKIE_SECONDS = 120
RECEIPT_PATH = "/respondent/receipt"
# The double-submit nonce against cross-site posting (the login's approach, under its own
# name): site-wide, so a second tab opening the link keeps the first tab's form working.
FORM_COOKIE = "afterward_respondent_form"
FORM_COOKIE_PATH = "/"
ANSWERED_SECONDS = 2 * 365 * 24 * 60 * 60  # the open-link marker: two years
# "This browser just sent an answer through this invitation": for Back after Submit. Only a
# hash of the token (which this browser already had), kept a day.
SENT_COOKIE_PREFIX = "afterward_sent_"
SENT_SECONDS = 24 * 60 * 60
AGAIN_PATH = DONE_PATH + "?again=1"
FIELD_PREFIX = "answer_"

UNAVAILABLE = (
    "This link can't be used for a new response. Invitation links work once, and a link "
    "may have been copied incompletely. If you think this is a mistake, ask the person who "
    "sent it for a new link."
)
ANSWERED = (
    "You have already answered this survey from this browser. Thank you! Each person "
    "answers once, so that every voice counts the same."
)
CLOSED = "This survey is closed and no longer takes answers. Thank you for your interest."
CLOSED_KEPT = (
    "This survey closed before your answers were sent, so nothing was stored. Your answers "
    "are below if you would like to keep a copy."
)
NOT_YET = "This survey is not open yet. Please come back on {day}."
NO_DATABASE = (
    "The survey cannot be opened just now (the server cannot read its database). "
    "Please try your link again in a moment."
)
NOT_SAVED = (
    "Your answers could not be saved just now (the server could not write them). "
    "Nothing was recorded. Please try Submit again in a moment."
)
EXPIRED = (
    "This form expired or was sent from another site, so nothing was sent. Your answers "
    "are still here: please check them and send the form again."
)
CHANGED = (
    "What will be stored changed since you reviewed it (a name list was updated). "
    "Please check it again before you submit."
)
OTHER_SITE = "This form can only be sent from this site."
NUDGE = (
    "This answer seems to point at a person. Blameless reviews work best when they describe "
    "what happened and what in the process or system allowed it. You can still submit it as "
    "it is."
)

_TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=select_autoescape(["html"], default=True),
    auto_reload=False,  # templates ship with the code: no file check on every page
    extensions=["jinja2.ext.do"],
    trim_blocks=True,
    lstrip_blocks=True,
)
_TEMPLATES.filters["inert"] = inert


# -- form strings to raw answers: the one place ----------------------------------------------


def _first(values: Sequence[str]) -> str | None:
    return values[0] if values else None


def _number(values: Sequence[str]) -> Any:
    """Scale answers are posted as "1".."5" or "0".."10"; anything else goes to the
    question's own check as it came (it names the allowed range)."""
    value = _first(values)
    if value is None or value.strip() == "":
        return None
    try:
        return int(value)
    except ValueError:
        return value


def _many(values: Sequence[str]) -> list[str]:
    return [v for v in values if v]


def _text(values: Sequence[str]) -> str:
    return values[0] if values else ""


# The raw value for each question kind from its posted strings, by kind name, as
# `responding.validate` takes it. A kind in `surveys.questionnaire.KINDS` without an entry
# here (and a field in templates/respondent_fields.html) fails a test.
FORM_VALUES: dict[str, Callable[[Sequence[str]], Any]] = {
    "likert": _number,
    "rating": _number,
    "single_choice": _first,
    "multiple_choice": _many,
    "yes_no": _first,
    "text": _text,
}


def field_name(question_id: str) -> str:
    return FIELD_PREFIX + question_id


def draft_of(questionnaire: Any, form: FormData | Mapping[str, Any]) -> dict[str, list[str]]:
    """The respondent's inputs as posted, per question id (lists of strings, as sent)."""
    getlist = form.getlist if hasattr(form, "getlist") else lambda k: list(form.get(k, []))
    return {
        q.id: [str(v) for v in getlist(field_name(q.id)) if isinstance(v, str)]
        for q in questionnaire.questions
    }


def raw_answers(questionnaire: Any, draft: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """Raw answers for `responding.validate` from a draft (see `FORM_VALUES`)."""
    return {q.id: FORM_VALUES[q.kind](draft.get(q.id, [])) for q in questionnaire.questions}


# -- responses -------------------------------------------------------------------------------


def _page(template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return _response(_TEMPLATES.get_template(template).render(**context), status_code)


def _response(html: str, status_code: int = 200) -> HTMLResponse:
    response = HTMLResponse(html, status_code)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    )
    return response


def _nonce(request: Request) -> str:
    """The browser's form nonce, or a fresh one (several tabs share one)."""
    current = request.cookies.get(FORM_COOKIE, "")
    return current if 16 <= len(current) <= 64 and current.isascii() else secrets.token_urlsafe(24)


def _with_nonce(request: Request, template: str, status_code: int = 200, **context: Any):
    nonce = _nonce(request)
    return _set_nonce(request, _page(template, status_code, nonce=nonce, **context), nonce)


def _set_nonce(request: Request, response: Response, nonce: str) -> Response:
    response.set_cookie(
        FORM_COOKIE,
        nonce,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path=FORM_COOKIE_PATH,
    )
    return response


def _message(title: str, message: str, status_code: int = 200) -> HTMLResponse:
    return _page("respondent_message.html", status_code, title=title, message=message)


def _link_message(link: Any) -> HTMLResponse | None:
    """The page for a link that takes no answer now, or None when it does."""
    if link.status == "unavailable":
        return _message("Link not available", UNAVAILABLE)
    if link.status == "closed":
        return _message(link.survey.title, CLOSED)
    if link.status == "not_yet":
        return _message(link.survey.title, NOT_YET.format(day=f"{link.survey.opens_on:%d %B %Y}"))
    return None


def _survey_context(survey: Any, token: str) -> dict[str, Any]:
    questionnaire = responding.questionnaire_of(survey)
    return {
        "title": survey.title,
        "questionnaire": questionnaire,
        "threshold": survey.anonymity_threshold,
        "token": token,
        "token_param": TOKEN_PARAM,
        "field_name": field_name,
        "review_path": REVIEW_PATH,
        "submit_path": SUBMIT_PATH,
    }


# The blank questionnaire is the same page for every respondent of a survey but for the
# token and the form nonce: rendered once per survey (and per version of its row) with these
# stand-ins, which each request replaces with its own values, escaped as the template would.
_TOKEN_STAND_IN = "\ue000token\ue000"
_NONCE_STAND_IN = "\ue000nonce\ue000"


@lru_cache(maxsize=256)
def _blank_form(survey: Any) -> str:
    context = _survey_context(survey, _TOKEN_STAND_IN)
    questionnaire = context["questionnaire"]
    return _TEMPLATES.get_template("respondent_form.html").render(
        nonce=_NONCE_STAND_IN,
        draft={q.id: [] for q in questionnaire.questions},
        errors={},
        alert="",
        **context,
    )


def _form(request: Request, link: Any, token: str, draft=None, errors=None, alert="", status=200):
    if draft is None and not errors and not alert:
        nonce = _nonce(request)
        html = (
            _blank_form(link.survey)
            .replace(_TOKEN_STAND_IN, str(escape(token)))
            .replace(_NONCE_STAND_IN, str(escape(nonce)))
        )
        return _set_nonce(request, _response(html, status), nonce)
    context = _survey_context(link.survey, token)
    questionnaire = context["questionnaire"]
    draft = draft or {q.id: [] for q in questionnaire.questions}
    return _with_nonce(
        request,
        "respondent_form.html",
        status,
        draft=draft,
        errors=errors or {},
        alert=alert,
        **context,
    )


def shown_digest(stored: Mapping[str, Any]) -> str:
    """A fingerprint of what the review showed, to tell whether it still holds at submit."""
    text = json.dumps(stored, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _review(
    request, link, token, draft, stored, *, alert="", error="", can_submit=True, status=200
):
    context = _survey_context(link.survey, token)
    questionnaire = context["questionnaire"]
    nudged = responding.blame_nudges(questionnaire, stored)
    shown = [
        (q, q.display(stored[q.id]), q.id in nudged)
        for q in questionnaire.questions
        if q.id in stored
    ]
    return _with_nonce(
        request,
        "respondent_review.html",
        status,
        draft=draft,
        shown=shown,
        digest=shown_digest(stored),
        nudge=NUDGE,
        alert=alert,
        error=error,
        can_submit=can_submit,
        **context,
    )


def _same_origin(request: Request) -> bool:
    """False for a POST whose Origin names another host. A missing Origin, or "null" (what
    browsers send for our own forms under the page's no-referrer policy), is left to the
    nonce, whose cookie is SameSite=Strict."""
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return True
    return urlsplit(origin).netloc.lower() == request.headers.get("host", "").lower()


def _nonce_ok(request: Request, form: FormData) -> bool:
    posted = form.get("nonce")
    cookie = request.cookies.get(FORM_COOKIE, "")
    return isinstance(posted, str) and bool(posted) and secrets.compare_digest(posted, cookie)


def _open(token: str | None) -> tuple[Any, Any]:
    """(store, link); raises the store's StoreError when the database cannot be used."""
    from afterward.web.session import shared_store

    store = shared_store()
    return store, responding.open_link(store, token)


def sent_cookie(token: str) -> str:
    """The cookie name that marks, in the respondent's browser, that it sent an answer
    through `token` (20 hex characters of a hash: the token cannot be read back from it)."""
    return SENT_COOKIE_PREFIX + hashlib.sha256(f"afterward-sent:{token}".encode()).hexdigest()[:20]


def _sent_here(request: Request, link: Any, token: str) -> bool:
    """Whether this browser sent an answer through this invitation (Back after Submit)."""
    if link.status != "ok" or link.invitation_hash is None or not token:
        return False
    return request.cookies.get(sent_cookie(token)) == "1"


def _already_recorded() -> Response:
    """To "your answer was already recorded": a GET, so the history entry of a POST sent
    again becomes a page that is safe to reload and to go back to."""
    response = RedirectResponse(AGAIN_PATH, status_code=303)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _database_error() -> HTMLResponse:
    return _message("Survey not available just now", NO_DATABASE, 503)


# -- handlers --------------------------------------------------------------------------------


async def questionnaire_page(request: Request) -> Response:
    """GET `/?t=TOKEN`: the questionnaire, or why it cannot be answered now."""
    return await run_in_threadpool(_questionnaire_page, request)


def _questionnaire_page(request: Request) -> Response:
    token = request.query_params.get(TOKEN_PARAM, "")
    try:
        _, link = _open(token)
    except StoreError:
        return _database_error()
    refused = _link_message(link)
    if refused is not None:
        return refused
    if _sent_here(request, link, token):
        return _already_recorded()
    if responding.answered_here(link, request.cookies):
        return _message(link.survey.title, ANSWERED)
    return _form(request, link, token)


async def review(request: Request) -> Response:
    """POST: the form with its problems named, or what will be stored (`edit`: the form
    filled with the respondent's draft)."""
    form = await request.form()
    return await run_in_threadpool(_review_step, request, form)


def _posted(request: Request, form: FormData) -> tuple[Any, Any, str, Any]:
    """(store, link, token, refusal page or None) for a posted step."""
    token = form.get("token")
    token = token if isinstance(token, str) else ""
    store, link = _open(token)
    refused = _link_message(link)
    if refused is None and _sent_here(request, link, token):
        refused = _already_recorded()  # Back after Submit, and the form sent again
    elif refused is None and responding.answered_here(link, request.cookies):
        refused = _message(link.survey.title, ANSWERED)
    return store, link, token, refused


@dataclass(frozen=True)
class _Posted:
    """A posted form that passed the checks every step makes: what the steps work on."""

    store: Any
    link: Any
    token: str
    draft: dict[str, list[str]]
    stored: dict[str, Any]


def _checked(request: Request, form: FormData, *, editing: bool = False) -> Response | _Posted:
    """The checks of every POST, in order (same origin, the database, the link, the nonce,
    the answers), and what will be stored; a page to send back when one fails (the
    respondent's draft kept). With `editing`, the form comes back filled, unchecked."""
    if not _same_origin(request):
        return _message("Not sent", OTHER_SITE, 403)
    try:
        store, link, token, refused = _posted(request, form)
    except StoreError:
        return _database_error()
    if refused is not None:
        if link.status == "closed":  # closed since the form was opened: keep what was typed
            return _closed_with_answers(
                link, draft_of(responding.questionnaire_of(link.survey), form)
            )
        return refused
    questionnaire = responding.questionnaire_of(link.survey)
    draft = draft_of(questionnaire, form)
    if not _nonce_ok(request, form):
        return _form(request, link, token, draft, alert=EXPIRED, status=400)
    if editing:
        return _form(request, link, token, draft)
    result = responding.validate(questionnaire, raw_answers(questionnaire, draft))
    if not result.ok:
        return _form(request, link, token, draft, errors=result.errors, status=422)
    stored = responding.stored_form(
        questionnaire, result.answers, responding.roster_of(store, link)
    )
    return _Posted(store, link, token, draft, stored)


def _review_step(request: Request, form: FormData) -> Response:
    posted = _checked(request, form, editing=bool(form.get("edit")))
    if isinstance(posted, Response):
        return posted
    return _review(request, posted.link, posted.token, posted.draft, posted.stored)


async def submit(request: Request) -> Response:
    """POST: store what the review showed, once; the receipt code, shown once."""
    form = await request.form()
    return await run_in_threadpool(_submit_step, request, form)


def _submit_step(request: Request, form: FormData) -> Response:
    # What is stored is recomputed here from the draft, never taken from the page; when it
    # is no longer what the review showed, the respondent reviews it again.
    posted = _checked(request, form)
    if isinstance(posted, Response):
        return posted
    store, link, token, draft, stored = (
        posted.store, posted.link, posted.token, posted.draft, posted.stored,
    )  # fmt: skip
    if form.get("shown") != shown_digest(stored):
        return _review(request, link, token, draft, stored, alert=CHANGED, status=409)
    try:
        code = responding.submit(store, link, stored)
    except LinkUnavailable:
        return _review(
            request, link, token, draft, stored, alert=UNAVAILABLE, can_submit=False, status=409
        )
    except SurveyNotOpen:
        return _closed_with_answers(link, draft)
    except StorageUnavailable:
        return _review(request, link, token, draft, stored, error=NOT_SAVED, status=503)
    # Post/Redirect/Get: the thank-you page is a GET, safe to reload and to come back to.
    response = RedirectResponse(DONE_PATH, status_code=303)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"

    def cookie(
        name: str, value: str, seconds: int, samesite: Literal["lax", "strict"], path: str = "/"
    ) -> None:
        response.set_cookie(
            name,
            value,
            max_age=seconds,
            httponly=True,
            samesite=samesite,
            secure=request.url.scheme == "https",
            path=path,
        )

    cookie(RECEIPT_COOKIE, code, RECEIPT_COOKIE_SECONDS, "strict", DONE_PATH)
    if link.invitation_hash is not None:  # Back after Submit (open links: the marker below)
        cookie(sent_cookie(token), "1", SENT_SECONDS, "strict")
    else:  # an open link: one answer per browser
        marker = responding.answered_marker(link.survey.survey_id)
        cookie(responding.answered_cookie(marker), "1", ANSWERED_SECONDS, "lax")
    return response


def _closed_with_answers(link: Any, draft: Mapping[str, Sequence[str]]) -> HTMLResponse:
    """The closed message with the respondent's answers as typed (free text unredacted: it
    is their own, and it never left their form), read-only; nothing is stored."""
    questionnaire = responding.questionnaire_of(link.survey)
    checked = responding.validate(questionnaire, raw_answers(questionnaire, draft))
    kept = []
    for q in questionnaire.questions:
        values = [v for v in draft.get(q.id, []) if v.strip()]
        if not values:
            continue
        if q.free_text:
            kept.append((q, values[0], True))
        elif q.id in checked.answers and checked.answers[q.id] is not None:
            kept.append((q, q.display(checked.answers[q.id]), False))
        else:
            kept.append((q, ", ".join(values), False))
    return _page(
        "respondent_closed.html", 409, title=link.survey.title, alert=CLOSED_KEPT, kept=kept
    )


# The receipt code is 22 URL-safe characters (`surveys.responses.new_receipt_code`); anything
# else in the cookie is not shown.
_CODE_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


async def done(request: Request) -> Response:
    """GET: the thank-you page. With the receipt cookie, the code (and the cookie cleared);
    without it (a reload, a bookmark, another tab), that the response was recorded; with
    `again=1` (Back after Submit, the form sent again), that it was already recorded and
    nothing was sent twice."""
    code = request.cookies.get(RECEIPT_COOKIE, "")
    if not (8 <= len(code) <= 64 and set(code) <= _CODE_CHARACTERS):
        code = ""
    again = request.query_params.get("again") == "1"
    response = _page("respondent_done.html", code=code, again=again, receipt_path=RECEIPT_PATH)
    if RECEIPT_COOKIE in request.cookies:
        response.delete_cookie(
            RECEIPT_COOKIE,
            path=DONE_PATH,
            secure=request.url.scheme == "https",
            httponly=True,
            samesite="strict",
        )
    return response


async def receipt(request: Request) -> Response:
    """GET: the receipt form. POST: what was stored for the code, or that none matches."""
    if request.method != "POST":
        return _with_nonce(request, "respondent_receipt.html", receipt_path=RECEIPT_PATH)
    form = await request.form()
    return await run_in_threadpool(_receipt_step, request, form)


def _receipt_step(request: Request, form: FormData) -> Response:
    if not _same_origin(request):
        return _message("Not sent", OTHER_SITE, 403)
    context: dict[str, Any] = {"receipt_path": RECEIPT_PATH}
    if not _nonce_ok(request, form):
        return _with_nonce(request, "respondent_receipt.html", 400, alert=EXPIRED, **context)
    code = form.get("code")
    code = code.strip() if isinstance(code, str) else ""
    try:
        from afterward.web.session import shared_store

        found = responding.stored_response(shared_store(), code) if code else None
    except StoreError:
        return _database_error()
    if found is None:
        return _with_nonce(request, "respondent_receipt.html", 404, missing=True, **context)
    shown = [(q, q.display(value)) for q, value in found.answers]
    return _with_nonce(
        request,
        "respondent_receipt.html",
        day=f"{found.submitted_on:%d %B %Y}",
        shown=shown,
        **context,
    )


async def entry(request: Request) -> Response:
    """What `ManagerGate` hands GETs of `/` or `/respond` with `t` or `receipt` to: the
    questionnaire, or (the old `?receipt=1` address) the receipt check, in one request."""
    if TOKEN_PARAM in request.query_params:
        return await questionnaire_page(request)
    return await receipt(request)


def is_entry(method: str, path: str, params: Mapping[str, str]) -> bool:
    """Whether a request is a respondent's link (`/?t=`, `/respond?t=`) or `/?receipt=1`."""
    return (
        method in ("GET", "HEAD")
        and path.rstrip("/") in ("", "/respond")
        and (TOKEN_PARAM in params or "receipt" in params)
    )


ROUTES = [
    Route(REVIEW_PATH, review, methods=["POST"]),
    Route(SUBMIT_PATH, submit, methods=["POST"]),
    Route(DONE_PATH, done, methods=["GET"]),
    Route(RECEIPT_PATH, receipt, methods=["GET", "POST"]),
]
PATHS = frozenset(route.path for route in ROUTES)
