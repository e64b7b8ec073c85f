"""The main window: the check-in form beside the history of recorded days."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QSettings,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from focusapp import __version__
from focusapp.domain.errors import StorageError
from focusapp.domain.validation import CheckInInvalidError
from focusapp.services.changes import DAY_FIGURE_KINDS
from focusapp.system.files import PRIVATE_FILE_MODE
from focusapp.ui.add_calendar_dialog import AddCalendarAction
from focusapp.ui.backup_dialog import SafetyActions
from focusapp.ui.banner import Banner
from focusapp.ui.calendar_actions import CalendarActions
from focusapp.ui.change_hub import ChangeHub
from focusapp.ui.checkin_files import CheckInFiles
from focusapp.ui.checkin_form import CheckInForm
from focusapp.ui.focus_indicator import FocusIndicator
from focusapp.ui.history import HistoryModel, HistoryView
from focusapp.ui.locale_text import day_text
from focusapp.ui.lookahead_models import Tab
from focusapp.ui.lookahead_parts import NewestOnly
from focusapp.ui.workers import BackgroundRunner
from focusapp.wording.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QMenu

    from focusapp.domain.models import CheckIn
    from focusapp.domain.sources import DaySources
    from focusapp.services.changes import Changes
    from focusapp.services.checkins import CheckInService
    from focusapp.services.lookahead import LookaheadService
    from focusapp.services.stats import StatsService
    from focusapp.ui.dashboard.view import Dashboard
    from focusapp.ui.lookahead_window import LookaheadWindow


logger = logging.getLogger(__name__)

HISTORY_DAYS = 120
#: "Recent days" always shows at least this many rows; the charts above scroll instead.
RECENT_ROWS_SHOWN = 5
WELCOME = QT_TRANSLATE_NOOP(
    "MainWindow",
    "<b>Welcome to FocusApp.</b><br>Each day, take 20 seconds to note your energy, "
    "your coding or deep-work time and your meeting time. Everything stays on this computer.",
)


class MainWindow(QMainWindow):
    """Check-in form and history; every change goes through the check-in service.

    Attributes:
        hide_on_close: When a tray icon is up, closing hides the window instead of quitting.

    Signals:
        ready: Emitted once, after the window has been shown and painted.
        history_loaded: The recent days list shows what was read after a change.
        day_loaded: The check-in form shows the day read for it.
        saved: A check-in typed here was stored (the form shows it).
        hidden_to_tray: The user closed the window while the tray keeps FocusApp running.
        focus_toggle_requested: Start or stop a focus session.
        focus_stop_requested: Stop the running focus session (the window's Stop button).
        settings_requested: Open the settings.
        quit_requested: Quit FocusApp (also from the tray).
    """

    ready = Signal()
    history_loaded = Signal()
    day_loaded = Signal()
    saved = Signal()
    hidden_to_tray = Signal()
    focus_toggle_requested = Signal()
    focus_stop_requested = Signal()
    settings_requested = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        checkins: CheckInService | None,
        geometry_file: Path,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
        stats: StatsService | None = None,
    ) -> None:
        """Build the window.

        Without ``checkins`` it shows ``today``'s empty form at once and fills in when
        :meth:`attach` hands over the services, so the first paint need not wait for the
        database. With ``stats`` (or after :meth:`attach_dashboard`) the charts appear
        above the recent days once the window has painted.
        """
        super().__init__(parent)
        self._checkins_service = checkins
        # A check-in saved before the data was open, saved once it is (see attach()).
        self._save_when_open: CheckIn | None = None
        self._geometry = QSettings(str(geometry_file), QSettings.Format.IniFormat)
        self._ready_sent = False
        self._stats: StatsService | None = None
        self.dashboard: Dashboard | None = None
        #: The window's one database worker (the dashboard and the look-ahead share it).
        self.runner = BackgroundRunner(self, name="focusapp-db")
        #: The one change path (built by :meth:`attach`, on the check-ins' change feed).
        self.hub: ChangeHub | None = None
        self._history_reads: NewestOnly[list[CheckIn]] = NewestOnly(self.runner)
        self._day_reads: NewestOnly[DaySources] = NewestOnly(self.runner)
        self._lookahead: tuple[LookaheadService, Callable[[], int]] | None = None
        self.lookahead_window: LookaheadWindow | None = None
        self.right_splitter: QSplitter | None = None
        self.hide_on_close = False
        self.setWindowTitle(self.tr("FocusApp"))
        self.setMinimumSize(720, 480)

        if today is None:
            if checkins is None:
                raise ValueError("MainWindow needs checkins or today")
            today = checkins.today()
        self.form = CheckInForm(today, self)
        self.history_model = HistoryModel(self)
        self.history = HistoryView(self.history_model, self)
        self.welcome = QLabel(self)
        self.welcome.setWordWrap(True)
        self.welcome.setText(self.tr(WELCOME))
        self.welcome.setMargin(8)

        self.banner = Banner(self)
        self.focus_indicator = FocusIndicator(self)
        self.focus_indicator.stop_requested.connect(self.focus_stop_requested.emit)
        # In the status bar, whose height does not change, so a session never moves the form.
        self.statusBar().addPermanentWidget(self.focus_indicator)
        self.statusBar().setMinimumHeight(self.focus_indicator.sizeHint().height() + 4)

        history_box = self.history_box = QWidget(self)
        history_layout = QVBoxLayout(history_box)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_title = QLabel(self.tr("<b>Recent days</b>"), history_box)
        history_layout.addWidget(history_title)
        history_layout.addWidget(self.welcome)
        history_layout.addWidget(self.history, 1)
        self.history.setMinimumHeight(_rows_height(self.history, RECENT_ROWS_SHOWN))

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.form)
        self.splitter.addWidget(history_box)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(6, 6, 6, 6)
        column.addWidget(self.banner)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self._build_menus()

        self.form.save_requested.connect(self._on_form_save_requested)
        self.form.date_changed.connect(self._on_form_date_changed)
        self.history.edit_requested.connect(self._on_history_edit_requested)
        self.history.delete_requested.connect(self._on_history_delete_requested)
        self._restore_geometry()
        if checkins is None:
            self.welcome.setText(self.tr("Opening your check-ins..."))
            self.history.hide()
            self._set_data_actions_enabled(False)
        else:
            self.attach(checkins)
        if stats is not None:
            self.attach_dashboard(stats)

    @property
    def _checkins(self) -> CheckInService:
        if self._checkins_service is None:
            raise RuntimeError("the window has no data yet")
        return self._checkins_service

    @property
    def attached(self) -> bool:
        """Whether the services are connected (data shown)."""
        return self._checkins_service is not None

    def attach(self, checkins: CheckInService) -> None:
        """Connect the check-in service and show the data.

        Every change published on the service's feed (by this window, the tray, a calendar
        sync or another process) reaches :meth:`_on_hub_changes_applied` through the hub.
        """
        self._checkins_service = checkins
        self.hub = ChangeHub(checkins.feed, self.runner, self)
        self.hub.changes_applied.connect(self._on_hub_changes_applied)
        self._set_data_actions_enabled(True)
        self.welcome.setText(self.tr(WELCOME))
        self.refresh()
        pending, self._save_when_open = self._save_when_open, None
        if pending is None:
            self.show_day(checkins.today())
        else:  # saved while the data was opening: what was typed is saved now, not replaced
            self._on_form_save_requested(pending)

    def attach_dashboard(self, stats: StatsService) -> None:
        """Put the dashboard above the recent days; its charts load after the first paint.

        The dashboard module (and pyqtgraph, on the following event-loop turn) is imported
        only then, so neither the tray nor the window's first paint waits for plotting.
        """
        if self._stats is not None:
            return
        self._stats = stats
        self.dashboard_holder = QWidget(self)
        holder_layout = QVBoxLayout(self.dashboard_holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        self.right_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.replaceWidget(1, self.right_splitter)
        # Stretch lives in the widget's size policy, so the new widget needs it again.
        self.splitter.setStretchFactor(1, 1)
        self.right_splitter.addWidget(self.dashboard_holder)
        self.right_splitter.addWidget(self.history_box)
        self.right_splitter.setStretchFactor(0, 4)
        self.right_splitter.setStretchFactor(1, 1)
        self.right_splitter.setChildrenCollapsible(False)
        state = self._geometry.value("main/right_splitter")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.right_splitter.restoreState(state)
        else:
            self.right_splitter.setSizes([620, 180])
        geometry = self._geometry.value("main/geometry")
        if not (isinstance(geometry, QByteArray) and not geometry.isEmpty()):
            screen = self.screen().availableGeometry()
            self.resize(min(1360, screen.width()), min(900, screen.height()))
        self.export_charts_action.setEnabled(True)
        self.welcome.hide()
        if self._ready_sent:
            QTimer.singleShot(0, self, self._create_dashboard)

    @Slot()
    def _create_dashboard(self) -> None:
        if self.dashboard is not None or self._stats is None:
            return
        from focusapp.ui.dashboard.view import Dashboard

        self.dashboard = Dashboard(
            self._stats, self._geometry, self.dashboard_holder, runner=self.runner
        )
        layout = self.dashboard_holder.layout()
        if layout is not None:
            layout.addWidget(self.dashboard)
        self.dashboard.start()

    def attach_lookahead(self, service: LookaheadService, forecast_days: Callable[[], int]) -> None:
        """Enable the Weeks menu: Next weeks, the weekly review and insights."""
        self._lookahead = (service, forecast_days)
        for action in self.weeks_actions:
            action.setEnabled(True)

    def ensure_lookahead(self) -> LookaheadWindow | None:
        """Return the look-ahead window, building it (hidden) the first time."""
        if self._lookahead is None:
            return None
        if self.lookahead_window is None:
            from focusapp.ui.lookahead_window import LookaheadWindow

            service, days = self._lookahead
            self.lookahead_window = LookaheadWindow(
                service, self.runner, self._geometry, days(), self
            )
        return self.lookahead_window

    def open_lookahead(self, tab: Tab, week: dt.date | None = None) -> LookaheadWindow | None:
        """Show the look-ahead window on ``tab``."""
        window = self.ensure_lookahead()
        if window is not None:
            window.open_tab(tab, week)
        return window

    def open_review(self, week: dt.date | None = None) -> None:
        """Show the weekly review (the review notification's action)."""
        self.open_lookahead(Tab.REVIEW, week)

    def shutdown_workers(self) -> None:
        """Stop the database worker before the database closes (waits for a running read)."""
        if self.dashboard is not None:
            self.dashboard.shutdown()
        self.runner.shutdown(wait=True)

    def ensure_dashboard(self) -> Dashboard | None:
        """Create the dashboard now if it is due (tests; export before the first paint)."""
        self._create_dashboard()
        return self.dashboard

    def _set_data_actions_enabled(self, enabled: bool) -> None:
        for action in (
            self.import_action,
            self.export_action,
            self.focus_action,
            self.previous_day_action,
            self.next_day_action,
            self.today_action,
        ):
            action.setEnabled(enabled)
        self.form.save_button.setEnabled(enabled)

    # --- menus ------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.files = CheckInFiles(self, lambda: self._checkins)
        self.import_action = self.files.import_action
        self.export_action = self.files.export_action
        self.export_charts_action = self.files.export_charts_action
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.quit_requested.emit)
        self.settings_action = QAction(self.tr("&Settings..."), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.settings_requested.emit)
        file_menu.addActions(self.files.actions())
        file_menu.addSeparator()
        self._build_safety_actions(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        day_menu = self.menuBar().addMenu(self.tr("&Day"))
        self.today_action = today_action = QAction(self.tr("&Today"), self)
        today_action.setShortcut(QKeySequence("Ctrl+T"))
        today_action.triggered.connect(self._on_today_action_triggered)
        self.previous_day_action = QAction(self.tr("&Previous day"), self)
        self.previous_day_action.setShortcuts([QKeySequence("Ctrl+["), QKeySequence("Alt+Left")])
        self.previous_day_action.triggered.connect(self._on_previous_day_action_triggered)
        self.next_day_action = QAction(self.tr("&Next day"), self)
        self.next_day_action.setShortcuts([QKeySequence("Ctrl+]"), QKeySequence("Alt+Right")])
        self.next_day_action.triggered.connect(self._on_next_day_action_triggered)
        history_action = QAction(self.tr("Go to &history"), self)
        history_action.setShortcut(QKeySequence("Ctrl+H"))
        history_action.triggered.connect(self.history.setFocus)
        self.focus_action = QAction(self.tr("Start &focus session"), self)
        self.focus_action.setShortcut(QKeySequence("Ctrl+F"))
        self.focus_action.triggered.connect(self.focus_toggle_requested.emit)
        day_menu.addActions(
            [self.previous_day_action, self.next_day_action, today_action, history_action]
        )
        day_menu.addSeparator()
        day_menu.addAction(self.focus_action)
        self._build_calendar_actions(file_menu, day_menu)

        self._build_weeks_menu()

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About FocusApp"), self)
        about.triggered.connect(self._on_about_action_triggered)
        help_menu.addAction(about)

    def _build_weeks_menu(self) -> None:
        """Add the Weeks menu (enabled by :meth:`attach_lookahead`)."""
        weeks_menu = self.menuBar().addMenu(self.tr("&Weeks"))
        self.weeks_actions: list[QAction] = []
        for text, key, tab in (
            (self.tr("&Next weeks..."), "Ctrl+Shift+N", Tab.NEXT_WEEKS),
            (self.tr("Weekly &review..."), "Ctrl+Shift+R", Tab.REVIEW),
            (self.tr("&Insights..."), "Ctrl+Shift+I", Tab.INSIGHTS),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.setEnabled(False)
            action.triggered.connect(lambda _checked=False, tab=tab: self.open_lookahead(tab))
            self.weeks_actions.append(action)
        weeks_menu.addActions(self.weeks_actions)

    def _build_safety_actions(self, file_menu: QMenu) -> None:
        """Add "Restore from backup..." and "Delete all my data..." (enabled by attach)."""
        self.safety = SafetyActions(self, refresh=self.refresh, quit_app=self.quit_requested.emit)
        file_menu.addActions(self.safety.actions())

    def _build_calendar_actions(self, file_menu: QMenu, day_menu: QMenu) -> None:
        """Add "Import calendar..." and "Calendar for this day..." (enabled by attach)."""
        self.calendar = CalendarActions(self, current_day=self.form.day)
        self.calendar.imported.connect(self._on_calendar_imported)
        self.form.calendar_details_requested.connect(self.calendar.open_day)
        actions = file_menu.actions()
        after = actions.index(self.export_action) + 1
        if after < len(actions):
            file_menu.insertAction(actions[after], self.calendar.import_action)
        else:
            file_menu.addAction(self.calendar.import_action)
        self.add_calendar = AddCalendarAction(self)
        file_menu.insertAction(self.export_charts_action, self.add_calendar.action)
        self.add_calendar.added.connect(self._on_calendar_imported)
        day_menu.addSeparator()
        day_menu.addAction(self.calendar.day_action)

    @Slot()
    def _on_calendar_imported(self) -> None:
        self.show_day(self.form.day())

    @Slot(object, object)
    def _on_hub_changes_applied(self, changes: Changes, _initiator: object | None) -> None:
        """Redraw what ``changes`` can move: the days (history, charts) or the plan."""
        if changes.touches(*DAY_FIGURE_KINDS):
            self.refresh()
        elif self.lookahead_window is not None:
            self.lookahead_window.data_changed()

    # --- public -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the history, charts and look-ahead (after any change, here or elsewhere).

        The days are read on the database worker; :attr:`history_loaded` says when shown.
        """
        checkins = self._checkins
        today = checkins.today()
        self.form.set_today(today)
        # Recent days end today: an imported calendar's future days are not history.
        first = today - dt.timedelta(days=HISTORY_DAYS)
        kept = checkins.kept_days(first, today)
        if kept is not None:  # in memory already: no need to wait for the worker
            self._history_reads.supersede()
            self._show_history(kept, today)
        else:
            self._history_reads.run(
                lambda: checkins.days(first, today),
                lambda days: self._show_history(days, today),
                self._on_read_failed,
            )
        if self.dashboard is not None:
            self.dashboard.refresh()
        if self.lookahead_window is not None:
            self.lookahead_window.data_changed()

    def _show_history(self, days: list[CheckIn], today: dt.date) -> None:
        self.history_model.set_days(days, today)
        # With the dashboard, its own welcome page greets a first run.
        self.welcome.setVisible(not days and self._stats is None)
        self.history.setVisible(bool(days))
        self.history_loaded.emit()

    def _on_read_failed(self, error: Exception) -> None:
        message = self.tr("Could not read your data: {error}").format(error=error)
        self.statusBar().showMessage(message, 8000)

    def show_focus(
        self,
        started_at: dt.datetime | None,
        break_after: dt.timedelta | None = None,
        now: Callable[[], dt.datetime] | None = None,
    ) -> None:
        """Show the running focus session (``None`` hides it) and label the menu action.

        See :meth:`FocusIndicator.show_session` for the arguments.
        """
        self.focus_indicator.show_session(started_at, break_after, now)
        self.focus_action.setText(
            self.tr("Stop &focus session")
            if started_at is not None
            else self.tr("Start &focus session")
        )

    def show_banner(self, title: str, text: str) -> None:
        """Show a notice inside the window (used when there is no tray for notifications)."""
        self.banner.show_message(title, text)

    def show_day(self, day: dt.date) -> None:
        """Load ``day`` into the form (pre-filled when it already has a check-in).

        The day is read on the database worker; :attr:`day_loaded` says when it is shown.
        """
        self._read_day(day, self._show_sources)

    def _show_sources(self, sources: DaySources) -> None:
        self.form.load(sources)
        self.form.energy.tab_stop().setFocus()
        self.day_loaded.emit()

    # --- slots ------------------------------------------------------------------------------

    @Slot(object)
    def _on_form_save_requested(self, checkin: CheckIn) -> None:
        if not self.attached:
            self._save_when_open = checkin
            self.form.status.setText(self.tr("Opening your data: saving in a moment."))
            return
        checkins, hub, original = self._checkins, self.hub, self.form.loaded_record()
        assert hub is not None, "attach() builds the hub"

        def save() -> tuple[CheckIn, DaySources]:
            stored = checkins.save_edit(original, checkin)
            return stored, checkins.sources(stored.date)

        hub.run(save, self._on_saved, self._on_save_failed, initiator=self.form)

    def _on_saved(self, result: tuple[CheckIn, DaySources]) -> None:
        stored, sources = result
        self.form.load(sources)
        self.statusBar().showMessage(self.form.show_saved(stored), 5000)
        self.saved.emit()

    def _on_save_failed(self, error: Exception) -> None:
        if isinstance(error, CheckInInvalidError):
            self.form.show_problems(error.problems)
        elif isinstance(error, StorageError):
            self.form.status.setText(
                self.tr("Not saved: {error}. What you typed is kept.").format(error=error)
            )
            QMessageBox.warning(
                self,
                self.tr("Check-in not saved"),
                self.tr("Not saved: {error}.").format(error=error),
            )
        else:  # not caused by the user; say so without a traceback, keep what was typed
            logger.error("check-in not saved", exc_info=error)
            self.form.status.setText(
                self.tr("Not saved: {error}. What you typed is kept.").format(error=error)
            )

    @Slot(object)
    def _on_form_date_changed(self, day: dt.date) -> None:
        if self.attached:
            self._read_day(day, self.form.load)

    def _read_day(self, day: dt.date, show: Callable[[DaySources], None]) -> None:
        """Hand ``day``'s sources to ``show``: at once when kept in memory, else from the worker."""
        checkins = self._checkins
        kept = checkins.kept_sources(day)
        if kept is not None:
            self._day_reads.supersede()
            show(kept)
        else:
            self._day_reads.run(lambda: checkins.sources(day), show, self._on_read_failed)

    @Slot(object)
    def _on_history_edit_requested(self, day: dt.date) -> None:
        self.show_day(day)

    @Slot(object)
    def _on_history_delete_requested(self, day: dt.date) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Delete check-in"),
            self.tr("Delete the check-in for {day}? This cannot be undone.").format(
                day=day_text(day, self.tr("dddd dd MMMM yyyy"))
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        checkins, hub = self._checkins, self.hub
        assert hub is not None, "attach() builds the hub"

        def deleted(_existed: bool) -> None:
            if self.form.day() == day:
                self.show_day(day)
            self.statusBar().showMessage(
                self.tr("Check-in for {day} deleted.").format(
                    day=day_text(day, self.tr("dddd dd MMMM"))
                ),
                5000,
            )

        def failed(error: Exception) -> None:
            QMessageBox.warning(
                self, self.tr("Not deleted"), self.tr("Not deleted: {error}.").format(error=error)
            )

        hub.run(lambda: checkins.delete(day), deleted, failed, initiator=self.history)

    @Slot()
    def _on_previous_day_action_triggered(self) -> None:
        self.step_day(-1)

    @Slot()
    def _on_next_day_action_triggered(self) -> None:
        self.step_day(1)

    def step_day(self, days: int) -> None:
        """Show the day ``days`` before or after the form's (never past tomorrow)."""
        latest = self._checkins.today() + dt.timedelta(days=1)
        target = min(self.form.day() + dt.timedelta(days=days), latest)
        if target != self.form.day():
            self.show_day(target)

    @Slot()
    def _on_today_action_triggered(self) -> None:
        self.show_day(self._checkins.today())

    @Slot()
    def _on_about_action_triggered(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About FocusApp"),
            self.tr(
                "<b>FocusApp {version}</b><p>A 20-second daily check-in of energy, coding "
                "and meeting time, for people whose calendars are being eaten by meetings.</p>"
                "<p>Everything stays on this computer: FocusApp has no network code.</p>"
            ).format(version=__version__),
        )

    # --- geometry and readiness -------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self._geometry.value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1040, 640)
        splitter = self._geometry.value("main/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def save_geometry(self) -> None:
        """Remember the window's size, place and splitter for the next start."""
        self._geometry.setValue("main/geometry", self.saveGeometry())
        self._geometry.setValue("main/splitter", self.splitter.saveState())
        if self.right_splitter is not None:
            self._geometry.setValue("main/right_splitter", self.right_splitter.saveState())
        if self.dashboard is not None:
            self.dashboard.save_state()
        self._geometry.sync()
        stored = Path(self._geometry.fileName())
        if stored.exists():
            stored.chmod(PRIVATE_FILE_MODE)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Save geometry; hide to the tray when one is up, else let the app quit."""
        self.save_geometry()
        if self.hide_on_close:
            event.ignore()
            self.hide()
            self.hidden_to_tray.emit()
            return
        super().closeEvent(event)

    def event(self, event: QEvent) -> bool:
        """Emit ``ready`` after the first paint, for smoke tests and start-up benchmarks."""
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._ready_sent:
            self._ready_sent = True
            QTimer.singleShot(0, self.ready.emit)
            if self._stats is not None:
                QTimer.singleShot(0, self, self._create_dashboard)
        return handled


def _rows_height(view: HistoryView, rows: int) -> int:
    """Return the height ``view`` needs to show ``rows`` rows below its header."""
    header = view.horizontalHeader().sizeHint().height()
    row = view.verticalHeader().defaultSectionSize()
    return header + rows * row + 2 * view.frameWidth()
