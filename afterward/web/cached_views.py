"""Cached gated views for the pages, and the analysis kept current with visible progress."""

from __future__ import annotations

import streamlit as st

from afterward.services import analysis_upkeep, manager_views, publishing
from afterward.services.manager_views import Scope
from afterward.web.session import Store, store_or_stop


def ensure_analysis(store: Store) -> None:
    """`analysis_upkeep.ensure_current` with a progress box on the page while it works."""
    if not analysis_upkeep.needs_refresh(store):
        return
    with st.status("Analysing answers…", expanded=False) as status:
        bar = st.progress(0.0)

        def progress(fraction: float, message: str) -> None:
            bar.progress(fraction, text=message)

        result = analysis_upkeep.ensure_current(store, progress)
        total = f" ({result.total_texts:,} answers)" if result else ""
        status.update(label=f"Analysis up to date{total}", state="complete")


def offer_sample(store: Store) -> None:
    """On an empty database, offer the sample; when it is loaded, say so and offer removal."""
    from surveys.sample import load_sample

    if store.has_sample():
        left, right = st.columns([4, 1])
        left.info("You are looking at **sample data**. Remove it before collecting real answers.")
        if right.button("Remove sample data", key="remove_sample"):
            store.remove_sample()
            analysis_upkeep.forget_current(store)
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
                publishing.publish_due(store)
            st.rerun()


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_view(name: str, scope: Scope, version: tuple, day: str):
    # `version` and `day` are only cache keys: any change in the data or the date recomputes.
    return manager_views.compute_view(name, store_or_stop(), scope)


def view(name: str, store: Store, scope: Scope):
    """A gated manager view (`manager_views.VIEWS`), cached until the data, the filters or
    the day change."""
    publishing.publish_due(store)  # a release that is due is shown before anything is read
    return _cached_view(name, scope, store.data_version(), manager_views.today().isoformat())
