"""E-mail batches in the background (`afterward.services.mail_jobs`): the JSON API starts a
batch and answers 202 at once, progress is read by job id, a second batch for the same survey
is refused, reminders report counts only; the command line prints progress on stderr."""

from __future__ import annotations

import json
import time

import pytest
from starlette.applications import Starlette

from afterward.services import mail_jobs
from afterward.web.api import API_KEY, API_ROUTES
from surveys import setup
from surveys.store import Store
from tests.http_helpers import http_client
from tests.test_mailing import mail_env, smtp_server  # noqa: F401 - fixtures

KEY = {"Authorization": f"Bearer {API_KEY}"}
PEOPLE = [f"p{i}@team.example" for i in range(6)]


def new_survey(db_path) -> str:
    with Store(db_path) as store:
        return setup.create_survey(
            store, project="Harbour Website", template_id="project-postmortem", quarter="2026Q3"
        )


def follow(client, job_id: str, seconds: float = 30.0) -> list[dict]:
    """Every progress answer until the job is done."""
    seen = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        reply = client.get(f"/api/v1/mail-jobs/{job_id}", headers=KEY)
        assert reply.status_code == 200, reply.text
        seen.append(reply.json())
        if seen[-1]["done"]:
            return seen
        time.sleep(0.1)
    pytest.fail("the mail job did not finish")


def test_api_starts_a_batch_at_once_reports_progress_and_refuses_a_second(
    db_path,
    mail_env,  # noqa: F811
    monkeypatch,
):
    monkeypatch.setenv("AFTERWARD_MAIL_RATE", "4")  # 6 messages: about 1.5 s
    survey_id = new_survey(db_path)
    mail_env.refuse.add(PEOPLE[2])
    emails = "\n".join(PEOPLE) + "\nnot-an-address"
    with http_client(app=Starlette(routes=API_ROUTES)) as client:
        began = time.monotonic()
        started = client.post(
            f"/api/v1/surveys/{survey_id}/invite", json={"emails": emails}, headers=KEY
        )
        assert started.status_code == 202, started.text
        assert time.monotonic() - began < 1.0  # the request did not wait for the batch
        job_id = started.json()["job"]
        busy = client.post(f"/api/v1/surveys/{survey_id}/remind", json={}, headers=KEY)
        assert busy.status_code == 409 and "already being sent" in busy.json()["error"]
        seen = follow(client, job_id)
        assert len(seen) >= 2 and not seen[0]["done"]
        sent = [row["sent"] for row in seen]
        assert sent == sorted(sent) and seen[-1]["total"] == 6
        done = seen[-1]
        assert (done["kind"], done["sent"], done["failed"], done["error"]) == (
            "invitation",
            5,
            1,
            "",
        )
        assert done["failures"][0]["address"] == PEOPLE[2]
        assert done["report"]["lines"][0] == "Sent 5 invitation(s)."
        assert done["report"]["invalid"] == ["not-an-address"]

        mail_env.messages.clear()
        mail_env.refuse.clear()
        started = client.post(f"/api/v1/surveys/{survey_id}/remind", json={}, headers=KEY)
        assert started.status_code == 202
        seen = follow(client, started.json()["job"])
        assert seen[-1]["report"]["lines"] == ["Reminded 6 of 6 invited address(es)."]
        # Reminders: counts only, in every progress answer, never an address.
        assert all("@" not in json.dumps(row) for row in seen)
        assert len(mail_env.messages) == 6

        # Refused before anything starts: no address, unknown survey, unknown job.
        none = client.post(
            f"/api/v1/surveys/{survey_id}/invite", json={"emails": "nobody"}, headers=KEY
        )
        assert none.status_code == 400 and "No e-mail address" in none.json()["error"]
        unknown = client.post(
            "/api/v1/surveys/nope/invite", json={"emails": "a@b.example"}, headers=KEY
        )
        assert unknown.status_code == 404
        assert client.get("/api/v1/mail-jobs/nope", headers=KEY).status_code == 404
        assert client.get(f"/api/v1/mail-jobs/{job_id}").status_code == 401


def test_an_unreachable_server_is_the_jobs_error_and_nothing_is_stored(db_path, monkeypatch):
    monkeypatch.setenv("AFTERWARD_SMTP_URL", "smtp://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv("AFTERWARD_MAIL_FROM", "retro@team.example")
    survey_id = new_survey(db_path)
    with Store(db_path) as store:
        job = mail_jobs.start_invitations(
            store, survey_id, "a@team.example", None, "https://x.example"
        )
        done = mail_jobs.wait(job.job_id, timeout_s=60)
        assert done.done and "Cannot reach the mail server" in done.error and done.report is None
        assert store.invited_address_count(survey_id) == 0
        # The survey is free again for the next batch.
        assert mail_jobs.running_for(survey_id) is None


def test_cli_without_the_app_prints_progress_on_stderr_and_the_same_report(
    db_path,
    mail_env,  # noqa: F811
    tmp_path,
    capsys,
    monkeypatch,
):
    from afterward import cli

    monkeypatch.setenv("AFTERWARD_MAIL_RATE", "3")  # 6 messages: about 2 s
    survey_id = new_survey(db_path)
    team = tmp_path / "team.txt"
    team.write_text("\n".join(PEOPLE))
    code = cli.main(["invite", survey_id, "--emails", str(team), "--base-url", "https://x.example"])
    out = capsys.readouterr()
    assert code == 0 and out.out == "Sent 6 invitation(s).\n"
    progress = [line for line in out.err.splitlines() if line.startswith("afterward: Sent ")]
    assert progress and all(line.endswith("of 6 invitation(s).") for line in progress), out.err
    code = cli.main(["remind", survey_id, "--base-url", "https://x.example"])
    out = capsys.readouterr()
    assert code == 0 and out.out == "Reminded 6 of 6 invited address(es).\n"
    assert "of 6 reminder(s)." in out.err and "@" not in out.err
