"""Composition root of the GUI: the application, then the light tray or the window.

It only decides which start this is and wires it: with a tray host, the light tray process
(:mod:`focusapp.ui.tray_app.start`), whose window is a child started with ``--tray-window``;
otherwise window and companion in one process (:mod:`focusapp.ui.launcher`).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from focusapp.system.startup import EXIT_AFTER_READY_ENV

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QApplication


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


def make_application() -> QApplication:
    """Return the QApplication every FocusApp process starts with: names, icon, translators.

    Benchmarks and test sessions start from it too, so they import and load what the app
    does at start, in the same order.
    """
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
    app = make_application()
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
    in_tray = autostart or exit_mode == "tray"
    tray_wanted = settings.tray_icon and exit_mode != "1" and not tray_window
    if tray_wanted and _tray_host_present():  # the light tray applies the theme after its icon
        from focusapp.ui.tray_app.start import run_light_tray

        return run_light_tray(
            app,
            data_dir,
            paths,
            store,
            name,
            settings,
            show_window=not in_tray,
            exit_after_ready=exit_after_ready,
        )
    apply_theme(settings.theme)
    from focusapp.ui.launcher import Launcher

    launcher = Launcher(
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
