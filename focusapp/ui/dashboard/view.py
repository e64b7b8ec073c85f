"""The Dashboard widget: header, range bar, the linked charts and the day panel together."""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from focusapp.services.stats import ChartRange
from focusapp.ui.dashboard.chart_loading import ChartLoader
from focusapp.ui.dashboard.detail import DayDetail
from focusapp.ui.dashboard.header import (
    DEFAULT_RANGE,
    DETAIL_SPLITTER_KEY,
    RANGE_KEY,
    DashboardHeader,
)
from focusapp.ui.dashboard.pages import build_range_bar, welcome_page
from focusapp.ui.help_dialog import HelpDialog
from focusapp.ui.workers import shared_or_own

if TYPE_CHECKING:
    from pathlib import Path

    from focusapp.services.stats import DashboardData, StatsService
    from focusapp.ui.charts.panel import ChartPanel
    from focusapp.ui.workers import BackgroundRunner


logger = logging.getLogger(__name__)


class Dashboard(QWidget):
    """Header, range selector, charts and day panel over a :class:`StatsService`.

    Attributes:
        header: Today's numbers and signal.
        detail: The selected or hovered day.
        charts: The chart panel, ``None`` until pyqtgraph is loaded.
        data: The data shown, ``None`` until the first result.

    Signals:
        updated: The charts show new data (after the first load, a refresh or a range switch).
    """

    updated = Signal()

    def __init__(
        self,
        stats: StatsService,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
        *,
        runner: BackgroundRunner | None = None,
    ) -> None:
        """Read ``stats`` on ``runner`` (the window's worker), else on a worker of its own."""
        super().__init__(parent)
        self._worker = shared_or_own(runner, self, "focusapp-dashboard")
        self._stats, self._settings = stats, settings
        self.charts: ChartPanel | None = None
        self.data: DashboardData | None = None
        self._generation = 0
        self._busy = False
        self._again = False
        self._reset_view = True
        self._shown: tuple[ChartRange | None, dt.date] | None = None
        self._follow_today = True
        self._selected: dt.date | None = None
        self._hovered: dt.date | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Dashboard"))

        self.header = DashboardHeader(self)
        self.range_group = QButtonGroup(self)
        self.range_group.setExclusive(True)
        self.range_bar, self.status = build_range_bar(self, self.range_group)
        self._range = self._restore_range()
        # Bold marks the chosen range too: some styles (Fusion in dark) barely shade it.
        self.range_group.buttonToggled.connect(self._on_range_group_button_toggled)
        self._button_for(self._range).setChecked(True)
        self.range_group.buttonClicked.connect(self._on_range_group_button_clicked)

        self.detail = DayDetail(self)
        detail_scroll = QScrollArea(self)
        detail_scroll.setWidget(self.detail)
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        detail_scroll.setMinimumWidth(220)
        self.charts_holder = QWidget(self)
        self._charts_layout = QVBoxLayout(self.charts_holder)
        self._charts_layout.setContentsMargins(0, 0, 0, 0)
        self._loader = ChartLoader(self.charts_holder, self._worker.runner)
        self._loader.warmed.connect(self.refresh)
        self._loader.built.connect(self._on_loader_built)
        self._loader.failed.connect(self._on_loader_failed)
        # Below the charts' minimum heights the charts scroll instead of being squashed.
        self.charts_scroll = QScrollArea(self)
        self.charts_scroll.setWidget(self.charts_holder)
        self.charts_scroll.setWidgetResizable(True)
        self.charts_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.charts_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.detail_splitter.addWidget(self.charts_scroll)
        self.detail_splitter.addWidget(detail_scroll)
        self.detail_splitter.setStretchFactor(0, 1)
        self.detail_splitter.setStretchFactor(1, 0)
        self.detail_splitter.setChildrenCollapsible(False)
        self.detail_splitter.setSizes([640, 280])

        self.welcome = welcome_page(self, self._on_help_button_clicked)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.detail_splitter)
        self.stack.setCurrentWidget(self.detail_splitter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.header)
        layout.addWidget(self.range_bar)
        layout.addWidget(self.stack, 1)
        self._restore_splitter()

    # --- building -----------------------------------------------------------------------------

    def ensure_charts(self) -> ChartPanel:
        """Import pyqtgraph and build the charts now, if not done yet."""
        self._loader.build_now()
        assert self.charts is not None
        return self.charts

    @Slot(object)
    def _on_loader_built(self, panel: ChartPanel) -> None:
        self.charts = panel
        self._charts_layout.addWidget(panel)
        panel.show()  # the holder may be visible already
        panel.hovered.connect(self._on_charts_hovered)
        panel.clicked.connect(self._on_charts_clicked)
        panel.help_requested.connect(self._on_help_button_clicked)
        if self.data is not None:
            self._apply(self.data)

    @Slot(object)
    def _on_loader_failed(self, error: Exception) -> None:
        self.status.setText(self.tr("Charts not available: {error}").format(error=error))

    # --- range --------------------------------------------------------------------------------

    @property
    def chart_range(self) -> ChartRange:
        """The range shown (or being loaded)."""
        return self._range

    def set_range(self, which: ChartRange) -> None:
        """Show ``which``, remember it, and load its data in the background."""
        self._button_for(which).setChecked(True)
        if which == self._range and self.data is not None and self.data.range == which:
            return
        self._range = which
        if self._settings is not None:
            self._settings.setValue(RANGE_KEY, str(which))
        self._reset_view = True
        self.refresh()

    def _restore_range(self) -> ChartRange:
        stored = self._settings.value(RANGE_KEY) if self._settings is not None else None
        try:
            return ChartRange(str(stored)) if stored else DEFAULT_RANGE
        except ValueError:
            return DEFAULT_RANGE

    def _button_for(self, which: ChartRange) -> QToolButton:
        for button in self.range_group.buttons():
            if button.property("range") == str(which) and isinstance(button, QToolButton):
                return button
        raise KeyError(which)

    @Slot(QToolButton, bool)
    def _on_range_group_button_toggled(self, button: QToolButton, checked: bool) -> None:
        font = button.font()
        font.setBold(checked)
        button.setFont(font)

    @Slot(QToolButton)
    def _on_range_group_button_clicked(self, button: QToolButton) -> None:
        self.set_range(ChartRange(str(button.property("range"))))

    # --- refresh ------------------------------------------------------------------------------

    def start(self) -> None:
        """Load the data and the charts without freezing the window (see :class:`ChartLoader`).

        The data comes first (the header shows it at once); the import of the charts queues
        behind it on the same worker.
        """
        self._loader.start()

    def refresh(self) -> None:
        """Recompute in the background (after a check-in, an import or an edit elsewhere).

        Requests made while one is running are merged into a single follow-up run.
        """
        self._generation += 1
        if self._busy:
            self._again = True
            return
        self._launch()

    def _launch(self) -> None:
        self._busy = True
        self._again = False
        generation = self._generation
        which = self._range
        stats = self._stats
        self.status.setText(self.tr("Updating\u2026"))

        def done(data: DashboardData) -> None:
            self._on_worker_done(generation, data)

        self._worker.runner.run_in_background(
            lambda: stats.dashboard(which), done, self._on_worker_error
        )

    def _on_worker_done(self, generation: int, data: DashboardData) -> None:
        self._busy = False
        if self._again:
            self._launch()
        if generation != self._generation:
            return  # a newer request is on its way
        self.status.setText("")
        self.data = data
        self._apply(data)

    def _on_worker_error(self, error: Exception) -> None:
        self._busy = False
        self.status.setText(self.tr("Charts not updated: {error}").format(error=error))
        logger.warning("dashboard data failed: %s", error)
        if self._again:
            self._launch()

    def _apply(self, data: DashboardData) -> None:
        self.header.set_today(data.today)
        self.stack.setCurrentWidget(self.detail_splitter if data.has_checkins else self.welcome)
        self.range_bar.setVisible(data.has_checkins)
        series = data.series
        # Today stays selected across a new day, unless the user picked another day.
        if self._follow_today or self._selected is None or series.index_of(self._selected) is None:
            self._selected = min(data.today.day, series.last)
        self._show_detail()
        if self.charts is None:
            return
        reset = self._reset_view or (data.range, series.last) != self._shown
        self.charts.set_data(data, reset_view=reset)
        self._reset_view = False
        self._shown = (data.range, series.last)
        self.charts.set_cursor(self._selected)
        self.updated.emit()

    # --- selection ----------------------------------------------------------------------------

    @property
    def selected_day(self) -> dt.date | None:
        """The day shown in the panel when the mouse is not over a chart."""
        return self._selected

    def select_day(self, day: dt.date) -> None:
        """Select ``day`` (clamped to the range), show it in the panel and pan to it."""
        if self.data is None:
            return
        series = self.data.series
        day = min(max(day, series.first), series.last)
        self._selected = day
        self._follow_today = day == self.data.today.day
        self._show_detail()
        if self.charts is not None:
            self.charts.set_cursor(self._hovered or day)
            self.charts.show_day(day)

    def _show_detail(self) -> None:
        if self.data is None:
            return
        day = self._hovered or self._selected
        if day is None:
            self.detail.clear()
        else:
            self.detail.show_day(self.data.series, day)

    @Slot(object)
    def _on_charts_hovered(self, day: dt.date | None) -> None:
        if day == self._hovered:
            return
        self._hovered = day
        self._show_detail()
        if self.charts is not None:
            self.charts.set_cursor(day or self._selected)

    @Slot(object)
    def _on_charts_clicked(self, day: dt.date) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.select_day(day)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Arrow keys move the selected day; Page keys move a week; Home/End the ends."""
        if self.data is None or self._selected is None:
            super().keyPressEvent(event)
            return
        key = event.key()
        step = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_PageUp: -7,
            Qt.Key.Key_PageDown: 7,
        }.get(Qt.Key(key))
        series = self.data.series
        if step is not None:
            target = self._selected + dt.timedelta(days=step)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            target = series.first if key == Qt.Key.Key_Home else series.last
        else:
            super().keyPressEvent(event)
            return
        self._hovered = None
        self.select_day(target)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Refresh when shown again on a new day (e.g. from the tray the next morning)."""
        super().showEvent(event)
        if self.data is not None and self.data.today.day != self._stats.today():
            self.refresh()

    # --- help, export, state --------------------------------------------------------------------

    @Slot()
    def _on_help_button_clicked(self) -> None:
        HelpDialog(self).exec()

    def export_png(self, path: Path) -> bool:
        """Save the charts shown, titled with their days, at the screen's density to ``path``."""
        from focusapp.ui.charts.panel import render_image
        from focusapp.wording.dates import charts_title

        charts = self.ensure_charts()
        if self.data is None:
            return False
        series = self.data.series
        title = charts_title(series.first, series.last)
        ratio = self.devicePixelRatioF()
        image = render_image(
            self.data, charts.size(), title=title, palette=charts.palette(), ratio=ratio
        )
        return QPixmap.fromImage(image).save(str(path), "PNG")

    def save_state(self) -> None:
        """Remember the day-panel splitter (the range is saved when it changes)."""
        if self._settings is not None:
            self._settings.setValue(DETAIL_SPLITTER_KEY, self.detail_splitter.saveState())

    def _restore_splitter(self) -> None:
        if self._settings is None:
            return
        state = self._settings.value(DETAIL_SPLITTER_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.detail_splitter.restoreState(state)

    def shutdown(self) -> None:
        """Stop the worker thread it owns (waits for a running computation)."""
        self._worker.shutdown()
