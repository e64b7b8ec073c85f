"""Composition root of the GUI: single instance, context, window, tray companion.

Heavy modules stay lazy: the database and window come first, the tray icon as soon as the
event loop runs, and charts only when the dashboard needs them.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from focusapp.context import AppContext
    from focusapp.ui.companion import Companion

logger = logging.getLogger(__name__)

EXIT_AFTER_READY_ENV: Final = "FOCUSAPP_EXIT_AFTER_READY"
APP_ID: Final = "io.github.focusapp.FocusApp"
#: How long to wait for a tray host after login before running as a plain window app.
TRAY_WAIT_SECONDS: Final = 30


def _make_application() -> QApplication:
    # pyqtgraph would pick PyQt6 first if both were installed.
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from focusapp.resources import icon_path

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName("FocusApp")
    app.setOrganizationName("FocusApp")
    app.setApplicationDisplayName("FocusApp")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(icon_path("focusapp.svg"))))
    return app


def _show_fatal(message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None, "FocusApp cannot start", message)


def run_gui(data_dir: str | Path | None = None, *, autostart: bool = False) -> int:
    """Start FocusApp's window and tray companion; return the process exit status.

    Args:
        data_dir: The ``--data-dir`` option, or ``None`` for the platform folders.
        autostart: Started by the login entry: start hidden in the tray, waiting up to
            :data:`TRAY_WAIT_SECONDS` for a tray host before showing the window instead.
    """
    from focusapp.context import open_context
    from focusapp.domain.errors import StorageError
    from focusapp.paths import resolve_paths
    from focusapp.storage.migrate import DatabaseTooNewError

    app = _make_application()
    exit_after_ready = os.environ.get(EXIT_AFTER_READY_ENV) == "1"

    from focusapp.ui.single_instance import SingleInstance, activate_running, server_name

    name = server_name(resolve_paths(data_dir).data_dir)
    if not exit_after_ready and activate_running(name):
        logger.info("FocusApp is already running; brought it to the front")
        return 0
    try:
        context = open_context(data_dir)
    except (DatabaseTooNewError, StorageError, OSError) as error:
        print(f"focusapp: {error}", file=sys.stderr)  # noqa: T201 - also shown in a dialog
        if not exit_after_ready:
            _show_fatal(str(error))
        return 2
    instance = SingleInstance(name)
    companion = _build(context, app, autostart=autostart, exit_after_ready=exit_after_ready)
    instance.activation_requested.connect(companion.open_dashboard)
    status = app.exec()
    companion.reminders.remember()
    companion.window.save_geometry()
    instance.close()
    context.close()
    return status


def _build(
    context: AppContext, app: QApplication, *, autostart: bool, exit_after_ready: bool
) -> Companion:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QSystemTrayIcon

    from focusapp.services.app_state import AppStateStore
    from focusapp.ui.companion import Companion
    from focusapp.ui.data_watcher import DataWatcher
    from focusapp.ui.main_window import MainWindow

    window = MainWindow(context.checkins, context.paths.config_file.parent / "window.ini")
    want_tray = context.settings.tray_icon and not exit_after_ready
    tray_now = want_tray and QSystemTrayIcon.isSystemTrayAvailable()
    companion = Companion(
        window,
        context.checkins,
        context.focus,
        context.risk,
        lambda: context.settings,
        AppStateStore(context.paths.state_file),
        context.clock,
        use_tray=tray_now,
        parent=app,
    )
    app.setQuitOnLastWindowClosed(not tray_now)

    watcher = DataWatcher(context.paths.db_path, context.paths.config_file, companion)

    def on_data_changed() -> None:
        context.checkins.notify_external_change()
        window.refresh()
        companion.refresh()

    def on_settings_changed() -> None:
        context.reload_settings()
        context.checkins.notify_external_change()
        companion.refresh()

    watcher.data_changed.connect(on_data_changed)
    watcher.settings_changed.connect(on_settings_changed)
    window.settings_requested.connect(lambda: _open_settings(context, companion))
    if companion.tray is not None:
        companion.tray.settings_requested.connect(lambda: _open_settings(context, companion))

    if exit_after_ready:
        window.ready.connect(app.quit)
    if not (autostart and tray_now):
        window.show()
    if want_tray and not tray_now:
        _wait_for_tray(context, app, companion, show_window_at_end=autostart)
    QTimer.singleShot(0, companion.start)
    return companion


def _wait_for_tray(
    context: AppContext, app: QApplication, companion: Companion, *, show_window_at_end: bool
) -> None:
    """Poll, for at most 30 s after login, for a tray host that is still starting."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QSystemTrayIcon

    attempts = {"left": TRAY_WAIT_SECONDS}
    timer = QTimer(companion)
    timer.setInterval(1000)

    def check() -> None:
        attempts["left"] -= 1
        if QSystemTrayIcon.isSystemTrayAvailable():
            timer.stop()
            companion.enable_tray()
            app.setQuitOnLastWindowClosed(False)
            if companion.tray is not None:
                companion.tray.settings_requested.connect(
                    lambda: _open_settings(context, companion)
                )
            companion.refresh()
        elif attempts["left"] <= 0:
            timer.stop()
            logger.info("no system tray appeared; running as a window app")
            if show_window_at_end:
                companion.open_dashboard()

    timer.timeout.connect(check)
    timer.start()


def _open_settings(context: AppContext, companion: Companion) -> None:
    """Show the settings dialog; save what the user accepted and apply it at once."""
    from PySide6.QtWidgets import QDialog, QMessageBox

    from focusapp.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(context.settings, companion.window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    chosen = dialog.result_settings()
    if chosen is None:
        return
    if chosen.start_at_login != context.settings.start_at_login:
        from focusapp.autostart import for_platform

        try:
            entry = for_platform(data_dir=context.paths.data_dir)
            entry.enable() if chosen.start_at_login else entry.disable()
        except OSError as error:
            QMessageBox.warning(companion.window, "Start at login", f"Not changed: {error}")
            return
    try:
        context.settings_store.save(chosen)
    except OSError as error:
        QMessageBox.warning(companion.window, "Settings not saved", f"Not saved: {error}")
        return
    context.settings = chosen
    context.checkins.notify_external_change()
    companion.refresh()
