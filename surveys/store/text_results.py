"""Stored analysis of free text: categories, themes, manager reviews, theme edits."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import pandas as pd

from clock import today

# One analysed text as stored: what `save_text_analysis` takes.
TEXT_ANALYSIS_COLUMNS = (
    "response_id",
    "question_id",
    "survey_id",
    "category",
    "confidence",
    "second_category",
    "theme_id",
    "model_key",
    "non_answer",
)


class TextResultsMixin:
    """Stored results of the free-text analysis and the manager edits that steer it."""

    def texts_to_analyse(self) -> pd.DataFrame:
        """Free-text answers (non-blank) that have no analysis yet, one row per answer.

        Columns: response_id, question_id, survey_id (str), text (the stored, redacted text).
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
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
        """Every analysed text with its current category and theme (for re-analysis).

        Columns: response_id, question_id, survey_id (str), text, category (the classifier's,
        not a manager's review), confidence (the classifier's probability of `category`,
        0-1), second_category (None when only one fits), theme_id (int, -1 for no theme),
        model_key (which model classified it), non_answer (bool).
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            return cur.execute(
                """
                SELECT t.response_id::VARCHAR AS response_id, t.question_id,
                       t.survey_id::VARCHAR AS survey_id, a.value_text AS text, t.category,
                       t.confidence, t.second_category, t.theme_id, t.model_key, t.non_answer
                FROM text_analysis t
                JOIN answers a USING (response_id, question_id)
                ORDER BY t.response_id, t.question_id
                """
            ).df()

    def save_text_analysis(self, frame: pd.DataFrame) -> None:
        """Insert or replace analysis rows (bulk: one statement for the whole frame).

        `frame` needs the columns response_id, question_id, survey_id, category, confidence
        (0-1), second_category (may be None/NaN), theme_id (int, -1 for none), model_key,
        and optionally non_answer (bool, default False: the answer says nothing, so no count
        or theme includes it);
        an empty frame does nothing. Raises KeyError when a column is missing.
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        if frame.empty:
            return
        if "non_answer" not in frame.columns:
            frame = frame.assign(non_answer=False)
        rows = frame[list(TEXT_ANALYSIS_COLUMNS)].copy()
        rows["second_category"] = (
            rows["second_category"].astype(object).where(rows["second_category"].notna(), None)
        )
        with self._transaction() as cur:
            cur.register("analysis_rows", rows)
            cur.execute(
                "INSERT OR REPLACE INTO text_analysis BY NAME "
                "SELECT response_id::UUID AS response_id, question_id, "
                "survey_id::UUID AS survey_id, category, confidence, "
                "second_category::VARCHAR AS second_category, theme_id::INTEGER AS theme_id, "
                "model_key, non_answer::BOOLEAN AS non_answer FROM analysis_rows"
            )
            cur.unregister("analysis_rows")

    def analysis_key(self) -> tuple[int, int, int]:
        """Changes whenever answers, reviews or theme edits change (a cache key).

        (free-text answers, category reviews, theme edits), all counts.
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            return cur.execute(
                "SELECT (SELECT count(*) FROM answers WHERE value_text IS NOT NULL), "
                "(SELECT count(*) FROM category_reviews), (SELECT count(*) FROM theme_edits)"
            ).fetchone()

    def correct_category(self, response_id: str, question_id: str, category: str) -> None:
        """Record a manager's confirmed or corrected category for one answer (replaces theirs).

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._transaction() as cur:
            cur.execute(
                "INSERT OR REPLACE INTO category_reviews VALUES (?, ?, ?, ?)",
                [response_id, question_id, category, today()],
            )

    def correct_categories(
        self, answers: Sequence[tuple[str, str]] | pd.DataFrame, category: str
    ) -> int:
        """Record one manager review for many answers at once (replaces earlier reviews).

        `answers`: (response_id, question_id) pairs, or a frame with those two columns; all
        are stored with `category` in one transaction (all or none), so every answer of a
        review card leaves the queue and counts with the manager's category together.
        Duplicates count once. Returns how many answers were given (after removing
        duplicates); nothing given stores nothing. Raises ValueError when a response id is
        not a UUID, StoreError when the store is closed, StorageUnavailable when the file
        cannot be read or written.
        """
        rows = pd.DataFrame(
            answers if isinstance(answers, pd.DataFrame) else list(answers),
            columns=["response_id", "question_id"],
        ).astype(str)
        rows = rows.drop_duplicates().reset_index(drop=True)
        if rows.empty:
            return 0
        for response_id in rows["response_id"]:
            uuid.UUID(response_id)  # ValueError, before anything is written
        with self._transaction() as cur:
            cur.register("review_rows", rows)
            cur.execute(
                "INSERT OR REPLACE INTO category_reviews BY NAME "
                "SELECT response_id::UUID AS response_id, question_id, ? AS category, "
                "?::DATE AS reviewed_on FROM review_rows",
                [category, today()],
            )
            cur.unregister("review_rows")
        return len(rows)

    def category_corrections(self) -> pd.DataFrame:
        """Manager-confirmed (text, category) pairs the classifier learns from.

        Columns: text (the stored answer), category (the manager's), one row per review, the
        latest reviews last (by date, then answer), so where near-identical answers were
        reviewed differently the last row is the manager's latest word.
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            return cur.execute(
                "SELECT a.value_text AS text, r.category FROM category_reviews r "
                "JOIN answers a USING (response_id, question_id) "
                "ORDER BY r.reviewed_on, r.response_id, r.question_id"
            ).df()

    # -- theme terms: how many responses wrote each candidate label term ---------------------

    def theme_term_support(self) -> pd.DataFrame:
        """Columns: theme_id (int), term (str), responses (distinct responses whose answer in
        that theme contains the term, a count). Raises StoreError when the store is closed,
        StorageUnavailable when the file cannot be read."""
        with self._cursor() as cur:
            return cur.execute(
                "SELECT theme_id, term, responses FROM theme_term_support ORDER BY theme_id, term"
            ).df()

    def save_theme_term_support(self, frame: pd.DataFrame, *, replace: bool) -> None:
        """Store term support (`theme_term_support` columns). With `replace` the table is
        rewritten; otherwise the counts are added to what is stored (new responses only).
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot
        be written."""
        with self._transaction() as cur:
            if replace:
                cur.execute("DELETE FROM theme_term_support")
            if frame.empty:
                return
            cur.register("support_rows", frame[["theme_id", "term", "responses"]])
            cur.execute(
                "INSERT INTO theme_term_support BY NAME "
                "SELECT theme_id::INTEGER AS theme_id, term, responses::INTEGER AS responses "
                "FROM support_rows "
                "ON CONFLICT (theme_id, term) DO UPDATE "
                "SET responses = theme_term_support.responses + excluded.responses"
            )
            cur.unregister("support_rows")

    def highest_threshold(self) -> int:
        """The highest anonymity threshold of any survey (0 without surveys). Raises
        StoreError when the store is closed, StorageUnavailable when the file cannot be read."""
        with self._cursor() as cur:
            return int(
                cur.execute("SELECT coalesce(max(anonymity_threshold), 0) FROM surveys").fetchone()[
                    0
                ]
            )

    # -- themes: saved model and manager edits ----------------------------------------------

    def theme_state(self) -> str | None:
        """The saved theme model as JSON, or None before the first analysis.

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            row = cur.execute("SELECT state_json FROM theme_state WHERE name = 'themes'").fetchone()
        return row[0] if row else None

    def save_theme_state(self, state_json: str) -> None:
        """Replace the saved theme model (JSON).

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._transaction() as cur:
            cur.execute(
                "INSERT OR REPLACE INTO theme_state VALUES ('themes', ?, ?)", [state_json, today()]
            )

    def theme_edits(self) -> list[str]:
        """The managers' theme edits (rename, merge, split) as JSON, in the order made.

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            return [
                r[0]
                for r in cur.execute(
                    "SELECT edit_json FROM theme_edits ORDER BY position"
                ).fetchall()
            ]

    def add_theme_edit(self, edit_json: str) -> None:
        """Append one theme edit (JSON) after the earlier ones.

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._transaction() as cur:
            cur.execute(
                "INSERT INTO theme_edits SELECT coalesce(max(position), 0) + 1, ?, ? "
                "FROM theme_edits",
                [edit_json, today()],
            )

    def analysis_backlog(self, model_key: str) -> tuple[int, int]:
        """(answers without analysis, answers analysed by another model): work to do, counts.

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            return cur.execute(
                """
                SELECT
                    (SELECT count(*) FROM answers a
                     ANTI JOIN text_analysis t USING (response_id, question_id)
                     WHERE a.value_text IS NOT NULL AND length(trim(a.value_text)) > 0),
                    (SELECT count(*) FROM text_analysis WHERE model_key <> ?)
                """,
                [model_key],
            ).fetchone()

    def data_version(self) -> tuple:
        """Changes whenever anything a manager view draws on changes (a cache key).

        A tuple of counts and status strings; compare it, do not read it.
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            return cur.execute(
                """
                SELECT (SELECT count(*) FROM responses), (SELECT count(*) FROM answers),
                       (SELECT count(*) FROM pending_responses),
                       (SELECT count(*) FROM text_analysis), (SELECT count(*) FROM category_reviews),
                       (SELECT count(*) FROM theme_edits),
                       (SELECT count(*) FROM surveys), (SELECT count(*) FROM links WHERE used),
                       (SELECT count(*) FROM links),
                       (SELECT string_agg(status, '' ORDER BY survey_id) FROM surveys),
                       -- Action items and post-mortems are few and edited in place: their
                       -- content, not their count, is the version.
                       (SELECT md5(string_agg(concat_ws('|', action_id, title, owner, due_on,
                               status, status_reason, theme_id, category, done_on, survey_id),
                               '' ORDER BY action_id)) FROM action_items),
                       (SELECT md5(string_agg(concat_ws('|', survey_id, owner, status,
                               summaries_json), '' ORDER BY survey_id)) FROM postmortems)
                """
            ).fetchone()
