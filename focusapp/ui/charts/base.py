"""What every chart shares: the day axis, its constants, the hover cursor and plot items."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from focusapp.domain.risk import Level
from focusapp.services.stats import epoch_day, from_epoch_day

if TYPE_CHECKING:
    import datetime as dt

    from numpy.typing import NDArray

    from focusapp.services.stats import DaySeries
    from focusapp.ui.theme import ChartPalette


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
_SQUARE: Final = "\u25a0"
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


def _swatch(color: QColor, shape: str = _SQUARE) -> str:
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

    def set_legend(self, template: str, **parts: tuple[QColor, str] | int) -> None:
        """Set the title from ``template``: each ``(colour, shape)`` part becomes a swatch.

        Other parts (numbers) are filled in as they are.
        """
        filled = {
            name: _swatch(*part) if isinstance(part, tuple) else part
            for name, part in parts.items()
        }
        self.set_title(template.format(**filled))

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
