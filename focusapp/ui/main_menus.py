"""The main window's menu bar: File, Day, Weeks and Help, with their actions and shortcuts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from focusapp import __version__
from focusapp.ui.add_calendar_dialog import AddCalendarAction
from focusapp.ui.calendar_actions import CalendarActions
from focusapp.ui.checkin_files import CheckInFiles
from focusapp.ui.lookahead_models import Tab
from focusapp.ui.safety_actions import SafetyActions

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QMenu

    from focusapp.services.checkins import CheckInService
    from focusapp.ui.main_window import MainWindow


class MainMenus(QObject):
    """Builds the window's menus; the window connects to what they ask for.

    The quit, settings and focus actions emit the window's own ``*_requested`` signals.

    Attributes:
        files: Import, export and the charts as PNG.
        safety: Restore from backup and delete all data (enabled by ``safety.attach``).
        calendar: Import calendar and the calendar of the form's day.
        add_calendar: Add a calendar to follow.
        weeks_actions: Next weeks, weekly review and insights (enabled later).
        data_actions: What needs the database open (see :meth:`set_data_enabled`).

    Signals:
        today_requested: Show today in the form.
        day_step_requested(int): Show the day this many days before or after the form's.
        lookahead_requested(Tab): Show the look-ahead window on this tab.
        calendar_imported: A calendar import or a new calendar stored data.
    """

    today_requested = Signal()
    day_step_requested = Signal(int)
    lookahead_requested = Signal(object)
    calendar_imported = Signal()

    def __init__(self, window: MainWindow, checkins: Callable[[], CheckInService]) -> None:
        super().__init__(window)
        self._window = window
        file_menu = window.menuBar().addMenu(self.tr("&File"))
        self.files = CheckInFiles(window, checkins)
        self.import_action = self.files.import_action
        self.export_action = self.files.export_action
        self.export_charts_action = self.files.export_charts_action
        quit_action = QAction(self.tr("&Quit"), window)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(window.quit_requested.emit)
        self.settings_action = QAction(self.tr("&Settings..."), window)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(window.settings_requested.emit)
        file_menu.addActions(self.files.actions())
        file_menu.addSeparator()
        self.safety = SafetyActions(window)
        file_menu.addActions(self.safety.actions())
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        day_menu = self._build_day_menu()
        self._build_calendar_actions(file_menu, day_menu)
        self._build_weeks_menu()
        help_menu = window.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About FocusApp"), window)
        about.triggered.connect(self._on_about_action_triggered)
        help_menu.addAction(about)
        self.data_actions = [
            self.import_action,
            self.export_action,
            self.focus_action,
            self.previous_day_action,
            self.next_day_action,
            self.today_action,
        ]

    def set_data_enabled(self, enabled: bool) -> None:
        """Enable or disable the actions that need the database."""
        for action in self.data_actions:
            action.setEnabled(enabled)

    def _build_day_menu(self) -> QMenu:
        """Add the Day menu: moving between days, the history and the focus session."""
        window = self._window
        day_menu = window.menuBar().addMenu(self.tr("&Day"))
        self.today_action = QAction(self.tr("&Today"), window)
        self.today_action.setShortcut(QKeySequence("Ctrl+T"))
        self.today_action.triggered.connect(self.today_requested.emit)
        self.previous_day_action = QAction(self.tr("&Previous day"), window)
        self.previous_day_action.setShortcuts([QKeySequence("Ctrl+["), QKeySequence("Alt+Left")])
        self.previous_day_action.triggered.connect(self._on_previous_day_action_triggered)
        self.next_day_action = QAction(self.tr("&Next day"), window)
        self.next_day_action.setShortcuts([QKeySequence("Ctrl+]"), QKeySequence("Alt+Right")])
        self.next_day_action.triggered.connect(self._on_next_day_action_triggered)
        history_action = QAction(self.tr("Go to &history"), window)
        history_action.setShortcut(QKeySequence("Ctrl+H"))
        history_action.triggered.connect(window.history.setFocus)
        self.focus_action = QAction(self.tr("Start &focus session"), window)
        self.focus_action.setShortcut(QKeySequence("Ctrl+F"))
        self.focus_action.triggered.connect(window.focus_toggle_requested.emit)
        day_menu.addActions(
            [self.previous_day_action, self.next_day_action, self.today_action, history_action]
        )
        day_menu.addSeparator()
        day_menu.addAction(self.focus_action)
        return day_menu

    def _build_weeks_menu(self) -> None:
        """Add the Weeks menu (enabled once the look-ahead service is attached)."""
        weeks_menu = self._window.menuBar().addMenu(self.tr("&Weeks"))
        self.weeks_actions: list[QAction] = []
        for text, key, tab in (
            (self.tr("&Next weeks..."), "Ctrl+Shift+N", Tab.NEXT_WEEKS),
            (self.tr("Weekly &review..."), "Ctrl+Shift+R", Tab.REVIEW),
            (self.tr("&Insights..."), "Ctrl+Shift+I", Tab.INSIGHTS),
        ):
            action = QAction(text, self._window)
            action.setShortcut(QKeySequence(key))
            action.setEnabled(False)
            action.triggered.connect(
                lambda _checked=False, tab=tab: self.lookahead_requested.emit(tab)
            )
            self.weeks_actions.append(action)
        weeks_menu.addActions(self.weeks_actions)

    def _build_calendar_actions(self, file_menu: QMenu, day_menu: QMenu) -> None:
        """Add "Import calendar..." and "Calendar for this day..." (enabled by attach)."""
        window = self._window
        self.calendar = CalendarActions(window, current_day=window.form.day)
        self.calendar.imported.connect(self.calendar_imported.emit)
        window.form.calendar_details_requested.connect(self.calendar.open_day)
        actions = file_menu.actions()
        after = actions.index(self.export_action) + 1
        if after < len(actions):
            file_menu.insertAction(actions[after], self.calendar.import_action)
        else:
            file_menu.addAction(self.calendar.import_action)
        self.add_calendar = AddCalendarAction(window)
        file_menu.insertAction(self.export_charts_action, self.add_calendar.action)
        self.add_calendar.added.connect(self._on_add_calendar_added)
        day_menu.addSeparator()
        day_menu.addAction(self.calendar.day_action)

    @Slot()
    def _on_add_calendar_added(self) -> None:
        self.calendar_imported.emit()

    @Slot()
    def _on_previous_day_action_triggered(self) -> None:
        self.day_step_requested.emit(-1)

    @Slot()
    def _on_next_day_action_triggered(self) -> None:
        self.day_step_requested.emit(1)

    @Slot()
    def _on_about_action_triggered(self) -> None:
        QMessageBox.about(
            self._window,
            self.tr("About FocusApp"),
            self.tr(
                "<b>FocusApp {version}</b><p>A 20-second daily check-in of energy, coding "
                "and meeting time, for people whose calendars are being eaten by meetings.</p>"
                "<p>Everything stays on this computer: FocusApp has no network code.</p>"
            ).format(version=__version__),
        )
