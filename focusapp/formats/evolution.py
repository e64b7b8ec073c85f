r"""Reading Evolution Data Server's calendar cache (``cache.db``) without disturbing Evolution.

GNOME Online Accounts calendars (Google, Exchange, Nextcloud, CalDAV, webcal) are mirrored
by EDS into ``~/.cache/evolution/calendar/<source uid>/cache.db``, an SQLite file written by
``ECache`` / ``ECalCache`` (evolution-data-server ``src/libebackend/e-cache.c`` and
``src/calendar/libedata-cal/e-cal-cache.c``). The parts read here:

* ``ECacheObjects``: one row per component, ``ECacheUID`` (the UID, or ``UID\\nRECURRENCE-ID``
  for a moved occurrence), ``ECacheOBJ`` (the component's iCalendar text, a bare
  ``BEGIN:VEVENT`` block) and ``ECacheState`` (``EOfflineState``: 0 synced, 1 locally
  created, 2 locally modified, 3 locally deleted). Locally deleted rows are skipped: the user
  removed the event and EDS only keeps the row until it can tell the server.
* ``timezones``: ``tzid`` and ``zone`` (a ``VTIMEZONE`` block) for zones EDS does not know
  built in; they are put in front of the events so custom TZIDs resolve.

The tests use a ``cache.db`` written by the real evolution-data-server 3.46 running headless
on a private D-Bus session bus (see ``tests/data/evolution/README.md``), and, where EDS is
installed, read a cache while the running EDS refreshes it (``test_evolution_live.py``).

How the file is opened, and why: ``file:...?mode=ro`` (read-only, normal locking), not
``immutable=1``. EDS keeps its cache in rollback-journal mode (``journal_mode=delete``) and
may write to it at any moment. ``immutable=1`` turns locking off and tells SQLite the file
never changes, so a read overlapping an EDS commit can see half-written pages (wrong rows or
"database disk image is malformed") and a hot journal left by a crash would be ignored,
showing rolled-back data. ``mode=ro`` takes the ordinary shared lock for the few
milliseconds of one ``SELECT`` transaction: EDS retries a busy database for ~15 s
(``e_cache_sqlite_exec_internal``), so it never fails because of us, and we never write a
byte (no journal, no ``-wal``/``-shm`` created for a rollback-journal file). Were the file
ever in WAL mode, ``mode=ro`` still reads consistently through the existing ``-shm``.
When SQLite cannot read it right now (locked, or a hot journal only a writer may roll
back), :class:`~focusapp.system.files.FileRefusedError` says so and the next change
notification tries again.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from contextlib import closing
from typing import TYPE_CHECKING, Final

from focusapp.formats.ics.read import read_calendar
from focusapp.formats.ics.report import CalendarFormatError, CalendarReadResult
from focusapp.formats.readonly_sqlite import is_schema_mismatch, open_read_only, unreadable_now
from focusapp.system.files import FileRefusedError
from focusapp.wording.translate import translate

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

    from focusapp.domain.calendar import CalendarRules

#: ``E_OFFLINE_STATE_LOCALLY_DELETED`` in ``src/libebackend/e-backend-enums.h``.
LOCALLY_DELETED: Final = 3
_OBJECTS_QUERY: Final = (
    "SELECT ECacheUID, ECacheOBJ FROM ECacheObjects "
    "WHERE ECacheState IS NULL OR ECacheState != ? ORDER BY ECacheUID"
)
_ZONES_QUERY: Final = "SELECT zone FROM timezones WHERE zone IS NOT NULL ORDER BY tzid"
_CONTEXT: Final = "Calendar sources"
_HEADER: Final = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//FocusApp//Evolution cache//EN\r\n"
_FOOTER: Final = "END:VCALENDAR\r\n"


def read_cache(
    path: Path,
    *,
    first_day: dt.date,
    last_day: dt.date,
    rules: CalendarRules,
    source: str = "",
) -> CalendarReadResult:
    """Return the events of an EDS calendar ``cache.db`` for the days ``first_day``-``last_day``.

    Events are read as :func:`~focusapp.formats.ics.read_calendar` reads a file. If the
    cache as a whole does not parse, each UID (with its moved occurrences) is read on its
    own, so one bad row is left out with a warning naming it and never costs the others.

    Raises:
        FileRefusedError: If the file is missing, not a regular file, or cannot be read now.
        CalendarFormatError: If the file is not an EDS calendar cache.
        ValueError: If ``last_day`` is before ``first_day``.
    """
    if last_day < first_day:
        raise ValueError("the last day is before the first day")
    rows, zones = _read_rows(path)
    label = source or str(path)

    def parse(objects: list[str]) -> CalendarReadResult:
        text = _HEADER + "".join(zones) + "".join(objects) + _FOOTER
        return read_calendar(
            text.encode("utf-8"), first_day=first_day, last_day=last_day, rules=rules, source=label
        )

    everything = [_with_line_end(obj) for _uid, obj in rows]
    try:
        return parse(everything)
    except CalendarFormatError:
        pass
    result = CalendarReadResult()
    for uid, objects in _by_uid(rows).items():
        try:
            part = parse(objects)
        except CalendarFormatError as error:
            text = translate(_CONTEXT, "The event {uid} in {file} was left out: {problem}")
            result.warnings.append(text.format(uid=uid, file=label, problem=error))
            continue
        result.events.extend(part.events)
        result.skipped.extend(part.skipped)
        result.warnings.extend(w for w in part.warnings if w not in result.warnings)
    result.events.sort(key=lambda e: (e.start, e.end, e.uid, e.recurrence_id or ""))
    return result


def count_events(path: Path) -> int:
    """Return how many components (not locally deleted) the cache holds; cheap, no parsing.

    Raises:
        FileRefusedError: If the file cannot be read now.
        CalendarFormatError: If the file is not an EDS calendar cache.
    """
    return len(_read_rows(path)[0])


def _read_rows(path: Path) -> tuple[list[tuple[str, str]], list[str]]:
    with closing(open_read_only(path)) as connection:
        try:
            # One read transaction: the rows and zones come from the same committed state.
            connection.execute("BEGIN")
            rows = connection.execute(_OBJECTS_QUERY, (LOCALLY_DELETED,)).fetchall()
            zones = _zones(connection)
            connection.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            if is_schema_mismatch(error):
                text = translate(_CONTEXT, "{path} is not an Evolution calendar cache.")
                raise CalendarFormatError(text.format(path=path)) from None
            raise FileRefusedError(path, unreadable_now(error)) from None
    objects = [(str(uid), obj) for uid, obj in rows if isinstance(obj, str) and obj.strip()]
    return objects, zones


def _zones(connection: sqlite3.Connection) -> list[str]:
    try:
        found = connection.execute(_ZONES_QUERY).fetchall()
    except sqlite3.OperationalError:  # an older cache without the table: no custom zones
        return []
    return [_with_line_end(zone) for (zone,) in found if isinstance(zone, str)]


def _with_line_end(text: str) -> str:
    return text if text.endswith("\n") else text + "\r\n"


def _by_uid(rows: list[tuple[str, str]]) -> dict[str, list[str]]:
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for uid, obj in rows:
        groups[uid.split("\n", 1)[0]].append(_with_line_end(obj))
    return dict(groups)
