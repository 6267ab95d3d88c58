"""Publishing results in releases: the gate decides when a survey's waiting responses may
be released (`analysis.anonymity.due_releases`), the store moves them as one group.

Every path that adds or settles responses calls `publish_due`: a submission, closing a
survey, and every manager view, report, export and CLI output before it reads.
"""

from __future__ import annotations

import threading

from analysis.anonymity import due_releases
from surveys.store import Store

_LOCK = threading.Lock()  # one process owns the database: one release decision at a time


def publish_due(store: Store) -> int:
    """Release every survey whose waiting group the gate lets through; returns how many
    responses were released (0 when none was due). Raises the store's StoreError or
    StorageUnavailable when the database cannot be read or written."""
    with _LOCK:
        pending = store.pending_counts()
        due = due_releases(pending)
        return store.release_pending(due) if due else 0
