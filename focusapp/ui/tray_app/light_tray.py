"""The light tray process put together around its icon: reads, commands, window, watcher.

Built once the icon is up (see :func:`focusapp.app.run_gui`). Its start opens the data the
way every start does (integrity check, upgrades, the day's first backup) with ``focusapp
check`` in a child process, so none of that is paid for in the tray's own memory; then it
reads today and arms the reminders.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, Signal, Slot

from focusapp.domain.clock import SystemClock
from focusapp.services.app_state import AppStateStore
from focusapp.services.light_days import LightDays
from focusapp.system.relaunch import CHECK_PHRASES_FLAG, own_command
from focusapp.system.zone import detect_zone
from focusapp.ui.data_watcher import DataWatcher
from focusapp.ui.line_channel import Message
from focusapp.ui.notifications import DEFAULT_ACTION
from focusapp.ui.reminder_notices import REMINDER_TIMEOUT_MS
from focusapp.ui.theme import apply_theme
from focusapp.ui.tray_app.commands import CommandRunner
from focusapp.ui.tray_app.companion import LightCompanion
from focusapp.ui.tray_app.window_process import WindowProcess
from focusapp.wording.translate import translate

if TYPE_CHECKING:
    from pathlib import Path

    from focusapp.settings.store import SettingsStore
    from focusapp.settings.values import Settings
    from focusapp.system.paths import AppPaths
    from focusapp.ui.single_instance import SingleInstance
    from focusapp.ui.tray import TrayIcon

logger = logging.getLogger(__name__)

_STARTUP_KEY: Final = "startup"


class LightTray(QObject):
    """FocusApp's always-on part when a tray host is there.

    Signals:
        ready: The tray shows today's facts (read after the start's check).
    """

    ready = Signal()

    def __init__(
        self,
        data_dir: str | Path | None,
        paths: AppPaths,
        settings_store: SettingsStore,
        settings: Settings,
        tray: TrayIcon,
        instance: SingleInstance,
        parent: QObject | None = None,
    ) -> None:
        """Wire the tray shown already to the data of ``paths`` (``data_dir`` as given).

        ``settings`` are those the start read from ``settings_store``, which is read again
        when the file changes.
        """
        super().__init__(parent)
        self._store = settings_store
        self._settings = settings
        command = own_command() + ([] if data_dir is None else ["--data-dir", str(data_dir)])
        clock = SystemClock()
        days = LightDays(paths.db_path, clock, detect_zone(), lambda: self._settings.day_start_hour)
        self.commands = CommandRunner(command, self)
        self.windows = WindowProcess(command, instance, self)
        self.companion = LightCompanion(
            days,
            self.commands,
            self.windows,
            self.settings,
            AppStateStore(paths.state_file),
            clock,
            parent=self,
        )
        self.companion.enable_tray(tray)
        tray.settings_requested.connect(self.companion.open_settings)
        instance.activation_requested.connect(self.companion.open_dashboard)
        self.companion.facts_shown.connect(self.ready)
        self.watcher = DataWatcher(paths.db_path, paths.config_file, self)
        self.watcher.data_changed.connect(self.companion.data_changed)
        self.watcher.settings_changed.connect(self._on_watcher_settings_changed)

    def settings(self) -> Settings:
        """The settings as last read from the file."""
        return self._settings

    def start(self, *, show_window: bool) -> None:
        """Check the data in a child, then read today; ``show_window`` opens the window too."""
        if show_window:
            self.companion.open_checkin()
        self.commands.run(["check", CHECK_PHRASES_FLAG], self._on_checked, self._on_check_failed)

    def finish(self) -> None:
        """After the event loop: let writes finish, save the reminders, end the window."""
        self.commands.finish()
        self.companion.remember()
        self.windows.end()

    def _on_checked(self, output: str) -> None:
        """Tell what the start's check found (nothing when all was well), in the user's words."""
        lines = [line for line in output.splitlines() if line.strip()]
        if lines:
            from focusapp.wording.phrase_lines import said_line  # only when there is news

            report = "\n".join(said_line(line) for line in lines)
            title = translate("Companion", "FocusApp checked your data")
            actions = ((DEFAULT_ACTION, translate("Notification", "Show me")),)
            notify = self.companion.notifier.notify
            notify(_STARTUP_KEY, title, report, actions, timeout_ms=REMINDER_TIMEOUT_MS)
        self.companion.start()

    def _on_check_failed(self, problem: str) -> None:
        """The data could not be opened: the window explains, with the choices it offers."""
        logger.error("the data could not be opened: %s", problem)
        self.windows.show(Message.SHOW_DASHBOARD)
        self.companion.start()

    @Slot()
    def _on_watcher_settings_changed(self) -> None:
        try:
            self._settings = self._store.load()
        except OSError as error:
            logger.warning("settings not re-read: %s", error)
            return
        apply_theme(self._settings.theme)  # the tray's own dialogs follow it too
        self.companion.update_keep_running()
        self.companion.refresh_soon()  # the day start or the reminder time may have moved
