"""One Streamlit input per question kind, and the read-only view of a stored answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from afterward.web.safe_text import inert, plain
from afterward.web.session import page_address
from surveys.questionnaire import Questionnaire, YesNoQuestion


def widget_key(question_id: str) -> str:
    return f"answer_{question_id}"


def question_input(q: Any, error: str | None = None) -> Any:
    """Draw the input for one question and return its raw value (None when unanswered).

    Raises KeyError for a question kind without a widget in `WIDGETS`.
    """
    draw = WIDGETS[q.kind]
    label = q.prompt + ("" if q.required else " (optional)")
    if error:
        st.error(error, icon="⚠️")
    return draw(q, label, widget_key(q.id))


def _likert(q: Any, label: str, key: str) -> Any:
    return st.radio(
        label, options=q.labels, index=None, key=key, help=q.help or None, horizontal=True
    )


def _rating(q: Any, label: str, key: str) -> Any:
    low, high = q.scale
    value = st.radio(
        label,
        options=list(range(low, high + 1)),
        index=None,
        key=key,
        help=q.help or None,
        horizontal=True,
    )
    st.caption(f"{low} = {q.low_label}, {high} = {q.high_label}")
    return value


def _single_choice(q: Any, label: str, key: str) -> Any:
    return st.radio(label, options=q.options, index=None, key=key, help=q.help or None)


def _multiple_choice(q: Any, label: str, key: str) -> Any:
    return st.multiselect(label, options=q.options, key=key, help=q.help or None)


def _yes_no(q: Any, label: str, key: str) -> Any:
    return st.radio(
        label,
        options=list(YesNoQuestion.choices),
        index=None,
        key=key,
        help=q.help or None,
        horizontal=True,
    )


def _text(q: Any, label: str, key: str) -> Any:
    return st.text_area(
        label,
        key=key,
        max_chars=q.max_length,
        help=q.help or None,
        placeholder=q.placeholder or None,
    )


# The input per question kind, by kind name: (question, label, widget key) -> raw value.
# A kind in `surveys.questionnaire.KINDS` without an entry here fails a test.
WIDGETS: dict[str, Callable[[Any, str, str], Any]] = {
    "likert": _likert,
    "rating": _rating,
    "single_choice": _single_choice,
    "multiple_choice": _multiple_choice,
    "yes_no": _yes_no,
    "text": _text,
}


def remember_answer_in_browser(marker: str | None) -> None:
    """After an answer through an open link: a 1-pixel image from `/respondent/answered/`
    leaves a marker cookie in this browser only, so the link cannot be answered twice from
    it. Nothing is drawn without a browser address (AppTest)."""
    from afterward.web.http import ANSWERED_PATH

    if not marker:
        return
    here = page_address()
    if here.scheme in ("http", "https") and here.netloc:
        st.image(f"{here.scheme}://{here.netloc}{ANSWERED_PATH}/{marker}", width=1)


def restore_draft(questionnaire: Questionnaire, draft: dict[str, Any]) -> None:
    """Put the respondent's earlier inputs back, so editing starts from what they wrote."""
    for q in questionnaire.questions:
        if draft.get(q.id) is not None:
            st.session_state[widget_key(q.id)] = draft[q.id]


def stored_answer(q: Any, value: Any) -> None:
    """Show a stored value as plain text (never as HTML or Markdown, never reordered)."""
    st.markdown(f"**{plain(q.prompt)}**")
    st.text(inert(q.display(value)))
