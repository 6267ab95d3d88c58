"""The connection: one per process, a cursor per operation, transactions, migrations."""

from __future__ import annotations

import math
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

from clock import today
from surveys.store.records import DatabaseLocked, StorageUnavailable, StoreError
from surveys.store.releases import ReleaseRule
from surveys.store.schema import MIGRATIONS
from surveys.store.writer import ResponseWriter


class StoreBase:
    """Owns the connection: opening, cursors, transactions, migrations and settings."""

    def __init__(self, path: str | Path, *, release_rule: ReleaseRule | None = None):
        """Open (creating when missing) the DuckDB file at `path` and apply pending migrations.

        `path` may be ":memory:". `release_rule(pending_counts) -> survey ids` lets each
        batch of submissions release the groups it makes due (see `surveys.store.releases`). Raises DatabaseLocked when another process holds the file,
        StorageUnavailable when it cannot be opened or migrated (disk full, read-only, I/O),
        both StoreError subclasses; OSError when its folder cannot be created.
        """
        self.path = str(path)
        # The anonymity gate's release rule, given by the wiring layer: submissions then
        # release due groups in their own transaction (`publish_due` does it for the rest).
        self._release_rule = release_rule
        self._writer: ResponseWriter | None = None  # started by the first response
        self._writer_lock = threading.Lock()
        # Held by whatever writes the pending tables: the writer thread and releases.
        self._pending_lock = threading.Lock()
        self._closing = False
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self._connection: duckdb.DuckDBPyConnection | None = duckdb.connect(self.path)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise DatabaseLocked(
                    f"The database {self.path} is in use by another Afterward process "
                    "(the app or a command). Stop it, or point AFTERWARD_DB at another file."
                ) from None
            raise StorageUnavailable(f"Cannot open the database {self.path}: {exc}") from None
        self._cursor_lock = threading.Lock()
        self._migrate()

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        """Finish the responses already submitted, stop the writer, close the file.

        Safe to call twice; later calls to the store raise StoreError. Raises nothing itself.
        """
        with self._writer_lock:
            self._closing = True  # no new writer from here on
            writer, self._writer = self._writer, None
        if writer is not None:
            writer.stop()
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> StoreBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _response_writer(self) -> ResponseWriter:
        """The one thread that writes responses (group commit), started on first use."""
        with self._writer_lock:
            if self._closing or self._connection is None:
                raise StoreError("the store is closed")
            if self._writer is None:
                with self._cursor_lock:
                    cursor = self._connection.cursor()
                self._writer = ResponseWriter(cursor, self._pending_lock, self._release_rule)
            return self._writer

    def seconds_since_last_submission(self) -> float:
        """Seconds (monotonic clock, this process only) since a batch of submissions was last
        stored; infinity when none was. Kept in memory only, never stored or shown: background
        work uses it to give way while respondents are submitting."""
        writer = self._writer
        if writer is None or writer.last_commit is None:
            return math.inf
        return time.monotonic() - writer.last_commit

    @contextmanager
    def _cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if self._connection is None:
            raise StoreError("the store is closed")
        with self._cursor_lock:
            cursor = self._connection.cursor()
        try:
            yield cursor
        except duckdb.IOException as exc:
            raise StorageUnavailable(f"The database could not be written: {exc}") from None
        finally:
            cursor.close()

    @contextmanager
    def _transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._cursor() as cursor:
            cursor.begin()
            try:
                yield cursor
            except BaseException:
                _rollback_quietly(cursor)
                raise
            try:
                cursor.commit()
            except duckdb.Error:
                _rollback_quietly(cursor)
                raise

    def _migrate(self) -> None:
        with self._transaction() as cur:
            cur.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                "version INTEGER PRIMARY KEY, applied_on DATE NOT NULL)"
            )
            current = cur.execute(
                "SELECT coalesce(max(version), 0) FROM schema_version"
            ).fetchone()[0]
            for version, statements in enumerate(MIGRATIONS, start=1):
                if version <= current:
                    continue
                for statement in statements:
                    cur.execute(statement)
                cur.execute("INSERT INTO schema_version VALUES (?, ?)", [version, today()])

    def schema_version(self) -> int:
        """The number of the last migration applied (1-based; equals len(MIGRATIONS) when current).

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            return cur.execute("SELECT max(version) FROM schema_version").fetchone()[0]

    # -- settings --------------------------------------------------------------------------

    def setting(self, key: str) -> str | None:
        """The stored value for `key`, or None when it was never set.

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            row = cur.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_setting_if_absent(self, key: str, value: str) -> bool:
        """Store `value` unless `key` exists; True when this call stored it.

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._transaction() as cur:
            inserted = cur.execute(
                "INSERT INTO settings VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING key",
                [key, value],
            ).fetchall()
        return bool(inserted)

    # -- introspection (used by the anonymity tests) ----------------------------------------

    def table_columns(self) -> pd.DataFrame:
        """Every column of every table, for audits: one row per column.

        Columns: table_name, column_name, data_type (DuckDB's type name, e.g. "VARCHAR",
        "DOUBLE", "DATE", "UUID"), ordered by table then column.
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            return cur.execute(
                "SELECT table_name, column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = 'main' ORDER BY table_name, column_name"
            ).df()

    def table_rows(self, table: str) -> pd.DataFrame:
        """Every row of one table, for audits and tests; `table` must be a real table.

        Columns: the table's own, as in `surveys.store.schema` (UUID columns come back as uuid.UUID
        objects, DATE columns as pandas Timestamps at midnight). Raises ValueError for an unknown
        table name. Raises StoreError when the store is closed, StorageUnavailable when the file
        cannot be read or written.
        """
        known = set(self.table_columns()["table_name"])
        if table not in known:
            raise ValueError(f"unknown table {table!r}")
        with self._cursor() as cur:
            return cur.execute(f'SELECT * FROM "{table}"').df()  # noqa: S608 - checked name


def _rollback_quietly(cursor: duckdb.DuckDBPyConnection) -> None:
    try:
        cursor.rollback()
    except duckdb.Error:
        pass


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True
