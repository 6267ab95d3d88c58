"""Every manager page and download refuses a visitor who is not logged in (real browser)."""

from __future__ import annotations

import pytest

from surveys.store import Store
from tests.browser.conftest import SCREENSHOTS
from tests.pages.data import populate

pytestmark = pytest.mark.browser
MANAGER_PATHS = [
    "overview",
    "themes",
    "root-causes",
    "quarterly-review",
    "actions",
    "surveys",
    # file names, which Streamlit's legacy page mode would have served
    "root_causes",
    "review",
    "login",
    "respond",
    "receipt",
    "does-not-exist",
]
SECRET_WORDS = [
    "Atlas Portal",
    "Projects and surveys",
    "Root causes",
    "Action items",
    "Download PDF",
    "Quarterly review",
]


def test_manager_urls_show_only_the_login_to_a_visitor(server, browser):
    with Store(server.db_path) as store:
        populate(store)
    server.start()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    for path in MANAGER_PATHS:
        page = context.new_page()
        page.goto(f"{server.url}/{path}")
        page.get_by_label("Manager password").wait_for(timeout=30_000)
        body = page.inner_text("body")
        leaked = [word for word in SECRET_WORDS if word in body]
        assert not leaked, (path, leaked)
        if path == "overview":
            page.screenshot(path=SCREENSHOTS / "logged-out-overview.png")
        page.close()
    context.close()
