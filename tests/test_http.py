"""The manager log-in, log-out and download gate as plain HTTP (`afterward.web.http`), through
Starlette's TestClient against the real routes and middleware."""

from __future__ import annotations

import html
from urllib.parse import quote

import pytest

from afterward.web.http import FORM_COOKIE, LOGIN_PATH, LOGOUT_PATH
from afterward.web.manager_sessions import COOKIE_NAME, SESSION_SECONDS, SESSIONS
from surveys.manager_auth import FREE_ATTEMPTS
from tests.conftest import MANAGER_PASSWORD
from tests.http_helpers import form_nonce, http_app, http_client, post_password

FILTERED = "/themes?from=2026Q1&to=2026Q3&project=Harbour%20Website"


def set_cookies(response) -> dict[str, str]:
    """Set-Cookie headers by cookie name (the whole header, attributes included)."""
    return {h.split("=", 1)[0]: h for h in response.headers.get_list("set-cookie")}


@pytest.fixture
def client(db_path):
    with http_client() as opened:
        yield opened


def test_the_form_has_a_labelled_password_field_and_a_nonce(client):
    page = client.get(LOGIN_PATH, params={"next": "/overview"})
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert page.headers["cache-control"] == "no-store"
    assert '<label for="password">Manager password</label>' in page.text
    assert 'id="password" name="password" type="password"' in page.text
    assert 'autocomplete="current-password"' in page.text
    assert '<button type="submit">Log in</button>' in page.text
    assert 'name="next" value="/overview"' in page.text
    nonce = form_nonce(client)
    cookie = set_cookies(client.get(LOGIN_PATH))[FORM_COOKIE]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and f"Path={LOGIN_PATH}" in cookie
    assert len(nonce) >= 16
    assert "<script" not in page.text.lower()  # a plain form: works without JavaScript


def test_the_next_field_is_escaped(client):
    page = client.get(LOGIN_PATH, params={"next": '/x"><script>alert(1)</script>'})
    assert "<script>alert(1)" not in page.text
    # ... and an off-site target never even reaches the form.
    page = client.get(LOGIN_PATH, params={"next": "https://evil.example/"})
    assert 'name="next" value="/"' in page.text


def test_a_wrong_password_gets_401_and_the_message_and_no_session(client):
    reply = post_password(client, "wrong", "/overview")
    assert reply.status_code == 401
    assert "That password is not right." in html.unescape(reply.text)
    assert 'aria-invalid="true"' in reply.text and 'role="alert"' in reply.text
    assert COOKIE_NAME not in set_cookies(reply)
    assert client.get("/media/x.pdf").status_code == 401


def test_the_right_password_returns_to_the_page_asked_for_with_its_filters(client):
    reply = post_password(client, MANAGER_PASSWORD, FILTERED)
    assert reply.status_code == 303
    assert reply.headers["location"] == FILTERED
    cookie = set_cookies(reply)[COOKIE_NAME]
    attributes = [part.strip().lower() for part in cookie.split(";")]
    assert "httponly" in attributes
    assert "samesite=lax" in attributes
    assert f"max-age={SESSION_SECONDS}" in attributes
    assert "path=/" in attributes
    value = cookie.split(";", 1)[0].split("=", 1)[1]
    assert SESSIONS.valid(value)
    # With the cookie, the page itself is no longer redirected (404: no Streamlit mounted here).
    assert client.get(FILTERED).status_code != 303


def test_the_session_cookie_is_secure_over_https(db_path):
    with http_client() as client:
        client.base_url = "https://testserver"
        reply = post_password(client)
        assert reply.status_code == 303
        assert "secure" in set_cookies(reply)[COOKIE_NAME].lower()


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "///evil.example/",
        "/\\evil.example/",
        "\\\\evil.example/",
        "http:/evil.example",
        "javascript:alert(1)",
        "evil.example",
        "/\t/evil.example/",
    ],
)
def test_logging_in_never_sends_the_manager_to_another_site(client, target):
    reply = post_password(client, MANAGER_PASSWORD, target)
    assert reply.status_code == 303
    assert reply.headers["location"] == "/"


def test_a_cross_site_post_without_the_nonce_cookie_is_refused(client):
    """Another site can post the form, but cannot read or set our nonce cookie."""
    reply = client.post(
        LOGIN_PATH, data={"password": MANAGER_PASSWORD, "next": "/", "nonce": "forged"}
    )
    assert reply.status_code == 400
    assert COOKIE_NAME not in set_cookies(reply)
    assert "The form expired" in reply.text
    # Nonce cookie present but the field missing or different: refused the same way.
    form_nonce(client)
    for data in ({"password": MANAGER_PASSWORD}, {"password": MANAGER_PASSWORD, "nonce": "x"}):
        reply = client.post(LOGIN_PATH, data=data)
        assert reply.status_code == 400
        assert COOKIE_NAME not in set_cookies(reply)
    assert client.get("/media/x.pdf").status_code == 401


