"""The workload charts: energy, maker vs manager time, weekly hours and work-day streaks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QColor

from focusapp.services.stats import LONG_WEEK_HOURS
from focusapp.ui.charts.base import (
    _DASHED,
    _DOT,
    _DOTTED,
    _LINE,
    _SQUARE,
    DAY,
    ORDINARY_RUN_DAYS,
    DayChart,
    PercentAxis,
    _curve,
    _dots,
    _finite,
    _lonely,
    day_x,
)
from focusapp.wording.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from focusapp.services.stats import DaySeries
    from focusapp.ui.theme import ChartPalette


#: The charts' titles, with their legends' swatches as ``{fields}`` (see ``set_legend``).
_ENERGY_TITLE: Final = QT_TRANSLATE_NOOP(
    "EnergyChart",
    "<b>Energy</b> &nbsp; {dot} daily &nbsp; {line} 7-day mean &nbsp; {dashed} your usual",
)
_WORK_MIX_WEEKLY_TITLE: Final = QT_TRANSLATE_NOOP(
    "WorkMixChart",
    "<b>Maker vs manager time</b> (hours per week) &nbsp; {coding} coding &nbsp; "
    "{meetings} meetings &nbsp; {share} meeting share (weekly, right axis)",
)
_WORK_MIX_DAILY_TITLE: Final = QT_TRANSLATE_NOOP(
    "WorkMixChart",
    "<b>Maker vs manager time</b> (hours per day) &nbsp; {coding} coding &nbsp; "
    "{meetings} meetings &nbsp; {share} meeting share (7-day, right axis)",
)
_HOURS_TITLE: Final = QT_TRANSLATE_NOOP(
    "HoursChart",
    "<b>Hours in the last 7 days</b> &nbsp; {line} logged work &nbsp; {dashed} {hours} h a week",
)
_STREAK_TITLE: Final = QT_TRANSLATE_NOOP(
    "StreakChart",
    "<b>Consecutive work days</b> &nbsp; {bar} days in a row "
    "&nbsp; {dotted} {days} (an ordinary week)",
)


class EnergyChart(DayChart):
    """Daily energy as dots, the 7-day mean as a line and the usual level dashed.

    Attributes:
        points: One dot per logged energy.
        mean7: Mean energy of the 7 days ending on each day.
        usual: The risk model's baseline ("your usual"), where it exists.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot.setYRange(0.6, 5.4, padding=0)
        self.plot.getAxis("left").setTicks([[(v, str(v)) for v in range(1, 6)], []])
        self.points = _dots(symbolSize=5)
        self.mean7 = _curve()
        self.usual = _curve()
        for item in (self.usual, self.points, self.mean7):
            self.plot.addItem(item)

    def set_series(self, series: DaySeries) -> None:
        """Show the energy arrays."""
        super().set_series(series)
        x = day_x(series.epoch_days)
        self.points.setData(*_finite(x, series.energy))
        self.mean7.setData(x, series.energy_mean7)
        self.usual.setData(x, series.usual_energy)

    def apply_palette(self, colors: ChartPalette) -> None:
        """Recolour dots and lines and the legend."""
        super().apply_palette(colors)
        self.points.setSymbolPen(pg.mkPen(None))
        dots = QColor(colors.energy_points)
        dots.setAlphaF(0.45 if self.dense else 1.0)
        self.points.setSymbolBrush(pg.mkBrush(dots))
        self.points.setSymbolSize(4 if self.dense else 5)
        self.mean7.setPen(self.line_pen(colors.energy_mean, 2.2))
        self.usual.setPen(self.line_pen(colors.usual, 1.6, Qt.PenStyle.DashLine))
        self.set_legend(
            self.tr(_ENERGY_TITLE),
            dot=(colors.energy_points, _DOT),
            line=(colors.energy_mean, _LINE),
            dashed=(colors.usual, _DASHED),
        )


