"""Bugs that came from a rule kept in two places, each driven through a public surface
(a page under AppTest, the CLI, the services): the clock and time zone, the taxonomy in
effect, the analysis kept current, the review queue, and an empty quarter's report."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

import clock
from afterward.services import analysis_upkeep, manager_views
from afterward.services.responding import open_link
from surveys import links, setup
from surveys.store import Scope, Store
from tests.conftest import ROOT, app_store
from tests.pages.helpers import button, log_in

# -- one clock and one time zone -------------------------------------------------------------


@pytest.fixture
def server_zone_on_another_day(monkeypatch):
    """Run the process in a zone whose date differs from UTC right now."""
    zone = "Etc/GMT+12" if datetime.now(UTC).hour < 12 else "Etc/GMT-14"  # UTC-12 / UTC+14
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    assert date.today() != datetime.now(UTC).date()  # the premise of the test
    yield
    monkeypatch.undo()
    time.tzset()


def test_survey_opening_and_closing_today_is_open_today_whatever_the_server_zone(
    app, server_zone_on_another_day
):
    log_in(app)
    app.switch_page("app_pages/manager/surveys.py").run()
    app.text_input[0].input("Harbour Website")
    opens = app.date_input[0]
    assert opens.value == clock.today()  # the picker's "today" is the app's today
    app.date_input[1].set_value(opens.value)  # closes the same day
    button(app, "Create survey").click().run()
    assert not app.exception
    store = app_store()
    survey_id = store.surveys_overview()["survey_id"].iloc[0]
    token = links.issue_invitations(store, survey_id, 1)[0]
    assert open_link(store, token).status == "ok"


def test_today_follows_afterward_timezone(monkeypatch):
    now = datetime.now(UTC)
    monkeypatch.setenv("AFTERWARD_TIMEZONE", "Pacific/Kiritimati")  # UTC+14
    ahead = clock.today()
    monkeypatch.setenv("AFTERWARD_TIMEZONE", "Pacific/Pago_Pago")  # UTC-11
    behind = clock.today()
    # 25 hours apart: one calendar day, or two between 10:00 and 11:00 UTC.
    assert ahead == (now + timedelta(hours=14)).date()
    assert behind == (now - timedelta(hours=11)).date()
    assert ahead > behind
    monkeypatch.setenv("AFTERWARD_TIMEZONE", "Mars/Olympus_Mons")
    with pytest.raises(clock.ClockError, match="AFTERWARD_TIMEZONE"):
        clock.today()


def test_overdue_and_submission_day_use_the_configured_day(store, survey_id, monkeypatch):
    monkeypatch.setenv("AFTERWARD_TIMEZONE", "Pacific/Kiritimati")
    project = store.survey(survey_id).project_id
    store.create_action(
        project_id=project,
        title="Write the runbook",
        owner="SRE lead",
        quarter="2026Q3",
        due_on=clock.today() - timedelta(days=1),
    )
    store.create_action(
        project_id=project,
        title="Add a staging check",
        owner="QA lead",
        quarter="2026Q3",
        due_on=clock.today(),
    )
    actions = manager_views.compute_view("actions", store, Scope()).set_index("title")
    assert bool(actions.loc["Write the runbook", "overdue"])
    assert not bool(actions.loc["Add a staging check", "overdue"])


@pytest.mark.parametrize(
    ("quarter", "steps", "shifted"), [("2026Q1", -1, "2025Q4"), ("2025Q4", 1, "2026Q1")]
)
def test_quarter_arithmetic(quarter, steps, shifted):
    assert clock.shift_quarter(quarter, steps) == shifted
    assert clock.quarter_dates("2024Q1") == (date(2024, 1, 1), date(2024, 3, 31))
    assert clock.quarters_between("2025Q3", "2026Q1") == ["2025Q3", "2025Q4", "2026Q1"]
    assert clock.quarter_of(date(2026, 12, 31)) == "2026Q4"
    with pytest.raises(clock.ClockError, match="2026Q3"):
        clock.check_quarter("2026-3")


# -- the taxonomy in effect, read at use time ------------------------------------------------

CUSTOM_TAXONOMY = """
categories:
  - id: vendor_trouble
    label: Vendor trouble
    description: Suppliers, vendors and third-party services that let the project down.
    keywords: [vendor, supplier, third party, contractor]
  - id: people_stretched
    label: People stretched thin
    description: Too few people, too much parallel work, nobody with time to do it well.
    keywords: [understaffed, overloaded, capacity, too few people]
  - id: plan_unclear
    label: Plan unclear
    description: Goals, scope and plan not clear to everyone involved.
    keywords: [unclear goals, scope, plan]
