"""The command line refuses bad input (exit 2) before doing anything: a missing database
file is not silently created by a read-only command, --out needs an existing folder, and
`links --invitations` is checked before any warning."""

from __future__ import annotations

import pytest

from afterward import cli
from surveys import setup
from surveys.store import Store


@pytest.fixture
def survey(db_path) -> str:
    with Store(db_path) as store:
        return setup.create_survey(store, project="Checks", template_id="project-postmortem")


@pytest.mark.parametrize(
    "argv",
    [
        ["survey", "list"],
        ["survey", "list", "--json"],
        ["results", "abc", "--json"],
        ["export", "abc", "--format", "csv", "--out", "x.csv"],
        ["report", "--quarter", "2026Q3", "--out", "x.html"],
        ["links", "abc"],
    ],
)
def test_a_missing_database_is_an_error_naming_it_not_a_new_database(
    db_path, capsys, monkeypatch, argv
):
    missing = db_path.parent / "typo" / "nothing.duckdb"
    db_path.parent.joinpath("typo").mkdir()
    monkeypatch.setenv("AFTERWARD_DB", str(missing))
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert f"No database at {missing}" in err
    assert not missing.exists()


def test_commands_that_create_data_may_create_the_database(db_path, capsys):
    assert cli.main(["survey", "create", "--project", "P", "--template", "sprint-retro"]) == 0
    assert db_path.exists()


@pytest.mark.parametrize("command", ["export", "report", "postmortem"])
def test_out_in_a_missing_folder_is_refused_and_not_created(survey, tmp_path, capsys, command):
    out = tmp_path / "no" / "such" / "file.html"
    if command == "export":  # a survey the gate shows, so only the folder can be wrong
        from afterward.services import publishing
        from tests.test_survey_texts import answer, make_survey

        with publishing.open_store(tmp_path / "afterward.duckdb") as store:
            survey = make_survey(store, threshold=3)
            for _ in range(3):
                answer(store, survey, stop="Fewer meetings")
    argv = {
        "export": [
            "export",
            survey,
            "--format",
            "csv",
            "--summary-only",
            "--out",
            str(out.with_suffix(".csv")),
        ],
        "report": ["report", "--quarter", "2026Q3", "--out", str(out)],
        "postmortem": ["postmortem", survey, "--out", str(out)],
    }[command]
    assert cli.main(argv) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("count", ["0", "10001", "-3"])
def test_invitation_count_is_checked_before_the_base_url_warning(
    survey, capsys, count, monkeypatch
):
    monkeypatch.delenv("AFTERWARD_BASE_URL", raising=False)
    assert cli.main(["links", survey, "--invitations", count]) == 2
    err = capsys.readouterr().err
    assert err == "afterward: Ask for between 1 and 10,000 invitation links.\n"


def test_survey_list_says_when_results_are_hidden_and_keeps_its_json_keys(db_path, capsys):
    import json

    from afterward.services import publishing
    from tests.test_survey_texts import answer, make_survey

    with publishing.open_store(db_path) as store:
        survey_id = make_survey(store, threshold=5)
        for _ in range(2):
            answer(store, survey_id, stop="Fewer meetings")
        store.set_survey_status(survey_id, "closed")
    assert cli.main(["survey", "list", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert set(row) == {"id", "project", "title", "quarter", "status", "responses", "waiting"}
    assert cli.main(["survey", "list"]) == 0
    text = capsys.readouterr().out
    assert "released" not in text
    assert "results hidden: fewer than 5 (threshold)" in text


def test_a_corrupt_database_is_an_environment_error_exit_1(db_path, capsys):
    db_path.write_bytes(b"this is not a duckdb file at all" * 100)
    assert cli.main(["survey", "list"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("afterward: ") and "Traceback" not in err
    assert db_path.read_bytes().startswith(b"this is not")  # nothing overwritten


def test_help_documents_the_exit_codes(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert "Exit status: 0 done; 1 the environment failed" in capsys.readouterr().out
