"""Telling what kind of calendar source a path is, by looking at it read-only.

A folder with calendar items is a vdir; an SQLite file is an Evolution cache when it has
EDS's tables, else a Thunderbird calendar when it has Thunderbird's; a file starting with
``BEGIN:VCALENDAR`` is an .ics file (an Evolution local calendar when it lies in
Evolution's ``evolution/calendar/<uid>/`` folder). Only the first bytes of a file are read,
and a FIFO or device is refused before it is opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from focusapp.formats.calendar_kind import CONTEXT as _CONTEXT
from focusapp.formats.calendar_kind import CalendarKind, SourceError
from focusapp.formats.discovery.vdirs import vdir_source
from focusapp.formats.evolution import count_events
from focusapp.formats.ics.report import CalendarFormatError
from focusapp.formats.readonly_sqlite import check_regular_file
from focusapp.formats.thunderbird import thunderbird_counts
from focusapp.system.files import FileRefusedError
from focusapp.wording.translate import translate

if TYPE_CHECKING:
    from pathlib import Path

_SQLITE_HEADER: Final = b"SQLite format 3\x00"
_SNIFF_BYTES: Final = 64


def detect_kind(path: Path) -> CalendarKind:
    """Return what kind of calendar source ``path`` is, looking at it read-only.

    Raises:
        SourceError: If it is none of them (the message says what it is instead).
    """
    if path.is_dir():
        if vdir_source(path, "") is None:
            text = translate(_CONTEXT, "{path} is a folder, but holds no calendar items (.ics).")
            raise SourceError(text.format(path=path))
        return CalendarKind.VDIR
    try:
        check_regular_file(path)
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except FileRefusedError as error:
        raise SourceError(f"{error}.") from None
    except OSError as error:
        text = translate(_CONTEXT, "{path} cannot be read ({problem}).")
        raise SourceError(text.format(path=path, problem=error.strerror or error)) from None
    if head.startswith(_SQLITE_HEADER):
        return _database_kind(path)
    if b"BEGIN:VCALENDAR" in head.upper():
        parts = path.parts
        is_evolution = len(parts) >= 4 and parts[-4:-2] == ("evolution", "calendar")
        return CalendarKind.EVOLUTION if is_evolution else CalendarKind.ICS
    text = translate(
        _CONTEXT,
        "{path} is not a calendar: add an .ics file, a vdir folder, an Evolution cache.db or "
        "calendar.ics, or a Thunderbird .sqlite file.",
    )
    raise SourceError(text.format(path=path))


def _database_kind(path: Path) -> CalendarKind:
    try:
        count_events(path)
    except CalendarFormatError:
        pass
    except FileRefusedError as error:
        raise SourceError(f"{error}.") from None
    else:
        return CalendarKind.EVOLUTION
    if thunderbird_counts(path) is not None:
        return CalendarKind.THUNDERBIRD
    text = translate(
        _CONTEXT, "{path} is a database, but neither an Evolution nor a Thunderbird calendar."
    )
    raise SourceError(text.format(path=path))
