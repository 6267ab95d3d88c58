"""Publishing results in releases: the gate decides when a survey's waiting responses may
be released (`analysis.anonymity.due_releases`), the store moves them as one group.

A store opened with `open_store` releases due groups as part of each batch of submissions;
`publish_due` settles the rest: closing a survey, and every manager view, report, export
and CLI output before it reads.
"""

from __future__ import annotations

import threading
from pathlib import Path

from analysis.anonymity import due_releases
from clock import today
from surveys.store import Store

_LOCK = threading.Lock()  # one process owns the database: one release decision at a time


def open_store(path: str | Path) -> Store:
    """The store as the app and the CLI open it: submissions release due groups themselves,
    by the gate's rule, in the same transaction. Raises the store's DatabaseLocked or
    StorageUnavailable when the file cannot be opened."""
    return Store(path, release_rule=due_releases)


def publish_due(store: Store) -> int:
    """Release every survey whose waiting group the gate lets through; returns how many
    responses were released (0 when none was due). Also deletes the invitation e-mail
    addresses of surveys that closed, by hand or on their closing date. Raises the store's
    StoreError or StorageUnavailable when the database cannot be read or written."""
    store.delete_addresses_of_closed_surveys(today())
    with _LOCK:
        pending = store.pending_counts()
        due = due_releases(pending)
        return store.release_pending(due) if due else 0
