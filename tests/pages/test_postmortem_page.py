"""The Post-mortems page under AppTest: pick a survey, name the owner, set the status, write
summaries, add action items, and find the downloads."""

from __future__ import annotations

import pytest

from surveys.store import Scope, Store
from tests.conftest import app_store
from tests.pages.helpers import button, texts
from tests.test_postmortem import SECRET, _survey

PAGE = "app_pages/manager/postmortem.py"


@pytest.fixture
def ids(db_path) -> dict[str, str]:
    with Store(db_path) as store:
        return {
            "shown": _survey(store, 8, title="Shown"),
            "hidden": _survey(store, 4, threshold=5, secret=True, title="Hidden"),
        }


def open_page(app, survey_id: str | None = None):
    app.session_state["manager_login"] = True
    app.run()
    if survey_id:
        app.query_params["survey"] = survey_id
    app.switch_page(PAGE).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def test_empty_database_explains_what_to_do(app):
    at = open_page(app)
    assert any("No surveys yet" in t for t in texts(at.info))
    assert not at.error


def test_owner_status_summary_action_and_downloads(app, ids):
    survey_id = ids["shown"]
    at = open_page(app, survey_id)
    assert at.selectbox(key="postmortem_survey").value == survey_id
    assert any("Owner: not assigned yet" in t for t in texts(at.markdown))
    headers = texts(at.header)
    for heading in ("What went wrong", "Root causes", "What to do differently", "Action items"):
        assert heading in headers
    assert len(at.get("download_button")) == 3

    at.text_input(key=f"owner_{survey_id}").input("Ana Ruiz")
    at.radio(key=f"status_{survey_id}").set_value("in_review")
    at.text_area(key=f"summary_{survey_id}_went_wrong").input("The checklist was optional.")
    button(at, "Save").click().run()
    assert not at.exception and not at.error
    assert "Saved." in texts(at.success)
    saved = app_store().postmortem(survey_id)
    assert (saved.owner, saved.status) == ("Ana Ruiz", "in_review")
    assert saved.summaries == {"went_wrong": "The checklist was optional."}
    assert any("Owner: Ana Ruiz" in t for t in texts(at.markdown))
    listed = at.dataframe[0].value  # the post-mortems started, with owner and status
    assert listed[["title", "owner", "status"]].values.tolist() == [
        ["Shown", "Ana Ruiz", "In review"]
    ]

    [title] = [t for t in at.text_input if t.label == "What will change?"]
    title.input("Make the release checklist blocking")
    [owner] = [t for t in at.text_input if t.label == "Action owner"]
    owner.input("Release manager")
    button(at, "Add action item").click().run()
    assert not at.exception and not at.error
    actions = app_store().actions(Scope())
    mine = actions[actions["survey_id"] == survey_id]
    assert mine["title"].tolist() == ["Make the release checklist blocking"]
    tables = [t.value for t in at.dataframe]
    assert any("Make the release checklist blocking" in t.to_string() for t in tables)
    # The summary written before stays (saved), the owner too.
    assert at.text_area(key=f"summary_{survey_id}_went_wrong").value == (
        "The checklist was optional."
    )


def test_a_blank_owner_is_refused_and_nothing_is_lost(app, ids):
    survey_id = ids["shown"]
    open_page(app, survey_id)  # the app opens the database; the owner is named elsewhere
    app_store().save_postmortem(survey_id, owner="Ana Ruiz", summaries={"goals": "Clear."})
    at = open_page(app, survey_id)
    at.text_input(key=f"owner_{survey_id}").input("  ")
    button(at, "Save").click().run()
    assert any("owner" in t for t in texts(at.error))
    kept = app_store().postmortem(survey_id)
    assert kept.owner == "Ana Ruiz" and kept.summaries == {"goals": "Clear."}


def test_hidden_survey_page_shows_why_and_no_answers(app, ids):
    at = open_page(app, ids["hidden"])
    assert any("Hidden to protect anonymity" in t for t in texts(at.warning))
    shown = " ".join(texts(at.markdown) + texts(at.info) + texts(at.caption))
    assert SECRET not in shown and "favourable" not in shown
    assert not at.dataframe or all("Team member" not in d.value.to_string() for d in at.dataframe)


def test_summaries_are_kept_as_they_are_typed_once_the_owner_is_saved(app, ids):
    """A meeting loses nothing to a reload: each summary is stored when its field is left,
    without pressing Save (before the owner is saved, the page says how to start)."""
    survey_id = ids["shown"]
    at = open_page(app, survey_id)
    key = f"summary_{survey_id}_went_wrong"
    at.text_area(key=key).input("Half a thought").run()
    assert app_store().postmortem(survey_id) is None  # no owner yet: nothing stored
    assert any("Name the owner and press Save once" in t for t in texts(at.caption))

    at.text_input(key=f"owner_{survey_id}").input("Ana Ruiz")
    button(at, "Save").click().run()
    at.text_area(key=key).input("The checklist was optional.").run()
    at.text_area(key=f"summary_{survey_id}_root_causes").input("No one owned it.").run()
    assert not at.exception and not at.error
    saved = app_store().postmortem(survey_id)
    assert saved.owner == "Ana Ruiz"
    assert saved.summaries == {
        "went_wrong": "The checklist was optional.",
        "root_causes": "No one owned it.",
    }
    assert any("Kept: saved as you typed." in t for t in texts(at.caption))
