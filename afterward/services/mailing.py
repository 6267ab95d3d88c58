"""Invitations and reminders by e-mail: one single-use link per address, sent over SMTP.

Settings (read at each use, so no restart is needed):
- `AFTERWARD_SMTP_URL`: `smtp://[user[:password]@]host[:port]` or `smtps://...`. `smtp://`
  upgrades to TLS with STARTTLS whenever the server offers it, and refuses to send a password
  over a connection that stayed unencrypted (except to a server on this machine); `smtps://`
  uses TLS from the first byte. Default ports: 465 for `smtps://`; for `smtp://` 587 (the
  submission port) when a user is given, else 25. User and password may be %-encoded.
- `AFTERWARD_MAIL_FROM`: the sender address (required).
- `AFTERWARD_MAIL_RATE`: at most this many messages per second (default 5).

Privacy: addresses are kept only in `invitation_addresses` (survey, address, hash of the
address's current link; no response id, no time), used for reminders, and deleted when the
survey closes. A reminder goes to the addresses whose link is still unused, with a new link
that replaces the old one (links are stored only as hashes, so the old one cannot be resent);
what a manager is told about reminders is counts only, never which addresses were reminded.
"""

from __future__ import annotations

import csv
import io
import os
import re
import smtplib
import ssl
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import getaddresses, make_msgid
from typing import Any
from urllib.parse import unquote, urlsplit

from clock import today
from surveys import links
from surveys.store import Store, Survey

DEFAULT_RATE = 5.0  # messages per second
SMTP_TIMEOUT_SECONDS = 30
MAX_ADDRESSES = 10_000
_LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")

NOT_CONFIGURED = (
    "E-mail is not set up: set AFTERWARD_SMTP_URL (e.g. smtp://user:password@mail.example.com:587 "
    "or smtps://mail.example.com) and AFTERWARD_MAIL_FROM (the sender address), then try again."
)

# Placeholders a message may use; {link} is added at the end when a message leaves it out.
PLACEHOLDERS = ("{link}", "{survey}", "{project}", "{threshold}")

DEFAULT_INVITATION = """Hello,

You are invited to an anonymous retrospective: "{survey}" ({project}).

It takes a few minutes. Your answers are stored without your name, your e-mail address or \
the time you answered, and results are only shown for groups of at least {threshold} people.

Your personal link works once (please do not forward it):
{link}

Thank you for taking part.
"""

DEFAULT_REMINDER = """Hello,

A reminder: the anonymous retrospective "{survey}" ({project}) is still open.

This new link replaces the one sent to you earlier, which no longer works. It works once:
{link}

Your answers are stored without your name, your e-mail address or the time you answered. \
If you have already answered, you can ignore this message.
"""

KEPT_NOTE = (
    "Addresses whose message could not be delivered keep their invitation: "
    "`Remind` tries them again with a new link."
)


class MailError(ValueError):
    """E-mail settings are missing or wrong, the mail server refused, or the request is bad."""


# -- settings -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to send: host, port, implicit TLS (smtps) or STARTTLS when offered."""

    host: str
    port: int
    implicit_tls: bool
    username: str | None
    password: str | None = field(repr=False)
    mail_from: str
    rate: float  # messages per second


def smtp_settings(environ: dict[str, str] | None = None) -> SmtpSettings:
    """The settings from AFTERWARD_SMTP_URL, AFTERWARD_MAIL_FROM and AFTERWARD_MAIL_RATE.

    Raises MailError (a ValueError) with what to fix when a setting is missing or malformed.
    """
    env = os.environ if environ is None else environ
    url = env.get("AFTERWARD_SMTP_URL", "").strip()
    sender = env.get("AFTERWARD_MAIL_FROM", "").strip()
    if not url or not sender:
        raise MailError(NOT_CONFIGURED)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise MailError(
            "AFTERWARD_SMTP_URL is not a valid address: use smtp://host[:port] or "
            "smtps://host[:port], with an optional user:password@ before the host."
        ) from None
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise MailError(
            "AFTERWARD_SMTP_URL must start with smtp:// or smtps:// and name a host, e.g. "
            "smtp://user:password@mail.example.com:587."
        )
    username = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password is not None else None
    implicit = parts.scheme == "smtps"
    if port is None:
        port = 465 if implicit else (587 if username else 25)
    if not _valid_address(sender.lower()):
        raise MailError(f"AFTERWARD_MAIL_FROM is not an e-mail address: {sender!r}.")
    rate_text = env.get("AFTERWARD_MAIL_RATE", "").strip()
    try:
        rate = float(rate_text) if rate_text else DEFAULT_RATE
    except ValueError:
        rate = -1.0
    if not 0 < rate <= 1000:
        raise MailError("AFTERWARD_MAIL_RATE must be a number of messages per second, e.g. 5.")
    return SmtpSettings(parts.hostname, port, implicit, username, password, sender, rate)


