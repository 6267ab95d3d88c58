"""Streamlit glue shared by the pages: the process-wide store and who the visitor is
(`session`), the sidebar filters (`filters`), cached gated views and analysis progress
(`cached_views`) and literal text (`safe_text`); beside Streamlit, Afterward's own HTTP routes:
the manager log-in (`http`) and the respondent's plain HTML pages (`respondent_pages`)."""
