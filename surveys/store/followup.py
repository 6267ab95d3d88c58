"""Action items: what post-mortems decided and whether it got done."""

from __future__ import annotations

import uuid
from datetime import date

import pandas as pd

from clock import today
from surveys.store.base import _is_uuid
from surveys.store.records import (
    ACTION_STATUSES,
    DONE_STATUS,
    NOT_DOING_STATUS,
    OPEN_ACTION_STATUSES,
    Scope,
)
from surveys.text_limits import MAX_ACTION_TITLE, MAX_OWNER_NAME, check_length


class ActionsMixin:
    """Action items decided in post-mortems, their owners, due dates and statuses."""

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
        survey_id: str | None = None,
        created_on: date | None = None,
    ) -> str:
        """Store a new action item for a project; returns its id (a uuid4 str).

        `quarter` is the quarter it was decided in ("2026Q3"); `status` one of
        ACTION_STATUSES (done_on is set to the creation day when created as done);
        `survey_id` the survey whose post-mortem decided it, if any; `created_on` the day it
        was decided (default today; the sample data and imports give earlier days). The
        status history starts with that day.
        Raises ValueError when the title or owner is blank or too long (surveys.text_limits) or
        the status is unknown.
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        title, owner = _check_fields(title, owner)
        _check_status(status)
        action_id = str(uuid.uuid4())
        day = created_on or today()
        with self._transaction() as cur:
            cur.execute(
                "INSERT INTO action_items (action_id, project_id, title, owner, due_on, status, "
                "theme_id, category, quarter, created_on, done_on, survey_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    action_id,
                    project_id,
                    title,
                    owner,
                    due_on,
                    status,
                    theme_id,
                    category,
                    quarter,
                    day,
                    day if status == DONE_STATUS else None,
                    survey_id,
                ],
            )
            _record_status(cur, action_id, day, status, "")
        return action_id

    def edit_action(
        self,
        action_id: str,
        *,
        title: str,
        owner: str,
        due_on: date | None,
        theme_id: int | None,
        category: str | None,
    ) -> None:
        """Replace an action item's editable fields: title, owner, due date (None: no due
        date), and what it is meant to fix (a theme id and/or a root-cause category, or None).

        Raises ValueError when the title or owner is blank or too long (surveys.text_limits) or
        the action is unknown. Raises StoreError when the store is closed, StorageUnavailable
        when the file cannot be read or written.
        """
        title, owner = _check_fields(title, owner)
        _check_action_id(action_id)
        with self._transaction() as cur:
            updated = cur.execute(
                "UPDATE action_items SET title = ?, owner = ?, due_on = ?, theme_id = ?, "
                "category = ? WHERE action_id = ? RETURNING 1",
                [title, owner, due_on, theme_id, category, action_id],
            ).fetchall()
        if not updated:
            raise ValueError("Unknown action.")

    def delete_action(self, action_id: str) -> None:
        """Delete an action item and its status history.

        Raises ValueError when the action is unknown. Raises StoreError when the store is
        closed, StorageUnavailable when the file cannot be read or written.
        """
        _check_action_id(action_id)
        with self._transaction() as cur:
            deleted = cur.execute(
                "DELETE FROM action_items WHERE action_id = ? RETURNING 1", [action_id]
            ).fetchall()
            cur.execute("DELETE FROM action_status_history WHERE action_id = ?", [action_id])
        if not deleted:
            raise ValueError("Unknown action.")

    def action_history(self, action_id: str | None = None) -> pd.DataFrame:
        """Status history of one action item (or of all), one row per change.

        Columns: action_id, seq (the change's number within its action: 1, 2, 3… in the order
        made; a count, never a time), changed_on (pandas Timestamp at midnight: days only),
        status (an ACTION_STATUSES key), reason ("" but for "not doing"). Oldest first; empty
        for an id that is no action.
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        if action_id is not None and not _is_uuid(action_id):
            action_id = str(uuid.UUID(int=0))  # matches no action: an empty history
        with self._cursor() as cur:
            return cur.execute(
                "SELECT action_id::VARCHAR AS action_id, seq, changed_on, status, reason "
                "FROM action_status_history WHERE (?::UUID IS NULL OR action_id = ?::UUID) "
                "ORDER BY action_id, seq",
                [action_id, action_id],
            ).df()

    def set_action_status(
        self, action_id: str, status: str, reason: str = "", *, on: date | None = None
    ) -> bool:
        """Change an action's status on day `on` (default today); returns whether anything
        changed (False when it already had that status and reason).

        "not_doing" needs a `reason`; any other status keeps none (a reason given with it is
        dropped, and the one "not doing" had is cleared). Done keeps its first done_on. Each
        change is its own row of the history, several on one day too.

        Raises ValueError when the status is unknown, "not_doing" comes without a reason, or the
        action is unknown. Raises StoreError when the store is closed, StorageUnavailable when the
        file cannot be read or written.
        """
        _check_status(status)
        reason = reason.strip() if status == NOT_DOING_STATUS else ""
        if status == NOT_DOING_STATUS and not reason:
            raise ValueError("Say why the action will not be done.")
        _check_action_id(action_id)
        day = on or today()
        with self._transaction() as cur:
            now = cur.execute(
                "SELECT status, status_reason FROM action_items WHERE action_id = ?", [action_id]
            ).fetchone()
            if now is None:
                raise ValueError("Unknown action.")
            if tuple(now) == (status, reason):
                return False
            cur.execute(
                "UPDATE action_items SET status = ?, status_reason = ?, "
                "done_on = CASE WHEN ? = ? THEN coalesce(done_on, ?) ELSE NULL END "
                "WHERE action_id = ?",
                [status, reason, status, DONE_STATUS, day, action_id],
            )
            _record_status(cur, action_id, day, status, reason)
        return True

    def actions(self, scope: Scope, on: date | None = None) -> pd.DataFrame:
        """Action items of projects in scope (quarter filter on the quarter they were decided).

        Columns: action_id, project, survey_id (the post-mortem's survey, None when added
        on its own), title, owner, due_on, status, status_reason, theme_id,
        category, quarter, created_on, done_on (dates as pandas Timestamps at midnight;
        due_on and done_on NaT when unset), and four bool flags from the one definition of
        statuses: is_open (open or in progress), is_done, committed (not "not doing": counted
        in completion rates), overdue (open and due before `on`, default today). Overdue
        first, then by due date.
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            return cur.execute(
                """
                SELECT a.action_id::VARCHAR AS action_id, p.name AS project,
                       a.survey_id::VARCHAR AS survey_id, a.title, a.owner,
                       a.due_on, a.status, a.status_reason, a.theme_id, a.category, a.quarter,
                       a.created_on, a.done_on,
                       list_contains(?::VARCHAR[], a.status) AS is_open,
                       a.status = ? AS is_done,
                       a.status <> ? AS committed,
                       coalesce(list_contains(?::VARCHAR[], a.status) AND a.due_on < ?, false)
                           AS overdue
                FROM action_items a JOIN projects p USING (project_id)
                WHERE (? IS NULL OR a.quarter >= ?)
                  AND (? IS NULL OR a.quarter <= ?)
                  AND (len(?::VARCHAR[]) = 0 OR list_contains(?::VARCHAR[], p.name))
                ORDER BY overdue DESC, a.due_on NULLS LAST, p.name, a.title
                """,
                [
                    list(OPEN_ACTION_STATUSES),
                    DONE_STATUS,
                    NOT_DOING_STATUS,
                    list(OPEN_ACTION_STATUSES),
                    on or today(),
                    *scope.params()[:6],
                ],
            ).df()


def _check_fields(title: str, owner: str) -> tuple[str, str]:
    if not title.strip() or not owner.strip():
        raise ValueError("An action needs a description and one owner.")
    check_length(title, MAX_ACTION_TITLE, "action's description")
    check_length(owner, MAX_OWNER_NAME, "owner's name")
    return title.strip(), owner.strip()


def _record_status(cur, action_id: str, day: date, status: str, reason: str) -> None:
    """Add a change to an action's history as its next numbered row (seq: a count)."""
    cur.execute(
        "INSERT INTO action_status_history (action_id, seq, changed_on, status, reason) "
        "SELECT ?, coalesce(max(seq), 0) + 1, ?, ?, ? FROM action_status_history "
        "WHERE action_id = ?",
        [action_id, day, status, reason, action_id],
    )


def _check_status(status: str) -> None:
    if status not in ACTION_STATUSES:
        raise ValueError(f"Unknown status {status!r}; use one of: {', '.join(ACTION_STATUSES)}.")


def _check_action_id(action_id: str) -> None:
    """Raises ValueError("Unknown action.") for an id that cannot name an action (no UUID)."""
    if not _is_uuid(action_id):
        raise ValueError("Unknown action.")
