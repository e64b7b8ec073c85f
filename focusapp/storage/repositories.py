"""Repositories: map rows to domain objects. They take a Session and never commit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select

from focusapp.domain.models import VALUE_FIELDS, CheckIn
from focusapp.storage.tables import CheckInRow

if TYPE_CHECKING:
    import datetime as dt

    from sqlalchemy.orm import Session


def _to_domain(row: CheckInRow) -> CheckIn:
    return CheckIn(
        date=row.day,
        energy=row.energy,
        coding_minutes=row.coding_minutes,
        meeting_minutes=row.meeting_minutes,
        sleep_hours=row.sleep_hours,
        stress=row.stress,
        meeting_count=row.meeting_count,
        back_to_back_count=row.back_to_back_count,
        longest_free_block_minutes=row.longest_free_block_minutes,
        note=row.note,
    )


class CheckInRepository:
    """Check-ins stored one row per day."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, day: dt.date) -> CheckIn | None:
        """Return the check-in for ``day``, if any."""
        row = self._row(day)
        return None if row is None else _to_domain(row)

    def put(self, checkin: CheckIn, zone: str, now: dt.datetime) -> CheckIn:
        """Insert or overwrite the day's row with every field of ``checkin``."""
        row = self._row(checkin.date)
        if row is None:
            row = CheckInRow(day=checkin.date, zone=zone, created_at=now)
            self._session.add(row)
        for name in VALUE_FIELDS:
            setattr(row, name, getattr(checkin, name))
        row.zone = zone
        row.updated_at = now
        self._session.flush()
        return _to_domain(row)

    def delete(self, day: dt.date) -> bool:
        """Delete the day's row; return whether there was one."""
        result = self._session.execute(delete(CheckInRow).where(CheckInRow.day == day))
        return bool(getattr(result, "rowcount", 0))

    def between(self, first: dt.date | None = None, last: dt.date | None = None) -> list[CheckIn]:
        """Return check-ins from ``first`` to ``last`` inclusive (open ends allowed), by date."""
        query = select(CheckInRow).order_by(CheckInRow.day)
        if first is not None:
            query = query.where(CheckInRow.day >= first)
        if last is not None:
            query = query.where(CheckInRow.day <= last)
        return [_to_domain(row) for row in self._session.scalars(query)]

    def span(self) -> tuple[dt.date, dt.date] | None:
        """Return the first and last recorded days, or ``None`` when there are none."""
        row = self._session.execute(
            select(func.min(CheckInRow.day), func.max(CheckInRow.day))
        ).one()
        first: dt.date | None = row[0]
        last: dt.date | None = row[1]
        if first is None or last is None:
            return None
        return first, last

    def count(self) -> int:
        """Return how many days are recorded."""
        return int(self._session.scalar(select(func.count(CheckInRow.id))) or 0)

    def _row(self, day: dt.date) -> CheckInRow | None:
        return self._session.scalars(select(CheckInRow).where(CheckInRow.day == day)).first()
