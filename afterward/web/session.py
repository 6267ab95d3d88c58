"""Streamlit glue shared by the pages: the cached store and who the visitor is."""

from __future__ import annotations

import threading

import streamlit as st

from afterward.settings import database_path
from afterward.services.analysis_upkeep import analysis_pending, refresh_analysis
from surveys.manager_auth import LoginThrottle, ensure_manager_password
from surveys.store import Scope, Store, StoreError


@st.cache_resource(show_spinner=False)
def _store(path: str) -> Store:
    store = Store(path)
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
    return LoginThrottle()


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


# -- shared manager frame: filters kept in the URL, analysis kept current ------------------

FILTER_PARAMS = {"from": "filter_from", "to": "filter_to"}
LIST_PARAMS = {"project": "filter_projects", "template": "filter_templates"}


def scope_filters(store: Store) -> Scope:
    """Sidebar filters (quarter range, projects, questionnaires), mirrored in the URL so a
    view can be shared, and kept across page changes."""
    quarters, projects, templates = store.scope_choices()
    state, params = st.session_state, st.query_params
    # First run of a session: take the filters from the URL.
    if not state.get("filters_loaded"):
        for param, key in FILTER_PARAMS.items():
            if params.get(param) in quarters:
                state[key] = params.get(param)
        for param, key in LIST_PARAMS.items():
            options = projects if param == "project" else templates
            state[key] = [v for v in params.get_all(param) if v in options]
        state["filters_loaded"] = True
    # Widget state is dropped when a page does not draw a widget; keep our own copy.
    for key in (*FILTER_PARAMS.values(), *LIST_PARAMS.values()):
        if key in state:
            state[key] = state[key]

    with st.sidebar:
        st.header("Filters")
        if not quarters:
            st.caption("Filters appear once there are surveys.")
            return Scope()
        left, right = st.columns(2)
        if state.get("filter_from") not in quarters:
            state["filter_from"] = quarters[0]
        if state.get("filter_to") not in quarters:
            state["filter_to"] = quarters[-1]
        start = left.selectbox("From", quarters, key="filter_from")
        end = right.selectbox("To", quarters, key="filter_to")
        chosen_projects = st.multiselect(
            "Projects", projects, key="filter_projects", placeholder="All projects"
        )
        chosen_templates = st.multiselect(
            "Questionnaires", templates, key="filter_templates", placeholder="All questionnaires"
        )
    if start > end:
        start, end = end, start
    params["from"], params["to"] = start, end
    params["project"] = chosen_projects
    params["template"] = chosen_templates
    return Scope(start, end, tuple(chosen_projects), tuple(chosen_templates))


@st.cache_resource(show_spinner=False)
def _analysis_memo() -> dict:
    return {"key": None, "lock": threading.Lock()}


def ensure_analysis(store: Store) -> None:
    """Bring the text analysis up to date when answers, reviews or edits changed.

    Runs once per change for the whole process; a rerun with nothing new costs one query.
    """
    memo = _analysis_memo()
    key = store.analysis_key()
    if memo["key"] == key:
        return
    with memo["lock"]:
        if memo["key"] == key:
            return
        if not analysis_pending(store):
            memo["key"] = key
            return
        with st.status("Analysing answers…", expanded=False) as status:
            bar = st.progress(0.0)

            def progress(fraction: float, message: str) -> None:
                bar.progress(fraction, text=message)

            result = refresh_analysis(store, progress)
            status.update(
                label=f"Analysis up to date ({result.total_texts:,} answers)", state="complete"
            )
        memo["key"] = key


def current_scope() -> Scope:
    """The filters the frame drew in the sidebar for this run."""
    return st.session_state.get("scope", Scope())


def offer_sample(store: Store) -> None:
    """On an empty database, offer the sample; when it is loaded, say so and offer removal."""
    from surveys.sample import load_sample

    if store.has_sample():
        left, right = st.columns([4, 1])
        left.info("You are looking at **sample data**. Remove it before collecting real answers.")
        if right.button("Remove sample data", key="remove_sample"):
            store.remove_sample()
            _analysis_memo()["key"] = None
            st.rerun()
        return
    if store.surveys_overview().empty:
        st.info(
            "No surveys yet. Create one under **Projects and surveys**, or load sample "
            "data to see every chart at work."
        )
        if st.button("Load sample data", type="primary", key="load_sample"):
            with st.spinner("Loading sample projects and answers…"):
                load_sample(store)
            st.rerun()


def plain(text: str) -> str:
    """Escape Markdown so text that may hold respondents' words is shown literally."""
    return "".join("\\" + c if c in "\\`*_{}[]()#+-.!|<>~$" else c for c in str(text))


# -- cached manager views: recomputed only when the data or the filters change ------------


def _views() -> dict:
    from analysis.insights import (
        action_effect,
        gated_cells,
        rating_trends,
        recurring,
        role_breakdown,
    )

    return {
        "participation": lambda store, scope: store.participation(scope),
        "rating_trends": lambda store, scope: rating_trends(store.rating_totals(scope)),
        "role_breakdown": lambda store, scope: role_breakdown(store.role_rating_totals(scope)),
        "category_cells": lambda store, scope: gated_cells(
            store.category_counts(scope), "category"
        ),
        "theme_cells": lambda store, scope: gated_cells(store.theme_counts(scope), "theme_id"),
        "theme_recurrence": lambda store, scope: recurring(
            gated_cells(store.theme_counts(scope), "theme_id"), "theme_id"
        ),
        "category_recurrence": lambda store, scope: recurring(
            gated_cells(store.category_counts(scope), "category"), "category"
        ),
        "actions": lambda store, scope: store.actions(scope),
        "action_effect": lambda store, scope: action_effect(
            store.actions(scope),
            gated_cells(store.category_counts(scope), "category"),
            gated_cells(store.theme_counts(scope), "theme_id"),
            store.participation(scope),
        ),
    }


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_view(name: str, scope: Scope, version: tuple, day: str):
    # `version` and `day` are only cache keys: any change in the data or the date recomputes.
    return _views()[name](store_or_stop(), scope)


def view(name: str, store: Store, scope: Scope):
    """A gated manager view (see `_views`), cached until the data or the filters change."""
    from clock import today

    return _cached_view(name, scope, store.data_version(), today().isoformat())
