"""Releases: a survey's results are published a group of responses at a time.

Submissions wait in the pending tables. When the anonymity gate says a survey's pending
group is large enough, `release_pending` moves the whole group into `responses` and
`answers` (the only tables views read), shuffled, and records the release. Two views at
different moments therefore differ by whole released groups, never by one person.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

import duckdb
import pandas as pd

from clock import today


def gate_counts_sql(wanted: str) -> str:
    """SQL for what the gate decides a release on, per survey of `wanted` (a query giving a
    `survey_id` column): survey_id (str), status, opens_on, closes_on, threshold, released
    and pending (counts of responses)."""
    return f"""
    WITH wanted AS ({wanted})
    SELECT s.survey_id::VARCHAR AS survey_id, s.status, s.opens_on, s.closes_on,
           s.anonymity_threshold AS threshold, coalesce(r.n, 0) AS released,
           coalesce(p.n, 0) AS pending
    FROM surveys s
    LEFT JOIN (SELECT survey_id, count(*) AS n FROM responses
               WHERE survey_id IN (SELECT survey_id FROM wanted) GROUP BY survey_id) r
        USING (survey_id)
    LEFT JOIN (SELECT survey_id, count(*) AS n FROM pending_responses
               WHERE survey_id IN (SELECT survey_id FROM wanted) GROUP BY survey_id) p
        USING (survey_id)
    WHERE s.survey_id IN (SELECT survey_id FROM wanted)"""  # noqa: S608 - fixed fragments


# Per survey with waiting responses: what the gate needs to decide on a release.
PENDING_COUNTS = (
    "SELECT survey_id, threshold, released, pending FROM ("  # noqa: S608 - fixed fragment
    + gate_counts_sql("SELECT DISTINCT survey_id FROM pending_responses")
    + ") ORDER BY survey_id"
)

ReleaseRule = Callable[[pd.DataFrame], Sequence[str]]


# Moves every waiting response of the surveys in the session variable `release` (a struct
# of `due`, UUID[], and `day`, DATE) into the released tables, shuffled, and records one
# release per survey. Released responses get new ids and the release's day: nothing joins a
# released response to the pending row it was (a copy of the file taken while it waited,
# or the database's write-ahead log), and no response carries a day of its own. Several statements in one string: under load every call into DuckDB
# waits for the interpreter lock, so a release is one call (after the variable's).
MOVE_PENDING = """
    INSERT INTO survey_releases
    SELECT p.survey_id, coalesce(r.last, 0) + 1, p.n, getvariable('release').day
    FROM (SELECT survey_id, count(*) AS n FROM pending_responses
          WHERE list_contains(getvariable('release').due, survey_id) GROUP BY survey_id) p
    LEFT JOIN (SELECT survey_id, max(release_no) AS last FROM survey_releases
               GROUP BY survey_id) r USING (survey_id);
    CREATE OR REPLACE TEMP TABLE release_ids AS
    SELECT response_id AS pending_id, uuid() AS response_id FROM pending_responses
    WHERE list_contains(getvariable('release').due, survey_id);
    INSERT INTO responses BY NAME
    SELECT i.response_id, p.survey_id, getvariable('release').day AS submitted_on, p.receipt_hash
    FROM pending_responses p JOIN release_ids i ON p.response_id = i.pending_id
    ORDER BY random();
    INSERT INTO answers BY NAME
    SELECT i.response_id, a.* EXCLUDE (response_id)
    FROM pending_answers a JOIN release_ids i ON a.response_id = i.pending_id
    ORDER BY random();
    DROP TABLE release_ids;
    DELETE FROM pending_answers WHERE list_contains(getvariable('release').due, survey_id);
    DELETE FROM pending_responses WHERE list_contains(getvariable('release').due, survey_id)"""


def set_release(cur: duckdb.DuckDBPyConnection, survey_ids: Sequence[str], day: date) -> None:
    """Bind the surveys and day that MOVE_PENDING (run next on `cur`) releases."""
    cur.execute(
        "SET VARIABLE release = {'due': ?::UUID[], 'day': ?::DATE}",
        [[str(s) for s in survey_ids], day],
    )


def move_pending(cur: duckdb.DuckDBPyConnection, survey_ids: Sequence[str], day: date) -> int:
    """Move every waiting response of `survey_ids` into the released tables, shuffled, and
    record one release per survey, inside the caller's transaction. Returns how many
    responses moved."""
    ids = [str(s) for s in survey_ids]
    if not ids:
        return 0
    moved = cur.execute(
        "SELECT count(*) FROM pending_responses WHERE list_contains(?::UUID[], survey_id)",
        [ids],
    ).fetchone()[0]
    set_release(cur, ids, day)
    cur.execute(MOVE_PENDING)
    return int(moved)


class ReleasesMixin:
    """Pending responses, the releases cut so far, and cutting the next one."""

    def pending_counts(self) -> pd.DataFrame:
        """Per survey with pending responses: what the gate needs to decide on a release.

        Columns: survey_id (str), threshold (responses), released (responses already
        released, a count), pending (responses waiting, a count). Raises StoreError when the
        store is closed, StorageUnavailable when the file cannot be read.
        """
        with self._cursor() as cur:
            return cur.execute(PENDING_COUNTS).df()

    def release_pending(self, survey_ids: Sequence[str], on: date | None = None) -> int:
        """Release every pending response of the given surveys, one release per survey.

        The caller (the wiring layer, on the gate's word) decides which surveys are due.
        Rows move in random order; the release is recorded with its size and day (`on`,
        default today). Returns how many responses were released. Raises StoreError when
        the store is closed, StorageUnavailable when the file cannot be written.
        """
        if not survey_ids:
            return 0
        with self._pending_lock, self._transaction() as cur:
            return move_pending(cur, survey_ids, on or today())

    def survey_releases(self, survey_id: str) -> pd.DataFrame:
        """The releases of one survey, oldest first.

        Columns: release_no (1, 2, ...), responses (count in that release), released_on
        (date). Raises StoreError when the store is closed, StorageUnavailable when the file
        cannot be read.
        """
        with self._cursor() as cur:
            return cur.execute(
                "SELECT release_no, responses, released_on FROM survey_releases "
                "WHERE survey_id = ? ORDER BY release_no",
                [survey_id],
            ).df()
