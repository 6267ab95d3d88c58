"""An attack suite: each test tries to tie an answer to a person, and must fail."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from afterward.services import exports, responding
from surveys import links, responses
from surveys.setup import questionnaire_of
from surveys.store import Store
from tests.conftest import ROOT, stored_rows

BASE = {"goals_clear": 4, "schedule_realistic": 2, "schedule_detailed": 3, "communication": 6}


def answer(store: Store, survey_id: str, values: dict, invitation: str | None = None) -> str:
    survey = store.survey(survey_id)
    questionnaire = questionnaire_of(survey)
    checked = responses.validate(questionnaire, BASE | values)
    assert checked.ok, checked.errors
    stored = responding.stored_form(questionnaire, checked.answers)
    link = links.resolve(store, invitation) if invitation else links.LinkState("ok", survey)
    return responses.submit(store, link, stored)


@pytest.fixture
def crowd(store, survey_id):
    """10 team members, 1 client, 5 managers, 2 without a role."""
    for i in range(10):
        answer(
            store, survey_id, {"role": "Team member", "goals_clear": 5, "went_well": f"Pairing {i}"}
        )
    answer(
        store, survey_id, {"role": "Client", "goals_clear": 1, "went_wrong": "We were never asked"}
    )
    for _ in range(5):
        answer(store, survey_id, {"role": "Manager", "goals_clear": 3})
    for _ in range(2):
        answer(store, survey_id, {"goals_clear": 2})
    return survey_id


def test_subtraction_across_groups_cannot_reveal_a_small_group(store, crowd):
    summary = exports.summary_export(store, crowd).summary
    threshold = store.survey(crowd).anonymity_threshold
    for question, rows in summary.groupby("question"):
        total = rows.loc[rows["group"] == "All respondents", "responses"].iloc[0]
        groups = rows[rows["group"] != "All respondents"]
        visible = groups.dropna(subset=["responses"])
        assert (visible["responses"] >= threshold).all(), question
        unexplained = total - visible["responses"].sum()
        assert unexplained == 0 or unexplained >= threshold, (question, unexplained)
    # The lone client's rating cannot be read off any row.
    assert not (summary["mean"] == 1.0).any()


def test_a_single_respondent_in_a_role_is_never_singled_out(store, crowd):
    store.set_survey_status(crowd, "closed")  # row-level exports only once closed
    answers = exports.survey_export(store, crowd).answers
    counts = answers["role"].value_counts()
    assert "Client" not in counts.index
    assert (counts >= store.survey(crowd).anonymity_threshold).all()


def test_exports_carry_no_time_no_ids_and_no_insertion_order(store, survey_id):
    for rating in range(1, 11):  # arrival order is encoded in the rating
        answer(store, survey_id, {"communication": rating})
    store.set_survey_status(survey_id, "closed")
    first = exports.survey_export(store, survey_id).answers
    second = exports.survey_export(store, survey_id).answers
    forbidden = re.compile(
        r"date|time|day|_on$|_at$|id$|token|hash|receipt|(^|_)ip(_|$)|agent|session", re.I
    )
    assert not [c for c in first.columns if forbidden.search(c) and c not in {"role"}]
    order = first["communication"].tolist()
    assert sorted(order) == list(range(1, 11))
    assert order != list(range(1, 11)) or second["communication"].tolist() != list(range(1, 11))
    assert order != second["communication"].tolist()  # a fresh random order every time


def test_no_table_links_tokens_or_invitations_to_answers(store, open_survey_id):
    survey_id = open_survey_id
    tokens = links.issue_invitations(store, survey_id, 3) + [
        links.issue_open_link(store, survey_id)
    ]
    for token in tokens[:3]:
        answer(store, survey_id, {"went_wrong": f"Token {token}?"}, invitation=token)
    answer(store, survey_id, {}, invitation=tokens[3])
    columns = store.table_columns()
    for table in ("responses", "answers"):
        names = set(columns.loc[columns["table_name"] == table, "column_name"])
        suspicious = r"token|link|invit|(^|_)ip(_|$)|addr|agent|session|user|email|cookie|time"
        assert not {n for n in names if re.search(suspicious, n)}
    assert not columns["data_type"].str.contains("TIME").any(), "no column may hold a time of day"
    hashes = {links.token_hash(t) for t in tokens}
    for table in set(columns["table_name"]) - {"links"}:
        cells = " ".join(map(str, store.table_rows(table).to_numpy().ravel()))
        assert not any(h in cells for h in hashes), table
        assert not any(t in cells for t in tokens[3:]), table
    # Tokens a respondent pasted into text are theirs to share; the links table knows nothing
    # of responses.
    stored = store.table_rows("links")
    assert set(stored.columns) == {"token_hash", "survey_id", "kind", "used", "shared_token"}
    # Only the shareable link (the same for everyone) keeps its token; invitations never do.
    assert stored.loc[stored["kind"] == "invitation", "shared_token"].isna().all()


def test_receipt_codes_are_stored_only_as_hashes_and_open_one_response(store, survey_id):
    code = answer(store, survey_id, {"went_well": "Demo day"})
    other = answer(store, survey_id, {"went_well": "Retro cadence"})
    everything = " ".join(
        " ".join(map(str, store.table_rows(t).to_numpy().ravel()))
        for t in set(store.table_columns()["table_name"])
    )
    assert code not in everything and other not in everything
    from surveys.receipts import stored_response

    mine = stored_response(store, code)
    assert [v for _, v in mine.answers if isinstance(v, str)] == ["Demo day"]
    assert stored_response(store, code[:-1]) is None


def test_html_and_script_in_answers_stay_inert(store, survey_id):
    payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    code = answer(store, survey_id, {"went_wrong": payload})
    assert payload in set(stored_rows(store, "answers")["value_text"].dropna())
    from surveys.receipts import stored_response

    assert stored_response(store, code) is not None
    # No app code hands text to the browser as HTML (any spelling of the flag, any truthy value).
    raw_html = re.compile(r"unsafe_allow_html\s*=\s*(?!False)")
    app_code = [
        ROOT / "dashboard.py",
        ROOT / "navigation.py",
        *ROOT.joinpath("app_pages").rglob("*.py"),
        *ROOT.joinpath("afterward").rglob("*.py"),
        *ROOT.joinpath("surveys").rglob("*.py"),
        *ROOT.joinpath("analysis").rglob("*.py"),
    ]
    offenders = [str(p) for p in app_code if raw_html.search(p.read_text())]
    assert offenders == []


@pytest.mark.parametrize("fmt", exports.FORMATS)
def test_spreadsheet_formulas_are_neutralised(store, survey_id, tmp_path: Path, fmt):
    payloads = [
        '=HYPERLINK("http://evil.example","x")',
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
    ]
    for i in range(10):
        answer(store, survey_id, {"went_wrong": payloads[i % 4], "role": "Team member"})
    store.set_survey_status(survey_id, "closed")
    written = exports.write_export(
        exports.survey_export(store, survey_id), fmt, tmp_path / f"x.{fmt}"
    )
    text_file = next((p for p in written if "went_wrong" in p.name), written[0])
    if fmt == "csv":
        cells = pd.read_csv(text_file)["went_wrong"].tolist()
    elif fmt == "parquet":
        cells = pd.read_parquet(text_file)["went_wrong"].tolist()
    else:
        sheet = openpyxl.load_workbook(written[0])["text-went_wrong"]
        column = [c.value for c in sheet[1]].index("went_wrong")
        cells = [row[column].value for row in sheet.iter_rows(min_row=2)]
        assert all(row[column].data_type != "f" for row in sheet.iter_rows(min_row=2))
    assert len(cells) == 10
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@"))]
    assert sum(c.startswith("'") for c in cells) >= 7  # the =, + and - payloads


def test_results_stay_hidden_below_the_threshold_even_for_managers(store, survey_id):
    answer(store, survey_id, {})
    answer(store, survey_id, {})
    with pytest.raises(exports.ExportRefused, match="1 more needed"):
        exports.survey_export(store, survey_id)


def test_free_text_needs_the_higher_quote_threshold(store, survey_id):
    for _ in range(3):
        answer(store, survey_id, {"went_wrong": "The plan slipped", "role": "Team member"})
    store.set_survey_status(survey_id, "closed")
    export = exports.survey_export(store, survey_id)
    assert "went_wrong" not in export.answers.columns and not export.texts
    assert any("Free-text answers are left out" in n for n in export.notes)


def test_cli_export_writes_files_and_refuses_below_threshold(db_path, tmp_path):
    with Store(db_path) as store:
        from surveys.setup import create_survey

        survey_id = create_survey(store, project="CLI", template_id="project-postmortem")
        for _ in range(2):
            answer(store, survey_id, {})
    run = [
        sys.executable,
        "-m",
        "afterward.cli",
        "export",
        survey_id,
        "--format",
        "csv",
        "--out",
        str(tmp_path / "out.csv"),
    ]
    refused = subprocess.run(run, capture_output=True, text=True, timeout=60)
    assert refused.returncode != 0 and "more needed" in refused.stderr
    with Store(db_path) as store:
        answer(store, survey_id, {})
        store.set_survey_status(survey_id, "closed")  # row-level exports only once closed
    done = subprocess.run(run, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert len(pd.read_csv(tmp_path / "out.csv")) == 3
    assert (tmp_path / "out.summary.csv").exists()


def test_role_breakdown_on_the_dashboard_never_singles_out_the_client(store, crowd):
    from afterward.services.manager_views import compute_view
    from surveys.store import Scope

    shown = compute_view("role_breakdown", store, Scope())
    threshold = store.survey(crowd).anonymity_threshold
    assert "Client" not in set(shown["role"])
    for _, rows in shown.groupby("question_id"):
        visible = rows[~rows["suppressed"]]
        assert (visible["responses"] >= threshold).all()
        hidden_total = 18 - visible["responses"].sum()  # 18 responses in the crowd
        assert hidden_total == 0 or hidden_total >= threshold
    assert not (shown["mean"] == 1.0).any()  # the client's own rating


# -- issue 10: anonymity that survives a curious manager --------------------------------------


def cli(*args: str) -> subprocess.CompletedProcess:
    """The `afterward` command as a manager runs it (AFTERWARD_DB comes from `db_path`)."""
    return subprocess.run(
        [sys.executable, "-m", "afterward.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def _survey(db_path, threshold: int = 3) -> str:
    from surveys.setup import create_survey

    with Store(db_path) as store:
        return create_survey(
            store, project="Curious", template_id="project-postmortem", threshold=threshold
        )


@pytest.mark.parametrize("threshold", ["1", "2"])
def test_a_threshold_below_three_is_refused_by_the_cli_and_the_store(db_path, threshold):
    """A threshold of 1 would show every answer on its own, the moment it arrives."""
    from datetime import date

    created = cli(
        "survey", "create", "--project", "Curious", "--template", "project-postmortem",
        "--threshold", threshold,
    )  # fmt: skip
    assert created.returncode != 0
    assert "at least 3" in created.stderr and "Traceback" not in created.stderr
    with Store(db_path) as store:
        assert store.surveys_overview().empty  # nothing was stored, not even the project
        assert store.projects().empty
        project = store.create_project("Direct")
        with pytest.raises(ValueError, match="at least 3"):
            store.create_survey(
                project_id=project.project_id,
                template_id="project-postmortem",
                questionnaire_json="{}",
                title="t",
                quarter="2026Q3",
                opens_on=date(2026, 7, 1),
                anonymity_threshold=int(threshold),
            )


def test_the_surveys_page_offers_no_threshold_below_three(app):
    from tests.pages.helpers import log_in

    log_in(app)
    app.switch_page("app_pages/manager/surveys.py").run()
    assert not app.exception
    assert app.number_input[0].min == 3


def test_an_open_link_needs_a_threshold_of_five_in_the_cli(db_path):
    """Anyone holding an open link can answer again and again: a manager could stuff a survey
    over a small threshold and read the one real answer off the means."""
    weak, strong = _survey(db_path, 3), _survey(db_path, 5)
    refused = cli("links", weak)
    assert refused.returncode != 0
    assert "at least 5" in refused.stderr and "Traceback" not in refused.stderr
    assert "invitation" in refused.stderr  # what to do instead
    with Store(db_path) as store:
        assert not store.has_open_link(weak)
    made = cli("links", strong, "--base-url", "https://retro.example")
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip().startswith("https://retro.example/?t=")
    invitations = cli("links", weak, "--invitations", "2")
    assert invitations.returncode == 0 and len(invitations.stdout.split()) == 2


def test_an_open_link_needs_a_threshold_of_five_on_the_surveys_page_and_says_its_weakness(app):
    from tests.conftest import app_store
    from tests.pages.helpers import button, log_in, texts

    log_in(app)
    app.switch_page("app_pages/manager/surveys.py").run()
    app.text_input[0].input("Curious")
    button(app, "Create survey").click().run()  # the default threshold, 3
    survey_id = app_store().surveys_overview()["survey_id"].iloc[0]
    button(app, "Make shareable link").click().run()
    assert not app.exception
    assert any("at least 5" in e for e in texts(app.error))
    assert not app.code and not app_store().has_open_link(survey_id)

    app.text_input[0].input("Careful")
    app.number_input[0].set_value(5)
    button(app, "Create survey").click().run()
    assert app_store().survey(app.session_state["selected_survey"]).anonymity_threshold == 5
    button(app, "Make shareable link").click().run()
    assert app.code[0].value.startswith("http://localhost:8501/?t=")
    warned = " ".join(texts(app.warning)).lower()
    assert "anyone with the link" in warned and "more than once" in warned
    assert "invitation links" in warned


def test_holding_the_invitations_does_not_tell_who_has_answered(db_path):
    """The manager keeps the invitation list and knows who got which link: opening each one
    must not show which were used, neither while the survey runs nor after it closed."""
    from tests.conftest import app_store
    from tests.http_helpers import http_client
    from tests.test_respondent_pages import REQUIRED, review, submit, text_of

    survey_id = _survey(db_path)
    with Store(db_path) as store:
        used, unused = links.issue_invitations(store, survey_id, 2)

    with http_client() as client:

        def page_view(token: str) -> str:
            """Everything a visitor gets, but the token itself (each link carries its own)."""
            return client.get("/", params={"t": token}).text.replace(token, "TOKEN")

        assert (
            "Thank you, your answers are saved."
            in submit(client, review(client, used, REQUIRED)).text
        )
        assert app_store().response_count(survey_id) == 1
        # The manager holding the links opens them in another browser than the one that
        # answered (that one alone keeps a cookie saying "already recorded").
        client.cookies.clear()

        assert page_view(used) == page_view(unused)
        assert "Review my answers" in page_view(used)

        # Only submitting through the used link says it cannot be used again; nothing is stored.
        again = submit(client, review(client, used, REQUIRED))
        assert "can't be used" in text_of(again)
        assert app_store().response_count(survey_id) == 1

        app_store().set_survey_status(survey_id, "closed")
        assert page_view(used) == page_view(unused)
        assert "closed" in page_view(used) and "<form" not in page_view(used)

        # A token that is no invitation of any survey still says so.
        assert "<h1>Link not available</h1>" in page_view(links.new_token())


def test_the_privacy_note_says_results_come_only_in_groups(db_path):
    from tests.http_helpers import http_client
    from tests.test_respondent_pages import text_of, visit

    survey_id = _survey(db_path, 4)
    with Store(db_path) as store:
        token = links.issue_invitations(store, survey_id, 1)[0]
    with http_client() as client:
        note = text_of(visit(client, token))
    assert "only in groups of at least 4 responses, never one at a time" in note


def test_concurrent_wrong_passwords_from_one_address_get_only_the_free_checks(store, monkeypatch):
    """20 tries fired at once must not all be checked inside one window."""
    import threading
    import time

    from afterward.web import session
    from surveys import manager_auth

    checked = []
    real_check = manager_auth.check_password

    def slow_check(store, password):
        checked.append(password)
        time.sleep(0.05)  # every try is in flight at the same time
        return real_check(store, password)

    monkeypatch.setattr(manager_auth, "check_password", slow_check)
    throttle = manager_auth.LoginThrottle()
    start = threading.Barrier(20)
    results = []

    def attack():
        start.wait()
        results.append(session.attempt_login(store, throttle, "guess", "203.0.113.9"))

    threads = [threading.Thread(target=attack) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 20 and not any(ok for ok, _ in results)
    assert len(checked) <= manager_auth.FREE_ATTEMPTS
    assert sum("Too many wrong passwords" in message for _, message in results) >= 20 - len(checked)


def test_an_outsider_cannot_lock_the_manager_out(db_path):
    """Wrong passwords from one address slow that address down, not the manager's (the real
    log-in route, two client addresses against one server)."""
    from starlette.testclient import TestClient

    from afterward.web.manager_sessions import COOKIE_NAME
    from surveys.manager_auth import FREE_ATTEMPTS
    from tests.http_helpers import http_app, http_client, post_password

    app = http_app()
    with http_client("203.0.113.9", app) as outsider:
        for _ in range(FREE_ATTEMPTS):
            assert post_password(outsider, "wrong").status_code == 401
        refused = post_password(outsider)  # even the right password waits at that address
        assert "Too many wrong passwords" in refused.text
        assert COOKIE_NAME not in refused.cookies

        with TestClient(app, follow_redirects=False, client=("198.51.100.7", 50000)) as manager:
            reply = post_password(manager, next_path="/overview")
            assert reply.status_code == 303 and reply.headers["location"] == "/overview"
            assert COOKIE_NAME in reply.cookies


def test_downloads_without_a_session_are_refused(db_path):
    """Streamlit serves prepared downloads (the review PDF, invitation links) under /media/ to
    anyone holding the URL; without a live manager session, and after logging out, it is 401."""
    from afterward.web.http import LOGOUT_PATH
    from afterward.web.manager_sessions import COOKIE_NAME
    from tests.http_helpers import http_client, post_password

    with http_client() as client:
        assert client.get("/media/0123abcd.pdf").status_code == 401
        assert client.get("/media/0123abcd.csv?title=links").status_code == 401
        reply = post_password(client)
        cookie = reply.cookies[COOKIE_NAME]
        assert client.get("/media/0123abcd.pdf").status_code != 401  # past the gate
        client.post(LOGOUT_PATH)
        client.cookies.clear()
        replayed = {"Cookie": f"{COOKIE_NAME}={cookie}"}
        assert client.get("/media/0123abcd.pdf", headers=replayed).status_code == 401


def test_the_login_throttle_forgets_old_addresses_and_stays_bounded():
    from surveys import manager_auth

    throttle = manager_auth.LoginThrottle()
    for i in range(manager_auth.MAX_CLIENTS + 500):
        throttle.admit(f"10.0.{i // 256}.{i % 256}", now=1000.0)
    assert len(throttle) <= manager_auth.MAX_CLIENTS
    throttle.admit("192.0.2.1", now=1000.0 + manager_auth.FORGET_AFTER_SECONDS + 1)
    assert len(throttle) == 1  # every quiet address was forgotten
    assert throttle.wait_seconds(now=1000.0, client="192.0.2.99") == 0


# -- issue 10: exports over time, formulas in any width, bidi overrides ---------------------

TEXT_QUESTIONS = ("went_well", "went_wrong", "root_cause", "do_differently")
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def rows_of(path: Path) -> list[tuple]:
    """A CSV file's rows as a sorted multiset (order is random by design)."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return sorted(map(tuple, frame.to_numpy().tolist()))


