"""Typed names and texts have length limits (one message through every entry point, nothing
stored), project names match whatever their case and spacing, a quarter number outside 1-4
is named as the problem, and a PDF table cell too long for a page is shortened instead of
failing the whole document (a newcomer's report of each)."""

from __future__ import annotations

import io
from datetime import date

import pytest

import clock
from afterward import cli
from afterward.output import pdf_pages
from afterward.output import quarterly_report as report
from afterward.services import action_items, postmortem
from afterward.services.manager_views import add_action
from afterward.services.quarterly_review import quarterly_review
from surveys import setup
from surveys.store import Scope, Store
from surveys.text_limits import name_key, shorten
from tests.conftest import app_store
from tests.pages.helpers import button, texts
from tests.test_report import LABELS, populate

# -- length limits, through the services -----------------------------------------------------


def test_a_survey_title_over_120_characters_is_refused_and_nothing_is_stored(store: Store):
    with pytest.raises(
        ValueError, match=r"Keep the survey title to at most 120 characters \(now 3000\)"
    ):
        setup.create_survey(store, project="P", template_id="sprint-retro", title="x" * 3000)
    assert store.surveys_overview().empty
    assert store.projects().empty  # not even the new project
    survey_id = setup.create_survey(store, project="P", template_id="sprint-retro", title="y" * 120)
    assert store.survey(survey_id).title == "y" * 120


def test_a_project_name_over_80_characters_is_refused(store: Store):
    with pytest.raises(ValueError, match=r"project name to at most 80 characters \(now 81\)"):
        setup.create_survey(store, project="p" * 81, template_id="sprint-retro")
    assert store.projects().empty
    setup.create_survey(store, project="p" * 80, template_id="sprint-retro")
    assert store.projects()["name"].tolist() == ["p" * 80]


@pytest.fixture
def project(store: Store) -> str:
    setup.create_survey(store, project="Harbour", template_id="sprint-retro")
    return "Harbour"


def test_an_action_over_300_characters_or_an_owner_over_120_is_refused(store: Store, project):
    with pytest.raises(
        ValueError, match=r"action's description to at most 300 characters \(now 20000\)"
    ):
        add_action(store, project=project, title="a" * 20_000, owner="Ana", due_on=None)
    with pytest.raises(ValueError, match=r"owner's name to at most 120 characters \(now 5000\)"):
        add_action(store, project=project, title="Fix it", owner="o" * 5000, due_on=None)
    assert store.actions(Scope()).empty
    action_id = add_action(store, project=project, title="a" * 300, owner="o" * 120, due_on=None)
    # Editing is held to the same limits, and a refused edit keeps what was stored.
    with pytest.raises(ValueError, match=r"at most 300 characters \(now 301\)"):
        action_items.edit(store, action_id, title="b" * 301, owner="Ana", due_on=None, topic="")
    stored = store.actions(Scope()).iloc[0]
    assert (stored["title"], stored["owner"]) == ("a" * 300, "o" * 120)


def test_a_postmortem_owner_over_120_or_a_summary_over_20000_characters_is_refused(store: Store):
    survey_id = setup.create_survey(store, project="Harbour", template_id="project-postmortem")
    with pytest.raises(ValueError, match=r"owner's name to at most 120 characters \(now 5000\)"):
        postmortem.start_postmortem(store, survey_id, "o" * 5000)
    assert store.postmortem(survey_id) is None
    postmortem.start_postmortem(store, survey_id, "Ana")
    section = postmortem.SECTION_IDS[0]
    with pytest.raises(ValueError, match=r"summary to at most 20000 characters \(now 20001\)"):
        postmortem.save_postmortem(
            store, survey_id, owner="Ana", status="draft", summaries={section: "s" * 20_001}
        )
    assert store.postmortem(survey_id).summaries == {}
    saved = postmortem.save_postmortem(
        store, survey_id, owner="Ana", status="draft", summaries={section: "s" * 20_000}
    )
    assert saved.summaries == {section: "s" * 20_000}


def test_the_cli_refuses_a_long_survey_title_with_exit_2(db_path, capsys):
    argv = ["survey", "create", "--project", "P", "--template", "sprint-retro"]
    assert cli.main([*argv, "--title", "Retro " * 1000]) == 2
    err = capsys.readouterr().err
    assert "Keep the survey title to at most 120 characters (now 5999)" in err
    assert "Traceback" not in err
    with Store(db_path) as store:
        assert store.surveys_overview().empty


