"""Who the visitor is: the process-wide store, the manager login and single sign-on."""

from __future__ import annotations

from urllib.parse import SplitResult, quote, urlsplit

import streamlit as st

from afterward.services.publishing import open_store
from afterward.settings import database_path
from afterward.web.manager_sessions import COOKIE_NAME, SESSIONS
from surveys.manager_auth import LoginThrottle, attempt_login, ensure_manager_password
from surveys.store import Store, StoreError

__all__ = [
    "Store",
    "attempt_login",
    "client_address",
    "is_manager",
    "browser_cookies",
    "login_url",
    "page_address",
    "log_out",
    "login_throttle",
    "require_manager",
    "shared_store",
    "sso_configured",
    "store_or_stop",
]


@st.cache_resource(show_spinner=False)
def _store(path: str) -> Store:
    store = open_store(path)
    generated = ensure_manager_password(store)
    if generated:
        # Printed once, in the terminal that started the app; only a salted hash is kept.
        print(
            f"\nAfterward manager password (shown once, keep it): {generated}\n"
            "Set AFTERWARD_ADMIN_PASSWORD to choose your own.\n",
            flush=True,
        )
    return store


@st.cache_resource(show_spinner=False)
def login_throttle() -> LoginThrottle:
    """The process-wide login throttle (per client address, in memory only)."""
    return LoginThrottle()


def client_address() -> str | None:
    """The visitor's IP address for the login throttle only (None on localhost; behind a proxy,
    the proxy's). Never stored or logged."""
    try:
        address = st.context.ip_address
    except Exception:  # no browser connection (bare script runs)
        return None
    return address if isinstance(address, str) else None  # AppTest hands out a stand-in


def shared_store() -> Store:
    """The process-wide store (pages and HTTP routes share it). Raises the store's
    StoreError (DatabaseLocked, StorageUnavailable) when the file cannot be opened."""
    return _store(str(database_path()))


def store_or_stop() -> Store:
    """The process-wide store; on failure a clear message replaces the page."""
    try:
        return shared_store()
    except StoreError as exc:
        st.error(f"Afterward cannot open its database. {exc}")
        st.stop()
        raise  # unreachable: st.stop() ends the run


def sso_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets.toml at all
        return False


def manager_emails() -> set[str]:
    try:
        emails = st.secrets.get("afterward", {}).get("manager_emails", [])
    except Exception:
        return set()
    return {e.strip().lower() for e in emails}


def browser_cookies() -> dict[str, str]:
    """The cookies the browser sent with this page (empty without a browser: AppTest)."""
    try:
        return dict(st.context.cookies)
    except Exception:  # no browser connection (bare script runs, AppTest)
        return {}


def page_address() -> SplitResult:
    """The address the browser shows for this page, split (empty without a browser)."""
    try:
        return urlsplit(st.context.url or "")
    except Exception:  # no browser connection (bare script runs, AppTest)
        return urlsplit("")


def request_base_url() -> str | None:
    """The scheme and host this browser reached the app on ("https://retro.example"), so
    links made here work from where the manager is; None without a browser (AppTest)."""
    here = page_address()
    if here.scheme in ("http", "https") and here.netloc:
        return f"{here.scheme}://{here.netloc}"
    return None


def manager_cookie() -> str | None:
    """The manager-session cookie the browser sent with this page (None without one)."""
    return browser_cookies().get(COOKIE_NAME)


def login_url() -> str:
    """The log-in form, returning to the page (and filters) this visitor asked for."""
    from afterward.web.http import LOGIN_PATH

    here = page_address()
    target = here.path + (f"?{here.query}" if here.query else "")
    return f"{LOGIN_PATH}?next={quote(target or '/')}"


def is_manager() -> bool:
    """A live manager session (the signed cookie from `/manager/login`), single sign-on
    where configured, or a login made in this process (`manager_login` in session state,
    which only server code can set)."""
    if SESSIONS.valid(manager_cookie()) or st.session_state.get("manager_login"):
        return True
    if not sso_configured() or not st.user.is_logged_in:
        return False
    allowed = manager_emails()
    return not allowed or str(st.user.get("email", "")).lower() in allowed


def require_manager() -> None:
    """Stop the page unless the visitor is a logged-in manager (defence in depth: the
    router already hides manager pages from everyone else)."""
    if not is_manager():
        st.warning("Please log in as a manager to see this page.")
        st.stop()


PREPARED_DOWNLOADS = ("review_pdf", "review_html", "fresh_invitations", "fresh_open_link")


def log_out() -> None:
    """End the manager session now (its cookie stops working at once) and discard every
    prepared download and link of this browser session."""
    SESSIONS.end(manager_cookie())
    for key in ("manager_login", *PREPARED_DOWNLOADS):
        st.session_state.pop(key, None)
    if sso_configured() and st.user.is_logged_in:
        st.logout()
