"""Aggregates over the surveys a manager view may draw on.

The store returns facts. Which surveys may be shown is decided by the anonymity gate
(`analysis.anonymity`) in the wiring layer, which passes their ids here: every aggregate
below is computed over exactly the `survey_ids` it is given, nothing else.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import pandas as pd

from surveys.questionnaire import NUMERIC_KINDS
from surveys.store.records import SURVEY_PROGRESS, Scope

VISIBLE_SURVEYS = """
    visible AS (
        SELECT s.survey_id, s.project_id, p.name AS project, s.quarter, s.template_id,
               s.title, s.anonymity_threshold AS threshold, c.responses
        FROM surveys s
        JOIN projects p USING (project_id)
        JOIN (SELECT survey_id, count(*) AS responses FROM responses GROUP BY survey_id) c
            USING (survey_id)
        WHERE list_contains(?::UUID[], s.survey_id)
    )"""


def _ids(survey_ids: Sequence[str]) -> list[str]:
    return [str(s) for s in survey_ids]


# The (survey, question) pairs whose wording the gate lets a view quote; bound by `_pairs`
# after VISIBLE_SURVEYS' survey ids.
QUOTED_QUESTIONS = """
    quoted AS (
        SELECT unnest(?::UUID[]) AS survey_id, unnest(?::VARCHAR[]) AS question_id
    )"""


def _pairs(questions: Sequence[tuple[str, str]]) -> list[object]:
    """The bound parameters of VISIBLE_SURVEYS and QUOTED_QUESTIONS for these pairs (their
    surveys, then the pairs)."""
    return _scoped(sorted({str(s) for s, _ in questions}), questions)[:3]


# Whether an analysed answer `t` is one of the pairs in `quoted`, or every pair counts
# (the first bound parameter, True: no `questions` given). Bound by `_scoped`.
IN_QUESTIONS = (
    "(?::BOOLEAN OR EXISTS (SELECT 1 FROM quoted q "
    "WHERE q.survey_id = t.survey_id AND q.question_id = t.question_id))"
)


def _scoped(survey_ids: Sequence[str], questions: Sequence[tuple[str, str]] | None) -> list[object]:
    """The bound parameters of VISIBLE_SURVEYS, QUOTED_QUESTIONS and IN_QUESTIONS: the
    surveys, and the (survey_id, question_id) pairs that count (None: all of theirs)."""
    pairs = [(str(s), str(q)) for s, q in questions or ()]
    return [
        _ids(survey_ids),
        [s for s, _ in pairs],
        [q for _, q in pairs],
        questions is None,
    ]


class AggregatesMixin:
    """Manager views: facts aggregated over the survey ids the caller passes."""

    # -- manager views: aggregates over visible surveys ---------------------------------------

    def scope_choices(self) -> tuple[list[str], list[str], list[str]]:
        """(quarters, projects, templates) that have surveys, for the filter widgets.

        Three sorted lists of str: quarters ("2026Q3"), project names, template ids.
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            quarters = [
                r[0]
                for r in cur.execute(
                    "SELECT DISTINCT quarter FROM surveys ORDER BY quarter"
                ).fetchall()
            ]
            projects = [
                r[0]
                for r in cur.execute(
                    "SELECT DISTINCT p.name FROM surveys JOIN projects p USING (project_id) "
                    "ORDER BY p.name"
                ).fetchall()
            ]
            templates = [
                r[0]
                for r in cur.execute(
                    "SELECT DISTINCT template_id FROM surveys ORDER BY template_id"
                ).fetchall()
            ]
        return quarters, projects, templates

    def participation(self, scope: Scope) -> pd.DataFrame:
        """Per survey in scope: responses, invitations sent and used, threshold.

        Columns: survey_id (str), project (name), quarter, template_id, title, status
        ("open"/"closed"), threshold (the survey's anonymity threshold, in responses),
        responses (released), waiting (submitted, not released yet), invitations,
        invitations_used (counts). Not gated: counts only.
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            return cur.execute(
                f"""
                SELECT s.survey_id::VARCHAR AS survey_id, p.name AS project, s.quarter,
                       s.template_id, s.title, s.status, s.anonymity_threshold AS threshold,
                       c.responses, c.waiting, c.invitations, c.invitations_used
                FROM surveys s
                JOIN projects p USING (project_id)
                JOIN ({SURVEY_PROGRESS}) c USING (survey_id)
                WHERE (? IS NULL OR s.quarter >= ?)
                  AND (? IS NULL OR s.quarter <= ?)
                  AND (len(?::VARCHAR[]) = 0 OR list_contains(?::VARCHAR[], p.name))
                  AND (len(?::VARCHAR[]) = 0 OR list_contains(?::VARCHAR[], s.template_id))
                ORDER BY s.quarter, p.name, s.title
                """,  # noqa: S608 - constant SQL fragment
                scope.params(),
            ).df()

    def rating_totals(self, survey_ids: Sequence[str]) -> pd.DataFrame:
        """Per survey and rating question: responses, sum of values, threshold.

        Columns: project, quarter, survey_id, question_id, kind (a numeric kind such as
        "likert" or "rating"), prompt, responses (count), value_sum (sum of the answers on the
        question's own scale, e.g. 1-5 or 0-10; divide by responses for the mean), threshold
        (the survey's anonymity threshold, in responses). Per survey, so the gate can drop a
        question too few people answered in one survey before views add surveys up. Only
        surveys in `survey_ids` count (the anonymity gate chose them); an unknown id or one
        without responses adds nothing. Raises StoreError when the store is closed,
        StorageUnavailable when the file cannot be read or written.
        """
        with self._cursor() as cur:
            return cur.execute(
                f"""
                WITH {VISIBLE_SURVEYS}
                SELECT v.project, v.quarter, v.survey_id::VARCHAR AS survey_id, a.question_id,
                       q.kind, any_value(q.prompt) AS prompt,
                       count(*) AS responses, sum(a.value_number) AS value_sum,
                       max(v.threshold) AS threshold
                FROM answers a
                JOIN visible v USING (survey_id)
                JOIN survey_questions q USING (survey_id, question_id)
                WHERE list_contains(?::VARCHAR[], q.kind) AND a.value_number IS NOT NULL
                GROUP BY v.project, v.quarter, v.survey_id, a.question_id, q.kind
                ORDER BY v.quarter, v.project, v.survey_id, a.question_id
                """,  # noqa: S608 - constant SQL fragment
                [_ids(survey_ids), list(NUMERIC_KINDS)],
            ).df()

    def category_counts(
        self, survey_ids: Sequence[str], *, questions: Sequence[tuple[str, str]] | None = None
    ) -> pd.DataFrame:
        """Per survey and root-cause category: answers, responses, threshold.

        Columns: project, quarter, survey_id, category (a manager's review when there is one,
        else the classifier's; "none" for answers with no root cause), answers (analysed
        texts; non-answers such as "N/A" are not counted), responses (distinct responses among
        them), threshold (the survey's anonymity threshold, in responses). Only surveys in
        `survey_ids` count (the anonymity gate chose them); an unknown id or one without responses
        adds nothing. With `questions`, only answers to those (survey_id, question_id) pairs
        count (views pass the questions the gate lets count: `manager_views.counted_questions`);
        None counts every question. Raises StoreError when the store is closed,
        StorageUnavailable when the file cannot be read or written.
        """
        with self._cursor() as cur:
            return cur.execute(
                f"""
                WITH {VISIBLE_SURVEYS}, {QUOTED_QUESTIONS}
                SELECT v.project, v.quarter, v.survey_id::VARCHAR AS survey_id,
                       coalesce(r.category, t.category) AS category,
                       count(*) AS answers, count(DISTINCT t.response_id) AS responses,
                       max(v.threshold) AS threshold
                FROM text_analysis t
                JOIN visible v USING (survey_id)
                LEFT JOIN category_reviews r USING (response_id, question_id)
                WHERE NOT t.non_answer AND {IN_QUESTIONS}
                GROUP BY ALL ORDER BY v.quarter, v.project, category
                """,  # noqa: S608 - constant SQL fragment
                _scoped(survey_ids, questions),
            ).df()

    def theme_counts(
        self, survey_ids: Sequence[str], *, questions: Sequence[tuple[str, str]] | None = None
    ) -> pd.DataFrame:
        """Per survey and theme: answers, responses, threshold.

        Columns: project, quarter, survey_id, theme_id (int; texts without a theme are left
        out), answers (texts), responses (distinct responses among them), threshold (the
        survey's anonymity threshold, in responses). Only surveys in `survey_ids` count (the
        anonymity gate chose them); an unknown id or one without responses adds nothing.
        `questions` as for `category_counts`. Raises StoreError when the store is closed,
        StorageUnavailable when the file cannot be read or written.
        """
        with self._cursor() as cur:
            return cur.execute(
                f"""
                WITH {VISIBLE_SURVEYS}, {QUOTED_QUESTIONS}
                SELECT v.project, v.quarter, v.survey_id::VARCHAR AS survey_id, t.theme_id,
                       count(*) AS answers, count(DISTINCT t.response_id) AS responses,
                       max(v.threshold) AS threshold
                FROM text_analysis t
                JOIN visible v USING (survey_id)
                WHERE t.theme_id >= 0 AND {IN_QUESTIONS}
                GROUP BY ALL ORDER BY v.quarter, v.project, t.theme_id
                """,  # noqa: S608 - constant SQL fragment
                _scoped(survey_ids, questions),
            ).df()

    def quotable_answers(self, survey_ids: Sequence[str]) -> pd.DataFrame:
        """Per survey and free-text question: how many analysed answers say something.

        Columns: survey_id, question_id, responses (analysed answers that are not non-answers
        such as "N/A": never more than the results page counts for the question), threshold
        (the survey's anonymity threshold). For the gate to decide which questions' wording
        a view over several surveys may quote (`correction_queue`, `theme_texts`). Only
        surveys in `survey_ids` count. Also which questions' answers root-cause and theme
        counts may include (`category_counts`, `theme_counts` with `questions`). Raises
        StoreError when the store is closed,
        StorageUnavailable when the file cannot be read.
        """
        with self._cursor() as cur:
            return cur.execute(
                f"""
                WITH {VISIBLE_SURVEYS}
                SELECT t.survey_id::VARCHAR AS survey_id, t.question_id,
                       count(*) AS responses, max(v.threshold) AS threshold
                FROM text_analysis t
                JOIN visible v USING (survey_id)
                JOIN answers a USING (response_id, question_id)
                WHERE NOT t.non_answer
                GROUP BY ALL ORDER BY survey_id, t.question_id
                """,  # noqa: S608 - constant SQL fragment
                [_ids(survey_ids)],
            ).df()

    def theme_texts(
        self, theme_id: int, questions: Sequence[tuple[str, str]], limit: int = 200
    ) -> pd.DataFrame:
        """Redacted texts of one theme in scope, in random order, with the theme's size.

        Columns: text (stored, redacted), project, quarter, responses (distinct responses in the
        theme over all returned surveys, the same on every row), threshold (largest anonymity
        threshold among them). At most `limit` rows. Only answers to the (survey_id,
        question_id) pairs in `questions` count (the anonymity gate chose them: surveys and
        questions that may be quoted); an unknown pair adds nothing. Raises StoreError when the
        store is closed, StorageUnavailable when the file cannot be read or written.
        """
        with self._cursor() as cur:
            return cur.execute(
                f"""
                WITH {VISIBLE_SURVEYS}, {QUOTED_QUESTIONS}
                SELECT a.value_text AS text, v.project, v.quarter,
                       count(DISTINCT t.response_id) OVER () AS responses,
                       max(v.threshold) OVER () AS threshold
                FROM text_analysis t
                JOIN visible v USING (survey_id)
                SEMI JOIN quoted USING (survey_id, question_id)
                JOIN answers a USING (response_id, question_id)
                WHERE t.theme_id = ?
                ORDER BY md5(t.response_id::VARCHAR || ?)
                LIMIT ?
                """,  # noqa: S608 - constant SQL fragment
                [*_pairs(questions), theme_id, str(uuid.uuid4()), limit],
            ).df()

    def correction_queue(
        self, questions: Sequence[tuple[str, str]], limit: int = 200
    ) -> pd.DataFrame:
        """Unreviewed answers grouped by identical text, most instructive first, from surveys
        and questions large enough for quotes: the candidates of the review queue.

        Columns: text (stored, redacted), answers (unreviewed answers with exactly this text,
        a count), members (their (response_id, question_id) pairs, as a list of dicts with
        those keys, for storing a review of all of them; never to show), category (the
        classifier's, the most common among them), confidence (its mean probability, 0-1),
        second_category (the most common runner-up, None when none fits), responses and
        threshold (largest response count and anonymity threshold among their surveys).
        Ordered by answers x (1 - confidence), descending (ties: least confident, then text),
        the candidate cut of ``analysis.root_causes.review_cards``, which merges
        near-identical texts and gives the final order. At most `limit` rows. Only answers to
        the (survey_id, question_id) pairs in `questions` count (the anonymity gate chose
        them; gate first, then limit); an unknown pair adds nothing; non-answers are left
        out. Raises StoreError when the store is closed, StorageUnavailable when the file
        cannot be read or written.
        """
        with self._cursor() as cur:
            return cur.execute(
                f"""
                WITH {VISIBLE_SURVEYS}, {QUOTED_QUESTIONS},
                open AS (
                    SELECT t.response_id, t.question_id, a.value_text AS text, t.category,
                           t.confidence, t.second_category, v.responses, v.threshold
                    FROM text_analysis t
                    JOIN visible v USING (survey_id)
                    SEMI JOIN quoted USING (survey_id, question_id)
                    JOIN answers a USING (response_id, question_id)
                    ANTI JOIN category_reviews r USING (response_id, question_id)
                    WHERE NOT t.non_answer)
                SELECT text, count(*) AS answers,
                       list({{'response_id': response_id::VARCHAR, 'question_id': question_id}}
                            ORDER BY response_id, question_id) AS members,
                       mode(category) AS category, avg(confidence) AS confidence,
                       mode(second_category) AS second_category,
                       max(responses) AS responses, max(threshold) AS threshold
                FROM open
                GROUP BY text
                ORDER BY count(*) * (1 - avg(confidence)) DESC, avg(confidence), text
                LIMIT ?
                """,  # noqa: S608 - constant SQL fragment
                [*_pairs(questions), limit],
            ).df()

    def answer_distribution(self, survey_id: str) -> pd.DataFrame:
        """One survey's released answers, counted per question and value.

        Columns: question_id, value (the choice for choice and yes/no questions, else the
        number as text, e.g. "4"; free text is left out), responses (count of responses that
        gave that value), answered (responses that answered the question at all, repeated on
        each of its rows). Raises StoreError when the store is closed, StorageUnavailable when
        the file cannot be read.
        """
        with self._cursor() as cur:
            return cur.execute(
                """
                WITH given AS (
                    SELECT question_id, response_id,
                           coalesce(value_choice, CAST(CAST(value_number AS BIGINT) AS VARCHAR))
                               AS value
                    FROM answers
                    WHERE survey_id = ? AND value_text IS NULL
                      AND (value_choice IS NOT NULL OR value_number IS NOT NULL))
                SELECT question_id, value, count(DISTINCT response_id) AS responses,
                       any_value(answered) AS answered
                FROM given
                JOIN (SELECT question_id, count(DISTINCT response_id) AS answered FROM given
                      GROUP BY question_id) USING (question_id)
                GROUP BY question_id, value
                ORDER BY question_id, value
                """,
                [survey_id],
            ).df()

    def text_answer_counts(self, survey_ids: Sequence[str], quarter: str) -> tuple[int, int]:
        """(free-text answers, of which analysed) in the given surveys of `quarter`: counts.

        Blank answers are not counted. Raises StoreError when the store is closed,
        StorageUnavailable when the file cannot be read or written.
        """
        with self._cursor() as cur:
            return cur.execute(
                """
                SELECT count(*), count(t.response_id)
                FROM answers a
                JOIN surveys s USING (survey_id)
                LEFT JOIN text_analysis t USING (response_id, question_id)
                WHERE list_contains(?::UUID[], a.survey_id) AND s.quarter = ?
                  AND a.value_text IS NOT NULL AND length(trim(a.value_text)) > 0
                """,
                [_ids(survey_ids), quarter],
            ).fetchone()

    def role_rating_totals(self, survey_ids: Sequence[str]) -> pd.DataFrame:
        """Per survey, rating question and stakeholder role: responses, sum of values, threshold.

        Columns: survey_id, question_id, kind, prompt, role (the answer to the survey's
        breakdown question; None when not given), responses (count), value_sum (sum of answers
        on the question's own scale), threshold (the survey's anonymity threshold). Per survey,
        so which small roles are merged is decided once per survey release, never per view. Only
        surveys in `survey_ids` (the anonymity gate chose them) that have a breakdown question
        count; an unknown id or one without responses adds nothing. Raises StoreError when the
        store is closed, StorageUnavailable when the file cannot be read or written.
        """
        with self._cursor() as cur:
            return cur.execute(
                f"""
                WITH {VISIBLE_SURVEYS},
                roles AS (
                    SELECT a.response_id, a.value_choice AS role
                    FROM answers a
                    JOIN visible v USING (survey_id)
                    JOIN survey_questions q USING (survey_id, question_id)
                    WHERE q.breakdown)
                SELECT a.survey_id::VARCHAR AS survey_id, a.question_id, q.kind,
                       any_value(q.prompt) AS prompt, r.role,
                       count(*) AS responses, sum(a.value_number) AS value_sum,
                       max(v.threshold) AS threshold
                FROM answers a
                JOIN visible v USING (survey_id)
                JOIN survey_questions q USING (survey_id, question_id)
                LEFT JOIN roles r USING (response_id)
                WHERE list_contains(?::VARCHAR[], q.kind) AND a.value_number IS NOT NULL
                  AND v.survey_id IN (SELECT survey_id FROM survey_questions WHERE breakdown)
                GROUP BY a.survey_id, a.question_id, q.kind, r.role
                ORDER BY a.survey_id, a.question_id, r.role
                """,  # noqa: S608 - constant SQL fragment
                [_ids(survey_ids), list(NUMERIC_KINDS)],
            ).df()
