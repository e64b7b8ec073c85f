"""The dashboard: today's header, the range selector, the linked charts and the day panel.

This module does not import pyqtgraph: the header, the day panel and the data request come
first, and the charts (``focusapp.ui.charts``) are imported on the next turn of the event
loop, while the worker thread reads the database. Each refresh computes one
:class:`~focusapp.services.stats.DashboardData` on the worker and then only feeds the
existing chart items (``setData``), so nothing is rebuilt after a check-in.

The chosen range is kept in the window's QSettings file (``dashboard/range``) beside the
window geometry: it is a view preference of this window, like the splitter positions, not
a setting the user edits or the CLI reads.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from html import escape
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QRectF,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPalette, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from focusapp.domain.durations import format_duration
from focusapp.domain.risk import DISCLAIMER, FACTORS, MAX_POINTS, STREAK_CAP
from focusapp.services.stats import ChartRange
from focusapp.ui.help_dialog import HelpDialog, factor_name
from focusapp.ui.locale_text import day_text
from focusapp.ui.theme import (
    INDIGO,
    LEVEL_COLORS,
    NO_SCORE_COLOR,
    TREND_ARROWS,
    is_dark,
)
from focusapp.ui.workers import BackgroundRunner
from focusapp.wording.levels import energy_word, level_word, risk_text
from focusapp.wording.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from focusapp.domain.models import CheckIn
    from focusapp.domain.risk import RiskAssessment
    from focusapp.services.stats import DashboardData, DaySeries, StatsService, TodaySummary
    from focusapp.ui.charts.panel import ChartPanel

logger = logging.getLogger(__name__)

RANGE_KEY: Final = "dashboard/range"
DETAIL_SPLITTER_KEY: Final = "dashboard/detail_splitter"
RANGE_LABELS: Final = {
    ChartRange.TWO_WEEKS: QT_TRANSLATE_NOOP("Dashboard", "2 weeks"),
    ChartRange.THREE_MONTHS: QT_TRANSLATE_NOOP("Dashboard", "3 months"),
    ChartRange.ONE_YEAR: QT_TRANSLATE_NOOP("Dashboard", "1 year"),
    ChartRange.ALL: QT_TRANSLATE_NOOP("Dashboard", "All"),
}
DEFAULT_RANGE: Final = ChartRange.THREE_MONTHS
TREND_WORDS: Final = {
    "rising": QT_TRANSLATE_NOOP("Dashboard", "rising"),
    "easing": QT_TRANSLATE_NOOP("Dashboard", "easing"),
    "steady": QT_TRANSLATE_NOOP("Dashboard", "steady"),
}


def _dash(value: str | None) -> str:
    return "\u2014" if value is None else value


def energy_text(energy: int | None) -> str | None:
    """Return ``4 Good`` for an energy, ``None`` when not logged."""
    return None if energy is None else f"{energy} {energy_word(energy)}".strip()


def minutes_text(minutes: int | None) -> str | None:
    """Return ``1h30`` for minutes, ``None`` when not logged."""
    return None if minutes is None else format_duration(minutes)


def level_pixmap(color: str, size: int, ratio: float) -> QPixmap:
    """Return a round swatch in ``color`` (crisp at the device pixel ratio ``ratio``)."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#1f2a30"))
    painter.setBrush(QColor(color))
    painter.drawEllipse(QRectF(0.75, 0.75, size - 1.5, size - 1.5))
    painter.end()
    return pixmap


def describe_risk(assessment: RiskAssessment) -> str:
    """Return e.g. ``38 · Moderate · rising`` or the check-ins still needed."""
    if assessment.score is None or assessment.level is None:
        return assessment.message or QCoreApplication.translate("Dashboard", "No signal yet")
    parts = [str(assessment.score), level_word(assessment.level)]
    if assessment.provisional:
        parts.append(QCoreApplication.translate("Dashboard", "provisional"))
    if assessment.trend is not None:
        parts.append(QCoreApplication.translate("Dashboard", TREND_WORDS[str(assessment.trend)]))
    return " \u00b7 ".join(parts)