class WorkMixChart(DayChart):
    """Maker vs manager time: stacked coding and meeting hours, and the meeting share.

    Per day, or per Monday-to-Sunday week when the range is longer than about six months.
    The meeting share of work time uses the right axis (0-100%).

    Attributes:
        coding: Coding hours (bottom of each stack).
        meetings: Meeting hours (stacked on coding).
        share: Meeting share of work time (7-day rolling per day, or per week).
        share_box: The view box behind the right axis.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, right_axis=PercentAxis("right"))
        self.coding = pg.BarGraphItem(x=[], height=[], width=DAY * 0.8, pen=pg.mkPen(None))
        self.meetings = pg.BarGraphItem(x=[], y0=[], height=[], width=DAY * 0.8, pen=pg.mkPen(None))
        self.plot.addItem(self.coding)
        self.plot.addItem(self.meetings)
        self.plot.getViewBox().enableAutoRange(axis="y")
        self.plot.getViewBox().setAutoVisible(y=True)
        self.share_box = pg.ViewBox(enableMenu=False)
        self.share_box.setMouseEnabled(x=False, y=False)
        self.view.scene().addItem(self.share_box)
        self.plot.getAxis("right").linkToView(self.share_box)
        self.share_box.setXLink(self.plot)
        self.share_box.setYRange(0, 1, padding=0)
        self.share_box.setZValue(5)
        self.share = _curve()
        self.share_box.addItem(self.share)
        self.plot.getViewBox().sigResized.connect(self._on_view_box_resized)
        self._weekly = False
        self._colors: ChartPalette | None = None

    @Slot(object)
    def _on_view_box_resized(self, _box: object) -> None:
        self.share_box.setGeometry(self.plot.getViewBox().sceneBoundingRect())

    def set_series(self, series: DaySeries) -> None:
        """Show the bars of ``series.bars`` and the share line."""
        super().set_series(series)
        bars = series.bars
        width = bars.width_days * DAY
        # A day's bar sits on its date, a week's on its middle day (Thursday).
        centres = (bars.start.astype(np.float64) + (bars.width_days - 1) / 2) * DAY
        bar_width = width * (0.8 if bars.width_days == 1 else 0.86)
        self.coding.setOpts(x=centres, height=bars.coding_hours, width=bar_width)
        self.meetings.setOpts(
            x=centres, y0=bars.coding_hours, height=bars.meeting_hours, width=bar_width
        )
        if bars.weekly:
            self.share.setData(*_finite(centres, bars.meeting_share))
        else:
            self.share.setData(day_x(series.epoch_days), series.meeting_share7)
        top = float(np.max(bars.coding_hours + bars.meeting_hours)) if len(centres) else 0.0
        self.plot.getViewBox().setLimits(yMin=0)
        self.plot.setYRange(0, max(top * 1.08, 10.0 if bars.weekly else 2.0), padding=0)
        self._weekly = bars.weekly
        self._update_title()

    def apply_palette(self, colors: ChartPalette) -> None:
        """Recolour bars, the share line and the legend."""
        super().apply_palette(colors)
        self._colors = colors
        self.coding.setOpts(brush=pg.mkBrush(colors.coding), pen=pg.mkPen(None))
        self.meetings.setOpts(brush=pg.mkBrush(colors.meetings), pen=pg.mkPen(None))
        self.share.setPen(self.line_pen(colors.share, 1.6))
        self._update_title()

    def _update_title(self) -> None:
        colors = self._colors
        if colors is None:
            return
        self.set_legend(
            self.tr(_WORK_MIX_WEEKLY_TITLE if self._weekly else _WORK_MIX_DAILY_TITLE),
            coding=(colors.coding, _SQUARE),
            meetings=(colors.meetings, _SQUARE),
            share=(colors.share, _LINE),
        )


class HoursChart(DayChart):
    """Work hours in the 7 days ending on each day, with the 55-hour reference line.

    Attributes:
        hours: The hours line (filled to zero).
        lonely: Dots for values with no known neighbour (a line cannot show them).
        reference: The dashed line at 55 h (the WHO/ILO long-hours threshold).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hours = _curve(fillLevel=0.0)
        self.lonely = _dots(symbolSize=5)
        self.plot.addItem(self.hours)
        self.plot.addItem(self.lonely)
        self.reference = pg.InfiniteLine(
            pos=LONG_WEEK_HOURS,
            angle=0,
            movable=False,
            label=f"{LONG_WEEK_HOURS} h",
            labelOpts={"position": 0.02, "anchors": [(0, 0), (0, 0)]},
        )
        self.plot.addItem(self.reference)
        self.plot.getViewBox().setLimits(yMin=0)

    def set_series(self, series: DaySeries) -> None:
        """Show the rolling weekly hours."""
        super().set_series(series)
        x = day_x(series.epoch_days)
        self.hours.setData(x, series.hours7)
        alone = _lonely(np.isfinite(series.hours7))
        self.lonely.setData(x[alone], series.hours7[alone])
        finite = series.hours7[np.isfinite(series.hours7)]
        top = float(finite.max()) if finite.size else 0.0
        self.plot.setYRange(0, max(60.0, top * 1.08), padding=0)

    def apply_palette(self, colors: ChartPalette) -> None:
        """Recolour the line, its fill, the reference line and the title."""
        super().apply_palette(colors)
        self.hours.setPen(self.line_pen(colors.hours, 2.0))
        self.hours.setBrush(pg.mkBrush(colors.hours_fill))
        self.lonely.setSymbolBrush(pg.mkBrush(colors.hours))
        self.lonely.setSymbolPen(pg.mkPen(None))
        self.reference.setPen(self.line_pen(colors.reference, 1.4, Qt.PenStyle.DashLine))
        self.reference.label.setColor(colors.reference)
        self.set_legend(
            self.tr(_HOURS_TITLE),
            line=(colors.hours, _LINE),
            dashed=(colors.reference, _DASHED),
            hours=LONG_WEEK_HOURS,
        )


