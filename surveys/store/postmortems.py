"""Post-mortems: one per survey, with its one named owner, its status and the owner's
summaries of each section of the document."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pandas as pd

from clock import today
from surveys.store.records import POSTMORTEM_STATUSES
from surveys.text_limits import MAX_OWNER_NAME, MAX_SUMMARY, check_length


@dataclass(frozen=True)
class Postmortem:
    """A survey's post-mortem: `owner` runs the meeting, `status` a POSTMORTEM_STATUSES key,
    `summaries` maps a document section id to what the owner wrote for it."""

    survey_id: str
    owner: str
    status: str
    summaries: dict[str, str] = field(default_factory=dict)


class PostmortemsMixin:
    """The post-mortem record of each survey."""

    def save_postmortem(
        self,
        survey_id: str,
        *,
        owner: str,
        status: str = "draft",
        summaries: dict[str, str] | None = None,
    ) -> Postmortem:
        """Create or replace the post-mortem of a survey; returns what is stored.

        `owner` is the one person who runs the meeting (a name typed by the manager);
        `status` one of POSTMORTEM_STATUSES; `summaries` section id -> text (blank entries are
        dropped; None keeps the stored summaries).
        Raises ValueError when the owner is blank or over MAX_OWNER_NAME (120) characters, a
        summary over MAX_SUMMARY (20,000), the status unknown or the survey unknown.
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        if not owner.strip():
            raise ValueError("A post-mortem needs one named owner.")
        check_length(owner, MAX_OWNER_NAME, "owner's name")
        for text in (summaries or {}).values():
            check_length(str(text), MAX_SUMMARY, "summary")
        if status not in POSTMORTEM_STATUSES:
            raise ValueError(
                f"Unknown status {status!r}; use one of: {', '.join(POSTMORTEM_STATUSES)}."
            )
        if self.survey(survey_id) is None:
            raise ValueError(f"No survey with id {survey_id!r}.")
        kept = None
        if summaries is not None:
            kept = {str(k): str(v).strip() for k, v in summaries.items() if str(v).strip()}
        with self._transaction() as cur:
            cur.execute(
                "INSERT INTO postmortems (survey_id, owner, status, summaries_json, created_on, "
                "updated_on) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
                "owner = excluded.owner, status = excluded.status, "
                "summaries_json = CASE WHEN ? THEN excluded.summaries_json "
                "ELSE postmortems.summaries_json END, updated_on = excluded.updated_on",
                [
                    survey_id,
                    owner.strip(),
                    status,
                    json.dumps(kept or {}, sort_keys=True),
                    today(),
                    today(),
                    kept is not None,
                ],
            )
        stored = self.postmortem(survey_id)
        assert stored is not None
        return stored

    def postmortem(self, survey_id: str) -> Postmortem | None:
        """The post-mortem of a survey, or None when none was started.

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read.
        """
        with self._cursor() as cur:
            row = cur.execute(
                "SELECT survey_id::VARCHAR, owner, status, summaries_json FROM postmortems "
                "WHERE survey_id = try_cast(? AS UUID)",
                [survey_id],
            ).fetchone()
        if row is None:
            return None
        return Postmortem(row[0], row[1], row[2], json.loads(row[3]))

    def postmortems(self) -> pd.DataFrame:
        """Every post-mortem started, newest quarter first.

        Columns: survey_id, project, title, quarter, owner, status (a POSTMORTEM_STATUSES
        key), updated_on (pandas Timestamp at midnight).
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read.
        """
        with self._cursor() as cur:
            return cur.execute(
                "SELECT m.survey_id::VARCHAR AS survey_id, p.name AS project, s.title, "
                "s.quarter, m.owner, m.status, m.updated_on FROM postmortems m "
                "JOIN surveys s USING (survey_id) JOIN projects p USING (project_id) "
                "ORDER BY s.quarter DESC, p.name, s.title"
            ).df()

    def delete_postmortem(self, survey_id: str) -> None:
        """Remove a survey's post-mortem record (its action items stay).

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._transaction() as cur:
            cur.execute(
                "DELETE FROM postmortems WHERE survey_id = try_cast(? AS UUID)", [survey_id]
            )
