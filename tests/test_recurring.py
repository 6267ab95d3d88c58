"""Recurring retros: the date rules, run_due driven day by day by an injected clock, restarts,
e-mail invitations through a real SMTP server on 127.0.0.1, the APScheduler wiring, and the
`afterward schedule` commands without the app."""

from __future__ import annotations

import json
import os
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from afterward import cli
from afterward.services import recurring
from afterward.services.scheduler import (
    RetroScheduler,
    scheduler_of,
    start_scheduler,
    stop_scheduler,
)
from clock import today
from surveys import links
from surveys.cadence import (
    can_catch_up,
    check_rule,
    closes_on,
    describe,
    due_days,
    next_due,
    parse_dates,
)
from surveys.store import Store
from tests.test_mailing import mail_env, smtp_server  # noqa: F401 - fixtures

D = date
# An exception in the scheduler's thread fails the test (it would otherwise only warn).
pytestmark = pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")


def days(start: date, count: int):
    return [start + timedelta(days=i) for i in range(count)]


@pytest.fixture(autouse=True)
def no_mail(monkeypatch):
    monkeypatch.delenv("AFTERWARD_SMTP_URL", raising=False)
    monkeypatch.delenv("AFTERWARD_MAIL_FROM", raising=False)


# -- date rules -----------------------------------------------------------------------------


def test_every_n_weeks_from_the_first_day_and_after_a_day():
    assert due_days("every_n_weeks", D(2026, 12, 4), 2, [], None, D(2027, 1, 20)) == [
        D(2026, 12, 4),
        D(2026, 12, 18),
        D(2027, 1, 1),
        D(2027, 1, 15),
    ]
    # (after, until]: a due day equal to `after` is not due again; `until` itself is.
    assert due_days("every_n_weeks", D(2026, 12, 4), 2, [], D(2026, 12, 18), D(2027, 1, 15)) == [
        D(2027, 1, 1),
        D(2027, 1, 15),
    ]
    assert due_days("every_n_weeks", D(2026, 12, 4), 1, [], None, D(2026, 12, 3)) == []
    assert due_days("every_n_weeks", D(2026, 12, 4), 3, [], D(2026, 12, 5), D(2026, 12, 24)) == []
    assert next_due("every_n_weeks", D(2026, 12, 4), 3, [], D(2026, 12, 5)) == D(2026, 12, 25)


def test_quarter_end_opens_open_days_before_the_last_day_across_a_year_boundary():
    got = due_days("quarter_end", D(2026, 11, 1), None, [], None, D(2027, 7, 1), 5)
    assert got == [D(2026, 12, 27), D(2027, 3, 27), D(2027, 6, 26)]
    assert [closes_on(d, 5) for d in got] == [D(2026, 12, 31), D(2027, 3, 31), D(2027, 6, 30)]
    # One day open: it opens on the last day itself; a leap year's February changes nothing.
    assert due_days("quarter_end", D(2027, 12, 1), None, [], None, D(2028, 4, 1), 1) == [
        D(2027, 12, 31),
        D(2028, 3, 31),
    ]
    # first_on after the quarter's opening day: that quarter is skipped.
    assert due_days("quarter_end", D(2026, 12, 28), None, [], None, D(2027, 4, 1), 5) == [
        D(2027, 3, 27)
    ]


def test_given_dates_and_parsing():
    dates = parse_dates("2027-01-15, 2026-12-04\n2027-01-15;2027-03-01")
    assert dates == [D(2026, 12, 4), D(2027, 1, 15), D(2027, 3, 1)]
    assert due_days("dates", D(2026, 12, 1), None, dates, D(2026, 12, 4), D(2027, 2, 1)) == [
        D(2027, 1, 15)
    ]
    assert next_due("dates", D(2026, 12, 1), None, dates, D(2027, 3, 1)) is None
    with pytest.raises(ValueError, match="'2027-13-01' is not a date"):
        parse_dates("2027-01-01, 2027-13-01")


def test_catch_up_window_is_while_the_survey_would_still_be_open():
    assert can_catch_up(D(2027, 1, 4), D(2027, 1, 4), 3)
    assert can_catch_up(D(2027, 1, 4), D(2027, 1, 6), 3)  # its last open day
    assert not can_catch_up(D(2027, 1, 4), D(2027, 1, 7), 3)  # would already be closed
    assert not can_catch_up(D(2027, 1, 4), D(2027, 1, 5), 1)


