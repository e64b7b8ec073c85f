"""The "Recent days" column of the main window: the days recorded lately, or a welcome."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from focusapp.ui.history import HistoryModel, HistoryView
from focusapp.ui.lookahead_parts import NewestOnly
from focusapp.wording.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from collections.abc import Callable

    from focusapp.domain.models import CheckIn
    from focusapp.services.checkins import CheckInService
    from focusapp.ui.workers import BackgroundRunner

HISTORY_DAYS = 120
#: "Recent days" always shows at least this many rows; the charts above scroll instead.
RECENT_ROWS_SHOWN = 5
WELCOME = QT_TRANSLATE_NOOP(
    "RecentDays",
    "<b>Welcome to FocusApp.</b><br>Each day, take 20 seconds to note your energy, "
    "your coding or deep-work time and your meeting time. Everything stays on this computer.",
)


class RecentDays(QWidget):
    """The last :data:`HISTORY_DAYS` days up to today, read on the database worker.

    Attributes:
        history_model: The days shown.
        history: The table of days (edit and delete requests come from it).
        welcome: Greets a first run (and says the data is still opening).
        greets: Whether an empty history shows :attr:`welcome` (the dashboard has its own).

    Signals:
        loaded: The days read after a change are shown.
    """

    loaded = Signal()

    def __init__(self, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reads: NewestOnly[list[CheckIn]] = NewestOnly(runner)
        self.greets = True
        self.history_model = HistoryModel(self)
        self.history = HistoryView(self.history_model, self)
        self.welcome = QLabel(self)
        self.welcome.setWordWrap(True)
        self.welcome.setText(self.tr(WELCOME))
        self.welcome.setMargin(8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("<b>Recent days</b>"), self))
        layout.addWidget(self.welcome)
        layout.addWidget(self.history, 1)
        self.history.setMinimumHeight(_rows_height(self.history, RECENT_ROWS_SHOWN))

    def show_opening(self) -> None:
        """Say that the data is still opening (before the services are attached)."""
        self.welcome.setText(self.tr("Opening your check-ins..."))
        self.history.hide()

    def show_welcome(self) -> None:
        """Put the welcome text back once the data is open."""
        self.welcome.setText(self.tr(WELCOME))

    def load(
        self,
        checkins: CheckInService,
        today: dt.date,
        on_failed: Callable[[Exception], None],
    ) -> None:
        """Show the days up to ``today``: at once when kept in memory, else from the worker."""
        # Recent days end today: an imported calendar's future days are not history.
        first = today - dt.timedelta(days=HISTORY_DAYS)
        kept = checkins.kept_days(first, today)
        if kept is not None:  # in memory already: no need to wait for the worker
            self._reads.supersede()
            self._show(kept, today)
        else:
            self._reads.run(
                lambda: checkins.days(first, today),
                lambda days: self._show(days, today),
                on_failed,
            )

    def _show(self, days: list[CheckIn], today: dt.date) -> None:
        self.history_model.set_days(days, today)
        self.welcome.setVisible(not days and self.greets)
        self.history.setVisible(bool(days))
        self.loaded.emit()


def _rows_height(view: HistoryView, rows: int) -> int:
    """Return the height ``view`` needs to show ``rows`` rows below its header."""
    header = view.horizontalHeader().sizeHint().height()
    row = view.verticalHeader().defaultSectionSize()
    return header + rows * row + 2 * view.frameWidth()
