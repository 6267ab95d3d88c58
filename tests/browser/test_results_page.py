"""The survey results page in a real browser with the sample loaded: a deep link to a client
feedback survey opens after log-in and draws every question at desktop and phone widths."""

from __future__ import annotations

import duckdb
import pytest

from tests.browser.conftest import SCREENSHOTS, log_in
from tests.conftest import MANAGER_PASSWORD

pytestmark = pytest.mark.browser
SLOW = 120_000


def settle(page) -> None:
    page.wait_for_timeout(500)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=SLOW
    )


def test_results_deep_link_at_desktop_and_phone_width(server, browser):
    server.cli("demo")
    with duckdb.connect(str(server.db_path), read_only=True) as db:
        (survey_id,) = db.execute(
            "SELECT survey_id::VARCHAR FROM surveys WHERE template_id = 'client-feedback' "
            "ORDER BY opens_on DESC LIMIT 1"
        ).fetchone()
    server.start()
    for width, height in ((1280, 3600), (390, 5200)):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.goto(f"{server.url}/results?survey={survey_id}")
        log_in(page, MANAGER_PASSWORD)
        page.get_by_role("heading", name="Survey results", exact=True).wait_for(timeout=SLOW)
        page.get_by_text("Net Promoter Score").first.wait_for(timeout=SLOW)
        page.get_by_role("heading", name="What people wrote").wait_for(timeout=SLOW)
        settle(page)
        assert f"survey={survey_id}" in page.url
        assert page.locator("[data-testid='stException']").count() == 0
        # Charts draw after the page settles; under load they can lag the status widget.
        page.wait_for_function(
            "() => document.querySelectorAll(\"[data-testid='stPlotlyChart']\").length >= 6",
            timeout=SLOW,
        )
        assert page.locator("[data-testid='stPlotlyChart']").count() >= 6
        page.screenshot(path=SCREENSHOTS / f"manager-survey-results-{width}.png", full_page=True)
        context.close()
