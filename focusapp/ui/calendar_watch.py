"""Watched calendar files and added sources kept read: at start and whenever they change.

The imports themselves run on the window's database worker (:mod:`calendar_importer`).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import (
    QFileSystemWatcher,
    QObject,
    QTimer,
    Signal,
    Slot,
)

from focusapp.formats.calendar_kind import CalendarKind
from focusapp.services.calendar.local_files import CalendarImportError, resolve_local_path
from focusapp.system.files import is_regular_file
from focusapp.ui.calendar_importer import CalendarImporter, CalendarJobResult

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from focusapp.settings.values import Settings

__all__ = ["DEBOUNCE_MS", "CalendarImporter", "CalendarJobResult", "CalendarWatch"]

logger = logging.getLogger(__name__)

#: Exporters and editors write in bursts (truncate, write, rename); wait for quiet.
DEBOUNCE_MS: Final = 1000


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
