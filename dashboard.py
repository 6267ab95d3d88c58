"""Afterward: the router. Respondents with a link see only their questionnaire;
managers log in to see everything else."""

import streamlit as st

from afterward.ui import is_manager, log_out
from surveys.links import TOKEN_PARAM

st.set_page_config(page_title="Afterward", page_icon="🔁", layout="wide")

RESPOND = st.Page("pages/public/respond.py", title="Survey", url_path="respond")
RECEIPT = st.Page("pages/public/receipt.py", title="Check a receipt", url_path="receipt")
LOGIN = st.Page("pages/public/login.py", title="Log in", url_path="login")
MANAGER_PAGES = {
    "Collect": [
        st.Page("pages/manager/surveys.py", title="Projects and surveys", url_path="surveys", default=True),
    ],
}


def pages_for_visitor() -> tuple[list, str]:
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
    st.sidebar.button("Log out", on_click=log_out, key="logout")
navigation.run()
