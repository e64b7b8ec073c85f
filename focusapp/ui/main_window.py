"""The main window: the check-in form beside the history of recorded days."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from focusapp.services.changes import DAY_FIGURE_KINDS
from focusapp.system.files import PRIVATE_FILE_MODE
from focusapp.ui.banner import Banner
from focusapp.ui.change_hub import ChangeHub
from focusapp.ui.checkin_form import CheckInForm
from focusapp.ui.day_editor import DayEditor
from focusapp.ui.focus_indicator import FocusIndicator
from focusapp.ui.lookahead_models import Tab
from focusapp.ui.main_menus import MainMenus
from focusapp.ui.recent_days import RecentDays
from focusapp.ui.workers import BackgroundRunner

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from PySide6.QtGui import QCloseEvent

    from focusapp.services.changes import Changes
    from focusapp.services.checkins import CheckInService
    from focusapp.services.lookahead import LookaheadService
    from focusapp.services.stats import StatsService
    from focusapp.ui.dashboard.view import Dashboard
    from focusapp.ui.lookahead_window import LookaheadWindow


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
        self._geometry = QSettings(str(geometry_file), QSettings.Format.IniFormat)
        self._ready_sent = False
        self._stats: StatsService | None = None
        self.dashboard: Dashboard | None = None
        #: The window's one database worker (the dashboard and the look-ahead share it).
        self.runner = BackgroundRunner(self, name="focusapp-db")
        #: The one change path (built by :meth:`attach`, on the check-ins' change feed).
        self.hub: ChangeHub | None = None
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
        self.history_box = RecentDays(self.runner, self)
        self.history_model = self.history_box.history_model
        self.history = self.history_box.history
        self.welcome = self.history_box.welcome
        self.history_box.loaded.connect(self.history_loaded.emit)

        self.banner = Banner(self)
        self.focus_indicator = FocusIndicator(self)
        self.focus_indicator.stop_requested.connect(self.focus_stop_requested.emit)
        # In the status bar, whose height does not change, so a session never moves the form.
        self.statusBar().addPermanentWidget(self.focus_indicator)
        self.statusBar().setMinimumHeight(self.focus_indicator.sizeHint().height() + 4)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.form)
        self.splitter.addWidget(self.history_box)
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

        self.editor = DayEditor(self)
        self.editor.day_loaded.connect(self.day_loaded.emit)
        self.editor.saved.connect(self.saved.emit)
        self._restore_geometry()
        if checkins is None:
            self.history_box.show_opening()
            self.menus.set_data_enabled(False)
            self.form.save_button.setEnabled(False)
            # Keys 1-5 choose the energy from the first paint, before the day is read.
            self.form.energy.tab_stop().setFocus(Qt.FocusReason.OtherFocusReason)
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
        self.editor.attach(checkins, self.hub)
        self.menus.set_data_enabled(True)
        self.form.save_button.setEnabled(True)
        self.history_box.show_welcome()
        self.refresh()
        self.editor.show_first(checkins.today())

    def attach_dashboard(self, stats: StatsService) -> None:
        """Put the dashboard above the recent days; its charts load after the first paint.

        The dashboard module (and pyqtgraph, on the following event-loop turn) is imported
        only then, so neither the tray nor the window's first paint waits for plotting.
        """
        if self._stats is not None:
            return
        self._stats = stats
        # With the dashboard, its own welcome page greets a first run.
        self.history_box.greets = False
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
        self.menus.export_charts_action.setEnabled(True)
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
        for action in self.menus.weeks_actions:
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

    # --- menus ------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        menus = self.menus = MainMenus(self, lambda: self._checkins)
        self.files, self.safety = menus.files, menus.safety
        self.calendar, self.add_calendar = menus.calendar, menus.add_calendar
        menus.today_requested.connect(self._on_menus_today_requested)
        menus.day_step_requested.connect(self.step_day)
        menus.lookahead_requested.connect(self.open_lookahead)
        menus.calendar_imported.connect(self._on_menus_calendar_imported)

    @Slot()
    def _on_menus_calendar_imported(self) -> None:
        self.show_day(self.form.day())

    @Slot()
    def _on_menus_today_requested(self) -> None:
        self.show_day(self._checkins.today())

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
        self.history_box.load(checkins, today, self.editor.report_read_failure)
        if self.dashboard is not None:
            self.dashboard.refresh()
        if self.lookahead_window is not None:
            self.lookahead_window.data_changed()

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
        self.menus.focus_action.setText(
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
        self.editor.show_day(day)

    @Slot(int)
    def step_day(self, days: int) -> None:
        """Show the day ``days`` before or after the form's (never past tomorrow)."""
        self.editor.step_day(days)

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