def test_rules_that_cannot_work_are_refused_and_described_in_words():
    with pytest.raises(ValueError, match="at most 14 days"):
        check_rule("every_n_weeks", 2, [], 15)
    with pytest.raises(ValueError, match="N from 1 to 52"):
        check_rule("every_n_weeks", 0, [], 1)
    with pytest.raises(ValueError, match="at least one date"):
        check_rule("dates", None, [], 3)
    with pytest.raises(ValueError, match="1 to 60 days"):
        check_rule("quarter_end", None, [], 0)
    with pytest.raises(ValueError, match="rule must be one of"):
        check_rule("monthly", None, [], 3)
    assert describe("every_n_weeks", 2, [], 5) == "every 2 weeks, open 5 days"
    assert describe("every_n_weeks", 1, [], 1) == "every week, open 1 day"
    assert describe("quarter_end", None, [], 5) == "each quarter's last 5 days"
    assert describe("dates", None, [D(2027, 1, 15)], 3) == "on 2027-01-15, open 3 days"


# -- run_due with an injected clock ---------------------------------------------------------


START = D(2027, 1, 1)


def add(store, on=START, **options):
    values = dict(project="Harbour Website", template_id="sprint-retro", open_days=3, first_on=on)
    values.update(options)
    return recurring.add_schedule(store, on=on, **values)


def add_from_today(store, recipients, **options):
    """A schedule set up and first due today; returns today. Invitations go out only while
    the survey is open by the real clock, so these tests cannot use a fixed day."""
    start = today()
    add(store, rule="every_n_weeks", on=start, first_on=start, recipients=recipients, **options)
    return start


def surveys(store):
    table = store.surveys_overview()
    return {
        row.title: (row.opens_on.date(), row.closes_on.date(), row.status, row.quarter)
        for row in table.itertuples()
    }


def test_a_hundred_days_open_the_right_surveys_on_the_right_days_and_close_them(store):
    fortnightly = add(
        store,
        rule="every_n_weeks",
        every_weeks=2,
        first_on=D(2027, 1, 4),
        recipients=["a@b.example"],
    )
    add(store, project="Mobile App", rule="quarter_end", open_days=5)
    add(store, project="Billing", rule="dates", dates=[D(2027, 2, 10), D(2027, 4, 2)])
    opened_on, closed_on = {}, {}
    for day in days(D(2027, 1, 1), 102):  # to 12 April
        report = recurring.run_due(store, day)
        assert report.errors == [] and report.skipped == []
        for row in report.opened:
            opened_on[row["survey_id"]] = day
            assert row["due_on"] == day and not row["late"]
        for survey_id in report.closed:
            closed_on[survey_id] = day
    shown = surveys(store)
    retro = "Sprint retrospective"
    assert shown == {
        f"{retro}: Harbour Website (2027-01-04)": (
            D(2027, 1, 4),
            D(2027, 1, 6),
            "closed",
            "2027Q1",
        ),
        f"{retro}: Harbour Website (2027-01-18)": (
            D(2027, 1, 18),
            D(2027, 1, 20),
            "closed",
            "2027Q1",
        ),
        f"{retro}: Harbour Website (2027-02-01)": (
            D(2027, 2, 1),
            D(2027, 2, 3),
            "closed",
            "2027Q1",
        ),
        f"{retro}: Harbour Website (2027-02-15)": (
            D(2027, 2, 15),
            D(2027, 2, 17),
            "closed",
            "2027Q1",
        ),
        f"{retro}: Harbour Website (2027-03-01)": (
            D(2027, 3, 1),
            D(2027, 3, 3),
            "closed",
            "2027Q1",
        ),
        f"{retro}: Harbour Website (2027-03-15)": (
            D(2027, 3, 15),
            D(2027, 3, 17),
            "closed",
            "2027Q1",
        ),
        f"{retro}: Harbour Website (2027-03-29)": (
            D(2027, 3, 29),
            D(2027, 3, 31),
            "closed",
            "2027Q1",
        ),
        f"{retro}: Harbour Website (2027-04-12)": (
            D(2027, 4, 12),
            D(2027, 4, 14),
            "open",
            "2027Q2",
        ),
        f"{retro}: Mobile App (2027-03-27)": (D(2027, 3, 27), D(2027, 3, 31), "closed", "2027Q1"),
        f"{retro}: Billing (2027-02-10)": (D(2027, 2, 10), D(2027, 2, 12), "closed", "2027Q1"),
        f"{retro}: Billing (2027-04-02)": (D(2027, 4, 2), D(2027, 4, 4), "closed", "2027Q2"),
    }
    # Each survey was closed the day after its last open day, by the run of that day.
    by_id = {row.survey_id: row for row in store.surveys_overview().itertuples()}
    for survey_id, day in closed_on.items():
        assert day == by_id[survey_id].closes_on.date() + timedelta(days=1)
    assert len(closed_on) == 10 and len(opened_on) == 11
    listed = {row["id"]: row for row in recurring.schedule_list(store, D(2027, 4, 13))}
    assert listed[fortnightly]["next_due_on"] == "2027-04-26"
    assert listed[fortnightly]["last_run_on"] == "2027-04-12"
    assert "Invitations could not be sent: e-mail is not set up" in listed[fortnightly]["note"]


