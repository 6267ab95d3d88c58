"""Quarterly review: one quarter's participation, trends, root causes, themes and actions,
as a report to download and keep."""

import streamlit as st

from afterward.report import review_html, review_pdf
from afterward.review import quarterly_review
from afterward.text_analysis import theme_catalogue
from afterward.ui import ensure_analysis, require_manager, store_or_stop

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
def _report(quarter: str, data_key: tuple) -> tuple[str, bytes]:
    # `data_key` changes whenever answers, reviews, edits or actions change.
    labels = theme_catalogue(store).set_index("theme_id")["theme_label"].to_dict()
    review = quarterly_review(store, quarter, theme_labels=labels)
    return review_html(review), review_pdf(review)


with st.spinner(f"Preparing the {quarter} review…"):
    html, pdf = _report(quarter, (*store.analysis_key(), store.actions_key()))

left, right = st.columns(2)
left.download_button("Download PDF", pdf, file_name=f"afterward-review-{quarter}.pdf",
                     mime="application/pdf", type="primary", width="stretch")
right.download_button("Download HTML", html, file_name=f"afterward-review-{quarter}.html",
                      mime="text/html", width="stretch")
st.caption("The HTML report keeps its interactive charts and works offline.")