def test_the_surveys_page_refuses_a_long_title_with_a_message(app):
    app.session_state["manager_login"] = True
    app.run()
    app.switch_page("app_pages/manager/surveys.py").run()
    app.text_input[0].input("Harbour")
    next(t for t in app.text_input if t.label.startswith("Title")).input("t" * 200)
    button(app, "Create survey").click().run()
    assert not app.exception
    assert any("at most 120 characters (now 200)" in e for e in texts(app.error))
    assert app_store().surveys_overview().empty


# -- project names ----------------------------------------------------------------------------


def test_project_names_differing_only_by_case_and_spacing_are_one_project(store: Store):
    first = setup.create_survey(store, project="Review proj", template_id="sprint-retro")
    second = setup.create_survey(store, project="  review   PROJ ", template_id="sprint-retro")
    assert store.projects()["name"].tolist() == ["Review proj"]  # the stored spelling
    assert store.survey(first).project_id == store.survey(second).project_id
    assert store.survey(second).title == "Sprint retrospective: Review proj"
    with pytest.raises(ValueError, match="already exists"):
        store.create_project("REVIEW\tPROJ")


def test_a_new_project_name_is_stored_tidied(store: Store):
    setup.create_survey(store, project="  Web \n  shop ", template_id="sprint-retro")
    assert store.projects()["name"].tolist() == ["Web shop"]
    assert name_key("Web  SHOP") == name_key(" web shop")


# -- quarters ---------------------------------------------------------------------------------


def test_a_quarter_number_outside_1_to_4_is_named_as_the_problem():
    with pytest.raises(clock.ClockError, match="the number after Q must be 1–4"):
        clock.check_quarter("2026Q5")
    with pytest.raises(clock.ClockError, match="the number after Q must be 1–4"):
        clock.check_quarter(" 2026q0 ")
    with pytest.raises(clock.ClockError, match="should look like 2026Q3"):
        clock.check_quarter("Q3 2026")
    assert clock.check_quarter("2026q4") == "2026Q4"


def test_the_cli_report_names_the_quarter_number(db_path, tmp_path, capsys):
    Store(db_path).close()
    assert cli.main(["report", "--quarter", "2026Q5", "--out", str(tmp_path / "r.pdf")]) == 2
    assert "must be 1–4" in capsys.readouterr().err


# -- PDF tables -------------------------------------------------------------------------------


def test_a_table_cell_longer_than_a_page_is_shortened_not_fatal():
    pdf = pdf_pages.new_pdf("t")
    pdf.add_page()
    pdf.set_font(pdf_pages.FONT, "", 8)
    row = ["W" * 20_000] * 7
    pdf_pages.write_table(pdf, [f"c{i}" for i in range(7)], [row, row], [40] * 7, line_height=4.5)
    data = bytes(pdf.output())
    assert data.startswith(b"%PDF")
    assert shorten("x" * 500, 200) == "x" * 199 + "…"


def test_the_quarterly_pdf_survives_a_survey_with_a_very_long_title(store: Store):
    populate(store)
    # Titles stored before the limit existed can be any length: the PDF must still render.
    long_title = "Retro " * 1000
    store.create_survey(
        project_id=store.project_by_name("Harbour").project_id,
        template_id="sprint-retro",
        questionnaire_json=setup.load_templates()[0]["sprint-retro"].model_dump_json(),
        title=long_title,
        quarter="2026Q3",
        opens_on=date(2026, 7, 1),
    )
    review = quarterly_review(store, "2026Q3", theme_labels=LABELS, on=date(2026, 11, 2))
    assert any(long_title in label for label in review.participation["survey"])
    data = report.review_pdf(review, compress=False)
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Retro Retro" in text and "…" in text


def test_a_failing_pdf_shows_a_message_on_the_review_page(app, db_path, monkeypatch):
    with Store(db_path) as store:
        populate(store)

    def broken(*args, **kwargs):
        raise ValueError("The row with index 6 is too high and cannot be rendered on a single page")

    monkeypatch.setattr(report, "review_pdf", broken)
    app.session_state["manager_login"] = True
    app.run()
    app.switch_page("app_pages/manager/quarterly_review.py").run()
    button(app, "Prepare PDF report").click().run()
    assert not app.exception
    assert any("PDF report for" in e and "could not be written" in e for e in texts(app.error))
    assert len(app.get("download_button")) == 0
