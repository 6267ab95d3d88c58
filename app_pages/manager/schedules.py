"""Recurring retros: schedules that open a survey on their days and close it later."""

import streamlit as st

from afterward.web.session import require_manager, store_or_stop

require_manager()
store = store_or_stop()
st.title("Recurring retros")
