"""The sources the user added: calendars (events live in the calendar tables), coding commits.

Like every repository this takes a Session and never commits: the services wrap each
add, re-read and removal in one ``Sessions.begin()`` transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from sqlalchemy import delete, func, insert, select

from focusapp.domain.coding import Commit
from focusapp.domain.intervals import Interval
from focusapp.storage.tables import (
    AddedCalendarRow,
    CodingCommitRow,
    CodingIntervalRow,
    CodingSourceRow,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from sqlalchemy.orm import Session

#: Rows per INSERT statement; well under SQLite's variable limit.
_CHUNK: Final = 500


@dataclass(frozen=True, slots=True)
class AddedCalendar:
    """A calendar source the user added.

    Attributes:
        path: Resolved absolute path (a file, or a vdir folder).
        kind: ``ics``, ``vdir``, ``evolution`` or ``thunderbird``.
        added_at: When it was added (aware UTC).
    """

    path: str
    kind: str
    added_at: dt.datetime


@dataclass(frozen=True, slots=True)
class CodingSource:
    """A coding source the user added.

    Attributes:
        id: Database key.
        path: Resolved absolute path (a repository, a folder of them, or a database file).
        kind: ``git`` or ``activitywatch``.
        authors: The user's addresses given for it (git config adds its own at each scan).
        added_at: When it was added (aware UTC).
        scanned_at: When its commits were last read, ``None`` before the first scan.
        report: The last scan's repositories and warnings, as JSON text.
    """

    id: int
    path: str
    kind: str
    authors: tuple[str, ...]
    added_at: dt.datetime
    scanned_at: dt.datetime | None
    report: str


def _calendar(row: AddedCalendarRow) -> AddedCalendar:
    return AddedCalendar(row.path, row.kind, row.added_at)


def _coding(row: CodingSourceRow) -> CodingSource:
    return CodingSource(
        id=row.id,
        path=row.path,
        kind=row.kind,
        authors=tuple(a for a in row.authors.split(",") if a),
        added_at=row.added_at,
        scanned_at=row.scanned_at,
        report=row.report,
    )


class AddedCalendarRepository:
    """The list of added calendar sources."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def all(self) -> list[AddedCalendar]:
        """Return every added calendar, in the order added."""
        query = select(AddedCalendarRow).order_by(AddedCalendarRow.id)
        return [_calendar(row) for row in self._session.scalars(query)]

    def get(self, path: str) -> AddedCalendar | None:
        """Return the calendar added under ``path``, if any."""
        row = self._row(path)
        return None if row is None else _calendar(row)

    def add(self, path: str, kind: str, added_at: dt.datetime) -> AddedCalendar:
        """Add ``path`` (or change its kind if already added; ``added_at`` is kept then)."""
        row = self._row(path)
        if row is None:
            row = AddedCalendarRow(path=path, added_at=added_at)
            self._session.add(row)
        row.kind = kind
        self._session.flush()
        return _calendar(row)

    def remove(self, path: str) -> bool:
        """Forget ``path``; return whether it had been added."""
        result = self._session.execute(
            delete(AddedCalendarRow).where(AddedCalendarRow.path == path)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def _row(self, path: str) -> AddedCalendarRow | None:
        query = select(AddedCalendarRow).where(AddedCalendarRow.path == path)
        return self._session.scalars(query).first()


class CodingRepository:
    """Coding sources and the commits read from them."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def sources(self) -> list[CodingSource]:
        """Return every coding source, in the order added."""
        query = select(CodingSourceRow).order_by(CodingSourceRow.id)
        return [_coding(row) for row in self._session.scalars(query)]

    def source(self, path: str) -> CodingSource | None:
        """Return the coding source added under ``path``, if any."""
        row = self._row(path)
        return None if row is None else _coding(row)

    def save_source(
        self,
        *,
        path: str,
        kind: str,
        authors: Iterable[str],
        added_at: dt.datetime,
        scanned_at: dt.datetime | None,
        report: str,
    ) -> CodingSource:
        """Insert or update the source of ``path`` (its commits are kept; see replace_commits).

        An existing source keeps its first ``added_at``.
        """
        row = self._row(path)
        if row is None:
            row = CodingSourceRow(path=path, added_at=added_at)
            self._session.add(row)
        row.kind = kind
        row.authors = ",".join(authors)
        row.scanned_at = scanned_at
        row.report = report
        self._session.flush()
        return _coding(row)

    def delete_source(self, path: str) -> bool:
        """Forget ``path`` and (through ON DELETE CASCADE) its commits."""
        result = self._session.execute(delete(CodingSourceRow).where(CodingSourceRow.path == path))
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def replace_commits(self, source_id: int, commits: Iterable[Commit]) -> int:
        """Replace every stored commit of the source with ``commits``; return how many."""
        self._session.execute(delete(CodingCommitRow).where(CodingCommitRow.source_id == source_id))
        rows = [
            {
                "source_id": source_id,
                "sha": commit.sha,
                "authored_at": commit.authored_at,
                "repository": commit.repository,
            }
            for commit in commits
        ]
        for start in range(0, len(rows), _CHUNK):
            self._session.execute(insert(CodingCommitRow), rows[start : start + _CHUNK])
        return len(rows)

    def commits_between(
        self, start: dt.datetime | None = None, end: dt.datetime | None = None
    ) -> list[Commit]:
        """Return the stored commits authored in ``[start, end]`` (open ends allowed), by time."""
        query = select(
            CodingCommitRow.sha, CodingCommitRow.authored_at, CodingCommitRow.repository
        ).order_by(CodingCommitRow.authored_at, CodingCommitRow.id)
        if start is not None:
            query = query.where(CodingCommitRow.authored_at >= start)
        if end is not None:
            query = query.where(CodingCommitRow.authored_at <= end)
        return [Commit(sha, at, repo) for sha, at, repo in self._session.execute(query)]

    def replace_intervals(self, source_id: int, intervals: Iterable[Interval]) -> int:
        """Replace every stored activity interval of the source; return how many."""
        self._session.execute(
            delete(CodingIntervalRow).where(CodingIntervalRow.source_id == source_id)
        )
        rows = [{"source_id": source_id, "start_at": i.start, "end_at": i.end} for i in intervals]
        for start in range(0, len(rows), _CHUNK):
            self._session.execute(insert(CodingIntervalRow), rows[start : start + _CHUNK])
        return len(rows)

    def intervals_between(
        self, start: dt.datetime | None = None, end: dt.datetime | None = None
    ) -> list[Interval]:
        """Return the stored activity intervals touching ``[start, end]``, by start."""
        query = select(CodingIntervalRow.start_at, CodingIntervalRow.end_at).order_by(
            CodingIntervalRow.start_at, CodingIntervalRow.id
        )
        if start is not None:
            query = query.where(CodingIntervalRow.end_at >= start)
        if end is not None:
            query = query.where(CodingIntervalRow.start_at <= end)
        return [Interval(a, b) for a, b in self._session.execute(query)]

    def interval_count(self, source_id: int) -> int:
        """Return how many activity intervals are stored for one source."""
        query = select(func.count(CodingIntervalRow.id)).where(
            CodingIntervalRow.source_id == source_id
        )
        return int(self._session.scalar(query) or 0)

    def commit_count(self, source_id: int) -> int:
        """Return how many commits are stored for one source."""
        query = select(func.count(CodingCommitRow.id)).where(CodingCommitRow.source_id == source_id)
        return int(self._session.scalar(query) or 0)

    def _row(self, path: str) -> CodingSourceRow | None:
        query = select(CodingSourceRow).where(CodingSourceRow.path == path)
        return self._session.scalars(query).first()
