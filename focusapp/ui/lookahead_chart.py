"""The look-ahead's charts: the measured signal with its projection, and booked meetings.

The measured signal is a solid line that ends today; the projection is a dashed line of
another colour from today's score to the projected day, so a forecast can never be read as
history. Booked meetings are bars, with the days that keep a 2-hour focus block marked.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from focusapp.ui.charts.base import DAY, RISK_BANDS, DayChart
from focusapp.ui.theme import chart_palette
from focusapp.wording.levels import level_word

if TYPE_CHECKING:
    from collections.abc import Sequence

    from focusapp.domain.forecast import ForecastDay
    from focusapp.domain.projection import Projection
    from focusapp.domain.risk import RiskAssessment
    from focusapp.ui.theme import ChartPalette

_EPOCH: Final = dt.date(1970, 1, 1)
_HOUR: Final = 60.0


def _x(day: dt.date) -> float:
    return (day - _EPOCH).days * DAY


class SignalAheadChart(DayChart):
    """The last weeks' measured signal (solid) and the coming week's projection (dashed).

    Attributes:
        measured: The measured score line, ending today.
        projection: The dashed line from today's score to the projected score.
        today_line: A thin vertical line at today.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        axis = pg.AxisItem("right")
        axis.setTicks([[((lo + hi) / 2, level_word(level)) for level, lo, hi in RISK_BANDS], []])
        super().__init__(parent, right_axis=axis, min_height=170)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setYRange(0, 100, padding=0)
        self.plot.getAxis("left").setTicks([[(v, str(v)) for v in (0, 25, 50, 75, 100)], []])
        self.bands: list[tuple[str, pg.LinearRegionItem]] = []
        for level, lo, hi in RISK_BANDS:
            band = pg.LinearRegionItem(
                values=(lo, hi), orientation="horizontal", movable=False, pen=pg.mkPen(None)
            )
            band.setZValue(-10)
            self.plot.addItem(band, ignoreBounds=True)
            self.bands.append((str(level), band))
        self.measured = pg.PlotDataItem(connect="finite", antialias=True)
        self.projection = pg.PlotDataItem(antialias=True, symbol="o", symbolSize=7)
        self.today_line = pg.InfiniteLine(angle=90, movable=False)
        for item in (self.measured, self.projection):
            self.plot.addItem(item)
        self.plot.addItem(self.today_line, ignoreBounds=True)
        self._colors = chart_palette(self.palette())
        self._legend(None)

    def show_signal(
        self,
        measured: Sequence[RiskAssessment],
        projection: Projection | None,
        today: dt.date,
    ) -> None:
        """Draw ``measured`` (days up to ``today``) and, if scored, the projection."""
        x = np.array([_x(a.date) for a in measured], dtype=float)
        y = np.array([np.nan if a.score is None else a.score for a in measured], dtype=float)
        self.measured.setData(x, y)
        self.today_line.setPos(_x(today))
        last = next((a for a in reversed(measured) if a.score is not None), None)
        if projection is not None and projection.score is not None and last is not None:
            self.projection.setData(
                [_x(last.date), _x(projection.day)], [last.score, projection.score]
            )
            self.projection.show()
            end = projection.day
        else:
            self.projection.setData([], [])
            self.projection.hide()
            end = today + dt.timedelta(days=7)
        start = measured[0].date if measured else today - dt.timedelta(days=27)
        self.plot.setXRange(_x(start), _x(end) + DAY / 2, padding=0.01)
        self._legend(projection)

    def _legend(self, projection: Projection | None) -> None:
        colors = self._colors
        measured = (
            f"<span style='color:{colors.score.name()}'>\u2014</span> "
            + QCoreApplication.translate("Lookahead", "measured (up to today)")
        )
        parts = [
            "<b>" + QCoreApplication.translate("Lookahead", "Burnout-risk signal") + "</b>",
            measured,
        ]
        if projection is not None and projection.score is not None:
            dashed = (
                f"<span style='color:{colors.reference.name()}'>- -</span> "
                + QCoreApplication.translate("Lookahead", "projection (not a measurement)")
            )
            parts.append(dashed)
        self.set_title("&nbsp;&nbsp;".join(parts))

    def apply_palette(self, colors: ChartPalette) -> None:
        """Recolour the bands, the lines and the legend."""
        super().apply_palette(colors)
        self._colors = colors
        for level, band in self.bands:
            brush = pg.mkBrush(colors.bands[level])
            band.setBrush(brush)
            band.setHoverBrush(brush)
        self.measured.setPen(self.line_pen(colors.score, 2.2))
        self.projection.setPen(self.line_pen(colors.reference, 2.2, Qt.PenStyle.DashLine))
        self.projection.setSymbolBrush(pg.mkBrush(colors.reference))
        self.projection.setSymbolPen(pg.mkPen(None))
        self.today_line.setPen(pg.mkPen(colors.axis, width=1, style=Qt.PenStyle.DotLine))


