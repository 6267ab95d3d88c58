"""A real SMTP server on 127.0.0.1 for tests (aiosmtpd), collecting what it receives."""

from __future__ import annotations

import email
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default

from aiosmtpd.controller import Controller

LINK = re.compile(r"https?://\S+/\?t=([A-Za-z0-9_-]+)")


@dataclass
class Inbox:
    """What the SMTP server received; `refuse` addresses get a 550 at RCPT."""

    messages: list[EmailMessage] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)
    encrypted: list[bool] = field(default_factory=list)  # per message: over TLS?

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.refuse:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.messages.append(email.message_from_bytes(envelope.content, policy=default))
        implicit = server.transport.get_extra_info("ssl_object") is not None
        self.encrypted.append(session.ssl is not None or implicit)
        return "250 Message accepted"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]

    def tokens(self, address: str) -> list[str]:
        return [LINK.search(body(m)).group(1) for m in self.to(address)]


def body(message: EmailMessage) -> str:
    return message.get_content()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def smtp_inbox() -> Iterator[tuple[Inbox, int]]:
    """Start an SMTP server on 127.0.0.1 (a free port); yields (inbox, port); stops after."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def mail_settings(monkeypatch, port: int) -> None:
    """Point the e-mail settings at the test server (fast rate)."""
    monkeypatch.setenv("AFTERWARD_SMTP_URL", f"smtp://127.0.0.1:{port}")
    monkeypatch.setenv("AFTERWARD_MAIL_FROM", "retro@team.example")
    monkeypatch.setenv("AFTERWARD_MAIL_RATE", "1000")