def test_running_twice_on_a_day_does_nothing_the_second_time(store):
    add(store, rule="every_n_weeks", every_weeks=1, first_on=D(2027, 1, 4))
    first = recurring.run_due(store, D(2027, 1, 4))
    assert len(first.opened) == 1
    again = recurring.run_due(store, D(2027, 1, 4))
    assert (
        again.opened == []
        and again.closed == []
        and again.lines() == ["Nothing was due on 2027-01-04."]
    )
    # Even with the day marked as not handled, the recorded run keeps the day from opening twice.
    schedule = store.schedules()[0]
    with store._transaction() as cur:
        cur.execute("UPDATE retro_schedules SET last_run_on = NULL")
    assert recurring.run_due(store, D(2027, 1, 4)).opened == []
    assert len(store.surveys_overview()) == 1
    assert not store.record_schedule_run(
        schedule.schedule_id, D(2027, 1, 4), first.opened[0]["survey_id"]
    )


def test_a_racing_run_that_loses_the_due_day_leaves_no_extra_survey(store, monkeypatch):
    schedule_id = add(store, rule="every_n_weeks", every_weeks=1, first_on=D(2027, 1, 4))
    real = store.record_schedule_run

    def other_run_won(sid, due, survey_id):
        other = recurring.setup.create_survey(
            store, project="Harbour Website", template_id="sprint-retro", opens_on=due
        )
        assert real(sid, due, other)
        return real(sid, due, survey_id)

    monkeypatch.setattr(store, "record_schedule_run", other_run_won)
    report = recurring.run_due(store, D(2027, 1, 4))
    assert report.opened == []
    assert len(store.surveys_overview()) == 1  # only the winner's survey
    assert store.schedule_run_days(schedule_id) == {D(2027, 1, 4)}


def test_restart_catches_up_a_recent_missed_day_and_skips_an_old_one(db_path):
    with Store(db_path) as store:
        add(store, rule="every_n_weeks", every_weeks=1, first_on=D(2027, 1, 4), open_days=3)
        assert len(recurring.run_due(store, D(2027, 1, 4)).opened) == 1
    # The app is stopped on 5 January and started again on 12 January (a new Store, same file):
    # the 11th is opened late with its own close day.
    with Store(db_path) as store:
        report = recurring.run_due(store, D(2027, 1, 12))
        assert [(r["due_on"], r["closes_on"], r["late"]) for r in report.opened] == [
            (D(2027, 1, 11), D(2027, 1, 13), True)
        ]
        assert len(report.closed) == 1  # the 4 January survey, closed late too
        assert report.skipped == []
    # Stopped again until 3 February: 18 and 25 January would already be closed, so they are
    # skipped and reported; 1 February is still open until the 3rd and opens late.
    with Store(db_path) as store:
        report = recurring.run_due(store, D(2027, 2, 3))
        assert [r["due_on"] for r in report.skipped] == [D(2027, 1, 18), D(2027, 1, 25)]
        assert [r["due_on"] for r in report.opened] == [D(2027, 2, 1)]
        assert "Skipped Harbour Website due 2027-01-18" in " ".join(report.lines())
        assert recurring.run_due(store, D(2027, 2, 3)).opened == []
        titles = sorted(surveys(store))
        assert [t[-11:-1] for t in titles] == ["2027-01-04", "2027-01-11", "2027-02-01"]


