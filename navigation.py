"""The Streamlit router and frame (served by `dashboard.py`). Managers log in to see
everything, with shared filters in the sidebar. Respondents never reach Streamlit: their
links (`/?t=`) and receipts are plain HTML pages (`afterward.web.respondent_pages`)."""

import streamlit as st

from afterward.web.filters import scope_filters
from afterward.web.session import is_manager, log_out, store_or_stop

st.set_page_config(
    page_title="Afterward",
    page_icon="🔁",
    layout="wide",
    # "auto": open on a wide screen, collapsed on a phone, where it would cover the page.
    initial_sidebar_state="auto",
)

LOGIN = st.Page("app_pages/public/login.py", title="Log in", url_path="login")
MANAGER_PAGES = {
    "Insights": [
        st.Page(
            "app_pages/manager/overview.py",
            title="Overview",
            url_path="overview",
            icon=":material/monitoring:",
            default=True,
        ),
        st.Page(
            "app_pages/manager/themes.py",
            title="Themes",
            url_path="themes",
            icon=":material/bubble_chart:",
        ),
        st.Page(
            "app_pages/manager/root_causes.py",
            title="Root causes",
            url_path="root-causes",
            icon=":material/account_tree:",
        ),
        st.Page(
            "app_pages/manager/results.py",
            title="Survey results",
            url_path="results",
            icon=":material/poll:",
        ),
        st.Page(
            "app_pages/manager/quarterly_review.py",
            title="Quarterly review",
            url_path="quarterly-review",
            icon=":material/summarize:",
        ),
    ],
    "Follow-up": [
        st.Page(
            "app_pages/manager/actions.py",
            title="Action items",
            url_path="actions",
            icon=":material/task_alt:",
        ),
        st.Page(
            "app_pages/manager/postmortem.py",
            title="Post-mortems",
            url_path="postmortem",
            icon=":material/groups:",
        ),
    ],
    "Collect": [
        st.Page(
            "app_pages/manager/surveys.py",
            title="Projects and surveys",
            url_path="surveys",
            icon=":material/list_alt:",
        ),
        st.Page(
            "app_pages/manager/import_answers.py",
            title="Import answers",
            url_path="import",
            icon=":material/upload_file:",
        ),
        st.Page(
            "app_pages/manager/schedules.py",
            title="Recurring retros",
            url_path="schedules",
            icon=":material/event_repeat:",
        ),
    ],
}


def pages_for_visitor() -> tuple[list | dict, str]:
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
