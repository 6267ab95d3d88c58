"""Open links take one answer per browser (attack 6: a manager answering twice himself to
push a survey over its threshold). The marker lives only in the respondent's browser."""

from __future__ import annotations

import pytest

from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_collect_journey import PHONE, STREAMLIT_READY, pick

pytestmark = pytest.mark.browser


def answer_once(page, link: str) -> None:
    page.goto(link)
    page.get_by_role("button", name="Review my answers").wait_for(timeout=STREAMLIT_READY)
    pick(page, 1, "Agree")
    pick(page, 2, "Disagree")
    pick(page, 3, "Agree")
    pick(page, 4, "7")
    page.get_by_role("button", name="Review my answers").click()
    page.get_by_role("button", name="Submit").click()
    page.get_by_text("Thank you, your answers are saved.").wait_for(timeout=STREAMLIT_READY)


def test_an_open_link_is_answered_once_per_browser(server, browser):
    survey_id = server.cli(
        "survey",
        "create",
        "--project",
        "Harbour Website",
        "--template",
        "project-postmortem",
        "--threshold",
        "5",
    ).splitlines()[-1]
    link = [
        line
        for line in server.cli("links", survey_id, "--base-url", server.url).splitlines()
        if line.startswith(server.url)
    ][0]
    server.start()

    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    answer_once(page, link)
    cookies = {c["name"]: c for c in context.cookies()}
    marker = [name for name in cookies if name.startswith("afterward_answered_")]
    assert len(marker) == 1 and cookies[marker[0]]["httpOnly"]

    again = context.new_page()
    again.goto(link)
    again.get_by_text("You have already answered this survey from this browser").wait_for(
        timeout=STREAMLIT_READY
    )
    assert again.get_by_role("button", name="Review my answers").count() == 0
    again.screenshot(path=SCREENSHOTS / "respond-open-link-answered-phone.png", full_page=True)

    # Another browser (no marker) still gets the questionnaire.
    other = browser.new_context(viewport=PHONE).new_page()
    other.goto(link)
    other.get_by_role("button", name="Review my answers").wait_for(timeout=STREAMLIT_READY)
    context.close()