def test_pause_resume_and_delete(store):
    schedule_id = add(store, rule="every_n_weeks", every_weeks=1, first_on=D(2027, 1, 4))
    survey_id = recurring.run_due(store, D(2027, 1, 4)).opened[0]["survey_id"]
    recurring.pause(store, schedule_id)
    assert recurring.schedule_list(store, D(2027, 1, 5))[0]["next_due_on"] is None
    for day in days(D(2027, 1, 5), 10):
        assert recurring.run_due(store, day).opened == []
    assert store.survey(survey_id).status == "closed"  # a paused schedule's survey still closes
    # Resumed on the 13th: the 11th (missed while paused) is not opened late.
    recurring.resume(store, schedule_id, D(2027, 1, 13))
    assert recurring.run_due(store, D(2027, 1, 13)).opened == []
    assert recurring.schedule_list(store, D(2027, 1, 13))[0]["next_due_on"] == "2027-01-18"
    opened = recurring.run_due(store, D(2027, 1, 18)).opened[0]["survey_id"]
    # Deleting keeps its surveys; the open one still closes on its day.
    recurring.remove(store, schedule_id)
    assert store.schedules() == []
    assert recurring.run_due(store, D(2027, 1, 21)).closed == [opened]
    assert store.survey(opened).status == "closed" and store.survey(survey_id) is not None
    with pytest.raises(ValueError, match="No schedule with id"):
        recurring.remove(store, schedule_id)
    with pytest.raises(ValueError, match="No schedule with id"):
        recurring.pause(store, "not-an-id")


def test_a_broken_schedule_is_reported_and_the_others_still_run(store):
    good = add(store, rule="every_n_weeks", every_weeks=1, first_on=D(2027, 1, 4))
    project = store.project_by_name("Harbour Website")
    broken = store.create_schedule(
        project_id=project.project_id,
        template_id="removed-questionnaire",
        rule="every_n_weeks",
        every_weeks=1,
        dates=[],
        first_on=D(2027, 1, 4),
        open_days=2,
        threshold=3,
        last_run_on=D(2027, 1, 3),
    )
    report = recurring.run_due(store, D(2027, 1, 4))
    assert len(report.opened) == 1 and report.opened[0]["schedule_id"] == good
    assert report.errors and "Unknown template 'removed-questionnaire'" in report.errors[0]
    assert store.schedule(broken).last_run_on == D(2027, 1, 3)  # tried again next time
    notes = {r["id"]: r["note"] for r in recurring.schedule_list(store, D(2027, 1, 4))}
    assert notes[broken].startswith("2027-01-04: could not run (Unknown template")
    assert store.schedule(good).last_run_on == D(2027, 1, 4)


def test_setting_up_refuses_bad_input_and_stores_nothing(store):
    bad = [
        (dict(rule="every_n_weeks", every_weeks=1, open_days=8), "at most 7 days"),
        (dict(rule="every_n_weeks", every_weeks=1, template_id="nope"), "Unknown template"),
        (dict(rule="quarter_end", threshold=2), "at least 3"),
        (dict(rule="dates", dates=[]), "at least one date"),
        (dict(rule="quarter_end", project="  "), "needs a project name"),
    ]
    for options, message in bad:
        with pytest.raises(ValueError, match=message):
            add(store, **options)
    with pytest.raises(ValueError, match="Not e-mail addresses: 'bob at example'"):
        recurring.parse_recipients("ana@team.example\nbob at example")
    assert store.schedules() == [] and store.projects().empty
    assert recurring.parse_recipients(
        "Ana <Ana@Team.example>; bo@team.example, ana@team.example"
    ) == [
        "ana@team.example",
        "bo@team.example",
    ]


def test_a_schedule_set_up_today_never_opens_past_days(store):
    add(store, on=D(2027, 1, 10), rule="every_n_weeks", every_weeks=1, first_on=D(2027, 1, 4))
    report = recurring.run_due(store, D(2027, 1, 10))
    assert report.opened == [] and report.skipped == []
    assert recurring.run_due(store, D(2027, 1, 11)).opened[0]["due_on"] == D(2027, 1, 11)


def test_remove_sample_removes_sample_schedules_only(store):
    store.create_project("Sample shop", is_sample=True)
    add(store, project="Sample shop", rule="quarter_end")
    real = add(store, rule="quarter_end")
    assert len(store.schedules()) == 2
    store.remove_sample()
    assert [s.schedule_id for s in store.schedules()] == [real]


# -- invitations through a real SMTP server -------------------------------------------------


def test_recipients_are_invited_when_mail_is_set_up(store, mail_env):  # noqa: F811
    people = ["ana@team.example", "bo@team.example", "cy@team.example"]
    start = add_from_today(store, people, every_weeks=2, message="Our fortnightly retro: {link}")
    report = recurring.run_due(store, start, base="https://retro.example")
    [opened] = report.opened
    assert opened["invited"] == 3 and opened["note"] == "Invited 3 of 3 recipient(s)."
    assert sorted(m["To"] for m in mail_env.messages) == people
    token = mail_env.tokens("ana@team.example")[0]
    # The link belongs to the new survey (it takes answers from its opening day on).
    assert store.link_target(links.token_hash(token))[0] == opened["survey_id"]
    assert "Our fortnightly retro: https://retro.example/?t=" in str(
        mail_env.to("bo@team.example")[0]
    )
    assert store.invited_address_count(opened["survey_id"]) == 3
    # Closing on time deletes the addresses kept for reminders.
    recurring.run_due(store, start + timedelta(days=3))
    assert store.invited_address_count(opened["survey_id"]) == 0


