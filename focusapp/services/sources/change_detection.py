"""How a source's change is seen: fingerprints of its items or file, and what to watch.

A stored source keeps the fingerprint of its last read, so a re-read that finds the same
fingerprint stores nothing; the window's file watcher watches what :func:`watch_paths` names.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Final

from focusapp.formats.calendar_kind import CalendarKind
from focusapp.formats.vdir import DEFAULT_FILE_EXTENSION, ItemStamp, calendar_folders, item_stamps
from focusapp.services.calendar.importer import default_range
from focusapp.services.calendar.store import RangeOrigin
from focusapp.system.files import FileRefusedError
from focusapp.wording.translate import translate

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from focusapp.storage.calendar_repository import StoredSource

#: The translation context of the words here, shared with the service.
CONTEXT: Final = "Calendar sources"


def is_ics(path: str, kind: CalendarKind) -> bool:
    """Return whether a source is read as an .ics file (an Evolution local calendar is one)."""
    return kind is CalendarKind.ICS or (kind is CalendarKind.EVOLUTION and path.endswith(".ics"))


def widened_range(
    today: dt.date, stored: StoredSource | None
) -> tuple[dt.date, dt.date, RangeOrigin]:
    """Return the default range, widened to cover the source's earlier read (as imports do)."""
    first, last = default_range(today)
    if stored is not None and (stored.first_day < first or stored.last_day > last):
        return min(first, stored.first_day), max(last, stored.last_day), RangeOrigin.WIDENED
    return first, last, RangeOrigin.DEFAULT


def stamps_digest(stamps: Iterable[tuple[Path, ItemStamp]]) -> str:
    """Return the fingerprint of a vdir's item stamps (what the stored digest of a vdir is)."""
    return hashlib.sha256(repr(sorted(stamps)).encode()).hexdigest()


def listed_digest(root: Path) -> str:
    """Return :func:`stamps_digest` of the vdir as it is now, by listing it (no parsing)."""
    return stamps_digest(
        (Path(path), stamp)
        for folder in calendar_folders(root)
        for path, stamp in item_stamps(folder, DEFAULT_FILE_EXTENSION)
    )


def file_digest(path: Path) -> str:
    """Return what tells one state of a database file (and its write-ahead log) from the next."""
    parts: list[str] = [str(path)]
    for candidate in (path, Path(f"{path}-wal")):
        try:
            info = os.stat(candidate)  # noqa: PTH116 - one call for the three fields
        except OSError:
            if candidate == path:
                raise FileRefusedError(path, translate(CONTEXT, "is not there")) from None
            continue
        parts.append(f"{info.st_ino}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def watch_paths(path: str, kind: CalendarKind) -> list[str]:
    """Return what a file-system watcher must watch to see a source change (no database).

    A vdir: its folder and each calendar folder (items are replaced by renames, which
    change the folder). A file: the file and its folder (a file replaced atomically loses
    its watch; the folder's notice brings it back). Thunderbird files are not read: nothing.
    """
    if kind is CalendarKind.THUNDERBIRD:
        return []
    if kind is CalendarKind.VDIR:
        return [
            path,
            *(str(folder) for folder in calendar_folders(Path(path)) if str(folder) != path),
        ]
    return [path, str(Path(path).parent)]
