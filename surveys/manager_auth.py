"""Manager password: from AFTERWARD_ADMIN_PASSWORD, or generated once and kept as a salted hash.

Repeated wrong passwords slow down the client address they come from, not everyone: an outsider
cannot lock the manager out. The addresses live in memory only (never stored, never logged) and
are forgotten after FORGET_AFTER_SECONDS of quiet; respondents never log in, so none of theirs.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from surveys.store import Store

PASSWORD_ENV = "AFTERWARD_ADMIN_PASSWORD"
SETTING_KEY = "manager_password_scrypt"
FREE_ATTEMPTS = 3
MAX_WAIT_SECONDS = 60.0
FORGET_AFTER_SECONDS = 15 * 60.0  # an address quiet this long starts afresh
MAX_CLIENTS = 10_000  # addresses remembered at once; beyond it the least recently seen goes
UNKNOWN_CLIENT = "unknown"  # no address known (localhost, tests): one shared bucket


def hash_password(password: str, salt: bytes | None = None) -> str:
    """scrypt of `password` as "salt_hex$digest_hex" (16-byte random salt unless given)."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return f"{salt.hex()}${digest.hex()}"


def password_matches(password: str, stored: str) -> bool:
    """Whether `password` fits a `hash_password` result; a malformed `stored` gives False.

    Compares in constant time. Raises nothing (a ValueError from a bad hash is caught).
    """
    try:
        salt_hex, digest_hex = stored.split("$", 1)
        salt = bytes.fromhex(salt_hex)
    except ValueError:
        return False
    candidate = hash_password(password, salt).split("$", 1)[1]
    return hmac.compare_digest(candidate, digest_hex)


def ensure_manager_password(store: Store) -> str | None:
    """Make sure a password exists; returns a newly generated one (to print once) or None.

    None when AFTERWARD_ADMIN_PASSWORD is set or a password was stored before (also by a concurrent
    caller). Raises StoreError when the store is closed, StorageUnavailable when the database cannot
    be read or written.
    """
    configured = os.environ.get(PASSWORD_ENV)
    if configured:
        return None
    if store.setting(SETTING_KEY):
        return None
    generated = secrets.token_urlsafe(12)
    if store.set_setting_if_absent(SETTING_KEY, hash_password(generated)):
        return generated
    return None


def check_password(store: Store, password: str) -> bool:
    """Whether `password` is the manager password (AFTERWARD_ADMIN_PASSWORD, else the stored hash).

    Raises StoreError when the store is closed, StorageUnavailable when the database cannot
    be read or written.
    """
    configured = os.environ.get(PASSWORD_ENV)
    if configured:
        # Compare digests so the comparison time does not depend on the configured length.
        return hmac.compare_digest(
            hashlib.sha256(password.encode()).digest(), hashlib.sha256(configured.encode()).digest()
        )
    stored = store.setting(SETTING_KEY)
    return bool(stored) and password_matches(password, stored)


def client_key(address: str | None) -> str:
    """The throttle bucket for a client address: the address itself, an IPv6 address's /64
    network (one household or host holds a whole /64), UNKNOWN_CLIENT when there is none.

    Raises nothing (an unparseable address is its own bucket).
    """
    if not isinstance(address, str) or not address.strip():
        return UNKNOWN_CLIENT
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return address.strip()[:100]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


@dataclass
class _Client:
    failures: int = 0
    next_allowed: float = 0.0  # time.monotonic() seconds
    last_seen: float = 0.0


class LoginThrottle:
    """Per client address: after FREE_ATTEMPTS consecutive failures each further try waits twice
    as long (at most MAX_WAIT_SECONDS). One address's failures never delay another address.

    `admit` checks and counts a try in one step under a lock, so tries fired at once cannot all
    be checked inside one window. Memory is bounded: addresses quiet for FORGET_AFTER_SECONDS are
    forgotten, and at most MAX_CLIENTS are kept (the least recently seen go first).
    """

    def __init__(self) -> None:
        """An empty throttle: no address remembered yet."""
        self._clients: OrderedDict[str, _Client] = OrderedDict()  # least recently seen first
        self._lock = threading.Lock()

    def __len__(self) -> int:
        """How many client addresses are remembered."""
        with self._lock:
            return len(self._clients)

    def wait_seconds(self, now: float | None = None, client: str | None = None) -> float:
        """Seconds until `client` may try again (0.0 when now); `now` is time.monotonic()."""
        now = time.monotonic() if now is None else now
        with self._lock:
            entry = self._clients.get(client_key(client))
            return 0.0 if entry is None else max(0.0, entry.next_allowed - now)

    def admit(self, client: str | None = None, now: float | None = None) -> float:
        """Check and count one try atomically: 0.0 lets it go ahead, already counted as a
        failure until `record(True)` clears it; otherwise the seconds to wait (not counted).

        `now` is in time.monotonic() seconds (default: now). Raises nothing.
        """
        now = time.monotonic() if now is None else now
        with self._lock:
            entry = self._touch(client_key(client), now)
            wait = entry.next_allowed - now
            if wait > 0:
                return wait
            self._count_failure(entry, now)
            return 0.0

    def record(self, success: bool, now: float | None = None, client: str | None = None) -> None:
        """Clear `client`'s failures, or count one failed try (doubling the wait after
        FREE_ATTEMPTS, at most MAX_WAIT_SECONDS). A try let in by `admit` is counted already.

        `now` is in time.monotonic() seconds (default: now).
        """
        now = time.monotonic() if now is None else now
        key = client_key(client)
        with self._lock:
            if success:
                self._clients.pop(key, None)
                return
            self._count_failure(self._touch(key, now), now)

    def _touch(self, key: str, now: float) -> _Client:
        # Called with the lock held: forget quiet addresses, then keep the table bounded.
        while self._clients:
            oldest = next(iter(self._clients.values()))
            if now - oldest.last_seen <= FORGET_AFTER_SECONDS:
                break
            self._clients.popitem(last=False)
        entry = self._clients.pop(key, None) or _Client()
        entry.last_seen = now
        self._clients[key] = entry  # most recently seen last
        while len(self._clients) > MAX_CLIENTS:
            self._clients.popitem(last=False)
        return entry

    @staticmethod
    def _count_failure(entry: _Client, now: float) -> None:
        entry.failures += 1
        if entry.failures >= FREE_ATTEMPTS:
            entry.next_allowed = now + min(
                MAX_WAIT_SECONDS, 2.0 ** min(entry.failures - FREE_ATTEMPTS, 16)
            )


def attempt_login(
    store: Store, throttle: LoginThrottle, password: str, client: str | None = None
) -> tuple[bool, str]:
    """(logged_in, message for the page) for a try from `client` (an IP address or None).

    Refuses without checking while that address is throttled; the check and the count happen
    atomically (`LoginThrottle.admit`). Raises StoreError when the store is closed,
    StorageUnavailable when the database cannot be read or written.
    """
    wait = throttle.admit(client)
    if wait > 0:
        return False, f"Too many wrong passwords. Try again in {int(wait) + 1} seconds."
    ok = check_password(store, password)
    if ok:
        throttle.record(True, client=client)
    return (True, "") if ok else (False, "That password is not right.")