def test_an_unreachable_mail_server_still_opens_the_survey(store, monkeypatch):
    monkeypatch.setenv("AFTERWARD_SMTP_URL", "smtp://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv("AFTERWARD_MAIL_FROM", "retro@team.example")
    add(
        store,
        rule="every_n_weeks",
        every_weeks=1,
        first_on=D(2027, 1, 4),
        recipients=["a@b.example"],
    )
    report = recurring.run_due(store, D(2027, 1, 4))
    [opened] = report.opened
    assert opened["invited"] == 0 and opened["note"].startswith("Invitations could not be sent")
    assert store.survey(opened["survey_id"]).status == "open" and report.errors == []
    assert "could not be sent" in recurring.schedule_list(store, D(2027, 1, 4))[0]["note"]


# -- the scheduler --------------------------------------------------------------------------


def wait_for(condition, seconds=10.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def test_the_scheduler_runs_at_start_and_on_its_interval_then_stops(store):
    add(store, rule="every_n_weeks", every_weeks=1, first_on=D(2027, 1, 4))
    clock = {"day": D(2027, 1, 4)}
    worker = RetroScheduler(store, interval_s=0.2, today=lambda: clock["day"]).start()
    try:
        assert wait_for(lambda: worker.runs >= 1)
        assert len(worker.last_report.opened) == 1
        clock["day"] = D(2027, 1, 11)
        assert wait_for(lambda: len(store.surveys_overview()) == 2)
        assert worker.last_error == ""
    finally:
        worker.stop()
    assert not worker.running
    runs = worker.runs
    time.sleep(0.4)
    assert worker.runs == runs  # stopped means stopped


def test_a_failing_run_is_kept_and_the_scheduler_goes_on(store):
    calls = []

    def today():
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("clock broke")
        return D(2027, 1, 4)

    worker = RetroScheduler(store, interval_s=0.1, today=today).start()
    try:
        assert wait_for(lambda: worker.runs >= 1)
        assert worker.last_error == "" and len(calls) >= 2
    finally:
        worker.stop()
    worker = RetroScheduler(store, interval_s=60, today=lambda: 1 / 0).start()
    try:
        assert wait_for(lambda: worker.last_error == "division by zero")
        assert worker.running
    finally:
        worker.stop()


def test_one_scheduler_per_store_and_none_unless_started(store):
    assert scheduler_of(store) is None  # nothing starts one under pytest or the CLI
    first = start_scheduler(store, interval_s=60)
    try:
        assert start_scheduler(store) is first and scheduler_of(store) is first
    finally:
        stop_scheduler(store)
    assert scheduler_of(store) is None and not first.running
    stop_scheduler(store)  # twice is fine


# -- the command line without the app -------------------------------------------------------


def run_cli(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_add_list_pause_resume_run_and_remove(db_path, capsys, tmp_path):
    emails = tmp_path / "team.txt"
    emails.write_text("ana@team.example\nBo <bo@team.example>\n", encoding="utf-8")
    code, out, err = run_cli(
        capsys,
        *("schedule", "add", "--project", "Harbour Website", "--template", "sprint-retro"),
        *("--every-weeks", "2", "--open-days", "3", "--emails", str(emails)),
    )
    assert code == 0, err
    schedule_id = out.strip().splitlines()[-1]
    assert "every 2 weeks, open 3 days; 2 recipient(s); next due " in out
    code, out, _ = run_cli(capsys, "schedule", "list", "--json")
    [row] = json.loads(out)
    assert (row["id"], row["recipients"], row["active"], row["template"]) == (
        schedule_id,
        2,
        True,
        "sprint-retro",
    )
    assert set(row) == set(recurring.SCHEDULE_KEYS)
    code, out, _ = run_cli(capsys, "schedule", "pause", schedule_id)
    assert code == 0 and out.startswith(f"Paused {schedule_id}")
    code, out, _ = run_cli(capsys, "schedule", "list")
    assert "paused" in out and "Harbour Website" in out
    code, out, _ = run_cli(capsys, "schedule", "resume", schedule_id)
    assert code == 0 and "next due" in out
    # Due today (first_on defaults to today): run opens it, and a second run does nothing.
    code, out, _ = run_cli(capsys, "schedule", "run")
    assert code == 0 and out.startswith("Opened ") and "e-mail is not set up" in out
    code, out, _ = run_cli(capsys, "schedule", "run")
    assert "Nothing was due on" in out
    code, out, _ = run_cli(capsys, "schedule", "remove", schedule_id)
    assert code == 0 and "surveys it opened stay" in out
    code, out, _ = run_cli(capsys, "survey", "list", "--json")
    assert len(json.loads(out)) == 1


def test_cli_quarter_end_and_dates(db_path, capsys):
    year = today().year + 2  # days before today are never due, so the dates lie ahead
    code, out, err = run_cli(
        capsys,
        *("schedule", "add", "--project", "Mobile", "--template", "sprint-retro", "--quarter-end"),
        *("--open-days", "5", "--first-on", f"{year}-01-01", "--threshold", "5"),
    )
    assert code == 0, err
    assert f"each quarter's last 5 days; 0 recipient(s); next due {year}-03-27." in out
    code, out, err = run_cli(
        capsys,
        *("schedule", "add", "--project", "Billing", "--template", "sprint-retro"),
        *("--dates", f"{year}-01-15,{year - 1}-12-04", "--open-days", "2"),
    )
    assert code == 0, err
    assert f"on {year - 1}-12-04, {year}-01-15, open 2 days" in out
    assert f"next due {year - 1}-12-04" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--every-weeks", "2", "--open-days", "30"], "at most 14 days"),
        (["--dates", "2027-02-30", "--open-days", "2"], "'2027-02-30' is not a date"),
        (["--quarter-end", "--open-days", "2", "--first-on", "soon"], "'soon' is not a date"),
        (["--quarter-end", "--open-days", "2", "--threshold", "1"], "at least 3"),
        (["--quarter-end", "--open-days", "2", "--emails", "/no/such/file"], "Cannot read"),
    ],
)
def test_cli_bad_input_is_one_line_and_exit_2(db_path, capsys, argv, message):
    code, out, err = run_cli(
        capsys, "schedule", "add", "--project", "P", "--template", "sprint-retro", *argv
    )
    assert code == 2 and message in err and "Traceback" not in err
    assert err.count("\n") == 1
    code, out, err = run_cli(capsys, "schedule", "list", "--json")
    if Path(db_path).exists():
        assert json.loads(out) == []  # nothing was stored
    else:  # refused before the database was made: listing says there is none, made none
        assert code == 2 and "No database" in err and not Path(db_path).exists()


def test_cli_unknown_schedule_and_bad_addresses(db_path, capsys, tmp_path):
    Store(db_path).close()  # an existing database (a missing one is refused before the id)
    code, _, err = run_cli(capsys, "schedule", "pause", "0e3c7d6a-0000-4000-8000-000000000000")
    assert code == 2 and "No schedule with id" in err
    emails = tmp_path / "team.txt"
    emails.write_text("ana@team.example\nnot-an-address\n", encoding="utf-8")
    code, _, err = run_cli(
        capsys,
        *("schedule", "add", "--project", "P", "--template", "sprint-retro", "--quarter-end"),
        *("--open-days", "2", "--emails", str(emails)),
    )
    assert code == 2 and "Not e-mail addresses: 'not-an-address'" in err


def test_links_on_the_default_address_are_pointed_out(store, mail_env, monkeypatch):  # noqa: F811
    monkeypatch.delenv("AFTERWARD_BASE_URL", raising=False)
    start = add_from_today(store, ["a@b.example"], every_weeks=1)
    [opened] = recurring.run_due(store, start).opened
    assert opened["invited"] == 1
    assert "The links point at http://localhost:8501: set AFTERWARD_BASE_URL" in opened["note"]
    assert "http://localhost:8501/?t=" in str(mail_env.to("a@b.example")[0])


# -- editing a schedule, and reminders before the close ---------------------------------------


def test_edit_changes_days_threshold_message_recipients_and_rule(store):
    schedule_id = add(
        store,
        rule="every_n_weeks",
        every_weeks=2,
        first_on=D(2027, 1, 4),
        recipients=["a@b.example"],
    )
    recurring.edit_schedule(
        store,
        schedule_id,
        open_days=5,
        threshold=7,
        message="New text: {link}",
        recipients=["c@d.example", "e@f.example"],
        remind_before_days=2,
    )
    edited = store.schedule(schedule_id)
    assert (edited.open_days, edited.threshold, edited.message) == (5, 7, "New text: {link}")
    assert (edited.rule, edited.every_weeks, edited.remind_before_days) == ("every_n_weeks", 2, 2)
    assert store.schedule_recipients(schedule_id) == ["c@d.example", "e@f.example"]
    # Only what is given changes; the rhythm can change, and the reminder be turned off.
    recurring.edit_schedule(store, schedule_id, every_weeks=3)
    assert store.schedule(schedule_id).every_weeks == 3
    assert store.schedule(schedule_id).remind_before_days == 2
    recurring.edit_schedule(
        store,
        schedule_id,
        rule="dates",
        dates=[D(2027, 3, 5), D(2027, 2, 1)],
        remind_before_days=None,
    )
    edited = store.schedule(schedule_id)
    assert (edited.rule, edited.every_weeks, edited.dates) == (
        "dates",
        None,
        (D(2027, 2, 1), D(2027, 3, 5)),
    )
    assert edited.first_on == D(2027, 2, 1) and edited.remind_before_days is None
    assert edited.threshold == 7 and store.schedule_recipients(schedule_id) == [
        "c@d.example",
        "e@f.example",
    ]
    recurring.edit_schedule(store, schedule_id, rule="quarter_end")
    assert (store.schedule(schedule_id).rule, store.schedule(schedule_id).dates) == (
        "quarter_end",
        (),
    )
    row = recurring.schedule_list(store, START)[0]
    assert row["description"] == "each quarter's last 5 days" and row["remind_before_days"] is None
    # The next survey gets the new values.
    [opened] = recurring.run_due(store, D(2027, 3, 27)).opened
    survey = store.survey(opened["survey_id"])
    assert (survey.closes_on, survey.anonymity_threshold) == (D(2027, 3, 31), 7)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"open_days": 20}, "at most 14 days"),
        ({"threshold": 2}, "at least 3"),
        ({"rule": "dates"}, "at least one date"),
        ({"every_weeks": 0}, "from 1 to 52"),
        ({"remind_before_days": 2}, "open at least 4 days"),
        ({"remind_before_days": 0}, "at least 1 day before"),
    ],
)
def test_edit_refuses_bad_values_and_changes_nothing(store, change, message):
    schedule_id = add(store, rule="every_n_weeks", every_weeks=2, first_on=D(2027, 1, 4))
    before = store.schedule(schedule_id)
    with pytest.raises(ValueError, match=message):
        recurring.edit_schedule(store, schedule_id, **change)
    assert store.schedule(schedule_id) == before
    with pytest.raises(ValueError, match="No schedule with id"):
        recurring.edit_schedule(store, "not-a-schedule", open_days=2)


