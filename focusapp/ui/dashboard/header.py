"""Today's header: the energy, coding and meeting tiles and the risk signal, with their words."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from focusapp.domain.durations import format_duration
from focusapp.services.stats import ChartRange
from focusapp.ui.locale_text import day_text
from focusapp.ui.risk_text import describe_risk
from focusapp.ui.theme import LEVEL_COLORS, NO_SCORE_COLOR, TREND_ARROWS
from focusapp.wording.levels import energy_word, level_word
from focusapp.wording.phrases import say
from focusapp.wording.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from focusapp.services.stats import TodaySummary


RANGE_KEY: Final = "dashboard/range"
DETAIL_SPLITTER_KEY: Final = "dashboard/detail_splitter"
RANGE_LABELS: Final = {
    ChartRange.TWO_WEEKS: QT_TRANSLATE_NOOP("Dashboard", "2 weeks"),
    ChartRange.THREE_MONTHS: QT_TRANSLATE_NOOP("Dashboard", "3 months"),
    ChartRange.ONE_YEAR: QT_TRANSLATE_NOOP("Dashboard", "1 year"),
    ChartRange.ALL: QT_TRANSLATE_NOOP("Dashboard", "All"),
}
DEFAULT_RANGE: Final = ChartRange.THREE_MONTHS


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
        self.risk.setToolTip(say(assessment.message or ""))
        self.risk_dot.setToolTip(say(assessment.message or ""))
