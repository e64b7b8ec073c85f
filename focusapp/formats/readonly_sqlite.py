"""Opening another program's SQLite file read-only, without ever disturbing that program.

Used for Evolution's and Thunderbird's calendar files. The file is opened through a
``file:...?mode=ro`` URI: SQLite takes its ordinary shared lock for the moment of one read
transaction and never writes (no journal, no ``-wal``/``-shm`` created for a
rollback-journal file), while the owner keeps writing as usual; its writers retry a busy
database. ``immutable=1`` is never used: it turns locking off and assumes the file cannot
change, so a read overlapping the owner's commit could see half-written pages, and a hot
journal left by a crash would be ignored. See :mod:`focusapp.formats.evolution`.
"""

from __future__ import annotations

import sqlite3
import stat
from typing import TYPE_CHECKING, Final

from focusapp.system.files import FileRefusedError

if TYPE_CHECKING:
    from pathlib import Path

#: Seconds to wait while the owner holds its write lock (its commits take milliseconds).
BUSY_TIMEOUT: Final = 2.0


def open_read_only(path: Path) -> sqlite3.Connection:
    """Return a read-only connection to the SQLite file ``path``; close it soon.

    Raises:
        FileRefusedError: For a missing file, a folder, a FIFO or device (SQLite would block
            opening a FIFO, so it is refused before SQLite sees it), or a file SQLite
            cannot open.
    """
    check_regular_file(path)
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT)
    except sqlite3.Error as error:
        raise FileRefusedError(path, unreadable_now(error)) from None


def check_regular_file(path: Path) -> None:
    """Refuse anything but an existing regular file, with the reasons files.py gives.

    Raises:
        FileRefusedError: If ``path`` is missing, a folder, or not a regular file.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise FileRefusedError(path, "does not exist") from None
    except OSError as error:
        raise FileRefusedError(path, f"cannot be read ({error.strerror or error})") from None
    if stat.S_ISDIR(info.st_mode):
        raise FileRefusedError(path, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise FileRefusedError(path, "is not a regular file (a pipe, socket or device)")


def unreadable_now(error: sqlite3.Error) -> str:
    """Return the reason for a file SQLite cannot read at the moment (locked, hot journal)."""
    return f"cannot be read now ({error}); it is tried again on its next change"


def is_schema_mismatch(error: sqlite3.DatabaseError) -> bool:
    """Return whether ``error`` means the file is not the database we expected."""
    message = str(error).lower()
    return "no such table" in message or "no such column" in message or "not a database" in message
