"""Group commit: one thread writes every response, many submissions per transaction.

DuckDB serialises commits, so one transaction per submission makes concurrent respondents
queue behind each other's commits. Here each caller hands its submission to the store's
`ResponseWriter` and waits; the writer thread takes whatever is queued, checks and stores it
in one transaction, commits once, and only then tells each caller its outcome. As this thread
does every response write, two submissions with the same invitation cannot conflict: the first
in the queue uses it up, the second is refused.

Responses land in the pending tables, which are rewritten in random order with every batch:
their physical order says nothing about who answered when. The gate later releases a
survey's pending responses as one group (`release_pending`); until then no view sees them.
"""

from __future__ import annotations

import queue
import random
import threading
import time
import uuid
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import date

import duckdb
import numpy as np
import pandas as pd

from clock import today
from surveys.store.records import (
    AnswerRow,
    LinkUnavailable,
    StorageUnavailable,
    StoreError,
    SurveyNotOpen,
)
from surveys.store.releases import MOVE_PENDING, ReleaseRule, gate_counts_sql, set_release

BATCH_LIMIT = 256
# The write-ahead log keeps every committed batch in arrival order, each invitation used
# beside the response it brought, until DuckDB folds it into the database file. The writer
# folds it in (CHECKPOINT) whenever its queue is empty, and at least this often under
# continuous load, so the log holds at most about this many seconds of submissions.
CHECKPOINT_SECONDS = 1.0
WAIT_SECONDS = 60.0
_STOP = None  # queued by stop(): the thread writes what came before it, then ends


@dataclass
class Submission:
    """One response on its way to the writer thread; `outcome` resolves when it is settled."""

    response_id: str  # a random uuid4, made by the caller
    survey_id: str
    answers: Sequence[AnswerRow]
    invitation_hash: str | None
    receipt_hash: str | None
    outcome: Future = field(default_factory=Future)  # the response id, or the error to raise


