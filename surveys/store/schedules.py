"""Recurring retros: schedules, their recipients and the surveys each one opened."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from clock import today
from surveys.store.base import _is_uuid

_NOTE_KEY = "schedule_note:"  # settings key prefix: the last run's note per schedule


class _Keep:
    """`update_schedule`'s "leave this as it is" for values that may be set to None."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP: Any = _Keep()


@dataclass(frozen=True)
class Schedule:
    """One recurring retro. `rule` is 'every_n_weeks', 'quarter_end' or 'dates' (see
    `surveys.cadence`); dates are datetime.date; `last_run_on` is the last day the
    scheduler handled it (None before its first run); `open_days` and `threshold` are counts;
    `remind_before_days`: remind those who have not answered that many days before each
    survey closes (None: no reminder)."""

    schedule_id: str
    project_id: str
    project: str
    template_id: str
    rule: str
    every_weeks: int | None
    dates: tuple[date, ...]
    first_on: date
    open_days: int
    threshold: int
    message: str
    active: bool
    last_run_on: date | None
    created_on: date
    remind_before_days: int | None = None


_COLUMNS = (
    "s.schedule_id::VARCHAR, s.project_id::VARCHAR, p.name, s.template_id, s.rule, "
    "s.every_weeks, s.dates, s.first_on, s.open_days, s.threshold, s.message, s.active, "
    "s.last_run_on, s.created_on, s.remind_before_days"
)
# The columns `update_schedule` may set (the SET clause is built from these names only).
_EDITABLE = (
    "rule", "every_weeks", "dates", "first_on", "open_days", "threshold", "message",
    "remind_before_days",
)  # fmt: skip


def _schedule(row: tuple) -> Schedule:
    values = list(row)
    values[6] = tuple(values[6] or ())
    return Schedule(*values)


