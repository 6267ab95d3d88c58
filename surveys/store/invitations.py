"""Invitation e-mail addresses: kept apart from answers, deleted when a survey closes.

`invitation_addresses` holds (survey, address, hash of the address's current single-use
link) and nothing else: no response id, no time. Whether an address has answered is read only
as "its link is still unused" to choose whom a reminder goes to; callers show counts only.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd


class InvitationsMixin:
    """Invitation addresses and their single-use links."""

    def add_invited_addresses(self, survey_id: str, pairs: Sequence[tuple[str, str]]) -> set[str]:
        """Store (email, token_hash) pairs for the survey together with their single-use
        invitation links, in one transaction. An address already invited to the survey is
        left as it is (a second link would let one person answer twice). Returns the
        addresses added.

        Raises ValueError for an unknown survey (nothing stored). Raises StoreError when the
        store is closed, StorageUnavailable when the file cannot be read or written.
        """
        if not pairs:
            return set()
        frame = pd.DataFrame({"email": [p[0] for p in pairs], "token_hash": [p[1] for p in pairs]})
        with self._transaction() as cur:
            if not cur.execute("SELECT 1 FROM surveys WHERE survey_id = ?", [survey_id]).fetchall():
                raise ValueError(f"No survey with id {survey_id!r}.")
            cur.register("new_addresses", frame)
            fresh = cur.execute(
                "SELECT n.email, n.token_hash FROM new_addresses n WHERE n.email NOT IN "
                "(SELECT email FROM invitation_addresses WHERE survey_id = ?)",
                [survey_id],
            ).df()
            cur.unregister("new_addresses")
            cur.register("fresh_addresses", fresh)
            cur.execute(
                "INSERT INTO links (token_hash, survey_id, kind, used) "
                "SELECT token_hash, ?, 'invitation', false FROM fresh_addresses",
                [survey_id],
            )
            cur.execute(
                "INSERT INTO invitation_addresses (survey_id, email, token_hash) "
                "SELECT ?, email, token_hash FROM fresh_addresses",
                [survey_id],
            )
            cur.unregister("fresh_addresses")
        return set(fresh["email"])

    def unused_invited_addresses(self, survey_id: str) -> list[tuple[str, str]]:
        """(email, token_hash) of the survey's invited addresses whose current link is still
        unused, by address.

        For reminders only: never show them (the list would tell who has answered).
        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            return [
                (row[0], row[1])
                for row in cur.execute(
                    "SELECT a.email, a.token_hash FROM invitation_addresses a JOIN links l "
                    "ON l.token_hash = a.token_hash AND l.survey_id = a.survey_id "
                    "WHERE a.survey_id = ? AND l.kind = 'invitation' AND NOT l.used "
                    "ORDER BY a.email",
                    [survey_id],
                ).fetchall()
            ]

    def replace_invitation(self, survey_id: str, email: str, old_hash: str, new_hash: str) -> bool:
        """Swap an invited address's current link `old_hash` for a new single-use link
        `new_hash`, in one transaction, only while the old link is the address's and unused
        (the old link is deleted: it stops working). Returns False, changing nothing, when the
        address is not invited with `old_hash` or that link was used meanwhile.

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._transaction() as cur:
            current = cur.execute(
                "SELECT 1 FROM invitation_addresses WHERE survey_id = ? AND email = ? "
                "AND token_hash = ?",
                [survey_id, email, old_hash],
            ).fetchall()
            deleted = (
                current
                and cur.execute(
                    "DELETE FROM links WHERE token_hash = ? AND survey_id = ? "
                    "AND kind = 'invitation' AND NOT used RETURNING 1",
                    [old_hash, survey_id],
                ).fetchall()
            )
            if not deleted:
                return False
            cur.execute(
                "INSERT INTO links (token_hash, survey_id, kind, used) "
                "VALUES (?, ?, 'invitation', false)",
                [new_hash, survey_id],
            )
            cur.execute(
                "UPDATE invitation_addresses SET token_hash = ? WHERE survey_id = ? AND email = ?",
                [new_hash, survey_id, email],
            )
        self._forget_lookups()  # the old link must stop resolving at once
        return True

    def invited_address_count(self, survey_id: str) -> int:
        """How many addresses the survey keeps for invitations and reminders.

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._cursor() as cur:
            return cur.execute(
                "SELECT count(*) FROM invitation_addresses WHERE survey_id = ?", [survey_id]
            ).fetchone()[0]

    def delete_invited_addresses(self, survey_id: str) -> int:
        """Delete every address kept for the survey (its links stay); returns how many.

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._transaction() as cur:
            return len(
                cur.execute(
                    "DELETE FROM invitation_addresses WHERE survey_id = ? RETURNING 1",
                    [survey_id],
                ).fetchall()
            )

    def delete_addresses_of_closed_surveys(self, on: date) -> int:
        """Delete the addresses of every survey closed by hand or past its closing date on
        `on` (a day); returns how many were deleted.

        Raises StoreError when the store is closed, StorageUnavailable when the file cannot be
        read or written.
        """
        with self._transaction() as cur:
            return len(
                cur.execute(
                    "DELETE FROM invitation_addresses WHERE survey_id IN (SELECT survey_id "
                    "FROM surveys WHERE status = 'closed' OR closes_on < ?) RETURNING 1",
                    [on],
                ).fetchall()
            )
