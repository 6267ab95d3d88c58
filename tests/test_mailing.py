"""Invitations and reminders by e-mail, sent to a real SMTP server (aiosmtpd) on 127.0.0.1."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from afterward.services import mailing
from surveys import links
from surveys.store import LinkUnavailable
from tests.smtp_helpers import Inbox, body, free_port, mail_settings, smtp_inbox
from tests.test_anonymity_attacks import answer


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    with smtp_inbox() as running:
        yield running


@pytest.fixture
def mail_env(smtp_server, monkeypatch):
    inbox, port = smtp_server
    mail_settings(monkeypatch, port)
    return inbox


BASE = "https://retro.example"
PEOPLE = ["ana@team.example", "bo@team.example", "cy@team.example", "di@team.example"]


def test_invite_sends_one_distinct_single_use_link_per_address(store, survey_id, mail_env):
    report = mailing.send_invitations(store, survey_id, PEOPLE, None, BASE)
    assert report.sent == 4 and report.failed == [] and report.all_sent
    assert sorted(m["To"] for m in mail_env.messages) == PEOPLE
    tokens = {p: mail_env.tokens(p)[0] for p in PEOPLE}
    assert len(set(tokens.values())) == 4
    first = mail_env.to(PEOPLE[0])[0]
    assert first["From"] == "retro@team.example"
    assert "anonymous" in first["Subject"].lower()
    assert "works once" in body(first)
    # Each link works: it resolves to the survey, and one answer goes through it, once.
    state = links.resolve(store, tokens[PEOPLE[0]])
    assert state.status == "ok" and state.invitation_hash
    answer(store, survey_id, {"goals_clear": 5}, invitation=tokens[PEOPLE[0]])
    assert store.response_count(survey_id) == 1
    with pytest.raises(LinkUnavailable):
        answer(store, survey_id, {"goals_clear": 4}, invitation=tokens[PEOPLE[0]])
    assert store.response_count(survey_id) == 1
    assert store.invited_address_count(survey_id) == 4


def test_remind_emails_only_unused_invitations_with_fresh_links(store, survey_id, mail_env):
    mailing.send_invitations(store, survey_id, PEOPLE, None, BASE)
    first = {p: mail_env.tokens(p)[0] for p in PEOPLE}
    answer(store, survey_id, {"goals_clear": 5}, invitation=first[PEOPLE[0]])
    answer(store, survey_id, {"goals_clear": 2}, invitation=first[PEOPLE[1]])
    mail_env.messages.clear()

    report = mailing.send_reminders(store, survey_id, BASE)
    assert (report.sent, report.addresses, report.failed_count) == (2, 4, 0)
    assert report.lines() == ["Reminded 2 of 4 invited address(es)."]
    assert not any("@" in line for line in report.lines())  # never who was reminded
    assert sorted(m["To"] for m in mail_env.messages) == PEOPLE[2:]
    reminder = mail_env.to(PEOPLE[2])[0]
    assert str(reminder["Subject"]).strip().startswith("Reminder:")
    assert "replaces the one sent to you earlier" in body(reminder)
    for person in PEOPLE[2:]:
        fresh = mail_env.tokens(person)[0]
        assert fresh != first[person]
        # The old link of a reminded address no longer works; the new one does, once.
        assert links.resolve(store, first[person]).status == "unavailable"
        assert links.resolve(store, fresh).status == "ok"
    answer(store, survey_id, {"goals_clear": 3}, invitation=mail_env.tokens(PEOPLE[2])[0])
    # Those who answered are never reminded, and a second reminder reaches only the last one.
    mail_env.messages.clear()
    again = mailing.send_reminders(store, survey_id, BASE)
    assert again.sent == 1 and [m["To"] for m in mail_env.messages] == [PEOPLE[3]]


def test_failures_are_reported_per_address_and_a_reminder_retries_them(store, survey_id, mail_env):
    mail_env.refuse.add("bo@team.example")
    report = mailing.send_invitations(
        store, survey_id, PEOPLE + ["not an address", "ANA@team.example"], "Hi {link}", BASE
    )
    assert report.sent == 3 and report.failed_count == 1 and not report.all_sent
    [(address, reason)] = report.failed
    assert address == "bo@team.example" and reason.startswith("550")
    assert report.invalid == ["not an address"] and report.repeats == 1
    lines = report.lines()
    assert "Not delivered to bo@team.example: 550 5.1.1 No such mailbox here" in lines
    assert mailing.KEPT_NOTE in lines
    assert store.invited_address_count(survey_id) == 4  # kept, so a reminder retries it
    assert body(mail_env.to("ana@team.example")[0]).startswith("Hi https://retro.example/?t=")

    # A reminder that cannot be delivered puts the earlier link back (it keeps working).
    held = store.unused_invited_addresses(survey_id)
    failed = mailing.send_reminders(store, survey_id, BASE)
    assert failed.failed_count == 1 and failed.sent == 3
    assert "bo@team.example" not in " ".join(failed.lines())
    assert (
        dict(store.unused_invited_addresses(survey_id))["bo@team.example"]
        == dict(held)["bo@team.example"]
    )
    mail_env.refuse.clear()
    mail_env.messages.clear()
    retried = mailing.send_reminders(store, survey_id, BASE)
    assert retried.sent == 4 and len(mail_env.to("bo@team.example")) == 1
    # Inviting the same people again sends nothing: a second link would allow a second answer.
    mail_env.messages.clear()
    repeat = mailing.send_invitations(store, survey_id, PEOPLE[:2], None, BASE)
    assert repeat.sent == 0 and repeat.already_invited == PEOPLE[:2] and not mail_env.messages


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_sending_is_rate_limited(store, survey_id, mail_env):
    fake = FakeClock()
    limit = mailing.RateLimit(2.0, clock=fake.clock, sleep=fake.sleep)
    many = [f"person{i}@team.example" for i in range(7)]
    report = mailing.send_invitations(store, survey_id, many, None, BASE, limit=limit)
    assert report.sent == 7
    # 7 messages at 2 a second: the first goes at once, each later one half a second after.
    assert fake.sleeps == pytest.approx([0.5] * 6)
    assert fake.now == pytest.approx(103.0)
    # Time spent sending counts toward the interval: no sleep when enough time has passed.
    fake.now += 10
    limit.wait()
    assert len(fake.sleeps) == 6
    assert mailing.smtp_settings().rate == 1000


def test_closing_a_survey_deletes_its_addresses_by_hand_and_by_date(store, survey_id, mail_env):
    from datetime import timedelta

    from afterward.services import publishing, survey_admin
    from clock import today
    from surveys import setup

    mailing.send_invitations(store, survey_id, PEOPLE, None, BASE)
    other = setup.create_survey(
        store, project="Dated", template_id="project-postmortem", opens_on=today()
    )
    mailing.send_invitations(store, other, PEOPLE[:2], None, BASE)
    survey_admin.set_survey_open(store, survey_id, False)
    assert store.invited_address_count(survey_id) == 0
    assert store.invited_address_count(other) == 2
    assert set(store.table_rows("invitation_addresses")["email"]) == set(PEOPLE[:2])
    with pytest.raises(mailing.MailError, match="closed"):
        mailing.send_reminders(store, survey_id, BASE)

    dated = setup.create_survey(
        store,
        project="Dated",
        template_id="project-postmortem",
        opens_on=today() - timedelta(days=10),
        closes_on=today() - timedelta(days=1),
    )
    store.add_invited_addresses(dated, [("late@team.example", "f" * 64)])
    assert store.invited_address_count(dated) == 1
    publishing.publish_due(store)  # runs before every manager view
    assert store.invited_address_count(dated) == 0
    assert store.invited_address_count(other) == 2  # still open: kept
    with pytest.raises(mailing.MailError, match="closed"):
        mailing.send_invitations(store, dated, ["x@team.example"], None, BASE)


def test_unreachable_server_or_missing_settings_store_nothing(store, survey_id, monkeypatch):
    monkeypatch.delenv("AFTERWARD_SMTP_URL", raising=False)
    monkeypatch.setenv("AFTERWARD_MAIL_FROM", "retro@team.example")
    with pytest.raises(mailing.MailError, match="AFTERWARD_SMTP_URL"):
        mailing.send_invitations(store, survey_id, PEOPLE, None, BASE)
    monkeypatch.setenv("AFTERWARD_SMTP_URL", f"smtp://127.0.0.1:{free_port()}")
    with pytest.raises(mailing.MailError, match="Cannot reach the mail server 127.0.0.1"):
        mailing.send_invitations(store, survey_id, PEOPLE, None, BASE)
    assert store.invited_address_count(survey_id) == 0
    assert store.table_rows("links").empty


@pytest.mark.parametrize(
    ("url", "host", "port", "implicit", "user", "password"),
    [
        ("smtp://mail.example.com", "mail.example.com", 25, False, None, None),
        ("smtp://u%40x:p%3Aw@mail.example.com", "mail.example.com", 587, False, "u@x", "p:w"),
        ("smtps://mail.example.com", "mail.example.com", 465, True, None, None),
        ("smtp://user:pass@mail.example.com:2525", "mail.example.com", 2525, False, "user", "pass"),
    ],
)
def test_smtp_url_settings(url, host, port, implicit, user, password):
    found = mailing.smtp_settings(
        {"AFTERWARD_SMTP_URL": url, "AFTERWARD_MAIL_FROM": "retro@team.example"}
    )
    assert (found.host, found.port, found.implicit_tls) == (host, port, implicit)
    assert (found.username, found.password, found.rate) == (user, password, 5.0)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "AFTERWARD_SMTP_URL"),
        ({"AFTERWARD_MAIL_FROM": " "}, "AFTERWARD_MAIL_FROM"),
        ({"AFTERWARD_SMTP_URL": "http://mail.example.com"}, "smtp:// or smtps://"),
        ({"AFTERWARD_SMTP_URL": "smtp://mail.example.com:notaport"}, "not a valid address"),
        ({"AFTERWARD_SMTP_URL": "smtp://"}, "name a host"),
        ({"AFTERWARD_MAIL_FROM": "nobody"}, "not an e-mail address"),
        ({"AFTERWARD_MAIL_RATE": "fast"}, "AFTERWARD_MAIL_RATE"),
        ({"AFTERWARD_MAIL_RATE": "0"}, "AFTERWARD_MAIL_RATE"),
    ],
)
def test_bad_settings_say_what_to_fix(env, message):
    base = {"AFTERWARD_SMTP_URL": "smtp://mail.example.com", "AFTERWARD_MAIL_FROM": "a@b.example"}
    if not env:
        base = {}
    with pytest.raises(mailing.MailError, match=re.escape(message)):
        mailing.smtp_settings(base | env)


def test_addresses_from_lines_or_a_csv_deduplicated_with_invalid_ones_reported():
    pasted = (
        "Ana <Ana@Team.example>, bo@team.example\n\n  cy@team.example ; ana@team.EXAMPLE\nnope\n"
    )
    found = mailing.parse_addresses(pasted)
    assert found.valid == ["ana@team.example", "bo@team.example", "cy@team.example"]
    assert found.invalid == ["nope"] and found.repeats == 1
    table = "name,E-mail,team\nAna,ana@team.example,web\nBo,bo@@team,web\nCy,cy@team.example,app\n"
    found = mailing.parse_addresses(table)
    assert found.valid == ["ana@team.example", "cy@team.example"]
    assert found.invalid == ["bo@@team"]
    one_column = mailing.parse_addresses('E-mail\n"ana@team.example"\nbo@team.example\n')
    assert one_column.valid == ["ana@team.example", "bo@team.example"] and not one_column.invalid
    assert mailing.parse_addresses("").valid == []
    assert mailing.parse_addresses('\x00\x01garbage,"unclosed').valid == []
    with pytest.raises(mailing.MailError, match="must be text"):
        mailing.decode_address_file(b"PK\x03\x04 spreadsheet")
    assert mailing.decode_address_file("\ufeffé@x.example".encode()) == "é@x.example"


def test_the_test_mail_arrives_and_a_refusal_is_explained(mail_env):
    mailing.send_test_mail("Me@Team.example")
    [message] = mail_env.messages
    assert message["To"] == "me@team.example" and "test message" in body(message)
    mail_env.refuse.add("gone@team.example")
    with pytest.raises(mailing.MailError, match="550"):
        mailing.send_test_mail("gone@team.example")
    with pytest.raises(mailing.MailError, match="not an e-mail address"):
        mailing.send_test_mail("gone")


def test_message_placeholders_and_a_missing_link():
    from surveys.store import Survey

    survey = Survey(
        "id", "pid", "Harbour", "t", "{}", "Q3 retro {x}", "2026Q3", None, None, "open", 5
    )
    text = mailing.fill_message("About {survey} of {project} ({threshold}) {other}", survey,
                                "https://r.example/?t=abc", mailing.DEFAULT_INVITATION)  # fmt: skip
    assert text.startswith("About Q3 retro {x} of Harbour (5) {other}")
    assert text.rstrip().endswith("https://r.example/?t=abc")
    assert "https://r.example/?t=abc" in mailing.fill_message(
        "  ", survey, "https://r.example/?t=abc", mailing.DEFAULT_INVITATION
    )


def _surveys_page(app):
    from tests.conftest import app_store
    from tests.pages.helpers import button, log_in

    log_in(app)
    app.switch_page("app_pages/manager/surveys.py").run()
    app.text_input[0].input("Mailed")
    button(app, "Create survey").click().run()
    return app_store().surveys_overview()["survey_id"].iloc[0]


def finish_batch(app):
    """The page started a batch in the background: wait for it, then rerun the page."""
    from afterward.services import mail_jobs

    assert not app.exception, [e.message for e in app.exception]
    _, job_id = app.session_state["invite_job"]
    mail_jobs.wait(job_id, timeout_s=60)
    app.run()


def test_surveys_page_invites_reminds_and_sends_a_test_mail(app, mail_env):
    from tests.conftest import app_store
    from tests.pages.helpers import button, texts

    survey_id = _surveys_page(app)
    mail_env.refuse.add("bo@team.example")
    app.text_area(key=f"invite_emails_{survey_id}").input(
        "ana@team.example\nbo@team.example\ncy@team.example\nwhoops"
    )
    app.text_area(key=f"invite_message_{survey_id}").input("Please answer: {link}")
    button(app, "Send invitations").click().run()
    finish_batch(app)
    assert not app.exception
    assert texts(app.success) == ["Sent 2 invitation(s)."]
    warned = " ".join(texts(app.warning)).replace("\\", "")  # shown escaped, read as written
    assert "Not delivered to bo@team.example: 550" in warned and "whoops" in warned
    assert sorted(m["To"] for m in mail_env.messages) == ["ana@team.example", "cy@team.example"]
    assert body(mail_env.messages[0]).startswith("Please answer: http://localhost:8501/?t=")
    assert app_store().invited_address_count(survey_id) == 3

    mail_env.refuse.clear()
    mail_env.messages.clear()
    button(app, "Send reminders").click().run()
    finish_batch(app)
    assert texts(app.success) == ["Reminded 3 of 3 invited address(es)."]
    assert "@" not in " ".join(texts(app.success) + texts(app.warning))
    assert len(mail_env.messages) == 3

    app.text_input(key=f"invite_test_to_{survey_id}").input("me@team.example")
    button(app, "Send a test e-mail").click().run()
    assert texts(app.success) == ["Test e-mail sent to me@team.example: check that it arrived."]
    mail_env.refuse.add("gone@team.example")
    app.text_input(key=f"invite_test_to_{survey_id}").input("gone@team.example")
    button(app, "Send a test e-mail").click().run()
    assert any("550" in e for e in texts(app.error)) and not app.exception


def test_surveys_page_says_what_to_set_when_mail_is_not_configured(app, monkeypatch):
    from tests.pages.helpers import texts

    monkeypatch.delenv("AFTERWARD_SMTP_URL", raising=False)
    _surveys_page(app)
    assert any("AFTERWARD_SMTP_URL" in i for i in texts(app.info))
    assert not [b for b in app.button if b.label == "Send invitations"]


def test_cli_invite_and_remind_without_the_app(
    db_path, survey_id, store, mail_env, tmp_path, capsys, monkeypatch
):
    from afterward import cli

    store.close()  # the command opens the database itself
    monkeypatch.delenv("AFTERWARD_BASE_URL", raising=False)
    team = tmp_path / "team.txt"
    team.write_text("ana@team.example\nbo@team.example\n")
    args = ["--emails", str(team), "--base-url", "https://retro.example"]
    assert cli.main(["invite", survey_id, *args]) == 0
    out = capsys.readouterr()
    assert out.out.strip() == "Sent 2 invitation(s)." and out.err == ""
    assert mail_env.tokens("bo@team.example")
    assert cli.main(["remind", survey_id]) == 0
    out = capsys.readouterr()
    assert out.out.strip() == "Reminded 2 of 2 invited address(es)."
    assert "only works on this machine" in out.err  # no AFTERWARD_BASE_URL, no --base-url
    assert body(mail_env.to("ana@team.example")[-1]).count("http://localhost:8501/?t=") == 1

    team.write_text("cy@team.example\nnot-an-address\n")
    assert cli.main(["invite", survey_id, *args]) == 1
    out = capsys.readouterr()
    assert "Not e-mail addresses (skipped): not-an-address" in out.err
    team.write_text("nobody here\n")
    assert cli.main(["invite", survey_id, *args]) == 2
    assert "No e-mail address to invite" in capsys.readouterr().err
    mail_env.refuse.add("di@team.example")
    team.write_text("di@team.example\n")
    assert cli.main(["invite", survey_id, *args]) == 1
    assert "Not delivered to di@team.example: 550" in capsys.readouterr().err
    # Bad input and missing settings: a clear message, exit 2, no traceback.
    assert cli.main(["invite", survey_id, "--emails", str(tmp_path / "none.txt")]) == 2
    assert "Cannot read" in capsys.readouterr().err
    assert cli.main(["remind", "00000000-0000-4000-8000-000000000000"]) == 2
    assert "No survey with id" in capsys.readouterr().err
    for name in ("AFTERWARD_SMTP_URL", "AFTERWARD_MAIL_FROM"):
        monkeypatch.delenv(name)
    assert cli.main(["remind", survey_id]) == 2
    assert "set AFTERWARD_SMTP_URL" in capsys.readouterr().err


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_login_with_user_and_password_from_the_url(store, survey_id, monkeypatch):
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    def authenticator(server, session, envelope, mechanism, auth_data):
        good = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
            b"retro@team.example",
            b"p:ss w@rd",
        )
        return AuthResult(success=good)

    inbox = Inbox()
    port = free_port()
    controller = Controller(
        inbox, hostname="127.0.0.1", port=port, authenticator=authenticator,
        auth_require_tls=False, auth_required=True,
    )  # fmt: skip
    controller.start()
    try:
        mail_settings(monkeypatch, port)
        url = f"smtp://retro%40team.example:p%3Ass%20w%40rd@127.0.0.1:{port}"
        monkeypatch.setenv("AFTERWARD_SMTP_URL", url)
        assert mailing.send_invitations(store, survey_id, PEOPLE[:1], None, BASE).sent == 1
        assert [m["To"] for m in inbox.messages] == PEOPLE[:1]
    finally:
        controller.stop()


@pytest.fixture
def certificate(tmp_path):
    """A self-signed certificate for 127.0.0.1 that this test's TLS clients trust."""
    import shutil
    import subprocess

    if not shutil.which("openssl"):
        pytest.skip("needs the openssl command")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
         "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.mark.parametrize("scheme", ["smtp", "smtps"])
