"""The running focus session in the window's status bar: a live counter and a Stop button.

It sits in the status bar so that a session starting or ending never moves the form, and it
counts from the session's start time by itself: no database reads while it ticks, and no
timer at all while it is hidden.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from focusapp.domain.focus import format_elapsed

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QHideEvent, QShowEvent

#: Waking a few milliseconds after the second turns keeps the display from lagging a second.
_TICK_SLACK_MS: Final = 5
_MS_PER_S: Final = 1000


def _system_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def focus_text(started_at: dt.datetime, now: dt.datetime, break_after: dt.timedelta | None) -> str:
    """Return e.g. ``Focus session since 14:05: 0:25:13, break in 35 min``."""
    elapsed = (now - started_at).total_seconds()
    text = QCoreApplication.translate(
        "FocusIndicator", "Focus session since {time}: {elapsed}"
    ).format(time=f"{started_at:%H:%M}", elapsed=format_elapsed(elapsed))
    if break_after is None:
        return text
    remaining = (break_after.total_seconds() - max(elapsed, 0)) / 60
    if remaining <= 0:
        return QCoreApplication.translate("FocusIndicator", "{text}, time for a break").format(
            text=text
        )
    return QCoreApplication.translate("FocusIndicator", "{text}, break in {minutes} min").format(
        text=text, minutes=math.ceil(remaining)
    )


class FocusIndicator(QWidget):
    """Shows the running focus session; hidden when none runs.

    Signals:
        stop_requested: The user pressed Stop.
    """

    stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("focus_indicator")
        self.label = QLabel(self)
        self.label.setObjectName("focus_label")
        self.stop_button = QToolButton(self)
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setAccessibleName(self.tr("Stop focus session"))
        self.stop_button.setToolTip(self.tr("Stop the focus session; its time counts as coding"))
        self.stop_button.clicked.connect(self.stop_requested.emit)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.stop_button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._on_timer_timeout)
        self._started: dt.datetime | None = None
        self._break_after: dt.timedelta | None = None
        self._now: Callable[[], dt.datetime] = _system_now
        self.hide()

    def show_session(
        self,
        started_at: dt.datetime | None,
        break_after: dt.timedelta | None = None,
        now: Callable[[], dt.datetime] | None = None,
    ) -> None:
        """Show the session started at ``started_at`` (``None``: no session, hide).

        Args:
            started_at: When it started (aware; shown in its own zone).
            break_after: The focus length after which a break is due, if any.
            now: The clock to count with (the app's clock, so tests can move it).
        """
        self._started = started_at
        self._break_after = break_after
        if now is not None:
            self._now = now
        self.setVisible(started_at is not None)
        self._tick()

    def _tick(self) -> None:
        """Update the text, then wake at the next whole second of the session."""
        self.timer.stop()
        if self._started is None or not self.isVisible():
            return
        now = self._now()
        self.label.setText(focus_text(self._started, now, self._break_after))
        elapsed_ms = max(int((now - self._started).total_seconds() * _MS_PER_S), 0)
        self.timer.start(_MS_PER_S - elapsed_ms % _MS_PER_S + _TICK_SLACK_MS)

    @Slot()
    def _on_timer_timeout(self) -> None:
        self._tick()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Catch up at once when the window comes back, and tick again."""
        super().showEvent(event)
        self._tick()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        """No timer while nobody can see the counter."""
        super().hideEvent(event)
        self.timer.stop()
