"""Invitations and reminders by e-mail, sent to a real SMTP server (aiosmtpd) on 127.0.0.1."""

from __future__ import annotations

import email
import re
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import Message

import pytest
from aiosmtpd.controller import Controller

from afterward.services import mailing
from surveys import links
from surveys.store import LinkUnavailable
from tests.test_anonymity_attacks import answer

LINK = re.compile(r"https?://\S+/\?t=([A-Za-z0-9_-]+)")


@dataclass
class Inbox:
    """What the SMTP server received; `refuse` addresses get a 550 at RCPT."""

    messages: list[Message] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.refuse:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 Message accepted"

    def to(self, address: str) -> list[Message]:
        return [m for m in self.messages if m["To"] == address]

    def tokens(self, address: str) -> list[str]:
        return [LINK.search(m.get_content() if hasattr(m, "get_content") else _body(m)).group(1)
                for m in self.to(address)]  # fmt: skip


def _body(message: Message) -> str:
    return message.get_payload(decode=True).decode()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


@pytest.fixture
def mail_env(smtp_server, monkeypatch):
    inbox, port = smtp_server
    monkeypatch.setenv("AFTERWARD_SMTP_URL", f"smtp://127.0.0.1:{port}")
    monkeypatch.setenv("AFTERWARD_MAIL_FROM", "retro@team.example")
    monkeypatch.setenv("AFTERWARD_MAIL_RATE", "1000")
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
    assert "works once" in _body(first)
    # Each link works: it resolves to the survey, and one answer goes through it, once.
    state = links.resolve(store, tokens[PEOPLE[0]])
    assert state.status == "ok" and state.invitation_hash
    answer(store, survey_id, {"goals_clear": 5}, invitation=tokens[PEOPLE[0]])
    assert store.response_count(survey_id) == 1
    with pytest.raises(LinkUnavailable):
        answer(store, survey_id, {"goals_clear": 4}, invitation=tokens[PEOPLE[0]])
    assert store.response_count(survey_id) == 1
    assert store.invited_address_count(survey_id) == 4
