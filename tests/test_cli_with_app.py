"""The command line while the app runs: the real server holds the DuckDB file, and every
manager command (survey list, links, results, export, report, postmortem, survey close) still
works, through the app's JSON API, with the same answers as without the app."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.browser.conftest import Server
from tests.conftest import ROOT
from tests.smtp_helpers import body, smtp_inbox


def run_cli(server: Server, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "afterward.cli", *args],
        env=server.env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=check,
    )


@pytest.fixture(scope="module")
def running(tmp_path_factory) -> Server:
    server = Server(tmp_path_factory.mktemp("cli_app") / "app.duckdb")
    server.cli("demo")
    created = server.cli(
        "survey", "create", "--project", "CLI beside the app", "--template",
        "project-postmortem", "--threshold", "5",
    )  # fmt: skip
    server.survey_id = created.strip().splitlines()[-1]
    server.offline_list = json.loads(server.cli("survey", "list", "--json"))
    with smtp_inbox() as (inbox, port):  # a real SMTP server for `invite` and `remind`
        server.inbox = inbox
        server.env["AFTERWARD_SMTP_URL"] = f"smtp://127.0.0.1:{port}"
        server.env["AFTERWARD_MAIL_FROM"] = "retro@team.example"
        server.start()
        yield server
        server.stop()


def _get(url: str, headers: dict | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.status, reply.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_the_app_holds_the_database_and_leaves_a_private_server_file(running):
    server_file = Path(str(running.db_path) + ".server.json")
    assert server_file.exists()
    assert stat.S_IMODE(server_file.stat().st_mode) == 0o600
    found = json.loads(server_file.read_text())
    assert found["url"] == running.url and len(found["key"]) >= 40


def test_survey_list_is_the_same_with_and_without_the_app(running):
    listed = json.loads(run_cli(running, "survey", "list", "--json").stdout)
    assert listed == running.offline_list
    assert {"id", "project", "title", "quarter", "status", "responses"} <= set(listed[0])
    text = run_cli(running, "survey", "list").stdout
    assert running.survey_id in text and "CLI beside the app" in text


def test_links_show_the_same_open_link_and_rotate_says_so(running):
    first = run_cli(running, "links", running.survey_id).stdout.strip()
    again = run_cli(running, "links", running.survey_id).stdout.strip()
    assert first == again and first.startswith(running.url + "/?t=")
    rotated = run_cli(running, "links", running.survey_id, "--rotate")
    assert rotated.stdout.strip() != first
    assert "stops working" in rotated.stderr
    status, page = _get(first)
    assert status == 200 and b"can't be used" in page.replace(b"&#39;", b"'")


def test_results_export_and_report_through_the_app(running, tmp_path):
    sample = next(s for s in running.offline_list if s["responses"] >= 5)
    results = json.loads(run_cli(running, "results", sample["id"], "--json").stdout)
    assert results["survey_id"] == sample["id"]
    summary = run_cli(
        running, "export", sample["id"], "--format", "csv", "--summary-only",
        "--out", str(tmp_path / "summary.csv"),
    )  # fmt: skip
    assert "Wrote" in summary.stdout and (tmp_path / "summary.csv").read_text().strip()
    refused = run_cli(
        running, "export", sample["id"], "--format", "csv", "--out", str(tmp_path / "rows.csv"),
        check=False,
    )  # fmt: skip
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert not (tmp_path / "rows.csv").exists()
    quarter = sample["quarter"]
    report = run_cli(running, "report", "--quarter", quarter, "--out", str(tmp_path / "r.html"))
    assert "Wrote" in report.stdout and "<html" in (tmp_path / "r.html").read_text().lower()


def test_import_dry_run_then_import_through_the_app(running, tmp_path):
    from tests.test_import import GOOGLE

    export = tmp_path / "form.csv"
    export.write_text(GOOGLE, encoding="utf-8")
    base = ["import", str(export), "--project", "Imported beside the app"]
    dry = run_cli(running, *base, "--template", "project-postmortem", "--dry-run")
    assert dry.stdout.strip().splitlines()[-1] == "Dry run: nothing stored."
    assert "'The schedule was realistic.' -> schedule_realistic" in dry.stdout
    assert "identity data" in dry.stdout and "kim.baxter" not in dry.stdout
    done = run_cli(
        running, *base, "--template", "project-postmortem",
        "--map", "What went well?=", "--quarter", "2025Q3",
    )  # fmt: skip
    survey_id = done.stdout.strip().splitlines()[-1]
    listed = json.loads(run_cli(running, "survey", "list", "--json").stdout)
    row = next(s for s in listed if s["id"] == survey_id)
    assert (row["quarter"], row["status"], row["responses"]) == ("2025Q3", "closed", 5)
    bad = run_cli(running, *base, "--template", "nope", check=False)
    assert bad.returncode == 2 and "Unknown template" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_postmortem_through_the_app(running, tmp_path):
    sample = next(s for s in running.offline_list if s["responses"] >= 5)
    out = tmp_path / "pm.md"
    done = run_cli(running, "postmortem", sample["id"], "--out", str(out))
    assert str(out) in done.stdout
    text = out.read_text()
    assert "## What went wrong" in text and "## Action items" in text
    assert "**Owner: not assigned yet**" in text  # no post-mortem started: still prefilled
    run_cli(running, "postmortem", sample["id"], "--out", str(tmp_path / "pm.pdf"))
    assert (tmp_path / "pm.pdf").read_bytes().startswith(b"%PDF")
    for args, message in (
        (("not-a-survey", "--out", str(tmp_path / "x.md")), "No survey"),
        ((sample["id"], "--out", str(tmp_path / "x.docx")), ".md, .html or .pdf"),
    ):
        refused = run_cli(running, "postmortem", *args, check=False)
        assert refused.returncode == 2 and message in refused.stderr
        assert "Traceback" not in refused.stderr
    status, _ = _get(f"{running.url}/api/v1/surveys/{sample['id']}/postmortem?format=md")
    assert status == 401  # the route needs the app's key or a manager session


def test_invite_and_remind_by_email_through_the_app(running, tmp_path):
    inbox = running.inbox
    inbox.refuse.add("bo@team.example")
    emails = tmp_path / "team.csv"
    emails.write_text("name,email\nAna,ana@team.example\nBo,bo@team.example\nCy,CY@team.example\n")
    message = tmp_path / "message.txt"
    message.write_text("Hello from the CLI: {survey}\n{link}\n")
    sent = run_cli(
        running, "invite", running.survey_id, "--emails", str(emails),
        "--message-file", str(message), check=False,
    )  # fmt: skip
    assert sent.returncode == 1, sent.stderr
    assert sent.stdout.strip() == "Sent 2 invitation(s)."
    assert "Not delivered to bo@team.example: 550" in sent.stderr
    assert "some messages were not sent" in sent.stderr and "Traceback" not in sent.stderr
    assert sorted(m["To"] for m in inbox.messages) == ["ana@team.example", "cy@team.example"]
    [link] = [line for line in body(inbox.to("ana@team.example")[0]).splitlines() if "?t=" in line]
    assert link.startswith(running.url + "/?t=")  # AFTERWARD_BASE_URL of the app
    status, page = _get(link)
    assert status == 200 and b"Link not available" not in page

    inbox.refuse.clear()
    inbox.messages.clear()
    reminded = run_cli(running, "remind", running.survey_id)
    assert reminded.stdout.strip() == "Reminded 3 of 3 invited address(es)."
    assert "@" not in reminded.stdout + reminded.stderr
    assert sorted(m["To"] for m in inbox.messages) == [
        "ana@team.example", "bo@team.example", "cy@team.example",
    ]  # fmt: skip
    status, page = _get(link)  # the earlier link was replaced by the reminder's
    assert b"Link not available" in page
    [fresh] = [line for line in body(inbox.to("ana@team.example")[0]).splitlines() if "?t=" in line]
    assert b"Link not available" not in _get(fresh)[1]

    again = run_cli(running, "invite", running.survey_id, "--emails", str(emails))
    assert again.stdout.strip() == "Sent 0 invitation(s)." and "already invited" in again.stderr
    missing = run_cli(running, "invite", running.survey_id, "--emails", "nope.txt", check=False)
    unknown = run_cli(running, "remind", "not-a-survey", check=False)
    assert (missing.returncode, unknown.returncode) == (2, 2)
    assert "Cannot read nope.txt" in missing.stderr and "No survey" in unknown.stderr


def test_invite_through_the_app_runs_in_the_background_with_progress(running, tmp_path):
    """The app sends at its default 5 a second: 8 messages take over a second, during which
    the command line prints progress (counts only) and then the usual report."""
    emails = tmp_path / "more.txt"
    emails.write_text("\n".join(f"bg{i}@team.example" for i in range(8)))
    sent = run_cli(running, "invite", running.survey_id, "--emails", str(emails))
    assert sent.stdout == "Sent 8 invitation(s).\n"
    progress = [line for line in sent.stderr.splitlines() if line.startswith("afterward: Sent ")]
    assert progress and all(line.endswith("of 8 invitation(s).") for line in progress)
    assert "@" not in "".join(progress) and "Traceback" not in sent.stderr
    assert len([m for m in running.inbox.messages if m["To"].startswith("bg")]) == 8


def test_errors_come_back_as_one_line(running):
    unknown = run_cli(running, "survey", "close", "not-a-survey", check=False)
    assert unknown.returncode == 2
    assert "No survey" in unknown.stderr and "Traceback" not in unknown.stderr


def test_close_through_the_app(running):
    run_cli(running, "survey", "close", running.survey_id)
    listed = json.loads(run_cli(running, "survey", "list", "--json").stdout)
    assert next(s for s in listed if s["id"] == running.survey_id)["status"] == "closed"


def test_api_refuses_without_credentials_and_health_answers(running):
    status, body = _get(f"{running.url}/api/v1/surveys")
    assert status == 401 and "error" in json.loads(body)
    status, _ = _get(f"{running.url}/api/v1/surveys", {"Authorization": "Bearer wrong"})
    assert status == 401
    status, body = _get(f"{running.url}/healthz")
    assert status == 200 and json.loads(body) == {"status": "ok"}


def test_server_file_goes_when_the_app_stops(tmp_path):
    server = Server(tmp_path / "stop.duckdb")
    server.start()
    server_file = Path(str(server.db_path) + ".server.json")
    assert server_file.exists()
    server.stop()
    assert not server_file.exists()
    # With the app gone the CLI opens the database itself again.
    assert json.loads(server.cli("survey", "list", "--json")) == []


def test_recurring_retros_beside_the_app(tmp_path):
    """Set offline, the app's scheduler opens today's retro at start-up; then every
    `afterward schedule` command works through the app."""
    server = Server(tmp_path / "schedules.duckdb")
    server.env.pop("AFTERWARD_SMTP_URL", None)
    created = server.cli(
        "schedule", "add", "--project", "Weekly beside the app", "--template", "sprint-retro",
        "--every-weeks", "1", "--open-days", "2",
    )  # fmt: skip
    schedule_id = created.strip().splitlines()[-1]
    server.start()
    try:
        for _ in range(100):  # the scheduler's first run starts with the app
            listed = json.loads(run_cli(server, "survey", "list", "--json").stdout)
            if listed:
                break
            time.sleep(0.1)
        assert [s["project"] for s in listed] == ["Weekly beside the app"]
        assert listed[0]["status"] == "open"
        [row] = json.loads(run_cli(server, "schedule", "list", "--json").stdout)
        assert row["id"] == schedule_id and row["last_run_on"] is not None
        assert "opened, open until" in row["note"] and "No recipients" in row["note"]
        again = run_cli(server, "schedule", "run").stdout
        assert again.startswith("Nothing was due on")
        added = run_cli(
            server, "schedule", "add", "--project", "Quarterly", "--template", "sprint-retro",
            "--quarter-end", "--open-days", "5",
        ).stdout  # fmt: skip
        second = added.strip().splitlines()[-1]
        assert "each quarter's last 5 days" in added
        assert run_cli(server, "schedule", "pause", second).stdout.startswith("Paused")
        assert "next due" in run_cli(server, "schedule", "resume", second).stdout
        edited = run_cli(
            server, "schedule", "edit", second, "--open-days", "7", "--remind-days-before", "2"
        ).stdout  # fmt: skip
        assert "each quarter's last 7 days" in edited and "reminder 2 day(s)" in edited
        bad_edit = run_cli(server, "schedule", "edit", second, "--threshold", "1", check=False)
        assert bad_edit.returncode == 2 and "at least 3" in bad_edit.stderr
        assert "stay" in run_cli(server, "schedule", "remove", second).stdout
        unknown = run_cli(server, "schedule", "remove", second, check=False)
        assert unknown.returncode == 2 and "No schedule with id" in unknown.stderr
        bad = run_cli(
            server, "schedule", "add", "--project", "P", "--template", "sprint-retro",
            "--every-weeks", "1", "--open-days", "9", check=False,
        )  # fmt: skip
        assert bad.returncode == 2 and "at most 7 days" in bad.stderr
        assert "Traceback" not in bad.stderr + unknown.stderr
        status, _ = _get(f"{server.url}/api/v1/schedules")
        assert status == 401
    finally:
        server.stop()
