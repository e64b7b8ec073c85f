"""The dashboard's charts (pyqtgraph): risk signal, energy, maker vs manager time, workload.

Importing this module imports pyqtgraph, which costs a few hundred milliseconds; only the
dashboard (created after the window's first paint) and ``focusapp chart`` import it.

Every chart keeps its plot items for its whole life and refreshes them with ``setData`` /
``setOpts``, so an update after a check-in never rebuilds widgets. The x axis is in
"calendar seconds": ``epoch_day * 86400``, drawn by a ``DateAxisItem`` with a UTC offset of
0, so a day's label is exactly its calendar date whatever the machine's time zone. A daily
value sits on its date's tick (its slot spans half a day either side), so the label under a
dot or a bar is its date.
"""

from __future__ import annotations

import math
import os
from typing import TYPE_CHECKING, Any, Final

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from focusapp.domain.risk import DISCLAIMER, Level
from focusapp.services.stats import LONG_WEEK_HOURS, epoch_day, from_epoch_day
from focusapp.system.resources import icon_path
from focusapp.ui.theme import ChartPalette, chart_palette
from focusapp.wording.levels import level_word, risk_text

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator

    from numpy.typing import NDArray

    from focusapp.services.stats import DashboardData, DaySeries

DAY: Final = 86400.0
#: Width of the left and right axes, fixed so that all charts share one plot width.
LEFT_AXIS_WIDTH: Final = 46
RIGHT_AXIS_WIDTH: Final = 66
#: Up to this many days the score line also marks each day with a dot.
DOTS_UP_TO_DAYS: Final = 100
#: Beyond this many days lines are drawn 1 px wide: thinner reads better when days are
#: narrower than a pixel or two, and Qt strokes 1-px antialiased lines an order of magnitude
#: faster than wide ones (this keeps a 10-year view's repaint in tens of milliseconds).
DENSE_AFTER_DAYS: Final = 200
#: An ordinary week: up to 5 work days in a row (risk model F5 starts counting after 5).
ORDINARY_RUN_DAYS: Final = 5
_DOT: Final = "\u25cf"
_LINE: Final = "\u2014"
_DASHED: Final = "- -"
_DOTTED: Final = "\u00b7\u00b7\u00b7"
#: The four level bands of the risk score, as (level, low, high).
RISK_BANDS: Final = (
    (Level.LOW, 0, 25),
    (Level.MODERATE, 25, 50),
    (Level.HIGH, 50, 75),
    (Level.VERY_HIGH, 75, 100),
)


def day_x(epoch_days: NDArray[np.int64]) -> NDArray[np.float64]:
    """Return the x positions of ``epoch_days``: on the date's tick, so labels sit under them."""
    return epoch_days.astype(np.float64) * DAY


def _swatch(color: QColor, shape: str = "\u25a0") -> str:
    return f'<span style="color:{color.name()}">{shape}</span>'


class PercentAxis(pg.AxisItem):  # type: ignore[misc]
    """An axis whose values are shares (0-1) shown as percentages."""

    def tickStrings(  # noqa: N802 - pyqtgraph override
        self, values: list[float], scale: float, spacing: float
    ) -> list[str]:
        """Format 0.25 as ``25%``."""
        return [f"{v * 100:.0f}%" for v in values]


