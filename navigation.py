"""The Streamlit router and frame (served by `dashboard.py`). Respondents with a link see
only their questionnaire; managers log in to see everything else, with shared filters in the
sidebar."""

import streamlit as st

from afterward.services.responding import TOKEN_PARAM
from afterward.web.filters import scope_filters
from afterward.web.session import is_manager, log_out, store_or_stop

st.set_page_config(page_title="Afterward", page_icon="🔁", layout="wide")

RESPOND = st.Page("pages/public/respond.py", title="Survey", url_path="respond")
RECEIPT = st.Page("pages/public/receipt.py", title="Check a receipt", url_path="receipt")
LOGIN = st.Page("pages/public/login.py", title="Log in", url_path="login")
MANAGER_PAGES = {
    "Insights": [
        st.Page(
            "pages/manager/overview.py",
            title="Overview",
            url_path="overview",
            icon=":material/monitoring:",
            default=True,
        ),
        st.Page(
            "pages/manager/themes.py",
            title="Themes",
            url_path="themes",
            icon=":material/bubble_chart:",
        ),
        st.Page(
            "pages/manager/root_causes.py",
            title="Root causes",
            url_path="root-causes",
            icon=":material/account_tree:",
        ),
        st.Page(
            "pages/manager/quarterly_review.py",
            title="Quarterly review",
            url_path="quarterly-review",
            icon=":material/summarize:",
        ),
    ],
    "Follow-up": [
        st.Page(
            "pages/manager/actions.py",
            title="Action items",
            url_path="actions",
            icon=":material/task_alt:",
        ),
    ],
    "Collect": [
        st.Page(
            "pages/manager/surveys.py",
            title="Projects and surveys",
            url_path="surveys",
            icon=":material/list_alt:",
        ),
    ],
}


def pages_for_visitor() -> tuple[list | dict, str]:
    if TOKEN_PARAM in st.query_params:
        return [RESPOND], "hidden"
    if "receipt" in st.query_params:
        return [RECEIPT], "hidden"
    if not is_manager():
        return [LOGIN], "hidden"
    return MANAGER_PAGES, "sidebar"


pages, position = pages_for_visitor()
navigation = st.navigation(pages, position=position)
if position == "sidebar":
    st.session_state["scope"] = scope_filters(store_or_stop())
    st.sidebar.divider()
    st.sidebar.button("Log out", on_click=log_out, key="logout")
navigation.run()
