"""The surveys page: invitation counts outside the rule, and what the page says about links."""

from __future__ import annotations

from datetime import date

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


# -- response counts and rates say the same thing side by side --------------------------------


def _eight_invited_six_released(db_path) -> str:
    """8 invitations, all used: threshold 3 releases 6 responses, 2 wait for release."""
    from afterward.services.publishing import open_store
    from tests.test_releases import answer, make_survey

    with open_store(db_path) as store:
        survey_id = make_survey(store)
        for rating in range(1, 9):
            answer(store, survey_id, rating)
        row = store.surveys_overview().iloc[0]
        assert (row["responses"], row["waiting"], row["invitations"]) == (6, 2, 8)
    return survey_id


def test_the_note_counts_released_and_waiting_apart():
    from afterward.services.survey_admin import invitation_use, participation_note

    assert participation_note(6, 2, 8, 8) == (
        "8 of 8 invitations used · 6 responses released, 2 waiting"
    )
    assert participation_note(1, 0, 0, 0) == "No invitations sent · 1 response released"
    assert invitation_use(8, 6) == 0.75 and invitation_use(0, 0) is None


def test_surveys_and_overview_pages_say_what_the_rate_counts(app, db_path):
    _eight_invited_six_released(db_path)
    log_in(app)
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Responses released"] == "6"
    assert metrics["Invitations used"] == "100%"
    assert "8 of 8 invitations used · 6 responses released, 2 waiting" in texts(app.caption)
    chart = app.get("plotly_chart")[0].proto.spec
    assert "100% of invited" in chart  # the bar's text moves only with invitations
    assert any("includes responses still waiting for release" in c for c in texts(app.caption))

    app.switch_page("app_pages/manager/surveys.py").run()
    assert not app.exception
    progress = [p.proto.text for p in app.get("progress")]
    assert progress == ["8 of 8 invitations used · 6 responses released, 2 waiting"]


def test_the_quarterly_review_puts_waiting_beside_the_rate(db_path):
    from afterward.output import quarterly_report
    from afterward.services.quarterly_review import quarterly_review
    from surveys.store import Store

    _eight_invited_six_released(db_path)
    with Store(db_path) as store:
        review = quarterly_review(store, "2026Q3", on=date(2026, 11, 2))
    row = review.participation.iloc[0]
    assert (row["responses"], row["waiting"], row["invitations_used"]) == (6, 2, 8)
    assert review.response_rate == 1.0
    html = quarterly_report.review_html(review)
    assert "8 of 8 invitations were used (100%), counting responses still waiting" in html
    assert "Invitations used" in html and "Response rate" not in html


def test_a_closed_hidden_survey_bar_says_no_responses_not_how_many_more():
    import pandas as pd

    from afterward.output import charts

    frame = pd.DataFrame(
        {
            "survey": ["Closed empty", "Closed few", "Open empty"],
            "responses": [0, 2, 0],
            "status": ["closed", "closed", "open"],
            "shown": [False, False, False],
            "needed": [3, 1, 3],
        }
    )
    bars = charts.participation_chart(frame).data[0]
    assert dict(zip(bars.y, bars.text, strict=True)) == {
        "Closed empty": "No responses",
        "Closed few": "hidden: too few",
        "Open empty": "hidden: 3 more needed",
    }


# -- what the page and the CLI say about a shareable link --------------------------------------


def _says_one_answer_per_browser(text: str) -> None:
    assert "Each browser answers once" in text
    assert "another browser or device" in text
    assert "can answer, and can answer more than once" not in text


def test_the_page_and_the_cli_say_one_answer_per_browser(app, db_path):
    from afterward.services import manager_api

    _page_with_a_survey(app)  # threshold 5: a shareable link is allowed
    button(app, "Make shareable link").click().run()
    assert not app.exception and app.code
    _says_one_answer_per_browser(" ".join(texts(app.warning)))
    survey_id = app_store().surveys_overview()["survey_id"].iloc[0]
    made = manager_api.survey_links(app_store(), survey_id, base="http://localhost:8501")
    _says_one_answer_per_browser(" ".join(made["notes"]))


def test_the_quarterly_review_says_no_responses_for_a_closed_empty_survey(db_path):
    from afterward.output import quarterly_report
    from afterward.services.quarterly_review import quarterly_review
    from surveys.store import Store

    with Store(db_path) as store:
        survey_id = setup.create_survey(
            store,
            project="Tern",
            template_id="sprint-retro",
            quarter="2026Q3",
            opens_on=date(2026, 7, 1),
        )
        store.set_survey_status(survey_id, "closed")
        review = quarterly_review(store, "2026Q3", on=date(2026, 11, 2))
    html = quarterly_report.review_html(review)
    assert "no responses" in html and "No responses" in html  # table cell and chart bar
    assert "more needed" not in html