def test_cli_export_over_time_never_isolates_the_newest_response(db_path, tmp_path):
    """Exporting at 5 and at 6 responses must not hand over the 6th person's whole response:
    an open survey's row-level export is refused (nothing written), the summary is not."""
    from surveys.setup import create_survey

    with Store(db_path) as store:
        survey_id = create_survey(store, project="Over time", template_id="project-postmortem")
        for i in range(5):
            answer(store, survey_id, {"role": "Team member", "went_well": f"Early {i}"})
    folder = tmp_path / "exports"
    export = ["export", survey_id, "--format", "csv", "--out", str(folder / "rows.csv")]
    first = cli(*export)
    assert first.returncode != 0
    assert "open" in first.stderr and "close" in first.stderr.lower()
    assert not folder.exists(), "a refused export writes nothing"

    with Store(db_path) as store:
        answer(
            store,
            survey_id,
            {"role": "Client", "communication": 0, "went_wrong": "The sixth person's story"},
        )
    second = cli(*export)
    assert second.returncode != 0 and not folder.exists()

    # Aggregates stay available while the survey is open.
    summary = cli(*export[:-1], str(tmp_path / "summary.csv"), "--summary-only")
    assert summary.returncode == 0, summary.stderr
    written = pd.read_csv(tmp_path / "summary.csv")
    assert list(written.columns) == ["question", "group", "responses", "mean"]
    assert "The sixth person's story" not in (tmp_path / "summary.csv").read_text()
    assert not folder.exists()

    # Once closed, two exports give the same rows (no new response can arrive in between).
    assert cli("survey", "close", survey_id).returncode == 0
    folder.mkdir()  # --out never creates a missing folder
    done = cli(*export)
    assert done.returncode == 0, done.stderr
    before = {p.name: rows_of(p) for p in folder.glob("rows*.csv")}
    assert cli(*export).returncode == 0
    after = {p.name: rows_of(p) for p in folder.glob("rows*.csv")}
    assert before == after and len(before) >= 3  # rows, summary and at least one text table


