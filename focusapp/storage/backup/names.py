"""Backup file names: why each backup was made and when, readable from the name alone.

Names are ``focusapp-YYYYMMDD-HHMMSSZ-KIND[-N].sqlite3`` in UTC, so they sort by time and
rotation can decide from the folder listing without opening any file.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from pathlib import Path

#: Why a backup was made; part of its file name.
BACKUP_KINDS: Final = ("daily", "quit", "manual", "pre-restore", "pre-migrate")
BACKUP_SUFFIX: Final = ".sqlite3"
BACKUP_PREFIX: Final = "focusapp-"
TEMP_PREFIX: Final = ".focusapp-"
LOCK_NAME: Final = ".lock"
#: How a backup's UTC time is written in its name (and in a temporary file's).
STAMP_FORMAT: Final = "%Y%m%d-%H%M%S"

_NAME = re.compile(
    r"^focusapp-(?P<stamp>\d{8}-\d{6})Z-(?P<kind>"
    + "|".join(re.escape(kind) for kind in BACKUP_KINDS)
    + r")(?:-(?P<n>\d+))?\.sqlite3$"
)


class BackupError(RuntimeError):
    """A backup could not be written, read or restored; the message is for people."""


def backup_name(created: dt.datetime, kind: str, attempt: int = 0) -> str:
    """Return the file name of a backup made at ``created`` (aware) for ``kind``."""
    if kind not in BACKUP_KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    stamp = created.astimezone(dt.UTC).strftime(STAMP_FORMAT)
    suffix = f"-{attempt + 1}" if attempt else ""
    return f"{BACKUP_PREFIX}{stamp}Z-{kind}{suffix}{BACKUP_SUFFIX}"


def parse_backup_name(name: str) -> tuple[dt.datetime, str] | None:
    """Return (created in UTC, kind) of a backup file name, or ``None`` for other names."""
    match = _NAME.match(name)
    if match is None:
        return None
    try:
        created = dt.datetime.strptime(match["stamp"], STAMP_FORMAT).replace(tzinfo=dt.UTC)
    except ValueError:
        return None
    return created, match["kind"]


def backup_files(backups_dir: Path) -> list[tuple[Path, dt.datetime, str]]:
    """Return (path, created, kind) of every backup in the folder, newest first."""
    try:
        entries = list(backups_dir.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    found: list[tuple[Path, dt.datetime, str]] = []
    for path in entries:
        parsed = parse_backup_name(path.name)
        if parsed is not None:
            found.append((path, *parsed))
    found.sort(key=lambda entry: (entry[1], entry[0].name), reverse=True)
    return found
