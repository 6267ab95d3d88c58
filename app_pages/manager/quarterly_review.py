"""Quarterly review: one quarter's participation, trends, root causes, themes and actions,
shown here and as a report to download and keep."""

import logging

import pandas as pd
import streamlit as st

from afterward.output.quarterly_report import (
    ChartBlock,
    TableBlock,
    TextBlock,
    review_html,
    review_pdf,
    review_sections,
)
from afterward.services.quarterly_review import build_quarterly_review
from afterward.web.cached_views import ensure_analysis
from afterward.web.safe_text import plain
from afterward.web.session import require_manager, store_or_stop

require_manager()
store = store_or_stop()
st.title("Quarterly review")
ensure_analysis(store)

quarters = store.scope_choices()[0]
if not quarters:
    st.info(
        "The quarterly review needs surveys. Create one under Projects and surveys, or "
        "load the sample data from the Overview."
    )
    st.stop()
quarter = st.selectbox("Quarter", list(reversed(quarters)), key="review_quarter")


@st.cache_data(show_spinner=False, max_entries=8)
def _review(quarter: str, data_key: tuple):
    # `data_key` changes whenever answers, reviews, theme edits or actions change.
    return build_quarterly_review(store, quarter)


@st.cache_data(show_spinner=False, max_entries=4)
def _pdf(quarter: str, data_key: tuple) -> bytes:
    return review_pdf(_review(quarter, data_key))


@st.cache_data(show_spinner=False, max_entries=4)
def _html(quarter: str, data_key: tuple) -> str:
    return review_html(_review(quarter, data_key))


@st.cache_data(show_spinner=False, max_entries=4)
def _sections(quarter: str, data_key: tuple):
    return review_sections(_review(quarter, data_key))


data_key = store.data_version()
with st.spinner(f"Preparing the {quarter} review…"):
    sections = _sections(quarter, data_key)

left, right = st.columns(2)
for column, kind, make, mime in (
    (left, "PDF", _pdf, "application/pdf"),
    (right, "HTML", _html, "text/html"),
):
    key = f"review_{kind.lower()}"
    if column.button(
        f"Prepare {kind} report",
        type="primary" if kind == "PDF" else "secondary",
        width="stretch",
        key=f"prepare_{key}",
    ):
        with st.spinner(f"Writing the {kind} report (charts take a few seconds)…"):
            try:
                st.session_state[key] = (quarter, data_key, make(quarter, data_key))
            except Exception:  # any renderer failure: a message, never a traceback
                logging.getLogger(__name__).exception("The %s %s report failed", quarter, kind)
                st.session_state.pop(key, None)
                column.error(
                    f"The {kind} report for {quarter} could not be written. The review below is "
                    "complete; try the other format, or tell your administrator (the server "
                    "log has the details)."
                )
    prepared = st.session_state.get(key)
    if prepared and prepared[:2] == (quarter, data_key):
        column.download_button(
            f"Download {kind}",
            prepared[2],
            width="stretch",
            file_name=f"afterward-review-{quarter}.{kind.lower()}",
            mime=mime,
        )
st.caption("The HTML report keeps its interactive charts and opens offline.")

for section in sections:
    st.header(section.title)
    for block in section.blocks:
        if isinstance(block, TextBlock):
            (st.caption if block.note else st.markdown)(plain(block.text))
        elif isinstance(block, TableBlock):
            st.dataframe(
                pd.DataFrame(list(block.rows), columns=list(block.columns)), hide_index=True
            )
        elif isinstance(block, ChartBlock):
            st.plotly_chart(block.figure, width="stretch")
