"""Importing answers exported from other tools (issue 15): formats, matching, identity
columns never stored, quarter only, redaction, threshold, dry run, bad input."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
import pytest

from afterward.services.importing import parse_mapping, plan_import, run_import
from surveys.imports import read_export
from surveys.store import Scope, Store

# Invented answers in the shape of each tool's export (headers as the tools write them).
GOOGLE = """Timestamp,Email Address,Which best describes your part in the project?,The goals and success criteria were clear to all stakeholders.,The schedule was realistic.,The plan was detailed enough to track progress.,How well did communication work during the project?,What went well?,What went wrong?,What was the root cause?,What should we do differently next time?
2025/05/02 9:14:03 AM GMT+2,kim.baxter@example.org,Team member,Agree,Disagree,Neither agree nor disagree,7,Pairing on the payment flow,Scope grew every week after the kickoff,No change control for the client's requests,Agree a change budget up front
2025/05/02 10:01:44 AM GMT+2,ola@example.org,Client,4,2,3,8,Weekly demos,The staging site was down for days,Nobody owned the staging servers,Name an owner for each environment
2025/05/03 4:40:10 PM GMT+2,pat@example.org,Manager,Strongly agree,Strongly disagree,Disagree,5,,Estimates ignored the holidays,Planning skipped the calendar,Plan with the team's calendar open
2025/05/04 8:00:00 AM GMT+2,sam@example.org,Team member,agree,disagree,disagree,6,Good test coverage,Release slipped two weeks,Too many parallel projects,Limit work in progress
2025/05/05 8:30:00 AM GMT+2,lee@example.org,Team member,Agree,Agree,Agree,9,Clear tickets,Ask Marta Kowalczyk about the handover,Handover notes were missing,Write handover notes
"""

TYPEFORM = """#,The goals and success criteria were clear to all stakeholders.,The schedule was realistic.,Quality of the work,Speed of delivery,Value for money,How likely are you to recommend us to a colleague?,Would you work with us again?,Start Date (UTC),Submit Date (UTC),Network ID
a1b2,5,4,Quality of the work,,Value for money,9,Yes,2026-02-10 10:00:00,2026-02-10 10:04:00,5f3e
c3d4,4,3,,Speed of delivery,,10,yes,2026-02-11 11:00:00,2026-02-11 11:03:00,77aa
e5f6,2,2,Quality of the work,,,6,No,2026-02-12 12:00:00,2026-02-12 12:05:00,99bb
"""

SURVEYMONKEY = """Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,The timeline we agreed was realistic and we kept you informed about it.,What did you value most? Pick any.,,,What could have gone better?
,,,,,,,,Response,Quality of the work,Speed of delivery,Value for money,Open-Ended Response
114001,4401,01/08/2026 09:00:00,01/08/2026 09:05:00,203.0.113.7,ana@example.com,Ana,Ruiz,Agree,Quality of the work,,Value for money,Invoices arrived late
114002,4401,01/09/2026 09:00:00,01/09/2026 09:05:00,203.0.113.8,bo@example.com,Bo,Lind,Disagree,,Speed of delivery,,Too many status meetings
114003,4401,01/10/2026 09:00:00,01/10/2026 09:05:00,203.0.113.9,cy@example.com,Cy,Vo,Agree,Quality of the work,Speed of delivery,,
"""

PARABOL = """reflectionGroup,author,votes,prompt,type,createdAt,discussionThread,content
Deploys,Anonymous,3,Start,Reflection,2026-03-02T10:00:00Z,,Feature flags for risky changes
Deploys,Anonymous,3,Stop,Reflection,2026-03-02T10:01:00Z,,Merging on Friday afternoons
Deploys,Anonymous,3,Continue,Reflection,2026-03-02T10:02:00Z,,Short daily check-ins
Deploys,Rui Costa,3,,Comment,2026-03-02T10:10:00Z,Who picks this up?,Who picks this up?
Testing,Anonymous,1,Start,Reflection,2026-03-02T10:03:00Z,,A shared test data set
"""

BOARD = """Start,Stop,Continue
Writing the release notes together,Long planning meetings,Pair reviews
Rotating the on-call,,Demo days
"""


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "import.duckdb") as s:
        yield s


def _plan(store, text, name, template="project-postmortem", **options):
    data = text.encode() if isinstance(text, str) else text
    return plan_import(store, data, name, project="Web shop", template_id=template, **options)


def test_google_forms_export_matched_by_prompt_and_stored_without_identity(store):
    plan = _plan(store, GOOGLE, "form.csv")
    assert plan.flavour == "google_forms"
    mapped = {m.column: m.question_id for m in plan.matches}
    assert mapped["Timestamp"] is None and mapped["Email Address"] is None
    assert mapped["The schedule was realistic."] == "schedule_realistic"
    assert mapped["What was the root cause?"] == "root_cause"
    assert plan.quarter == "2025Q2" and plan.responses == 5
    assert plan.problems == []
    survey_id = run_import(store, plan)
    survey = store.survey(survey_id)
    assert survey.status == "closed" and survey.quarter == "2025Q2"
    # Labels and numbers read alike; every response has the same day (the quarter's last).
    dist = store.answer_distribution(survey_id)
    goals = dist[dist["question_id"] == "goals_clear"].set_index("value")["responses"]
    assert goals.to_dict() == {"4": 4, "5": 1}
    responses = store.table_rows("responses")
    assert set(responses["submitted_on"].astype(str)) == {"2025-06-30"}
    # Nothing of the identity columns is stored anywhere; names in free text are redacted.
    dump = " ".join(
        store.table_rows(t).astype(str).to_csv() for t in ("answers", "responses", "surveys")
    )
    for identity in ("example.org", "9:14:03", "kim.baxter", "GMT+2"):
        assert identity not in dump
    texts = store.table_rows("answers")["value_text"].dropna().tolist()
    assert "Ask [name] about the handover" in texts
    # The import shows in the trends like any survey once above the threshold.
    shown = store.participation(Scope(projects=("Web shop",)))
    assert int(shown["responses"].sum()) == 5


def test_typeform_option_columns_join_one_multiple_choice_question(store):
    plan = _plan(store, TYPEFORM, "typeform.csv", template="client-feedback")
    assert plan.flavour == "typeform"
    mapped = {m.column: (m.question_id, m.how) for m in plan.matches}
    assert mapped["Quality of the work"] == ("valued", "option")
    assert mapped["Value for money"] == ("valued", "option")
    assert mapped["#"][0] is None and mapped["Network ID"][0] is None
    assert plan.quarter == "2026Q1"
    survey_id = run_import(store, plan)
    answers = store.table_rows("answers")
    valued = answers[(answers["survey_id"].astype(str) == survey_id)]
    valued = valued[valued["question_id"] == "valued"]["value_choice"].value_counts().to_dict()
    assert valued == {"Quality of the work": 2, "Value for money": 1, "Speed of delivery": 1}
    yes_no = answers[answers["question_id"] == "work_again"]["value_choice"].value_counts()
    assert yes_no.to_dict() == {"Yes": 2, "No": 1}


def test_surveymonkey_two_header_rows(store):
    plan = _plan(store, SURVEYMONKEY, "monkey.csv", template="client-feedback")
    assert plan.flavour == "surveymonkey"
    mapped = {m.column: m.question_id for m in plan.matches}
    assert mapped["What could have gone better?"] == "went_wrong"
    assert (
        mapped["The timeline we agreed was realistic and we kept you informed about it."]
        == "schedule_realistic"
    )
    for identity in ("IP Address", "First Name", "Last Name", "Respondent ID", "Email Address"):
        assert mapped[identity] is None
    # Each option column sits under its question's prompt (the first header row).
    assert [q for c, q in mapped.items() if c.startswith("What did you value")] == ["valued"] * 3
    assert plan.responses == 3 and plan.quarter == "2026Q1"
    assert plan.preview.loc[0, "valued"] == "Quality of the work, Value for money"


def test_parabol_cards_import_reflections_only(store):
    plan = _plan(store, PARABOL, "parabol.csv", template="sprint-retro")
    assert plan.flavour == "parabol"
    assert plan.responses == 4  # the comment (with its author's name) is left out
    assert any("comment" in n for n in plan.notes)
    survey_id = run_import(store, plan)
    texts = store.table_rows("answers")
    texts = texts[texts["survey_id"].astype(str) == survey_id]
    assert sorted(texts["question_id"]) == ["continue", "start", "start", "stop"]
    assert "Rui" not in texts.to_csv()


def test_board_with_one_column_per_board_column(store):
    plan = _plan(store, BOARD, "board.csv", template="sprint-retro", board=True)
    assert plan.responses == 5
    assert {m.question_id for m in plan.matches} == {"start", "stop", "continue"}


def test_xlsx_microsoft_forms_export(store):
    frame = pd.DataFrame(
        {
            "ID": [1, 2, 3],
            "Start time": ["1/20/26 9:00:00"] * 3,
            "Completion time": ["1/20/26 9:04:00"] * 3,
            "Email": ["anonymous"] * 3,
            "Name": ["", "", ""],
            "Sprint goal met": ["Yes", "No", "Yes"],
            "Rate the sprint": [8, 6, 7],
        }
    )
    out = io.BytesIO()
    frame.to_excel(out, index=False)
    plan = _plan(
        store,
        out.getvalue(),
        "forms.xlsx",
        template="sprint-retro",
        mapping=parse_mapping(["Rate the sprint=sprint_rating"]),
    )
    assert plan.flavour == "microsoft_forms"
    mapped = {m.column: m.question_id for m in plan.matches}
    assert mapped["Sprint goal met"] == "sprint_goal_met"  # by id, ignoring case and "_"
    assert mapped["Rate the sprint"] == "sprint_rating"
    assert mapped["Email"] is None and mapped["Name"] is None
    assert plan.quarter == "2026Q1"


def test_invalid_cells_reported_and_left_out_row_kept(store):
    bad = GOOGLE.replace(",Agree,Disagree,Neither agree", ",Maybe,Disagree,Neither agree", 1)
    plan = _plan(store, bad, "form.csv")
    assert len(plan.problems) == 1 and "row 2" in plan.problems[0]
    assert plan.responses == 5


def test_quarter_given_wins_and_below_threshold_is_said(store):
    three = "\n".join(GOOGLE.splitlines()[:3]) + "\n"
    plan = _plan(store, three, "form.csv", quarter="2024q4")
    assert plan.quarter == "2024Q4"
    assert any("below the anonymity threshold" in n for n in plan.notes)
    survey_id = run_import(store, plan)
    from afterward.services.survey_results import survey_results

    assert survey_results(store, survey_id)["released_responses"] == 0


@pytest.mark.parametrize(
    ("text", "name", "options", "message"),
    [
        ("", "empty.csv", {}, "no rows"),
        (GOOGLE, "form.pdf", {}, ".csv, .tsv or .xlsx"),
        ("a,b\n1,2\n", "other.csv", {}, "No column"),
        (GOOGLE, "form.csv", {"mapping": {"Nope": "went_well"}}, "does not have"),
        (GOOGLE, "form.csv", {"mapping": {"What went well?": "nope"}}, "unknown question"),
        (GOOGLE, "form.csv", {"mapping": {"Email Address": "went_well"}}, "identity"),
        (GOOGLE, "form.csv", {"quarter": "Q3"}, "2026Q3"),
    ],
)
def test_bad_input_gives_a_message_and_stores_nothing(store, text, name, options, message):
    with pytest.raises(ValueError, match=message):
        _plan(store, text, name, **options)
    assert store.table_rows("surveys").empty


def test_parse_mapping():
    assert parse_mapping(["What went well? = went_well", "Score="]) == {
        "What went well?": "went_well",
        "Score": "",
    }
    with pytest.raises(ValueError, match="COLUMN=question_id"):
        parse_mapping(["went_well"])


def test_day_stored_is_today_inside_the_current_quarter(store, monkeypatch):
    import clock

    monkeypatch.setattr(clock, "today", lambda: date(2026, 11, 30))
    import afterward.services.importing as importing

    monkeypatch.setattr(importing, "today", lambda: date(2026, 11, 30))
    plan = _plan(store, GOOGLE, "form.csv", quarter="2026Q4")
    run_import(store, plan)
    assert set(store.table_rows("responses")["submitted_on"].astype(str)) == {"2026-11-30"}


def test_cli_import_without_the_app(db_path, tmp_path, capsys):
    from afterward.cli import main

    export = tmp_path / "typeform.csv"
    export.write_text(TYPEFORM, encoding="utf-8")
    assert main(["import", str(export), "--project", "P", "--template", "client-feedback"]) == 0
    survey_id = capsys.readouterr().out.strip().splitlines()[-1]
    with Store(db_path) as store:
        assert store.survey(survey_id).quarter == "2026Q1"
    missing = main(["import", str(tmp_path / "nope.csv"), "--project", "P", "--template", "x"])
    assert missing == 2 and "Cannot read" in capsys.readouterr().err


def test_a_column_of_email_addresses_is_identity_whatever_its_header(store):
    """A curious manager renames the e-mail column and maps it to a text question."""
    renamed = GOOGLE.replace("Email Address", "Anything else?", 1)
    plan = _plan(store, renamed, "form.csv")
    assert {m.column: m.how for m in plan.matches}["Anything else?"] == "identity"
    with pytest.raises(ValueError, match="identity"):
        _plan(store, renamed, "form.csv", mapping={"Anything else?": "went_well"})
    run_import(store, plan)
    every_table = " ".join(
        store.table_rows(t).astype(str).to_csv()
        for t in ("answers", "responses", "surveys", "survey_questions", "projects")
    )
    assert "@example.org" not in every_table


def test_xlsx_with_a_summary_sheet_first_reads_the_responses_sheet(store):
    # A workbook a manager tidied: a short summary sheet first, the answers on the second.
    out = io.BytesIO()
    with pd.ExcelWriter(out) as writer:
        pd.DataFrame({"Note": ["Exported by the team lead"]}).to_excel(
            writer, sheet_name="Summary", index=False
        )
        pd.DataFrame(
            {
                "What went well?": [f"Pairing on day {i}" for i in range(4)],
                "What went wrong?": ["Late scope changes"] * 4,
            }
        ).to_excel(writer, sheet_name="Responses", index=False)
        pd.DataFrame().to_excel(writer, sheet_name="Empty", index=False)
    plan = _plan(store, out.getvalue(), "tidied.xlsx")
    assert plan.responses == 4
    assert {m.question_id for m in plan.matches} == {"went_well", "went_wrong"}
    assert any("'Responses'" in n and "Summary" in n for n in plan.notes)


def test_a_cell_too_large_to_read_is_a_clear_message(store):
    huge = "What went well?\n" + '"' + "x" * 200_000 + '"\n'
    with pytest.raises(ValueError, match=r"huge\.csv could not be read as a table"):
        _plan(store, huge, "huge.csv")
    assert store.table_rows("surveys").empty


@pytest.mark.parametrize("last", ["ok;ok", "ok;ok!"])  # an odd and an even number of bytes
def test_a_windows_1252_csv_reads_its_accents_whatever_its_length(store, last):
    # Excel on Windows saves "CSV" in cp1252: not UTF-8, and never to be read as UTF-16.
    text = "What went well?;What went wrong?\n"
    text += "".join(f"Café réunion {i};Déploiement tardif\n" for i in range(4)) + last + "\n"
    plan = _plan(store, text.encode("cp1252"), "excel.csv")
    assert plan.responses == 5
    assert plan.preview["went_wrong"].iloc[0] == "Déploiement tardif"


def test_a_utf16_export_still_reads():
    text = "What went well?\tWhat went wrong?\nPairing\tLate scope\nDemos\tFlaky tests\n"
    for data in (text.encode("utf-16"), text.encode("utf-8-sig")):
        table = read_export(data, "export.txt")
        assert table.frame.iloc[1].tolist() == ["Demos", "Flaky tests"]


@pytest.mark.parametrize(
    "text",
    [
        "What went well?\nPairing on bugs\nDemo days\nShort standups\n",
        'What went well?\n"Pairing, demos and reviews"\n"Fixing; testing"\nOK\n',
    ],
)
def test_a_one_column_csv_is_one_column(store, text):
    # No delimiter to find: the prompt's spaces are not one (it was split into "What",
    # "went", "well?" and matched nothing).
    plan = _plan(store, text, "list.csv")
    assert [m.question_id for m in plan.matches] == ["went_well"]
    assert plan.responses == 3
    assert plan.preview["went_well"].tolist()[0] in (
        "Pairing on bugs",
        "Pairing, demos and reviews",
    )


@pytest.mark.parametrize(
    "stamp",
    [
        "2025-03-0{d} 10:1{d}:22",
        "03/0{d}/2025 10:1{d}",
        "2025-03-0{d}T10:1{d}:22Z",
        "3/{d}/25 9:0{d} AM",
    ],
)
def test_a_column_of_timestamps_is_identity_whatever_its_header(store, stamp):
    """A submission time under a header no list knows ("When"): never stored, not even
    mapped to a text question by hand, and it still dates the import (2025Q1)."""
    rows = "".join(f"{stamp.format(d=d)},Pairing {d},Scope {d}\n" for d in range(1, 6))
    data = "When,What went well?,What went wrong?\n" + rows
    plan = _plan(store, data, "renamed.csv")
    assert {m.column: m.how for m in plan.matches}["When"] == "identity"
    assert plan.quarter == "2025Q1"
    with pytest.raises(ValueError, match="identity"):
        _plan(store, data, "renamed.csv", mapping={"When": "root_cause"})


def test_answers_that_mention_a_time_are_still_answers(store):
    data = "What went wrong?\n" + "".join(
        f"The deploy at 10:{d}0 on 2025-03-0{d} broke the build\n" for d in range(1, 6)
    )
    plan = _plan(store, data, "form.csv")
    assert [m.question_id for m in plan.matches] == ["went_wrong"] and plan.responses == 5
