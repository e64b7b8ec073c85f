"""Composition root of the GUI: window first, then data, tray companion and charts.

Start-up is ordered for a fast first paint: the window (or, when started at login, the tray
icon) appears from what costs nothing to read (settings, time zone), and only then are
SQLAlchemy and the database opened and the services attached. pyqtgraph loads later still,
when the dashboard first draws.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from focusapp.bootstrap import AppContext
    from focusapp.settings.store import SettingsStore
    from focusapp.settings.values import Settings
    from focusapp.storage.safety import NewerDatabase
    from focusapp.system.paths import AppPaths
    from focusapp.ui.main_window import MainWindow
    from focusapp.ui.shell import Shell
    from focusapp.ui.tray import TrayIcon
    from focusapp.ui.workers import BackgroundRunner

logger = logging.getLogger(__name__)

EXIT_AFTER_READY_ENV: Final = "FOCUSAPP_EXIT_AFTER_READY"
#: With ``1``, print ``mark <name> <seconds>`` lines at start-up milestones (benchmarks).
MARKS_ENV: Final = "FOCUSAPP_STARTUP_MARKS"

_STARTED = time.perf_counter()


def mark(name: str) -> None:
    """Print a start-up milestone when benchmarking (never otherwise)."""
    if os.environ.get(MARKS_ENV) == "1":
        print(f"mark {name} {time.perf_counter() - _STARTED:.4f}", flush=True)  # noqa: T201


def missing_display() -> str | None:
    """Return why no window can be shown here, or ``None`` when a display is available.

    Qt aborts with a misleading message about xcb plugins when there is no display at all,
    so the missing display is named first. Only X11/Wayland desktops need one named in the
    environment; an explicit ``QT_QPA_PLATFORM`` (offscreen, vnc...) is trusted.
    """
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    if os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY"):
        return None
    if os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display to show the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
        "start FocusApp from your desktop session, or use the command line: focusapp --help"
    )


def _make_application() -> QApplication:
    # pyqtgraph would pick PyQt6 first if both were installed.
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from focusapp import APP_ID
    from focusapp.system.resources import icon_path

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName("FocusApp")
    app.setOrganizationName("FocusApp")
    app.setApplicationDisplayName("FocusApp")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(icon_path("focusapp.svg"))))
    from focusapp.ui.translations import install_translators

    install_translators(app)
    return app


def apply_theme(theme: str) -> None:
    """Apply the ``ui.theme`` setting before the window exists (see :mod:`focusapp.ui.theme`)."""
    from focusapp.ui.theme import apply_theme as apply

    apply(theme)


def _show_fatal(message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None, "FocusApp cannot start", message)


def run_gui(
    data_dir: str | Path | None = None, *, autostart: bool = False, tray_window: bool = False
) -> int:
    """Start FocusApp's window and tray companion; return the process exit status.

    With a tray host, this process becomes the light tray (:mod:`focusapp.ui.tray_app`) and
    the window runs in a child process started with ``tray_window``. Without one (or with
    the tray icon turned off, or ``FOCUSAPP_EXIT_AFTER_READY=1``), window and companion
    share this process.

    Args:
        data_dir: The ``--data-dir`` option, or ``None`` for the platform folders.
        autostart: Started by the login entry: start hidden in the tray, waiting up to
            :data:`~focusapp.ui.shell.TRAY_WAIT_SECONDS` for a tray host before showing the window.
        tray_window: This process is the window of a light tray that started it.
    """
    from focusapp.settings.store import SettingsStore
    from focusapp.system.paths import resolve_paths

    problem = missing_display()
    if problem is not None:
        print(f"focusapp: {problem}", file=sys.stderr)  # noqa: T201 - no window can exist
        return 2
    app = _make_application()
    # "1": quit once the window has painted with the data; "tray": once the tray icon is up
    # with the data (benchmarks and smoke tests).
    exit_mode = os.environ.get(EXIT_AFTER_READY_ENV, "")
    exit_after_ready = exit_mode in ("1", "tray")

    from focusapp.domain.errors import StorageError
    from focusapp.ui.single_instance import SingleInstance, activate_running, server_name

    try:
        paths = resolve_paths(data_dir)
    except StorageError as error:
        print(f"focusapp: {error}", file=sys.stderr)  # noqa: T201 - before any window exists
        return 2
    name = server_name(paths.data_dir)
    if not tray_window and not exit_after_ready and activate_running(name):
        print("FocusApp is already running; its window was brought to the front.")  # noqa: T201
        return 0
    store = SettingsStore(paths.config_file)
    settings = store.load()
    apply_theme(settings.theme)
    in_tray = autostart or exit_mode == "tray"
    tray_wanted = settings.tray_icon and exit_mode != "1" and not tray_window
    if tray_wanted and _tray_host_present():
        return _run_light_tray(
            app,
            data_dir,
            paths,
            store,
            name,
            show_window=not in_tray,
            exit_after_ready=exit_after_ready,
        )
    launcher = _Launcher(
        app,
        data_dir,
        paths,
        settings,
        autostart=in_tray,
        exit_after_ready=exit_after_ready,
        tray_wanted=tray_wanted,
        tray_link=name if tray_window else None,
    )
    from focusapp.ui.quit_signals import QuitOnSignals

    quit_on_signals = QuitOnSignals(app)
    launcher.begin()
    # The window of a light tray answers its tray alone: the tray holds the name.
    instance = None if tray_window else SingleInstance(name)
    if instance is not None:
        instance.activation_requested.connect(launcher.bring_to_front)
    status = app.exec()
    launcher.finish()
    if instance is not None:
        instance.close()
    quit_on_signals.restore()
    return launcher.status if launcher.status else status


def _tray_host_present() -> bool:
    from PySide6.QtWidgets import QSystemTrayIcon

    return QSystemTrayIcon.isSystemTrayAvailable()


def _run_light_tray(
    app: QApplication,
    data_dir: str | Path | None,
    paths: AppPaths,
    store: SettingsStore,
    name: str,
    *,
    show_window: bool,
    exit_after_ready: bool,
) -> int:
    """Run the light tray process: the icon first, then its reads, commands and window."""
    from PySide6.QtCore import QTimer

    from focusapp.ui.quit_signals import QuitOnSignals
    from focusapp.ui.single_instance import SingleInstance
    from focusapp.ui.tray import TrayIcon, TrayStatus

    tray = TrayIcon(TrayStatus)
    tray.show()
    mark("tray_visible")
    from focusapp.ui.tray_app.light_tray import LightTray

    instance = SingleInstance(name)
    light = LightTray(data_dir, paths, store, tray, instance, app)
    if exit_after_ready:

        def ready() -> None:
            mark("ready")
            QTimer.singleShot(0, app.quit)

        light.ready.connect(ready)
    quit_on_signals = QuitOnSignals(app)
    QTimer.singleShot(0, lambda: light.start(show_window=show_window))
    status = app.exec()
    light.finish()
    instance.close()
    quit_on_signals.restore()
    return status


class _Launcher:
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

    def open_data(self, newer_database: NewerDatabase = "refuse") -> None:
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
            lambda: open_context(data_dir, newer_database=newer_database, keep_days=True),
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
        self.shell = _build(context, self.app, self)
        if self.closed_early:
            self.shell.companion.say_still_running()
        if self.tray_link is not None:
            from focusapp.ui.tray_window import TrayLink

            TrayLink(self.tray_link, self.shell, self.shell)

    def _on_open_failed(self, error: Exception) -> None:
        from focusapp.domain.errors import DatabaseTooNewError, StorageError

        print(f"focusapp: {error}", file=sys.stderr)  # noqa: T201 - also shown in a dialog
        if isinstance(error, DatabaseTooNewError) and self._set_aside_newer_agreed(error):
            self.open_data(newer_database="set_aside")
            return
        if not isinstance(error, DatabaseTooNewError | StorageError | OSError):
            logger.error("the data could not be opened", exc_info=error)
        if not self.exit_after_ready and not isinstance(error, DatabaseTooNewError):
            _show_fatal(str(error))
        self.status = 2
        self.app.quit()

    def _set_aside_newer_agreed(self, error: Exception) -> bool:
        """Ask before setting a newer FocusApp's database aside (never when quitting at ready)."""
        from focusapp.ui.recovery import ask_set_aside_newer_database

        return not self.exit_after_ready and ask_set_aside_newer_database(str(error), self.window)

    def bring_to_front(self) -> None:
        if self.shell is not None:
            self.shell.companion.open_dashboard()
        elif self.window is not None:
            self.window.show()

    def finish(self) -> None:
        if self.shell is not None:
            self.shell.companion.remember()
        if self.window is not None:
            self.window.save_geometry()
            self.window.shutdown_workers()  # before the database closes
        if self.context is not None:
            from focusapp.ui.shell import finish_data

            finish_data(self.context, self.window, ask=not self.exit_after_ready)


def _build(context: AppContext, app: QApplication, launcher: _Launcher) -> Shell:
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