"""


@pytest.fixture
def custom_taxonomy(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "taxonomy.yaml"
    path.write_text(CUSTOM_TAXONOMY)
    monkeypatch.setenv("AFTERWARD_TAXONOMY", str(path))
    return path


def test_custom_taxonomy_reaches_the_review_queue_and_the_action_form(app, custom_taxonomy):
    from tests.pages.data import populate

    with Store(os.environ["AFTERWARD_DB"]) as store:
        populate(store, responses_per_survey=12)
    app.session_state["manager_login"] = True
    app.run()
    app.switch_page("app_pages/manager/root_causes.py").run()
    assert not app.exception, [e.message for e in app.exception]
    review = [s for s in app.selectbox if s.key and s.key.startswith("review_")]
    assert review, "the review queue shows work"
    assert set(review[0].options) == {
        "Vendor trouble",
        "People stretched thin",
        "Plan unclear",
        "No root cause",  # whatever the taxonomy, a manager can say an answer has none
    }

    # A correction is stored under a custom id, and the classifier learns it.
    # Chosen first: a card whose suggestion a survey's breakdown hides has none, and its
    # button waits for a choice.
    review[0].set_value("vendor_trouble").run()
    save = [b for b in app.button if b.key and b.key.startswith("save_")][0]
    save.click().run()
    store = app_store()
    assert set(store.category_corrections()["category"]) == {"vendor_trouble"}
    analysis_upkeep.ensure_current(store)
    assert set(store.analysed_texts()["category"]) <= {
        "vendor_trouble",
        "people_stretched",
        "plan_unclear",
        "none",  # no root cause: whatever the taxonomy
    }

    app.switch_page("app_pages/manager/actions.py").run()
    form = [s for s in app.selectbox if s.label == "Meant to fix (root cause)"][0]
    assert [o for o in form.options if o != "—"] == [
        "Vendor trouble",
        "People stretched thin",
        "Plan unclear",
    ]


def test_an_action_cannot_name_a_category_the_taxonomy_does_not_have(store, custom_taxonomy):
    setup.create_survey(store, project="Harbour Website", template_id="project-postmortem")
    with pytest.raises(ValueError, match="Unknown root cause"):
        manager_views.add_action(
            store,
            project="Harbour Website",
            title="Estimate together",
            owner="Lead",
            due_on=None,
            category="estimation_schedule",  # a default id, not in the custom file
        )


# -- the review queue: gate first, then limit ------------------------------------------------


def test_review_queue_is_gated_before_it_is_limited(store):
    from tests.pages.data import TEXTS, populate

    populate(store, responses_per_survey=12)
    # A small survey whose answers are the least certain of all: below the quote threshold.
    small = setup.create_survey(
        store, project="Tiny Team", template_id="project-postmortem", quarter="2026Q3"
    )
    from tests.test_text_analysis import load

    load(store, small, ["asdf qwer zxcv"] * 4)
    analysis_upkeep.ensure_current(store)
    rows = store.analysed_texts()
    # Make the small survey's rows the least confident, so an ungated LIMIT takes only them.
    rows.loc[rows["survey_id"] == small, "confidence"] = 0.0
    store.save_text_analysis(rows)
    queue = manager_views.correction_queue(store, Scope(), limit=4)
    assert len(queue) == 4
    assert not set(queue["text"]) & {"asdf qwer zxcv"}
    assert set(queue["text"]) <= set(TEXTS)


# -- the analysis kept current for every consumer, and the report's true reasons -------------


def cli(*args: str, env_db: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "AFTERWARD_DB": env_db}
    return subprocess.run(
        [sys.executable, "-m", "afterward.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=600,
    )


def test_report_after_demo_shows_root_causes_and_themes(db_path, tmp_path):
    from pypdf import PdfReader

    assert cli("demo", env_db=str(db_path)).returncode == 0
    with Store(db_path) as store:
        latest = store.scope_choices()[0][-1]
    out = tmp_path / "review.pdf"
    done = cli("report", "--quarter", latest, "--out", str(out), env_db=str(db_path))
    assert done.returncode == 0, done.stderr
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "without risking anyone's anonymity" not in text
    assert "not been analysed" not in text
    # The root-cause and theme tables (a narrow column's heading may wrap: "First / seen").
    assert "Share" in text and re.search(r"First\s*seen", text)


def test_review_says_when_answers_are_not_analysed_yet(store):
    from afterward.services.quarterly_review import quarterly_review
    from tests.pages.data import populate

    populate(store, responses_per_survey=12)
    review = quarterly_review(store, "2026Q3", on=date(2026, 11, 2))
    assert review.top_categories.empty
    assert "have not been analysed yet" in review.text_note


def test_report_for_a_quarter_without_surveys_fails_with_one_clear_line(db_path, tmp_path):
    assert cli("demo", env_db=str(db_path)).returncode == 0
    out = tmp_path / "review.pdf"
    done = cli("report", "--quarter", "2031Q1", "--out", str(out), env_db=str(db_path))
    assert done.returncode != 0
    assert not out.exists()
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "No surveys in 2031Q1" in lines[0]
    assert "Traceback" not in done.stderr
