"""Calendar sources other programs keep on this computer: add, list, re-read and remove them.

A source is an ``.ics`` file, a vdir folder (vdirsyncer, khal), an Evolution Data Server
cache (``cache.db``) or local calendar (``calendar.ics``), or a Thunderbird calendar file.
Each is read-only to FocusApp. Its events are stored like an imported file's (tagged with
the source's path in ``calendar_sources``, see :mod:`focusapp.services.calendar.store`), so
the day numbers, duplicates across sources and the day audit work the same for all of
them, and removing a source removes its meetings and nothing typed.

Re-reading is cheap when nothing changed: a vdir is listed and its items' stamps compared
(a :class:`~focusapp.formats.vdir.VdirReader` is kept per source for the life of the
process, so the window re-parses only the items that changed; a fresh process, such as
``focusapp calendar sync``, parses the vdir once and stores nothing if the stamps are as
stored); an Evolution cache is re-read only when its file (or its ``-wal``) changed.

Thunderbird files are added and counted but their events are not read: see
:mod:`focusapp.formats.thunderbird` for why.
"""

from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from focusapp.formats.discovery import FoundSource, discover_sources, vdir_source
from focusapp.formats.evolution import read_cache
from focusapp.formats.ics.report import CalendarFormatError, CalendarReadResult
from focusapp.formats.source_kind import CalendarKind, SourceError, detect_kind, thunderbird_note
from focusapp.formats.vdir import (
    DEFAULT_FILE_EXTENSION,
    ItemStamp,
    VdirReader,
    calendar_folders,
    item_stamps,
)
from focusapp.services.calendar.importer import SyncOutcome, default_range
from focusapp.services.calendar.local_files import CalendarImportError, resolve_local_path
from focusapp.services.calendar.store import (
    RangeOrigin,
    ReadToStore,
    load_report,
    recompute_days,
    report_from_json,
    rules_key,
    store_read,
)
from focusapp.storage.calendar_repository import CalendarRepository
from focusapp.storage.errors import storage_errors
from focusapp.storage.sources_repository import AddedCalendarRepository
from focusapp.system.files import FileRefusedError
from focusapp.wording.translate import translate

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable, Mapping

    from focusapp.domain.calendar import CalendarRules
    from focusapp.domain.clock import Clock
    from focusapp.services.calendar.service import CalendarService
    from focusapp.storage.calendar_repository import StoredSource
    from focusapp.storage.db import Sessions

_CONTEXT: Final = "Calendar sources"


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """One calendar source as listed for the user: added, found on this computer, or both.

    Attributes:
        path: Resolved absolute path.
        kind: What it is.
        added: Whether the user added it (its meetings count).
        found_by: Where discovery found it (a config or a usual place); empty if not found.
        names: Its calendars' names, as the owning program shows them.
        event_count: Items or events it holds (stored meetings for an added source that
            cannot be counted cheaply), ``None`` when unknown.
        last_change: When its meetings were last re-read and changed (aware UTC), if ever.
        warnings: Things worth knowing (faulty items, an unreadable Thunderbird file...).
    """

    path: str
    kind: CalendarKind
    added: bool
    found_by: str
    names: tuple[str, ...]
    event_count: int | None
    last_change: dt.datetime | None
    warnings: tuple[str, ...]


def _resolve(path_text: str | Path) -> Path:
    try:
        return resolve_local_path(str(path_text))
    except CalendarImportError as error:
        raise SourceError(str(error)) from None


