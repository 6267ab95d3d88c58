"""The one module that talks to DuckDB: schema, migrations, connections and every SQL statement.

One `Store` per process holds one DuckDB connection; every operation runs on its own
cursor (DuckDB loses writes when threads share one connection object). Every value is
bound as a parameter. Callers get domain objects and small DataFrames, never cursors.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

from surveys.clock import today

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: collect — projects, surveys, links, responses, answers.
    (
        """CREATE TABLE settings (
            key VARCHAR PRIMARY KEY,
            value VARCHAR NOT NULL)""",
        """CREATE TABLE projects (
            project_id UUID PRIMARY KEY,
            name VARCHAR NOT NULL UNIQUE,
            roster VARCHAR[] NOT NULL DEFAULT [],
            is_sample BOOLEAN NOT NULL DEFAULT false,
            created_on DATE NOT NULL)""",
        """CREATE TABLE surveys (
            survey_id UUID PRIMARY KEY,
            project_id UUID NOT NULL,
            template_id VARCHAR NOT NULL,
            questionnaire_json VARCHAR NOT NULL,
            title VARCHAR NOT NULL,
            quarter VARCHAR NOT NULL,
            opens_on DATE NOT NULL,
            closes_on DATE,
            status VARCHAR NOT NULL CHECK (status IN ('open', 'closed')),
            anonymity_threshold INTEGER NOT NULL DEFAULT 3 CHECK (anonymity_threshold >= 1),
            created_on DATE NOT NULL)""",
        # A link is only a hash of its token. An invitation keeps whether it was used:
        # never when, never by which response.
        """CREATE TABLE links (
            token_hash VARCHAR PRIMARY KEY,
            survey_id UUID NOT NULL,
            kind VARCHAR NOT NULL CHECK (kind IN ('open', 'invitation')),
            used BOOLEAN NOT NULL DEFAULT false)""",
        # Random ids and a day, nothing else: no time, no link, no browser data.
        """CREATE TABLE responses (
            response_id UUID PRIMARY KEY,
            survey_id UUID NOT NULL,
            submitted_on DATE NOT NULL,
            receipt_hash VARCHAR UNIQUE)""",
        # The questions of each survey, so SQL can pick ratings and texts by kind.
        """CREATE TABLE survey_questions (
            survey_id UUID NOT NULL,
            question_id VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            prompt VARCHAR NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (survey_id, question_id))""",
        # One typed row per answered question (one per picked option for multiple choice).
        """CREATE TABLE answers (
            response_id UUID NOT NULL,
            survey_id UUID NOT NULL,
            question_id VARCHAR NOT NULL,
            value_number DOUBLE,
            value_text VARCHAR,
            value_choice VARCHAR)""",
    ),
    # 2: understand and follow up — analysis of free text, manager reviews, themes, actions.
    (
        """CREATE TABLE text_analysis (
            response_id UUID NOT NULL,
            question_id VARCHAR NOT NULL,
            survey_id UUID NOT NULL,
            category VARCHAR NOT NULL,
            confidence DOUBLE NOT NULL,
            second_category VARCHAR,
            theme_id INTEGER NOT NULL DEFAULT -1,
            model_key VARCHAR NOT NULL,
            PRIMARY KEY (response_id, question_id))""",
        # A manager's confirmed or corrected category for one answer.
        """CREATE TABLE category_reviews (
            response_id UUID NOT NULL,
            question_id VARCHAR NOT NULL,
            category VARCHAR NOT NULL,
            reviewed_on DATE NOT NULL,
            PRIMARY KEY (response_id, question_id))""",
        """CREATE TABLE theme_state (
            name VARCHAR PRIMARY KEY,
            state_json VARCHAR NOT NULL,
            saved_on DATE NOT NULL)""",
        """CREATE TABLE theme_edits (
            position INTEGER PRIMARY KEY,
            edit_json VARCHAR NOT NULL,
            made_on DATE NOT NULL)""",
        """CREATE TABLE action_items (
            action_id UUID PRIMARY KEY,
            project_id UUID NOT NULL,
            title VARCHAR NOT NULL,
            owner VARCHAR NOT NULL,
            due_on DATE,
            status VARCHAR NOT NULL
                CHECK (status IN ('open', 'in_progress', 'done', 'not_doing')),
            status_reason VARCHAR NOT NULL DEFAULT '',
            theme_id INTEGER,
            category VARCHAR,
            quarter VARCHAR NOT NULL,
            created_on DATE NOT NULL,
            done_on DATE)""",
    ),
)


class StoreError(Exception):
    """Base for every failure the store reports in domain words."""


class DatabaseLocked(StoreError):
    """Another process holds the DuckDB file."""


class StorageUnavailable(StoreError):
    """The database could not be written (disk full, read-only, I/O error)."""


class LinkUnavailable(StoreError):
    """The link is unknown or already used (deliberately one error for both)."""


class SurveyNotOpen(StoreError):
    """The survey is closed or outside its dates."""


@dataclass(frozen=True)
class Project:
    project_id: str
    name: str
    roster: tuple[str, ...]
    is_sample: bool


@dataclass(frozen=True)
class Survey:
    survey_id: str
    project_id: str
    project_name: str
    template_id: str
    questionnaire_json: str
    title: str
    quarter: str
    opens_on: date
    closes_on: date | None
    status: str
    anonymity_threshold: int

    def is_open(self, on: date | None = None) -> bool:
        on = on or today()
        if self.status != "open" or on < self.opens_on:
            return False
        return self.closes_on is None or on <= self.closes_on


@dataclass(frozen=True)
class LinkMatch:
    survey_id: str
    kind: str
    used: bool


@dataclass(frozen=True)
class Scope:
    """Which surveys a manager view covers. Empty tuples mean "all"."""

    quarter_from: str | None = None
    quarter_to: str | None = None
    projects: tuple[str, ...] = ()
    templates: tuple[str, ...] = ()

    def params(self) -> list[object]:
        return [
            self.quarter_from, self.quarter_from,
            self.quarter_to, self.quarter_to,
            list(self.projects), list(self.projects),
            list(self.templates), list(self.templates),
        ]  # fmt: skip


# Surveys a view may draw on: in scope, and at or above their own anonymity threshold.
_VISIBLE_SURVEYS = """
    visible AS (
        SELECT s.survey_id, s.project_id, p.name AS project, s.quarter, s.template_id,
               s.title, s.anonymity_threshold AS threshold, c.responses
        FROM surveys s
        JOIN projects p USING (project_id)
        JOIN (SELECT survey_id, count(*) AS responses FROM responses GROUP BY survey_id) c
            USING (survey_id)
        WHERE c.responses >= s.anonymity_threshold
          AND (? IS NULL OR s.quarter >= ?)
          AND (? IS NULL OR s.quarter <= ?)
          AND (len(?::VARCHAR[]) = 0 OR list_contains(?::VARCHAR[], p.name))
          AND (len(?::VARCHAR[]) = 0 OR list_contains(?::VARCHAR[], s.template_id))
    )"""


@dataclass(frozen=True)
class AnswerRow:
    question_id: str
    value_number: float | None = None
    value_text: str | None = None
    value_choice: str | None = None


class Store:
    """Owns the DuckDB file. Safe to share across threads; `close()` is safe twice."""

    def __init__(self, path: str | Path):
        self.path = str(path)
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
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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
            current = cur.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
            for version, statements in enumerate(MIGRATIONS, start=1):
                if version <= current:
                    continue
                for statement in statements:
                    cur.execute(statement)
                cur.execute("INSERT INTO schema_version VALUES (?, ?)", [version, today()])

    def schema_version(self) -> int:
        with self._cursor() as cur:
            return cur.execute("SELECT max(version) FROM schema_version").fetchone()[0]

    # -- settings --------------------------------------------------------------------------

    def setting(self, key: str) -> str | None:
        with self._cursor() as cur:
            row = cur.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_setting_if_absent(self, key: str, value: str) -> bool:
        """Store `value` unless `key` exists; True when this call stored it."""
        with self._transaction() as cur:
            inserted = cur.execute(
                "INSERT INTO settings VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING key",
                [key, value],
            ).fetchall()
        return bool(inserted)

    # -- projects --------------------------------------------------------------------------

    def create_project(
        self, name: str, roster: Sequence[str] = (), *, is_sample: bool = False
    ) -> Project:
        name = name.strip()
        if not name:
            raise ValueError("A project needs a name.")
        project_id = str(uuid.uuid4())
        with self._transaction() as cur:
            exists = cur.execute("SELECT 1 FROM projects WHERE name = ?", [name]).fetchone()
            if exists:
                raise ValueError(f"A project called {name!r} already exists.")
            cur.execute(
                "INSERT INTO projects VALUES (?, ?, ?, ?, ?)",
                [project_id, name, list(roster), is_sample, today()],
            )
        return Project(project_id, name, tuple(roster), is_sample)

    def project_by_name(self, name: str) -> Project | None:
        with self._cursor() as cur:
            row = cur.execute(
                "SELECT project_id::VARCHAR, name, roster, is_sample FROM projects WHERE name = ?",
                [name.strip()],
            ).fetchone()
        return Project(row[0], row[1], tuple(row[2]), row[3]) if row else None

    def project(self, project_id: str) -> Project | None:
        with self._cursor() as cur:
            row = cur.execute(
                "SELECT project_id::VARCHAR, name, roster, is_sample FROM projects "
                "WHERE project_id = ?",
                [project_id],
            ).fetchone()
        return Project(row[0], row[1], tuple(row[2]), row[3]) if row else None

    def set_roster(self, project_id: str, roster: Sequence[str]) -> None:
        with self._transaction() as cur:
            cur.execute(
                "UPDATE projects SET roster = ? WHERE project_id = ?", [list(roster), project_id]
            )

    def projects(self) -> pd.DataFrame:
        with self._cursor() as cur:
            return cur.execute(
                "SELECT project_id::VARCHAR AS project_id, name, len(roster) AS roster_size, "
                "is_sample FROM projects ORDER BY name"
            ).df()

    # -- surveys ---------------------------------------------------------------------------

    def create_survey(
        self,
        *,
        project_id: str,
        template_id: str,
        questionnaire_json: str,
        title: str,
        quarter: str,
        opens_on: date,
        closes_on: date | None = None,
        anonymity_threshold: int = 3,
        questions: Sequence[tuple[str, str, str]] = (),
    ) -> str:
        """`questions` are (question_id, kind, prompt) in questionnaire order."""
        survey_id = str(uuid.uuid4())
        with self._transaction() as cur:
            if not cur.execute("SELECT 1 FROM projects WHERE project_id = ?", [project_id]).fetchone():
                raise ValueError("Unknown project.")
            cur.execute(
                "INSERT INTO surveys VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)",
                [
                    survey_id,
                    project_id,
                    template_id,
                    questionnaire_json,
                    title,
                    quarter,
                    opens_on,
                    closes_on,
                    anonymity_threshold,
                    today(),
                ],
            )
            if questions:
                cur.execute(
                    "INSERT INTO survey_questions SELECT ?, unnest(?::VARCHAR[]), "
                    "unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(range(?))",
                    [
                        survey_id,
                        [q[0] for q in questions],
                        [q[1] for q in questions],
                        [q[2] for q in questions],
                        len(questions),
                    ],
                )
        return survey_id

    _SURVEY_COLUMNS = (
        "s.survey_id::VARCHAR, s.project_id::VARCHAR, p.name, s.template_id, "
        "s.questionnaire_json, s.title, s.quarter, s.opens_on, s.closes_on, s.status, "
        "s.anonymity_threshold"
    )

    def survey(self, survey_id: str) -> Survey | None:
        if not _is_uuid(survey_id):
            return None
        with self._cursor() as cur:
            row = cur.execute(
                f"SELECT {self._SURVEY_COLUMNS} FROM surveys s "  # noqa: S608 - constant columns
                "JOIN projects p USING (project_id) WHERE s.survey_id = ?",
                [survey_id],
            ).fetchone()
        return Survey(*row) if row else None

    def set_survey_status(self, survey_id: str, status: str) -> None:
        if status not in ("open", "closed"):
            raise ValueError("status must be 'open' or 'closed'")
        with self._transaction() as cur:
            updated = cur.execute(
                "UPDATE surveys SET status = ? WHERE survey_id = ? RETURNING 1",
                [status, survey_id],
            ).fetchall()
        if not updated:
            raise ValueError("Unknown survey.")

    def surveys_overview(self) -> pd.DataFrame:
        """One row per survey with response and invitation progress."""
        with self._cursor() as cur:
            return cur.execute(
                """
                SELECT s.survey_id::VARCHAR AS survey_id, p.name AS project, s.title,
                       s.template_id, s.quarter, s.opens_on, s.closes_on, s.status,
                       s.anonymity_threshold, p.is_sample,
                       coalesce(r.responses, 0) AS responses,
                       coalesce(l.invitations, 0) AS invitations,
                       coalesce(l.invitations_used, 0) AS invitations_used
                FROM surveys s
                JOIN projects p USING (project_id)
                LEFT JOIN (SELECT survey_id, count(*) AS responses
                           FROM responses GROUP BY survey_id) r USING (survey_id)
                LEFT JOIN (SELECT survey_id,
                                  count(*) FILTER (WHERE kind = 'invitation') AS invitations,
                                  count(*) FILTER (WHERE kind = 'invitation' AND used)
                                      AS invitations_used
                           FROM links GROUP BY survey_id) l USING (survey_id)
                ORDER BY s.opens_on DESC, p.name, s.title
                """
            ).df()

    # -- links -----------------------------------------------------------------------------

    def replace_open_link(self, survey_id: str, token_hash: str) -> None:
        """The survey's shareable link becomes `token_hash`; any older open link stops working."""
        with self._transaction() as cur:
            cur.execute("DELETE FROM links WHERE survey_id = ? AND kind = 'open'", [survey_id])
            cur.execute("INSERT INTO links VALUES (?, ?, 'open', false)", [token_hash, survey_id])

    def has_open_link(self, survey_id: str) -> bool:
        with self._cursor() as cur:
            return bool(
                cur.execute(
                    "SELECT 1 FROM links WHERE survey_id = ? AND kind = 'open'", [survey_id]
                ).fetchone()
            )

    def add_invitations(self, survey_id: str, token_hashes: Sequence[str]) -> None:
        frame = pd.DataFrame({"token_hash": list(token_hashes)})
        with self._transaction() as cur:
            cur.register("new_links", frame)
            cur.execute(
                "INSERT INTO links (token_hash, survey_id, kind, used) "
                "SELECT token_hash, ?, 'invitation', false FROM new_links",
                [survey_id],
            )
            cur.unregister("new_links")

    def find_link(self, token_hash: str) -> LinkMatch | None:
        with self._cursor() as cur:
            row = cur.execute(
                "SELECT survey_id::VARCHAR, kind, used FROM links WHERE token_hash = ?",
                [token_hash],
            ).fetchone()
        return LinkMatch(*row) if row else None

    # -- responses -------------------------------------------------------------------------

    def record_response(
        self,
        survey_id: str,
        answers: Sequence[AnswerRow],
        *,
        invitation_hash: str | None = None,
        receipt_hash: str | None = None,
    ) -> str:
        """Store one response atomically; with an invitation, use it up in the same transaction.

        Raises LinkUnavailable when the invitation is unknown or used (including by a
        concurrent submission), SurveyNotOpen when the survey does not accept answers.
        """
        response_id = str(uuid.uuid4())
        try:
            with self._transaction() as cur:
                row = cur.execute(
                    "SELECT status, opens_on, closes_on FROM surveys WHERE survey_id = ?",
                    [survey_id],
                ).fetchone()
                if row is None:
                    raise LinkUnavailable()
                status, opens_on, closes_on = row
                day = today()
                if status != "open" or day < opens_on or (closes_on and day > closes_on):
                    raise SurveyNotOpen()
                if invitation_hash is not None:
                    used_now = cur.execute(
                        "UPDATE links SET used = true WHERE token_hash = ? AND survey_id = ? "
                        "AND kind = 'invitation' AND NOT used RETURNING 1",
                        [invitation_hash, survey_id],
                    ).fetchall()
                    if not used_now:
                        raise LinkUnavailable()
                cur.execute(
                    "INSERT INTO responses VALUES (?, ?, ?, ?)",
                    [response_id, survey_id, day, receipt_hash],
                )
                if answers:
                    cur.execute(
                        "INSERT INTO answers SELECT ?, ?, unnest(?::VARCHAR[]), "
                        "unnest(?::DOUBLE[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[])",
                        [
                            response_id,
                            survey_id,
                            [a.question_id for a in answers],
                            [a.value_number for a in answers],
                            [a.value_text for a in answers],
                            [a.value_choice for a in answers],
                        ],
                    )
        except duckdb.TransactionException as exc:
            if invitation_hash is not None and "conflict" in str(exc).lower():
                # Two submissions raced for the same invitation: DuckDB let only one commit.
                raise LinkUnavailable() from None
            raise StorageUnavailable(f"The response could not be saved: {exc}") from None
        except duckdb.ConstraintException:
            raise LinkUnavailable() from None
        except (duckdb.IOException, duckdb.FatalException, duckdb.InternalException) as exc:
            raise StorageUnavailable(f"The response could not be saved: {exc}") from None
        return response_id

    def response_count(self, survey_id: str) -> int:
        with self._cursor() as cur:
            return cur.execute(
                "SELECT count(*) FROM responses WHERE survey_id = ?", [survey_id]
            ).fetchone()[0]

    def receipt(self, receipt_hash: str) -> tuple[date, str, pd.DataFrame] | None:
        """What was stored for the response behind a receipt: day, survey id, answers."""
        with self._cursor() as cur:
            row = cur.execute(
                "SELECT response_id, submitted_on, survey_id::VARCHAR FROM responses "
                "WHERE receipt_hash = ?",
                [receipt_hash],
            ).fetchone()
            if row is None:
                return None
            answers = cur.execute(
                "SELECT question_id, value_number, value_text, value_choice FROM answers "
                "WHERE response_id = ? ORDER BY question_id, value_choice",
                [row[0]],
            ).df()
        return row[1], row[2], answers

    # -- reading answers back ---------------------------------------------------------------

    def answer_table(self, survey_id: str, questions: Sequence[tuple[str, str]]) -> pd.DataFrame:
        """One row per response, one column per question, in random (never insertion) order.

        `questions` are (question_id, kind) pairs from a validated questionnaire, so ids are
        safe identifiers; values are still bound as parameters.
        """
        columns, params = [], []
        for question_id, kind in questions:
            if not question_id.replace("_", "").replace("-", "").isalnum():
                raise ValueError(f"bad question id {question_id!r}")
            if kind in ("likert", "rating"):
                expression = "max(value_number) FILTER (WHERE question_id = ?)"
            elif kind == "multiple_choice":
                expression = (
                    "string_agg(value_choice, '; ' ORDER BY value_choice) "
                    "FILTER (WHERE question_id = ?)"
                )
            elif kind == "text":
                expression = "max(value_text) FILTER (WHERE question_id = ?)"
            else:
                expression = "max(value_choice) FILTER (WHERE question_id = ?)"
            columns.append(f'{expression} AS "{question_id}"')
            params.append(question_id)
        if not columns:
            return pd.DataFrame()
        sql = (
            f"SELECT {', '.join(columns)} FROM answers WHERE survey_id = ? "  # noqa: S608 - ids checked above
            "GROUP BY response_id ORDER BY md5(response_id::VARCHAR || ?)"
        )
        with self._cursor() as cur:
            # A fresh salt per read: the order says nothing about when a response arrived.
            return cur.execute(sql, [*params, survey_id, str(uuid.uuid4())]).df()

    def question_totals(self, survey_id: str, role_question: str | None = None) -> pd.DataFrame:
        """Per numeric question (and role, when given): responses and the sum of values."""
        with self._cursor() as cur:
            return cur.execute(
                """
                WITH roles AS (
                    SELECT response_id, value_choice AS role FROM answers
                    WHERE survey_id = ? AND question_id = ?)
                SELECT a.question_id, r.role, count(*) AS responses,
                       sum(a.value_number) AS value_sum
                FROM answers a LEFT JOIN roles r USING (response_id)
                WHERE a.survey_id = ? AND a.value_number IS NOT NULL
                GROUP BY ALL ORDER BY a.question_id, r.role
                """,
                [survey_id, role_question or "", survey_id],
            ).df()

    def choice_counts(self, survey_id: str) -> pd.DataFrame:
        """Per choice question and option: how many responses picked it."""
        with self._cursor() as cur:
            return cur.execute(
                "SELECT question_id, value_choice AS choice, count(*) AS responses "
                "FROM answers WHERE survey_id = ? AND value_choice IS NOT NULL "
                "GROUP BY ALL ORDER BY question_id, choice",
                [survey_id],
            ).df()

    # -- manager views: aggregates over visible surveys ---------------------------------------

    def scope_choices(self) -> tuple[list[str], list[str], list[str]]:
        """(quarters, projects, templates) that have surveys, for the filter widgets."""
        with self._cursor() as cur:
            quarters = [r[0] for r in cur.execute(
                "SELECT DISTINCT quarter FROM surveys ORDER BY quarter").fetchall()]
            projects = [r[0] for r in cur.execute(
                "SELECT DISTINCT p.name FROM surveys JOIN projects p USING (project_id) "
                "ORDER BY p.name").fetchall()]
            templates = [r[0] for r in cur.execute(
                "SELECT DISTINCT template_id FROM surveys ORDER BY template_id").fetchall()]
        return quarters, projects, templates

    def participation(self, scope: Scope) -> pd.DataFrame:
        """Per survey in scope: responses, invitations sent and used, threshold."""
        with self._cursor() as cur:
            return cur.execute(
                """
                SELECT s.survey_id::VARCHAR AS survey_id, p.name AS project, s.quarter,
                       s.template_id, s.title, s.status, s.anonymity_threshold AS threshold,
                       coalesce(r.responses, 0) AS responses,
                       coalesce(l.sent, 0) AS invitations,
                       coalesce(l.used, 0) AS invitations_used
                FROM surveys s
                JOIN projects p USING (project_id)
                LEFT JOIN (SELECT survey_id, count(*) AS responses FROM responses
                           GROUP BY survey_id) r USING (survey_id)
                LEFT JOIN (SELECT survey_id, count(*) AS sent,
                                  count(*) FILTER (WHERE used) AS used
                           FROM links WHERE kind = 'invitation' GROUP BY survey_id) l
                    USING (survey_id)
                WHERE (? IS NULL OR s.quarter >= ?)
                  AND (? IS NULL OR s.quarter <= ?)
                  AND (len(?::VARCHAR[]) = 0 OR list_contains(?::VARCHAR[], p.name))
                  AND (len(?::VARCHAR[]) = 0 OR list_contains(?::VARCHAR[], s.template_id))
                ORDER BY s.quarter, p.name, s.title
                """,
                scope.params(),
            ).df()

    def rating_totals(self, scope: Scope) -> pd.DataFrame:
        """Per project, quarter and rating question: responses, sum of values, threshold."""
        with self._cursor() as cur:
            return cur.execute(
                f"""
                WITH {_VISIBLE_SURVEYS}
                SELECT v.project, v.quarter, a.question_id, q.kind, any_value(q.prompt) AS prompt,
                       count(*) AS responses, sum(a.value_number) AS value_sum,
                       max(v.threshold) AS threshold
                FROM answers a
                JOIN visible v USING (survey_id)
                JOIN survey_questions q USING (survey_id, question_id)
                WHERE q.kind IN ('likert', 'rating') AND a.value_number IS NOT NULL
                GROUP BY v.project, v.quarter, a.question_id, q.kind
                ORDER BY v.quarter, v.project, a.question_id
                """,  # noqa: S608 - constant SQL fragment
                scope.params(),
            ).df()

    def texts_to_analyse(self) -> pd.DataFrame:
        """Free-text answers that have no analysis yet."""
        with self._cursor() as cur:
            return cur.execute(
                """
                SELECT a.response_id::VARCHAR AS response_id, a.question_id,
                       a.survey_id::VARCHAR AS survey_id, a.value_text AS text
                FROM answers a
                ANTI JOIN text_analysis t USING (response_id, question_id)
                WHERE a.value_text IS NOT NULL AND length(trim(a.value_text)) > 0
                ORDER BY a.response_id, a.question_id
                """
            ).df()

    def analysed_texts(self) -> pd.DataFrame:
        """Every analysed text with its current category and theme (for re-analysis)."""
        with self._cursor() as cur:
            return cur.execute(
                """
                SELECT t.response_id::VARCHAR AS response_id, t.question_id,
                       t.survey_id::VARCHAR AS survey_id, a.value_text AS text, t.category,
                       t.confidence, t.second_category, t.theme_id, t.model_key
                FROM text_analysis t
                JOIN answers a USING (response_id, question_id)
                ORDER BY t.response_id, t.question_id
                """
            ).df()

    def save_text_analysis(self, frame: pd.DataFrame) -> None:
        """Insert or replace analysis rows (bulk: one statement for the whole frame)."""
        if frame.empty:
            return
        columns = ["response_id", "question_id", "survey_id", "category", "confidence",
                   "second_category", "theme_id", "model_key"]
        rows = frame[columns].copy()
        rows["second_category"] = rows["second_category"].astype(object).where(
            rows["second_category"].notna(), None)
        with self._transaction() as cur:
            cur.register("analysis_rows", rows)
            cur.execute(
                "INSERT OR REPLACE INTO text_analysis BY NAME "
                "SELECT response_id::UUID AS response_id, question_id, "
                "survey_id::UUID AS survey_id, category, confidence, "
                "second_category::VARCHAR AS second_category, theme_id::INTEGER AS theme_id, "
                "model_key FROM analysis_rows"
            )
            cur.unregister("analysis_rows")

    def analysis_key(self) -> tuple[int, int, int]:
        """Changes whenever answers, reviews or theme edits change (a cache key)."""
        with self._cursor() as cur:
            return cur.execute(
                "SELECT (SELECT count(*) FROM answers WHERE value_text IS NOT NULL), "
                "(SELECT count(*) FROM category_reviews), (SELECT count(*) FROM theme_edits)"
            ).fetchone()

    def category_counts(self, scope: Scope) -> pd.DataFrame:
        """Per project, quarter and root-cause category: answers, responses, threshold."""
        with self._cursor() as cur:
            return cur.execute(
                f"""
                WITH {_VISIBLE_SURVEYS}
                SELECT v.project, v.quarter, coalesce(r.category, t.category) AS category,
                       count(*) AS answers, count(DISTINCT t.response_id) AS responses,
                       max(v.threshold) AS threshold
                FROM text_analysis t
                JOIN visible v USING (survey_id)
                LEFT JOIN category_reviews r USING (response_id, question_id)
                GROUP BY ALL ORDER BY v.quarter, v.project, category
                """,  # noqa: S608 - constant SQL fragment
                scope.params(),
            ).df()

    def theme_counts(self, scope: Scope) -> pd.DataFrame:
        """Per project, quarter and theme: answers, responses, threshold."""
        with self._cursor() as cur:
            return cur.execute(
                f"""
                WITH {_VISIBLE_SURVEYS}
                SELECT v.project, v.quarter, t.theme_id,
                       count(*) AS answers, count(DISTINCT t.response_id) AS responses,
                       max(v.threshold) AS threshold
                FROM text_analysis t
                JOIN visible v USING (survey_id)
                WHERE t.theme_id >= 0
                GROUP BY ALL ORDER BY v.quarter, v.project, t.theme_id
                """,  # noqa: S608 - constant SQL fragment
                scope.params(),
            ).df()

    def theme_texts(self, theme_id: int, scope: Scope, limit: int = 200) -> pd.DataFrame:
        """Redacted texts of one theme in scope, in random order, with the theme's size."""
        with self._cursor() as cur:
            return cur.execute(
                f"""
                WITH {_VISIBLE_SURVEYS}
                SELECT a.value_text AS text, v.project, v.quarter,
                       count(DISTINCT t.response_id) OVER () AS responses,
                       max(v.threshold) OVER () AS threshold
                FROM text_analysis t
                JOIN visible v USING (survey_id)
                JOIN answers a USING (response_id, question_id)
                WHERE t.theme_id = ?
                ORDER BY md5(t.response_id::VARCHAR || ?)
                LIMIT ?
                """,  # noqa: S608 - constant SQL fragment
                [*scope.params(), theme_id, str(uuid.uuid4()), limit],
            ).df()

    def review_queue(self, scope: Scope, limit: int = 20) -> pd.DataFrame:
        """Unreviewed answers, least confident first, from surveys large enough for quotes."""
        with self._cursor() as cur:
            return cur.execute(
                f"""
                WITH {_VISIBLE_SURVEYS}
                SELECT t.response_id::VARCHAR AS response_id, t.question_id,
                       a.value_text AS text, t.category, t.confidence, t.second_category,
                       v.responses, v.threshold
                FROM text_analysis t
                JOIN visible v USING (survey_id)
                JOIN answers a USING (response_id, question_id)
                ANTI JOIN category_reviews r USING (response_id, question_id)
                ORDER BY t.confidence, md5(t.response_id::VARCHAR)
                LIMIT ?
                """,  # noqa: S608 - constant SQL fragment
                [*scope.params(), limit],
            ).df()

    def review_category(self, response_id: str, question_id: str, category: str) -> None:
        with self._transaction() as cur:
            cur.execute(
                "INSERT OR REPLACE INTO category_reviews VALUES (?, ?, ?, ?)",
                [response_id, question_id, category, today()],
            )

    def reviewed_examples(self) -> pd.DataFrame:
        """Manager-confirmed (text, category) pairs the classifier learns from."""
        with self._cursor() as cur:
            return cur.execute(
                "SELECT a.value_text AS text, r.category FROM category_reviews r "
                "JOIN answers a USING (response_id, question_id) "
                "ORDER BY r.response_id, r.question_id"
            ).df()

    # -- themes: saved model and manager edits ----------------------------------------------

    def theme_state(self) -> str | None:
        with self._cursor() as cur:
            row = cur.execute(
                "SELECT state_json FROM theme_state WHERE name = 'themes'"
            ).fetchone()
        return row[0] if row else None

    def save_theme_state(self, state_json: str) -> None:
        with self._transaction() as cur:
            cur.execute(
                "INSERT OR REPLACE INTO theme_state VALUES ('themes', ?, ?)", [state_json, today()]
            )

    def theme_edits(self) -> list[str]:
        with self._cursor() as cur:
            return [r[0] for r in cur.execute(
                "SELECT edit_json FROM theme_edits ORDER BY position").fetchall()]

    def add_theme_edit(self, edit_json: str) -> None:
        with self._transaction() as cur:
            cur.execute(
                "INSERT INTO theme_edits SELECT coalesce(max(position), 0) + 1, ?, ? "
                "FROM theme_edits",
                [edit_json, today()],
            )

    # -- action items -------------------------------------------------------------------------

    def create_action(
        self,
        *,
        project_id: str,
        title: str,
        owner: str,
        quarter: str,
        due_on: date | None = None,
        theme_id: int | None = None,
        category: str | None = None,
        status: str = "open",
    ) -> str:
        if not title.strip() or not owner.strip():
            raise ValueError("An action needs a description and one owner.")
        action_id = str(uuid.uuid4())
        with self._transaction() as cur:
            cur.execute(
                "INSERT INTO action_items (action_id, project_id, title, owner, due_on, status, "
                "theme_id, category, quarter, created_on, done_on) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [action_id, project_id, title.strip(), owner.strip(), due_on, status, theme_id,
                 category, quarter, today(), today() if status == "done" else None],
            )
        return action_id

    def set_action_status(self, action_id: str, status: str, reason: str = "") -> None:
        if status == "not_doing" and not reason.strip():
            raise ValueError("Say why the action will not be done.")
        with self._transaction() as cur:
            updated = cur.execute(
                "UPDATE action_items SET status = ?, status_reason = ?, "
                "done_on = CASE WHEN ? = 'done' THEN coalesce(done_on, ?) ELSE NULL END "
                "WHERE action_id = ? RETURNING 1",
                [status, reason.strip(), status, today(), action_id],
            ).fetchall()
        if not updated:
            raise ValueError("Unknown action.")

    def actions_key(self) -> tuple:
        """Changes whenever an action item is added or its status changes (a cache key)."""
        with self._cursor() as cur:
            return cur.execute(
                "SELECT count(*), count(*) FILTER (WHERE status = 'done'), "
                "count(*) FILTER (WHERE status = 'not_doing'), "
                "count(*) FILTER (WHERE status = 'in_progress') FROM action_items"
            ).fetchone()

    def actions(self, scope: Scope) -> pd.DataFrame:
        """Action items of projects in scope (quarter filter on the quarter they were decided)."""
        with self._cursor() as cur:
            return cur.execute(
                """
                SELECT a.action_id::VARCHAR AS action_id, p.name AS project, a.title, a.owner,
                       a.due_on, a.status, a.status_reason, a.theme_id, a.category, a.quarter,
                       a.created_on, a.done_on,
                       (a.status IN ('open', 'in_progress') AND a.due_on < ?) AS overdue
                FROM action_items a JOIN projects p USING (project_id)
                WHERE (? IS NULL OR a.quarter >= ?)
                  AND (? IS NULL OR a.quarter <= ?)
                  AND (len(?::VARCHAR[]) = 0 OR list_contains(?::VARCHAR[], p.name))
                ORDER BY overdue DESC, a.due_on NULLS LAST, p.name, a.title
                """,
                [today(), *scope.params()[:6]],
            ).df()

    # -- bulk loading and sample data -------------------------------------------------------

    def bulk_load(self, responses: pd.DataFrame, answers: pd.DataFrame) -> None:
        """Insert many responses and answers in one transaction (DataFrame scan, not row loops).

        `responses`: response_id, survey_id, submitted_on (a date). `answers`: response_id,
        survey_id, question_id, value_number, value_text, value_choice.
        """
        with self._transaction() as cur:
            cur.register("bulk_responses", responses)
            cur.register("bulk_answers", answers)
            cur.execute(
                "INSERT INTO responses BY NAME SELECT response_id::UUID AS response_id, "
                "survey_id::UUID AS survey_id, submitted_on::DATE AS submitted_on, "
                "NULL::VARCHAR AS receipt_hash FROM bulk_responses"
            )
            cur.execute(
                "INSERT INTO answers BY NAME SELECT response_id::UUID AS response_id, "
                "survey_id::UUID AS survey_id, question_id, "
                "value_number::DOUBLE AS value_number, value_text::VARCHAR AS value_text, "
                "value_choice::VARCHAR AS value_choice FROM bulk_answers"
            )
            cur.unregister("bulk_responses")
            cur.unregister("bulk_answers")

    def has_sample(self) -> bool:
        with self._cursor() as cur:
            return bool(cur.execute("SELECT 1 FROM projects WHERE is_sample").fetchone())

    def remove_sample(self) -> None:
        """Delete every sample project and all that hangs off it; real data is untouched."""
        with self._transaction() as cur:
            sample = "SELECT project_id FROM projects WHERE is_sample"
            sample_surveys = f"SELECT survey_id FROM surveys WHERE project_id IN ({sample})"  # noqa: S608
            for table in ("text_analysis", "answers", "responses", "links", "survey_questions"):
                cur.execute(
                    f"DELETE FROM {table} WHERE survey_id IN ({sample_surveys})"  # noqa: S608
                )
            cur.execute(
                "DELETE FROM category_reviews WHERE response_id NOT IN "
                "(SELECT response_id FROM responses)"
            )
            cur.execute(f"DELETE FROM action_items WHERE project_id IN ({sample})")  # noqa: S608
            cur.execute(f"DELETE FROM surveys WHERE project_id IN ({sample})")  # noqa: S608
            cur.execute("DELETE FROM projects WHERE is_sample")
            # Themes learnt from sample text must not linger: analysis restarts from real data.
            cur.execute("DELETE FROM text_analysis")
            cur.execute("DELETE FROM theme_state")

    # -- introspection (used by the anonymity tests) ----------------------------------------

    def table_columns(self) -> pd.DataFrame:
        with self._cursor() as cur:
            return cur.execute(
                "SELECT table_name, column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = 'main' ORDER BY table_name, column_name"
            ).df()

    def table_rows(self, table: str) -> pd.DataFrame:
        """Every row of one table, for audits and tests; `table` must be a real table."""
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
