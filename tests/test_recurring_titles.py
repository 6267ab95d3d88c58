"""The title of a survey a schedule opens stays within the survey title limit (120): a long
questionnaire title with a long project name used to make `setup.create_survey` refuse the
title, so the schedule failed every run and opened nothing."""

from __future__ import annotations

from datetime import date

import pytest

import surveys.questionnaire as questionnaire
from afterward.services import recurring
from afterward.services.recurring import survey_title
from surveys.text_limits import MAX_PROJECT_NAME, MAX_SURVEY_TITLE

DUE = date(2027, 1, 4)
LONG_NAME = (
    "Quarterly delivery health check and sprint retrospective for the whole engineering "
    "group"
)  # 89 characters: a questionnaire title may have up to 200
PROJECT = "Harbour Website redesign, phase two: booking flow and the new payments providers"


@pytest.fixture(autouse=True)
def no_mail(monkeypatch):
    monkeypatch.delenv("AFTERWARD_SMTP_URL", raising=False)
    monkeypatch.delenv("AFTERWARD_MAIL_FROM", raising=False)


def test_a_short_title_is_unchanged():
    assert survey_title("Sprint retrospective", "Harbour Website", DUE) == (
        "Sprint retrospective: Harbour Website (2027-01-04)"
    )


def test_a_long_questionnaire_title_is_cut_and_the_project_and_day_stay_whole():
    assert len(PROJECT) == MAX_PROJECT_NAME
    title = survey_title(LONG_NAME, PROJECT, DUE)
    assert len(title) == MAX_SURVEY_TITLE
    assert title.endswith(f": {PROJECT} (2027-01-04)")
    head = title.removesuffix(f": {PROJECT} (2027-01-04)")
    assert head.endswith("…") and LONG_NAME.startswith(head[:-1])
    assert len(head) == MAX_SURVEY_TITLE - len(f": {PROJECT} (2027-01-04)")


def test_an_over_long_project_name_is_cut_too_and_the_day_stays():
    title = survey_title("Sprint retrospective", "P" * 150, DUE)
    assert len(title) == MAX_SURVEY_TITLE and title.endswith("… (2027-01-04)")
    assert title.startswith("Sprint retrospective: PPP")


@pytest.mark.parametrize("name_length", [1, 20, 25, 26, 40, 120, 200])
@pytest.mark.parametrize("project_length", [1, 40, 79, 80])
def test_every_length_fits(name_length, project_length):
    title = survey_title("n" * name_length, "p" * project_length, DUE)
    assert len(title) <= MAX_SURVEY_TITLE and title.endswith(" (2027-01-04)")
    assert ("p" * project_length) in title  # a project name within its limit stays whole


def test_a_schedule_with_a_long_questionnaire_title_opens_its_survey(store, tmp_path, monkeypatch):
    text = (questionnaire.TEMPLATES_DIR / "sprint-retro.yaml").read_text()
    (tmp_path / "sprint-retro.yaml").write_text(
        text.replace("title: Sprint retrospective", f"title: {LONG_NAME}", 1)
    )
    monkeypatch.setattr(questionnaire, "TEMPLATES_DIR", tmp_path)
    monkeypatch.setattr(questionnaire.load_templates, "__defaults__", (tmp_path,))
    assert questionnaire.load_templates()[0]["sprint-retro"].title == LONG_NAME
    recurring.add_schedule(
        store,
        on=DUE,
        project=PROJECT,
        template_id="sprint-retro",
        rule="every_n_weeks",
        every_weeks=2,
        first_on=DUE,
        open_days=3,
    )
    report = recurring.run_due(store, DUE)
    assert report.errors == []
    assert len(report.opened) == 1
    title = store.survey(report.opened[0]["survey_id"]).title
    assert len(title) <= MAX_SURVEY_TITLE
    assert title.endswith(f": {PROJECT} (2027-01-04)") and "…" in title
