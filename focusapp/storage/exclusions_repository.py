"""The events and series the user excluded from counting (table ``calendar_exclusions``).

Like every repository this takes a Session and never commits: the exclusions service adds or
removes one and rewrites the day numbers it changes in the same transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import delete, select

from focusapp.domain.exclusions import UserExclusion
from focusapp.storage.tables import CalendarExclusionRow

if TYPE_CHECKING:
    import datetime as dt

    from sqlalchemy.orm import Session


def _key(exclusion: UserExclusion) -> tuple[str, str, bool]:
    return exclusion.uid, exclusion.recurrence_id or "", exclusion.series


class ExclusionRepository:
    """Read and change the user's exclusions."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def all(self) -> frozenset[UserExclusion]:
        """Return every exclusion."""
        rows = self._session.execute(
            select(
                CalendarExclusionRow.uid,
                CalendarExclusionRow.recurrence_id,
                CalendarExclusionRow.series,
            )
        )
        return frozenset(
            UserExclusion(uid, recurrence or None, bool(series)) for uid, recurrence, series in rows
        )

    def listed(self) -> list[tuple[UserExclusion, dt.datetime]]:
        """Return every exclusion with when it was made, oldest first (for the export)."""
        query = select(CalendarExclusionRow).order_by(
            CalendarExclusionRow.excluded_at, CalendarExclusionRow.id
        )
        return [
            (UserExclusion(row.uid, row.recurrence_id or None, row.series), row.excluded_at)
            for row in self._session.scalars(query)
        ]

    def add(self, exclusion: UserExclusion, now: dt.datetime) -> bool:
        """Store ``exclusion``; return ``False`` when it was there already (then unchanged)."""
        uid, recurrence, series = _key(exclusion)
        query = select(CalendarExclusionRow.id).where(
            CalendarExclusionRow.uid == uid,
            CalendarExclusionRow.recurrence_id == recurrence,
            CalendarExclusionRow.series == series,
        )
        if self._session.scalar(query) is not None:
            return False
        self._session.add(
            CalendarExclusionRow(uid=uid, recurrence_id=recurrence, series=series, excluded_at=now)
        )
        self._session.flush()
        return True

    def remove(self, exclusion: UserExclusion) -> bool:
        """Delete ``exclusion``; return whether it was there."""
        uid, recurrence, series = _key(exclusion)
        result = self._session.execute(
            delete(CalendarExclusionRow).where(
                CalendarExclusionRow.uid == uid,
                CalendarExclusionRow.recurrence_id == recurrence,
                CalendarExclusionRow.series == series,
            )
        )
        return bool(getattr(result, "rowcount", 0))
