"""Starting the window and its companion in one process: window first, then the data.

Start-up is ordered for a fast first paint: the window (or, when started at login without a
light tray, the tray icon) appears from what costs nothing to read (settings, time zone), and
only then are SQLAlchemy and the database opened on a worker and the services attached.
pyqtgraph loads later still, when the dashboard first draws.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from focusapp.system.startup import mark

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from focusapp.bootstrap import AppContext
    from focusapp.settings.values import Settings
    from focusapp.system.paths import AppPaths
    from focusapp.ui.main_window import MainWindow
    from focusapp.ui.shell import Shell
    from focusapp.ui.tray import TrayIcon
    from focusapp.ui.workers import BackgroundRunner

logger = logging.getLogger(__name__)


def show_fatal(message: str) -> None:
    """Say why FocusApp cannot start, in a dialog (the same line went to stderr)."""
    from PySide6.QtWidgets import QMessageBox

    from focusapp.wording.translate import translate

    QMessageBox.critical(None, translate("Launcher", "FocusApp cannot start"), message)


class Launcher:
    """Shows the window (or tray) first, then opens the data and builds the companion."""

    def __init__(
        self,
        app: QApplication,
        data_dir: str | Path | None,
        paths: AppPaths,
        settings: Settings,
        *,
        autostart: bool,
        exit_after_ready: bool,
        tray_wanted: bool,
        tray_link: str | None = None,
    ) -> None:
        self.app = app
        self.tray_link = tray_link
        self.data_dir = data_dir
        self.paths = paths
        self.settings = settings
        self.autostart = autostart
        self.exit_after_ready = exit_after_ready
        self.tray_wanted = tray_wanted
        self.context: AppContext | None = None
        self.shell: Shell | None = None
        self.window: MainWindow | None = None
        self.early_tray: TrayIcon | None = None
        self.opener: BackgroundRunner | None = None
        self.closed_early = False
        self.status = 0

    def begin(self) -> None:
        """Show the tray icon (started at login) or the window, then open the data."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QSystemTrayIcon

        hidden = self.autostart and self.tray_wanted and QSystemTrayIcon.isSystemTrayAvailable()
        if hidden:
            # The icon first: the hidden window is built after it, with the data.
            from focusapp.ui.tray import TrayIcon, TrayStatus

            self.early_tray = TrayIcon(TrayStatus)
            self.early_tray.show()
            mark("tray_visible")
            QTimer.singleShot(0, self.open_data)
        else:
            window = self._make_window()
            window.ready.connect(self._on_first_paint)
            window.show()

    def _make_window(self) -> MainWindow:
        """Build the main window (hidden) on the day the clock says it is."""
        from PySide6.QtGui import QGuiApplication

        from focusapp.domain.clock import SystemClock
        from focusapp.domain.days import local_day
        from focusapp.system.zone import detect_zone
        from focusapp.ui.main_window import MainWindow

        today = local_day(SystemClock().now(), detect_zone(), self.settings.day_start_hour)
        self.window = MainWindow(None, self.paths.config_file.parent / "window.ini", today=today)
        # Until the companion decides (once the data is open), closing keeps FocusApp
        # running when its reminders are on, as the companion would (not a tray's window).
        keep = self.tray_link is None and bool(self.settings.workdays)
        self.window.hide_on_close = keep
        QGuiApplication.setQuitOnLastWindowClosed(not keep)
        self.window.hidden_to_tray.connect(self._on_window_hidden_early)
        return self.window

    def _on_window_hidden_early(self) -> None:
        """Closed before the companion was there: it says so once it is (see _on_data_open)."""
        self.closed_early = self.shell is None

    def _on_first_paint(self) -> None:
        from PySide6.QtCore import QTimer

        mark("first_paint")
        if self.window is not None:
            self.window.ready.disconnect(self._on_first_paint)
        # Let the paint reach the screen before the database work starts.
        QTimer.singleShot(0, self.open_data)

    def open_data(self, *, set_aside_newer: bool = False) -> None:
        """Open (check, migrate, back up) the database on a worker; build the shell after.

        The tray icon or the window is up already and keeps answering while the integrity
        check, a due migration and the start-up backup run.
        """
        from focusapp.bootstrap import open_context
        from focusapp.ui.workers import BackgroundRunner

        if self.opener is None:
            self.opener = BackgroundRunner(self.app, name="focusapp-open")
        data_dir = self.data_dir
        self.opener.run_in_background(
            lambda: open_context(
                data_dir,
                newer_database="set_aside" if set_aside_newer else "refuse",
                keep_days=True,
            ),
            self._on_data_open,
            self._on_open_failed,
        )

    def _on_data_open(self, context: AppContext) -> None:
        if self.opener is not None:
            self.opener.shutdown(wait=False)
            self.opener = None
        self.context = context
        mark("data_open")
        if self.window is None:
            self._make_window()
        self.shell = build_shell(context, self.app, self)
        if self.closed_early:
            self.shell.companion.say_still_running()
        if self.tray_link is not None:
            from focusapp.ui.tray_window import TrayLink

            TrayLink(self.tray_link, self.shell, self.shell)

    def _on_open_failed(self, error: Exception) -> None:
        from focusapp.domain.errors import DatabaseTooNewError, StorageError

        print(f"focusapp: {error}", file=sys.stderr)  # noqa: T201 - also shown in a dialog
        if isinstance(error, DatabaseTooNewError) and self._set_aside_newer_agreed(error):
            self.open_data(set_aside_newer=True)
            return
        if not isinstance(error, DatabaseTooNewError | StorageError | OSError):
            logger.error("the data could not be opened", exc_info=error)
        if not self.exit_after_ready and not isinstance(error, DatabaseTooNewError):
            show_fatal(str(error))
        self.status = 2
        self.app.quit()

    def _set_aside_newer_agreed(self, error: Exception) -> bool:
        """Ask before setting a newer FocusApp's database aside (never when quitting at ready)."""
        from focusapp.ui.recovery import ask_set_aside_newer_database

        return not self.exit_after_ready and ask_set_aside_newer_database(str(error), self.window)

    def bring_to_front(self) -> None:
        """Another launch asked for the window."""
        if self.shell is not None:
            self.shell.companion.open_dashboard()
        elif self.window is not None:
            self.window.show()

    def finish(self) -> None:
        """After the event loop: save state and geometry, back up (or wipe), close the data."""
        if self.shell is not None:
            self.shell.companion.remember()
        if self.window is not None:
            self.window.save_geometry()
            self.window.shutdown_workers()  # before the database closes
        if self.context is not None:
            from focusapp.ui.shell import finish_data

            finish_data(self.context, self.window, ask=not self.exit_after_ready)


def build_shell(context: AppContext, app: QApplication, launcher: Launcher) -> Shell:
    """Attach the open data to the window and start; when quitting at ready, quit then."""
    from PySide6.QtCore import QTimer

    from focusapp.ui.shell import Shell

    window = launcher.window
    assert window is not None, "begin() builds the window first"
    shell = Shell(
        context,
        window,
        want_tray=context.settings.tray_icon and launcher.tray_wanted,
        remind=launcher.tray_link is None,
        early_tray=launcher.early_tray,
        ask=not launcher.exit_after_ready,
        parent=app,
    )
    if shell.want_tray and shell.companion.tray is None:
        shell.wait_for_tray(show_window_at_end=launcher.autostart)
    if not launcher.exit_after_ready:
        shell.start()
        return shell

    def ready() -> None:
        if window.isVisible():
            window.repaint()
        mark("ready")
        QTimer.singleShot(0, app.quit)

    # Ready means the window, or the tray with today's figures read, shows the user's data.
    if window.isVisible() or shell.companion.tray is None:
        ready()
    else:
        shell.companion.facts_shown.connect(ready)
        shell.companion.refresh_soon()
    return shell