class _Tile(QWidget):
    """A caption over a value, as in a desktop status header."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(caption, self)
        self.value = QLabel("\u2014", self)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.value.setFont(font)
        small = self.caption.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.caption.setFont(small)
        self.caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)

    def set_value(self, text: str | None) -> None:
        self.value.setText(_dash(text))
        self.setAccessibleName(
            self.tr("{caption}: {value}").format(caption=self.caption.text(), value=_dash(text))
        )


class DashboardHeader(QFrame):
    """Today's energy, coding and meeting time, and the risk level with its trend.

    The level is shown as a colour, a word and an arrow, so colour is never the only cue.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard_header")
        self.day = QLabel(self)
        font = self.day.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.day.setFont(font)
        self.energy = _Tile(self.tr("Energy"), self)
        self.coding = _Tile(self.tr("Coding"), self)
        self.meetings = _Tile(self.tr("Meetings"), self)
        self.risk = _Tile(self.tr("Burnout-risk signal"), self)
        self.risk_dot = QLabel(self)
        self.risk_dot.setObjectName("risk_dot")
        risk_row = QHBoxLayout()
        risk_row.setSpacing(6)
        risk_row.addWidget(self.risk_dot, 0, Qt.AlignmentFlag.AlignBottom)
        risk_row.addWidget(self.risk, 1)
        # The day stands above the tiles, so longer words (translations) still fit beside the
        # check-in form on a small screen.
        tiles = QHBoxLayout()
        tiles.setSpacing(24)
        tiles.addWidget(self.energy)
        tiles.addWidget(self.coding)
        tiles.addWidget(self.meetings)
        tiles.addLayout(risk_row, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(self.day)
        layout.addLayout(tiles)

    def set_today(self, today: TodaySummary) -> None:
        """Show today's numbers and signal."""
        checkin = today.checkin
        self.day.setText(
            self.tr("Today, {day}").format(day=day_text(today.day, self.tr("ddd dd MMM")))
        )
        self.energy.set_value(energy_text(checkin.energy) if checkin else None)
        self.coding.set_value(minutes_text(checkin.coding_minutes) if checkin else None)
        self.meetings.set_value(minutes_text(checkin.meeting_minutes) if checkin else None)
        assessment = today.assessment
        level = None if assessment.level is None else str(assessment.level)
        color = LEVEL_COLORS.get(level or "", NO_SCORE_COLOR)
        size = self.risk.value.fontMetrics().height() - 4
        self.risk_dot.setPixmap(level_pixmap(color, max(size, 10), self.devicePixelRatioF()))
        if level is None:
            needed = assessment.checkins_needed
            text = self.tr("Not yet (%n more check-ins)", "", needed)
        else:
            arrow = "" if assessment.trend is None else " " + TREND_ARROWS[str(assessment.trend)]
            text = f"{level_word(level)}{arrow}"
        self.risk.set_value(text)
        self.risk.setAccessibleName(
            self.tr("Burnout-risk signal today: {signal}").format(signal=describe_risk(assessment))
        )
        self.risk.setToolTip(assessment.message or "")
        self.risk_dot.setToolTip(assessment.message or "")


class PointsBars(QWidget):
    """Each factor's points as a thin bar out of its maximum, with the figure beside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: dict[str, float] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self._row_height() * len(FACTORS))

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 6

    def set_points(self, points: dict[str, float]) -> None:
        """Show ``points`` keyed by factor name (empty: nothing to show)."""
        self._points = dict(points)
        self.setVisible(bool(points))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """One row per factor."""
        return QSize(240, self._row_height() * len(FACTORS))

    def paintEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Draw name, bar and points for each factor."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        row = self._row_height()
        name_width = max(metrics.horizontalAdvance(factor_name(n)) for n in FACTORS) + 10
        figure_width = metrics.horizontalAdvance("40.0 / 40") + 8
        bar_width = max(20, self.width() - name_width - figure_width)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        track = QColor(text)
        track.setAlphaF(0.12)
        fill = QColor(INDIGO if not is_dark(self.palette()) else "#8c9bf0")
        for k, name in enumerate(FACTORS):
            top = k * row
            points = self._points.get(name, 0.0)
            painter.setPen(text)
            painter.drawText(
                0, top, name_width, row, Qt.AlignmentFlag.AlignVCenter, factor_name(name)
            )
            bar = QRectF(name_width, top + row / 2 - 3, bar_width, 6)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(track)
            painter.drawRoundedRect(bar, 3, 3)
            share = points / MAX_POINTS[name] if MAX_POINTS[name] else 0.0
            if share > 0:
                painter.setBrush(fill)
                painter.drawRoundedRect(QRectF(bar.x(), bar.y(), bar_width * share, 6), 3, 3)
            painter.setPen(text)
            painter.drawText(
                name_width + bar_width + 8,
                top,
                figure_width,
                row,
                Qt.AlignmentFlag.AlignVCenter,
                f"{points:.1f} / {MAX_POINTS[name]:g}",
            )
        painter.end()


class DayDetail(QFrame):
    """The selected (or hovered) day: values, score, points per factor and the reasons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("day_detail")
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.values = QLabel(self)
        self.week = QLabel(self)
        self.score = QLabel(self)
        self.points = PointsBars(self)
        self.reasons = QLabel(self)
        self.message = QLabel(self)
        for label in (self.values, self.week, self.score, self.reasons, self.message):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.message.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.setSpacing(6)
        for widget in (self.title, self.values, self.week, self.score, self.points):
            layout.addWidget(widget)
        layout.addWidget(self.reasons)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self._plain: list[str] = []

    def show_day(self, series: DaySeries, day: dt.date) -> None:
        """Show ``day`` of ``series`` (which must contain it)."""
        index = series.index_of(day)
        if index is None:
            self.clear()
            return
        checkin = series.checkins.get(day)
        assessment = series.assessments[index]
        self.title.setText(day_text(day, self.tr("dddd d MMMM yyyy")))
        self.values.setText(_values_text(checkin))
        week = [self.tr("Last 7 days: {hours} of work").format(hours=_hours(series.hours7[index]))]
        share = series.meeting_share7[index]
        if share == share:  # not NaN
            week.append(self.tr("meetings {share:.0%} of work time").format(share=share))
        run = int(series.streak[index])
        if run >= STREAK_CAP:
            week.append(self.tr("%n or more work days in a row", "", run))
        else:
            week.append(self.tr("%n work days in a row", "", run))
        self.week.setText(", ".join(week) + ".")
        self.score.setText(
            self.tr("Burnout-risk signal: {signal}").format(signal=describe_risk(assessment))
        )
        if assessment.score is None:
            self.points.set_points({})
            self.reasons.setText("")
            self.message.setText("")
        else:
            self.points.set_points({n: r.points for n, r in assessment.factors.items()})
            items = [
                f"<li><b>{factor_name(n)}</b>: {escape(assessment.factors[n].explanation)}</li>"
                for n in FACTORS
                if n in assessment.factors
            ]
            notes = "".join(f"<li>{escape(note)}</li>" for note in assessment.notes)
            self.reasons.setText(f"<ul style='margin-left:-24px'>{''.join(items)}{notes}</ul>")
            self.message.setText(assessment.message or "")
        self._plain = [
            self.title.text(),
            self.values.text(),
            self.week.text(),
            self.score.text(),
            *(
                self.tr("{factor}: {points:.1f} points. {why}").format(
                    factor=factor_name(n), points=r.points, why=r.explanation
                )
                for n, r in assessment.factors.items()
            ),
            *assessment.notes,
            self.message.text(),
        ]
        self.setAccessibleDescription("\n".join(t for t in self._plain if t))

    def clear(self) -> None:
        """Show nothing (no data)."""
        for label in (self.title, self.values, self.week, self.score, self.reasons, self.message):
            label.setText("")
        self.points.set_points({})
        self._plain = []

    def text(self) -> str:
        """Return everything shown, as plain text (for tests and screen readers)."""
        return "\n".join(t for t in self._plain if t)


def qt_type_warmup(chunk: int = 48) -> Iterator[Callable[[], None]]:
    """Yield small steps that create the PySide6 classes pyqtgraph copies on import.

    PySide6 creates its Python classes lazily, on first attribute access; pyqtgraph reads
    every attribute of QtCore, QtGui and QtWidgets when imported (~0.2 s in one go). Done in
    steps of ``chunk`` names, the same work never blocks the event loop for long, and the
    classes exist before pyqtgraph is imported on the worker thread.
    """
    from PySide6 import QtCore, QtGui, QtWidgets

    for module in (QtCore, QtGui, QtWidgets):
        names = [name for name in dir(module) if not name.startswith("_")]
        for start in range(0, len(names), chunk):
            batch = names[start : start + chunk]

            def step(module: object = module, batch: list[str] = batch) -> None:
                for name in batch:
                    getattr(module, name, None)

            yield step


def _hours(hours: float) -> str:
    if hours != hours:  # NaN
        return QCoreApplication.translate("Dashboard", "no hours logged")
    return QCoreApplication.translate("Dashboard", "{hours:.1f} h").format(hours=hours)


def _values_text(checkin: CheckIn | None) -> str:
    if checkin is None:
        return QCoreApplication.translate("Dashboard", "No check-in on this day.")
    parts = [
        QCoreApplication.translate("Dashboard", "Energy {value}").format(
            value=_dash(energy_text(checkin.energy))
        ),
        QCoreApplication.translate("Dashboard", "coding {value}").format(
            value=_dash(minutes_text(checkin.coding_minutes))
        ),
        QCoreApplication.translate("Dashboard", "meetings {value}").format(
            value=_dash(minutes_text(checkin.meeting_minutes))
        ),
    ]
    if checkin.sleep_hours is not None:
        parts.append(
            QCoreApplication.translate("Dashboard", "sleep {hours:g} h").format(
                hours=checkin.sleep_hours
            )
        )
    if checkin.stress is not None:
        parts.append(
            QCoreApplication.translate("Dashboard", "stress {stress}/5").format(
                stress=checkin.stress
            )
        )
    return ", ".join(parts) + "."


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
        runner: BackgroundRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._stats = stats
        self._settings = settings
        # The window's one database worker; without one, a child of our own, deleted with
        # the dashboard, so no result ever reaches a deleted widget.
        self._owns_runner = runner is None
        self._runner = runner or BackgroundRunner(self, name="focusapp-dashboard")
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
        self._warm_steps: Iterator[Callable[[], None]] = iter(())
        self._building: ChartPanel | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Dashboard"))

        self.header = DashboardHeader(self)
        self.range_group = QButtonGroup(self)
        self.range_group.setExclusive(True)
        self.range_bar = QWidget(self)
        range_row = QHBoxLayout(self.range_bar)
        range_row.setContentsMargins(0, 0, 0, 0)
        range_row.setSpacing(2)
        for which, label in RANGE_LABELS.items():
            button = QToolButton(self)
            button.setText(self.tr(label))
            button.setCheckable(True)
            button.setAutoRaise(False)
            button.setAccessibleName(self.tr("Show {range}").format(range=self.tr(label).lower()))
            button.setProperty("range", str(which))
            self.range_group.addButton(button)
            range_row.addWidget(button)
        range_row.addStretch(1)
        self.status = QLabel(self)
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        range_row.addWidget(self.status)
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

        self.welcome = self._build_welcome()
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

    def _build_welcome(self) -> QWidget:
        page = QWidget(self)
        text = QLabel(page)
        text.setWordWrap(True)
        text.setObjectName("dashboard_welcome")
        text.setText(
            self.tr(
                "<h3>Welcome to FocusApp</h3>"
                "<p>Each day, take 20 seconds to note your energy, your coding or deep-work time "
                "and your meeting time: start with today's check-in on the left. Everything "
                "stays on this computer.</p>"
                "<p>After your first check-in your charts appear here. From the third check-in "
                "you also see a burnout-risk signal, and after two to three weeks it compares "
                "each week with your usual.</p>"
            )
        )
        disclaimer = QLabel(risk_text(DISCLAIMER), page)
        disclaimer.setWordWrap(True)
        disclaimer.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        help_button = QPushButton(self.tr("Get help"), page)
        help_button.clicked.connect(self._on_help_button_clicked)
        row = QHBoxLayout()
        row.addWidget(disclaimer, 1)
        row.addWidget(help_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QGridLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(text, 0, 0)
        layout.addLayout(row, 1, 0)
        layout.setRowStretch(2, 1)
        return page

    def ensure_charts(self) -> ChartPanel:
        """Import pyqtgraph and build the charts now, if not done yet."""
        if self.charts is None:
            from focusapp.ui.charts.panel import ChartPanel

            panel = self._building or ChartPanel(self.charts_holder, stepwise=True)
            while not panel.build_next():
                pass
            self._install(panel)
        assert self.charts is not None
        return self.charts

    def _install(self, panel: ChartPanel) -> None:
        self._building = None
        self.charts = panel
        self._charts_layout.addWidget(panel)
        panel.show()  # the holder may be visible already
        panel.hovered.connect(self._on_charts_hovered)
        panel.clicked.connect(self._on_charts_clicked)
        panel.help_requested.connect(self._on_help_button_clicked)
        if self.data is not None:
            self._apply(self.data)

    def _on_charts_imported(self, _module: object) -> None:
        if self.charts is not None:
            return
        from focusapp.ui.charts.panel import ChartPanel

        self._building = ChartPanel(self.charts_holder, stepwise=True)
        self._building.hide()
        QTimer.singleShot(0, self, self._on_self_build_step)

    @Slot()
    def _on_self_build_step(self) -> None:
        panel = self._building
        if panel is None or self.charts is not None:
            return
        if panel.build_next():
            self._install(panel)
        else:
            QTimer.singleShot(0, self, self._on_self_build_step)

    def _on_charts_import_failed(self, error: Exception) -> None:
        logger.warning("charts could not be loaded: %s", error)
        self.status.setText(self.tr("Charts not available: {error}").format(error=error))

    @Slot()
    def _on_self_warm_step(self) -> None:
        step = next(self._warm_steps, None)
        if step is not None:
            step()
            QTimer.singleShot(0, self, self._on_self_warm_step)
            return
        # The Qt types pyqtgraph copies are ready, so pyqtgraph (and numpy) can load on the
        # worker thread while this thread keeps the window responsive. The data comes first
        # (the header shows it at once) and the import queues behind it on the same worker.
        self.refresh()
        self._runner.run_in_background(
            lambda: importlib.import_module("focusapp.ui.charts.panel"),
            self._on_charts_imported,
            self._on_charts_import_failed,
        )

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
        """Load the data and the charts without freezing the window.

        Importing pyqtgraph costs about half a second, most of it creating every PySide6
        class it copies: that part runs here first, in slices of a few milliseconds per
        event-loop turn. Then the worker computes the data and imports the rest, and the
        charts are built here, one per event-loop turn. The worker starts only after the
        slices because every slice needs the GIL, which a busy worker would hold for up to
        the interpreter's switch interval (5 ms) per slice.
        """
        self._warm_steps = qt_type_warmup()
        QTimer.singleShot(0, self, self._on_self_warm_step)

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

        self._runner.run_in_background(lambda: stats.dashboard(which), done, self._on_worker_error)

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
            self._hovered = None
            self.select_day(self._selected + dt.timedelta(days=step))
        elif key == Qt.Key.Key_Home:
            self._hovered = None
            self.select_day(series.first)
        elif key == Qt.Key.Key_End:
            self._hovered = None
            self.select_day(series.last)
        else:
            super().keyPressEvent(event)

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
        if self._owns_runner:
            self._runner.shutdown(wait=True)
