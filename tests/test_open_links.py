"""Open links: one answer per browser, by a marker kept only in the respondent's browser."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.testclient import TestClient

from afterward.services import responding
from afterward.web.http import MIDDLEWARE, ROUTES
from surveys import links


def test_the_marker_counts_only_for_open_links(store, open_survey_id):
    survey_id = open_survey_id
    open_link = responding.open_link(store, links.issue_open_link(store, survey_id))
    invitation = responding.open_link(store, links.issue_invitations(store, survey_id, 1)[0])
    cookie = responding.answered_cookie(responding.answered_marker(survey_id))
    assert responding.answered_here(open_link, {cookie: "1"})
    assert not responding.answered_here(open_link, {})
    assert not responding.answered_here(open_link, {cookie: "0"})
    assert not responding.answered_here(invitation, {cookie: "1"})  # single-use anyway
    other = responding.answered_cookie(responding.answered_marker("another-survey"))
    assert not responding.answered_here(open_link, {other: "1"})


def test_the_marker_is_set_by_the_receipt_page_and_no_other_route(db_path):
    """The receipt page sets the cookie (tests/test_respondent_pages.py); the old 1-pixel
    image route is gone, so nothing else can plant a marker."""
    client = TestClient(Starlette(routes=ROUTES, middleware=MIDDLEWARE))
    marker = responding.answered_marker("some-survey")
    reply = client.get(f"/respondent/answered/{marker}", follow_redirects=False)
    assert reply.status_code == 404
    assert "set-cookie" not in reply.headers