def reminder_schedule(store, start, people):
    return add(
        store,
        on=start,
        template_id="project-postmortem",
        rule="every_n_weeks",
        every_weeks=1,
        first_on=start,
        open_days=5,
        recipients=people,
        remind_before_days=2,
    )


def test_reminders_go_once_n_days_before_the_close_to_those_who_have_not_answered(
    db_path,
    mail_env,  # noqa: F811
):
    from tests.test_anonymity_attacks import answer

    people = ["ana@team.example", "bo@team.example", "cy@team.example"]
    start = today()  # answering needs a survey that is open by the real clock
    with Store(db_path) as store:
        reminder_schedule(store, start, people)
        [opened] = recurring.run_due(store, start, base="https://retro.example").opened
        survey_id = opened["survey_id"]
        answer(store, survey_id, {"goals_clear": 5}, invitation=mail_env.tokens(people[0])[0])
        mail_env.messages.clear()
        assert recurring.run_due(store, start + timedelta(days=1)).reminded == []
        assert mail_env.messages == []
        # closes on start+4; the reminder is due 2 days before, on start+2.
        report = recurring.run_due(store, start + timedelta(days=2), base="https://retro.example")
        assert report.reminded == [
            {
                "schedule_id": opened["schedule_id"],
                "project": "Harbour Website",
                "survey_id": survey_id,
                "sent": 2,
                "failed": 0,
                "note": "",
            }
        ]
        assert sorted(m["to"] for m in mail_env.messages) == people[1:]
        assert all(str(m["Subject"]).startswith("Reminder:") for m in mail_env.messages)
        said = " ".join(report.lines())
        assert f"Reminded 2 who had not answered {survey_id}" in said and "@" not in said
        assert recurring.run_due(store, start + timedelta(days=2)).reminded == []
    # A restart (a new Store on the same file) does not send it again.
    with Store(db_path) as store:
        assert recurring.run_due(store, start + timedelta(days=3)).reminded == []
    assert len(mail_env.messages) == 2


