"""The Recurring retros page under AppTest: set a retro to recur, see it listed, run it now,
pause and resume it, delete it after a confirmation, and bad input refused with a message."""

import time
from datetime import date

from afterward.services import recurring
from clock import today
from tests.conftest import app_store
from tests.pages.helpers import button, shown, texts

PAGE = "app_pages/manager/schedules.py"


def open_page(app):
    app.session_state["manager_login"] = True
    app.run()
    app.switch_page(PAGE).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def fill_new(at, project="Harbour Website", emails="ana@team.example\nbo@team.example"):
    at.text_input(key="new_project").set_value(project)
    at.selectbox(key="new_tpl").set_value("sprint-retro")
    at.number_input(key="new_every").set_value(2)
    at.number_input(key="new_open_days").set_value(3)
    at.text_area(key="new_emails").set_value(emails)
    return at


def run_now(at):
    """Click Run now: it runs in the background; wait for it, then rerun the page."""
    button(at, "Run now").click().run()
    assert not at.exception, [e.message for e in at.exception]
    run = recurring.background_run(app_store())
    deadline = time.monotonic() + 30
    while not run.done and time.monotonic() < deadline:
        time.sleep(0.05)
    assert run.done
    at.run()
    return at


def test_set_a_retro_to_recur_and_run_it_now(app):
    at = open_page(app)
    assert any("No recurring retros yet" in t for t in texts(at.info))
    assert any("E-mail is not set up" in t for t in texts(at.info))
    fill_new(at)
    button(at, "Save recurring retro").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, shown(at.error)
    saved = " ".join(shown(at.success))
    assert "Saved: Harbour Website, every 2 weeks, open 3 days" in saved
    assert f"next due {today().isoformat()}; 2 recipient(s)" in saved
    table = at.dataframe[0].value
    assert table["project"].tolist() == ["Harbour Website"]
    assert table["questionnaire"].tolist() == ["Sprint retrospective"]
    assert table["when"].tolist() == ["every 2 weeks, open 3 days"]
    assert table["recipients"].tolist() == [2] and table["state"].tolist() == ["active"]
    # No column shows an address: the page lists counts only.
    assert "ana@team.example" not in table.to_csv()

    run_now(at)
    displayed = " ".join(shown(at.success))
    assert "Opened " in displayed and "Invitations could not be sent" in displayed
    store = app_store()
    assert len(store.surveys_overview()) == 1
    assert at.dataframe[0].value["last run"].tolist() == [today().isoformat()]
    run_now(at)
    assert f"Nothing was due on {today().isoformat()}." in shown(at.success)
    assert len(store.surveys_overview()) == 1


def test_pause_resume_and_delete_after_confirmation(app):
    at = open_page(app)
    fill_new(at, emails="")
    at.radio(key="new_rule").set_value("quarter_end").run()
    button(at, "Save recurring retro").click().run()
    assert at.dataframe[0].value["when"].tolist() == ["each quarter's last 3 days"]
    button(at, "Pause").click().run()
    assert "Paused." in shown(at.success)
    assert at.dataframe[0].value["state"].tolist() == ["paused"]
    assert at.dataframe[0].value["next due"].isna().all()
    button(at, "Resume").click().run()
    assert at.dataframe[0].value["state"].tolist() == ["active"]
    button(at, "Delete…").click().run()
    assert any("Delete this schedule?" in t for t in texts(at.warning))
    assert len(app_store().schedules()) == 1  # nothing deleted before the confirmation
    button(at, "Yes, delete it").click().run()
    assert "Deleted; the surveys it opened stay." in shown(at.success)
    assert app_store().schedules() == []
    assert any("No recurring retros yet" in t for t in texts(at.info))


def test_bad_input_is_refused_with_a_message_and_nothing_is_stored(app):
    at = open_page(app)
    fill_new(at, emails="ana@team.example\nnot an address")
    button(at, "Save recurring retro").click().run()
    assert not at.exception
    assert at.error and "Not e-mail addresses: 'not an address'" in shown(at.error)[0]
    # What was typed stays, and nothing was stored.
    assert at.text_input(key="new_project").value == "Harbour Website"
    assert app_store().schedules() == []
    at.text_area(key="new_emails").set_value("")
    at.number_input(key="new_open_days").set_value(20)
    button(at, "Save recurring retro").click().run()
    assert "at most 14 days" in shown(at.error)[0]
    at.radio(key="new_rule").set_value("dates").run()
    at.text_input(key="new_dates").set_value("2027-02-30")
    at.number_input(key="new_open_days").set_value(2)
    button(at, "Save recurring retro").click().run()
    assert "'2027-02-30' is not a date" in shown(at.error)[0]
    assert app_store().schedules() == []