@pytest.mark.parametrize("fmt", exports.FORMATS)
def test_no_exported_row_joins_a_persons_text_with_their_ratings(store, survey_id, tmp_path, fmt):
    for i in range(10):  # each person's text names their own rating and role
        answer(
            store,
            survey_id,
            {
                "role": "Team member" if i < 7 else "Manager",
                "communication": i,
                "went_well": f"Rated {i}",
                "went_wrong": f"Problem {i}",
            },
        )
    store.set_survey_status(survey_id, "closed")
    export = exports.survey_export(store, survey_id)
    written = exports.write_export(export, fmt, tmp_path / f"x.{fmt}")
    if fmt == "xlsx":
        book = openpyxl.load_workbook(written[0])
        tables = {
            name: pd.DataFrame(list(book[name].values)[1:], columns=list(book[name].values)[0])
            for name in book.sheetnames
        }
    else:
        read = pd.read_csv if fmt == "csv" else pd.read_parquet
        tables = {path.name: read(path) for path in written}
    rows = next(iter(tables.values()))
    assert "communication" in rows.columns and "role" in rows.columns
    assert not set(TEXT_QUESTIONS) & set(rows.columns), "free text sits beside ratings"
    text_tables = [t for t in tables.values() if set(t.columns) & set(TEXT_QUESTIONS)]
    assert len(text_tables) == len(TEXT_QUESTIONS)  # one per question, answered or not
    for table in text_tables:
        assert len(table.columns) == 1, "a text table holds the text and nothing else"
    assert sorted(len(t) for t in text_tables) == [0, 0, 10, 10]
    # Independent shuffles: the n-th text is not the n-th row's person.
    wells = next(t for t in text_tables if "went_well" in t.columns)["went_well"].tolist()
    paired = [f"Rated {int(c)}" for c in rows["communication"]]
    assert sorted(wells) == sorted(paired) and wells != paired