class SchedulesMixin:
    """Recurring retros (`retro_schedules`, `schedule_recipients`, `schedule_runs`)."""

    def create_schedule(
        self,
        *,
        project_id: str,
        template_id: str,
        rule: str,
        every_weeks: int | None,
        dates: Sequence[date],
        first_on: date,
        open_days: int,
        threshold: int,
        message: str = "",
        recipients: Sequence[str] = (),
        last_run_on: date | None = None,
        remind_before_days: int | None = None,
    ) -> str:
        """Store a new active schedule and its recipients; returns its id (a uuid4 str).
        `last_run_on`: due days up to that day are never opened (None: from `first_on`);
        `remind_before_days`: see `Schedule` (check it first: `surveys.cadence`).

        Check the rule first (`surveys.cadence.check_rule`). Raises ValueError for an
        unknown project; duckdb.ConstraintException for a rule the table refuses. Raises
        StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        schedule_id = str(uuid.uuid4())
        with self._transaction() as cur:
            if not cur.execute(
                "SELECT 1 FROM projects WHERE project_id = ?", [project_id]
            ).fetchone():
                raise ValueError("Unknown project.")
            cur.execute(
                "INSERT INTO retro_schedules (schedule_id, project_id, template_id, rule, "
                "every_weeks, dates, first_on, open_days, threshold, message, active, "
                "last_run_on, created_on, remind_before_days) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?)",
                [
                    schedule_id,
                    project_id,
                    template_id,
                    rule,
                    every_weeks,
                    list(dates),
                    first_on,
                    int(open_days),
                    int(threshold),
                    message,
                    last_run_on,
                    today(),
                    remind_before_days,
                ],
            )
            _insert_recipients(cur, schedule_id, recipients)
        return schedule_id

    def update_schedule(
        self,
        schedule_id: str,
        *,
        open_days: int | None = None,
        threshold: int | None = None,
        message: str | None = None,
        recipients: Sequence[str] | None = None,
        rule: str | None = None,
        every_weeks: Any = KEEP,
        dates: Sequence[date] | None = None,
        first_on: date | None = None,
        remind_before_days: Any = KEEP,
    ) -> None:
        """Change what the next surveys get (open days, threshold, invitation message, the
        rule and its parameters, the reminder's days before the close) and, given
        `recipients`, replace the recipients. None (KEEP for `every_weeks` and
        `remind_before_days`, which may be set to None) leaves a value as it is. Surveys
        already opened keep their days and threshold. Check the new rule first
        (`surveys.cadence.check_rule`). Raises ValueError for an unknown schedule;
        duckdb.ConstraintException for values the table refuses. Raises StoreError when the
        store is closed, StorageUnavailable when the file cannot be read or written.
        """
        given = {
            "rule": rule,
            "every_weeks": every_weeks,
            "dates": list(dates) if dates is not None else None,
            "first_on": first_on,
            "open_days": open_days,
            "threshold": threshold,
            "message": message,
            "remind_before_days": remind_before_days,
        }
        keep_none = ("every_weeks", "remind_before_days")
        changes = {
            k: v
            for k, v in given.items()
            if v is not KEEP and (v is not None or k in keep_none) and k in _EDITABLE
        }
        sets = ", ".join(f"{name} = ?" for name in changes) or "schedule_id = schedule_id"
        with self._transaction() as cur:
            found = cur.execute(
                f"UPDATE retro_schedules SET {sets} WHERE schedule_id = ? RETURNING 1",  # noqa: S608 - names from _EDITABLE
                [*changes.values(), _uuid(schedule_id)],
            ).fetchall()
            if not found:
                raise ValueError(f"No schedule with id {schedule_id!r}.")
            if recipients is not None:
                cur.execute("DELETE FROM schedule_recipients WHERE schedule_id = ?", [schedule_id])
                _insert_recipients(cur, schedule_id, recipients)

    def set_schedule_active(
        self, schedule_id: str, active: bool, last_run_on: date | None = None
    ) -> None:
        """Pause (active False) or resume a schedule; `last_run_on`, when given, moves the
        day it was last handled forward (a resumed schedule does not open what it missed
        while paused). Raises ValueError for an unknown schedule. Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._transaction() as cur:
            found = cur.execute(
                "UPDATE retro_schedules SET active = ?, last_run_on = CASE WHEN ? IS NULL "
                "THEN last_run_on ELSE greatest(coalesce(last_run_on, ?), ?) END "
                "WHERE schedule_id = ? RETURNING 1",
                [bool(active), last_run_on, last_run_on, last_run_on, _uuid(schedule_id)],
            ).fetchall()
        if not found:
            raise ValueError(f"No schedule with id {schedule_id!r}.")

    def delete_schedule(self, schedule_id: str) -> bool:
        """Delete a schedule and its recipients; the surveys it opened stay. Runs whose
        survey is still open are kept so that survey still closes on its day. Returns
        whether it existed. Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        if not _is_uuid(schedule_id):
            return False
        with self._transaction() as cur:
            found = cur.execute(
                "DELETE FROM retro_schedules WHERE schedule_id = ? RETURNING 1", [schedule_id]
            ).fetchall()
            cur.execute("DELETE FROM schedule_recipients WHERE schedule_id = ?", [schedule_id])
            cur.execute(
                "DELETE FROM schedule_runs WHERE schedule_id = ? AND survey_id NOT IN "
                "(SELECT survey_id FROM surveys WHERE status = 'open')",
                [schedule_id],
            )
            cur.execute("DELETE FROM settings WHERE key = ?", [_NOTE_KEY + schedule_id])
        return bool(found)

    def schedule(self, schedule_id: str) -> Schedule | None:
        """The schedule with that id, or None (also for a string that is not a uuid).

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        if not _is_uuid(schedule_id):
            return None
        with self._cursor() as cur:
            row = cur.execute(
                f"SELECT {_COLUMNS} FROM retro_schedules s JOIN projects p USING (project_id) "  # noqa: S608 - constant columns
                "WHERE s.schedule_id = ?",
                [schedule_id],
            ).fetchone()
        return _schedule(row) if row else None

    def schedules(self) -> list[Schedule]:
        """Every schedule, by project name then creation day.

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            rows = cur.execute(
                f"SELECT {_COLUMNS} FROM retro_schedules s JOIN projects p USING (project_id) "  # noqa: S608 - constant columns
                "ORDER BY p.name, s.created_on, s.schedule_id"
            ).fetchall()
        return [_schedule(row) for row in rows]

    def schedules_overview(self) -> pd.DataFrame:
        """Per schedule, what the list shows beside the schedule itself.

        Columns: schedule_id (str), recipients (count), runs (surveys opened), last_due_on
        (the latest due day it opened a survey for, a pandas Timestamp or NaT),
        last_survey_id (str or None), note (the last run's note, "" when none).
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            return cur.execute(
                """
                SELECT s.schedule_id::VARCHAR AS schedule_id,
                       (SELECT count(*) FROM schedule_recipients r
                        WHERE r.schedule_id = s.schedule_id) AS recipients,
                       (SELECT count(*) FROM schedule_runs u
                        WHERE u.schedule_id = s.schedule_id) AS runs,
                       (SELECT max(due_on) FROM schedule_runs u
                        WHERE u.schedule_id = s.schedule_id) AS last_due_on,
                       (SELECT arg_max(survey_id::VARCHAR, due_on) FROM schedule_runs u
                        WHERE u.schedule_id = s.schedule_id) AS last_survey_id,
                       coalesce((SELECT value FROM settings
                        WHERE key = ? || s.schedule_id::VARCHAR), '') AS note
                FROM retro_schedules s
                """,
                [_NOTE_KEY],
            ).df()

    def schedule_recipients(self, schedule_id: str) -> list[str]:
        """The schedule's recipients' addresses, sorted (empty for an unknown id).

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        if not _is_uuid(schedule_id):
            return []
        with self._cursor() as cur:
            rows = cur.execute(
                "SELECT email FROM schedule_recipients WHERE schedule_id = ? ORDER BY email",
                [schedule_id],
            ).fetchall()
        return [row[0] for row in rows]

    def schedule_run_days(self, schedule_id: str) -> set[date]:
        """The due days the schedule already opened a survey for.

        Raises ValueError for an id that is not a uuid. Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            rows = cur.execute(
                "SELECT due_on FROM schedule_runs WHERE schedule_id = ?", [_uuid(schedule_id)]
            ).fetchall()
        return {row[0] for row in rows}

    def record_schedule_run(self, schedule_id: str, due_on: date, survey_id: str) -> bool:
        """Note that the schedule opened `survey_id` for `due_on`. Returns False (and stores
        nothing) when a survey was already recorded for that day: the primary key makes
        sure two racing runs cannot both open one due day. Raises ValueError for an id that is
        not a uuid. Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._transaction() as cur:
            added = cur.execute(
                "INSERT INTO schedule_runs (schedule_id, due_on, survey_id) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING RETURNING 1",
                [_uuid(schedule_id), due_on, survey_id],
            ).fetchall()
        return bool(added)

    def set_schedule_last_run(self, schedule_id: str, on: date, note: str | None = None) -> None:
        """Record that the schedule was handled up to `on` (never moves back) and, given
        `note`, keep it as the last run's note (shown on the page). Raises ValueError for an id
        that is not a uuid. Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._transaction() as cur:
            cur.execute(
                "UPDATE retro_schedules SET last_run_on = greatest(coalesce(last_run_on, ?), ?) "
                "WHERE schedule_id = ?",
                [on, on, _uuid(schedule_id)],
            )
            if note is not None:
                cur.execute(
                    "INSERT INTO settings VALUES (?, ?) "
                    "ON CONFLICT DO UPDATE SET value = excluded.value",
                    [_NOTE_KEY + schedule_id, note],
                )

    def set_schedule_note(self, schedule_id: str, note: str) -> None:
        """Keep `note` as the schedule's last run's note without marking any day handled
        (a run that failed). Raises StoreError when the store is closed, StorageUnavailable
        when the file cannot be read or written."""
        with self._transaction() as cur:
            cur.execute(
                "INSERT INTO settings VALUES (?, ?) ON CONFLICT DO UPDATE SET value = excluded.value",
                [_NOTE_KEY + schedule_id, note],
            )

    def schedule_runs_to_close(self, on: date) -> pd.DataFrame:
        """Surveys opened by a schedule that are still open though their close day is
        before `on`. Columns: schedule_id (str), due_on (Timestamp), survey_id (str).

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            return cur.execute(
                "SELECT u.schedule_id::VARCHAR AS schedule_id, u.due_on, "
                "u.survey_id::VARCHAR AS survey_id FROM schedule_runs u "
                "JOIN surveys v USING (survey_id) "
                "WHERE v.status = 'open' AND v.closes_on < ? ORDER BY u.due_on",
                [on],
            ).df()

    def schedule_reminders_due(self, on: date) -> pd.DataFrame:
        """Surveys of active schedules with a reminder whose reminder day (`closes_on` minus
        the schedule's `remind_before_days`) is `on` or before, still open on `on`, and not
        reminded yet. Columns: schedule_id (str), project (str), due_on (Timestamp),
        survey_id (str), closes_on (Timestamp).

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            return cur.execute(
                "SELECT u.schedule_id::VARCHAR AS schedule_id, p.name AS project, u.due_on, "
                "u.survey_id::VARCHAR AS survey_id, v.closes_on FROM schedule_runs u "
                "JOIN retro_schedules s USING (schedule_id) "
                "JOIN projects p ON p.project_id = s.project_id "
                "JOIN surveys v ON v.survey_id = u.survey_id "
                "WHERE s.active AND s.remind_before_days IS NOT NULL AND u.reminded_on IS NULL "
                "AND v.status = 'open' AND v.closes_on >= ? "
                "AND v.closes_on - s.remind_before_days <= ? ORDER BY u.due_on, p.name",
                [on, on],
            ).df()

    def claim_schedule_reminder(self, schedule_id: str, due_on: date, on: date) -> bool:
        """Mark the run's reminder as sent on `on`; False when it already was (another run
        claimed it first), so a reminder is sent once. Raises ValueError for an id that is not
        a uuid. Raises StoreError when the store is closed, StorageUnavailable when the file
        cannot be read or written."""
        with self._transaction() as cur:
            claimed = cur.execute(
                "UPDATE schedule_runs SET reminded_on = ? WHERE schedule_id = ? AND due_on = ? "
                "AND reminded_on IS NULL RETURNING 1",
                [on, _uuid(schedule_id), due_on],
            ).fetchall()
        return bool(claimed)

    def release_schedule_reminder(self, schedule_id: str, due_on: date) -> None:
        """Undo `claim_schedule_reminder` (nothing could be sent: the next run tries again).
        Raises ValueError for an id that is not a uuid. Raises StoreError when the store is
        closed, StorageUnavailable when the file cannot be read or written."""
        with self._transaction() as cur:
            cur.execute(
                "UPDATE schedule_runs SET reminded_on = NULL WHERE schedule_id = ? AND due_on = ?",
                [_uuid(schedule_id), due_on],
            )


def _insert_recipients(cur, schedule_id: str, recipients: Sequence[str]) -> None:
    unique = list(dict.fromkeys(r.strip() for r in recipients if r.strip()))
    if unique:
        cur.executemany(
            "INSERT INTO schedule_recipients VALUES (?, ?) ON CONFLICT DO NOTHING",
            [[schedule_id, email] for email in unique],
        )


def _uuid(schedule_id: str) -> str:
    if not _is_uuid(schedule_id):
        raise ValueError(f"No schedule with id {schedule_id!r}.")
    return schedule_id
