"""Stored analysis of free text: categories, themes, manager reviews, theme edits."""

from __future__ import annotations

import pandas as pd

from clock import today


class TextResultsMixin:
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
        columns = [
            "response_id",
            "question_id",
            "survey_id",
            "category",
            "confidence",
            "second_category",
            "theme_id",
            "model_key",
        ]
        rows = frame[columns].copy()
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

    def correct_category(self, response_id: str, question_id: str, category: str) -> None:
        with self._transaction() as cur:
            cur.execute(
                "INSERT OR REPLACE INTO category_reviews VALUES (?, ?, ?, ?)",
                [response_id, question_id, category, today()],
            )

    def category_corrections(self) -> pd.DataFrame:
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
            row = cur.execute("SELECT state_json FROM theme_state WHERE name = 'themes'").fetchone()
        return row[0] if row else None

    def save_theme_state(self, state_json: str) -> None:
        with self._transaction() as cur:
            cur.execute(
                "INSERT OR REPLACE INTO theme_state VALUES ('themes', ?, ?)", [state_json, today()]
            )

    def theme_edits(self) -> list[str]:
        with self._cursor() as cur:
            return [
                r[0]
                for r in cur.execute(
                    "SELECT edit_json FROM theme_edits ORDER BY position"
                ).fetchall()
            ]

    def add_theme_edit(self, edit_json: str) -> None:
        with self._transaction() as cur:
            cur.execute(
                "INSERT INTO theme_edits SELECT coalesce(max(position), 0) + 1, ?, ? "
                "FROM theme_edits",
                [edit_json, today()],
            )

    def analysis_backlog(self, model_key: str) -> tuple[int, int]:
        """(answers without analysis, answers analysed by another model): work to do."""
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
        """Changes whenever anything a manager view draws on changes (a cache key)."""
        with self._cursor() as cur:
            return cur.execute(
                """
                SELECT (SELECT count(*) FROM responses), (SELECT count(*) FROM answers),
                       (SELECT count(*) FROM text_analysis), (SELECT count(*) FROM category_reviews),
                       (SELECT count(*) FROM theme_edits),
                       (SELECT count(*) FROM surveys), (SELECT count(*) FROM links WHERE used),
                       (SELECT count(*) FROM links),
                       (SELECT string_agg(status, '' ORDER BY survey_id) FROM surveys),
                       (SELECT string_agg(status, '' ORDER BY action_id) FROM action_items)
                """
            ).fetchone()