def test_a_failed_mail_server_never_breaks_the_run_and_the_reminder_is_tried_again(
    store,
    mail_env,  # noqa: F811
    monkeypatch,
):
    start = today()
    reminder_schedule(store, start, ["ana@team.example", "bo@team.example"])
    [opened] = recurring.run_due(store, start).opened
    mail_env.messages.clear()
    good = os.environ["AFTERWARD_SMTP_URL"]
    monkeypatch.setenv("AFTERWARD_SMTP_URL", "smtp://127.0.0.1:9")  # nothing listens there
    report = recurring.run_due(store, start + timedelta(days=2))
    assert report.errors == [] and report.reminded[0]["sent"] == 0
    assert "tried again next run" in report.reminded[0]["note"]
    assert store.survey(opened["survey_id"]).status == "open"
    monkeypatch.setenv("AFTERWARD_SMTP_URL", good)
    report = recurring.run_due(store, start + timedelta(days=3))
    assert report.reminded[0]["sent"] == 2 and len(mail_env.messages) == 2
    assert recurring.run_due(store, start + timedelta(days=4)).reminded == []
    assert len(mail_env.messages) == 2


def test_no_reminder_without_mail_and_none_for_a_paused_schedule(store):
    start = today()
    schedule_id = reminder_schedule(store, start, ["ana@team.example"])
    recurring.run_due(store, start)
    report = recurring.run_due(store, start + timedelta(days=2))
    assert "e-mail is not set up" in report.reminded[0]["note"]
    recurring.pause(store, schedule_id)
    assert recurring.run_due(store, start + timedelta(days=3)).reminded == []


