"""Who the visitor is: the process-wide store, the manager login and single sign-on."""

from __future__ import annotations

import streamlit as st

from afterward.services.publishing import open_store
from afterward.settings import database_path
from surveys.manager_auth import LoginThrottle, attempt_login, ensure_manager_password
from surveys.store import Store, StoreError

__all__ = [
    "Store",
    "attempt_login",
    "client_address",
    "is_manager",
    "log_out",
    "login_throttle",
    "require_manager",
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


def store_or_stop() -> Store:
    """The process-wide store; on failure a clear message replaces the page."""
    try:
        return _store(str(database_path()))
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


def is_manager() -> bool:
    if st.session_state.get("manager_login"):
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


def log_out() -> None:
    st.session_state.pop("manager_login", None)
    if sso_configured() and st.user.is_logged_in:
        st.logout()
