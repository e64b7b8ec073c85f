"""The burnout-risk chart: the daily score over the four level bands."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QLabel, QWidget

from focusapp.ui.charts.base import (
    DOTS_UP_TO_DAYS,
    RISK_BANDS,
    DayChart,
    _curve,
    _dots,
    _lonely,
    day_x,
)
from focusapp.wording.levels import level_word

if TYPE_CHECKING:
    from focusapp.domain.risk import Level
    from focusapp.services.stats import DaySeries
    from focusapp.ui.theme import ChartPalette


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
