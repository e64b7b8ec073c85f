"""Reading time in editors and notebooks from ActivityWatch's local database, read-only.

ActivityWatch (https://activitywatch.net) records the active window and whether the user is
away. Two servers write two layouts, both read here:

* **aw-server** (Python, ``peewee-sqlite.v2.db``): ``bucketmodel`` (``key``, ``id``,
  ``type``...) and ``eventmodel`` (``bucket_id`` -> ``bucketmodel.key``, ``timestamp`` as
  ISO text, ``duration`` in seconds, ``datastr`` JSON). The tests read a file written by
  the real aw-server 0.12 through aw-client.
* **aw-server-rust** (``sqlite.db``): ``buckets`` (``id``, ``name``, ``type``...) and
  ``events`` (``bucketrow`` -> ``buckets.id``, ``starttime``/``endtime`` in nanoseconds since
  the epoch, ``data`` JSON), as created by aw-server-rust's ``datastore`` (its
  ``_migrate_v0_to_v1``); the tests build that layout themselves, no aw-server-rust here.

Window events (bucket type ``currentwindow``, data ``app`` and ``title``) count when their
app names one of the user's editors (``code``, ``pycharm``...: a case-insensitive part of
the app name) or, for a name written ``title:jupyter``, their window title does. Only the
time inside "not-afk" periods (bucket type ``afkstatus``) counts; without any AFK bucket
there is no way to tell, so the window time counts whole and a warning says so. Titles are
matched and dropped: only the intervals leave this module.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from focusapp.domain.intervals import Interval, union
from focusapp.formats.readonly_sqlite import is_schema_mismatch, open_read_only, unreadable_now
from focusapp.system.files import FileRefusedError
from focusapp.wording.translate import translate

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

#: The editors and notebooks counted when the user names none.
DEFAULT_APPS: Final = (
    "code",
    "pycharm",
    "jupyter",
    "title:jupyter",
    "vim",
    "nvim",
    "emacs",
    "rstudio",
)
#: Database file names, newest server first, under ``activitywatch/<server>/``.
DATABASE_FILES: Final = (
    ("aw-server-rust", "sqlite.db"),
    ("aw-server", "peewee-sqlite.v2.db"),
)
_TITLE: Final = "title:"
_CONTEXT: Final = "Coding sources"
_PEEWEE: Final = (
    "SELECT b.type, e.timestamp, e.duration, e.datastr FROM eventmodel e "
    "JOIN bucketmodel b ON e.bucket_id = b.key WHERE b.type IN ('currentwindow', 'afkstatus')"
)
_RUST: Final = (
    "SELECT b.type, e.starttime, e.endtime, e.data FROM events e "
    "JOIN buckets b ON e.bucketrow = b.id WHERE b.type IN ('currentwindow', 'afkstatus')"
)


class ActivityFormatError(ValueError):
    """The file is not an ActivityWatch database; the message is for people."""


@dataclass(slots=True)
class ActivityRead:
    """What one read found.

    Attributes:
        intervals: Editor time with AFK time removed, merged, by start.
        warnings: Things worth knowing (no AFK data, unreadable events).
    """

    intervals: list[Interval] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def find_database(data_home: Path) -> Path | None:
    """Return ActivityWatch's database under ``data_home`` (``~/.local/share``), if any."""
    for server, name in DATABASE_FILES:
        path = data_home / "activitywatch" / server / name
        if path.is_file():
            return path
    return None


def read_activity(path: Path, apps: Iterable[str] = DEFAULT_APPS) -> ActivityRead:
    """Return the time spent in ``apps`` (AFK time left out) from the database ``path``.

    Raises:
        FileRefusedError: If the file is missing, not a regular file, or unreadable now.
        ActivityFormatError: If it is not an ActivityWatch database.
    """
    names = [a.strip().lower() for a in apps if a.strip()]
    rows, rust = _rows(path)
    editing: list[Interval] = []
    present: list[Interval] = []
    has_afk = False
    skipped = 0
    for kind, start, end_or_duration, data_text in rows:
        try:
            span = _span(start, end_or_duration, rust=rust)
            data = json.loads(str(data_text))
        except (TypeError, ValueError, OverflowError):
            skipped += 1
            continue
        if not isinstance(data, dict) or span is None:
            continue
        if kind == "afkstatus":
            has_afk = True
            if data.get("status") == "not-afk":
                present.append(span)
        elif _matches(data, names):
            editing.append(span)
    result = ActivityRead()
    if has_afk:
        result.intervals = _intersect(union(editing), union(present))
    else:
        result.intervals = union(editing)
        if editing:
            result.warnings.append(
                translate(
                    _CONTEXT,
                    "ActivityWatch has no away-from-keyboard data, so all editor time counts.",
                )
            )
    if skipped:
        text = translate(_CONTEXT, "{count} ActivityWatch events could not be read.")
        result.warnings.append(text.format(count=skipped))
    return result


def _rows(path: Path) -> tuple[list[tuple[Any, ...]], bool]:
    with closing(open_read_only(path)) as connection:
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            rust = "events" in tables and "buckets" in tables
            if not rust and not {"eventmodel", "bucketmodel"} <= tables:
                text = translate(_CONTEXT, "{path} is not an ActivityWatch database.")
                raise ActivityFormatError(text.format(path=path))
            return connection.execute(_RUST if rust else _PEEWEE).fetchall(), rust
        except sqlite3.DatabaseError as error:
            if is_schema_mismatch(error):
                text = translate(_CONTEXT, "{path} is not an ActivityWatch database.")
                raise ActivityFormatError(text.format(path=path)) from None
            raise FileRefusedError(path, unreadable_now(error)) from None


def _span(start: Any, end_or_duration: Any, *, rust: bool) -> Interval | None:
    if rust:
        begin = dt.datetime.fromtimestamp(int(start) / 1e9, dt.UTC)
        end = dt.datetime.fromtimestamp(int(end_or_duration) / 1e9, dt.UTC)
    else:
        begin = dt.datetime.fromisoformat(str(start))
        if begin.tzinfo is None:
            begin = begin.replace(tzinfo=dt.UTC)
        end = begin + dt.timedelta(seconds=float(end_or_duration))
    return Interval(begin, end) if end > begin else None


def _matches(data: dict[str, Any], names: list[str]) -> bool:
    app = str(data.get("app", "")).lower().removesuffix(".exe")
    title = str(data.get("title", "")).lower()
    for name in names:
        if name.startswith(_TITLE):
            if name[len(_TITLE) :] and name[len(_TITLE) :] in title:
                return True
        elif name in app:
            return True
    return False


def _intersect(first: list[Interval], second: list[Interval]) -> list[Interval]:
    """Return the parts of ``first`` inside ``second`` (both merged and sorted)."""
    found: list[Interval] = []
    j = 0
    for span in first:
        while j < len(second) and second[j].end <= span.start:
            j += 1
        k = j
        while k < len(second) and second[k].start < span.end:
            start, end = max(span.start, second[k].start), min(span.end, second[k].end)
            if end > start:
                found.append(Interval(start, end))
            k += 1
    return found
