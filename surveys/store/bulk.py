"""Bulk loading (DataFrame scans, never row loops) and removing the sample."""

from __future__ import annotations

import pandas as pd


class BulkMixin:
    """Bulk loading (sample data, benchmarks) and removing the sample."""

    # -- bulk loading and sample data -------------------------------------------------------

    def bulk_load(self, responses: pd.DataFrame, answers: pd.DataFrame) -> None:
        """Insert many responses and answers in one transaction (DataFrame scan, not row loops).

        `responses`: response_id, survey_id, submitted_on (a date). `answers`: response_id,
        survey_id, question_id, value_number, value_text, value_choice. Nothing is checked:
        surveys need not be open and no invitation is used (for sample data, imports of past
        retrospectives and benchmarks). The rows are history: they are released at once, as
        one release per survey, shuffled, each response dated with its release's day (the
        latest `submitted_on` of its survey). Load whole surveys only.
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._transaction() as cur:
            cur.register("bulk_responses", responses)
            cur.register("bulk_answers", answers)
            cur.execute(
                "INSERT INTO survey_releases SELECT b.survey_id, coalesce(r.last, 0) + 1, b.n, "
                "b.day FROM (SELECT survey_id::UUID AS survey_id, count(*) AS n, "
                "max(submitted_on)::DATE AS day FROM bulk_responses GROUP BY ALL) b "
                "LEFT JOIN (SELECT survey_id, max(release_no) AS last FROM survey_releases "
                "GROUP BY survey_id) r USING (survey_id)"
            )
            # Every response of a release carries the release's day, not its own: a day
            # with one response in it would single that response out.
            cur.execute(
                "INSERT INTO responses BY NAME SELECT response_id::UUID AS response_id, "
                "survey_id::UUID AS survey_id, "
                "max(submitted_on::DATE) OVER (PARTITION BY survey_id) AS submitted_on, "
                "NULL::VARCHAR AS receipt_hash FROM bulk_responses ORDER BY random()"
            )
            cur.execute(
                "INSERT INTO answers BY NAME SELECT response_id::UUID AS response_id, "
                "survey_id::UUID AS survey_id, question_id, "
                "value_number::DOUBLE AS value_number, value_text::VARCHAR AS value_text, "
                "value_choice::VARCHAR AS value_choice FROM bulk_answers ORDER BY random()"
            )
            cur.unregister("bulk_responses")
            cur.unregister("bulk_answers")

    def delete_unanswered_survey(self, survey_id: str) -> bool:
        """Delete a survey that has no response at all (released or waiting), with its
        questions and links: undoes a survey made for an import that then failed. Returns
        whether it was deleted (False: unknown, or it has responses and is kept).
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._transaction() as cur:
            answered = cur.execute(
                "SELECT (SELECT count(*) FROM responses WHERE survey_id = ?::UUID) + "
                "(SELECT count(*) FROM pending_responses WHERE survey_id = ?::UUID)",
                [survey_id, survey_id],
            ).fetchone()[0]
            if answered:
                return False
            for table in ("survey_questions", "links", "survey_releases", "postmortems"):
                cur.execute(f"DELETE FROM {table} WHERE survey_id = ?::UUID", [survey_id])  # noqa: S608
            deleted = cur.execute(
                "DELETE FROM surveys WHERE survey_id = ?::UUID RETURNING 1", [survey_id]
            ).fetchall()
        self._forget_lookups()
        return bool(deleted)

    def has_sample(self) -> bool:
        """Whether any sample project is loaded.

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            return bool(cur.execute("SELECT 1 FROM projects WHERE is_sample").fetchone())

    def remove_sample(self) -> None:
        """Delete every sample project and all that hangs off it; real data is untouched.

        Stored text analysis and theme state are cleared too (rebuilt from real answers).
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._transaction() as cur:
            sample = "SELECT project_id FROM projects WHERE is_sample"
            sample_surveys = f"SELECT survey_id FROM surveys WHERE project_id IN ({sample})"  # noqa: S608
            for table in (
                "text_analysis",
                "answers",
                "responses",
                "pending_answers",
                "pending_responses",
                "survey_releases",
                "links",
                "survey_questions",
                "postmortems",
                "survey_row_exports",
                "survey_reopens",
            ):
                cur.execute(
                    f"DELETE FROM {table} WHERE survey_id IN ({sample_surveys})"  # noqa: S608
                )
            cur.execute(
                "DELETE FROM category_reviews WHERE response_id NOT IN "
                "(SELECT response_id FROM responses)"
            )
            sample_actions = f"SELECT action_id FROM action_items WHERE project_id IN ({sample})"  # noqa: S608
            cur.execute(
                f"DELETE FROM action_status_history WHERE action_id IN ({sample_actions})"  # noqa: S608
            )
            cur.execute(f"DELETE FROM action_items WHERE project_id IN ({sample})")  # noqa: S608
            sample_schedules = (
                f"SELECT schedule_id FROM retro_schedules WHERE project_id IN ({sample})"  # noqa: S608
            )
            notes = f"SELECT 'schedule_note:' || schedule_id::VARCHAR FROM ({sample_schedules})"  # noqa: S608
            cur.execute(f"DELETE FROM settings WHERE key IN ({notes})")  # noqa: S608
            for table in ("schedule_runs", "schedule_recipients", "retro_schedules"):
                cur.execute(
                    f"DELETE FROM {table} WHERE schedule_id IN ({sample_schedules})"  # noqa: S608
                )
            cur.execute(f"DELETE FROM surveys WHERE project_id IN ({sample})")  # noqa: S608
            cur.execute("DELETE FROM projects WHERE is_sample")
            # Themes learnt from sample text must not linger: analysis restarts from real data.
            cur.execute("DELETE FROM text_analysis")
            cur.execute("DELETE FROM theme_state")
            cur.execute("DELETE FROM theme_term_support")
        self._forget_lookups()  # after the commit: no reader keeps a removed survey