class StreakChart(DayChart):
    """Consecutive work days: the run of worked days ending on each day.

    Attributes:
        streak: A stepped area, one step per day.
        reference: A dotted line at 5 days (an ordinary working week).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, min_height=70)
        self.streak = pg.PlotDataItem(stepMode="center", fillLevel=0.0, antialias=False)
        self.streak.setClipToView(True)
        self.plot.addItem(self.streak)
        self.reference = pg.InfiniteLine(pos=ORDINARY_RUN_DAYS, angle=0, movable=False)
        self.plot.addItem(self.reference)
        self.plot.getViewBox().setLimits(yMin=0)

    def set_series(self, series: DaySeries) -> None:
        """Show the runs of work days."""
        super().set_series(series)
        days = np.append(series.epoch_days, series.epoch_days[-1] + 1).astype(np.float64)
        edges = (days - 0.5) * DAY
        self.streak.setData(edges, series.streak.astype(np.float64))
        top = int(series.streak.max()) if series.days else 0
        self.plot.setYRange(0, max(8, top + 1), padding=0)

    def apply_palette(self, colors: ChartPalette) -> None:
        """Recolour the area and the reference line."""
        super().apply_palette(colors)
        self.streak.setPen(self.line_pen(colors.streak, 1.2))
        fill = QColor(colors.streak)
        fill.setAlphaF(0.35)
        self.streak.setBrush(pg.mkBrush(fill))
        self.reference.setPen(self.line_pen(colors.reference, 1.2, Qt.PenStyle.DotLine))
        self.set_legend(
            self.tr(_STREAK_TITLE),
            bar=(colors.streak, _SQUARE),
            dotted=(colors.reference, _DOTTED),
            days=ORDINARY_RUN_DAYS,
        )
