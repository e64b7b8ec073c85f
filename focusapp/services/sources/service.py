"""The calendar sources service: add, list, re-read and remove sources other programs keep.

See :mod:`focusapp.services.sources` for what a source is and when it is re-read.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from focusapp.formats.calendar_kind import CalendarKind, SourceError, thunderbird_note
from focusapp.formats.discovery.discover import discover_sources
from focusapp.formats.evolution import read_cache
from focusapp.formats.ics.report import CalendarFormatError, CalendarReadResult
from focusapp.formats.source_kind import detect_kind
from focusapp.formats.vdir import VdirReader
from focusapp.services.calendar.importer import SyncOutcome
from focusapp.services.calendar.local_files import CalendarImportError, resolve_local_path
from focusapp.services.calendar.store import (
    ReadToStore,
    recompute_days,
    report_from_json,
    rules_key,
    store_read,
)
from focusapp.services.changes import ChangeFeed, ChangeKind, Changes
from focusapp.services.sources.change_detection import (
    CONTEXT,
    file_digest,
    is_ics,
    listed_digest,
    stamps_digest,
    widened_range,
)
from focusapp.services.sources.listing import SourceInfo, added_info, found_info
from focusapp.storage.calendar_repository import CalendarRepository
from focusapp.storage.errors import storage_errors
from focusapp.storage.sources_repository import AddedCalendarRepository
from focusapp.system.files import FileRefusedError
from focusapp.wording.translate import translate

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Mapping

    from focusapp.domain.calendar import CalendarRules
    from focusapp.domain.clock import Clock
    from focusapp.formats.discovery.places import FoundSource
    from focusapp.services.calendar.service import CalendarService
    from focusapp.storage.db import Sessions


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
        feed: ChangeFeed | None = None,
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
        self._feed = feed if feed is not None else ChangeFeed()

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
                added_info(item.path, kind, by_path.get(item.path), stored.get(item.path))
            )
        known = {item.path for item in added}
        for path, source in by_path.items():
            if path not in known:
                listed.append(found_info(source))
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
        own = [path for path, kind in added if not is_ics(path, kind)]
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
        if is_ics(key, kind):
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
        first, last, origin = widened_range(self._calendar.today(), stored)
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
            and listed_digest(Path(key)) == stored.content_sha256
        ):
            # A fresh process (a command-line sync): the items' stamps are as stored, so
            # nothing is parsed at all.
            return SyncOutcome(key, report_from_json(stored, origin))
        try:
            if kind is CalendarKind.VDIR:
                result, digest = self._read_vdir(key, (first, last, fingerprint), rules, changed)
            else:
                digest = file_digest(Path(key))
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
            raise FileRefusedError(Path(key), translate(CONTEXT, "is no longer a folder"))
        digest = stamps_digest(reader.snapshot.items())
        return CalendarReadResult(read.events, read.skipped, read.warnings), digest

    def _notify(self) -> Changes:
        return self._feed.publish(Changes.of(ChangeKind.CALENDAR))
