"""Every manager page and download refuses a visitor who is not logged in (real browser)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from surveys.store import Store
from tests.browser.conftest import SCREENSHOTS, log_in
from tests.pages.data import populate

pytestmark = pytest.mark.browser
SLOW = 120_000
LOGIN_PATH = "/manager/login"
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
    "Beacon App",
    "Projects and surveys",
    "Root causes",
    "Action items",
    "Download PDF",
    "Quarterly review",
]


def settle(page) -> None:
    """Wait until Streamlit has finished the current run."""
    page.wait_for_timeout(500)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=SLOW
    )


def assert_no_page_not_found(page) -> None:
    """The first deep link after a server start once showed Streamlit's "Page not found"
    notice over the right page (a `pages/` folder beside the router put Streamlit in its
    legacy multipage mode); it must never appear."""
    assert page.get_by_text("Page not found").count() == 0


def test_manager_urls_show_only_the_login_to_a_visitor(server, browser):
    with Store(server.db_path) as store:
        populate(store)
    server.start()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    for path in MANAGER_PATHS:
        page = context.new_page()
        page.goto(f"{server.url}/{path}?from=2026Q2")
        page.get_by_label("Manager password").wait_for(timeout=30_000)
        landed = urlsplit(page.url)
        assert landed.path == LOGIN_PATH, (path, page.url)
        # The overview is Streamlit's default page, served at "/".
        asked = "/" if path == "overview" else f"/{path}"
        assert parse_qs(landed.query)["next"] == [f"{asked}?from=2026Q2"]
        body = page.inner_text("body")
        leaked = [word for word in SECRET_WORDS if word in body]
        assert not leaked, (path, leaked)
        assert page.locator("[data-testid='stApp']").count() == 0  # no Streamlit page at all
        if path == "overview":
            page.screenshot(path=SCREENSHOTS / "login-form-1280.png", full_page=True)
            log_in(page, "wrong")
            page.get_by_role("alert").wait_for(timeout=30_000)
            assert "That password is not right." in page.get_by_role("alert").inner_text()
            assert page.get_by_label("Manager password").get_attribute("aria-invalid") == "true"
            page.screenshot(path=SCREENSHOTS / "login-form-wrong-password-1280.png")
        page.close()
    context.close()

    phone = browser.new_context(viewport={"width": 390, "height": 844})
    page = phone.new_page()
    page.goto(f"{server.url}/overview")
    page.get_by_label("Manager password").wait_for(timeout=30_000)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=SCREENSHOTS / "login-form-phone.png", full_page=True)
    log_in(page, "wrong")
    page.get_by_role("alert").wait_for(timeout=30_000)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=SCREENSHOTS / "login-form-wrong-password-phone.png", full_page=True)
    phone.close()


def test_a_deep_link_with_filters_lands_on_that_page_after_logging_in(server, browser):
    with Store(server.db_path) as store:
        populate(store)
    server.start()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{server.url}/themes?from=2026Q2&to=2026Q3&project=Beacon+App")
    log_in(page)
    page.get_by_role("heading", name="Themes", exact=True).wait_for(timeout=SLOW)
    settle(page)
    assert_no_page_not_found(page)
    landed = urlsplit(page.url)
    assert landed.path == "/themes"
    query = parse_qs(landed.query)
    assert query["from"] == ["2026Q2"] and query["to"] == ["2026Q3"]
    assert query["project"] == ["Beacon App"]
    sidebar = page.locator("[data-testid='stSidebar']")
    # The filter widgets can draw after the status widget went (a fast server): wait for them.
    sidebar.get_by_text("Beacon App").first.wait_for(timeout=SLOW)
    assert sidebar.get_by_text("Atlas Portal").count() == 0
    page.screenshot(path=SCREENSHOTS / "deep-link-themes-after-login.png", full_page=True)

    # The session survives a reload and another deep link: no second log-in.
    page.goto(f"{server.url}/root-causes?from=2026Q3")
    page.get_by_role("heading", name="Root causes", exact=True).wait_for(timeout=SLOW)
    assert page.get_by_label("Manager password").count() == 0
    context.close()


def test_a_download_url_is_refused_without_the_session_and_after_logging_out(server, browser):
    with Store(server.db_path) as store:
        populate(store)
    server.start()
    manager = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = manager.new_page()
    page.goto(f"{server.url}/quarterly-review")
    log_in(page)
    page.get_by_role("heading", name="Quarterly review", exact=True).wait_for(timeout=SLOW)
    settle(page)
    assert_no_page_not_found(page)
    # A rerun can briefly show the stale copy of the button beside the new one: click the last.
    page.get_by_role("button", name="Prepare PDF report").last.click(timeout=SLOW)
    with page.expect_download(timeout=SLOW) as download:
        page.get_by_role("button", name="Download PDF").click(timeout=SLOW)
    url = download.value.url
    assert urlsplit(url).path.startswith("/media/"), url
    own = manager.request.get(url)
    assert own.status == 200 and own.body().startswith(b"%PDF")

    # Someone who got hold of the URL, in another browser: refused.
    stranger = browser.new_context()
    refused = stranger.request.get(url)
    assert refused.status == 401
    assert b"%PDF" not in refused.body()
    stranger.close()

    # The manager logs out: the same URL from the same browser is refused at once.
    page.get_by_role("button", name="Log out").click()
    page.get_by_role("link", name="Log in").wait_for(timeout=SLOW)
    after = manager.request.get(url)
    assert after.status == 401
    assert b"%PDF" not in after.body()
    page.goto(f"{server.url}/quarterly-review")
    page.get_by_label("Manager password").wait_for(timeout=30_000)
    assert urlsplit(page.url).path == LOGIN_PATH
    manager.close()
