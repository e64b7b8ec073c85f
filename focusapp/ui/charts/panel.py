"""All charts on one linked date axis, and their rendering into an image for export."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from focusapp.domain.risk import DISCLAIMER
from focusapp.services.stats import epoch_day, from_epoch_day
from focusapp.system.resources import icon_path
from focusapp.ui.charts.base import DAY, DENSE_AFTER_DAYS, LEFT_AXIS_WIDTH, DayChart
from focusapp.ui.charts.daily import EnergyChart, HoursChart, StreakChart, WorkMixChart
from focusapp.ui.charts.risk import RiskChart
from focusapp.ui.theme import ChartPalette, chart_palette
from focusapp.wording.levels import risk_text
from focusapp.wording.phrases import say

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator

    from focusapp.services.stats import DashboardData, DaySeries


class ChartPanel(QWidget):
    """All charts on one shared, linked date axis, with the disclaimer under the risk chart.

    Attributes:
        risk: The burnout-risk signal.
        disclaimer: The persistent disclaimer (always shown under the risk chart).
        help_button: "Get help" (hidden in exported images).
        energy: Energy chart.
        work_mix: Maker vs manager time.
        hours: Hours in the last 7 days.
        streak: Consecutive work days.

    Signals:
        hovered(object): The ``datetime.date`` under the mouse in any chart, or ``None``.
        clicked(object): A ``datetime.date`` clicked in any chart.
        help_requested: The user asked for help.
    """

    hovered = Signal(object)
    clicked = Signal(object)
    help_requested = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, title: str | None = None, stepwise: bool = False
    ) -> None:
        """Build the panel; with ``stepwise`` the charts are added by :meth:`build_next`.

        Building the five plots takes tens of milliseconds; step by step, the caller can let
        the event loop run between charts so that the window never stalls.
        """
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setVisible(title is not None)
        self.heading.setText(title or "")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.disclaimer = QLabel(risk_text(DISCLAIMER), self)
        self.disclaimer.setObjectName("disclaimer")
        self.disclaimer.setWordWrap(True)
        small = self.disclaimer.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.disclaimer.setFont(small)
        self.help_button = QPushButton(self.tr("Get help"), self)
        self.help_button.setIcon(_icon("help.svg"))
        self.help_button.setToolTip(self.tr("What this signal is, and where to find help"))
        self.help_button.clicked.connect(self.help_requested.emit)
        self._disclaimer_row = QHBoxLayout()
        self._disclaimer_row.setContentsMargins(LEFT_AXIS_WIDTH, 0, 4, 6)
        self._disclaimer_row.addWidget(self.disclaimer, 1)
        self._disclaimer_row.addWidget(self.help_button, 0, Qt.AlignmentFlag.AlignTop)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._layout.addWidget(self.heading)
        self.risk: RiskChart
        self.energy: EnergyChart
        self.work_mix: WorkMixChart
        self.hours: HoursChart
        self.streak: StreakChart
        self._series: DaySeries | None = None
        self._colors = chart_palette(self.palette())
        self._steps = self._build_steps()
        self.complete = False
        if not stepwise:
            while not self.build_next():
                pass

    def build_next(self) -> bool:
        """Add the next chart (or finish); return True once the panel is complete."""
        if not self.complete and next(self._steps, None) is None:
            self.complete = True
        return self.complete

    def _build_steps(self) -> Iterator[int]:
        self.risk = RiskChart(self)
        self._layout.addWidget(self.risk, 5)
        self._layout.addLayout(self._disclaimer_row)
        yield 1
        self.energy = EnergyChart(self)
        self._layout.addWidget(self.energy, 3)
        yield 2
        self.work_mix = WorkMixChart(self)
        self._layout.addWidget(self.work_mix, 3)
        yield 3
        self.hours = HoursChart(self)
        self._layout.addWidget(self.hours, 3)
        yield 4
        self.streak = StreakChart(self)
        self._layout.addWidget(self.streak, 2)
        yield 5
        for chart in self.charts():
            if chart is not self.risk:
                chart.plot.setXLink(self.risk.plot)
            chart.hovered.connect(self.hovered.emit)
            chart.clicked.connect(self.clicked.emit)
        # Only the bottom chart labels the shared date axis.
        for chart in self.charts()[:-1]:
            chart.plot.getAxis("bottom").setStyle(showValues=False)
            chart.plot.getAxis("bottom").setHeight(6)
        self.apply_palette(self._colors)

    def charts(self) -> list[DayChart]:
        """Return the charts from top to bottom."""
        return [self.risk, self.energy, self.work_mix, self.hours, self.streak]

    def set_data(self, data: DashboardData, *, reset_view: bool) -> None:
        """Show ``data``; ``reset_view`` shows its whole range, else the zoom is kept.

        Painting is held until every chart has its data, so the charts are drawn once, not
        once per item, range and title change.
        """
        self.setUpdatesEnabled(False)
        try:
            self._set_data(data, reset_view=reset_view)
        finally:
            self.setUpdatesEnabled(True)

    def _set_data(self, data: DashboardData, *, reset_view: bool) -> None:
        series = data.series
        self._series = series
        dense = series.days > DENSE_AFTER_DAYS
        if dense != self.risk.dense:
            for chart in self.charts():
                chart.dense = dense
            self.apply_palette(self._colors)
        message = say(data.today.assessment.message or "") if data.has_checkins else None
        if data.has_checkins and not series.checkin_count:
            message = self.tr("No check-ins in this range.")
        self.risk.set_series(series, message)
        self.energy.set_series(series)
        self.work_mix.set_series(series)
        self.hours.set_series(series)
        self.streak.set_series(series)
        lo = (float(series.epoch_days[0]) - 0.5) * DAY
        hi = (float(series.epoch_days[-1]) + 0.5) * DAY
        for chart in self.charts():
            chart.plot.getViewBox().setLimits(
                xMin=lo - DAY, xMax=hi + DAY, minXRange=min(7 * DAY, hi - lo)
            )
        if reset_view:
            self.risk.plot.setXRange(lo, hi, padding=0)

    def visible_days(self) -> tuple[dt.date, dt.date] | None:
        """Return the first and last day (partly) visible, or ``None`` without data."""
        if self._series is None:
            return None
        (x0, x1), _ = self.risk.plot.getViewBox().viewRange()
        return (
            from_epoch_day(math.floor(x0 / DAY + 0.5)),
            from_epoch_day(math.ceil(x1 / DAY - 0.5)),
        )

    def show_day(self, day: dt.date) -> None:
        """Pan (keeping the zoom) so that ``day`` is visible."""
        (x0, x1), _ = self.risk.plot.getViewBox().viewRange()
        centre = epoch_day(day) * DAY
        if x0 <= centre <= x1:
            return
        width = x1 - x0
        left = centre - DAY if centre < x0 else centre + DAY - width
        self.risk.plot.setXRange(left, left + width, padding=0)

    def set_cursor(self, day: dt.date | None) -> None:
        """Draw the cursor line on ``day`` in every chart."""
        for chart in self.charts():
            chart.show_cursor(day)

    def apply_palette(self, colors: ChartPalette) -> None:
        """Recolour every chart."""
        self._colors = colors
        for chart in self.charts():
            chart.apply_palette(colors)
        self.disclaimer.setStyleSheet(f"color: {colors.axis.name(QColor.NameFormat.HexArgb)};")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Follow live light/dark palette changes."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.apply_palette(chart_palette(self.palette()))


def _icon(name: str) -> Any:
    from PySide6.QtGui import QIcon

    return QIcon(str(icon_path(name)))


def render_image(
    data: DashboardData,
    size: QSize,
    *,
    title: str | None = None,
    palette: QPalette | None = None,
    ratio: float = 1.0,
) -> QImage:
    """Render the charts of ``data`` into an image of ``size`` times ``ratio`` pixels.

    Used by ``focusapp chart`` and the window's "Export charts": the panel is never shown,
    only laid out at ``size`` and painted once at the device pixel ratio ``ratio`` (the
    screen's, for the window), with the title and without the "Get help" button.
    """
    # Never shown: no window is created (and no platform window needs a display); render()
    # delivers the pending resize events that lay the charts out.
    panel = ChartPanel(title=title)
    if palette is not None:
        panel.setPalette(palette)
    colors = chart_palette(panel.palette())
    panel.apply_palette(colors)
    panel.help_button.hide()
    panel.setAutoFillBackground(True)
    panel.setContentsMargins(12, 10, 12, 8)
    panel.resize(size)
    layout = panel.layout()
    if layout is not None:
        layout.activate()
    panel.set_data(data, reset_view=True)
    QApplication.processEvents()
    image = QImage(size * ratio, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(colors.background)
    panel.render(image)
    panel.deleteLater()
    return image