class ResponseWriter:
    """Owns one cursor and one thread; `submit` returns once the response is committed."""

    def __init__(
        self,
        cursor: duckdb.DuckDBPyConnection,
        pending_lock: threading.Lock,
        release_rule: ReleaseRule | None = None,
    ):
        """Take ownership of `cursor` (closed by `stop`) and start the writer thread.

        `pending_lock` is held while a batch writes the pending tables (releases take it too).
        With a `release_rule` (the anonymity gate's, given by the wiring layer), each batch
        also releases, in the same transaction, the surveys the rule says are due.
        """
        self._cursor = cursor
        self._pending_lock = pending_lock
        self._release_rule = release_rule
        self._queue: queue.SimpleQueue[Submission | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._stopped = False
        self.last_commit: float | None = None  # time.monotonic() of the last stored batch
        self._last_checkpoint = time.monotonic()
        # A cursor of its own for CHECKPOINT: it runs after the callers have their outcome,
        # so it must never share the batch cursor with whoever writes next.
        self._checkpoint_cursor = cursor.cursor()
        self._thread = threading.Thread(target=self._run, name="response-writer", daemon=True)
        self._thread.start()

    def submit(self, submission: Submission) -> str:
        """Queue `submission` and wait until it is committed; returns its response id.

        Raises StoreError when the writer has been stopped, StorageUnavailable when the
        database cannot be written or the wait exceeds WAIT_SECONDS (60 s) before the
        submission was taken (nothing saved), LinkUnavailable when the invitation is unknown
        or used or the survey is unknown, SurveyNotOpen when the survey takes no answers.
        """
        with self._lock:
            if self._stopped:
                raise StoreError("the store is closed")
            self._queue.put(submission)
        try:
            return submission.outcome.result(timeout=WAIT_SECONDS)
        except TimeoutError:
            if submission.outcome.cancel():  # not taken yet, so it will never be written
                raise StorageUnavailable("The database is too slow; nothing was saved.") from None
            return submission.outcome.result()  # its batch is committing: wait for it

    def stop(self) -> None:
        """Write what is already queued, then end the thread. Safe to call twice.

        Later `submit` calls raise StoreError. Raises nothing itself.
        """
        with self._lock:
            if not self._stopped:
                self._stopped = True
                self._queue.put(_STOP)
        self._thread.join()
        self._checkpoint_cursor.close()
        self._cursor.close()

    def _run(self) -> None:
        stopping = False
        while not stopping:
            batch, stopping = self._take()
            try:
                self._write(batch)
            except BaseException as exc:  # a bug here must not leave callers waiting
                for submission in batch:
                    if not submission.outcome.done():
                        submission.outcome.set_exception(StorageUnavailable(str(exc)))

    def _take(self) -> tuple[list[Submission], bool]:
        """Wait for one submission, then drain what else is queued (up to BATCH_LIMIT)."""
        batch: list[Submission] = []
        item = self._queue.get()
        while item is not _STOP:
            if item.outcome.set_running_or_notify_cancel():  # False: its caller gave up
                batch.append(item)
            if len(batch) >= BATCH_LIMIT:
                return batch, False
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return batch, False
        return batch, True

    def _write(self, batch: list[Submission]) -> None:
        try:
            outcomes = self._commit(batch) if batch else []
            self.last_commit = time.monotonic()
        except Exception as exc:
            if len(batch) > 1 and not _is_storage_error(exc):
                # Unexpected (a constraint, a bad value): one transaction per submission,
                # so one bad submission gets its own error and the others are stored.
                for submission in batch:
                    self._write([submission])
                return
            outcomes = [_error_for_caller(exc, s) for s in batch]
        for submission, outcome in zip(batch, outcomes, strict=True):
            if isinstance(outcome, BaseException):
                submission.outcome.set_exception(outcome)
            else:
                submission.outcome.set_result(outcome)
        if batch:
            self._checkpoint_if_due()

    def _checkpoint_if_due(self) -> None:
        """Fold the write-ahead log into the database file when no submission waits, or
        `CHECKPOINT_SECONDS` after the last time (callers already have their outcome)."""
        now = time.monotonic()
        if not self._queue.empty() and now - self._last_checkpoint < CHECKPOINT_SECONDS:
            return
        try:
            self._checkpoint_cursor.execute("CHECKPOINT")
        except duckdb.Error:
            return  # another connection's transaction is open: the next batch tries again
        self._last_checkpoint = now

    def _commit(self, batch: list[Submission]) -> list[str | Exception]:
        """Check, use invitations, insert and commit `batch` in one transaction; all or nothing."""
        cur, day = self._cursor, today()
        with self._pending_lock:
            return self._commit_locked(cur, batch, day)

    def _commit_locked(
        self, cur: duckdb.DuckDBPyConnection, batch: list[Submission], day: date
    ) -> list[str | Exception]:
        # Under load every call into DuckDB waits for the interpreter lock (measured: ~5 ms a
        # call with one busy request thread), so a batch makes as few calls as it can: BEGIN
        # with the surveys' check and counts, the invitations (if any), the two inserts, the
        # release's variable (if due), then one call for the release, the reshuffle and COMMIT.
        try:
            surveys = cur.execute("BEGIN TRANSACTION; " + _BATCH_SURVEYS, [
                list(dict.fromkeys(s.survey_id for s in batch))
            ]).fetchall()  # fmt: skip
            refusals = _check_and_use_invitations(cur, batch, surveys, day)
            accepted = [s for s, r in zip(batch, refusals, strict=True) if r is None]
            _insert(cur, accepted, day)
            waiting = {_canonical(s.survey_id) for s in accepted}
            finish = []
            if accepted and self._release_rule is not None:
                due = self._release_rule(_counts_after(surveys, accepted))
                if due:
                    set_release(cur, due, day)
                    finish.append(MOVE_PENDING)
                    waiting -= set(due)
            if waiting:  # some of this batch's rows stay pending: reshuffle those tables
                finish.append(_SHUFFLE_PENDING)
            cur.execute(";".join([*finish, "COMMIT"]))
        except BaseException:
            try:
                cur.rollback()
            except duckdb.Error:
                pass  # no transaction was open
            raise
        return [s.response_id if r is None else r() for s, r in zip(batch, refusals, strict=True)]


# The batch's surveys (bound as a UUID list): the open check, and what the gate needs to
# decide on a release, counted before the batch's rows are inserted.
_BATCH_SURVEYS = gate_counts_sql("SELECT unnest(?::UUID[]) AS survey_id")


def _counts_after(surveys: list[tuple], accepted: list[Submission]) -> pd.DataFrame:
    """What the release rule reads (as `pending_counts`: survey_id, threshold, released,
    pending) for the surveys this batch adds to, counting the batch's accepted rows."""
    added = Counter(_canonical(s.survey_id) for s in accepted)
    rows = [
        (survey, threshold, released, pending + added[survey])
        for survey, _, _, _, threshold, released, pending in surveys
        if added[survey]
    ]
    # Column by column with plain dtypes: inferring a string column costs a batch ~1 ms.
    ids, thresholds, released, pending = zip(*rows, strict=True) if rows else ((),) * 4
    return pd.DataFrame(
        {
            "survey_id": np.array(ids, dtype=object),
            "threshold": np.array(thresholds, dtype=np.int64),
            "released": np.array(released, dtype=np.int64),
            "pending": np.array(pending, dtype=np.int64),
        }
    )


def _check_and_use_invitations(
    cur: duckdb.DuckDBPyConnection, batch: list[Submission], surveys: list[tuple], day: date
) -> list[type[StoreError] | None]:
    """Per submission: None when it may be stored, else the error its caller gets.

    One UPDATE uses up the batch's invitations (a statement per invitation scans `links` each
    time). Of several submissions with one invitation the first in queue order gets it and
    the others are refused, exactly as if they had been written one after the other.
    """
    known = {survey for survey, *_ in surveys}
    open_now = {
        survey for survey, status, opens_on, closes_on, *_ in surveys
        if status == "open" and opens_on <= day and (closes_on is None or day <= closes_on)
    }  # fmt: skip
    refusals: list[type[StoreError] | None] = [
        None if survey in open_now else SurveyNotOpen if survey in known else LinkUnavailable
        for survey in (_canonical(s.survey_id) for s in batch)
    ]
    wanted = dict.fromkeys(
        (s.invitation_hash, _canonical(s.survey_id))
        for s, refusal in zip(batch, refusals, strict=True)
        if refusal is None and s.invitation_hash is not None
    )
    used_now: set[tuple[str, str]] = set()
    if wanted:
        used_now = set(cur.execute(
            "UPDATE links SET used = true FROM (SELECT unnest(?::VARCHAR[]) AS token_hash, "
            "unnest(?::UUID[]) AS survey_id) AS wanted "
            "WHERE links.token_hash = wanted.token_hash AND links.survey_id = wanted.survey_id "
            "AND links.kind = 'invitation' AND NOT links.used "
            "RETURNING links.token_hash, links.survey_id::VARCHAR",
            [[hashed for hashed, _ in wanted], [survey for _, survey in wanted]],
        ).fetchall())  # fmt: skip
    for position, s in enumerate(batch):
        if refusals[position] is None and s.invitation_hash is not None:
            key = (s.invitation_hash, _canonical(s.survey_id))
            if key in used_now:
                used_now.discard(key)  # this one takes it; later ones in the queue are refused
            else:
                refusals[position] = LinkUnavailable
    return refusals


def _insert(cur: duckdb.DuckDBPyConnection, accepted: list[Submission], day: date) -> None:
    """One statement for the responses and one for their answers into the pending tables,
    which are then rewritten in random order (no arrival order survives in storage)."""
    if not accepted:
        return
    accepted = random.SystemRandom().sample(accepted, len(accepted))  # not queue order
    cur.execute(
        "INSERT INTO pending_responses SELECT unnest(?::UUID[]), unnest(?::UUID[]), ?, "
        "unnest(?::VARCHAR[])",
        [[s.response_id for s in accepted], [s.survey_id for s in accepted], day,
         [s.receipt_hash for s in accepted]],
    )  # fmt: skip
    rows = [(s, a) for s in accepted for a in s.answers]
    if rows:
        cur.execute(
            "INSERT INTO pending_answers SELECT unnest(?::UUID[]), unnest(?::UUID[]), "
            "unnest(?::VARCHAR[]), unnest(?::DOUBLE[]), unnest(?::VARCHAR[]), "
            "unnest(?::VARCHAR[])",
            [[s.response_id for s, _ in rows], [s.survey_id for s, _ in rows],
             [a.question_id for _, a in rows], [a.value_number for _, a in rows],
             [a.value_text for _, a in rows], [a.value_choice for _, a in rows]],
        )  # fmt: skip


# Rewrites both pending tables in random physical order, keeping their constraints (one
# call: under load every call into DuckDB waits for a CPU).
_SHUFFLE_PENDING = ";".join(
    f"CREATE OR REPLACE TEMP TABLE shuffled AS SELECT * FROM {table} ORDER BY random(); "  # noqa: S608 - fixed table names
    f"DELETE FROM {table}; INSERT INTO {table} SELECT * FROM shuffled; DROP TABLE shuffled"  # noqa: S608 - fixed table names
    for table in ("pending_responses", "pending_answers")
)


def _canonical(survey_id: str) -> str:
    """The id as DuckDB prints it (the batch's first query has rejected invalid ids)."""
    return str(uuid.UUID(survey_id))


def _is_storage_error(exc: Exception) -> bool:
    """The file could not be written (disk full, I/O): the batch fails, callers may retry."""
    if isinstance(exc, duckdb.TransactionException):
        return "conflict" not in str(exc).lower()
    return isinstance(exc, duckdb.IOException | duckdb.FatalException | duckdb.InternalException)


def _error_for_caller(exc: Exception, submission: Submission) -> Exception:
    """What a caller gets for a failed write: the same as before group commit."""
    if isinstance(exc, duckdb.TransactionException) and not _is_storage_error(exc):
        if submission.invitation_hash is not None:
            return LinkUnavailable()  # another transaction touched the invitation first
    if isinstance(exc, duckdb.ConstraintException):
        return LinkUnavailable()
    if isinstance(exc, duckdb.TransactionException) or _is_storage_error(exc):
        return StorageUnavailable(f"The response could not be saved: {exc}")
    return exc  # unexpected: the caller sees it as is
