"""Afterward's entry point: `streamlit run dashboard.py` serves, in one process, the
Streamlit pages (routed by `navigation.py`) and Afterward's own HTTP routes and middleware
(`afterward.web.http`: the manager log-in, log-out, and downloads only with a session)."""

import streamlit as st

from afterward.web.api import API_ROUTES
from afterward.web.http import MIDDLEWARE, ROUTES, lifespan

app = st.App("navigation.py", routes=ROUTES + API_ROUTES, middleware=MIDDLEWARE, lifespan=lifespan)
