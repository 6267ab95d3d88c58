"""Every manager page under AppTest: empty, populated, below and above the threshold."""

import pytest

from surveys import setup
from surveys.store import Store
from tests.conftest import app_store
from tests.pages.data import populate
from tests.pages.helpers import button, shown, texts

PAGES = {
    "overview": "app_pages/manager/overview.py",
    "themes": "app_pages/manager/themes.py",
    "root_causes": "app_pages/manager/root_causes.py",
    "actions": "app_pages/manager/actions.py",
    "review": "app_pages/manager/quarterly_review.py",
    "surveys": "app_pages/manager/surveys.py",
}


def open_page(app, page):
    app.session_state["manager_login"] = True
    app.run()
    app.switch_page(PAGES[page]).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


@pytest.fixture
def populated(db_path):
    with Store(db_path) as store:
        return populate(store)


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_explains_what_it_needs_when_empty(app, page):
    at = open_page(app, page)
    assert not at.get("plotly_chart")
    assert at.info or at.expander  # an explanation, never an empty chart
    assert not at.error


@pytest.mark.parametrize("page", ["overview", "themes", "root_causes", "actions"])
def test_every_page_draws_charts_with_data(app, populated, page):
    at = open_page(app, page)
    assert at.get("plotly_chart"), f"{page} drew no chart"


def test_logged_out_visitor_cannot_reach_any_manager_page(app):
    app.run()
    for page in PAGES.values():
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            app.switch_page(page)
    assert texts(app.title) == ["Afterward"]


def test_overview_leaves_out_surveys_below_their_threshold(app, populated):
    at = open_page(app, "overview")
    assert any("fewer responses than their anonymity threshold" in c for c in texts(at.caption))
    charts = at.get("plotly_chart")
    # Dusk Pilot (2 responses) never appears in a rating trend.
    trend_json = " ".join(c.proto.spec for c in charts[1:])
    assert "Dusk Pilot" not in trend_json
    assert "Atlas Portal" in trend_json


def test_filters_are_kept_in_the_url_and_restored(app, populated):
    at = open_page(app, "overview")
    at.sidebar.multiselect(key="filter_projects").set_value(["Beacon App"]).run()
    assert at.query_params["project"] in ("Beacon App", ["Beacon App"])
    fresh = type(app).from_file(app._script_path, default_timeout=60)
    fresh.query_params["project"] = "Comet Billing"
    fresh.query_params["from"] = "2026Q2"
    open_page(fresh, "overview")
    assert fresh.sidebar.multiselect(key="filter_projects").value == ["Comet Billing"]
    assert fresh.sidebar.selectbox(key="filter_from").value == "2026Q2"


def test_themes_page_renames_a_theme_and_shows_quotes_only_above_their_threshold(app, populated):
    at = open_page(app, "themes")
    assert any("Keywords" in m for m in texts(at.markdown))
    quotes = at.text
    assert len(quotes) >= 1  # 8 responses per survey × 3 quarters: above the quote threshold
    at.text_input(key="theme_new_label").input("Flaky pipelines")
    button(at, "Rename").click().run()
    assert not at.exception
    assert "Flaky pipelines" in at.selectbox(key="theme_choice").options


def test_root_cause_review_is_stored_for_every_answer_of_its_card(app, populated):
    at = open_page(app, "root_causes")
    choices = [s for s in at.selectbox if s.key and s.key.startswith("review_")]
    assert choices
    # The sample repeats its sentences: the first card covers several answers, says how many.
    covers = [c.value for c in at.caption if "answers like this" in c.value]
    assert covers
    answers = int(covers[0].split()[0])
    assert answers > 1
    # A card whose category a survey of its answers hides suggests none (the sample's
    # sentences recur in every survey, so all of them here): the manager chooses one.
    card = choices[0].key.removeprefix("review_")
    choices[0].set_value("tech_debt_tooling").run()
    [save] = [b for b in at.button if b.key == f"save_{card}"]
    assert not save.disabled
    save.click().run()
    assert not at.exception
    assert len(app_store().category_corrections()) == answers


def test_action_marked_done_and_not_doing_needs_a_reason(app, populated):
    at = open_page(app, "actions")
    at.radio(key=next(r.key for r in at.radio if r.key.startswith("status_"))).set_value(
        "not_doing"
    ).run()
    button(at, "Save status").click().run()
    assert any("Say why" in e for e in texts(at.error))
    before = (app_store().actions(setup_scope())["status"] == "done").sum()
    at.radio(key=next(r.key for r in at.radio if r.key.startswith("status_"))).set_value(
        "done"
    ).run()
    button(at, "Save status").click().run()
    assert (app_store().actions(setup_scope())["status"] == "done").sum() == before + 1


