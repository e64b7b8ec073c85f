"""Read the database with the standard library's ``sqlite3`` alone: the light reads of the tray.

The always-on tray must stay small. Importing SQLAlchemy costs about 36 MB of resident memory
on its own (measured beside a bare PySide6 tray of 49 MB), more than the whole budget of the
always-on part, while the tray only reads a few rows: today's check-in, the running focus
session and a few months of days for the risk level. So those reads are plain SELECTs here,
returning the same domain objects the repositories return. Writes never happen here: they
all go through the services and their one locked write path. Table and column names are
written out because importing the ORM tables would import SQLAlchemy;
``tests/unit/storage/test_snapshot.py`` checks them against the ORM and compares every
result with the repositories'.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import TYPE_CHECKING, Final

from focusapp.domain.calendar import DAY_NUMBER_FIELDS, CalendarDay
from focusapp.domain.coding import Commit
from focusapp.domain.errors import StorageError
from focusapp.domain.focus import FocusSession
from focusapp.domain.intervals import Interval
from focusapp.domain.models import VALUE_FIELDS, CheckIn

if TYPE_CHECKING:
    from pathlib import Path

#: Columns read from ``checkins`` (the ORM's CheckInRow), in CheckIn's field order.
CHECKIN_COLUMNS: Final = ("day", *VALUE_FIELDS)
#: Columns read from ``calendar_days`` (CalendarDayRow), in CalendarDay's field order.
CALENDAR_DAY_COLUMNS: Final = ("day", *DAY_NUMBER_FIELDS)
#: Columns read from ``focus_sessions`` (FocusSessionRow).
FOCUS_COLUMNS: Final = ("id", "started_at", "ended_at")
_BUSY_TIMEOUT_S: Final = 10.0


def _instant(text: str | None) -> dt.datetime | None:
    # SQLAlchemy's SQLite DateTime stores naive UTC as "YYYY-MM-DD HH:MM:SS[.ffffff]".
    return None if text is None else dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def _range_clause(column: str, first: object, last: object) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if first is not None:
        clauses.append(f"{column} >= ?")
        params.append(str(first))
    if last is not None:
        clauses.append(f"{column} <= ?")
        params.append(str(last))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


class SnapshotReader:
    """Read-only queries on the database file, one short connection each.

    A connection is opened per read and closed at once, so the tray never holds the
    database open between reads (nothing for a deleted ``-wal`` to take with it).
    """

    def __init__(self, db_path: Path) -> None:
        self._db_path = db_path

    def _query(self, sql: str, params: list[object]) -> list[tuple[object, ...]]:
        if not self._db_path.exists():
            return []
        try:
            connection = sqlite3.connect(self._db_path, timeout=_BUSY_TIMEOUT_S)
        except sqlite3.Error as error:
            raise StorageError(f"the database cannot be opened ({error})") from None
        try:
            connection.execute("PRAGMA query_only=ON")
            return list(connection.execute(sql, params))
        except sqlite3.OperationalError as error:
            if "no such table" in str(error):
                return []  # a database not migrated yet holds nothing
            raise StorageError(f"the database could not be read ({error})") from None
        except sqlite3.Error as error:
            raise StorageError(f"the database could not be read ({error})") from None
        finally:
            connection.close()

    def checkins_between(
        self, first: dt.date | None = None, last: dt.date | None = None
    ) -> list[CheckIn]:
        """Return typed check-ins from ``first`` to ``last`` inclusive, by date."""
        where, params = _range_clause("day", first, last)
        sql = f"SELECT {', '.join(CHECKIN_COLUMNS)} FROM checkins{where} ORDER BY day"
        return [
            CheckIn(dt.date.fromisoformat(str(row[0])), *row[1:])  # type: ignore[arg-type]
            for row in self._query(sql, params)
        ]

    def calendar_days_between(
        self, first: dt.date | None = None, last: dt.date | None = None
    ) -> dict[dt.date, CalendarDay]:
        """Return the stored meeting numbers of covered days in ``[first, last]``."""
        where, params = _range_clause("day", first, last)
        columns = ", ".join(CALENDAR_DAY_COLUMNS)
        sql = f"SELECT {columns} FROM calendar_days{where} ORDER BY day"
        days = {}
        for row in self._query(sql, params):
            day = dt.date.fromisoformat(str(row[0]))
            days[day] = CalendarDay(day, *row[1:])  # type: ignore[arg-type]
        return days

    def focus_sessions_overlapping(
        self, start: dt.datetime, end: dt.datetime
    ) -> list[FocusSession]:
        """Return sessions touching ``[start, end)``, running ones included, oldest first."""
        sql = (
            f"SELECT {', '.join(FOCUS_COLUMNS)} FROM focus_sessions "
            "WHERE started_at < ? AND (ended_at IS NULL OR ended_at > ?) ORDER BY started_at"
        )
        params: list[object] = [_stored(end), _stored(start)]
        return [_session(row) for row in self._query(sql, params)]

    def commits_between(self, start: dt.datetime, end: dt.datetime) -> list[Commit]:
        """Return the commits read from coding sources authored in ``[start, end]``, by time."""
        sql = (
            "SELECT sha, authored_at, repository FROM coding_commits "
            "WHERE authored_at >= ? AND authored_at <= ? ORDER BY authored_at, id"
        )
        commits = []
        for sha, authored, repository in self._query(sql, [_stored(start), _stored(end)]):
            at = _instant(str(authored))
            if at is not None:
                commits.append(Commit(str(sha), at, str(repository)))
        return commits

    def activity_between(self, start: dt.datetime, end: dt.datetime) -> list[Interval]:
        """Return the ActivityWatch editor intervals touching ``[start, end]``, by start."""
        sql = (
            "SELECT start_at, end_at FROM coding_intervals "
            "WHERE end_at >= ? AND start_at <= ? ORDER BY start_at, id"
        )
        found = []
        for begin, finish in self._query(sql, [_stored(start), _stored(end)]):
            a, b = _instant(str(begin)), _instant(str(finish))
            if a is not None and b is not None:
                found.append(Interval(a, b))
        return found

    def running_focus_session(self) -> FocusSession | None:
        """Return the session without an end (the newest, should there be several)."""
        sql = (
            f"SELECT {', '.join(FOCUS_COLUMNS)} FROM focus_sessions "
            "WHERE ended_at IS NULL ORDER BY started_at DESC LIMIT 1"
        )
        rows = self._query(sql, [])
        return _session(rows[0]) if rows else None


def _stored(instant: dt.datetime) -> str:
    # The same text SQLAlchemy stores, microseconds always written, so text order is time order.
    return instant.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _session(row: tuple[object, ...]) -> FocusSession:
    started = _instant(str(row[1]))
    assert started is not None, "started_at is NOT NULL"
    return FocusSession(
        id=int(str(row[0])),
        started_at=started,
        ended_at=_instant(None if row[2] is None else str(row[2])),
    )