def test_open_surveys_refuse_row_exports_but_give_the_summary(store, survey_id):
    for _ in range(8):
        answer(store, survey_id, {"role": "Team member", "went_wrong": "Late"})
    with pytest.raises(exports.ExportRefused, match="open"):
        exports.survey_export(store, survey_id)
    summary = exports.summary_export(store, survey_id)
    assert summary.answers.empty and not summary.texts
    assert set(summary.summary["question"]) >= {"goals_clear", "communication"}


FORMULAS = [
    "\uff1d1+1",  # ＝ full-width equals
    "\ufe62cmd|' /C calc'!A0",  # ﹢ small plus
    "\uff0b1+2",  # ＋ full-width plus
    "\uff0d2+3",  # － full-width minus
    "\ufe632+3",  # ﹣ small minus
    "\uff20SUM(A1:A9)",  # ＠ full-width at
    ';=HYPERLINK("http://evil.example")',
]


@pytest.mark.parametrize("fmt", exports.FORMATS)
def test_full_width_and_semicolon_formulas_are_neutralised(store, survey_id, tmp_path, fmt):
    for payload in FORMULAS:
        answer(store, survey_id, {"went_wrong": payload, "role": "Team member"})
    store.set_survey_status(survey_id, "closed")
    export = exports.survey_export(store, survey_id)
    cells = export.texts["went_wrong"]["went_wrong"].tolist()
    assert sorted(cells) == sorted("'" + p for p in FORMULAS)
    written = exports.write_export(export, fmt, tmp_path / f"x.{fmt}")
    if fmt == "xlsx":
        book = openpyxl.load_workbook(written[0])
        sheet = next(book[n] for n in book.sheetnames if "went_wrong" in n)
        on_file = [row[0].value for row in sheet.iter_rows(min_row=2)]
        assert all(row[0].data_type != "f" for row in sheet.iter_rows(min_row=2))
    else:
        path = next(p for p in written if "went_wrong" in p.name)
        on_file = (pd.read_csv if fmt == "csv" else pd.read_parquet)(path)["went_wrong"].tolist()
    assert sorted(on_file) == sorted("'" + p for p in FORMULAS)


