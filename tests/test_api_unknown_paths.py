"""Paths under /api/ that no route serves answer JSON, never the Streamlit page, in the real
app (`streamlit run dashboard.py`); the command line, asking that app, says what went wrong
instead of failing to decode a page."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.browser.conftest import Server
from tests.test_cli_with_app import run_cli


@pytest.fixture(scope="module")
def running(tmp_path_factory) -> Server:
    server = Server(tmp_path_factory.mktemp("api_paths") / "app.duckdb")
    created = server.cli(
        "survey", "create", "--project", "Paths", "--template", "project-postmortem",
    )  # fmt: skip
    server.survey_id = created.strip().splitlines()[-1]
    server.start()
    found = json.loads(Path(str(server.db_path) + ".server.json").read_text())
    server.key = {"Authorization": f"Bearer {found['key']}"}
    yield server
    server.stop()


def _call(server: Server, path: str, headers: dict, method: str = "GET"):
    request = urllib.request.Request(server.url + path, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.status, reply.headers, reply.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/surveys//results",
        "/api/v1/surveys//export",
        "/api/v1/nothing-here",
        "/api/v2/surveys",
        "/api/",
        "/api/v1/surveys/abc/results/extra",
    ],
)
@pytest.mark.parametrize("with_key", [True, False], ids=["with-key", "without-key"])
def test_unknown_api_paths_answer_json_404(running, path, with_key):
    status, headers, body = _call(running, path, running.key if with_key else {})
    assert status == 404, body[:200]
    assert headers["Content-Type"].startswith("application/json")
    assert "No API route" in json.loads(body)["error"]


def test_a_known_path_with_another_method_answers_json_405(running):
    status, headers, body = _call(running, "/api/v1/surveys/abc/close", running.key)
    assert status == 405
    assert headers["Allow"] == "POST"
    assert json.loads(body) == {"error": "GET is not allowed here."}


def test_real_routes_keep_their_answers(running):
    assert _call(running, "/api/v1/surveys", {})[0] == 401  # no key: still 401
    status, _, body = _call(running, "/api/v1/surveys/no-such-survey/results", running.key)
    assert (status, json.loads(body)) == (404, {"error": "No survey with id 'no-such-survey'."})
    status, _, body = _call(running, "/api/v1/surveys", running.key)
    assert status == 200 and json.loads(body)[0]["id"] == running.survey_id


@pytest.mark.parametrize("survey_id", ["", "  "])
def test_an_empty_survey_id_is_bad_input_with_a_clear_message(running, survey_id):
    done = run_cli(running, "results", survey_id, "--json", check=False)
    assert done.returncode == 2, done.stderr
    assert "survey id" in done.stderr.lower()
    assert "Expecting value" not in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""


def test_an_unknown_survey_id_through_the_app_is_bad_input(running):
    done = run_cli(running, "results", "no-such-survey", "--json", check=False)
    assert done.returncode == 2
    assert done.stderr == "afterward: No survey with id 'no-such-survey'.\n"


def test_an_answer_that_is_not_json_gets_a_clear_message(running, tmp_path):
    """A server file pointing at something that answers HTML (here: a Streamlit page, which
    sends the visitor to the manager login form) is reported, not decoded."""
    from afterward.backends import RemoteBackend
    from surveys.store import StoreError

    key = running.key["Authorization"].removeprefix("Bearer ")
    backend = RemoteBackend(running.url + "/elsewhere", key)
    with pytest.raises(StoreError, match="not JSON") as raised:
        backend.survey_list()
    assert "Expecting value" not in str(raised.value)
