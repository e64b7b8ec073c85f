"""Opening and checking SQLite files: is a database sound, and what does SQLite's error mean.

Every backup is checked with ``PRAGMA integrity_check`` before it gets its final name, and a
file offered for restore is checked before it replaces anything; the start-up safety checks
(:mod:`focusapp.storage.safety`) use the same functions, so "damaged" means one thing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Final

from focusapp.storage.backup.names import BackupError
from focusapp.storage.sqlite_trouble import SqliteTrouble, sqlite_trouble

#: How long any connection waits for another writer (SQLite's busy timeout), declared once.
BUSY_TIMEOUT_MS: Final = 10_000
# SQLite's primary result codes that mean "this file is not a sound database" rather than
# "the disk, the permissions or another process are in the way".
SQLITE_CORRUPT: Final = 11
SQLITE_NOTADB: Final = 26
_TROUBLE_WORDS: Final = {
    SqliteTrouble.READ_ONLY: "the file or its folder is read-only",
    SqliteTrouble.DISK_FULL: "the disk is full",
    SqliteTrouble.BUSY: "another FocusApp is using the database; try again in a moment",
    SqliteTrouble.CANNOT_OPEN: "the file or its folder cannot be opened (check the permissions)",
}


def connect_readonly(path: Path) -> sqlite3.Connection:
    """Open ``path`` read-only, so reading a backup or a user's file can never change it."""
    if not path.is_file():
        raise BackupError(f"{path} does not exist or is not a file")
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return connection


def connect_live(path: Path) -> sqlite3.Connection:
    """Open the live database the way the app does (busy timeout), for backup and restore."""
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return connection


def check_rows(connection: sqlite3.Connection, *, full: bool) -> list[str]:
    """Run ``integrity_check`` (``full``) or ``quick_check``; return the problems, ``[]`` if ok.

    Raises:
        sqlite3.DatabaseError: When SQLite cannot even read the file (not a database...).
    """
    pragma = "integrity_check" if full else "quick_check"
    rows = connection.execute(f"PRAGMA {pragma}").fetchall()
    problems = [str(row[0]) for row in rows]
    return [] if problems == ["ok"] else problems


def is_damage(error: sqlite3.Error) -> bool:
    """Tell whether SQLite said the file is damaged or not a database (not an I/O problem)."""
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return (code & 0xFF) in (SQLITE_CORRUPT, SQLITE_NOTADB)
    return sqlite_trouble(str(error)) is SqliteTrouble.DAMAGED


def describe_sqlite_error(error: sqlite3.Error) -> str:
    """Return a plain reason for a SQLite failure (what to do about it where possible)."""
    trouble = sqlite_trouble(str(error))
    if trouble is not None and trouble is not SqliteTrouble.DAMAGED:
        return _TROUBLE_WORDS[trouble]
    if is_damage(error):  # SQLite's result code says so more surely than its message
        return f"the file is damaged ({error})"
    return str(error) or type(error).__name__


def integrity_problems(path: Path, *, full: bool = True) -> list[str]:
    """Check a database file read-only; return its problems, ``[]`` when it is sound."""
    try:
        connection = connect_readonly(path)
    except sqlite3.Error as error:
        return [describe_sqlite_error(error)]
    try:
        return check_rows(connection, full=full)
    except sqlite3.Error as error:
        return [describe_sqlite_error(error)]
    finally:
        connection.close()


def has_data(connection: sqlite3.Connection) -> bool:
    """Tell whether any table but Alembic's bookkeeping holds a row.

    Every table counts, so data added by later features (focus sessions...) counts too.
    """
    tables = [
        str(row[0])
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
        )
    ]
    for table in tables:
        quoted = '"' + table.replace('"', '""') + '"'
        if connection.execute(f"SELECT 1 FROM {quoted} LIMIT 1").fetchone() is not None:
            return True
    return False


def database_has_data(db_path: Path) -> bool:
    """Tell whether the live database exists and holds any row worth backing up."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        wal = Path(f"{db_path}-wal")
        if not wal.exists() or wal.stat().st_size == 0:
            return False
    connection = connect_live(db_path)
    try:
        return has_data(connection)
    finally:
        connection.close()


def database_in_use(db_path: Path) -> bool:
    """Tell whether another connection (another FocusApp) has the database open.

    Leaving WAL mode needs the only connection to the file, so a refused switch means another
    one exists. Only used right before deleting the file, so the switch itself does not matter.
    """
    if not db_path.exists():
        return False
    try:
        connection = sqlite3.connect(db_path, timeout=0.5)
    except sqlite3.Error:
        return False
    try:
        connection.execute("PRAGMA busy_timeout=500")
        mode = connection.execute("PRAGMA journal_mode=DELETE").fetchone()
    except sqlite3.OperationalError as error:
        return "locked" in str(error).lower() or "busy" in str(error).lower()
    except sqlite3.DatabaseError:
        return False  # a damaged file is nobody's database
    finally:
        connection.close()
    return mode is None or str(mode[0]).lower() != "delete"