def test_cli_edit_changes_what_is_given_and_refuses_bad_input(db_path, capsys, tmp_path):
    code, out, err = run_cli(
        capsys,
        *("schedule", "add", "--project", "Harbour Website", "--template", "sprint-retro"),
        *("--every-weeks", "2", "--open-days", "3", "--remind-days-before", "1"),
    )
    assert code == 0, err
    schedule_id = out.strip().splitlines()[-1]
    emails = tmp_path / "team.txt"
    emails.write_text("ana@team.example\nbo@team.example\n", encoding="utf-8")
    code, out, err = run_cli(
        capsys,
        *("schedule", "edit", schedule_id, "--every-weeks", "1", "--open-days", "6"),
        *("--threshold", "8", "--emails", str(emails), "--message", "Hi {link}"),
    )
    assert code == 0, err
    assert out.startswith(f"Changed {schedule_id}: every week, open 6 days; 2 recipient(s);")
    assert "reminder 1 day(s) before the close" in out
    code, out, _ = run_cli(capsys, "schedule", "edit", schedule_id, "--remind-days-before", "0")
    assert code == 0 and "no reminder" in out
    code, out, _ = run_cli(capsys, "schedule", "edit", schedule_id, "--dates", "2027-03-05")
    assert code == 0 and "on 2027-03-05, open 6 days" in out
    with Store(db_path) as store:
        edited = store.schedule(schedule_id)
        assert (edited.rule, edited.threshold, edited.message) == ("dates", 8, "Hi {link}")
        assert edited.remind_before_days is None
    for argv, message in [
        ((), "Nothing to change"),
        (("--open-days", "0"), "1 to 60 days"),
        (("--remind-days-before", "5"), "open at least 7 days"),
        (("--dates", "2027-02-30"), "is not a date"),
    ]:
        code, out, err = run_cli(capsys, "schedule", "edit", schedule_id, *argv)
        assert code == 2 and message in err and "Traceback" not in err, err
    code, _, err = run_cli(capsys, "schedule", "edit", "nope", "--open-days", "2")
    assert code == 2 and "No schedule with id" in err
    with Store(db_path) as store:
        assert store.schedule(schedule_id) == edited


def test_run_now_runs_in_the_background_and_is_not_started_twice(
    store,
    mail_env,  # noqa: F811
    monkeypatch,
):
    monkeypatch.setenv("AFTERWARD_MAIL_RATE", "4")  # 6 invitations: about 1.5 s
    people = [f"p{i}@team.example" for i in range(6)]
    start = add_from_today(store, people, every_weeks=1)
    began = time.monotonic()
    run = recurring.start_run(store, start, base="https://retro.example")
    assert time.monotonic() - began < 0.5 and not run.done
    assert recurring.start_run(store, start) is run  # one at a time
    assert wait_for(lambda: run.done, seconds=30)
    assert recurring.background_run(store) is run and run.error == ""
    assert [row["invited"] for row in run.report.opened] == [6]
    assert len(mail_env.messages) == 6