def test_starttls_when_offered_and_implicit_tls_for_smtps(
    store, survey_id, certificate, monkeypatch, scheme
):
    import ssl

    from aiosmtpd.controller import Controller

    cert, key = certificate
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(cert, key)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # the client trusts only this certificate
    inbox, port = Inbox(), free_port()
    options = {"tls_context": server_tls} if scheme == "smtp" else {"ssl_context": server_tls}
    controller = Controller(inbox, hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        mail_settings(monkeypatch, port)
        monkeypatch.setenv("AFTERWARD_SMTP_URL", f"{scheme}://127.0.0.1:{port}")
        report = mailing.send_invitations(store, survey_id, PEOPLE[:2], None, BASE)
        assert report.sent == 2 and inbox.encrypted == [True, True]
    finally:
        controller.stop()


def test_a_password_never_travels_unencrypted_to_another_machine(monkeypatch):
    from aiosmtpd.controller import Controller

    inbox, port = Inbox(), free_port()
    # 127.0.0.2 is not "this machine" by name, and this server offers no STARTTLS.
    controller = Controller(inbox, hostname="127.0.0.2", port=port)
    controller.start()
    try:
        settings = mailing.smtp_settings(
            {
                "AFTERWARD_SMTP_URL": f"smtp://user:secret@127.0.0.2:{port}",
                "AFTERWARD_MAIL_FROM": "retro@team.example",
            }
        )
        with pytest.raises(mailing.MailError, match="password would travel unencrypted"):
            mailing.send_test_mail("me@team.example", settings)
        assert not inbox.messages
    finally:
        controller.stop()


def test_a_server_that_goes_away_mid_batch_fails_the_rest_without_waiting(
    store, survey_id, monkeypatch
):
    from aiosmtpd.controller import Controller

    class Closing(Inbox):
        async def handle_DATA(self, server, session, envelope):  # noqa: N802
            if len(self.messages) == 1:
                self.messages.append(None)
                return "421 4.3.2 Shutting down"
            return await super().handle_DATA(server, session, envelope)

    inbox, port = Closing(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    fake = FakeClock()

    def sleep(seconds: float) -> None:
        if len(inbox.messages) == 2 and controller.loop.is_running():
            controller.stop()  # gone before the third message
        fake.sleep(seconds)

    try:
        mail_settings(monkeypatch, port)
        many = [f"p{i}@team.example" for i in range(5)]
        limit = mailing.RateLimit(1000, clock=fake.clock, sleep=sleep)
        report = mailing.send_invitations(store, survey_id, many, None, BASE, limit=limit)
    finally:
        if controller.loop.is_running():
            controller.stop()
    assert report.sent == 1
    reasons = dict(report.failed)
    assert reasons["p1@team.example"].startswith("421")
    assert all(reasons[a].startswith("Cannot reach the mail server") for a in many[2:])
    assert len(fake.sleeps) == 2  # nothing was tried after the server went away
    assert store.invited_address_count(survey_id) == 5  # kept: a reminder retries them


def sending_bars(app):
    texts = ("invitation(s)", "reminder(s)", "Preparing")
    return [b for b in app.get("progress") if any(t in b.proto.text for t in texts)]


def test_the_page_sends_in_the_background_shows_progress_and_refuses_a_second_batch(
    app, mail_env, monkeypatch
):
    import time

    from tests.conftest import app_store
    from tests.pages.helpers import button, texts

    monkeypatch.setenv("AFTERWARD_MAIL_RATE", "4")  # 6 messages take about 1.5 s
    survey_id = _surveys_page(app)
    people = [f"p{i}@team.example" for i in range(6)]
    app.text_area(key=f"invite_emails_{survey_id}").input("\n".join(people))
    began = time.monotonic()
    button(app, "Send invitations").click().run()
    assert time.monotonic() - began < 1.2  # the page did not wait for the batch
    assert not app.exception and not app.success
    [bar] = sending_bars(app)
    assert "of 6 invitation(s)" in bar.proto.text or "Preparing" in bar.proto.text
    # A second batch for the same survey while the first runs: refused with a message.
    button(app, "Send reminders").click().run()
    assert any("already being sent" in e for e in texts(app.error))
    assert not app.exception
    finish_batch(app)
    assert texts(app.success) == ["Sent 6 invitation(s)."]
    assert sending_bars(app) == []
    assert sorted(m["To"] for m in mail_env.messages) == people
    assert app_store().invited_address_count(survey_id) == 6


def test_the_page_shows_skipped_entries_and_reasons_literally(app, mail_env):
    # Entries of a pasted or uploaded list come back in the report: a link in one stays
    # text, and addresses with underscores do not turn the line into italics.
    from tests.pages.helpers import button, texts

    survey_id = _surveys_page(app)
    mail_env.refuse.add("first_last@team.example")
    app.text_area(key=f"invite_emails_{survey_id}").input(
        "ana@team.example\nfirst_last@team.example\n[prize](http://tracker.test)\nsecond_one"
    )
    button(app, "Send invitations").click().run()
    finish_batch(app)
    warned = [w for w in texts(app.warning) if "Not " in w]  # the report's lines
    assert len(warned) == 2 and not any("](http" in w for w in warned), warned
    readable = " ".join(warned).replace("\\", "")
    assert "Not delivered to first_last@team.example: 550" in readable
    assert "[prize](http://tracker.test)" in readable and "second_one" in readable
    assert not any("_" in w.replace("\\_", "") for w in warned), warned
