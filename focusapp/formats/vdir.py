"""Reading a vdir folder (vdirsyncer, khal): one ``.ics`` per item, one subfolder per calendar.

The vdir format (https://vdirsyncer.pimutils.org/en/stable/vdir.html) is the usual local
mirror of CalDAV, Google, Nextcloud and Microsoft 365 calendars. A vdir is a folder of items;
vdirsyncer's ``filesystem`` storage puts one vdir per calendar ("collection") below the path
it is given, so the folder a user names is either a calendar itself or holds calendars one
level down. Each calendar may carry a ``displayname`` and a ``color`` file.

Why it is read the way it is:

* Items are re-read only when they change. :class:`VdirReader` keeps a snapshot of each item's
  (size, mtime_ns, inode) and its parsed result; vdirsyncer and khal write a temporary file
  and rename it over the item, which always changes the inode, so an edit is seen even when
  size and mtime happen to agree. Added and deleted items are seen because folders are
  listed again (listing is cheap; parsing is not): all of them on a full read, or only
  those a file-system watcher names (``read(changed=...)``), which is what keeps picking
  up one change in a 5,000-item vdir to a few dozen milliseconds.
* Hidden files (vdirsyncer's and khal's temporary files, editor locks such as ``.#x.ics``) and
  names without the item extension (``tmpab12.tmp``, ``x.ics~``) are never items.
* One faulty item (not iCalendar, too large, unreadable) is left out with a warning naming
  it; the others still count. Every item goes through
  :func:`~focusapp.system.files.read_regular_file`, so a FIFO or device never hangs a read.
* The same meeting can be in two calendars (a personal and a team calendar); across items,
  later copies of a counted occurrence (same UID and RECURRENCE-ID, lower or equal SEQUENCE)
  are marked ``duplicate`` so no meeting is counted twice.
"""

from __future__ import annotations

import dataclasses
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final, NamedTuple

from focusapp.domain.calendar import CalendarEvent, Exclusion
from focusapp.formats.ics.read import MAX_ICS_BYTES, read_calendar
from focusapp.formats.ics.report import CalendarFormatError, SkippedEvent
from focusapp.system.files import FileRefusedError, read_regular_file
from focusapp.wording.translate import translate

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from focusapp.domain.calendar import CalendarRules

DEFAULT_FILE_EXTENSION: Final = ".ics"
#: Metadata files are a line of text; anything longer is not a name.
_MAX_METADATA_BYTES: Final = 4096
_COLOR: Final = re.compile(r"#[0-9A-Fa-f]{6}")
_CONTEXT: Final = "Calendar sources"


class ItemStamp(NamedTuple):
    """What tells one version of an item file from the next without reading it."""

    size: int
    mtime_ns: int
    inode: int


@dataclass(frozen=True, slots=True)
class VdirCalendar:
    """One calendar (collection) of a vdir.

    Attributes:
        path: Its folder.
        name: The ``displayname`` file's text, or the folder's name without one.
        color: ``#RRGGBB`` from the ``color`` file, ``None`` when absent or malformed.
        item_count: How many item files it holds.
    """

    path: Path
    name: str
    color: str | None
    item_count: int


