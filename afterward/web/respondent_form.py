"""One Streamlit input per question kind, and the read-only view of a stored answer."""

from __future__ import annotations

from typing import Any

import streamlit as st

from afterward.web.safe_text import plain
from surveys.questionnaire import Questionnaire
from surveys.responses import NO, YES


def widget_key(question_id: str) -> str:
    return f"answer_{question_id}"


def question_input(q: Any, error: str | None = None) -> Any:
    """Draw the input for one question and return its raw value (None when unanswered)."""
    label = q.prompt + ("" if q.required else " (optional)")
    key = widget_key(q.id)
    if error:
        st.error(error, icon="⚠️")
    if q.kind == "likert":
        return st.radio(
            label, options=q.labels, index=None, key=key, help=q.help or None, horizontal=True
        )
    if q.kind == "rating":
        value = st.radio(
            label,
            options=list(range(11)),
            index=None,
            key=key,
            help=q.help or None,
            horizontal=True,
        )
        st.caption(f"0 = {q.low_label}, 10 = {q.high_label}")
        return value
    if q.kind == "single_choice":
        return st.radio(label, options=q.options, index=None, key=key, help=q.help or None)
    if q.kind == "multiple_choice":
        return st.multiselect(label, options=q.options, key=key, help=q.help or None)
    if q.kind == "yes_no":
        return st.radio(
            label, options=[YES, NO], index=None, key=key, help=q.help or None, horizontal=True
        )
    return st.text_area(
        label,
        key=key,
        max_chars=q.max_length,
        help=q.help or None,
        placeholder=q.placeholder or None,
    )


def restore_draft(questionnaire: Questionnaire, draft: dict[str, Any]) -> None:
    """Put the respondent's earlier inputs back, so editing starts from what they wrote."""
    for q in questionnaire.questions:
        if draft.get(q.id) is not None:
            st.session_state[widget_key(q.id)] = draft[q.id]


def stored_answer(q: Any, value: Any) -> None:
    """Show a stored value as plain text (never as HTML or Markdown)."""
    st.markdown(f"**{plain(q.prompt)}**")
    if q.kind == "likert":
        shown = f"{value} – {q.labels[int(value) - 1]}"
    elif q.kind == "multiple_choice":
        shown = ", ".join(value)
    else:
        shown = str(value)
    st.text(shown)
