"""Repositories: map rows to domain objects. They take a Session and never commit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.sqlite import insert

from focusapp.domain.focus import FocusSession
from focusapp.domain.models import VALUE_FIELDS, CheckIn
from focusapp.storage.tables import CheckInRow, FocusSessionRow

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Mapping

    from sqlalchemy.orm import Session


_VALUE_COLUMNS = tuple(getattr(CheckInRow, name) for name in VALUE_FIELDS)
_CHECKINS = CheckInRow.metadata.tables[CheckInRow.__tablename__]


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
        """Store every field of ``checkin`` as the day's record (seeding and restoring)."""
        fields = {name: getattr(checkin, name) for name in VALUE_FIELDS}
        self.update_fields(checkin.date, fields, zone, now)
        stored = self.get(checkin.date)
        assert stored is not None, "the row was just written"
        return stored

    def update_fields(
        self, day: dt.date, fields: Mapping[str, object], zone: str, now: dt.datetime
    ) -> None:
        """Create the day's row or change exactly ``fields`` of it; other fields stay as stored.

        One ``INSERT ... ON CONFLICT DO UPDATE`` statement, so the change never rewrites a
        field it was not given, whatever another writer stored there meanwhile.
        """
        self.update_many({day: fields}, zone, now)

    def update_many(
        self, changes: Mapping[dt.date, Mapping[str, object]], zone: str, now: dt.datetime
    ) -> None:
        """Apply :meth:`update_fields` to many days, grouped into few executemany batches."""
        unknown = {name for fields in changes.values() for name in fields} - set(VALUE_FIELDS)
        if unknown:
            raise ValueError(f"unknown check-in fields: {', '.join(sorted(unknown))}")
        batches: dict[tuple[str, ...], list[dict[str, object]]] = {}
        for day, fields in changes.items():
            names = tuple(sorted(fields))
            batches.setdefault(names, []).append({"day": day, **fields})
        for names, rows in batches.items():
            self._upsert(names, rows, zone, now)

    def _upsert(
        self, names: Iterable[str], rows: list[dict[str, object]], zone: str, now: dt.datetime
    ) -> None:
        # On the Core table, not the mapped class: the ORM's bulk insert splits the rows by
        # which of their values are None and sends one statement per group (thousands for a
        # varied history); Core sends every row in one executemany.
        statement = insert(_CHECKINS).values(zone=zone, created_at=now, updated_at=now)
        excluded = statement.excluded
        statement = statement.on_conflict_do_update(
            index_elements=[_CHECKINS.c.day],
            set_={**{name: excluded[name] for name in names}, "zone": zone, "updated_at": now},
        )
        self._session.execute(statement, rows)

    def delete(self, day: dt.date) -> bool:
        """Delete the day's row; return whether there was one."""
        result = self._session.execute(delete(CheckInRow).where(CheckInRow.day == day))
        return bool(getattr(result, "rowcount", 0))

    def between(self, first: dt.date | None = None, last: dt.date | None = None) -> list[CheckIn]:
        """Return check-ins from ``first`` to ``last`` inclusive (open ends allowed), by date."""
        # Plain column tuples, not ORM objects: years of history load several times faster.
        query = select(CheckInRow.day, *_VALUE_COLUMNS).order_by(CheckInRow.day)
        if first is not None:
            query = query.where(CheckInRow.day >= first)
        if last is not None:
            query = query.where(CheckInRow.day <= last)
        # Run on the session's connection (Core): ORM row loading would double the time.
        return [CheckIn(*row) for row in self._session.connection().execute(query)]

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


def _session_to_domain(row: FocusSessionRow) -> FocusSession:
    return FocusSession(id=row.id, started_at=row.started_at, ended_at=row.ended_at)


class FocusSessionRepository:
    """Focus sessions; at most one runs at a time (enforced by the service)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def running(self) -> FocusSession | None:
        """Return the session without an end, if any (the newest, should there be several)."""
        query = (
            select(FocusSessionRow)
            .where(FocusSessionRow.ended_at.is_(None))
            .order_by(FocusSessionRow.started_at.desc())
        )
        row = self._session.scalars(query).first()
        return None if row is None else _session_to_domain(row)

    def start(self, started_at: dt.datetime, zone: str) -> FocusSession:
        """Store a new running session."""
        row = FocusSessionRow(started_at=started_at, ended_at=None, zone=zone)
        self._session.add(row)
        self._session.flush()
        return _session_to_domain(row)

    def end(self, session_id: int, ended_at: dt.datetime) -> FocusSession:
        """Set the end of a session.

        Raises:
            LookupError: If there is no such session.
        """
        row = self._session.get(FocusSessionRow, session_id)
        if row is None:
            raise LookupError(f"no focus session {session_id}")
        row.ended_at = max(ended_at, row.started_at)
        self._session.flush()
        return _session_to_domain(row)

    def delete(self, session_id: int) -> None:
        """Forget a session (a mistaken start)."""
        self._session.execute(delete(FocusSessionRow).where(FocusSessionRow.id == session_id))

    def overlapping(self, start: dt.datetime, end: dt.datetime) -> list[FocusSession]:
        """Return sessions touching ``[start, end)``, running ones included, oldest first."""
        query = (
            select(FocusSessionRow)
            .where(FocusSessionRow.started_at < end)
            .where((FocusSessionRow.ended_at.is_(None)) | (FocusSessionRow.ended_at > start))
            .order_by(FocusSessionRow.started_at)
        )
        return [_session_to_domain(row) for row in self._session.scalars(query)]

    def all(self) -> list[FocusSession]:
        """Return every session, oldest first."""
        query = select(FocusSessionRow).order_by(FocusSessionRow.started_at)
        return [_session_to_domain(row) for row in self._session.scalars(query)]
