"""A respondent checks what was stored for their response, with the receipt code shown once."""

import streamlit as st

from afterward.services.responding import stored_response
from afterward.web.respondent_form import stored_answer
from afterward.web.session import store_or_stop

store = store_or_stop()
st.title("Check a receipt")
st.write(
    "Enter the receipt code you were shown after submitting. You will see exactly what was "
    "stored for that response: the answers and the day, nothing else."
)
with st.form("receipt"):
    code = st.text_input("Receipt code", type="password")
    looked_up = st.form_submit_button("Show what was stored", type="primary")
if looked_up:
    found = stored_response(store, code)
    if found is None:
        st.info("No response matches this code. Check that it was copied in full.")
    else:
        st.success(f"Stored on {found.submitted_on:%d %B %Y}. Nothing else is kept.")
        for question, value in found.answers:
            stored_answer(question, value)