def mail_configured() -> bool:
    """Whether AFTERWARD_SMTP_URL and AFTERWARD_MAIL_FROM are both set (not checked further)."""
    return bool(
        os.environ.get("AFTERWARD_SMTP_URL", "").strip()
        and os.environ.get("AFTERWARD_MAIL_FROM", "").strip()
    )


# -- addresses ------------------------------------------------------------------------------

_ADDRESS = re.compile(r"^[^@\s<>(),;:\"\[\]\\]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)+$")


def _valid_address(address: str) -> bool:
    return len(address) <= 254 and bool(_ADDRESS.match(address))


@dataclass(frozen=True)
class AddressList:
    """Addresses read from text: `valid` (lower-cased, first seen first, no repeats),
    `invalid` (the entries as written that are not addresses), `repeats` (how many were
    left out as repeats, compared case-insensitively)."""

    valid: list[str]
    invalid: list[str]
    repeats: int = 0


def parse_addresses(text: str) -> AddressList:
    """Read addresses pasted or uploaded: one per line (also "Name <address>" and several on
    a line separated by commas or semicolons), or a CSV whose header has a column called
    email, e-mail, mail or address. Blank lines are skipped. Raises nothing."""
    text = text.replace("\x00", "")
    lines = text.splitlines()
    entries = _csv_column(text) if lines else None
    if entries is None:
        if lines and lines[0].strip().strip("\"'").lower() in _HEADERS:
            lines = lines[1:]  # a one-column CSV's header
        entries = []
        for line in lines:
            if line.strip():
                entries.extend(_line_entries(line))
    valid: list[str] = []
    invalid: list[str] = []
    seen: set[str] = set()
    repeats = 0
    for entry in entries:
        entry = entry.strip().strip("\"'").strip()
        address = entry.lower()
        if not address:
            continue
        if not _valid_address(address):
            invalid.append(entry)
        elif address in seen:
            repeats += 1
        else:
            seen.add(address)
            valid.append(address)
    return AddressList(valid, invalid, repeats)


_HEADERS = ("email", "e-mail", "mail", "email-address", "e-mail-address", "address")


def _line_entries(line: str) -> list[str]:
    """The entries of one line: split on commas and semicolons; "Name <address>" gives the
    address; anything else is kept as written (to be reported when it is not an address)."""
    entries = []
    for part in re.split(r"[,;]", line):
        if "<" in part and ">" in part:
            found = getaddresses([part])
            entries.append(found[0][1] if found and found[0][1] else part)
        else:
            entries.append(part)
    return entries


def _csv_column(text: str) -> list[str] | None:
    """The email column's cells when `text` is a CSV with such a header, else None."""
    first = text.splitlines()[0]
    try:
        dialect = csv.Sniffer().sniff(first, delimiters=",;\t")
    except csv.Error:
        return None
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        return None
    header = [cell.strip().lower().replace("_", "-") for cell in rows[0]]
    for name in _HEADERS:
        if name in header:
            column = header.index(name)
            return [row[column] for row in rows[1:] if len(row) > column]
    return None