class DayChart(QWidget):
    """One chart: a title line above a pyqtgraph plot with a date axis and a day cursor.

    Attributes:
        title: The rich-text title with the legend.
        view: The ``PlotWidget``.
        plot: Its ``PlotItem``.
        day_line: The vertical line marking the selected or hovered day.

    Signals:
        hovered(object): The ``datetime.date`` under the mouse, or ``None`` on leaving.
        clicked(object): The ``datetime.date`` clicked.
    """

    hovered = Signal(object)
    clicked = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        right_axis: pg.AxisItem | None = None,
        min_height: int = 90,
    ) -> None:
        super().__init__(parent)
        axes: dict[str, Any] = {"bottom": pg.DateAxisItem(orientation="bottom", utcOffset=0)}
        if right_axis is not None:
            axes["right"] = right_axis
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        # A long legend must not widen the window: it wraps onto a second line instead.
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title.setWordWrap(True)
        self.view = pg.PlotWidget(self, axisItems=axes, enableMenu=False)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setMinimumHeight(min_height)
        # The whole chart keeps room for its title and plot; a scrolling parent gives it that.
        self.setMinimumHeight(min_height + self.title.sizeHint().height())
        self.view.setAntialiasing(True)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.plot = self.view.getPlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=True, y=False)
        self.plot.showAxis("right")
        self.plot.getAxis("left").setWidth(LEFT_AXIS_WIDTH)
        # Grid lines at labelled ticks only: minor ticks made the grid busy.
        self.plot.getAxis("left").setStyle(maxTickLevel=0)
        self.plot.getAxis("right").setWidth(RIGHT_AXIS_WIDTH)
        if right_axis is None:
            self.plot.getAxis("right").setStyle(showValues=False)
        self.plot.getViewBox().setDefaultPadding(0.0)
        self.plot.layout.setContentsMargins(0, 2, 4, 0)
        self.day_line = pg.InfiniteLine(angle=90, movable=False)
        self.day_line.setZValue(20)
        self.day_line.hide()
        self.plot.addItem(self.day_line, ignoreBounds=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        self._first_day: int | None = None
        self._days = 0
        self.dense = False
        scene = self.view.scene()
        scene.sigMouseMoved.connect(self._on_scene_mouse_moved)
        scene.sigMouseClicked.connect(self._on_scene_mouse_clicked)

    # --- data and colours: subclasses fill these in -------------------------------------------

    def set_series(self, series: DaySeries) -> None:
        """Show ``series``; subclasses set their items' data and call this for hovering."""
        self._first_day = int(series.epoch_days[0]) if series.days else None
        self._days = series.days

    def apply_palette(self, colors: ChartPalette) -> None:
        """Recolour the axes, grid, background and cursor; subclasses recolour their items."""
        self.view.setBackground(colors.background)
        font = self.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        for name in ("left", "bottom", "right"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(colors.axis))
            axis.setTextPen(pg.mkPen(colors.axis))
            axis.setTickFont(font)
        self.plot.showGrid(x=False, y=True, alpha=colors.grid_alpha)
        self.day_line.setPen(pg.mkPen(colors.cursor, width=1.5))

    def line_pen(
        self, color: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine
    ) -> QPen:
        """Return a cosmetic pen, ``width`` wide, or 1 px when the range is dense."""
        pen = QPen(color)
        pen.setCosmetic(True)
        pen.setWidthF(1.0 if self.dense else width)
        pen.setStyle(style)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def set_title(self, html: str) -> None:
        """Set the title line (rich text, may hold legend swatches)."""
        self.title.setText(html)

    # --- hover --------------------------------------------------------------------------------

    def day_at_scene(self, pos: QPointF) -> dt.date | None:
        """Return the day under scene position ``pos``, if inside the plot and the data."""
        box = self.plot.getViewBox()
        if self._first_day is None or not box.sceneBoundingRect().contains(pos):
            return None
        x = box.mapSceneToView(pos).x()
        index = math.floor(x / DAY + 0.5) - self._first_day
        if not 0 <= index < self._days:
            return None
        return from_epoch_day(self._first_day + index)

    def show_cursor(self, day: dt.date | None) -> None:
        """Draw the cursor line on ``day`` (``None`` hides it)."""
        if day is None or self._first_day is None:
            self.day_line.hide()
            return
        self.day_line.setPos(epoch_day(day) * DAY)
        self.day_line.show()

    @Slot(object)
    def _on_scene_mouse_moved(self, pos: QPointF) -> None:
        self.hovered.emit(self.day_at_scene(pos))

    @Slot(object)
    def _on_scene_mouse_clicked(self, event: Any) -> None:
        day = self.day_at_scene(event.scenePos())
        if day is not None and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(day)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Report leaving the chart as hovering no day.

        An override on the chart itself rather than an event filter on pyqtgraph's viewport:
        a Python filter on a child that pyqtgraph destroys on its own schedule can be called
        after its wrapper is gone, which crashed the process.
        """
        self.hovered.emit(None)
        super().leaveEvent(event)


def _curve(**kwargs: Any) -> pg.PlotDataItem:
    item = pg.PlotDataItem(connect="finite", antialias=True, **kwargs)
    item.setClipToView(True)
    item.setDownsampling(auto=True, method="peak")
    return item


def _dots(**kwargs: Any) -> pg.PlotDataItem:
    return pg.PlotDataItem(pen=None, symbol="o", antialias=True, **kwargs)


def _lonely(known: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """Return where a value is known but neither neighbour is (a line cannot show it)."""
    before = np.concatenate(([False], known[:-1]))
    after = np.concatenate((known[1:], [False]))
    return known & ~before & ~after


def _finite(x: NDArray[np.float64], y: NDArray[np.float64]) -> tuple[Any, Any]:
    keep = np.isfinite(y)
    return x[keep], y[keep]


class RiskChart(DayChart):
    """The daily burnout-risk score over four soft level bands.

    Solid where the score is firm, dashed where provisional, with gaps where there is no
    score; a day scored between unscored days shows as a dot. When the whole range is
    unscored, a calm message says how many more check-ins are needed.

    Attributes:
        bands: One region per level, low to very high.
        firm: The solid line (firm scores; ``NaN`` elsewhere).
        provisional: The dashed line (provisional scores, plus the firm end of a segment
            that joins a provisional day).
        dots: A dot on every scored day of a short range, and on scored days with no
            scored neighbour (which a line cannot show) in any range.
        message: The overlay shown when no day in the range has a score.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        axis = pg.AxisItem("right")
        axis.setTicks([[((lo + hi) / 2, level_word(level)) for level, lo, hi in RISK_BANDS], []])
        super().__init__(parent, right_axis=axis, min_height=140)
        self.plot.setYRange(0, 100, padding=0)
        self.plot.getAxis("left").setTicks([[(v, str(v)) for v in (0, 25, 50, 75, 100)], []])
        self.bands: dict[Level, pg.LinearRegionItem] = {}
        for level, lo, hi in RISK_BANDS:
            band = pg.LinearRegionItem(
                values=(lo, hi), orientation="horizontal", movable=False, pen=pg.mkPen(None)
            )
            band.setZValue(-10)
            self.plot.addItem(band, ignoreBounds=True)
            self.bands[level] = band
        self.firm = _curve()
        self.provisional = _curve()
        self.dots = _dots(symbolSize=5)
        for item in (self.firm, self.provisional, self.dots):
            self.plot.addItem(item)
        self.message = QLabel(self.view)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setObjectName("risk_message")
        self.message.hide()
        self.plot.getViewBox().sigResized.connect(self._on_view_box_resized)
        self.set_title(self.tr("<b>Burnout-risk signal</b>"))

    def set_series(self, series: DaySeries, message: str | None = None) -> None:
        """Show the scores; ``message`` is shown instead when no day has a score."""
        super().set_series(series)
        x = day_x(series.epoch_days)
        score = series.score
        scored = np.isfinite(score)
        prov = series.provisional & scored
        firm_y = np.where(scored & ~prov, score, np.nan)
        prov_y = np.where(prov, score, np.nan)
        # A segment between a provisional and a firm day is drawn dashed: give the dashed
        # line the firm end point too, so the line stays continuous.
        joins = np.flatnonzero(scored[1:] & scored[:-1] & (prov[1:] != prov[:-1]))
        prov_y[joins] = score[joins]
        prov_y[joins + 1] = score[joins + 1]
        dotted = scored if series.days <= DOTS_UP_TO_DAYS else _lonely(scored)
        self.firm.setData(x, firm_y)
        self.provisional.setData(x, prov_y)
        self.dots.setData(x[dotted], score[dotted])
        show = message is not None and not scored.any()
        self.message.setText(message or "")
        self.message.setVisible(show)
        self._place_message()

    def apply_palette(self, colors: ChartPalette) -> None:
        """Recolour bands and lines."""
        super().apply_palette(colors)
        for level, band in self.bands.items():
            brush = pg.mkBrush(colors.bands[str(level)])
            band.setBrush(brush)
            band.setHoverBrush(brush)
        self.firm.setPen(self.line_pen(colors.score, 2.2))
        self.provisional.setPen(self.line_pen(colors.score, 2.0, Qt.PenStyle.DashLine))
        self.dots.setSymbolBrush(pg.mkBrush(colors.score))
        self.dots.setSymbolPen(pg.mkPen(None))
        self.message.setStyleSheet(
            f"color: {colors.text.name()}; background: transparent; padding: 12px;"
        )

    def _place_message(self) -> None:
        box = self.view.mapFromScene(self.plot.getViewBox().sceneBoundingRect()).boundingRect()
        self.message.setGeometry(box if not box.isEmpty() else self.view.rect())

    @Slot(object)
    def _on_view_box_resized(self, _box: object) -> None:
        self._place_message()


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
        self.set_title(
            self.tr(
                "<b>Energy</b> &nbsp; {dot} daily &nbsp; {line} 7-day mean "
                "&nbsp; {dashed} your usual"
            ).format(
                dot=_swatch(colors.energy_points, _DOT),
                line=_swatch(colors.energy_mean, _LINE),
                dashed=_swatch(colors.usual, _DASHED),
            )
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
        title = (
            self.tr(
                "<b>Maker vs manager time</b> (hours per week) &nbsp; {coding} coding &nbsp; "
                "{meetings} meetings &nbsp; {share} meeting share (weekly, right axis)"
            )
            if self._weekly
            else self.tr(
                "<b>Maker vs manager time</b> (hours per day) &nbsp; {coding} coding &nbsp; "
                "{meetings} meetings &nbsp; {share} meeting share (7-day, right axis)"
            )
        )
        self.set_title(
            title.format(
                coding=_swatch(colors.coding),
                meetings=_swatch(colors.meetings),
                share=_swatch(colors.share, _LINE),
            )
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
        self.set_title(
            self.tr(
                "<b>Hours in the last 7 days</b> &nbsp; {line} logged work &nbsp; "
                "{dashed} {hours} h a week"
            ).format(
                line=_swatch(colors.hours, _LINE),
                dashed=_swatch(colors.reference, _DASHED),
                hours=LONG_WEEK_HOURS,
            )
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
        self.set_title(
            self.tr(
                "<b>Consecutive work days</b> &nbsp; {bar} days in a row "
                "&nbsp; {dotted} {days} (an ordinary week)"
            ).format(
                bar=_swatch(colors.streak),
                dotted=_swatch(colors.reference, _DOTTED),
                days=ORDINARY_RUN_DAYS,
            )
        )


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
        message = data.today.assessment.message if data.has_checkins else None
        if data.has_checkins and not series.checkin_count:
            message = "No check-ins in this range."
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
