"""Imported calendars in the database: sources, their events and the per-day meeting numbers.

Like every repository this takes a Session and never commits: the calendar service wraps a
whole import (old events out, new events in, day numbers rewritten) in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy import delete, func, insert, select

from focusapp.domain.calendar import DAY_NUMBER_FIELDS, CalendarDay, CalendarEvent, Exclusion
from focusapp.storage.tables import CalendarDayRow, CalendarEventRow, CalendarSourceRow

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Collection, Iterable, Mapping

    from sqlalchemy.orm import Session

#: Rows per INSERT statement or IN (...) list; well under SQLite's variable limit.
_CHUNK: Final = 500


@dataclass(frozen=True, slots=True)
class StoredSource:
    """What is stored about one imported calendar file.

    Attributes:
        id: Database key; also the order in which files were first imported.
        path: Resolved absolute path of the file.
        imported_at: When its stored events were last rewritten (aware UTC).
        first_day: First local day of the imported range.
        last_day: Last local day of the imported range.
        content_sha256: Hash of the file's bytes at that import.
        rules_key: Fingerprint of the settings the events were classified with.
        extra_addresses: The user's addresses given for this file only (``--me``).
        report: The last import's counts, skipped events and warnings, as JSON text.
    """

    id: int
    path: str
    imported_at: dt.datetime
    first_day: dt.date
    last_day: dt.date
    content_sha256: str
    rules_key: str
    extra_addresses: tuple[str, ...]
    report: str


def _source(row: CalendarSourceRow) -> StoredSource:
    return StoredSource(
        id=row.id,
        path=row.path,
        imported_at=row.imported_at,
        first_day=row.first_day,
        last_day=row.last_day,
        content_sha256=row.content_sha256,
        rules_key=row.rules_key,
        extra_addresses=tuple(a for a in row.extra_addresses.split(",") if a),
        report=row.report,
    )


#: Columns read for an event, in the order :func:`_event` takes them; plain rows are several
#: times faster to load than ORM objects, which matters for years of events.
_EVENT_COLUMNS: Final = (
    CalendarEventRow.source_id,
    CalendarSourceRow.path,
    CalendarEventRow.uid,
    CalendarEventRow.recurrence_id,
    CalendarEventRow.summary,
    CalendarEventRow.start_at,
    CalendarEventRow.end_at,
    CalendarEventRow.sequence,
    CalendarEventRow.counted,
    CalendarEventRow.reason,
    CalendarEventRow.all_day,
)


def _event(row: Any) -> tuple[int, CalendarEvent]:
    source_id, path, uid, recurrence_id, summary, start, end, sequence, counted, reason, all_day = (
        row
    )
    return source_id, CalendarEvent(
        uid=uid,
        recurrence_id=recurrence_id,
        summary=summary,
        start=start,
        end=end,
        sequence=sequence,
        counted=counted,
        reason=None if reason is None else Exclusion(reason),
        all_day=all_day,
        source=path,
    )


#: Events with their file's path; queries are built from it (selects are immutable).
_EVENTS: Final = select(*_EVENT_COLUMNS).join(
    CalendarSourceRow, CalendarEventRow.source_id == CalendarSourceRow.id
)


def _chunks(items: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


class CalendarRepository:
    """Calendar sources, events and day numbers."""

    def __init__(self, session: Session) -> None:
        self._session = session

    @property
    def session(self) -> Session:
        """The session, so related repositories (exclusions) join the same transaction."""
        return self._session

    # --- sources -----------------------------------------------------------------------------

    def source(self, path: str) -> StoredSource | None:
        """Return the source stored for ``path``, if any."""
        row = self._source_row(path)
        return None if row is None else _source(row)

    def sources(self) -> list[StoredSource]:
        """Return every source, in the order they were first imported."""
        query = select(CalendarSourceRow).order_by(CalendarSourceRow.id)
        return [_source(row) for row in self._session.scalars(query)]

    def save_source(
        self,
        *,
        path: str,
        imported_at: dt.datetime,
        first_day: dt.date,
        last_day: dt.date,
        content_sha256: str,
        rules_key: str,
        extra_addresses: Iterable[str],
        report: str,
    ) -> StoredSource:
        """Insert or update the source of ``path`` (its events are kept; see replace_events)."""
        row = self._source_row(path)
        if row is None:
            row = CalendarSourceRow(path=path)
            self._session.add(row)
        row.imported_at = imported_at
        row.first_day = first_day
        row.last_day = last_day
        row.content_sha256 = content_sha256
        row.rules_key = rules_key
        row.extra_addresses = ",".join(extra_addresses)
        row.report = report
        self._session.flush()
        return _source(row)

    def delete_source(self, path: str) -> StoredSource | None:
        """Forget ``path`` and (through ON DELETE CASCADE) its events; return what it was."""
        row = self._source_row(path)
        if row is None:
            return None
        gone = _source(row)
        self._session.execute(delete(CalendarSourceRow).where(CalendarSourceRow.id == row.id))
        self._session.expunge(row)
        return gone

    def coverage(self) -> list[tuple[dt.date, dt.date]]:
        """Return the imported range of every source (days a calendar speaks about)."""
        query = select(CalendarSourceRow.first_day, CalendarSourceRow.last_day)
        return [(first, last) for first, last in self._session.execute(query)]

    # --- events ------------------------------------------------------------------------------

    def replace_events(self, source_id: int, events: Iterable[CalendarEvent]) -> int:
        """Replace every stored event of the source with ``events``; return how many."""
        self._session.execute(
            delete(CalendarEventRow).where(CalendarEventRow.source_id == source_id)
        )
        rows = [
            {
                "source_id": source_id,
                "uid": event.uid,
                "recurrence_id": event.recurrence_id,
                "summary": event.summary,
                "start_at": event.start,
                "end_at": event.end,
                "sequence": event.sequence,
                "counted": event.counted,
                "reason": None if event.reason is None else str(event.reason),
                "all_day": event.all_day,
            }
            for event in events
        ]
        for chunk in _chunks(rows):
            self._session.execute(insert(CalendarEventRow), chunk)
        return len(rows)

    def events_of(self, source_id: int) -> list[CalendarEvent]:
        """Return the stored events of one source, by start."""
        query = _EVENTS.where(CalendarEventRow.source_id == source_id).order_by(
            CalendarEventRow.start_at, CalendarEventRow.id
        )
        return [_event(row)[1] for row in self._session.execute(query)]

    def events_between(
        self, start: dt.datetime, end: dt.datetime, *, counted_only: bool = False
    ) -> list[tuple[int, CalendarEvent]]:
        """Return ``(source id, event)`` for events touching ``[start, end]``, by start.

        Zero-length events exactly at ``start`` are included, so callers pad the window
        and filter precisely with the domain's day rules.
        """
        query = (
            _EVENTS.where(CalendarEventRow.start_at <= end)
            .where(CalendarEventRow.end_at >= start)
            .order_by(CalendarEventRow.start_at, CalendarEventRow.id)
        )
        if counted_only:
            query = query.where(CalendarEventRow.counted.is_(True))
        return [_event(row) for row in self._session.execute(query)]

    def events_with_uids(self, uids: Collection[str]) -> list[tuple[int, CalendarEvent]]:
        """Return ``(source id, event)`` for every stored event whose UID is in ``uids``."""
        found: list[tuple[int, CalendarEvent]] = []
        for chunk in _chunks(sorted(uids)):
            query = _EVENTS.where(CalendarEventRow.uid.in_(chunk))
            found.extend(_event(row) for row in self._session.execute(query))
        return found

    def event_count(self) -> int:
        """Return how many events are stored over all sources."""
        return int(self._session.scalar(select(func.count(CalendarEventRow.id))) or 0)

    # --- day numbers -------------------------------------------------------------------------

    def days_between(
        self, first: dt.date | None = None, last: dt.date | None = None
    ) -> dict[dt.date, CalendarDay]:
        """Return the stored numbers of covered days in ``[first, last]`` (open ends allowed)."""
        columns = [getattr(CalendarDayRow, name) for name in DAY_NUMBER_FIELDS]
        query = select(CalendarDayRow.day, *columns).order_by(CalendarDayRow.day)
        if first is not None:
            query = query.where(CalendarDayRow.day >= first)
        if last is not None:
            query = query.where(CalendarDayRow.day <= last)
        return {row[0]: CalendarDay(*row) for row in self._session.execute(query)}

    def set_days(self, days: Mapping[dt.date, CalendarDay | None]) -> None:
        """Store the numbers of each day given; ``None`` removes that day's numbers."""
        self.delete_days(list(days))
        rows = [
            {"day": day.date, **{name: getattr(day, name) for name in DAY_NUMBER_FIELDS}}
            for day in days.values()
            if day is not None
        ]
        for chunk in _chunks(rows):
            self._session.execute(insert(CalendarDayRow), chunk)

    def delete_days(self, days: Iterable[dt.date]) -> None:
        """Remove the stored numbers of ``days``."""
        for chunk in _chunks(sorted(days)):
            self._session.execute(delete(CalendarDayRow).where(CalendarDayRow.day.in_(chunk)))

    def _source_row(self, path: str) -> CalendarSourceRow | None:
        query = select(CalendarSourceRow).where(CalendarSourceRow.path == path)
        return self._session.scalars(query).first()