def test_leading_whitespace_does_not_hide_a_formula():
    cells = [" =1+1", "\u3000\uff1d1", "\u00a0@SUM(A1)", "\t-1", "  ;x", "\r+1", "fine = ok"]
    frame = exports.neutralise_formulas(pd.DataFrame({" =bad header": cells}))
    assert frame.columns.tolist() == ["' =bad header"]
    assert frame[frame.columns[0]].tolist() == ["'" + c for c in cells[:-1]] + ["fine = ok"]


@pytest.mark.parametrize("fmt", exports.FORMATS)
def test_bidi_overrides_leave_no_raw_control_in_exports(store, survey_id, tmp_path, fmt):
    spoof = "Blame goes to \u202eops\u202c, not \u2066dev\u2069"
    for i in range(7):
        answer(store, survey_id, {"went_wrong": f"{spoof} {i}{BIDI}", "role": "Team member"})
    store.set_survey_status(survey_id, "closed")
    written = exports.write_export(
        exports.survey_export(store, survey_id), fmt, tmp_path / f"x.{fmt}"
    )
    if fmt == "xlsx":
        book = openpyxl.load_workbook(written[0])
        cells = [str(c) for s in book.worksheets for row in s.values for c in row]
    else:
        read = pd.read_csv if fmt == "csv" else pd.read_parquet
        cells = [str(c) for p in written for c in read(p).to_numpy().ravel()]
    assert not [c for c in cells if set(c) & set(BIDI)]
    assert any("[U+202E]ops[U+202C]" in c for c in cells), "the override is shown, not lost"


