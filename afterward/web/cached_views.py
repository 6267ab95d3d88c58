"""Cached gated views for the pages, and the analysis kept current with visible progress."""

from __future__ import annotations

import streamlit as st

from afterward.services import analysis_upkeep, manager_views, publishing
from afterward.services.manager_views import Scope
from afterward.web.session import Store, store_or_stop


def ensure_analysis(store: Store) -> None:
    """Keep the analysis of free text current without making the page wait for it.

    In the server a background worker does the work (`analysis_upkeep.start_background`):
    the page shows its progress, the last finished analysis meanwhile, and reloads itself
    when the new one is ready. Where no worker runs (page tests), the work runs here, with
    a progress box.
    """
    worker = analysis_upkeep.background_of(store)
    if worker is None:
        _analyse_here(store)
        return
    if not worker.progress.running and not analysis_upkeep.needs_refresh(store):
        if worker.progress.error:
            st.warning(f"The analysis of free-text answers failed: {worker.progress.error}")
        return
    worker.wake()
    _follow(worker)


@st.fragment(run_every=2)
def _follow(worker: analysis_upkeep.BackgroundAnalysis) -> None:
    progress = worker.progress
    if not progress.running and not analysis_upkeep.needs_refresh(worker.store):
        st.rerun()  # finished: redraw the whole page with the new analysis
    st.progress(
        progress.fraction,
        text=f"Analysing new answers in the background: {progress.message or 'starting'}. "
        "Charts show the last finished analysis until then.",
    )


def _analyse_here(store: Store) -> None:
    if not analysis_upkeep.needs_refresh(store):
        return
    with st.status("Analysing answers…", expanded=False) as status:
        bar = st.progress(0.0)

        def progress(fraction: float, message: str) -> None:
            bar.progress(fraction, text=message)

        # No count: the texts analysed include questions too few answered to be listed, so
        # a total minus the answers the results pages list would tell who answered them.
        analysis_upkeep.ensure_current(store, progress)
        status.update(label="Analysis up to date", state="complete")


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