@dataclass(frozen=True, slots=True)
class _ItemResult:
    stamp: ItemStamp
    events: tuple[CalendarEvent, ...] = ()
    skipped: tuple[SkippedEvent, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(slots=True)
class VdirReadResult:
    """Everything read from a vdir in one pass.

    Attributes:
        calendars: The calendars found, in folder-name order.
        events: Every occurrence from every item (see :func:`read_calendar`), in calendar
            and item order (each item's by start).
        skipped: Events inside items that could not be read.
        warnings: Faulty items (named) and the items' own warnings, prefixed with the item.
        parsed: How many items were parsed in this pass (the rest came from the snapshot).
        changed: Whether anything was added, changed or deleted since the previous pass.
    """

    calendars: list[VdirCalendar] = field(default_factory=list)
    events: list[CalendarEvent] = field(default_factory=list)
    skipped: list[SkippedEvent] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    parsed: int = 0
    changed: bool = False


class VdirReader:
    """Reads one vdir again and again, parsing only the items that changed since last time.

    The reader holds the snapshot, so keep one per vdir and per reading range; reading the
    same folder with other days or rules needs a new reader.
    """

    def __init__(
        self,
        root: Path,
        *,
        first_day: dt.date,
        last_day: dt.date,
        rules: CalendarRules,
        file_extension: str = DEFAULT_FILE_EXTENSION,
        max_item_bytes: int = MAX_ICS_BYTES,
    ) -> None:
        """Prepare to read ``root``, a calendar folder or a folder of calendar folders.

        Raises:
            ValueError: If ``last_day`` is before ``first_day``.
        """
        if last_day < first_day:
            raise ValueError("the last day is before the first day")
        self.root = root
        self._first_day = first_day
        self._last_day = last_day
        self._rules = rules
        self._extension = file_extension
        self._max_item_bytes = max_item_bytes
        # Keyed by the path as text: building 5,000 Path objects costs more than the stats.
        self._calendars: dict[str, tuple[VdirCalendar, dict[str, _ItemResult]]] = {}
        self._events: list[CalendarEvent] | None = None

    @property
    def snapshot(self) -> dict[Path, ItemStamp]:
        """Return item path -> stamp as of the last :meth:`read`."""
        return {
            Path(path): item.stamp
            for _calendar, items in self._calendars.values()
            for path, item in items.items()
        }

    def read(self, changed: Iterable[Path] | None = None) -> VdirReadResult:
        """List the vdir and return its events, re-parsing only new and changed items.

        Args:
            changed: The folders a file-system watcher reported (the root or calendar
                folders): only those are listed again, the others are taken from the
                snapshot. ``None`` (a sync, or the first read) lists everything. vdirsyncer
                and khal replace an item by renaming a new file over it, which changes its
                folder; an edit made in place inside the file does not, and is picked up by
                the next full read.

        A missing or unreadable root gives a result with no calendars and a warning.
        """
        result = VdirReadResult()
        wanted = None if changed is None else {os.fspath(path) for path in changed}
        previous = self._calendars
        # The root, or a folder not yet known as a calendar (one just created), means the
        # set of calendars may have changed: list them again.
        root = os.fspath(self.root)
        if wanted is None or not previous or root in wanted or not wanted <= previous.keys():
            folders = calendar_folders(self.root, self._extension)
        else:
            folders = [Path(key) for key in previous]
        if not folders:
            result.warnings.extend(self._root_warnings())
        current: dict[str, tuple[VdirCalendar, dict[str, _ItemResult]]] = {}
        for folder in folders:
            key = os.fspath(folder)
            known = previous.get(key)
            if known is None or wanted is None or key in wanted:
                known = self._list(folder, known[1] if known else {}, result)
                if not known[1] and (folder == self.root or not _has_metadata(folder)):
                    continue  # emptied: no longer a calendar, as calendar_folders decides
            current[key] = known
        result.changed = result.parsed > 0 or _paths(previous) != _paths(current)
        self._calendars = current
        if result.changed or self._events is None:
            self._events = _merge(item for _c, items in current.values() for item in items.values())
        result.events = list(self._events)
        for calendar, items in current.values():
            result.calendars.append(calendar)
            for item in items.values():
                result.skipped.extend(item.skipped)
                result.warnings.extend(item.warnings)
        return result

    def _list(
        self, folder: Path, previous: dict[str, _ItemResult], result: VdirReadResult
    ) -> tuple[VdirCalendar, dict[str, _ItemResult]]:
        items: dict[str, _ItemResult] = {}
        for path, stamp in item_stamps(folder, self._extension):
            known = previous.get(path)
            if known is None or known.stamp != stamp:
                known = self._parse(Path(path), stamp)
                result.parsed += 1
            items[path] = known
        return _describe_calendar(folder, len(items)), items

    def _root_warnings(self) -> list[str]:
        if not self.root.is_dir():
            text = translate(_CONTEXT, "{path} is not a folder; no calendar was read.")
        else:
            text = translate(_CONTEXT, "{path} holds no calendar items.")
        return [text.format(path=self.root)]

    def _parse(self, path: Path, stamp: ItemStamp) -> _ItemResult:
        label = self._label(path)
        try:
            data = read_regular_file(path, self._max_item_bytes)
            read = read_calendar(
                data,
                first_day=self._first_day,
                last_day=self._last_day,
                rules=self._rules,
                source=label,
            )
        except FileRefusedError as error:
            problem = error.reason
        except CalendarFormatError as error:
            problem = str(error)
        else:
            return _ItemResult(
                stamp,
                tuple(read.events),
                tuple(read.skipped),
                tuple(f"{label}: {warning}" for warning in read.warnings),
            )
        text = translate(_CONTEXT, "{item} was left out: {problem}")
        return _ItemResult(stamp, warnings=(text.format(item=label, problem=problem),))

    def _label(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:  # pragma: no cover - every item lies below the root
            return str(path)


def _paths(calendars: dict[str, tuple[VdirCalendar, dict[str, _ItemResult]]]) -> set[str]:
    return {path for _calendar, items in calendars.values() for path in items}


def _merge(items: Iterable[_ItemResult]) -> list[CalendarEvent]:
    """Return every item's events, cross-item duplicates marked, in item order.

    Not sorted across items: the day summaries do not need it, and sorting 5,000 events
    after each change would cost more than the rest of picking the change up.
    """
    return mark_duplicates(event for item in items for event in item.events)


def is_item_name(name: str, file_extension: str = DEFAULT_FILE_EXTENSION) -> bool:
    """Return whether a file name can be a vdir item (not hidden, not temporary)."""
    return (
        not name.startswith(".")
        and name.endswith(file_extension)
        and len(name) > len(file_extension)
    )


def item_stamps(folder: Path, file_extension: str) -> list[tuple[str, ItemStamp]]:
    """Return each item file of one calendar folder (its path as text) with its stamp.

    In name order. Entries that vanish between listing and stat (a sync in progress) are
    simply not there yet; folders, FIFOs and devices are never items.
    """
    found: list[tuple[str, ItemStamp]] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if not is_item_name(entry.name, file_extension):
                    continue
                try:
                    info = entry.stat()
                except OSError:
                    continue
                if stat.S_ISREG(info.st_mode):
                    found.append(
                        (entry.path, ItemStamp(info.st_size, info.st_mtime_ns, info.st_ino))
                    )
    except OSError:
        return []
    found.sort()
    return found


def calendar_folders(root: Path, file_extension: str = DEFAULT_FILE_EXTENSION) -> list[Path]:
    """Return the calendar folders of a vdir, in name order.

    That is ``root`` itself if it holds items, then each non-hidden subfolder that holds
    items or vdir metadata (an empty calendar vdirsyncer just created still counts).
    """
    found: list[Path] = []
    if _has_items(root, file_extension):
        found.append(root)
    for child in _subfolders(root):
        if _has_items(child, file_extension) or _has_metadata(child):
            found.append(child)
    return found


def _subfolders(root: Path) -> list[Path]:
    try:
        with os.scandir(root) as entries:
            return sorted(
                root / entry.name
                for entry in entries
                if not entry.name.startswith(".") and entry.is_dir()
            )
    except OSError:
        return []


def _has_items(folder: Path, file_extension: str) -> bool:
    try:
        with os.scandir(folder) as entries:
            return any(is_item_name(entry.name, file_extension) for entry in entries)
    except OSError:
        return False


def _has_metadata(folder: Path) -> bool:
    return (folder / "displayname").is_file() or (folder / "color").is_file()


def read_metadata(folder: Path, name: str) -> str | None:
    """Return the stripped text of a vdir metadata file (``displayname``, ``color``)."""
    try:
        data = read_regular_file(folder / name, _MAX_METADATA_BYTES)
    except FileRefusedError:
        return None
    text = data.decode("utf-8", errors="replace").strip()
    return text or None


def _describe_calendar(folder: Path, item_count: int) -> VdirCalendar:
    color = read_metadata(folder, "color")
    return VdirCalendar(
        path=folder,
        name=read_metadata(folder, "displayname") or folder.name,
        color=color if color is not None and _COLOR.fullmatch(color) else None,
        item_count=item_count,
    )


def mark_duplicates(events: Iterable[CalendarEvent]) -> list[CalendarEvent]:
    """Mark counted occurrences that another item already counts as ``duplicate``.

    Among counted copies of one occurrence (same UID and RECURRENCE-ID), the highest
    SEQUENCE stays counted; on a tie the first in the given order does. One pass: this
    runs over every event of the vdir after each change.
    """
    marked = list(events)
    kept: dict[tuple[str, str | None], int] = {}
    for index, event in enumerate(marked):
        if not event.counted:
            continue
        key = (event.uid, event.recurrence_id)
        other = kept.get(key)
        if other is None:
            kept[key] = index
        elif event.sequence > marked[other].sequence:
            marked[other] = _as_duplicate(marked[other])
            kept[key] = index
        else:
            marked[index] = _as_duplicate(event)
    return marked


def _as_duplicate(event: CalendarEvent) -> CalendarEvent:
    return dataclasses.replace(event, counted=False, reason=Exclusion.DUPLICATE)