def decode_address_file(data: bytes) -> str:
    """The text of an uploaded address file (UTF-8, with or without BOM; else Latin-1).
    Raises MailError for a binary file such as a spreadsheet."""
    if b"\x00" in data[:4096] or data[:2] == b"PK":
        raise MailError("The address file must be text: one address per line, or a CSV file.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


# -- messages -------------------------------------------------------------------------------


def fill_message(template: str | None, survey: Survey, link: str, default: str) -> str:
    """The text of one message: `template` (or `default` when blank) with {link}, {survey},
    {project} and {threshold} filled in; the link is added at the end when it is missing.
    Other braces are left as written. Raises nothing."""
    text = template if template and template.strip() else default
    if "{link}" not in text:
        text = text.rstrip() + "\n\nYour single-use link:\n{link}\n"
    values = {
        "{survey}": survey.title,
        "{project}": survey.project_name,
        "{threshold}": str(survey.anonymity_threshold),
    }
    for key, value in values.items():
        text = text.replace(key, value)
    return text.replace("{link}", link)


def default_subject(survey: Survey, reminder: bool = False) -> str:
    """The subject line: the survey's title, prefixed "Reminder:" for reminders."""
    subject = f"Anonymous retrospective: {survey.title}"
    return f"Reminder: {subject}" if reminder else subject


def _message(settings: SmtpSettings, to: str, subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = to
    message["Subject"] = " ".join(subject.split())  # no line breaks in a header
    message["Message-ID"] = make_msgid(domain=settings.mail_from.rsplit("@", 1)[-1])
    message.set_content(body)
    return message


# -- sending --------------------------------------------------------------------------------


class RateLimit:
    """At most `rate` messages per second: `wait()` before each message sleeps as needed.
    `clock` (seconds, monotonic) and `sleep` can be replaced in tests."""

    def __init__(
        self,
        rate: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = 1.0 / rate
        self.clock = clock
        self.sleep = sleep
        self._next: float | None = None

    def wait(self) -> None:
        now = self.clock()
        if self._next is not None and now < self._next:
            self.sleep(self._next - now)
            now = self._next
        self._next = now + self.interval


class _Connection:
    """One SMTP session for a batch, opened on first use and again after a disconnect."""

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings
        self.smtp: smtplib.SMTP | None = None

    def open(self) -> smtplib.SMTP:
        """The open session. Raises MailError when the server cannot be reached, will not
        encrypt before a password is sent, or refuses the user and password."""
        if self.smtp is None:
            try:
                self.smtp = self._session()
            except smtplib.SMTPAuthenticationError as exc:
                raise MailError(
                    f"The mail server refused the user and password: {_reason(exc)}"
                ) from None
            except (smtplib.SMTPException, OSError) as exc:
                raise MailError(
                    f"Cannot reach the mail server {self.settings.host}:{self.settings.port}: "
                    f"{_reason(exc)}"
                ) from None
        return self.smtp

    def _session(self) -> smtplib.SMTP:
        s = self.settings
        smtp: smtplib.SMTP | None = None
        try:
            if s.implicit_tls:
                smtp = smtplib.SMTP_SSL(
                    s.host, s.port, timeout=SMTP_TIMEOUT_SECONDS,
                    context=ssl.create_default_context(),
                )  # fmt: skip
            else:
                smtp = smtplib.SMTP(s.host, s.port, timeout=SMTP_TIMEOUT_SECONDS)
            smtp.ehlo()
            encrypted = s.implicit_tls
            if not encrypted and smtp.has_extn("starttls"):
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
                encrypted = True
            if s.username:
                if not encrypted and s.host not in _LOCAL_HOSTS:
                    raise MailError(
                        f"The mail server {s.host} does not offer STARTTLS, so the password "
                        "would travel unencrypted: use smtps:// or a server that offers TLS."
                    )
                smtp.login(s.username, s.password or "")
        except BaseException:
            if smtp is not None:
                smtp.close()
            raise
        return smtp

    def send(self, message: EmailMessage) -> None:
        """Send one message, reconnecting once when the server dropped the session. Raises
        smtplib.SMTPException with the server's reason when it refuses the message,
        MailError when the server cannot be reached again."""
        try:
            self.open().send_message(message)
        except smtplib.SMTPServerDisconnected:
            self.smtp = None
            self.open().send_message(message)
        except OSError:  # a socket error mid-message: the session cannot be trusted
            self._drop()
            raise

    def _drop(self) -> None:
        if self.smtp is not None:
            self.smtp.close()
            self.smtp = None

    def close(self) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (smtplib.SMTPException, OSError):
                self.smtp.close()
            self.smtp = None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPRecipientsRefused) and exc.recipients:
        code, text = next(iter(exc.recipients.values()))
        return f"{code} {_text(text)}"
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{exc.smtp_code} {_text(exc.smtp_error)}"
    return str(exc) or type(exc).__name__


def _text(value: Any) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


@dataclass
class DeliveryReport:
    """What happened to one batch. `kind` is "invitation" or "reminder". `sent` counts
    delivered messages; `failed` is [(address, reason)] for invitations (empty for reminders,
    whose failures are only counted in `failed_count`, so nobody learns who was reminded);
    `invalid` lists entries that are not addresses, `already_invited` addresses skipped
    because they had an invitation to this survey; `addresses` is how many the survey keeps."""

    kind: str
    sent: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    failed_count: int = 0
    invalid: list[str] = field(default_factory=list)
    already_invited: list[str] = field(default_factory=list)
    repeats: int = 0
    addresses: int = 0

    @property
    def all_sent(self) -> bool:
        """True when every message was delivered and no entry was invalid."""
        return not self.failed_count and not self.invalid

    def lines(self) -> list[str]:
        """The report in words for the manager (counts, and per-address failures for
        invitations only)."""
        out: list[str] = []
        if self.kind == "reminder":
            out.append(f"Reminded {self.sent} of {self.addresses} invited address(es).")
            if self.failed_count:
                out.append(
                    f"{self.failed_count} reminder(s) could not be delivered; those addresses "
                    "keep their earlier link, and the next reminder tries them again."
                )
            return out
        out.append(f"Sent {self.sent} invitation(s).")
        for address, reason in self.failed:
            out.append(f"Not delivered to {address}: {reason}")
        if self.failed:
            out.append(KEPT_NOTE)
        if self.invalid:
            out.append("Not e-mail addresses (skipped): " + ", ".join(self.invalid))
        if self.already_invited:
            out.append(
                f"{len(self.already_invited)} address(es) already invited to this survey were "
                "skipped (use Remind for those who have not answered)."
            )
        if self.repeats:
            out.append(f"{self.repeats} repeated address(es) counted once.")
        return out

    def as_json(self) -> dict[str, Any]:
        """The report as JSON-ready values: kind, sent, failed ([{address, reason}]),
        failed_count, invalid, already_invited, repeats, addresses, lines."""
        return {
            "kind": self.kind,
            "sent": self.sent,
            "failed": [{"address": a, "reason": r} for a, r in self.failed],
            "failed_count": self.failed_count,
            "invalid": list(self.invalid),
            "already_invited": list(self.already_invited),
            "repeats": self.repeats,
            "addresses": self.addresses,
            "lines": self.lines(),
        }


# Told the report so far and how many messages the batch sends in all (after each message).
Progress = Callable[[DeliveryReport, int], None]


def _open_survey(store: Store, survey_id: str) -> Survey:
    survey = store.survey(survey_id)
    if survey is None:
        raise ValueError(f"No survey with id {survey_id!r}.")
    if survey.status != "open" or (survey.closes_on is not None and survey.closes_on < today()):
        raise MailError("This survey is closed: reopen it before sending invitations.")
    return survey


def check_invitations(
    store: Store, survey_id: str, addresses: Iterable[str] | AddressList
) -> AddressList:
    """What `send_invitations` checks before it contacts the mail server: the settings, the
    survey (known and open) and the addresses (at least one valid, at most 10,000). Returns
    the parsed addresses. Raises like `send_invitations`, contacting no server."""
    smtp_settings()
    _open_survey(store, survey_id)
    parsed = (
        addresses if isinstance(addresses, AddressList) else parse_addresses("\n".join(addresses))
    )
    _check_count(parsed)
    return parsed


def check_reminders(store: Store, survey_id: str) -> None:
    """What `send_reminders` checks before it contacts the mail server (settings, survey).
    Raises ValueError for an unknown survey, MailError when mail is not configured or the
    survey is closed."""
    smtp_settings()
    _open_survey(store, survey_id)


def _check_count(parsed: AddressList) -> None:
    if not parsed.valid:
        raise MailError("No e-mail address to invite: give one address per line.")
    if len(parsed.valid) > MAX_ADDRESSES:
        raise MailError(f"Invite at most {MAX_ADDRESSES:,} addresses at a time.")


def send_invitations(
    store: Store,
    survey_id: str,
    addresses: Iterable[str] | AddressList,
    message: str | None,
    base_url: str,
    *,
    subject: str | None = None,
    settings: SmtpSettings | None = None,
    limit: RateLimit | None = None,
    progress: Progress | None = None,
) -> DeliveryReport:
    """E-mail one new single-use link per address for the survey, at most `settings.rate`
    messages a second over one SMTP connection.

    `addresses` are strings (checked and de-duplicated here) or a parsed AddressList;
    `message` is the editable text (None or blank: DEFAULT_INVITATION; see `fill_message`);
    links are built on `base_url` (`surveys.links.link_url`). The links and addresses are
    stored in one transaction before sending; an address whose message fails keeps its
    invitation, so `send_reminders` retries it. Addresses already invited to the survey are
    skipped (a second link would let one person answer twice). `progress`, when given, is
    called with the report so far and the number of messages to send, once before the first
    message and after each.

    Returns a DeliveryReport (per-address failures with the server's reason). Raises
    ValueError for an unknown survey; MailError (a ValueError) when mail is not configured,
    the survey is closed, there is no valid address or more than 10,000, or the mail server
    cannot be reached (nothing stored then); the store's StoreError when the database
    cannot be written.
    """
    settings = settings or smtp_settings()
    survey = _open_survey(store, survey_id)
    parsed = (
        addresses if isinstance(addresses, AddressList) else parse_addresses("\n".join(addresses))
    )
    report = DeliveryReport("invitation", invalid=list(parsed.invalid), repeats=parsed.repeats)
    _check_count(parsed)
    tell = progress or (lambda report, total: None)
    connection = _Connection(settings)
    connection.open()  # an unreachable server fails before anything is stored
    try:
        tokens = {address: links.new_token() for address in parsed.valid}
        added = store.add_invited_addresses(
            survey_id, [(a, links.token_hash(t)) for a, t in tokens.items()]
        )
        report.already_invited = [a for a in parsed.valid if a not in added]
        total = len(parsed.valid) - len(report.already_invited)
        tell(report, total)
        limit = limit or RateLimit(settings.rate)
        subject = subject or default_subject(survey)
        lost: str | None = None  # the server could not be reached again: stop trying
        for address in parsed.valid:
            if address not in added:
                continue
            if lost:
                report.failed.append((address, lost))
                report.failed_count = len(report.failed)
                tell(report, total)
                continue
            body = fill_message(
                message, survey, links.link_url(base_url, tokens[address]), DEFAULT_INVITATION
            )
            limit.wait()
            try:
                connection.send(_message(settings, address, subject, body))
            except MailError as exc:
                lost = str(exc)
                report.failed.append((address, lost))
            except (smtplib.SMTPException, OSError) as exc:
                report.failed.append((address, _reason(exc)))
            else:
                report.sent += 1
            report.failed_count = len(report.failed)
            tell(report, total)
    finally:
        connection.close()
    report.failed_count = len(report.failed)
    report.addresses = store.invited_address_count(survey_id)
    return report


def send_reminders(
    store: Store,
    survey_id: str,
    base_url: str,
    message: str | None = None,
    *,
    subject: str | None = None,
    settings: SmtpSettings | None = None,
    limit: RateLimit | None = None,
    progress: Progress | None = None,
) -> DeliveryReport:
    """E-mail a new single-use link to each invited address whose link is still unused; the
    new link replaces the old one (which stops working) just before its message is sent,
    and the old one is put back when the message fails. `message` defaults to
    DEFAULT_REMINDER. Says only counts (DeliveryReport.lines), never which addresses.
    `progress` as for `send_invitations` (the report carries counts only).

    Raises ValueError for an unknown survey; MailError when mail is not configured, the
    survey is closed, or the mail server cannot be reached (nothing changed then); the
    store's StoreError when the database cannot be written.
    """
    settings = settings or smtp_settings()
    survey = _open_survey(store, survey_id)
    report = DeliveryReport("reminder", addresses=store.invited_address_count(survey_id))
    waiting = store.unused_invited_addresses(survey_id)
    tell = progress or (lambda report, total: None)
    if not waiting:
        tell(report, 0)
        return report
    connection = _Connection(settings)
    connection.open()
    tell(report, len(waiting))
    limit = limit or RateLimit(settings.rate)
    subject = subject or default_subject(survey, reminder=True)
    lost: str | None = None
    try:
        for address, old_hash in waiting:
            if lost:  # the server could not be reached again: the rest keep their links
                report.failed_count += 1
                tell(report, len(waiting))
                continue
            token = links.new_token()
            new_hash = links.token_hash(token)
            if not store.replace_invitation(survey_id, address, old_hash, new_hash):
                tell(report, len(waiting))
                continue  # answered meanwhile
            body = fill_message(message, survey, links.link_url(base_url, token), DEFAULT_REMINDER)
            limit.wait()
            try:
                connection.send(_message(settings, address, subject, body))
            except (smtplib.SMTPException, MailError, OSError) as exc:
                store.replace_invitation(survey_id, address, new_hash, old_hash)
                report.failed_count += 1
                lost = str(exc) if isinstance(exc, MailError) else None
            else:
                report.sent += 1
            tell(report, len(waiting))
    finally:
        connection.close()
    return report


def send_test_mail(to: str, settings: SmtpSettings | None = None) -> None:
    """Send a short test message to `to` with the current settings.

    Raises MailError (a ValueError) with the reason when the address is not valid, mail is
    not configured, or the server refuses or cannot be reached.
    """
    settings = settings or smtp_settings()
    address = to.strip().lower()
    if not _valid_address(address):
        raise MailError(f"{to.strip()!r} is not an e-mail address.")
    connection = _Connection(settings)
    body = (
        "This is a test message from Afterward: its e-mail settings work, and invitations "
        f"will be sent from {settings.mail_from} through {settings.host}."
    )
    try:
        connection.send(_message(settings, address, "Afterward test message", body))
    except (smtplib.SMTPException, OSError) as exc:
        raise MailError(f"The test message was not delivered: {_reason(exc)}") from None
    finally:
        connection.close()
