"""Manager password: from AFTERWARD_ADMIN_PASSWORD, or generated once and kept as a salted hash.

Repeated wrong passwords are slowed down for everyone (no per-visitor data is kept, by design).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import threading
import time
from dataclasses import dataclass, field

from surveys.store import Store

PASSWORD_ENV = "AFTERWARD_ADMIN_PASSWORD"
SETTING_KEY = "manager_password_scrypt"
FREE_ATTEMPTS = 3
MAX_WAIT_SECONDS = 60.0


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


@dataclass
class LoginThrottle:
    """After FREE_ATTEMPTS consecutive failures each further try waits twice as long."""

    failures: int = 0
    next_allowed: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def wait_seconds(self, now: float | None = None) -> float:
        """Seconds until the next try is allowed (0.0 when now); `now` is time.monotonic()."""
        now = time.monotonic() if now is None else now
        return max(0.0, self.next_allowed - now)

    def record(self, success: bool, now: float | None = None) -> None:
        """Count a failed try (doubling the wait after FREE_ATTEMPTS, at most 60 s) or reset.

        `now` is in time.monotonic() seconds (default: now).
        """
        now = time.monotonic() if now is None else now
        with self._lock:
            if success:
                self.failures, self.next_allowed = 0, 0.0
                return
            self.failures += 1
            if self.failures >= FREE_ATTEMPTS:
                wait = min(MAX_WAIT_SECONDS, 2.0 ** (self.failures - FREE_ATTEMPTS))
                self.next_allowed = now + wait


def attempt_login(store: Store, throttle: LoginThrottle, password: str) -> tuple[bool, str]:
    """(logged_in, message for the page); refuses without checking while throttled.

    Raises StoreError when the store is closed, StorageUnavailable when the database cannot
    be read or written.
    """
    wait = throttle.wait_seconds()
    if wait > 0:
        return False, f"Too many wrong passwords. Try again in {int(wait) + 1} seconds."
    ok = check_password(store, password)
    throttle.record(ok)
    return (True, "") if ok else (False, "That password is not right.")
