"""The manager's sidebar filters, kept in the URL so a filtered view can be shared."""

from __future__ import annotations

import streamlit as st

from afterward.services.manager_views import Scope
from afterward.web.session import Store

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


def current_scope() -> Scope:
    """The filters the frame drew in the sidebar for this run."""
    return st.session_state.get("scope", Scope())
