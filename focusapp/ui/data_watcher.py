"""Notice when another process (``focusapp log``, ``config set``) changes data or settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, SignalInstance, Slot

_DEBOUNCE_MS = 250


class DataWatcher(QObject):
    """Watches the database, its WAL and the settings file without polling.

    Several writes in a burst are folded into one signal.

    Signals:
        data_changed: The database was written (perhaps by this process).
        settings_changed: The settings file was replaced or edited.
    """

    data_changed = Signal()
    settings_changed = Signal()

    def __init__(self, db_path: Path, settings_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db_files = [db_path, Path(f"{db_path}-wal")]
        self._settings = settings_path
        self._watcher = QFileSystemWatcher(self)
        self._data_timer = self._debouncer(self.data_changed)
        self._settings_timer = self._debouncer(self.settings_changed)
        self._watcher.fileChanged.connect(self._on_watcher_changed)
        # Folders are watched too: an atomic replace or a recreated WAL is a new file.
        self._watcher.directoryChanged.connect(self._on_watcher_changed)
        self._rewatch()

    def _debouncer(self, signal: SignalInstance) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(_DEBOUNCE_MS)
        timer.timeout.connect(signal.emit)
        return timer

    def _rewatch(self) -> None:
        folders = {self._db_files[0].parent, self._settings.parent}
        paths = {str(p) for p in [*self._db_files, self._settings, *folders] if p.exists()}
        missing = sorted(paths - set(self._watcher.files()) - set(self._watcher.directories()))
        if missing:
            self._watcher.addPaths(missing)

    @Slot(str)
    def _on_watcher_changed(self, path: str) -> None:
        changed = Path(path)
        if changed in (self._settings, self._settings.parent) and self._settings.exists():
            self._settings_timer.start()
        if changed in (*self._db_files, self._db_files[0].parent):
            self._data_timer.start()
        self._rewatch()
