"""Putting a backup back: the live database's contents replaced in one write transaction.

Other connections (the window, a command line) keep working and see the restored data from
their next transaction on, never a mixture of the two states.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from focusapp.storage.backup.integrity import (
    check_rows,
    connect_live,
    connect_readonly,
    describe_sqlite_error,
)
from focusapp.storage.backup.names import BackupError

if TYPE_CHECKING:
    from pathlib import Path


def restore_into(source: Path, db_path: Path) -> None:
    """Replace the live database's contents with ``source`` in one write transaction.

    The caller has verified ``source``. Other connections (the window, a command line) keep
    working and see the restored data from their next transaction on.

    Raises:
        BackupError: If the restore failed; the live database is then unchanged.
    """
    try:
        reader = connect_readonly(source)
    except sqlite3.Error as error:
        raise BackupError(f"{source} cannot be read: {describe_sqlite_error(error)}") from None
    try:
        target = connect_live(db_path)
        try:
            reader.backup(target)
            problems = check_rows(target, full=False)
        finally:
            target.close()
    except sqlite3.Error as error:
        raise BackupError(f"the restore failed: {describe_sqlite_error(error)}") from None
    finally:
        reader.close()
    if problems:
        raise BackupError("the restored database failed its check: " + "; ".join(problems[:3]))
