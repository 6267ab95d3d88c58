"""Manager sessions: a signed, HttpOnly cookie that survives reloads and deep links.

Logging in (the `/manager/login` route) starts a session: a random id, signed with a secret
that lives only in this process's memory (`itsdangerous`, the well-kept library for signed
tokens), sent as an HttpOnly, SameSite=Lax cookie with an expiry. The id is kept in memory
until the session ends: logging out ends it at once, a restart ends them all. Nothing of
it is stored, and nothing of it relates to respondents.
"""

from __future__ import annotations

import secrets
import threading
import time

from itsdangerous import BadSignature, URLSafeTimedSerializer

COOKIE_NAME = "afterward_manager"
SESSION_SECONDS = 12 * 60 * 60  # a working day; then log in again
MAX_SESSIONS = 1000


class ManagerSessions:
    """Live manager sessions of this process (thread-safe)."""

    def __init__(self, secret: bytes | None = None) -> None:
        self._signer = URLSafeTimedSerializer(
            secret or secrets.token_bytes(32), salt="afterward-manager-session"
        )
        self._live: dict[str, float] = {}  # session id -> when it expires (epoch seconds)
        self._lock = threading.Lock()

    def start(self, now: float | None = None) -> str:
        """Start a session; returns the cookie value (signed id)."""
        now = time.time() if now is None else now
        sid = secrets.token_urlsafe(32)
        with self._lock:
            self._forget_expired(now)
            if len(self._live) >= MAX_SESSIONS:  # keep memory bounded: oldest first
                del self._live[min(self._live, key=self._live.get)]
            self._live[sid] = now + SESSION_SECONDS
        return self._signer.dumps(sid)

    def session_id(self, cookie: str | None, now: float | None = None) -> str | None:
        """The live session a cookie value stands for, or None (missing, forged, expired
        or ended)."""
        if not cookie:
            return None
        try:
            sid = self._signer.loads(cookie, max_age=SESSION_SECONDS)
        except BadSignature:  # also covers an expired signature
            return None
        now = time.time() if now is None else now
        with self._lock:
            expires = self._live.get(sid)
            if expires is None or expires <= now:
                self._live.pop(sid, None)
                return None
        return str(sid)

    def valid(self, cookie: str | None) -> bool:
        """Whether a cookie value belongs to a live manager session."""
        return self.session_id(cookie) is not None

    def end(self, cookie: str | None) -> None:
        """End the session behind a cookie value (logging out). Unknown values are ignored."""
        sid = self.session_id(cookie)
        if sid is not None:
            with self._lock:
                self._live.pop(sid, None)

    def _forget_expired(self, now: float) -> None:
        for sid in [s for s, expires in self._live.items() if expires <= now]:
            del self._live[sid]


SESSIONS = ManagerSessions()  # this process's sessions: the routes and the pages share them
