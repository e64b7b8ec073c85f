"""What kind of trouble a SQLite error message names, recognised in one place.

The backup code (plain :mod:`sqlite3`) and the SQLAlchemy error translator
(:mod:`focusapp.storage.errors`) word the trouble for their own readers, but recognise it
the same way, from SQLite's messages.
"""

from __future__ import annotations

from enum import StrEnum


class SqliteTrouble(StrEnum):
    """The troubles worth telling apart: each has its own advice for the user."""

    READ_ONLY = "read_only"
    DISK_FULL = "disk_full"
    BUSY = "busy"
    DAMAGED = "damaged"
    CANNOT_OPEN = "cannot_open"


def sqlite_trouble(message: str) -> SqliteTrouble | None:
    """Return the trouble SQLite's ``message`` names, or ``None`` for any other error."""
    text = message.lower()
    if "readonly" in text or "read-only" in text:
        return SqliteTrouble.READ_ONLY
    if "disk is full" in text:
        return SqliteTrouble.DISK_FULL
    if "locked" in text or "busy" in text:
        return SqliteTrouble.BUSY
    if "malformed" in text or "not a database" in text:
        return SqliteTrouble.DAMAGED
    if "unable to open" in text:
        return SqliteTrouble.CANNOT_OPEN
    return None
