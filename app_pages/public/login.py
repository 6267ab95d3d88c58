"""Manager login: the password form (served as plain HTML by `/manager/login`, so the session
cookie survives reloads and deep links), or single sign-on where it is configured."""

import streamlit as st

from afterward.web.session import login_url, sso_configured, store_or_stop

store_or_stop()  # a database that cannot be opened is said here, not after logging in
st.title("Afterward")
st.write("Anonymous retrospectives and post-mortem analytics. Managers, please log in.")
st.link_button("Log in", login_url(), type="primary")
st.caption("Answering a survey? Use the link you were sent; it opens the questionnaire directly.")

if sso_configured():
    st.divider()
    st.button("Log in with single sign-on", on_click=st.login)
