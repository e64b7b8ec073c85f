"""Notice when another process (``focusapp log``, ``config set``) changes data or settings."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

if TYPE_CHECKING:
    from collections.abc import Callable

_DEBOUNCE_MS = 250

Stamp = tuple[int, int, int] | None


def _stamp(path: Path) -> Stamp:
    """Identify a file's current content cheaply: inode, size and modification time."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


class DataWatcher(QObject):
    """Watches the database, its WAL and the settings file without polling.

    The folders are watched as well, because an atomic replace or a recreated WAL is a new
    file; but a folder event only counts when one of the watched files really changed, so
    FocusApp's own small files beside the database (reminder state, backups) never echo back
    as "data changed". Bursts are folded into one signal.

    FocusApp's own writes are not news: right after each one, :meth:`note_own_write` takes
    the database's new state as known, and a burst is only reported when the files still
    differ from it when the burst is over. (A write by another program in the microseconds
    between FocusApp's commit and that note would be taken as known too; the next change
    of any kind shows it.)

    Signals:
        data_changed: Another process wrote the database.
        settings_changed: Another process replaced or edited the settings file.
    """

    data_changed = Signal()
    settings_changed = Signal()

    def __init__(self, db_path: Path, settings_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db_files = (db_path, Path(f"{db_path}-wal"))
        self._settings = settings_path
        self._stamps = self._snapshot()
        self._lock = threading.Lock()
        self._known_data = self._data_stamps()
        self._known_settings = _stamp(settings_path)
        self._watcher = QFileSystemWatcher(self)
        self._data_timer = self._debouncer(self._report_data)
        self._settings_timer = self._debouncer(self._report_settings)
        self._watcher.fileChanged.connect(self._on_watcher_changed)
        self._watcher.directoryChanged.connect(self._on_watcher_changed)
        self._rewatch()

    def note_own_write(self) -> None:
        """Take the database as it is now as known: this process just wrote it (any thread)."""
        stamps = self._data_stamps()
        with self._lock:
            self._known_data = stamps

    def note_own_settings_write(self) -> None:
        """Take the settings file as it is now as known: this process just saved it."""
        self._known_settings = _stamp(self._settings)

    def _report_settings(self) -> None:
        stamp = _stamp(self._settings)
        if stamp is None or stamp == self._known_settings:
            return
        self._known_settings = stamp
        self.settings_changed.emit()

    def _data_stamps(self) -> tuple[Stamp, ...]:
        return tuple(_stamp(path) for path in self._db_files)

    def _debouncer(self, report: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(_DEBOUNCE_MS)
        timer.timeout.connect(report)
        return timer

    def _report_data(self) -> None:
        stamps = self._data_stamps()
        with self._lock:
            if stamps == self._known_data:
                return
            self._known_data = stamps
        self.data_changed.emit()

    def _snapshot(self) -> dict[Path, Stamp]:
        return {path: _stamp(path) for path in (*self._db_files, self._settings)}

    def _rewatch(self) -> None:
        folders = {self._db_files[0].parent, self._settings.parent}
        paths = {str(p) for p in [*self._db_files, self._settings, *folders] if p.exists()}
        missing = sorted(paths - set(self._watcher.files()) - set(self._watcher.directories()))
        if missing:
            self._watcher.addPaths(missing)

    @Slot(str)
    def _on_watcher_changed(self, _path: str) -> None:
        stamps = self._snapshot()
        changed = {path for path, stamp in stamps.items() if self._stamps.get(path) != stamp}
        self._stamps = stamps
        if self._settings in changed:
            self._settings_timer.start()
        if changed & set(self._db_files):
            self._data_timer.start()
        self._rewatch()
