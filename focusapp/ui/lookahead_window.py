"""The look-ahead window: Next weeks, the weekly review and insights, one tab each.

A window of its own beside the check-in, so the coming weeks get the room they need on a
small screen and the main window stays about today. It is built the first time it is
asked for and reads through the main window's database worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from focusapp.ui.insights_view import InsightsView
from focusapp.ui.lookahead_models import Tab
from focusapp.ui.next_weeks import NextWeeksView
from focusapp.ui.review_view import ReviewView

if TYPE_CHECKING:
    import datetime as dt

    from PySide6.QtGui import QCloseEvent

    from focusapp.services.lookahead import LookaheadService
    from focusapp.ui.workers import BackgroundRunner

_GEOMETRY_KEY: Final = "lookahead/geometry"


class LookaheadWindow(QWidget):
    """Next weeks, Weekly review and Insights; each tab reads when first shown or changed.

    Attributes:
        tabs: The tab widget.
        next_weeks: The forecast and "what if" view.
        review: The weekly review.
        insights: The insights.
        problem: A line naming what went wrong, hidden when all is well.
    """

    def __init__(
        self,
        service: LookaheadService,
        runner: BackgroundRunner,
        geometry: QSettings,
        forecast_days: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("FocusApp: look ahead and back"))
        self.setMinimumSize(640, 420)
        self._geometry = geometry
        self._stale = set(Tab)
        self.next_weeks = NextWeeksView(service, runner, forecast_days, self)
        self.review = ReviewView(service, runner, self)
        self.insights = InsightsView(service, runner, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.next_weeks, self.tr("&Next weeks"))
        self.tabs.addTab(self.review, self.tr("Weekly &review"))
        self.tabs.addTab(self.insights, self.tr("&Insights"))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem)
        layout.addWidget(self.tabs, 1)
        close = QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self)
        close.activated.connect(self.close)

        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        for view in (self.next_weeks, self.review, self.insights):
            view.failed.connect(self._show_problem)
            view.updated.connect(self.problem.hide)
        state = geometry.value(_GEOMETRY_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreGeometry(state)
        else:
            self._fit_screen()

    def _fit_screen(self) -> None:
        screen = self.screen().availableGeometry()
        self.resize(min(1100, screen.width()), min(820, screen.height()))

    def open_tab(self, tab: Tab, week: dt.date | None = None) -> None:
        """Show the window on ``tab`` (for the review, on the week of ``week`` if given)."""
        if tab is Tab.REVIEW and week is not None:
            self._stale.discard(Tab.REVIEW)
            self.review.show_week(week)
        self.tabs.setCurrentIndex(int(tab))
        self._read_if_stale(tab)
        self.show()
        self.raise_()
        self.activateWindow()

    def data_changed(self) -> None:
        """Mark every tab stale and re-read the one in view (a check-in, import or new day)."""
        self._stale = set(Tab)
        if self.isVisible():
            self._read_if_stale(Tab(self.tabs.currentIndex()))

    def _read_if_stale(self, tab: Tab) -> None:
        if tab not in self._stale:
            return
        self._stale.discard(tab)
        match tab:
            case Tab.NEXT_WEEKS:
                self.next_weeks.reload()
            case Tab.REVIEW:
                self.review.reload()
            case Tab.INSIGHTS:
                self.insights.reload()

    def _on_tabs_current_changed(self, index: int) -> None:
        self._read_if_stale(Tab(index))

    def _show_problem(self, text: str) -> None:
        self.problem.setText(self.tr("Could not read your data: {problem}").format(problem=text))
        self.problem.show()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Remember where the window was."""
        self._geometry.setValue(_GEOMETRY_KEY, self.saveGeometry())
        super().closeEvent(event)
