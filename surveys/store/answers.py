"""Reading one survey's answers back, for exports and summaries."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import pandas as pd

from surveys.questionnaire import KINDS


class AnswersMixin:
    # -- reading answers back ---------------------------------------------------------------

    def answer_table(self, survey_id: str, questions: Sequence[tuple[str, str]]) -> pd.DataFrame:
        """One row per response, one column per question, in random (never insertion) order.

        `questions` are (question_id, kind) pairs from a validated questionnaire, so ids are
        safe identifiers; values are still bound as parameters. Each kind says which column
        holds its answers (`BaseQuestion.stored_in`); multiple choices are joined with "; ".

        Raises ValueError for a question id that is not an identifier or an unknown kind,
        StoreError when the store is closed, StorageUnavailable when the file cannot be read.
        """
        columns, params = [], []
        for question_id, kind in questions:
            if not question_id.replace("_", "").replace("-", "").isalnum():
                raise ValueError(f"bad question id {question_id!r}")
            if kind not in KINDS:
                raise ValueError(f"unknown question kind {kind!r}")
            # A constant column name from the kind; a multiple-choice answer spans rows.
            column = KINDS[kind].stored_in
            value = (
                f"string_agg({column}, '; ' ORDER BY {column})"
                if KINDS[kind].multiple
                else f"max({column})"
            )
            columns.append(f'{value} FILTER (WHERE question_id = ?) AS "{question_id}"')
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

    def row_export_responses(self, survey_id: str) -> int | None:
        """How many released responses the survey's last row-level export held, or None when
        none was made (or the survey is unknown). Raises StoreError when the store is closed,
        StorageUnavailable when the file cannot be read."""
        with self._cursor() as cur:
            row = cur.execute(
                "SELECT responses FROM survey_row_exports WHERE survey_id = ?", [survey_id]
            ).fetchone()
        return None if row is None else int(row[0])

    def record_row_export(self, survey_id: str, responses: int) -> None:
        """Remember that a row-level export of the survey held `responses` released
        responses (a count; no time is kept). Raises ValueError for an unknown survey,
        StoreError when the store is closed, StorageUnavailable when the file cannot be
        written."""
        with self._transaction() as cur:
            updated = cur.execute(
                "INSERT INTO survey_row_exports "
                "SELECT survey_id, ? FROM surveys WHERE survey_id = ? "
                "ON CONFLICT DO UPDATE SET responses = excluded.responses RETURNING 1",
                [int(responses), survey_id],
            ).fetchall()
        if not updated:
            raise ValueError("Unknown survey.")

    def text_answers(self, survey_id: str, question_id: str) -> pd.DataFrame:
        """One free-text question's non-empty answers on their own, in a random order of
        their own (a fresh salt per read, so no two reads line up with each other or with
        `answer_table`): one column named `question_id`, no response id, nothing beside it.

        Raises ValueError for a question id that is not an identifier, StoreError when the
        store is closed, StorageUnavailable when the file cannot be read.
        """
        if not question_id.replace("_", "").replace("-", "").isalnum():
            raise ValueError(f"bad question id {question_id!r}")
        sql = (
            f'SELECT value_text AS "{question_id}" FROM answers '  # noqa: S608 - id checked above
            "WHERE survey_id = ? AND question_id = ? AND coalesce(value_text, '') <> '' "
            "ORDER BY md5(response_id::VARCHAR || ?)"
        )
        with self._cursor() as cur:
            return cur.execute(sql, [survey_id, question_id, str(uuid.uuid4())]).df()

    def question_totals(self, survey_id: str, role_question: str | None = None) -> pd.DataFrame:
        """Per numeric question (and role, when given): responses and the sum of values.

        Columns: question_id, role (None without `role_question`), responses (count),
        value_sum (sum on the question's own scale). Raises StoreError when the store is
        closed, StorageUnavailable when the file cannot be read.
        """
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
        """Per choice question and option: how many responses picked it.

        Columns: question_id, choice, responses (count). Raises StoreError when the store is
        closed, StorageUnavailable when the file cannot be read.
        """
        with self._cursor() as cur:
            return cur.execute(
                "SELECT question_id, value_choice AS choice, count(*) AS responses "
                "FROM answers WHERE survey_id = ? AND value_choice IS NOT NULL "
                "GROUP BY ALL ORDER BY question_id, choice",
                [survey_id],
            ).df()
