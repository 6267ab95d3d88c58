"""A curious manager against the row-level export: questions few people answered, and
exports before and after reopening a survey. Each test tries to tie answers to a person."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from afterward.services import exports, importing, responding
from afterward.services.survey_admin import set_survey_open
from afterward.services.survey_results import survey_results
from surveys import links, responses
from surveys.setup import questionnaire_of
from surveys.store import Store
from tests.test_anonymity_attacks import cli

FULL = {"goals_clear": 4, "schedule_realistic": 2, "schedule_detailed": 3, "communication": 6}
TEXTS = ("went_well", "went_wrong", "root_cause", "do_differently")


def answer(store: Store, survey_id: str, values: dict) -> None:
    questionnaire = questionnaire_of(store.survey(survey_id))
    checked = responses.validate(questionnaire, FULL | values)
    assert checked.ok, checked.errors
    stored = responding.stored_form(questionnaire, checked.answers)
    responses.submit(store, links.LinkState("ok", store.survey(survey_id)), stored)


def csv_tables(export: exports.SurveyExport, out: Path) -> dict[str, pd.DataFrame]:
    """The export as a manager opens it: every CSV file written, read back as text."""
    written = exports.write_export(export, "csv", out)
    return {p.name: pd.read_csv(p, dtype=str, keep_default_na=False) for p in written}


# -- questions few people answered ------------------------------------------------------


def imported_with_blanks(store: Store) -> str:
    """An imported file of 6 rows: `communication` filled in by one person only (who also
    gave the only role and a telling rating), `went_well` by five, `went_wrong` by all."""
    header = (
        "role,goals_clear,schedule_realistic,schedule_detailed,communication,went_well,went_wrong"
    )
    rows = [
        ",".join(
            [
                "Client" if i == 0 else "",
                "1" if i == 0 else "4",
                "3",
                str(2 + i % 3),
                "9" if i == 0 else "",
                f"Release notes were tidy {i}" if i < 5 else "",
                f"Scope kept moving {i}",
            ]
        )
        for i in range(6)
    ]
    data = "\n".join([header, *rows, ""]).encode()
    plan = importing.plan_import(
        store, data, "tool.csv", project="Lighthouse", template_id="project-postmortem"
    )
    assert plan.responses == 6 and not plan.problems
    return importing.run_import(store, plan)


def test_a_question_one_of_six_answered_is_blank_in_the_csv_and_not_in_the_summary(store, tmp_path):
    survey_id = imported_with_blanks(store)
    export = exports.survey_export(store, survey_id)
    tables = csv_tables(export, tmp_path / "rows.csv")
    rows = tables["rows.csv"]
    assert len(rows) == 6
    # The column stays (the file's shape says nothing) but holds no one's answer.
    assert "communication" in rows.columns
    assert set(rows["communication"]) == {""}
    assert set(rows["role"]) == {""}, "one person's role would point at their row"
    assert set(rows["goals_clear"]) == {"1.0", "4.0"}  # answered by all: kept
    everything = "\n".join(t.to_csv(index=False) for t in tables.values())
    assert "9.0" not in everything and "Client" not in everything
    assert any("communication" in n and "fewer than 3 people" in n for n in export.notes), (
        export.notes
    )
    # The summary has no line for it, like the results page (n hidden there too).
    summary = tables["rows.summary.csv"]
    assert "communication" not in set(summary["question"])
    assert {"goals_clear", "schedule_realistic", "schedule_detailed"} <= set(summary["question"])
    shown = {q["id"]: q["n"] for q in survey_results(store, survey_id)["questions"]}
    assert shown["communication"] is None and shown["goals_clear"] == 6
    assert exports.summary_export(store, survey_id).summary["question"].ne("communication").all()


def test_a_free_text_table_counts_its_own_answers_not_the_responses(store, tmp_path):
    survey_id = imported_with_blanks(store)  # 6 responses: the quote threshold (3 -> 6)
    export = exports.survey_export(store, survey_id)
    tables = csv_tables(export, tmp_path / "out" / "rows.csv")
    # went_wrong: all six wrote something; went_well: five, below the quote threshold.
    assert len(tables["rows.text-went_wrong.csv"]) == 6
    well = tables["rows.text-went_well.csv"]
    assert list(well.columns) == ["went_well"] and well.empty
    assert "Release notes were tidy" not in "".join(
        p.read_text() for p in (tmp_path / "out").iterdir()
    )
    assert any("went_well" in n and "fewer than 6 people" in n for n in export.notes)


def test_placeholder_answers_do_not_lift_a_free_text_question_over_the_quote_threshold(
    store, survey_id
):
    for i in range(3):
        answer(store, survey_id, {"went_well": f"The demo went well {i}", "went_wrong": "n/a"})
    for _ in range(3):
        answer(store, survey_id, {"went_wrong": "N/A", "root_cause": "-"})
    answer(store, survey_id, {"went_wrong": "Handover to support came late"})
    store.set_survey_status(survey_id, "closed")
    export = exports.survey_export(store, survey_id)
    # 7 responses reach the quote threshold (6), but went_wrong has one real answer among
    # six placeholders: that one answer would stand alone.
    assert export.texts["went_wrong"].empty
    assert export.texts["went_well"].empty  # three answers
    assert any("went_wrong" in n for n in export.notes)


def test_an_optional_role_one_of_six_gave_is_not_exported(store, survey_id, tmp_path):
    answer(store, survey_id, {"role": "Client", "communication": 0})
    for _ in range(5):
        answer(store, survey_id, {})
    set_survey_open(store, survey_id, False)
    tables = csv_tables(exports.survey_export(store, survey_id), tmp_path / "rows.csv")
    rows = tables["rows.csv"]
    assert len(rows) == 6 and set(rows["role"]) == {""}
    assert sorted(rows["communication"]) == ["0.0"] + ["6.0"] * 5  # everyone answered it
    assert not any("Client" in t.to_csv(index=False) for t in tables.values())


def test_a_full_export_keeps_every_answered_question(store, survey_id, tmp_path):
    for i in range(8):
        answer(
            store,
            survey_id,
            {
                "role": "Team member",
                "goals_clear": 1 + i % 5,
                **{q: f"{q} thought {i}" for q in TEXTS},
            },
        )
    set_survey_open(store, survey_id, False)
    export = exports.survey_export(store, survey_id)
    assert not any("fewer than" in n for n in export.notes), export.notes
    tables = csv_tables(export, tmp_path / "rows.csv")
    rows = tables["rows.csv"]
    assert len(rows) == 8 and (rows != "").all().all()
    assert set(rows["role"]) == {"Team member"}
    assert sorted(rows["goals_clear"]) == sorted(f"{1 + i % 5}.0" for i in range(8))
    for q in TEXTS:
        assert sorted(tables[f"rows.text-{q}.csv"][q]) == sorted(
            f"{q} thought {i}" for i in range(8)
        )
    summary = tables["rows.summary.csv"]
    overall = summary[summary["group"] == "All respondents"].set_index("question")
    assert overall.loc["goals_clear", "responses"] == "8.0"
    assert float(overall.loc["goals_clear", "mean"]) == pytest.approx(
        sum(1 + i % 5 for i in range(8)) / 8
    )


# -- exports before and after reopening ---------------------------------------------------


def test_export_reopen_three_more_export_again_is_refused(store, survey_id):
    for i in range(6):
        answer(store, survey_id, {"went_wrong": f"Earlier story {i}"})
    set_survey_open(store, survey_id, False)
    first = exports.survey_export(store, survey_id)
    assert len(first.answers) == 6 and len(first.texts["went_wrong"]) == 6
    # The very same rows again are fine (nothing new to single out).
    assert len(exports.survey_export(store, survey_id).answers) == 6

    set_survey_open(store, survey_id, True)  # the Reopen button still works
    assert store.survey(survey_id).status == "open"
    for i in range(3):
        answer(store, survey_id, {"communication": 0, "went_wrong": f"Newcomer story {i}"})
    set_survey_open(store, survey_id, False)
    assert store.released_count(survey_id) == 9  # the three were released as a group
    with pytest.raises(exports.ExportRefused, match="reopened") as refused:
        exports.survey_export(store, survey_id)
    message = str(refused.value)
    assert "3 new response(s)" in message and "at least 6 new" in message
    assert "summary" in message
    # The summary stays available (counts and means, in groups of at least the threshold).
    assert not exports.summary_export(store, survey_id).summary.empty

    # Three more make six new since the export: the difference is a quote-sized group.
    set_survey_open(store, survey_id, True)
    for _ in range(3):
        answer(store, survey_id, {})
    set_survey_open(store, survey_id, False)
    later = exports.survey_export(store, survey_id)
    assert len(later.answers) == 12
    assert store.row_export_responses(survey_id) == 12


def test_the_cli_refuses_the_second_export_with_a_message_and_writes_nothing(db_path, tmp_path):
    from surveys.setup import create_survey

    with Store(db_path) as store:
        survey_id = create_survey(store, project="Curious", template_id="project-postmortem")
        for i in range(6):
            answer(store, survey_id, {"went_well": f"Earlier {i}"})
        set_survey_open(store, survey_id, False)
    first = cli("export", survey_id, "--format", "csv", "--out", str(tmp_path / "a.csv"))
    assert first.returncode == 0, first.stderr
    with Store(db_path) as store:
        set_survey_open(store, survey_id, True)
        for i in range(3):
            answer(store, survey_id, {"went_well": f"Later {i}"})
        set_survey_open(store, survey_id, False)
    second = cli("export", survey_id, "--format", "csv", "--out", str(tmp_path / "b.csv"))
    assert second.returncode == 2
    assert "reopened" in second.stderr and "Traceback" not in second.stderr
    assert not list(tmp_path.glob("b*.csv")), "a refused export writes nothing"
