"""Back after Submit, in a real browser: the review page before the thank-you page was the
answer to a POST, so the browser offers to send it again. Whatever the respondent then does
(send it again, go back further to the link), the page says the answer was already recorded:
no form that would be sent again, no error, nothing stored twice."""

from __future__ import annotations

import pytest

from surveys.store import Store
from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_collect_journey import PHONE, STREAMLIT_READY
from tests.browser.test_open_link_once import answer_once

pytestmark = pytest.mark.browser


def wait_until(page, condition, tries: int = 150) -> None:
    """Poll (Chromium swaps its error page in and out of the tab: no load event to await)."""
    for _ in range(tries):
        if condition():
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"still at {page.url}")


def test_back_after_submit_says_the_answer_was_already_recorded(server, browser):
    survey_id = server.cli(
        "survey", "create", "--project", "Harbour Website", "--template", "project-postmortem"
    ).splitlines()[-1]
    link = server.cli("links", survey_id, "--invitations", "1", "--base-url", server.url).strip()
    server.start()

    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    answer_once(page, link)
    # Back: the review answered a POST and is never cached (it holds the answers), so
    # Chromium shows its own "Confirm Form Resubmission" page (ERR_CACHE_MISS) ...
    with pytest.raises(Exception, match="ERR_CACHE_MISS"):
        page.go_back()
    wait_until(page, lambda: page.url.startswith("chrome-error:"))
    page.get_by_text("Confirm Form Resubmission").wait_for(timeout=STREAMLIT_READY)
    # ... and sending the data again lands on "already recorded", not the review again.
    try:  # the error page is replaced by the new one while Playwright waits for it
        page.reload()
    except Exception as exc:
        assert "Not attached to an active page" in str(exc), exc
    wait_until(page, lambda: page.url.endswith("/respondent/done?again=1"))
    recorded = page.get_by_role("heading", name="Your answer was already recorded.")
    recorded.wait_for(timeout=STREAMLIT_READY)
    assert page.locator("form").count() == 0
    page.screenshot(path=SCREENSHOTS / "respond-back-after-submit-390.png", full_page=True)
    # Back once more (to the link itself): the same, no fresh form for a used invitation.
    page.go_back()
    recorded.wait_for(timeout=STREAMLIT_READY)
    assert page.get_by_role("button", name="Review my answers").count() == 0
    assert "can't be used" not in page.content()
    context.close()
    # One response stored: nothing was sent twice.
    server.stop()
    with Store(server.db_path) as store:
        assert store.response_count(survey_id) == 1
