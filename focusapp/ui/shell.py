"""Everything the running app wires around the window: tray companion, watchers, settings.

:mod:`focusapp.app` makes the QApplication, shows the window first and opens the data; then
:class:`Shell` connects the services to the window, the tray companion, the file watcher
and the calendar watch, and owns the flows between them (applying the settings dialog,
waiting for a tray host after login, the quit backup or the wipe). Every change travels
the one path of :class:`~focusapp.ui.change_hub.ChangeHub`.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QDialog, QMessageBox, QSystemTrayIcon

from focusapp.services.app_state import AppStateStore
from focusapp.services.changes import ChangeKind
from focusapp.services.wipe import DataWiper
from focusapp.ui.calendar_owner import OwnerQuestion
from focusapp.ui.calendar_watch import CalendarImporter, CalendarWatch
from focusapp.ui.companion import Companion
from focusapp.ui.data_watcher import DataWatcher
from focusapp.ui.theme import apply_theme
from focusapp.wording.translate import translate

if TYPE_CHECKING:
    from focusapp.bootstrap import AppContext
    from focusapp.services.changes import Changes
    from focusapp.ui.change_hub import ChangeHub
    from focusapp.ui.main_window import MainWindow
    from focusapp.ui.tray import TrayIcon

logger = logging.getLogger(__name__)

# How long to wait for a tray host after login before running as a plain window app.
TRAY_WAIT_SECONDS: Final = 30


class Shell(QObject):
    """The running app around ``window``: built once the data is open.

    Attributes:
        companion: The tray companion (reminders, focus sessions, the tray icon).
        hub: The window's change hub, which every view listens to.
        watcher: Notices other processes' writes to the database and the settings.
        calendar_watch: Re-imports the calendars the user follows when they change.
    """

    def __init__(
        self,
        context: AppContext,
        window: MainWindow,
        *,
        want_tray: bool,
        remind: bool = True,
        early_tray: TrayIcon | None = None,
        ask: bool = True,
        parent: QObject | None = None,
    ) -> None:
        """Attach ``context``'s services to ``window`` and wire everything to one change path.

        Args:
            context: The open profile.
            window: The main window, shown already.
            want_tray: Whether the user wants a tray icon (and one may appear).
            remind: Whether this process reminds (not the window of a light tray).
            early_tray: A tray icon shown before the data was opened (start at login).
            ask: Whether to show dialogs (``False`` for a start that quits when ready).
            parent: The Qt parent (the application).
        """
        super().__init__(parent)
        self.context = context
        self.window = window
        window.attach(context.checkins)
        window.attach_dashboard(context.stats)
        window.attach_lookahead(context.lookahead, lambda: context.settings.forecast_days)
        self._attach_data_safety(ask=ask)
        hub = window.hub
        assert hub is not None, "attach() builds the hub"
        self.hub: ChangeHub = hub
        self.want_tray = want_tray
        tray_now = want_tray and QSystemTrayIcon.isSystemTrayAvailable()
        self.companion = Companion(
            window,
            context.checkins,
            context.focus,
            context.risk,
            lambda: context.settings,
            AppStateStore(context.paths.state_file),
            context.clock,
            use_tray=tray_now,
            remind=remind,
            tray=early_tray,
            parent=self,
        )  # it decides whether closing the window quits (update_keep_running)
        self.watcher = DataWatcher(context.paths.db_path, context.paths.config_file, self)
        hub.on_own_write(self.watcher.note_own_write)
        self.watcher.data_changed.connect(hub.note_external)
        self.watcher.settings_changed.connect(self._on_watcher_settings_changed)
        self.calendar_watch = self._watch_calendars()
        hub.changes_applied.connect(self._on_hub_changes_applied)
        window.settings_requested.connect(self.open_settings)
        self._connect_tray()

    def _watch_calendars(self) -> CalendarWatch:
        """Wire the calendar import (menu, Add calendar) and the watch of followed files."""
        context, window = self.context, self.window
        importer = CalendarImporter(context.calendar, self, context.sources, window.runner)
        window.calendar.attach(context.calendar, importer, self.hub)
        window.calendar.ask_owner_with(OwnerQuestion(context))  # "Which address is yours?"
        window.add_calendar.attach(context.sources)
        watch = CalendarWatch(importer, lambda: context.settings, self)
        window.add_calendar.added.connect(watch.sources_changed)
        # A source added or removed from the command line is followed too.
        self.watcher.data_changed.connect(watch.sources_changed)
        watch.failed.connect(window.calendar.show_problem)
        return watch

    def _connect_tray(self) -> None:
        if self.companion.tray is not None:
            self.companion.tray.settings_requested.connect(self.open_settings)

    def start(self) -> None:
        """Begin: recover a focus session, show today, arm reminders, follow calendars."""
        QTimer.singleShot(0, self.calendar_watch.start)
        QTimer.singleShot(0, self.companion.start)
        if self.want_tray and self.companion.tray is None:
            self.wait_for_tray(show_window_at_end=not self.window.isVisible())

    # --- changes ----------------------------------------------------------------------------

    @Slot(object, object)
    def _on_hub_changes_applied(self, changes: Changes, _initiator: object | None) -> None:
        """New settings (saved here or re-read from the file) reach the calendar watch."""
        if changes.touches(ChangeKind.SETTINGS) and not changes.external:
            self.calendar_watch.settings_changed()

    @Slot()
    def _on_watcher_settings_changed(self) -> None:
        self.context.reload_settings()  # publishes the change: the day start may have moved
        apply_theme(self.context.settings.theme)

    # --- flows ------------------------------------------------------------------------------

    @Slot()
    def open_settings(self) -> None:
        """Show the settings dialog; save what the user accepted and apply it at once."""
        from focusapp.ui.settings.dialog import SettingsDialog

        context, window = self.context, self.window
        dialog = SettingsDialog(context.settings, window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        chosen = dialog.result_settings()
        if chosen is None:
            return
        if chosen.start_at_login != context.settings.start_at_login:
            from focusapp.system.autostart.choose import for_platform
            from focusapp.system.autostart.common import profile_data_dir

            try:
                entry = for_platform(profile_data_dir(context.paths))
                entry.enable() if chosen.start_at_login else entry.disable()
            except OSError as error:
                QMessageBox.warning(
                    window,
                    self.tr("Start at login"),
                    self.tr("Not changed: {error}").format(error=error),
                )
                return
        try:
            context.settings_store.update(chosen, context.settings)
        except OSError as error:
            QMessageBox.warning(
                window,
                self.tr("Settings not saved"),
                self.tr("Not saved: {error}").format(error=error),
            )
            return
        self.watcher.note_own_settings_write()
        context.use_settings(chosen)  # publishes the change: the views redraw from it
        apply_theme(chosen.theme)

    def wait_for_tray(self, *, show_window_at_end: bool) -> None:
        """Check each second, for at most 30 s after login, for a tray host still starting."""
        attempts = {"left": TRAY_WAIT_SECONDS}
        timer = QTimer(self)
        timer.setInterval(1000)
        companion = self.companion

        def check() -> None:
            attempts["left"] -= 1
            if QSystemTrayIcon.isSystemTrayAvailable():
                timer.stop()
                companion.enable_tray()
                self._connect_tray()
                companion.refresh()
            elif attempts["left"] <= 0:
                timer.stop()
                logger.info("no system tray appeared; reminders go to the notification service")
                if show_window_at_end:
                    companion.open_dashboard()

        timer.timeout.connect(check)
        timer.start()

    # --- data safety (backups, recovery, deleting all data) -----------------------------------

    def _attach_data_safety(self, *, ask: bool) -> None:
        """Enable the backup and delete-all actions; show what the start found, if anything."""
        context, window = self.context, self.window
        window.safety.attach(context.backups, DataWiper(context.paths))
        if ask and context.startup_report.messages:
            from focusapp.ui.recovery import show_startup_report

            report = context.startup_report
            QTimer.singleShot(0, lambda: show_startup_report(window, report, context.backups))


def finish_data(context: AppContext, window: MainWindow | None, *, ask: bool) -> None:
    """Make the quit backup, or delete every file when the user asked to.

    Runs after the event loop, once nothing else can write a file back.
    """
    if window is None or not window.safety.wipe_requested:
        context.backups.backup_on_quit()
        context.close()
        return
    from focusapp.domain.errors import StorageError

    context.close()
    try:
        result = DataWiper(context.paths).wipe()
    except StorageError as error:
        print(f"focusapp: {error}", file=sys.stderr)  # noqa: T201 - also shown in a dialog
        if ask:
            QMessageBox.warning(None, translate("Shell", "Nothing deleted"), f"{error}.")
        return
    print(f"focusapp: deleted {len(result.deleted)} files", file=sys.stderr)  # noqa: T201
    if ask:
        from focusapp.ui.recovery import show_wipe_result

        show_wipe_result(result)
