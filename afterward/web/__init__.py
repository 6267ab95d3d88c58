"""Streamlit glue shared by the pages: the process-wide store and who the visitor is
(`session`), the sidebar filters (`filters`), cached gated views and analysis progress
(`cached_views`), the respondent's inputs (`respondent_form`) and literal text (`safe_text`)."""
