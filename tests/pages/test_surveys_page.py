"""The surveys page: invitation counts outside the rule, and what the page says about links."""

from __future__ import annotations

import pytest

from surveys import setup
from surveys.links import check_invitation_count
from tests.conftest import app_store
from tests.pages.helpers import button, log_in, texts


def _page_with_a_survey(app):
    log_in(app)
    setup.create_survey(app_store(), project="Quayside", template_id="sprint-retro", threshold=5)
    app.switch_page("app_pages/manager/surveys.py").run()
    assert not app.exception
    return app


def _how_many(app):
    return next(n for n in app.number_input if n.label == "How many?")


@pytest.mark.parametrize("count", [0, -3, 10_001])
def test_an_invalid_count_is_refused_and_nothing_is_created(app, count):
    with pytest.raises(ValueError) as rule:
        check_invitation_count(count)
    _page_with_a_survey(app)
    _how_many(app).set_value(count)
    button(app, "Create invitation links").click().run()
    assert not app.exception
    errors = texts(app.error)
    assert errors == [f"No links were created. {rule.value}"]
    assert app_store().surveys_overview()["invitations"].iloc[0] == 0
    assert not app.get("download_button")


def test_a_valid_count_after_a_refused_one_creates_exactly_that_many(app):
    _page_with_a_survey(app)
    _how_many(app).set_value(0)
    button(app, "Create invitation links").click().run()
    _how_many(app).set_value(4)
    button(app, "Create invitation links").click().run()
    assert not app.exception and not app.error
    assert app_store().surveys_overview()["invitations"].iloc[0] == 4
    csv = app.get("download_button")[0].proto.label
    assert csv == "Download invitation links (CSV)"
