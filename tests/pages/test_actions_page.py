"""The actions page under AppTest: edit, delete (after asking), status history, readable tables."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from clock import today
from surveys import setup
from surveys.store import Scope, Store
from tests.conftest import app_store
from tests.pages.helpers import button, texts

PAGE = "app_pages/manager/actions.py"


@pytest.fixture
def seeded(db_path) -> dict[str, str]:
    """One project with a post-mortem survey and two actions, one from that post-mortem with
    a history over three days."""
    with Store(db_path) as store:
        survey_id = setup.create_survey(
            store, project="Harbour Website", template_id="project-postmortem", quarter="2026Q2"
        )
        project_id = store.project_by_name("Harbour Website").project_id
        start = today() - timedelta(days=40)
        linked = store.create_action(
            project_id=project_id,
            title="Freeze scope before UAT",
            owner="Delivery lead",
            quarter="2026Q2",
            due_on=today() + timedelta(days=10),
            category="requirements_change",
            survey_id=survey_id,
            created_on=start,
        )
        store.set_action_status(linked, "in_progress", on=start + timedelta(days=5))
        store.set_action_status(linked, "done", on=start + timedelta(days=20))
        other = store.create_action(
            project_id=project_id,
            title="Weekly note to the client",
            owner="Account manager",
            quarter="2026Q2",
            due_on=today() - timedelta(days=3),
        )
        return {"linked": linked, "other": other, "survey": survey_id, "start": start.isoformat()}


def open_page(app, action_id: str | None = None):
    app.session_state["manager_login"] = True
    app.run()
    app.switch_page(PAGE).run()
    if action_id is not None:
        chooser(app).set_value(action_id).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def edit_form(at, label: str, kind: str = "text_input"):
    """The widget labelled `label` in the edit form (the new-action form has the same labels)."""
    found = [w for w in getattr(at, kind) if w.label == label and w.form_id.startswith("edit_")]
    assert len(found) == 1, [(w.label, w.form_id) for w in getattr(at, kind)]
    return found[0]


def stored(action_id: str):
    actions = app_store().actions(Scope())
    return actions.set_index("action_id").loc[action_id]


def test_edit_title_owner_due_date_and_what_it_fixes(app, seeded):
    at = open_page(app, seeded["other"])
    edit_form(at, "What will change?", "text_area").input("Weekly written status note")
    edit_form(at, "Owner").input("Project manager")
    edit_form(at, "No due date", "checkbox").check()
    edit_form(at, "Meant to fix", "selectbox").set_value("category:communication_gaps")
    button(at, "Save changes").click().run()
    assert not at.exception and not at.error
    row = stored(seeded["other"])
    assert (row["title"], row["owner"], row["category"]) == (
        "Weekly written status note",
        "Project manager",
        "communication_gaps",
    )
    assert row["due_on"] is None or str(row["due_on"]) == "NaT"
    assert "Changes saved." in texts(at.success)
    # The list shows the edit at once (no stale cache), with the topic's label.
    table = at.dataframe[0].value
    edited = table[table["Action"] == "Weekly written status note"]
    assert edited["Meant to fix"].tolist() == ["Communication gaps"]
    assert edited["Status"].tolist() == ["Open"]  # no longer overdue: no due date

    # A due date again, and a different day.
    at = open_page(app, seeded["other"])
    edit_form(at, "No due date", "checkbox").uncheck()
    edit_form(at, "Due", "date_input").set_value(date(2031, 5, 4))
    button(at, "Save changes").click().run()
    assert stored(seeded["other"])["due_on"].date() == date(2031, 5, 4)


def test_bad_edit_says_why_and_loses_nothing(app, seeded):
    at = open_page(app, seeded["linked"])
    edit_form(at, "What will change?", "text_area").input("   ")
    edit_form(at, "Owner").input("Someone new")
    button(at, "Save changes").click().run()
    assert not at.exception
    assert any("needs a description" in e and "Nothing was changed" in e for e in texts(at.error))
    row = stored(seeded["linked"])
    assert (row["title"], row["owner"]) == ("Freeze scope before UAT", "Delivery lead")
    # What was typed is still in the form, to correct.
    assert edit_form(at, "Owner").value == "Someone new"


def test_delete_asks_first_and_can_be_called_off(app, seeded):
    at = open_page(app, seeded["other"])
    button(at, "Delete this action…").click().run()
    assert any("cannot be undone" in w for w in texts(at.warning))
    assert seeded["other"] in app_store().actions(Scope())["action_id"].tolist()
    button(at, "Keep it").click().run()
    assert not at.warning
    assert seeded["other"] in app_store().actions(Scope())["action_id"].tolist()

    button(at, "Delete this action…").click().run()
    button(at, "Yes, delete it").click().run()
    assert not at.exception
    assert app_store().actions(Scope())["action_id"].tolist() == [seeded["linked"]]
    assert app_store().action_history(seeded["other"]).empty
    assert any("Deleted" in s for s in texts(at.success))
    assert "Weekly note to the client" not in at.dataframe[0].value["Action"].tolist()


def test_status_history_by_day_and_the_post_mortem_it_came_from(app, seeded):
    at = open_page(app, seeded["linked"])
    start = date.fromisoformat(seeded["start"])
    history = next(
        d.value for d in at.dataframe if list(d.value.columns) == ["Day", "Status", "Reason"]
    )
    assert history["Status"].tolist() == ["Done", "In progress", "Open"]
    assert history["Day"].tolist() == [
        start + timedelta(days=20),
        start + timedelta(days=5),
        start,
    ]
    survey_title = app_store().survey(seeded["survey"]).title
    captions = [c.replace("\\", "") for c in texts(at.caption)]  # shown escaped, read as written
    assert any(survey_title in c and "post-mortem" in c for c in captions)
    # A status change today adds a row for today.
    at.radio(key=f"status_{seeded['linked']}").set_value("in_progress").run()
    button(at, "Save status").click().run()
    history = next(
        d.value for d in at.dataframe if list(d.value.columns) == ["Day", "Status", "Reason"]
    )
    assert history.iloc[0].tolist() == [today(), "In progress", ""]
    assert len(history) == 4


def test_action_table_reads_with_labels_not_ids(app, seeded):
    at = open_page(app)
    table = at.dataframe[0].value
    assert list(table.columns) == [
        "Status", "Action", "Due", "Owner", "Project", "Meant to fix", "From post-mortem", "Reason"
    ]  # fmt: skip
    assert all(str(c).strip() for c in table.columns)
    rows = table.set_index("Action")
    assert rows.loc["Weekly note to the client", "Status"] == "Open · overdue"
    assert rows.loc["Freeze scope before UAT", "Status"] == "Done"
    assert rows.loc["Freeze scope before UAT", "Meant to fix"] == "Requirements change"
    assert rows.loc["Freeze scope before UAT", "From post-mortem"] == (
        app_store().survey(seeded["survey"]).title
    )
    assert rows.loc["Weekly note to the client", "From post-mortem"] == ""


def test_did_it_work_puts_the_verdict_first_with_the_sample(app, db_path):
    from afterward.services import analysis_upkeep, publishing
    from surveys.sample import load_sample

    with publishing.open_store(db_path) as store:  # as the app loads and analyses it
        load_sample(store)
        publishing.publish_due(store)
        analysis_upkeep.refresh_analysis(store)
    at = open_page(app)
    effect = next(d for d in at.dataframe if "Verdict" in d.value.columns)
    assert effect.value.columns[0] == "Verdict"
    verdicts = effect.value["Verdict"].tolist()
    for kind in ("Not raised since", "Still raised as often", "Too early to tell"):
        assert kind in verdicts
    assert "Looks like it worked" in effect.value["Detail"].tolist()
    assert max(len(v) for v in verdicts) <= 25  # fits its column whole
    assert not any("_" in str(c) for c in effect.value.columns)


def test_new_action_refused_keeps_what_was_typed_then_adds(app, seeded):
    at = open_page(app)
    new = [w for w in at.text_input if w.form_id.startswith("new_action")]
    title, owner = (next(w for w in new if w.label.startswith(p)) for p in ("What", "Owner"))
    title.input("Rotate who runs the release")
    button(at, "Add action item").click().run()
    assert any("one owner" in e for e in texts(at.error))
    assert len(app_store().actions(Scope())) == 2
    new = [w for w in at.text_input if w.form_id.startswith("new_action")]
    assert "Rotate who runs the release" in [w.value for w in new]

    next(w for w in new if w.label.startswith("Owner")).input("Release manager")
    button(at, "Add action item").click().run()
    assert not any("Nothing was changed" in e for e in texts(at.error))
    titles = app_store().actions(Scope())["title"].tolist()
    assert "Rotate who runs the release" in titles
    assert "Added." in texts(at.success)
    # A fresh, empty form for the next one.
    assert all(w.value == "" for w in at.text_input if w.form_id.startswith("new_action"))


def test_titles_are_shown_literally_never_as_markdown(app, db_path):
    # A survey title (an import names it after the uploaded file) and an action title are
    # typed text: a link or an image URL in them is shown as written, never fetched.
    with Store(db_path) as store:
        survey_id = setup.create_survey(
            store,
            project="Harbour Website",
            template_id="project-postmortem",
            title="Imported: ![seen](http://tracker.test/p.png).csv",
            quarter="2026Q2",
        )
        action_id = store.create_action(
            project_id=store.project_by_name("Harbour Website").project_id,
            title="[Win a prize](http://tracker.test) **now**",
            owner="Lead",
            quarter="2026Q2",
            survey_id=survey_id,
        )
    at = open_page(app, action_id)
    button(at, "Delete this action…").click().run()
    shown = texts(at.caption) + texts(at.warning)
    assert any("tracker" in t for t in texts(at.caption)) and any("Win" in t for t in shown)
    button(at, "Yes, delete it").click().run()
    shown += texts(at.success)
    assert any("Deleted" in t for t in texts(at.success))
    assert not any("](http" in t or "**now**" in t for t in shown), shown


def chooser(at):
    """The "Action" select box of "Update an action" (found by its label)."""
    (found,) = [s for s in at.selectbox if s.label == "Action"]
    return found


def refusals(at) -> list[str]:
    """Errors shown, but for the banner about overdue actions."""
    return [e for e in texts(at.error) if "past their due date" not in e]


class Browser:
    """Runs the page sending back, for the "Action" box, the label a browser holds.

    AppTest re-labels a select box's value on every run, so it never sends a stale label. A
    browser keeps the label it was given: the box's default when the box is new, the value
    when the server sets it, the option the user picks; it sends that label until then.
    """

    def __init__(self, at):
        self.at, self.held = at, {}
        self._saw()

    def _saw(self) -> None:
        box = chooser(self.at)
        if box.proto.set_value:
            self.held = {box.id: box.proto.raw_value}
        elif box.id not in self.held:
            self.held = {box.id: box.options[box.proto.default]}

    def choose(self, action_id: str) -> None:
        box = chooser(self.at)
        box.set_value(action_id)
        self.held = {box.id: box.options[box.index]}
        self.run()

    def run(self) -> None:
        states = self.at._tree.get_widget_states()
        for state in states.widgets:
            if state.id in self.held:
                state.string_value = self.held[state.id]
        self.at._run(states)
        assert not self.at.exception, [e.message for e in self.at.exception]
        self._saw()


def test_two_saves_in_a_row_keep_the_same_action_and_store_both(app, seeded):
    # A newcomer's sequence: rename an action, save; change its owner, save. The second save
    # used to be dropped without a word and the form jumped to another action (the browser
    # sent back the old title's label, which matched no option any more).
    browser = Browser(open_page(app))
    at = browser.at
    browser.choose(seeded["linked"])
    edit_form(at, "What will change?", "text_area").input("Agree the scope before UAT")
    button(at, "Save changes").click()
    browser.run()
    assert "Changes saved." in texts(at.success) and not refusals(at)
    assert chooser(at).value == seeded["linked"]
    assert edit_form(at, "What will change?", "text_area").value == "Agree the scope before UAT"
    edit_form(at, "Owner").input("Project manager")
    button(at, "Save changes").click()
    browser.run()
    assert not refusals(at)
    assert "Changes saved." in texts(at.success)
    row = stored(seeded["linked"])
    assert (row["title"], row["owner"]) == ("Agree the scope before UAT", "Project manager")
    assert stored(seeded["other"])["owner"] == "Account manager"  # the other one untouched
    assert chooser(at).value == seeded["linked"]
    assert edit_form(at, "Owner").value == "Project manager"
    # Delete now targets the action on screen, not another one.
    button(at, "Delete this action…").click()
    browser.run()
    assert any("Agree the scope before UAT" in w for w in texts(at.warning))
    button(at, "Yes, delete it").click()
    browser.run()
    assert app_store().actions(Scope())["action_id"].tolist() == [seeded["other"]]


def status_history(at):
    return next(
        d.value for d in at.dataframe if list(d.value.columns) == ["Day", "Status", "Reason"]
    )


def test_a_not_doing_reason_goes_when_the_action_is_done(app, seeded):
    at = open_page(app, seeded["other"])
    reason = at.text_input(key=f"reason_{seeded['other']}")
    assert reason.disabled  # "Open": no reason to give
    at.radio(key=f"status_{seeded['other']}").set_value("not_doing").run()
    at.text_input(key=f"reason_{seeded['other']}").input("Client stopped reading them").run()
    button(at, "Save status").click().run()
    assert "Status saved: Not doing." in texts(at.success)
    assert stored(seeded["other"])["status_reason"] == "Client stopped reading them"

    at.radio(key=f"status_{seeded['other']}").set_value("done").run()
    assert at.text_input(key=f"reason_{seeded['other']}").disabled
    button(at, "Save status").click().run()
    assert "Status saved: Done." in texts(at.success)
    assert (stored(seeded["other"])["status"], stored(seeded["other"])["status_reason"]) == (
        "done",
        "",
    )
    rows = at.dataframe[0].value.set_index("Action")
    assert rows.loc["Weekly note to the client", "Reason"] == ""
    # Every change of today is in the history (the action was added today too), newest
    # first, each with its own reason or none.
    assert status_history(at).values.tolist() == [
        [today(), "Done", ""],
        [today(), "Not doing", "Client stopped reading them"],
        [today(), "Open", ""],
    ]
    # Saving the same status again stores nothing new, and says so.
    button(at, "Save status").click().run()
    assert any("already" in s for s in texts(at.success))
    assert len(status_history(at)) == 3


def test_a_new_action_due_in_the_past_is_refused_and_keeps_what_was_typed(app, seeded):
    at = open_page(app)
    new = [w for w in at.text_input if w.form_id.startswith("new_action")]
    next(w for w in new if w.label.startswith("What")).input("Rotate who runs the release")
    next(w for w in new if w.label.startswith("Owner")).input("Release manager")
    (due,) = [d for d in at.date_input if d.form_id.startswith("new_action")]
    due.set_value(today() - timedelta(days=1))
    button(at, "Add action item").click().run()
    assert any("in the past" in e and "Nothing was changed" in e for e in refusals(at))
    assert len(app_store().actions(Scope())) == 2
    new = [w for w in at.text_input if w.form_id.startswith("new_action")]
    assert "Rotate who runs the release" in [w.value for w in new]
    # Today is fine.
    (due,) = [d for d in at.date_input if d.form_id.startswith("new_action")]
    due.set_value(today())
    button(at, "Add action item").click().run()
    assert not refusals(at) and "Added." in texts(at.success)
    added = app_store().actions(Scope()).set_index("title").loc["Rotate who runs the release"]
    assert added["due_on"].date() == today()


def test_an_overdue_action_keeps_its_due_date_but_gets_no_new_past_one(app, seeded):
    # "other" was due three days ago: its owner can still be changed...
    at = open_page(app, seeded["other"])
    edit_form(at, "Owner").input("Project manager")
    button(at, "Save changes").click().run()
    assert not refusals(at) and "Changes saved." in texts(at.success)
    assert stored(seeded["other"])["owner"] == "Project manager"
    # ...but moving it to another past day is refused, and nothing is stored.
    edit_form(at, "Owner").input("Someone else")
    edit_form(at, "Due", "date_input").set_value(today() - timedelta(days=1))
    button(at, "Save changes").click().run()
    assert any("in the past" in e for e in refusals(at))
    row = stored(seeded["other"])
    assert row["owner"] == "Project manager"
    assert row["due_on"].date() == today() - timedelta(days=3)


def test_an_action_deleted_elsewhere_is_said_not_swapped_silently(app, seeded):
    at = open_page(app, seeded["other"])
    app_store().delete_action(seeded["other"])  # by someone else, meanwhile
    at.run()
    assert not at.exception
    assert any("no longer listed" in i for i in texts(at.info))
    assert chooser(at).value == seeded["linked"]
    # Deleting it here says nothing of the kind.
    button(at, "Delete this action…").click().run()
    button(at, "Yes, delete it").click().run()
    assert not any("no longer listed" in i for i in texts(at.info))
