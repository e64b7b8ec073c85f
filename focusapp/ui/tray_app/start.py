"""Running the light tray process: the icon first, then its reads, commands and window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from focusapp.system.startup import mark
from focusapp.ui.quit_signals import QuitOnSignals
from focusapp.ui.single_instance import SingleInstance
from focusapp.ui.tray import TrayIcon, TrayStatus

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from focusapp.settings.store import SettingsStore
    from focusapp.settings.values import Settings
    from focusapp.system.paths import AppPaths


def run_light_tray(
    app: QApplication,
    data_dir: str | Path | None,
    paths: AppPaths,
    store: SettingsStore,
    name: str,
    settings: Settings,
    *,
    show_window: bool,
    exit_after_ready: bool,
) -> int:
    """Run the light tray process: the icon first, then its reads, commands and window."""
    quit_on_signals = QuitOnSignals(app)  # a SIGTERM from here on quits cleanly
    tray = TrayIcon(TrayStatus)
    tray.show()
    mark("tray_visible")
    from focusapp.ui.theme import apply_theme

    apply_theme(settings.theme)  # for its dialogs; Qt's enums load after the icon is up
    from focusapp.ui.tray_app.light_tray import LightTray

    instance = SingleInstance(name)
    light = LightTray(data_dir, paths, store, settings, tray, instance, app)
    if exit_after_ready:

        def ready() -> None:
            mark("ready")
            QTimer.singleShot(0, app.quit)

        light.ready.connect(ready)
    QTimer.singleShot(0, lambda: light.start(show_window=show_window))
    status = app.exec()
    light.finish()
    instance.close()
    quit_on_signals.restore()
    return status
