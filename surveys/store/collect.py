"""Collecting: projects, surveys, links and responses."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

import pandas as pd

from clock import today
from surveys.store.base import _is_uuid
from surveys.store.records import (
    MIN_THRESHOLD,
    SURVEY_PROGRESS,
    AnswerRow,
    LinkMatch,
    Project,
    Survey,
)
from surveys.store.writer import Submission
from surveys.text_limits import MAX_PROJECT_NAME, check_length, name_key, tidy_name

_LOOKUP_CACHE_SIZE = 8192  # rows kept for respondents' requests; emptied when full


class CollectMixin:
    """Projects, surveys, links and responses: everything a respondent's visit touches."""

    # -- projects --------------------------------------------------------------------------

    def create_project(
        self, name: str, roster: Sequence[str] = (), *, is_sample: bool = False
    ) -> Project:
        """Create a project called `name` (trimmed, inner whitespace one space) with an
        optional roster of member names.

        The roster is kept only to redact those names from later answers.
        Raises ValueError when the name is blank, longer than MAX_PROJECT_NAME (80) characters
        or a project of that name exists (`project_by_name`: case and spacing ignored).
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        name = tidy_name(name)
        if not name:
            raise ValueError("A project needs a name.")
        check_length(name, MAX_PROJECT_NAME, "project name")
        project_id = str(uuid.uuid4())
        with self._transaction() as cur:
            names = cur.execute("SELECT name FROM projects").fetchall()
            if any(name_key(row[0]) == name_key(name) for row in names):
                raise ValueError(f"A project called {name!r} already exists.")
            cur.execute(
                "INSERT INTO projects VALUES (?, ?, ?, ?, ?)",
                [project_id, name, list(roster), is_sample, today()],
            )
        return Project(project_id, name, tuple(roster), is_sample)

    def project_by_name(self, name: str) -> Project | None:
        """The project called `name`, or None. Names compare after trimming, with each run
        of whitespace as one space and case ignored (`surveys.text_limits.name_key`): the
        stored spelling comes back; an exact match wins over another spelling.

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            row = cur.execute(
                "SELECT project_id::VARCHAR, name, roster, is_sample FROM projects WHERE name = ?",
                [name.strip()],
            ).fetchone()
            if row is None:  # another spelling: few projects, so compare them here
                key = name_key(name)
                rows = cur.execute(
                    "SELECT project_id::VARCHAR, name, roster, is_sample FROM projects "
                    "ORDER BY name"
                ).fetchall()
                row = next((r for r in rows if name_key(r[1]) == key), None)
        return Project(row[0], row[1], tuple(row[2]), row[3]) if row else None

    def project(self, project_id: str) -> Project | None:
        """The project with id `project_id`, or None.

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        cache = self._lookups()
        found = cache.get(("project", project_id))
        if found is not None:
            return found
        with self._cursor() as cur:
            row = cur.execute(
                "SELECT project_id::VARCHAR, name, roster, is_sample FROM projects "
                "WHERE project_id = ?",
                [project_id],
            ).fetchone()
        if row is None:
            return None
        project = cache[("project", project_id)] = Project(row[0], row[1], tuple(row[2]), row[3])
        return project

    def set_roster(self, project_id: str, roster: Sequence[str]) -> None:
        """Replace the project's roster (names redacted from later answers); unknown ids: no-op.

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._transaction() as cur:
            cur.execute(
                "UPDATE projects SET roster = ? WHERE project_id = ?", [list(roster), project_id]
            )
        self._forget_lookups()

    def projects(self) -> pd.DataFrame:
        """Every project, by name: one row each.

        Columns: project_id (str), name, roster_size (number of roster names), is_sample (bool).
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
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
        anonymity_threshold: int = MIN_THRESHOLD,
        questions: Sequence[tuple[str, str, str, bool]] = (),
    ) -> str:
        """Store a new open survey and its questions; returns the new survey id (a uuid4 str).

        `questions` are (question_id, kind, prompt, breakdown) in questionnaire order;
        `anonymity_threshold` is a number of responses, at least MIN_THRESHOLD (3). Raises
        ValueError for an unknown project or a threshold below MIN_THRESHOLD (nothing stored).
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be read
        or written.
        """
        if anonymity_threshold < MIN_THRESHOLD:
            raise ValueError(
                f"The anonymity threshold must be at least {MIN_THRESHOLD} responses: with fewer, "
                "one person's answers could be read on their own."
            )
        survey_id = str(uuid.uuid4())
        with self._transaction() as cur:
            if not cur.execute(
                "SELECT 1 FROM projects WHERE project_id = ?", [project_id]
            ).fetchone():
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
                    "unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(range(?)), "
                    "unnest(?::BOOLEAN[])",
                    [
                        survey_id,
                        [q[0] for q in questions],
                        [q[1] for q in questions],
                        [q[2] for q in questions],
                        len(questions),
                        [bool(q[3]) for q in questions],
                    ],
                )
        return survey_id

    _SURVEY_COLUMNS = (
        "s.survey_id::VARCHAR, s.project_id::VARCHAR, p.name, s.template_id, "
        "s.questionnaire_json, s.title, s.quarter, s.opens_on, s.closes_on, s.status, "
        "s.anonymity_threshold"
    )

    def survey(self, survey_id: str) -> Survey | None:
        """The survey with id `survey_id`, or None (also for a string that is not a uuid).

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        if not _is_uuid(survey_id):
            return None
        cache = self._lookups()
        found = cache.get(("survey", survey_id))
        if found is not None:
            return found
        with self._cursor() as cur:
            row = cur.execute(
                f"SELECT {self._SURVEY_COLUMNS} FROM surveys s "  # noqa: S608 - constant columns
                "JOIN projects p USING (project_id) WHERE s.survey_id = ?",
                [survey_id],
            ).fetchone()
        if row is None:
            return None
        survey = cache[("survey", survey_id)] = Survey(*row)
        return survey

    def _lookups(self) -> dict:
        """Rows every respondent's request reads (survey, project, link target by key): kept
        until one of them changes. Only rows found are kept, so unknown ids and tokens can
        never fill it; it is emptied when full."""
        cache = self.__dict__.setdefault("_lookup_cache", {})
        if len(cache) >= _LOOKUP_CACHE_SIZE:
            cache.clear()
        return cache

    def reopened_surveys(self) -> set[str]:
        """Ids of the surveys reopened after they had closed with released responses (each
        remembered once, by `set_survey_status`). Raises StoreError when the store is closed,
        StorageUnavailable when the file cannot be read."""
        with self._cursor() as cur:
            rows = cur.execute("SELECT survey_id::VARCHAR FROM survey_reopens").fetchall()
        return {str(r[0]) for r in rows}

    def _forget_lookups(self) -> None:
        """Called after every commit that changes a survey, project or link row."""
        self.__dict__.setdefault("_lookup_cache", {}).clear()

    def set_survey_status(self, survey_id: str, status: str) -> None:
        """Open or close a survey by hand (its dates still apply when open). Reopening a
        closed survey that has released responses is remembered (`reopened_surveys`).

        Raises ValueError when `status` is not "open" or "closed", or the survey is unknown.
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        if status not in ("open", "closed"):
            raise ValueError("status must be 'open' or 'closed'")
        with self._transaction() as cur:
            if status == "open":
                cur.execute(
                    "INSERT OR IGNORE INTO survey_reopens SELECT survey_id FROM surveys "
                    "WHERE survey_id = ? AND status = 'closed' "
                    "AND EXISTS (SELECT 1 FROM responses r WHERE r.survey_id = surveys.survey_id)",
                    [survey_id],
                )
            updated = cur.execute(
                "UPDATE surveys SET status = ? WHERE survey_id = ? RETURNING 1",
                [status, survey_id],
            ).fetchall()
        self._forget_lookups()  # after the commit: no reader can keep the old row
        if not updated:
            raise ValueError("Unknown survey.")

    def surveys_overview(self) -> pd.DataFrame:
        """One row per survey with response and invitation progress, newest first.

        Columns: survey_id (str), project (name), title, template_id, quarter ("2026Q3"),
        opens_on, closes_on (pandas Timestamps at midnight; closes_on NaT when open-ended),
        status ("open"/"closed"), anonymity_threshold (responses), is_sample (bool),
        responses (released), waiting (pending, not released yet), invitations,
        invitations_used (counts).
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            return cur.execute(
                f"""
                SELECT s.survey_id::VARCHAR AS survey_id, p.name AS project, s.title,
                       s.template_id, s.quarter, s.opens_on, s.closes_on, s.status,
                       s.anonymity_threshold, p.is_sample,
                       c.responses, c.waiting, c.invitations, c.invitations_used
                FROM surveys s
                JOIN projects p USING (project_id)
                JOIN ({SURVEY_PROGRESS}) c USING (survey_id)
                ORDER BY s.opens_on DESC, p.name, s.title
                """  # noqa: S608 - constant SQL fragment
            ).df()

    # -- links -----------------------------------------------------------------------------

    def replace_open_link(self, survey_id: str, token_hash: str, token: str) -> None:
        """The survey's shareable link becomes `token` (looked up by `token_hash`); any older
        open link stops working. The open link's token is kept so it can be shown again: it
        is the same for everyone it was handed to and never stored beside an answer.

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._transaction() as cur:
            cur.execute("DELETE FROM links WHERE survey_id = ? AND kind = 'open'", [survey_id])
            cur.execute(
                "INSERT INTO links (token_hash, survey_id, kind, used, shared_token) "
                "VALUES (?, ?, 'open', false, ?)",
                [token_hash, survey_id, token],
            )
        self._forget_lookups()  # the old open link must stop working at once

    def open_link_token(self, survey_id: str) -> str | None:
        """The survey's current shareable link token; None when it has none, or when its
        link predates migration 6 (only its hash was kept then).

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            row = cur.execute(
                "SELECT shared_token FROM links WHERE survey_id = ? AND kind = 'open'",
                [survey_id],
            ).fetchone()
        return row[0] if row else None

    def has_open_link(self, survey_id: str) -> bool:
        """Whether the survey has a shareable (open) link.

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            return bool(
                cur.execute(
                    "SELECT 1 FROM links WHERE survey_id = ? AND kind = 'open'", [survey_id]
                ).fetchone()
            )

    def add_invitations(self, survey_id: str, token_hashes: Sequence[str]) -> None:
        """Store single-use invitation links (their token hashes only) for the survey.

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        frame = pd.DataFrame({"token_hash": list(token_hashes)})
        with self._transaction() as cur:
            cur.register("new_links", frame)
            cur.execute(
                "INSERT INTO links (token_hash, survey_id, kind, used) "
                "SELECT token_hash, ?, 'invitation', false FROM new_links",
                [survey_id],
            )
            cur.unregister("new_links")

    def link_target(self, token_hash: str) -> tuple[str, str] | None:
        """(survey_id, kind) of the link stored under `token_hash`, or None; kept in memory
        once found (a link's survey and kind never change; a replaced link is forgotten).
        Whether an invitation was used is not part of it: see `find_link`.

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        cache = self._lookups()
        found = cache.get(("link", token_hash))
        if found is not None:
            return found
        match = self.find_link(token_hash)
        if match is None:
            return None
        target = cache[("link", token_hash)] = (match.survey_id, match.kind)
        return target

    def find_link(self, token_hash: str) -> LinkMatch | None:
        """The link stored under `token_hash` (its survey, kind and whether used), or None.

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
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

        Returns the new response id (a random uuid4 str) once the response is committed.
        Raises LinkUnavailable when the invitation is unknown or used (including by a
        concurrent submission) or the survey is unknown, SurveyNotOpen when the survey does
        not accept answers, StorageUnavailable when the database cannot be written (or is
        too slow: nothing was saved), StoreError when the store is closed.
        Concurrent calls are committed together by the store's writer thread (group commit).
        """
        submission = Submission(
            response_id=str(uuid.uuid4()),
            survey_id=survey_id,
            answers=list(answers),
            invitation_hash=invitation_hash,
            receipt_hash=receipt_hash,
        )
        return self._response_writer().submit(submission)

    def response_count(self, survey_id: str) -> int:
        """How many responses the survey has stored, released or waiting (ignores the
        anonymity threshold and releases: not for display; see `released_count`).

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            return cur.execute(
                "SELECT (SELECT count(*) FROM responses WHERE survey_id = ?) + "
                "(SELECT count(*) FROM pending_responses WHERE survey_id = ?)",
                [survey_id, survey_id],
            ).fetchone()[0]

    def released_count(self, survey_id: str) -> int:
        """How many of the survey's responses are released (what results may draw on).

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            return cur.execute(
                "SELECT count(*) FROM responses WHERE survey_id = ?", [survey_id]
            ).fetchone()[0]

    def receipt(self, receipt_hash: str) -> tuple[date, str, pd.DataFrame] | None:
        """What was stored for the response behind a receipt: day, survey id, answers; or None.

        The day is a datetime.date; the answers frame has one row per stored answer (one per
        picked option) with columns question_id, value_number (float or NaN), value_text,
        value_choice (str or None), ordered by question_id.
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            # Released or still pending: a respondent checks a receipt right after submitting.
            row = cur.execute(
                "SELECT response_id, submitted_on, survey_id::VARCHAR FROM responses "
                "WHERE receipt_hash = ? UNION ALL "
                "SELECT response_id, submitted_on, survey_id::VARCHAR FROM pending_responses "
                "WHERE receipt_hash = ?",
                [receipt_hash, receipt_hash],
            ).fetchone()
            if row is None:
                return None
            answers = cur.execute(
                "SELECT question_id, value_number, value_text, value_choice FROM answers "
                "WHERE response_id = ? UNION ALL "
                "SELECT question_id, value_number, value_text, value_choice FROM pending_answers "
                "WHERE response_id = ? ORDER BY question_id, value_choice",
                [row[0], row[0]],
            ).df()
        return row[1], row[2], answers
