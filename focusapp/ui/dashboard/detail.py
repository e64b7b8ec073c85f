"""The day panel: the selected day's values, score, points per factor and reasons."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from focusapp.domain.risk import FACTORS, MAX_POINTS, STREAK_CAP
from focusapp.ui.dashboard.header import _dash, energy_text, minutes_text
from focusapp.ui.help_dialog import factor_name
from focusapp.ui.locale_text import day_text
from focusapp.ui.risk_text import describe_risk
from focusapp.ui.theme import INDIGO, is_dark
from focusapp.wording.phrases import format_text, say

if TYPE_CHECKING:
    import datetime as dt

    from focusapp.domain.models import CheckIn
    from focusapp.services.stats import DaySeries


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
                format_text("{points:.1f} / {most:g}", points=points, most=MAX_POINTS[name]),
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
            week.append(format_text(self.tr("meetings {share:.0%} of work time"), share=share))
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
                f"<li><b>{factor_name(n)}</b>: {escape(say(reading.explanation))}</li>"
                for n in FACTORS
                if (reading := assessment.factors.get(n)) is not None
            ]
            notes = "".join(f"<li>{escape(say(note))}</li>" for note in assessment.notes)
            self.reasons.setText(f"<ul style='margin-left:-24px'>{''.join(items)}{notes}</ul>")
            self.message.setText(say(assessment.message or ""))
        self._plain = [
            self.title.text(),
            self.values.text(),
            self.week.text(),
            self.score.text(),
            *(
                format_text(
                    self.tr("{factor}: {points:.1f} points. {why}"),
                    factor=factor_name(n),
                    points=r.points,
                    why=say(r.explanation),
                )
                for n, r in assessment.factors.items()
            ),
            *map(say, assessment.notes),
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


def _hours(hours: float) -> str:
    if hours != hours:  # NaN
        return QCoreApplication.translate("Dashboard", "no hours logged")
    return format_text(QCoreApplication.translate("Dashboard", "{hours:.1f} h"), hours=hours)


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
            format_text(
                QCoreApplication.translate("Dashboard", "sleep {hours:g} h"),
                hours=checkin.sleep_hours,
            )
        )
    if checkin.stress is not None:
        parts.append(
            QCoreApplication.translate("Dashboard", "stress {stress}/5").format(
                stress=checkin.stress
            )
        )
    return ", ".join(parts) + "."
