"""Quarterly review: one quarter's participation, trends, root causes, themes and actions,
shown here and as a report to download and keep."""

import pandas as pd
import streamlit as st

from afterward.report import (
    ChartBlock,
    TableBlock,
    TextBlock,
    review_html,
    review_pdf,
    review_sections,
)
from afterward.review import quarterly_review
from afterward.text_analysis import theme_catalogue
from afterward.ui import ensure_analysis, plain, require_manager, store_or_stop

require_manager()
store = store_or_stop()
st.title("Quarterly review")
ensure_analysis(store)

quarters = store.scope_choices()[0]
if not quarters:
    st.info("The quarterly review needs surveys. Create one under Projects and surveys, or "
            "load the sample data from the Overview.")
    st.stop()
quarter = st.selectbox("Quarter", list(reversed(quarters)), key="review_quarter")


@st.cache_data(show_spinner=False, max_entries=8)
def _review(quarter: str, data_key: tuple):
    # `data_key` changes whenever answers, reviews, theme edits or actions change.
    labels = theme_catalogue(store).set_index("theme_id")["theme_label"].to_dict()
    return quarterly_review(store, quarter, theme_labels=labels)


@st.cache_data(show_spinner=False, max_entries=4)
def _pdf(quarter: str, data_key: tuple) -> bytes:
    return review_pdf(_review(quarter, data_key))


@st.cache_data(show_spinner=False, max_entries=4)
def _html(quarter: str, data_key: tuple) -> str:
    return review_html(_review(quarter, data_key))


data_key = store.data_version()
with st.spinner(f"Preparing the {quarter} review…"):
    review = _review(quarter, data_key)

left, right = st.columns(2)
if left.button("Prepare PDF report", type="primary", width="stretch"):
    with st.spinner("Drawing the PDF (charts take a few seconds)…"):
        st.session_state["review_pdf"] = (quarter, _pdf(quarter, data_key))
prepared = st.session_state.get("review_pdf")
if prepared and prepared[0] == quarter:
    left.download_button("Download PDF", prepared[1], file_name=f"afterward-review-{quarter}.pdf",
                         mime="application/pdf", width="stretch")
right.download_button("Download HTML", _html(quarter, data_key),
                      file_name=f"afterward-review-{quarter}.html", mime="text/html",
                      width="stretch")

for section in review_sections(review):
    st.header(section.title)
    for block in section.blocks:
        if isinstance(block, TextBlock):
            (st.caption if block.note else st.markdown)(plain(block.text))
        elif isinstance(block, TableBlock):
            st.dataframe(pd.DataFrame(list(block.rows), columns=list(block.columns)),
                         hide_index=True)
        elif isinstance(block, ChartBlock):
            st.plotly_chart(block.figure, width="stretch")