def test_overdue_actions_stand_out(app, populated):
    at = open_page(app, "actions")
    assert any("past their due date" in e for e in texts(at.error))


def test_surveys_below_threshold_keep_results_hidden_even_for_managers(app, db_path):
    with Store(db_path) as store:
        survey_id = setup.create_survey(store, project="Solo", template_id="sprint-retro")
        from surveys.store import AnswerRow

        store.record_response(survey_id, [AnswerRow("sprint_rating", value_number=2)])
    at = open_page(app, "overview")
    assert not at.get("plotly_chart") or all(
        "Solo" not in c.proto.spec for c in at.get("plotly_chart")[1:]
    )


def setup_scope():
    from surveys.store import Scope

    return Scope()


def test_review_page_prepares_both_reports_for_download(app, populated):
    at = open_page(app, "review")
    assert [h.value for h in at.header][:5] == [
        "Participation",
        "Rating trends",
        "Top recurring root causes",
        "Themes: new and persisting",
        "Action items and their effect",
    ]
    button(at, "Prepare HTML report").click().run()
    assert not at.exception
    assert len(at.get("download_button")) == 1
    button(at, "Prepare PDF report").click().run()
    assert len(at.get("download_button")) == 2


def headers(table) -> list[str]:
    """The headers a manager reads over a table: its columns' labels and, unless hidden,
    its index's name (an unnamed index shows as a blank header)."""
    import json

    config = json.loads(table.proto.columns or "{}")
    frame = table.value
    shown = [str(config.get(c, {}).get("label") or c) for c in frame.columns]
    if not config.get("_index", {}).get("hidden"):
        shown.insert(0, "" if frame.index.name is None else str(frame.index.name))
    return shown


@pytest.mark.parametrize("page", ["overview", "themes", "root_causes", "review", "surveys"])
def test_every_table_names_every_column(app, populated, page):
    at = open_page(app, page)
    for table in at.dataframe:
        assert all(h.strip() for h in headers(table)), headers(table)


def test_root_cause_table_names_categories_and_their_trend(app, populated):
    at = open_page(app, "root_causes")
    table = next(t for t in at.dataframe if "trend" in t.value.columns)
    assert headers(table)[0] == "root cause"
    assert not any("_" in str(v) for v in table.value.iloc[:, 0])  # labels, not ids


def test_surveys_table_fits_beside_the_sidebar_at_1280_px(app, populated):
    import json

    at = open_page(app, "surveys")
    table = at.dataframe[0]
    config = json.loads(table.proto.columns)
    widths = [config[c]["width"] for c in table.value.columns]
    # 1280 px less the sidebar (300) and the page's side padding (2 × 80).
    assert sum(widths) <= 1280 - 300 - 160
    assert "survey_id" not in table.value.columns  # 36-character ids took a third of it
    assert {"project", "title", "status", "responses", "waiting"} <= set(table.value.columns)


def test_merged_roles_read_apart_from_the_other_answer(app, populated):
    from afterward.output.charts import MERGED_GROUP_LABEL

    at = open_page(app, "overview")
    roles_chart = at.get("plotly_chart")[-1].proto.spec
    assert MERGED_GROUP_LABEL in roles_chart and "Other roles" not in roles_chart
    assert any(MERGED_GROUP_LABEL in c for c in texts(at.caption))


def test_themes_page_refuses_a_name_another_theme_has(app, populated):
    at = open_page(app, "themes")
    options = at.selectbox(key="theme_choice").options
    assert len(options) >= 2
    other = options[1]
    before = list(options)
    at.text_input(key="theme_new_label").input(f"  {other.upper()} ")
    button(at, "Rename").click().run()
    assert not at.exception
    assert any("already called" in e and "Merge into" in e for e in shown(at.error))
    # Nothing was stored: the picker lists the same names, none twice.
    after = at.selectbox(key="theme_choice").options
    assert after == before and len(set(after)) == len(after)
    at.text_input(key="theme_new_label").input("   ")
    button(at, "Rename").click().run()
    assert any("Type a name" in e for e in shown(at.error))
    assert at.selectbox(key="theme_choice").options == before