class BookedChart(DayChart):
    """Booked meeting hours of each coming day; days with a 2-hour focus block are marked.

    Attributes:
        bars: The meeting-hours bars.
        focus_marks: A mark above each day that keeps a 2-hour focus block.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, min_height=130)
        self.plot.setMouseEnabled(x=False, y=False)
        self.bars = pg.BarGraphItem(x=[], height=[], width=DAY * 0.7)
        self.focus_marks = pg.ScatterPlotItem(symbol="t1", size=9)
        self.plot.addItem(self.bars)
        self.plot.addItem(self.focus_marks)
        self._colors = chart_palette(self.palette())
        self._legend()

    def show_days(self, days: Sequence[ForecastDay]) -> None:
        """Draw the booked hours of ``days``."""
        x = np.array([_x(d.date) for d in days], dtype=float)
        hours = np.array([d.meeting_minutes / _HOUR for d in days], dtype=float)
        self.bars.setOpts(x=x, height=hours, width=DAY * 0.7)
        top = max(float(hours.max()) if len(hours) else 0.0, 1.0)
        focus = [d.has_focus_block for d in days]
        self.focus_marks.setData(x[focus], np.full(int(sum(focus)), top * 1.08))
        self.plot.setYRange(0, top * 1.18, padding=0)
        if len(x):
            self.plot.setXRange(x[0] - DAY / 2, x[-1] + DAY / 2, padding=0.01)

    def _legend(self) -> None:
        colors = self._colors
        self.set_title(
            "<b>"
            + QCoreApplication.translate("Lookahead", "Booked meetings, hours (forecast)")
            + "</b>&nbsp;&nbsp;"
            + f"<span style='color:{colors.usual.name()}'>\u25bc</span> "
            + QCoreApplication.translate("Lookahead", "a 2-hour focus block is left")
        )

    def apply_palette(self, colors: ChartPalette) -> None:
        """Recolour the bars, the marks and the legend."""
        super().apply_palette(colors)
        self._colors = colors
        self.bars.setOpts(brush=pg.mkBrush(colors.meetings), pen=pg.mkPen(None))
        self.focus_marks.setBrush(pg.mkBrush(colors.usual))
        self.focus_marks.setPen(pg.mkPen(None))
        self._legend()


class LookaheadCharts(QWidget):
    """The two look-ahead charts one above the other, sharing the palette."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.signal = SignalAheadChart(self)
        self.booked = BookedChart(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.signal, 3)
        layout.addWidget(self.booked, 2)
        self.apply_palette()

    def apply_palette(self) -> None:
        """Recolour both charts for the current palette (light, dark, high contrast)."""
        colors = chart_palette(self.palette())
        self.signal.apply_palette(colors)
        self.booked.apply_palette(colors)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Follow live light/dark palette changes."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.apply_palette()
