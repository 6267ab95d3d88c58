"""Manager login: the password, or single sign-on where it is configured."""

import streamlit as st

from afterward.web.session import (
    attempt_login,
    client_address,
    login_throttle,
    sso_configured,
    store_or_stop,
)

store = store_or_stop()

st.title("Afterward")
st.write("Anonymous retrospectives and post-mortem analytics. Managers, please log in.")
st.caption("Answering a survey? Use the link you were sent; it opens the questionnaire directly.")

with st.form("login"):
    password = st.text_input("Manager password", type="password")
    submitted = st.form_submit_button("Log in", type="primary")
if submitted:
    ok, message = attempt_login(store, login_throttle(), password, client_address())
    if ok:
        st.session_state["manager_login"] = True
        st.rerun()
    st.error(message)

if sso_configured():
    st.divider()
    st.button("Log in with single sign-on", on_click=st.login)