def test_receipt_page_shows_no_raw_bidi_control(db_path):
    from afterward.web.respondent_pages import RECEIPT_PATH
    from surveys.setup import create_survey
    from tests.http_helpers import http_client
    from tests.test_respondent_pages import nonce_of

    with Store(db_path) as store:
        survey_id = create_survey(store, project="Bidi", template_id="project-postmortem")
        code = answer(store, survey_id, {"went_wrong": f"Blame \u202eops\u202c {BIDI}"})
    with http_client() as client:
        form = client.get(RECEIPT_PATH)
        shown = client.post(RECEIPT_PATH, data={"code": code, "nonce": nonce_of(form.text)}).text
    assert "[U+202E]ops[U+202C]" in shown
    assert not set(shown) & set(BIDI)


def test_invitation_addresses_can_never_be_joined_to_a_response(store, survey_id, monkeypatch):
    """A curious manager with the database file tries to tie e-mail invitations to answers."""
    from afterward.services import survey_admin
    from tests.smtp_helpers import mail_settings, smtp_inbox
    from tests.test_mailing import BASE, PEOPLE

    with smtp_inbox() as (inbox, port):
        mail_settings(monkeypatch, port)
        _invite_answer_remind(store, survey_id, inbox, BASE, PEOPLE)
    columns = store.table_columns()
    by_table = columns.groupby("table_name")["column_name"].apply(set).to_dict()
    mailish = re.compile(r"e_?mail|address|recipient")
    for table, names in by_table.items():
        has_mail = any(mailish.search(n) for n in names)
        assert not (has_mail and "response_id" in names), table
    assert by_table["invitation_addresses"] == {"survey_id", "email", "token_hash"}
    # The only column the address table shares with any response table is the survey.
    for table in ("responses", "answers", "pending_responses", "pending_answers"):
        assert by_table["invitation_addresses"] & by_table[table] == {"survey_id"}, table
    kept = store.table_rows("invitation_addresses")
    assert sorted(kept["email"]) == PEOPLE
    for table in set(by_table) - {"invitation_addresses", "schedule_recipients"}:
        cells = " ".join(map(str, store.table_rows(table).to_numpy().ravel())).lower()
        assert not any(p in cells for p in PEOPLE), table
        if table != "links":  # the link fingerprints live only in links (no response there)
            assert not any(h in cells for h in kept["token_hash"]), table
    assert "response_id" not in by_table["links"]
    survey_admin.set_survey_open(store, survey_id, False)
    assert store.table_rows("invitation_addresses").empty  # deleted when the survey closes


def _invite_answer_remind(store, survey_id, inbox, base, people) -> None:
    from afterward.services import mailing

    mailing.send_invitations(store, survey_id, people, None, base)
    tokens = {p: inbox.tokens(p)[0] for p in people}
    for person in people[:3]:
        # Each even writes their own address into an answer: it is redacted before storage.
        answer(store, survey_id, {"went_wrong": f"Ask me: {person}"}, invitation=tokens[person])
    assert mailing.send_reminders(store, survey_id, base).sent == len(people) - 3
