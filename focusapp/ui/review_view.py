"""The weekly review: a finished week against the usual one, one suggestion, a reflection.

The week shown defaults to the last finished one; the arrows step a week at a time (never
past the running week, which is reviewed as far as it went). The reflection is kept with
the week when the user saves it, through the look-ahead service, on the database worker.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from focusapp.domain.durations import format_duration
from focusapp.domain.review import week_of
from focusapp.services.lookahead import MAX_REFLECTION_CHARS
from focusapp.ui.lookahead_models import day_text
from focusapp.ui.lookahead_parts import LookaheadPage, NewestOnly, scrolling_page, text_label
from focusapp.wording.lookahead import review_suggestion
from focusapp.wording.phrases import format_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from focusapp.domain.review import WeekFigures, WeekReview
    from focusapp.services.lookahead import LookaheadService
    from focusapp.ui.workers import BackgroundRunner

_WEEK: Final = dt.timedelta(days=7)


@dataclass(frozen=True, slots=True)
class ReviewData:
    """One week's review with the reflection kept for it.

    Attributes:
        today: The user's today when it was read.
        review: The week's figures.
        reflection: The kept reflection, ``None`` without one.
    """

    today: dt.date
    review: WeekReview
    reflection: str | None


def _hours(minutes: float) -> str:
    return format_duration(round(minutes))


def _energy(value: float | None) -> str:
    return "-" if value is None else format_text("{value:.1f}/5", value=value)


class ReviewView(LookaheadPage):
    """The review of one week, with arrows to the weeks before and after.

    Attributes:
        data: What is shown, ``None`` until the first result.
        week: The Monday of the week shown (``None``: the last finished week).

    Signals:
        updated: A review has been shown.
        saved: The reflection has been kept.
        failed(str): Reading or keeping failed.
    """

    saved = Signal()

    def __init__(
        self, service: LookaheadService, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(service, runner, parent)
        self._reads: NewestOnly[ReviewData] = NewestOnly(runner)
        self.data: ReviewData | None = None
        self.week: dt.date | None = None

        self.previous_button = QToolButton(self)
        self.previous_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous_button.setAccessibleName(self.tr("Previous week"))
        self.previous_button.setToolTip(self.tr("Previous week (Alt+Left)"))
        self.previous_button.setShortcut(QKeySequence("Alt+Left"))
        self.next_button = QToolButton(self)
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setAccessibleName(self.tr("Next week"))
        self.next_button.setToolTip(self.tr("Next week (Alt+Right)"))
        self.next_button.setShortcut(QKeySequence("Alt+Right"))
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        top = QHBoxLayout()
        top.addWidget(self.previous_button)
        top.addWidget(self.heading, 1)
        top.addWidget(self.next_button)

        self.figures = QFormLayout()
        self.meetings = text_label(self, "review_meetings")
        self.coding = text_label(self, "review_coding")
        self.energy = text_label(self, "review_energy")
        self.days = text_label(self, "review_days")
        self.signal = text_label(self, "review_signal")
        self.best = text_label(self, "review_best")
        self.series = text_label(self, "review_series")
        self.next_week = text_label(self, "review_next_week")
        for label, value in (
            (self.tr("Meetings"), self.meetings),
            (self.tr("Deep work"), self.coding),
            (self.tr("Energy"), self.energy),
            (self.tr("Days logged"), self.days),
            (self.tr("Signal"), self.signal),
            (self.tr("Best and hardest day"), self.best),
            (self.tr("Top meeting series"), self.series),
            (self.tr("Booked next week"), self.next_week),
        ):
            self.figures.addRow(label, value)
        self.suggestion = text_label(self, "review_suggestion")

        self.reflection = QPlainTextEdit(self)
        self.reflection.setAccessibleName(self.tr("Your reflection on this week"))
        self.reflection.setPlaceholderText(
            self.tr("A few words for yourself: what helped, what to change next week.")
        )
        self.reflection.setTabChangesFocus(True)
        self.reflection.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        reflection_label = QLabel(self.tr("&Reflection:"), self)
        reflection_label.setBuddy(self.reflection)
        self.count = QLabel(self)
        self.save_button = QPushButton(self.tr("&Keep reflection"), self)
        self.save_button.setEnabled(False)
        self.status = QLabel(self)
        save_row = QHBoxLayout()
        save_row.addWidget(self.count, 1)
        save_row.addWidget(self.status)
        save_row.addWidget(self.save_button)

        scrolling_page(
            self,
            top,
            self.figures,
            self.suggestion,
            reflection_label,
            self.reflection,
            save_row,
        )

        self.previous_button.clicked.connect(self._on_previous_button_clicked)
        self.next_button.clicked.connect(self._on_next_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.reflection.textChanged.connect(self._on_reflection_text_changed)

    # --- loading --------------------------------------------------------------------------

    def show_week(self, week: dt.date | None) -> None:
        """Read and show the ISO week containing ``week`` (``None``: the last finished)."""
        self.week = None if week is None else week_of(week)[0]
        service = self._service

        def read() -> ReviewData:
            review = service.review(week)
            return ReviewData(
                today=service.today(),
                review=review,
                reflection=service.reflection(review.week_start),
            )

        self._run(read, self._show)

    def reload(self) -> None:
        """Read the shown week again (after a change anywhere)."""
        self.show_week(self.week)

    def _run(self, task: Callable[[], ReviewData], then: Callable[[ReviewData], None]) -> None:
        self._reads.run(task, then, self._on_error)

    def _on_error(self, error: Exception) -> None:
        self.status.setText(str(error))
        self.failed.emit(str(error))

    def _show(self, data: ReviewData) -> None:
        self.data = data
        review = data.review
        self.week = review.week_start
        running = review.week_end >= data.today
        self.heading.setText(
            self.tr("<b>Week of {first} to {last}</b>{running}").format(
                first=day_text(review.week_start),
                last=day_text(review.week_end),
                running=self.tr(" (still running: reviewed up to today)") if running else "",
            )
        )
        self.next_button.setEnabled(not running)
        week, usual = review.figures, review.usual
        self.meetings.setText(self._against(week, usual, review.usual_weeks, "meeting"))
        self.coding.setText(self._against(week, usual, review.usual_weeks, "coding"))
        self.energy.setText(self._energy_text(week, usual))
        self.days.setText(f"{week.days_logged:g}")
        self.signal.setText(self._signal_text(review))
        self.best.setText(self._best_text(review))
        self.series.setText(
            "<br>".join(
                f"{s.title}: {_hours(s.minutes)} ({s.occurrences}\u00d7)" for s in review.top_series
            )
            or self.tr("No meetings in your calendar this week.")
        )
        self.next_week.setText(
            self.tr("not known (no calendar)")
            if review.next_week_minutes is None
            else _hours(review.next_week_minutes)
        )
        self.suggestion.setText(
            self.tr("<b>Suggestion:</b> {text}").format(text=review_suggestion(review))
        )
        self.reflection.blockSignals(True)
        self.reflection.setPlainText(data.reflection or "")
        self.reflection.blockSignals(False)
        self._on_reflection_text_changed()
        self.save_button.setEnabled(False)
        self.status.clear()
        self.updated.emit()

    def _against(self, week: WeekFigures, usual: WeekFigures | None, weeks: int, which: str) -> str:
        minutes = week.meeting_minutes if which == "meeting" else week.coding_minutes
        if usual is None:
            return _hours(minutes)
        usual_minutes = usual.meeting_minutes if which == "meeting" else usual.coding_minutes
        return self.tr("{week}, usual {usual} (mean of {weeks} weeks)").format(
            week=_hours(minutes), usual=_hours(usual_minutes), weeks=weeks
        )

    def _energy_text(self, week: WeekFigures, usual: WeekFigures | None) -> str:
        if usual is None:
            return _energy(week.energy_mean)
        return self.tr("{week}, usual {usual}").format(
            week=_energy(week.energy_mean), usual=_energy(usual.energy_mean)
        )

    def _signal_text(self, review: WeekReview) -> str:
        start, end = review.risk_start, review.risk_end
        if start is None and end is None:
            return self.tr("no score yet")
        return self.tr("{start} on Monday, {end} at the end").format(
            start="-" if start is None else start, end="-" if end is None else end
        )

    def _best_text(self, review: WeekReview) -> str:
        if review.best_day is None or review.hardest_day is None:
            return self.tr("no energy recorded this week")
        return self.tr("best {best}, hardest {hardest}").format(
            best=day_text(review.best_day), hardest=day_text(review.hardest_day)
        )

    # --- stepping and the reflection ------------------------------------------------------

    @Slot()
    def _on_previous_button_clicked(self) -> None:
        if self.data is not None:
            self.show_week(self.data.review.week_start - _WEEK)

    @Slot()
    def _on_next_button_clicked(self) -> None:
        if self.data is not None and self.data.review.week_end < self.data.today:
            self.show_week(self.data.review.week_start + _WEEK)

    @Slot()
    def _on_reflection_text_changed(self) -> None:
        length = len(self.reflection.toPlainText().strip())
        self.count.setText(
            self.tr("{length} of {limit} characters").format(
                length=length, limit=MAX_REFLECTION_CHARS
            )
        )
        too_long = length > MAX_REFLECTION_CHARS
        self.save_button.setEnabled(self.data is not None and not too_long)
        self.status.setText(self.tr("Too long to keep") if too_long else "")

    @Slot()
    def _on_save_button_clicked(self) -> None:
        if self.data is None:
            return
        monday = self.data.review.week_start
        text = self.reflection.toPlainText()
        service = self._service

        def keep() -> str | None:
            return service.reflect(monday, text)

        def kept(_text: str | None) -> None:
            self.save_button.setEnabled(False)
            self.status.setText(self.tr("Kept."))
            self.saved.emit()

        self._runner.run_in_background(keep, kept, self._on_error)
