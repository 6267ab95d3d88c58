"""The collect journey in a real browser: CLI set-up, answer by link on a phone, manager view."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import SCREENSHOTS, log_in
from tests.conftest import MANAGER_PASSWORD

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
STREAMLIT_READY = 30_000


def wait_for_app(page) -> None:
    page.wait_for_selector("[data-testid='stApp']", timeout=STREAMLIT_READY)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=STREAMLIT_READY
    )


def pick(page, group: int, option: str) -> None:
    page.get_by_role("radiogroup").nth(group).get_by_text(option, exact=True).click()


def test_answer_through_an_invitation_on_a_phone_then_the_link_is_used(server, browser):
    survey_id = server.cli(
        "survey",
        "create",
        "--project",
        "Harbour Website",
        "--template",
        "project-postmortem",
        "--quarter",
        "2026Q3",
    ).splitlines()[-1]
    invitation = server.cli(
        "links", survey_id, "--invitations", "1", "--base-url", server.url
    ).strip()
    assert invitation.startswith(f"{server.url}/?t=")
    server.start()

    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    page = context.new_page()
    page.goto(invitation)
    page.get_by_role("button", name="Review my answers").wait_for(timeout=STREAMLIT_READY)
    page.screenshot(path=SCREENSHOTS / "respond-form-phone.png", full_page=True)
    # A plain HTML page: no Streamlit, no script, nothing that leads to manager pages.
    assert page.locator("script").count() == 0
    assert page.get_by_text("Projects and surveys").count() == 0
    assert page.locator("[data-testid='stApp']").count() == 0

    pick(page, 1, "Agree")
    pick(page, 2, "Disagree")
    pick(page, 3, "Agree")
    pick(page, 4, "7")
    page.get_by_role("textbox", name="What went wrong? (optional)").fill(
        "Handover notes were missing; Jonas Eriksen had to rebuild the release checklist."
    )
    page.get_by_role("button", name="Review my answers").click()
    page.get_by_role("heading", name="Review what will be stored").wait_for(timeout=STREAMLIT_READY)
    stored = page.get_by_text("[name] had to rebuild the release checklist", exact=False)
    stored.wait_for(timeout=STREAMLIT_READY)
    assert stored.count() == 1
    assert page.get_by_text("Jonas").count() == 0
    page.screenshot(path=SCREENSHOTS / "respond-review-phone.png", full_page=True)

    page.get_by_role("button", name="Submit").click()
    page.get_by_role("heading", name="Thank you, your answers are saved.").wait_for(
        timeout=STREAMLIT_READY
    )
    page.screenshot(path=SCREENSHOTS / "respond-done-phone.png", full_page=True)
    assert page.locator("p.code code").inner_text().strip()  # the receipt code, shown once
    # The page never grew wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    # In the browser that answered, the link says the answer is recorded (no second form).
    own = context.new_page()
    own.goto(invitation)
    own.get_by_text("Your answer was already recorded").wait_for(timeout=STREAMLIT_READY)
    assert own.locator("form").count() == 0
    context.close()
    # In any other browser a used invitation opens like an unused one (whoever holds the
    # links cannot tell who answered); only submitting through it again is refused.
    elsewhere = browser.new_context(viewport=PHONE, device_scale_factor=1)
    again = elsewhere.new_page()
    again.goto(invitation)
    again.get_by_role("button", name="Review my answers").wait_for(timeout=STREAMLIT_READY)
    assert again.get_by_text("Link not available").count() == 0
    again.screenshot(path=SCREENSHOTS / "respond-used-link.png", full_page=True)
    elsewhere.close()

    manager = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    manager.goto(server.url)  # sent to the log-in form first
    assert manager.url.startswith(f"{server.url}/manager/login?next=")
    log_in(manager, MANAGER_PASSWORD)
    manager.get_by_role("heading", name="Overview").wait_for(timeout=STREAMLIT_READY)
    manager.get_by_label("Manager password").wait_for(state="detached", timeout=STREAMLIT_READY)
    wait_for_app(manager)
    manager.screenshot(path=SCREENSHOTS / "manager-overview-after-answer.png", full_page=True)
    manager.get_by_role("link", name="Projects and surveys").click()
    manager.get_by_role("heading", name="Projects and surveys").wait_for(timeout=STREAMLIT_READY)
    manager.screenshot(path=SCREENSHOTS / "manager-surveys.png", full_page=True)
    chosen = manager.get_by_role("combobox", name=re.compile("Manage survey"))
    chosen.wait_for(timeout=STREAMLIT_READY)
    assert (
        "Harbour Website · Project post-mortem"
        in (chosen.input_value() or chosen.get_attribute("aria-label") or "")
        or manager.get_by_text(re.compile("Harbour Website · Project post-mortem")).count() > 0
    )
    manager.context.close()

    # No log line holds a token or answer text.
    log = server.stop()
    token = invitation.split("t=", 1)[1]
    assert token not in log
    assert "Handover notes" not in log and "Jonas" not in log


def test_keyboard_alone_can_answer(server, browser):
    survey_id = server.cli(
        "survey",
        "create",
        "--project",
        "Keyboard",
        "--template",
        "sprint-retro",
        "--threshold",
        "5",
    ).splitlines()[-1]
    link = server.cli("links", survey_id).strip()
    server.start()
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(link)
    page.get_by_role("button", name="Review my answers").wait_for(timeout=STREAMLIT_READY)
    # Tab into the first radio group and choose with the arrow keys, as a keyboard user would.
    first_radio = page.get_by_role("radiogroup").nth(0).get_by_role("radio").first
    first_radio.focus()
    page.keyboard.press("Space")
    assert page.get_by_role("radiogroup").nth(0).get_by_role("radio").first.is_checked()
    page.keyboard.press("ArrowRight")
    assert page.get_by_role("radiogroup").nth(0).get_by_role("radio").nth(1).is_checked()
    page.context.close()