def test_a_schedule_on_given_dates_lists_its_next_day(app):
    at = open_page(app)
    fill_new(at, emails="")
    at.radio(key="new_rule").set_value("dates").run()
    later = date(today().year + 1, 1, 15)
    at.text_input(key="new_dates").set_value(f"{later.isoformat()}")
    button(at, "Save recurring retro").click().run()
    assert not at.error, shown(at.error)
    row = recurring.schedule_list(app_store(), today())[0]
    assert row["next_due_on"] == later.isoformat()
    assert at.dataframe[0].value["next due"].tolist() == [later.isoformat()]


def test_edit_a_schedule_and_bad_changes_are_refused(app):
    at = open_page(app)
    fill_new(at)
    at.number_input(key="new_remind").set_value(1)
    button(at, "Save recurring retro").click().run()
    assert "reminder 1 day(s) before the close" in " ".join(shown(at.success))
    [schedule] = app_store().schedules()
    prefix = f"edit_{schedule.schedule_id}"
    # The form starts from what the schedule has now.
    assert at.number_input(key=f"{prefix}_open_days").value == 3
    assert at.text_area(key=f"{prefix}_emails").value == "ana@team.example\nbo@team.example"
    at.number_input(key=f"{prefix}_every").set_value(1)
    at.number_input(key=f"{prefix}_open_days").set_value(5)
    at.number_input(key=f"{prefix}_threshold").set_value(6)
    at.number_input(key=f"{prefix}_remind").set_value(2)
    at.text_area(key=f"{prefix}_emails").set_value("cy@team.example")
    at.text_area(key=f"{prefix}_message").set_value("Weekly now: {link}")
    button(at, "Save changes").click().run()
    assert not at.exception and not at.error, shown(at.error)
    displayed = " ".join(shown(at.success))
    assert "Changed: Harbour Website, every week, open 5 days; reminder 2 day(s)" in displayed
    assert "1 recipient(s)" in displayed
    edited = app_store().schedule(schedule.schedule_id)
    assert (edited.every_weeks, edited.open_days, edited.threshold) == (1, 5, 6)
    assert (edited.remind_before_days, edited.message) == (2, "Weekly now: {link}")
    assert app_store().schedule_recipients(schedule.schedule_id) == ["cy@team.example"]
    table = at.dataframe[0].value
    assert table["when"].tolist() == ["every week, open 5 days"]
    assert table["reminder (days before close)"].tolist() == [2]

    # A reminder that does not fit, or a bad address: a message, and nothing changes.
    at.number_input(key=f"{prefix}_remind").set_value(4)
    button(at, "Save changes").click().run()
    assert at.error and "open at least 6 days" in shown(at.error)[0]
    at.number_input(key=f"{prefix}_remind").set_value(2)
    at.text_area(key=f"{prefix}_emails").set_value("not an address")
    button(at, "Save changes").click().run()
    assert "Not e-mail addresses" in shown(at.error)[0] and not at.exception
    assert app_store().schedule(schedule.schedule_id) == edited
    assert app_store().schedule_recipients(schedule.schedule_id) == ["cy@team.example"]
    # Switch the rule to given dates.
    at.text_area(key=f"{prefix}_emails").set_value("cy@team.example")
    at.radio(key=f"{prefix}_rule").set_value("dates").run()
    later = date(today().year + 1, 2, 1)
    at.text_input(key=f"{prefix}_dates").set_value(later.isoformat())
    button(at, "Save changes").click().run()
    assert not at.error, shown(at.error)
    assert app_store().schedule(schedule.schedule_id).dates == (later,)
    assert at.dataframe[0].value["next due"].tolist() == [later.isoformat()]


def test_names_and_errors_are_shown_as_typed_not_as_markdown(app):
    """A project name with Markdown or a link in it is echoed literally in the saved line
    and in an error, never rendered."""
    at = open_page(app)
    name = "Ops *bold* [site](https://evil.example)"
    fill_new(at, project=name)
    button(at, "Save recurring retro").click().run()
    assert not at.exception and not at.error, shown(at.error)
    assert f"Saved: {name}, every 2 weeks" in shown(at.success)[0]
    assert "\\*bold\\*" in texts(at.success)[0] and "\\[site\\]" in texts(at.success)[0]
    fill_new(at, project="Ops _x_", emails="not an _address_")
    button(at, "Save recurring retro").click().run()
    assert "\\_address\\_" in texts(at.error)[0]
    assert "Not e-mail addresses: 'not an _address_'" in shown(at.error)[0]
