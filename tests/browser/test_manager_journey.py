"""The manager journey in a real browser: log in, load the sample, visit every page, open a
theme, mark an action done, download the quarterly review."""

from __future__ import annotations

import pytest

from tests.browser.conftest import SCREENSHOTS, log_in
from tests.conftest import MANAGER_PASSWORD

pytestmark = pytest.mark.browser
SLOW = 120_000
PAGES = [
    "Overview",
    "Themes",
    "Root causes",
    "Quarterly review",
    "Action items",
    "Projects and surveys",
]


def settle(page) -> None:
    """Wait until Streamlit has finished the current run."""
    page.wait_for_timeout(500)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=SLOW
    )


def no_error_on(page) -> None:
    assert page.locator("[data-testid='stException']").count() == 0
    assert "Traceback" not in page.inner_text("body")


def test_manager_loads_the_sample_and_works_through_every_page(server, browser):
    server.start()
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.goto(server.url)  # sent to the log-in form (plain HTML) first
    assert page.url.startswith(f"{server.url}/manager/login?next=")
    log_in(page, MANAGER_PASSWORD)
    page.wait_for_url(f"{server.url}/", timeout=SLOW)
    page.get_by_role("button", name="Load sample data").click(timeout=SLOW)
    page.get_by_text("You are looking at sample data").wait_for(timeout=SLOW)
    page.locator("[data-testid='stPlotlyChart']").first.wait_for(timeout=SLOW)
    settle(page)

    for title in PAGES:
        page.get_by_role("link", name=title).click()
        page.get_by_role("heading", name=title, exact=True).wait_for(timeout=SLOW)
        settle(page)
        no_error_on(page)
        if title not in ("Projects and surveys", "Action items"):
            # The text analysis runs in the background from start-up: a page shows its
            # progress, then redraws itself with the charts when it is done.
            page.locator("[data-testid='stPlotlyChart']").first.wait_for(timeout=SLOW)
            settle(page)
        page.screenshot(
            path=SCREENSHOTS / f"manager-{title.lower().replace(' ', '-')}.png", full_page=True
        )

    # Open a theme: choose another one in the drill-down.
    page.get_by_role("link", name="Themes").click()
    page.get_by_role("heading", name="One theme").wait_for(timeout=SLOW)
    settle(page)
    chooser = page.get_by_role("combobox", name="Theme")
    before = chooser.input_value() or page.get_by_text("Keywords:").inner_text()
    chooser.click()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    settle(page)
    page.get_by_text("Keywords:").wait_for(timeout=SLOW)
    assert (chooser.input_value() or page.get_by_text("Keywords:").inner_text()) != before
    no_error_on(page)
    page.screenshot(path=SCREENSHOTS / "manager-theme-drilldown.png", full_page=True)

    # Mark an action done.
    page.get_by_role("link", name="Action items").click()
    page.get_by_role("heading", name="Update an action").wait_for(timeout=SLOW)
    settle(page)
    page.get_by_role("radiogroup", name="Status").get_by_text("Done", exact=True).click()
    page.get_by_role("button", name="Save status").click()
    settle(page)
    no_error_on(page)

    # Download the quarterly review PDF: two clicks.
    page.get_by_role("link", name="Quarterly review").click()
    page.get_by_role("button", name="Prepare PDF report").click(timeout=SLOW)
    with page.expect_download(timeout=SLOW) as download:
        page.get_by_role("button", name="Download PDF").click(timeout=SLOW)
    path = SCREENSHOTS / "quarterly-review.pdf"
    download.value.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")
    context.close()
