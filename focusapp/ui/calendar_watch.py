"""Calendar imports off the GUI thread, and watched calendar files and added sources kept read.

Reading a year of a busy calendar takes seconds, so imports run on the window's one
database worker (one at a time, in order with every other read and write). The calendar
service is Qt-free and opens its own session per call, so the worker can use it directly;
results come back to the GUI thread through a queued signal and no widget is touched from
the worker.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import (
    QCoreApplication,
    QFileSystemWatcher,
    QObject,
    QTimer,
    Signal,
    Slot,
)

from focusapp.domain.errors import StorageError
from focusapp.formats.source_kind import CalendarKind
from focusapp.services.calendar.importer import SyncOutcome
from focusapp.services.calendar.local_files import CalendarImportError, resolve_local_path
from focusapp.system.files import is_regular_file
from focusapp.ui.workers import shared_or_own

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping
    from concurrent.futures import Future

    from focusapp.services.calendar.service import CalendarService
    from focusapp.services.sources.service import SourcesService
    from focusapp.settings.values import Settings
    from focusapp.ui.workers import BackgroundRunner

logger = logging.getLogger(__name__)

#: Exporters and editors write in bursts (truncate, write, rename); wait for quiet.
DEBOUNCE_MS: Final = 1000


@dataclass(frozen=True, slots=True)
class CalendarJobResult:
    """What one background calendar job did.

    Attributes:
        origin: Who asked: ``"manual"`` (the Import menu), ``"watch"`` (a watched file
            changed) or ``"sync"`` (start-up or changed settings).
        outcomes: One entry per file: its report, or the message saying why it failed.
        added: The added calendar sources (path, kind) after the job, so the watch can
            follow them without reading the database on the GUI thread.
    """

    origin: str
    outcomes: tuple[SyncOutcome, ...]
    added: tuple[tuple[str, CalendarKind], ...] = ()

    @property
    def changed(self) -> bool:
        """Whether any import stored something new."""
        return any(o.report is not None and not o.report.unchanged for o in self.outcomes)

    @property
    def errors(self) -> list[str]:
        """Return the failures' messages."""
        return [o.error for o in self.outcomes if o.error is not None]


class CalendarImporter(QObject):
    """Runs calendar imports one at a time on the window's database worker.

    Imports share the one worker with every other read and write of the window (as Anki's
    ``taskman`` does), so SQLite access stays serialised and results arrive in order.

    Signals:
        finished(object): A :class:`CalendarJobResult`, delivered on the GUI thread.
    """

    finished = Signal(object)

    def __init__(
        self,
        service: CalendarService,
        parent: QObject | None = None,
        sources: SourcesService | None = None,
        runner: BackgroundRunner | None = None,
    ) -> None:
        """Run on ``runner`` (the window's worker); without one, on a worker of its own."""
        super().__init__(parent)
        self._service = service
        self._sources = sources
        self._runner, self._owns_runner = shared_or_own(runner, self, "focusapp-ics")
        self._pending = 0
        self._last: Future[None] | None = None
        app = QCoreApplication.instance()
        if app is not None and self._owns_runner:
            app.aboutToQuit.connect(self.shutdown)

    @property
    def busy(self) -> bool:
        """Whether a job is queued or running."""
        return self._pending > 0

    def import_files(self, paths: Iterable[str], origin: str = "manual") -> None:
        """Import each file (as :meth:`CalendarService.import_file` without a range)."""
        chosen = list(paths)
        self._submit(origin, lambda: [self._import(path) for path in chosen])

    def sync(self, watch_files: Iterable[str], origin: str = "sync") -> None:
        """Re-import the watched files and bring stale imports up to the settings."""
        chosen = list(watch_files)
        self._submit(origin, lambda: self._sync(chosen))

    def read_sources(self, changes: Mapping[str, list[Path] | None], origin: str = "watch") -> None:
        """Re-read added sources; for a vdir, only the calendar folders given (``None``: all)."""
        chosen = dict(changes)
        self._submit(origin, lambda: [self._read_source(p, c) for p, c in chosen.items()])

    def list_sources(self, origin: str = "sources") -> None:
        """Report the added sources (after one was added or removed), reading nothing."""
        self._submit(origin, list)

    def wait(self, msecs: int = -1) -> bool:
        """Block until every job asked for is done; return whether they are.

        The worker runs jobs in order, so the last one finishing means all have; their
        results still arrive through the event loop.
        """
        last = self._last
        if last is None:
            return True
        try:
            last.result(timeout=None if msecs < 0 else msecs / 1000)
        except TimeoutError:
            return False
        return True

    @Slot()
    def shutdown(self) -> None:
        """Drop queued jobs and wait for the running one, so quitting never cuts a write.

        A shared worker is shut down by its owner (the window) instead.
        """
        if self._owns_runner:
            self._runner.shutdown(wait=True)

    def _submit(self, origin: str, work: Callable[[], list[SyncOutcome]]) -> None:
        self._pending += 1

        def job() -> CalendarJobResult:
            outcomes = work()
            try:
                added = tuple(self._added())
            except Exception:  # the list only guides the watch; the next job tries again
                logger.exception("listing the added calendar sources failed")
                added = ()
            return CalendarJobResult(origin, tuple(outcomes), added)

        self._last = self._runner.run_in_background(job, self._on_job_done, self._on_job_failed)

    def _added(self) -> list[tuple[str, CalendarKind]]:
        return [] if self._sources is None else self._sources.added()

    def _read_source(self, path: str, changed: list[Path] | None) -> SyncOutcome:
        assert self._sources is not None, "sources are only watched when given"
        try:
            return self._sources.read_source(path, changed)
        except StorageError as error:
            return SyncOutcome(path, None, str(error))
        except Exception as error:  # the worker must always answer; the log has the details
            logger.exception("reading calendar source %s failed", path)
            return SyncOutcome(path, None, f"{Path(path).name}: unexpected error ({error})")

    def _import(self, path: str) -> SyncOutcome:
        try:
            return SyncOutcome(path, self._service.import_file(path))
        except (CalendarImportError, StorageError) as error:
            return SyncOutcome(path, None, str(error))
        except Exception as error:  # the worker must always answer; the log has the details
            logger.exception("calendar import of %s failed", path)
            return SyncOutcome(path, None, f"{Path(path).name}: unexpected error ({error})")

    def _sync(self, watch_files: list[str]) -> list[SyncOutcome]:
        try:
            if self._sources is not None:
                return self._sources.sync(watch_files)
            return self._service.sync(watch_files)
        except StorageError as error:
            return [SyncOutcome("", None, str(error))]
        except Exception as error:  # the worker must always answer; the log has the details
            logger.exception("calendar sync failed")
            return [SyncOutcome("", None, f"Calendar files could not be updated ({error})")]

    def _on_job_done(self, result: CalendarJobResult) -> None:
        self._pending -= 1
        self.finished.emit(result)

    def _on_job_failed(self, error: Exception) -> None:  # the job catches all but bugs
        self._pending -= 1
        logger.error("calendar job failed", exc_info=error)


