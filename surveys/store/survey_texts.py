"""One survey's results page: its released free text grouped by text, and answer counts over
several surveys of one questionnaire for comparison.

Facts only: which surveys may be shown, and whether quotes may, is decided by the anonymity
gate (`analysis.anonymity`) in the wiring layer before these are called.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from surveys.questionnaire import KINDS


class SurveyTextsMixin:
    """Per-survey facts behind the survey results page."""

    def survey_text_groups(self, survey_id: str) -> pd.DataFrame:
        """One survey's released free-text answers, one row per question and exact stored text.

        Columns: question_id, text (stored, redacted), answers (count of answers with exactly
        this text), category (the most common among them: a manager's review where there is
        one, else the classifier's; None while not analysed), theme_id (int, the most common;
        -1 for no theme or not analysed). Non-answers ("N/A", "-") and blank answers are left
        out. Ordered by question, then answers descending, then text; no response id and no
        arrival order. Raises StoreError when the store is closed, StorageUnavailable when the
        file cannot be read.
        """
        with self._cursor() as cur:
            return cur.execute(
                """
                SELECT a.question_id, a.value_text AS text, count(*) AS answers,
                       mode(coalesce(r.category, t.category)) AS category,
                       coalesce(mode(t.theme_id), -1)::INTEGER AS theme_id
                FROM answers a
                LEFT JOIN text_analysis t USING (response_id, question_id)
                LEFT JOIN category_reviews r USING (response_id, question_id)
                WHERE a.survey_id = ? AND a.value_text IS NOT NULL
                  AND length(trim(a.value_text)) > 0
                  AND NOT coalesce(t.non_answer, false)
                GROUP BY a.question_id, a.value_text
                ORDER BY a.question_id, answers DESC, text
                """,
                [str(survey_id)],
            ).df()

    def question_answers(self, survey_ids: Sequence[str]) -> pd.DataFrame:
        """How many released responses answered each non-text question, per survey.

        Columns: survey_id, question_id, responses (distinct responses with an answer),
        threshold (the survey's anonymity threshold). For the gate to decide which survey's
        questions a comparison over several surveys may add up. Raises StoreError when the
        store is closed, StorageUnavailable when the file cannot be read.
        """
        with self._cursor() as cur:
            return cur.execute(
                """
                SELECT a.survey_id::VARCHAR AS survey_id, a.question_id,
                       count(DISTINCT a.response_id) AS responses,
                       any_value(s.anonymity_threshold) AS threshold
                FROM answers a JOIN surveys s USING (survey_id)
                WHERE list_contains(?::UUID[], a.survey_id) AND a.value_text IS NULL
                  AND (a.value_choice IS NOT NULL OR a.value_number IS NOT NULL)
                GROUP BY a.survey_id, a.question_id
                ORDER BY survey_id, a.question_id
                """,
                [[str(s) for s in survey_ids]],
            ).df()

    def value_counts(
        self, survey_ids: Sequence[str], questions: Sequence[str] | None = None
    ) -> pd.DataFrame:
        """Released answers of several surveys together, per question, kind and value.

        Columns: question_id, kind (the question kind stored with each survey, so a question
        whose kind changed between versions is kept apart), value (the number as text, e.g.
        "4", or the choice), responses (count of responses giving it, summed over the
        surveys), answered (responses answering the question at all, on each of its rows),
        surveys (how many of the surveys contributed to the question). Free text is left out.
        Only the given `survey_ids` count (the anonymity gate chose them); an unknown id adds
        nothing. `questions`, when given, keeps only those "<survey_id>:<question_id>" pairs
        (the gate's choice of each survey's questions). Raises StoreError when the store is
        closed, StorageUnavailable when the file cannot be read.
        """
        # A response gives each value of a question at most once (a multiple choice is
        # one row per distinct option), so rows count responses; only "answered" of a
        # multiple-choice question needs distinct responses.
        multiple = [kind for kind, cls in KINDS.items() if cls.multiple]
        with self._cursor() as cur:
            return cur.execute(
                """
                WITH given AS (
                    SELECT a.question_id, q.kind, a.response_id,
                           coalesce(a.value_choice,
                                    CAST(CAST(a.value_number AS BIGINT) AS VARCHAR)) AS value,
                           a.survey_id
                    FROM answers a
                    JOIN survey_questions q USING (survey_id, question_id)
                    WHERE list_contains(?::UUID[], a.survey_id) AND a.value_text IS NULL
                      AND (a.value_choice IS NOT NULL OR a.value_number IS NOT NULL)
                      AND (?::VARCHAR[] IS NULL OR list_contains(
                          ?::VARCHAR[], a.survey_id::VARCHAR || ':' || a.question_id))),
                counted AS (
                    SELECT question_id, kind, value, count(*) AS responses
                    FROM given GROUP BY ALL),
                totals AS (
                    SELECT question_id, kind, count(*) AS answered,
                           count(DISTINCT survey_id) AS surveys
                    FROM given WHERE NOT list_contains(?::VARCHAR[], kind)
                    GROUP BY question_id, kind
                    UNION ALL
                    SELECT question_id, kind, count(DISTINCT response_id) AS answered,
                           count(DISTINCT survey_id) AS surveys
                    FROM given WHERE list_contains(?::VARCHAR[], kind)
                    GROUP BY question_id, kind)
                SELECT question_id, kind, value, responses, answered, surveys
                FROM counted JOIN totals USING (question_id, kind)
                ORDER BY question_id, kind, value
                """,
                [
                    [str(s) for s in survey_ids],
                    None if questions is None else list(questions),
                    None if questions is None else list(questions),
                    multiple,
                    multiple,
                ],
            ).df()
