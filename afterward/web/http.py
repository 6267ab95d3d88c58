"""Afterward's own HTTP routes and middleware, served beside the Streamlit pages by `st.App`.

- `GET/POST /manager/login`: a plain HTML form (no JavaScript); the right password starts a
  manager session (`manager_sessions`) and returns to the page asked for, filters included.
- `POST /manager/logout`: ends the session and clears the cookie.
- The middleware sends a visitor without a session to the login form before any manager
  page loads, and refuses Streamlit's `/media/` files (prepared downloads) to any request
  without a live manager session: a download URL fetched without it gets 401.
- Respondents' links (`/?t=TOKEN`) and the old receipt address (`/?receipt=1`) go straight
  to the respondent's plain HTML pages (`afterward.web.respondent_pages`), never to the login.
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import Environment
from starlette.middleware import Middleware
from starlette.middleware.exceptions import ExceptionMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route, Router
from starlette.types import ASGIApp, Receive, Scope, Send

from afterward.web import respondent_pages
from afterward.web.manager_sessions import COOKIE_NAME, SESSION_SECONDS, SESSIONS
from surveys.store import StoreError

LOGIN_PATH = "/manager/login"
LOGOUT_PATH = "/manager/logout"
FORM_COOKIE = "afterward_form"  # double-submit nonce against cross-site posting
SSO_PARAM = "sso"
DEFAULT_PAGE_PATH = "/overview"  # the navigation's default page (url_path "overview")
# `/?sso=1`: Streamlit's own single sign-on page
# Paths Streamlit and the browser need before anyone has logged in.
_OPEN_PREFIXES = (
    "/_stcore/",
    "/static/",
    "/component/",
    "/manager/",
    "/respondent/",
    "/auth/",  # Streamlit's single sign-on (st.login) ...
    "/oauth2callback",  # ... and its identity provider's return address
    "/favicon",
    "/robots",
    "/api/",  # the JSON API checks its own credentials (401 as JSON, never a redirect)
    "/healthz",
)


_PAGE = Environment(autoescape=True).from_string(
    """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Log in · Afterward</title>
