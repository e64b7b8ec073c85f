"""What a backup holds (which days, which schema), read from the file itself, never changing it.

The backup list in the window and ``focusapp backup list`` show this, so the user can pick
the backup to restore by its contents rather than by its date alone.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from focusapp.domain.phrases import Phrase
from focusapp.storage.backup.integrity import connect_readonly, describe_sqlite_error
from focusapp.storage.backup.names import BackupError, backup_files, parse_backup_name
from focusapp.storage.startup_words import (
    BACKUP_CONTEXT,
    BACKUP_DAYS,
    BACKUP_EMPTY,
    BACKUP_ONE_DAY,
    BACKUP_UNREADABLE,
)

if TYPE_CHECKING:
    from pathlib import Path


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """What a backup file holds, read from the file itself.

    Attributes:
        path: The backup file.
        created: When it was made (aware, UTC), from its name or else its modification time.
        kind: Why it was made (one of :data:`BACKUP_KINDS`, or ``"file"`` for another file).
        first_day: The earliest check-in in it, if any.
        last_day: The latest check-in in it, if any.
        days: How many days have a check-in.
        schema: The Alembic revision stamped in it (``None`` when it has none).
        problem: Why it cannot be read, or ``None`` when it can.
    """

    path: Path
    created: dt.datetime
    kind: str
    first_day: dt.date | None = None
    last_day: dt.date | None = None
    days: int = 0
    schema: str | None = None
    problem: str | None = None

    @property
    def name(self) -> str:
        """The file name, which ``focusapp backup restore`` accepts."""
        return self.path.name

    def describe(self) -> str:
        """Return e.g. ``42 days, 2026-01-01 to 2026-11-28`` (or why it is unreadable)."""
        if self.problem is not None:
            return Phrase(BACKUP_CONTEXT, BACKUP_UNREADABLE, problem=self.problem)
        if self.first_day is None or self.last_day is None:
            return Phrase(BACKUP_CONTEXT, BACKUP_EMPTY)
        first, last = self.first_day.isoformat(), self.last_day.isoformat()
        if self.days == 1:
            return Phrase(BACKUP_CONTEXT, BACKUP_ONE_DAY, first=first)
        return Phrase(BACKUP_CONTEXT, BACKUP_DAYS, days=self.days, first=first, last=last)


def checkin_span(connection: sqlite3.Connection) -> tuple[dt.date | None, dt.date | None, int]:
    """Return the first and last check-in day and how many days have one.

    A database without a check-ins table (empty, or not FocusApp's) has none.
    """
    try:
        row = connection.execute("SELECT min(day), max(day), count(*) FROM checkins").fetchone()
    except sqlite3.OperationalError:  # no check-ins table: an empty or foreign database
        return None, None, 0
    first = dt.date.fromisoformat(str(row[0])) if row[0] is not None else None
    last = dt.date.fromisoformat(str(row[1])) if row[1] is not None else None
    return first, last, int(row[2])


def schema_revision(connection: sqlite3.Connection) -> str | None:
    """Return the Alembic revision stamped in the database, ``None`` when it has none."""
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    return None if row is None else str(row[0])


def read_info(path: Path, created: dt.datetime | None = None, kind: str = "file") -> BackupInfo:
    """Describe a backup (or any FocusApp database file); never raises.

    Args:
        path: The file.
        created: When it was made; default: parsed from its name, else its modification time.
        kind: Why it was made; default: parsed from its name, else ``"file"``.
    """
    parsed = parse_backup_name(path.name)
    if created is None:
        if parsed is not None:
            created, kind = parsed
        else:
            try:
                created = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
            except OSError:
                created = dt.datetime.fromtimestamp(0, dt.UTC)
    try:
        connection = connect_readonly(path)
    except (sqlite3.Error, BackupError) as error:
        reason = describe_sqlite_error(error) if isinstance(error, sqlite3.Error) else str(error)
        return BackupInfo(path, created, kind, problem=reason)
    try:
        first, last, days = checkin_span(connection)
        schema = schema_revision(connection)
    except (sqlite3.Error, ValueError) as error:
        reason = describe_sqlite_error(error) if isinstance(error, sqlite3.Error) else str(error)
        return BackupInfo(path, created, kind, problem=reason)
    finally:
        connection.close()
    return BackupInfo(path, created, kind, first, last, days, schema)


def list_backups(backups_dir: Path) -> list[BackupInfo]:
    """Return every backup in the folder, newest first, each described from its contents."""
    return [read_info(path, created, kind) for path, created, kind in backup_files(backups_dir)]
