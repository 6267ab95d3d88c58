"""The respondent's form with JavaScript switched off, on a 390 px phone and a 1280 px screen:
answer, see the errors, review, submit, check the receipt."""

from __future__ import annotations

import pytest

from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_collect_journey import PHONE, STREAMLIT_READY, pick

pytestmark = pytest.mark.browser
WIDE = {"width": 1280, "height": 900}
NARROW = {"width": 320, "height": 640}


def fits(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_answer_and_submit_without_javascript(server, browser):
    survey_id = server.cli(
        "survey", "create", "--project", "Harbour Website", "--template", "project-postmortem"
    ).splitlines()[-1]
    link = server.cli("links", survey_id, "--invitations", "1", "--base-url", server.url).strip()
    server.start()

    wide = browser.new_context(viewport=WIDE, java_script_enabled=False)
    desk = wide.new_page()
    desk.goto(link)
    desk.get_by_role("button", name="Review my answers").wait_for(timeout=STREAMLIT_READY)
    desk.screenshot(path=SCREENSHOTS / "respond-nojs-form-1280.png", full_page=True)
    wide.close()

    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(link)
    page.get_by_role("button", name="Review my answers").wait_for(timeout=STREAMLIT_READY)
    assert len(requests) == 1  # the page and nothing else: no scripts, styles or fonts
    fits(page, PHONE["width"])
    # The five-point scales sit in one row: every option of a question on the same line.
    tops = (
        page.locator("fieldset")
        .nth(1)
        .locator("label")
        .evaluate_all("labels => labels.map(l => Math.round(l.getBoundingClientRect().top))")
    )
    assert len(tops) == 5 and len(set(tops)) == 1
    page.screenshot(path=SCREENSHOTS / "respond-nojs-form-390.png", full_page=True)

    # Sending it half done names each problem at the top and beside its question.
    pick(page, 1, "Agree")
    page.get_by_role("button", name="Review my answers").click()
    summary = page.get_by_role("alert").first
    summary.get_by_role("heading", name="3 answers need attention").wait_for(
        timeout=STREAMLIT_READY
    )
    page.screenshot(path=SCREENSHOTS / "respond-nojs-errors-390.png", full_page=True)
    summary.get_by_role(
        "link", name="The schedule was realistic: This question needs an answer."
    ).click()
    assert page.evaluate("document.activeElement.id") == "q-schedule_realistic"
    assert page.get_by_role("radiogroup").nth(1).get_by_role("radio").nth(3).is_checked()

    pick(page, 2, "Disagree")
    pick(page, 3, "Agree")
    pick(page, 4, "7")
    page.get_by_role("textbox", name="What went wrong? (optional)").fill(
        "Handover notes were missing; Jonas Eriksen had to rebuild the release checklist."
    )
    page.get_by_role("button", name="Review my answers").click()
    page.get_by_role("heading", name="Review what will be stored").wait_for(timeout=STREAMLIT_READY)
    assert page.get_by_text("[name] had to rebuild the release checklist").count() == 1
    assert page.get_by_text("Jonas").count() == 0
    page.screenshot(path=SCREENSHOTS / "respond-nojs-review-390.png", full_page=True)

    # Edit keeps the draft, then review and submit.
    page.get_by_role("button", name="Edit my answers").click()
    box = page.get_by_role("textbox", name="What went wrong? (optional)")
    assert "Jonas Eriksen" in box.input_value()
    page.get_by_role("button", name="Review my answers").click()
    page.get_by_role("button", name="Submit").click()
    page.get_by_role("heading", name="Thank you, your answers are saved.").wait_for(
        timeout=STREAMLIT_READY
    )
    code = page.locator("p.code code").inner_text().strip()
    fits(page, PHONE["width"])
    page.screenshot(path=SCREENSHOTS / "respond-nojs-done-390.png", full_page=True)
    # Post/Redirect/Get: the thank-you page is a plain address, and reloading it sends
    # nothing again; the code was shown once, the page still says thank you.
    assert page.url == f"{server.url}/respondent/done"
    page.reload()
    page.get_by_role("heading", name="Thank you, your response was recorded.").wait_for(
        timeout=STREAMLIT_READY
    )
    assert page.locator("p.code").count() == 0 and code not in page.content()
    fits(page, PHONE["width"])
    page.screenshot(path=SCREENSHOTS / "respond-nojs-done-reload-390.png", full_page=True)

    page.get_by_role("link", name="Check what was stored").click()
    page.get_by_label("Receipt code").fill(code)
    page.get_by_role("button", name="Show what was stored").click()
    page.get_by_text("Nothing else is kept.").wait_for(timeout=STREAMLIT_READY)
    assert page.get_by_text("[name] had to rebuild the release checklist").count() == 1
    page.screenshot(path=SCREENSHOTS / "respond-nojs-receipt-390.png", full_page=True)
    context.close()

    # The smallest phone still gets everything without sideways scrolling.
    small = browser.new_context(viewport=NARROW, java_script_enabled=False).new_page()
    small.goto(link)
    small.get_by_role("button", name="Review my answers").wait_for(timeout=STREAMLIT_READY)
    fits(small, NARROW["width"])
    small.screenshot(path=SCREENSHOTS / "respond-nojs-form-320.png", full_page=True)
    small.context.close()

    log = server.stop()
    assert link.split("t=", 1)[1] not in log and "Jonas" not in log
