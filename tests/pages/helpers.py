"""Small helpers for driving pages under AppTest."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest


def button(at: AppTest, label: str):
    matches = [b for b in at.button if b.label == label]
    assert matches, f"no button {label!r}; have {[b.label for b in at.button]}"
    return matches[0]


def texts(elements) -> list[str]:
    return [str(e.value) for e in elements]


def shown(elements) -> list[str]:
    """The elements' text as a reader sees it: Markdown escapes (`plain`) taken out."""
    return [re.sub(r"\\(.)", r"\1", str(e.value)) for e in elements]


def log_in(at: AppTest) -> AppTest:
    """Log in the way server code does (the password form itself is an HTTP route, tested in
    tests/test_http.py) and run the app."""
    at.session_state["manager_login"] = True
    at.run()
    return at


def answer_required_postmortem(at: AppTest) -> None:
    radios = {r.key: r for r in at.radio}
    radios["answer_goals_clear"].set_value("Agree")
    radios["answer_schedule_realistic"].set_value("Disagree")
    radios["answer_schedule_detailed"].set_value("Neither agree nor disagree")
    radios["answer_communication"].set_value(6)