class CalendarWatch(QObject):
    """Keeps ``calendar.watch_files`` imported and added sources read: at start, on change.

    Only regular files are watched (a FIFO or device named in the list is never opened, not
    even by the watcher; its import reports the problem). Each watched file's folder is
    watched too: exporters and editors often replace a file
    atomically (write a new file, rename it over the old one), after which the watch on the
    old file is gone; the folder's change notice brings it back. A change is acted on after
    :data:`DEBOUNCE_MS` of quiet, and only for files whose size or time stamp moved.

    Added sources (vdir folders, Evolution caches) are followed the same way: a vdir's
    folder and calendar folders are watched (vdirsyncer and khal replace items by renaming,
    which changes the folder) and only the folders that changed are listed again; a file
    source is watched with its folder. The list of added sources comes back with every
    importer job, so the watch never reads the database on the GUI thread.

    Signals:
        changed: Imports stored new data (refresh what shows it).
        failed(str): A watched file could not be imported; the message is for people.
    """

    changed = Signal()
    failed = Signal(str)

    def __init__(
        self,
        importer: CalendarImporter,
        settings: Callable[[], Settings],
        parent: QObject | None = None,
        *,
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__(parent)
        self._importer = importer
        self._settings = settings
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_watcher_file_changed)
        self._watcher.directoryChanged.connect(self._on_watcher_directory_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._files: dict[str, str] = {}
        self._stamps: dict[str, tuple[int, int, int] | None] = {}
        self._due: set[str] = set()
        self._sources: dict[str, tuple[CalendarKind, list[str]]] = {}
        self._due_sources: dict[str, set[str] | None] = {}
        self._last_errors: dict[str, str] = {}
        importer.finished.connect(self._on_importer_finished)

    def watched_files(self) -> list[str]:
        """Return the resolved paths being watched, in the settings' order."""
        return list(self._files)

    @Slot()
    def start(self) -> None:
        """Watch the files in the settings and import them (and stale imports) now."""
        self._rewatch()
        self._importer.sync(self._settings().calendar_watch_files, origin="sync")

    @Slot()
    def settings_changed(self) -> None:
        """Follow a changed watch list, and re-apply the settings to every import."""
        self.start()

    @Slot()
    def sources_changed(self) -> None:
        """Follow the added sources after one was added or removed."""
        self._importer.list_sources()

    def watched_sources(self) -> list[str]:
        """Return the added sources being watched."""
        return list(self._sources)

    def _follow_sources(self, added: Iterable[tuple[str, CalendarKind]]) -> None:
        from focusapp.services.sources.change_detection import watch_paths

        self._sources = {path: (kind, watch_paths(path, kind)) for path, kind in added}
        self._rewatch(reset_stamps=False)

    def _rewatch(self, *, reset_stamps: bool = True) -> None:
        """Watch each wanted file, source and folder; drop paths no longer wanted."""
        wanted: dict[str, str] = {}
        for text in self._settings().calendar_watch_files:
            try:
                wanted[str(resolve_local_path(text))] = text
            except CalendarImportError:
                continue  # reported by the import itself
        self._files = wanted
        source_files = set(self._source_files())
        files = set(wanted) | source_files
        folders = {str(Path(path).parent) for path in wanted}
        for _kind, paths in self._sources.values():
            folders.update(p for p in paths if p not in source_files)
        keep = files | folders
        stale = [p for p in [*self._watcher.files(), *self._watcher.directories()] if p not in keep]
        if stale:
            self._watcher.removePaths(stale)
        present = set(self._watcher.files()) | set(self._watcher.directories())
        missing = sorted(
            p for p in keep - present if (is_regular_file(Path(p)) if p in files else _is_dir(p))
        )
        if missing:
            self._watcher.addPaths(missing)
        if reset_stamps:
            self._stamps = {path: _stamp(path) for path in wanted}
        for path in source_files:
            self._stamps.setdefault(path, _stamp(path))

    def _source_files(self) -> list[str]:
        """Return the added sources that are files (not vdir folders)."""
        sources = self._sources.items()
        return [p for p, (kind, paths) in sources if paths and kind is not CalendarKind.VDIR]

    @Slot(str)
    def _on_watcher_file_changed(self, path: str) -> None:
        if path in self._files:
            self._schedule(path)
        if path in self._sources:
            self._schedule_source(path, None)

    @Slot(str)
    def _on_watcher_directory_changed(self, folder: str) -> None:
        for path in self._files:
            if str(Path(path).parent) == folder and _stamp(path) != self._stamps.get(path):
                self._schedule(path)
        for path, (kind, paths) in self._sources.items():
            if kind is not CalendarKind.VDIR:  # a file source: its folder changed
                if str(Path(path).parent) == folder and _stamp(path) != self._stamps.get(path):
                    self._schedule_source(path, None)
            elif folder in paths:  # a vdir: this calendar folder (or the root) changed
                self._schedule_source(path, folder)

    def _schedule_source(self, path: str, folder: str | None) -> None:
        if folder is None or (path in self._due_sources and self._due_sources[path] is None):
            self._due_sources[path] = None
        else:
            self._due_sources.setdefault(path, set()).add(folder)  # type: ignore[union-attr]
        self._timer.start()

    def _schedule(self, path: str) -> None:
        self._due.add(path)
        self._timer.start()

    @Slot()
    def _on_timer_timeout(self) -> None:
        due = [path for path in self._files if path in self._due]
        self._due.clear()
        # Put back watches that an atomic replace removed.
        present = set(self._watcher.files())
        files = [*self._files, *self._source_files()]
        back = [path for path in files if path not in present and is_regular_file(Path(path))]
        if back:
            self._watcher.addPaths(back)
        for path in due:
            self._stamps[path] = _stamp(path)
        if due:
            self._importer.import_files(due, origin="watch")
        changes = {
            path: None if folders is None else [Path(f) for f in sorted(folders)]
            for path, folders in self._due_sources.items()
            if path in self._sources
        }
        self._due_sources.clear()
        for path in changes:
            if path in self._stamps:
                self._stamps[path] = _stamp(path)
        if changes:
            self._importer.read_sources(changes, origin="watch")

    @Slot(object)
    def _on_importer_finished(self, result: CalendarJobResult) -> None:
        # Also after each read: a vdir may have gained a calendar folder to watch.
        self._follow_sources(result.added)
        if result.origin not in ("watch", "sync"):
            return
        for outcome in result.outcomes:
            if outcome.error is None:
                self._last_errors.pop(outcome.path, None)
                continue
            # A file that stays broken is reported once, not at every save or start.
            if self._last_errors.get(outcome.path) != outcome.error:
                self._last_errors[outcome.path] = outcome.error
                logger.warning("calendar: %s", outcome.error)
                self.failed.emit(outcome.error)
        if result.changed:
            self.changed.emit()


def _is_dir(path: str) -> bool:
    try:
        return Path(path).is_dir()
    except OSError:
        return False


def _stamp(path: str) -> tuple[int, int, int] | None:
    """Return what tells a rewritten file apart (inode, size, mtime), or ``None`` if gone."""
    try:
        info = os.stat(path)  # noqa: PTH116 - one call for all three fields
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns
