"""Insights: five fixed questions about energy, answered in the user's own numbers.

Each answer is a card: its sentence, whether the difference is clear, the counts on each
side and the interval, and a bar showing the interval against zero. The method note under
the cards says how "clear" is decided, so nobody reads a pattern as proof.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from focusapp.domain.insights import CODES, CONFIDENCE, MAX_DAYS
from focusapp.ui.lookahead_parts import LookaheadPage, NewestOnly, scrolling_page
from focusapp.ui.theme import chart_palette
from focusapp.wording.lookahead import insight_sentence

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

    from focusapp.domain.insights import Insight
    from focusapp.services.lookahead import LookaheadService
    from focusapp.ui.workers import BackgroundRunner

#: The interval bar spans this many energy points either side of zero.
_BAR_SPAN: Final = 2.0


class IntervalBar(QWidget):
    """A small drawing of an interval and its difference against zero (lower energy left)."""

    def __init__(self, insight: Insight, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._insight = insight
        self.setMinimumHeight(18)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Qt override: draw the interval and the difference."""
        insight = self._insight
        if insight.interval is None or insight.difference is None:
            return
        colors = chart_palette(self.palette())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width, mid_y = self.width() - 8, self.height() / 2

        def x_of(value: float) -> float:
            # "Lower energy" (a positive difference) is drawn to the left of zero.
            shown = max(-_BAR_SPAN, min(_BAR_SPAN, -value))
            return 4 + (shown + _BAR_SPAN) / (2 * _BAR_SPAN) * width

        painter.setPen(QPen(colors.axis, 1))
        painter.drawLine(int(x_of(0)), 2, int(x_of(0)), self.height() - 2)
        lo, hi = insight.interval
        color = colors.reference if insight.clear else colors.meetings
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        left, right = sorted((x_of(lo), x_of(hi)))
        painter.drawRoundedRect(QRectF(left, mid_y - 3, max(right - left, 2), 6), 3, 3)
        painter.setBrush(colors.text)
        painter.drawEllipse(QRectF(x_of(insight.difference) - 4, mid_y - 4, 8, 8))
        painter.end()


class InsightsView(LookaheadPage):
    """The five answers as cards, read on the database worker.

    Attributes:
        answers: What is shown, empty until the first result.

    Signals:
        updated: The answers have been shown.
        failed(str): Reading failed.
    """

    def __init__(
        self, service: LookaheadService, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(service, runner, parent)
        self._reads: NewestOnly[list[Insight]] = NewestOnly(runner)
        self.answers: list[Insight] = []
        self.cards: list[QFrame] = []
        self.heading = QLabel(
            self.tr(
                "<b>Insights</b>: five questions about your energy, answered from your own "
                "check-ins of the last {weeks} weeks."
            ).format(weeks=MAX_DAYS // 7),
            self,
        )
        self.heading.setWordWrap(True)
        self._cards_box = QWidget(self)
        self._cards = QVBoxLayout(self._cards_box)
        self._cards.setContentsMargins(0, 0, 0, 0)
        self.method = QLabel(
            self.tr(
                "How to read this: each interval is a {level:.0f} % interval from a bootstrap "
                "that resamples whole weeks (days of one week are not independent), widened "
                "because {count} questions are asked at once. An answer is called clear only "
                "when its interval does not include zero. A clear answer is a pattern in your "
                "data, not proof of cause. The bar shows the interval: left of the line is "
                "lower energy."
            ).format(level=CONFIDENCE * 100, count=len(CODES)),
            self,
        )
        self.method.setWordWrap(True)
        self.method.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        scrolling_page(self, None, self.heading, self._cards_box, self.method)
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(0, 0, 0, 0)

    def reload(self) -> None:
        """Answer the questions again from the current data."""
        self._reads.run(self._service.insights, self.show_answers, self._on_error)

    def _on_error(self, error: Exception) -> None:
        self.failed.emit(str(error))

    def show_answers(self, answers: list[Insight]) -> None:
        """Replace the cards with ``answers``."""
        self.answers = list(answers)
        for card in self.cards:
            self._cards.removeWidget(card)
            card.deleteLater()
        self.cards = [self._card(answer) for answer in answers]
        for card in self.cards:
            self._cards.addWidget(card)
        self.updated.emit()

    def _card(self, insight: Insight) -> QFrame:
        card = QFrame(self._cards_box)
        card.setObjectName(f"insight_{insight.code}")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(card)
        if not insight.answered:
            badge = self.tr("Not enough data yet")
        elif insight.clear:
            badge = self.tr("Clear difference")
        else:
            badge = self.tr("No clear difference yet")
        title = QLabel(f"<b>{badge}</b>", card)
        title.setObjectName("badge")
        text = QLabel(insight_sentence(insight), card)
        text.setObjectName("text")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(title)
        layout.addWidget(text)
        if insight.answered:
            bar = IntervalBar(insight, card)
            bar.setAccessibleName(self.tr("Interval of the difference"))
            layout.addWidget(bar)
        card.setAccessibleName(f"{badge}. {text.text()}")
        return card