<style>
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;padding:1rem;
background:#f6f6f4;color:#1f2328;line-height:1.5}
main{max-width:26rem;margin:10vh auto 2rem;padding:2rem;background:#fff;border-radius:.75rem;
box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{margin:0 0 .5rem;font-size:1.75rem;line-height:1.2}
p{margin:0 0 1rem}
label{display:block;font-weight:600;margin:1.25rem 0 .35rem}
input[type=password]{width:100%;min-height:2.75rem;padding:.6rem .75rem;font-size:1rem;
border:1px solid #8c959f;border-radius:.4rem}
button{margin-top:1.25rem;width:100%;min-height:2.75rem;padding:.6rem;font-size:1rem;
font-weight:600;color:#fff;background:#0b5cad;border:0;border-radius:.4rem;cursor:pointer}
button:hover{background:#094a8c}
button:focus-visible,input:focus-visible,a:focus-visible{outline:3px solid #f0b400;
outline-offset:2px}
.error{border-left:4px solid #b42318;background:#fef3f2;padding:.75rem;margin:1rem 0 0;
border-radius:0 .4rem .4rem 0}
p.note{margin:1.5rem 0 0;color:#57606a;font-size:.9rem}
@media (max-width:30rem){body{padding:.75rem}main{margin-top:1.5rem;padding:1.5rem}}
</style></head>
<body><main>
<h1>Afterward</h1>
<p>Anonymous retrospectives and post-mortem analytics. Managers, please log in.</p>
{% if error %}<div class="error" role="alert" id="error">{{ error }}</div>{% endif %}
<form method="post" action="{{ action }}">
<input type="hidden" name="next" value="{{ next }}">
<input type="hidden" name="nonce" value="{{ nonce }}">
<label for="password">Manager password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required
{% if error %}aria-describedby="error" aria-invalid="true"{% endif %} autofocus>
<button type="submit">Log in</button>
</form>
{% if sso %}<p><a href="/?{{ sso_param }}=1">Log in with single sign-on</a></p>{% endif %}
<p class="note">Answering a survey? Use the link you were sent; it opens the questionnaire
directly.</p>
</main></body></html>"""
)


def safe_next(target: str | None) -> str:
    """Where to go after logging in: a path on this site only (never another host)."""
    if not target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    # Browsers read a backslash as "/" and drop tabs and newlines: "/<backslash>evil.example"
    # or "/<tab>/evil.example" would leave the site.
    if "\\" in target or any(ord(c) < 32 or ord(c) == 127 for c in target):
        return "/"
    return target


def _login_form(request: Request, error: str = "", status_code: int = 200) -> Response:
    from afterward.web.session import sso_configured

    nonce = secrets.token_urlsafe(16)
    page = _PAGE.render(
        action=LOGIN_PATH,
        next=safe_next(request.query_params.get("next") or request.scope.get("afterward_next")),
        nonce=nonce,
        error=error,
        sso=sso_configured(),
        sso_param=SSO_PARAM,
    )
    response = HTMLResponse(page, status_code=status_code)
    response.set_cookie(FORM_COOKIE, nonce, httponly=True, samesite="strict", path=LOGIN_PATH)
    response.headers["Cache-Control"] = "no-store"
    return response


async def login(request: Request) -> Response:
    """GET: the form. POST: check the password (throttled per client address) and start a
    session; wrong passwords and cross-site posts get the form again with a message."""
    if request.method == "GET":
        return _login_form(request)
    from afterward.web.session import attempt_login, login_throttle, shared_store

    form = await request.form()
    request.scope["afterward_next"] = str(form.get("next", "/"))
    nonce = str(form.get("nonce", ""))
    if not nonce or not secrets.compare_digest(nonce, request.cookies.get(FORM_COOKIE, "")):
        return _login_form(request, "The form expired. Please try again.", 400)
    client = request.client.host if request.client else None
    try:
        ok, message = attempt_login(
            shared_store(), login_throttle(), str(form.get("password", "")), client
        )
    except StoreError as exc:  # the database is held by another process, full, unreadable
        return _login_form(request, f"Afterward cannot open its database. {exc}", 503)
    if not ok:
        return _login_form(request, message, 401)
    response = RedirectResponse(safe_next(str(form.get("next", "/"))), status_code=303)
    response.set_cookie(
        COOKIE_NAME,
        SESSIONS.start(),
        max_age=SESSION_SECONDS,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )
    response.delete_cookie(FORM_COOKIE, path=LOGIN_PATH)
    return response


async def logout(request: Request) -> Response:
    """End the manager session and clear its cookie; prepared downloads die with it."""
    SESSIONS.end(request.cookies.get(COOKIE_NAME))
    response = RedirectResponse(LOGIN_PATH, status_code=303)
    response.delete_cookie(COOKIE_NAME, path="/")
    return response


ROUTES = [
    *respondent_pages.ROUTES,
    Route(LOGIN_PATH, login, methods=["GET", "POST"]),
    Route(LOGOUT_PATH, logout, methods=["POST"]),
]


# The respondent's later steps (review, submit, receipt check) are served straight from the
# gate, past the middleware the manager pages need (Streamlit's path security, the session,
# gzip, its router): under load that stack was a fifth of the interpreter's time per request
# (py-spy --gil, bench/bench_respondent_load.py). The exception layer stays: a malformed
# form still gets its 400.
_RESPONDENT_STEPS = ExceptionMiddleware(Router(routes=respondent_pages.ROUTES))


class ManagerGate:
    """Pure ASGI middleware: the login comes first, and downloads need the session."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        path = request.url.path
        if request.method == "GET" and path.rstrip("/") == DEFAULT_PAGE_PATH:
            # Streamlit serves its default page at "/" only: keep bookmarks and shared
            # links to the overview (and their filters) working.
            query = f"?{request.url.query}" if request.url.query else ""
            await RedirectResponse(f"/{query}", status_code=308)(scope, receive, send)
            return
        if respondent_pages.is_entry(request.method, path, request.query_params):
            # A respondent's link: the questionnaire itself, in this one request.
            await (await respondent_pages.entry(request))(scope, receive, send)
            return
        if path in respondent_pages.PATHS:
            await _RESPONDENT_STEPS(scope, receive, send)
            return
        has_session = SESSIONS.valid(request.cookies.get(COOKIE_NAME))
        if path.startswith("/media/") and not has_session:
            await PlainTextResponse("Log in as a manager to download this file.", 401)(
                scope, receive, send
            )
            return
        if (
            request.method == "GET"
            and not has_session
            and not path.startswith(_OPEN_PREFIXES)
            and not _single_sign_on(request)
        ):
            target = path + (f"?{request.url.query}" if request.url.query else "")
            redirect = RedirectResponse(f"{LOGIN_PATH}?next={quote(target)}", status_code=303)
            await redirect(scope, receive, send)
            return
        await self.app(scope, receive, send)


def _single_sign_on(request: Request) -> bool:
    params = request.query_params
    if SSO_PARAM in params:
        return True
    # Streamlit's own single sign-on keeps its identity in its cookie: let the page decide.
    return any(name.startswith("_streamlit_user") for name in request.cookies)


MIDDLEWARE = [Middleware(ManagerGate)]


def no_delay_on_accepted_connections(port: int) -> int:
    """Set TCP_NODELAY on this process's listening socket(s) on `port`; returns how many.

    Streamlit binds its listening socket itself, with protocol 0, so asyncio never sets
    TCP_NODELAY on the connections it accepts, and every response on a kept-alive
    connection waited ~40 ms (Nagle's algorithm meeting the client's delayed ACK) between
    its headers and its body: a respondent's form, review and submit each paid it. On Linux
    accepted connections inherit the option from the listening socket, so setting it there
    once, at start-up, is enough. Measured in bench/bench_respondent_load.py."""
    import gc
    import socket

    tuned = 0
    for candidate in gc.get_objects():
        # type(), not isinstance(): some lazy proxies warn when their __class__ is read.
        if not issubclass(type(candidate), socket.socket) or candidate.fileno() < 0:
            continue
        try:
            if candidate.type != socket.SOCK_STREAM or candidate.getsockname()[1] != port:
                continue
            if not candidate.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN):
                continue
            candidate.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            tuned += 1
        except (OSError, IndexError, TypeError):
            continue  # not an inet socket, or closed meanwhile
    return tuned


# What a manager page imports (plotly, the views and their analysis, the report writers):
# seconds of imports a first visit would otherwise wait for.
MANAGER_PAGE_MODULES = (
    "afterward.output.charts",
    "afterward.output.result_charts",
    "afterward.services.manager_views",
    "afterward.services.survey_results",
    "afterward.services.postmortem",
    "afterward.web.filters",
)


def _import_manager_pages_in_background() -> None:
    import importlib
    import threading

    def run() -> None:
        for name in MANAGER_PAGE_MODULES:
            importlib.import_module(name)
        # The blame encoder loads on a respondent's first preview otherwise (~0.2 s).
        importlib.import_module("analysis.blame_encoder").available()

    threading.Thread(target=run, name="afterward-warm-imports", daemon=True).start()


@asynccontextmanager
async def lifespan(app: Any) -> AsyncIterator[None]:
    """At start-up: open the database (a generated manager password is printed now, in the
    terminal that started the server, not on a first visit), leave the server file that
    lets the command line ask this app while it holds the database (removed at shut-down),
    and start the background analysis of free text and the recurring-retro scheduler."""
    from streamlit import config

    from afterward.services import analysis_upkeep, scheduler
    from afterward.web.api import remove_server_file, write_server_file
    from afterward.web.session import shared_store

    store = shared_store()
    port = config.get_option("server.port")
    write_server_file(config.get_option("server.address") or "", port)
    no_delay_on_accepted_connections(port)
    analysis_upkeep.start_background(store)  # the first analysis starts now, not on a visit
    _import_manager_pages_in_background()  # the first manager visit does not wait for imports
    scheduler.start_scheduler(store)  # recurring retros: catches up at once, then hourly
    try:
        yield
    finally:
        scheduler.stop_scheduler(store)
        analysis_upkeep.stop_background(store)
        remove_server_file()