def test_repeated_wrong_passwords_lock_out_that_client_only(db_path):
    app = http_app()
    with http_client("203.0.113.9", app) as attacker:
        for _ in range(FREE_ATTEMPTS):
            assert post_password(attacker, "wrong").status_code == 401
        refused = post_password(attacker, MANAGER_PASSWORD)  # right, but too soon
        assert refused.status_code == 401
        assert "Too many wrong passwords" in refused.text
        assert COOKIE_NAME not in set_cookies(refused)
        # Another address (the manager's) logs in at once, in the same process.
        from starlette.testclient import TestClient

        with TestClient(app, follow_redirects=False, client=("198.51.100.7", 50000)) as manager:
            reply = post_password(manager, MANAGER_PASSWORD, "/overview")
            assert reply.status_code == 303
            assert reply.headers["location"] == "/overview"
            assert COOKIE_NAME in set_cookies(reply)


def test_downloads_need_a_live_session(client):
    assert client.get("/media/anything.pdf").status_code == 401
    assert (
        client.get("/media/anything.pdf", headers={"Cookie": f"{COOKIE_NAME}=forged"}).status_code
        == 401
    )
    assert post_password(client).status_code == 303
    assert client.get("/media/anything.pdf").status_code == 404  # past the gate; no file here


def test_logging_out_ends_the_session_at_once(client):
    reply = post_password(client)
    old = set_cookies(reply)[COOKIE_NAME].split(";", 1)[0].split("=", 1)[1]
    assert client.get("/media/report.pdf").status_code == 404
    out = client.post(LOGOUT_PATH)
    assert out.status_code == 303
    assert out.headers["location"] == LOGIN_PATH
    assert (
        'afterward_manager="";' in out.headers["set-cookie"]
        or "Max-Age=0" in out.headers["set-cookie"]
    )
    assert not SESSIONS.valid(old)
    # The old cookie, replayed (e.g. copied before logging out), opens nothing.
    client.cookies.clear()
    replay = {"Cookie": f"{COOKIE_NAME}={old}"}
    assert client.get("/media/report.pdf", headers=replay).status_code == 401
    overview = client.get("/themes", headers=replay)
    assert overview.status_code == 303
    assert overview.headers["location"] == f"{LOGIN_PATH}?next=/themes"


@pytest.mark.parametrize(
    "path",
    ["/", "/themes", "/surveys", "/login", "/respond", "/does-not-exist", FILTERED],
)
def test_every_page_without_a_session_goes_to_the_login_with_its_address(client, path):
    reply = client.get(path)
    assert reply.status_code == 303
    assert reply.headers["location"] == f"{LOGIN_PATH}?next={quote(path)}"


def test_the_form_keeps_the_whole_address_through_the_redirect(client):
    location = client.get(FILTERED).headers["location"]
    form = client.get(location)
    assert f'name="next" value="{html.escape(FILTERED)}"' in form.text
    reply = client.post(
        LOGIN_PATH,
        data={
            "password": MANAGER_PASSWORD,
            "next": FILTERED,
            "nonce": form_nonce(client, FILTERED),
        },
    )
    assert reply.headers["location"] == FILTERED


@pytest.mark.parametrize("path", ["/?t=sometoken", "/?receipt=1", "/?sso=1", "/_stcore/health"])
def test_respondents_and_streamlit_itself_are_never_redirected(client, path):
    reply = client.get(path)
    assert reply.status_code != 303
    assert reply.status_code != 401


def test_posts_to_pages_are_not_redirected_but_media_still_needs_the_session(client):
    assert client.post("/media/x.pdf").status_code == 401


def test_the_overview_link_keeps_working_at_the_root(db_path):
    """Streamlit serves the default page at "/" only; "/overview?from=..." bookmarks and
    shared links are sent there with their filters."""
    from starlette.applications import Starlette
    from starlette.testclient import TestClient

    from afterward.web.http import MIDDLEWARE, ROUTES

    client = TestClient(Starlette(routes=ROUTES, middleware=MIDDLEWARE))
    reply = client.get("/overview?from=2026Q1&to=2026Q3", follow_redirects=False)
    assert reply.status_code == 308
    assert reply.headers["location"] == "/?from=2026Q1&to=2026Q3"


def test_a_database_held_elsewhere_gets_a_clear_message_not_a_traceback(held_database, monkeypatch):
    monkeypatch.setenv("AFTERWARD_DB", str(held_database))
    with http_client() as client:
        reply = post_password(client)
        assert reply.status_code == 503
        assert "in use by another Afterward process" in html.unescape(reply.text)
        assert "Traceback" not in reply.text


@pytest.mark.parametrize("path", ["/auth/login?provider=default", "/oauth2callback?code=x"])
def test_single_sign_on_routes_are_never_sent_to_the_password_form(client, path):
    reply = client.get(path)
    assert not (reply.status_code == 303 and LOGIN_PATH in reply.headers.get("location", ""))


def test_listening_socket_gets_no_delay_for_the_connections_it_accepts():
    """Streamlit binds its listening socket with protocol 0, so asyncio leaves Nagle's
    algorithm on; the start-up hook turns it off on the listener (inherited on accept)."""
    import socket

    from afterward.web.http import no_delay_on_accepted_connections

    listener = socket.socket(family=socket.AF_INET)
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    other = socket.socket(family=socket.AF_INET)  # bound elsewhere: left alone
    other.bind(("127.0.0.1", 0))
    other.listen()
    try:
        port = listener.getsockname()[1]
        assert no_delay_on_accepted_connections(port) == 1
        client = socket.create_connection(("127.0.0.1", port))
        accepted, _ = listener.accept()
        assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        assert not other.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        for sock in (client, accepted):
            sock.close()
    finally:
        listener.close()
        other.close()
