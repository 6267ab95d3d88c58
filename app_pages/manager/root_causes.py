"""Root causes: category distribution over time and per project, and the review queue."""

import pandas as pd
import streamlit as st

from afterward.output import charts
from afterward.services.manager_views import (
    NO_ROOT_CAUSE,
    category_ids,
    category_label,
    no_root_cause_note,
    review_card,
    shown,
)
from afterward.web.cached_views import ensure_analysis, view
from afterward.web.filters import current_scope
from afterward.web.safe_text import inert
from afterward.web.session import require_manager, store_or_stop

require_manager()
store = store_or_stop()
scope = current_scope()
st.title("Root causes")
ensure_analysis(store)

cells = view("category_cells", store, scope)
if shown(cells).empty:
    st.info(
        "Root causes appear once free-text answers from surveys at or above their "
        "anonymity threshold have been analysed."
    )
else:
    st.plotly_chart(charts.category_share_chart(cells), width="stretch")
    st.plotly_chart(charts.category_by_project_chart(cells), width="stretch")
    silent = shown(view("no_root_cause_cells", store, scope))
    if not silent.empty:
        st.caption(no_root_cause_note(int(silent["answers"].sum())))
    report = view("category_recurrence", store, scope)
    report = report.assign(label=[category_label(c) for c in report.index])
    st.subheader("Recurring root causes")
    st.dataframe(
        report[["label", "n_projects", "n_quarters", "answers", "trend", "sentence"]],
        hide_index=True,
        column_config={
            "label": "root cause",
            "n_projects": "projects",
            "n_quarters": "quarters",
            "sentence": "recurrence",
        },
    )

st.subheader("Review suggested categories")
st.caption(
    "Confirm or correct what the classifier suggested. Identical and near-identical answers "
    "share one card, and your review applies to all of them and to future ones like them; "
    "the cards your review would teach most come first."
)
queue = view("review_queue", store, scope)
if queue.empty:
    st.info(
        "Nothing to review in this view. Answers appear here from surveys with enough "
        "responses to show quotes safely."
    )
    st.stop()
ids = [*category_ids(), NO_ROOT_CAUSE]
for item in queue.itertuples():
    # A card names no category where a survey of its answers hides that category's count.
    named = isinstance(item.category, str) and bool(item.category)
    with st.container(border=True):
        st.text(inert(item.text))
        covers = f"{item.answers} answers like this · " if item.answers > 1 else ""
        if named:
            # A card with no runner-up has None/NaN here (NaN is truthy): show only the best.
            has_second = not pd.isna(item.second_category) and bool(item.second_category)
            second = f" (or {category_label(item.second_category)})" if has_second else ""
            suggestion = category_label(item.category)
            st.caption(f"{covers}Suggested: {suggestion}{second}, confidence {item.confidence:.0%}")
        else:
            st.caption(
                f"{covers}No suggestion shown: its category is hidden in a survey's root-cause "
                "results (too few answers), so it is not named here. Choose one."
            )
        left, right = st.columns([3, 1])
        chosen = left.selectbox(
            "Category",
            ids,
            index=ids.index(item.category) if item.category in ids else None,
            format_func=category_label,
            placeholder="Choose a category",
            key=f"review_{item.card}",
            label_visibility="collapsed",
        )
        if right.button(
            "Confirm" if named and chosen == item.category else "Correct",
            key=f"save_{item.card}",
            disabled=chosen is None,
        ):
            saved = review_card(store, item.members, chosen)
            st.toast(
                f"Saved for {saved} answer{'s' if saved != 1 else ''}. The classifier will learn from it."
            )
            st.rerun()
