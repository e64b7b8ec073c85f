"""Finding Thunderbird's calendars: profile files, calendar names and cheap event counts.

Thunderbird keeps local calendars in ``<profile>/calendar-data/local.sqlite`` and its offline
copies of network calendars (CalDAV, Google) in ``cache.sqlite``. Those files are listed and
counted here (``SELECT ... FROM cal_events``), but their events are **not read** into
meetings, on purpose. Unlike Evolution's cache, Thunderbird does not store an event's
iCalendar text: ``calStorageCalendar`` (comm-central ``calendar/providers/storage``) takes
each event apart into columns and side tables -- ``cal_events.event_start`` and
``event_start_tz`` (PRTime microseconds plus a TZID, ``floating`` or ``UTC``), bit flags for
all-day and repeating events, ``cal_recurrence`` rows for RRULE/RDATE/EXDATE, exception rows
keyed by ``recurrence_id``, ``cal_attendees`` for PARTSTAT, ``cal_properties`` for TRANSP,
``offline_journal`` for offline deletions -- and the layout changes with the schema version
(``calStorageUpgrade``). Reading meetings reliably would mean re-implementing Thunderbird's
reassembly for every schema version and every zone name it uses, with no file written by a
real Thunderbird to test against here; a wrong reassembly would silently mis-count meetings.
Thunderbird users are pointed to its own "Export" or to a CalDAV sync with vdirsyncer instead.
"""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import closing
from typing import TYPE_CHECKING, Final

from focusapp.formats.readonly_sqlite import open_read_only
from focusapp.system.files import FileRefusedError, read_regular_file

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

CALENDAR_FILES: Final = ("local.sqlite", "cache.sqlite")
_MAX_PREFS_BYTES: Final = 16 * 1024 * 1024
_PREF: Final = re.compile(
    r'user_pref\("calendar\.registry\.([^".]+)\.name",\s*"((?:[^"\\]|\\.)*)"\)'
)
_COUNT_QUERY: Final = (
    "SELECT cal_id, COUNT(*) FROM cal_events WHERE recurrence_id IS NULL GROUP BY cal_id"
)


def profile_roots(home: Path) -> tuple[Path, ...]:
    """Return the folders holding Thunderbird profiles (plain, snap and flatpak installs)."""
    return (
        home / ".thunderbird",
        home / "snap" / "thunderbird" / "common" / ".thunderbird",
        home / ".var" / "app" / "org.mozilla.Thunderbird" / ".thunderbird",
    )


def thunderbird_calendar_files(home: Path) -> Iterator[tuple[Path, Path]]:
    """Yield ``(profile, calendar file)`` for every calendar database in every profile."""
    for root in profile_roots(home):
        try:
            profiles = sorted(p for p in root.iterdir() if p.is_dir())
        except OSError:
            continue
        for profile in profiles:
            for name in CALENDAR_FILES:
                path = profile / "calendar-data" / name
                if path.is_file():
                    yield profile, path


def thunderbird_names(prefs: Path) -> dict[str, str]:
    """Return calendar id -> name from a profile's ``prefs.js``, read as text (never run)."""
    try:
        text = read_regular_file(prefs, _MAX_PREFS_BYTES).decode("utf-8", errors="replace")
    except FileRefusedError:
        return {}
    return {match[1]: _js_unescape(match[2]) for match in _PREF.finditer(text)}


def thunderbird_counts(path: Path) -> dict[str, int] | None:
    """Return calendar id -> events (a repeating event counts once), or ``None`` if unreadable."""
    try:
        with closing(open_read_only(path)) as connection:
            rows = connection.execute(_COUNT_QUERY).fetchall()
    except (FileRefusedError, sqlite3.Error):
        return None
    return {str(cal_id): int(count) for cal_id, count in rows}


def _js_unescape(text: str) -> str:
    try:
        value = json.loads(f'"{text}"')
    except ValueError:
        return text
    return value if isinstance(value, str) else text
