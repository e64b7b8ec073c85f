"""Notice when another process (``focusapp log``, ``config set``) changes data or settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, SignalInstance, Slot

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

    Signals:
        data_changed: The database was written (perhaps by this process).
        settings_changed: The settings file was replaced or edited.
    """

    data_changed = Signal()
    settings_changed = Signal()

    def __init__(self, db_path: Path, settings_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db_files = (db_path, Path(f"{db_path}-wal"))
        self._settings = settings_path
        self._stamps = self._snapshot()
        self._watcher = QFileSystemWatcher(self)
        self._data_timer = self._debouncer(self.data_changed)
        self._settings_timer = self._debouncer(self.settings_changed)
        self._watcher.fileChanged.connect(self._on_watcher_changed)
        self._watcher.directoryChanged.connect(self._on_watcher_changed)
        self._rewatch()

    def _debouncer(self, signal: SignalInstance) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(_DEBOUNCE_MS)
        timer.timeout.connect(signal.emit)
        return timer

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
        if self._settings in changed and stamps[self._settings] is not None:
            self._settings_timer.start()
        if changed & set(self._db_files):
            self._data_timer.start()
        self._rewatch()