class SourcesService:
    """Adds, lists, re-reads and removes calendar sources; every method opens its own session.

    Methods may run on a worker thread (one at a time: the window's calendar worker is
    single-threaded; the readers' cache is guarded anyway).
    """

    def __init__(
        self,
        sessions: Sessions,
        clock: Clock,
        calendar: CalendarService,
        home: Path | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        """Keep the services; ``home``/``environ`` ``None`` mean those of the moment of use.

        (Discovery then follows ``HOME`` and the ``XDG_*`` variables as they are when it
        runs, not as they were when FocusApp started.)
        """
        self._sessions = sessions
        self._clock = clock
        self._calendar = calendar
        self._home = home
        self._environ = environ
        self._readers: dict[str, tuple[tuple[dt.date, dt.date, str], VdirReader]] = {}
        self._lock = threading.Lock()
        self._listeners: list[Callable[[], None]] = []

    def on_change(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` after a source's meetings were stored or removed."""
        self._listeners.append(listener)

    # --- finding and listing --------------------------------------------------------------

    def discover(self) -> list[FoundSource]:
        """Return the calendar sources found on this computer (read-only, runs nothing)."""
        home = Path.home() if self._home is None else self._home
        return discover_sources(home, os.environ if self._environ is None else self._environ)

    def added(self) -> list[tuple[str, CalendarKind]]:
        """Return every added source's path and kind, in the order added."""
        with storage_errors(), self._sessions() as session:
            return [(c.path, CalendarKind(c.kind)) for c in AddedCalendarRepository(session).all()]

    def sources(self, found: Iterable[FoundSource] | None = None) -> list[SourceInfo]:
        """Return the added sources, then those found here and not added.

        Args:
            found: What :meth:`discover` returned, if already at hand.
        """
        found_list = self.discover() if found is None else list(found)
        by_path = {str(source.path): source for source in found_list}
        with storage_errors(), self._sessions() as session:
            added = AddedCalendarRepository(session).all()
            stored = {s.path: s for s in CalendarRepository(session).sources()}
        listed: list[SourceInfo] = []
        for item in added:
            kind = CalendarKind(item.kind)
            listed.append(
                _added_info(item.path, kind, by_path.get(item.path), stored.get(item.path))
            )
        known = {item.path for item in added}
        for path, source in by_path.items():
            if path not in known:
                listed.append(_found_info(source))
        return listed

    # --- changing -------------------------------------------------------------------------

    def add(self, path_text: str | Path) -> SyncOutcome:
        """Add a calendar source (its kind detected) and read its meetings now.

        A Thunderbird file is added with :func:`thunderbird_note` as its outcome's ``error``
        (nothing to read); every other failure to read leaves it not added.

        Raises:
            SourceError: If the path is not a calendar source or cannot be read; nothing
                was written.
            StorageError: If the database cannot be written.
        """
        path = _resolve(path_text)
        kind = detect_kind(path)
        key = str(path)
        if kind is not CalendarKind.THUNDERBIRD:
            outcome = self._read(key, kind)
            if outcome.report is None:
                raise SourceError(outcome.error or key)
        with storage_errors(), self._sessions.begin() as session:
            AddedCalendarRepository(session).add(key, str(kind), self._clock.now())
        if kind is CalendarKind.THUNDERBIRD:
            return SyncOutcome(key, None, thunderbird_note(key))
        return outcome

    def remove(self, path_text: str | Path) -> bool:
        """Forget a source (added, or an imported file) and its meetings, in one transaction.

        Returns:
            Whether there was anything to forget.

        Raises:
            SourceError: If the path is a web address.
        """
        key = str(_resolve(path_text))
        with self._lock, storage_errors(), self._sessions.begin() as session:
            self._readers.pop(key, None)
            was_added = AddedCalendarRepository(session).remove(key)
            repo = CalendarRepository(session)
            gone = repo.delete_source(key)
            if gone is not None:
                recompute_days(repo, self._calendar.rules(), [(gone.first_day, gone.last_day)])
        if gone is not None:
            self._notify()
        return was_added or gone is not None

    def sync(self, watch_files: Iterable[str]) -> list[SyncOutcome]:
        """Re-read the watched files (and stale imports), then every added source."""
        added = [(path, kind) for path, kind in self.added() if kind.is_read()]
        own = [path for path, kind in added if not _is_ics(path, kind)]
        outcomes = self._calendar.sync(watch_files, others=own)
        done = {o.report.path for o in outcomes if o.report is not None}
        for path, kind in added:
            if path not in done:  # a watched file that was also added is read once
                outcomes.append(self._read(path, kind))
        return outcomes

    def read_source(self, path: str, changed: Iterable[Path] | None = None) -> SyncOutcome:
        """Re-read one added source now (the window calls this when it changed).

        Args:
            path: The source's stored path.
            changed: For a vdir, the folders a watcher reported (see ``VdirReader.read``).
        """
        kinds = dict(self.added())
        kind = kinds.get(path)
        if kind is None or not kind.is_read():
            return SyncOutcome(path, None)  # removed meanwhile, or nothing to read
        return self._read(path, kind, changed)

    # --- internals ------------------------------------------------------------------------

    def _read(
        self, key: str, kind: CalendarKind, changed: Iterable[Path] | None = None
    ) -> SyncOutcome:
        """Read one source and store its events when they changed; never raises for a file."""
        if _is_ics(key, kind):
            try:
                return SyncOutcome(key, self._calendar.import_file(key))
            except CalendarImportError as error:
                return SyncOutcome(key, None, str(error))
        # One read and store at a time per process: a slower, older read must never be
        # stored over a newer one (the dialog's worker and the watch's may overlap).
        with self._lock:
            return self._read_and_store(key, kind, changed)

    def _read_and_store(
        self, key: str, kind: CalendarKind, changed: Iterable[Path] | None
    ) -> SyncOutcome:
        with storage_errors(), self._sessions() as session:
            stored = CalendarRepository(session).source(key)
        first, last, origin = _range(self._calendar.today(), stored)
        rules = self._calendar.rules()
        fingerprint = rules_key(rules)
        same_reading = (
            stored is not None
            and stored.rules_key == fingerprint
            and (stored.first_day, stored.last_day) == (first, last)
        )
        if (
            same_reading
            and stored is not None
            and kind is CalendarKind.VDIR
            and key not in self._readers
            and _listed_digest(Path(key)) == stored.content_sha256
        ):
            # A fresh process (a command-line sync): the items' stamps are as stored, so
            # nothing is parsed at all.
            return SyncOutcome(key, report_from_json(stored, origin))
        try:
            if kind is CalendarKind.VDIR:
                result, digest = self._read_vdir(key, (first, last, fingerprint), rules, changed)
            else:
                digest = _file_digest(Path(key))
                result = None
        except (FileRefusedError, CalendarFormatError) as error:
            return SyncOutcome(key, None, str(error))
        if same_reading and stored is not None and stored.content_sha256 == digest:
            return SyncOutcome(key, report_from_json(stored, origin))
        if result is None:
            try:
                result = read_cache(
                    Path(key), first_day=first, last_day=last, rules=rules, source=key
                )
            except (FileRefusedError, CalendarFormatError) as error:
                return SyncOutcome(key, None, str(error))
        read = ReadToStore(key, result, first, last, origin, digest, fingerprint)
        report = store_read(self._sessions, read, rules, self._clock.now())
        self._notify()
        return SyncOutcome(key, report)

    def _read_vdir(
        self,
        key: str,
        reading: tuple[dt.date, dt.date, str],
        rules: CalendarRules,
        changed: Iterable[Path] | None,
    ) -> tuple[CalendarReadResult, str]:
        known = self._readers.get(key)
        if known is None or known[0] != reading:
            reader = VdirReader(Path(key), first_day=reading[0], last_day=reading[1], rules=rules)
            self._readers[key] = (reading, reader)
            changed = None  # a new reader lists everything
        else:
            reader = known[1]
        read = reader.read(changed)
        if not read.calendars and not Path(key).is_dir():
            # Gone or unreadable: keep its stored meetings rather than wipe them for a
            # folder that is only unmounted; an existing but emptied vdir stores nothing.
            raise FileRefusedError(Path(key), translate(_CONTEXT, "is no longer a folder"))
        digest = _stamps_digest(reader.snapshot.items())
        return CalendarReadResult(read.events, read.skipped, read.warnings), digest

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()


def _is_ics(path: str, kind: CalendarKind) -> bool:
    """Return whether a source is read as an .ics file (an Evolution local calendar is one)."""
    return kind is CalendarKind.ICS or (kind is CalendarKind.EVOLUTION and path.endswith(".ics"))


def _range(today: dt.date, stored: StoredSource | None) -> tuple[dt.date, dt.date, RangeOrigin]:
    """Return the default range, widened to cover the source's earlier read (as imports do)."""
    first, last = default_range(today)
    if stored is not None and (stored.first_day < first or stored.last_day > last):
        return min(first, stored.first_day), max(last, stored.last_day), RangeOrigin.WIDENED
    return first, last, RangeOrigin.DEFAULT


def _stamps_digest(stamps: Iterable[tuple[Path, ItemStamp]]) -> str:
    """Return the fingerprint of a vdir's item stamps (what the stored digest of a vdir is)."""
    return hashlib.sha256(repr(sorted(stamps)).encode()).hexdigest()


def _listed_digest(root: Path) -> str:
    """Return :func:`_stamps_digest` of the vdir as it is now, by listing it (no parsing)."""
    return _stamps_digest(
        (Path(path), stamp)
        for folder in calendar_folders(root)
        for path, stamp in item_stamps(folder, DEFAULT_FILE_EXTENSION)
    )


def _file_digest(path: Path) -> str:
    """Return what tells one state of a database file (and its write-ahead log) from the next."""
    parts: list[str] = [str(path)]
    for candidate in (path, Path(f"{path}-wal")):
        try:
            info = os.stat(candidate)  # noqa: PTH116 - one call for the three fields
        except OSError:
            if candidate == path:
                raise FileRefusedError(path, translate(_CONTEXT, "is not there")) from None
            continue
        parts.append(f"{info.st_ino}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def _added_info(
    path: str, kind: CalendarKind, found: FoundSource | None, stored: StoredSource | None
) -> SourceInfo:
    warnings: list[str] = []
    names: tuple[str, ...] = found.names if found is not None else ()
    count = found.item_count if found is not None else None
    last_change = None
    if kind is CalendarKind.THUNDERBIRD:
        warnings.append(thunderbird_note(path))
    elif stored is not None:
        report = load_report(stored.report)
        warnings.extend(str(w) for w in report.get("warnings", []))
        last_change = stored.imported_at
        if count is None:
            count = int(report.get("meetings_counted", 0))
    if kind is CalendarKind.VDIR and found is None:
        described = vdir_source(Path(path), "")
        if described is not None:
            names, count = described.names, described.item_count
    if not Path(path).exists():
        warnings.insert(0, translate(_CONTEXT, "It is no longer there."))
    return SourceInfo(
        path=path,
        kind=kind,
        added=True,
        found_by=found.found_by if found is not None else "",
        names=names,
        event_count=count,
        last_change=last_change,
        warnings=tuple(warnings),
    )


def _found_info(source: FoundSource) -> SourceInfo:
    kind = {
        "vdir": CalendarKind.VDIR,
        "evolution_cache": CalendarKind.EVOLUTION,
        "evolution_local": CalendarKind.EVOLUTION,
        "thunderbird": CalendarKind.THUNDERBIRD,
    }[str(source.kind)]
    warnings = (thunderbird_note(str(source.path)),) if kind is CalendarKind.THUNDERBIRD else ()
    return SourceInfo(
        path=str(source.path),
        kind=kind,
        added=False,
        found_by=source.found_by,
        names=source.names,
        event_count=source.item_count,
        last_change=None,
        warnings=warnings,
    )


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
