"""Reminder controller: one single-shot timer armed to the next due reminder, never polling."""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

from focusapp.domain.reminders.model import Reminder, ReminderInputs, ReminderKind
from focusapp.domain.reminders.pause import pause_for, pause_rest_of_today, resume, snooze_checkin
from focusapp.domain.reminders.schedule import due_reminders, mark_shown, next_wakeup
from focusapp.domain.reminders.wall_clock import detect_clock_jump
from focusapp.wording.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from collections.abc import Callable

    from focusapp.domain.clock import Clock
    from focusapp.services.app_state import AppState, AppStateStore

logger = logging.getLogger(__name__)

#: The longest single wait. Qt timers run on the monotonic clock, which stops while the
#: machine sleeps; capping the wait bounds how late a reminder can be if no wake signal
#: arrives. One wake-up an hour is far from polling.
MAX_WAIT: Final = dt.timedelta(hours=1)
#: Wait at least this long, so a reminder due "now" cannot spin the event loop.
MIN_WAIT: Final = dt.timedelta(milliseconds=200)


class ReminderController(QObject):
    """Asks the pure scheduler what is due, shows it, remembers it, and sleeps until next.

    Signals:
        reminder_due(object): A :class:`Reminder` to show now.
        rescheduled(object): The next planned wake-up (aware datetime) or ``None``.
    """

    reminder_due = Signal(object)
    rescheduled = Signal(object)

    def __init__(
        self,
        clock: Clock,
        inputs: Callable[[dt.datetime], ReminderInputs],
        store: AppStateStore,
        parent: QObject | None = None,
        *,
        refresh: Callable[[], None] | None = None,
    ) -> None:
        """Plan reminders from ``inputs(now)``.

        Args:
            clock: Where "now" comes from.
            inputs: The scheduler's inputs at an instant (today's facts and the settings).
            store: Where the reminder state is kept across runs.
            parent: The Qt parent.
            refresh: Called instead of :meth:`check_now` on waking (timer, app activated):
                it brings the facts ``inputs`` reads up to date, then calls :meth:`check_now`.
        """
        super().__init__(parent)
        self._clock = clock
        self._inputs = inputs
        self._refresh = refresh if refresh is not None else self.check_now
        self._store = store
        self.state: AppState = store.load()
        self._planned: dt.datetime | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self._on_timer_timeout)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_application_state_changed)
        self.wakeups = 0

    @property
    def planned(self) -> dt.datetime | None:
        """The instant the timer is armed for, or ``None``."""
        return self._planned

    @property
    def timer_interval_ms(self) -> int | None:
        """The armed timer's interval, or ``None`` when idle (for tests and benchmarks)."""
        return self._timer.interval() if self._timer.isActive() else None

    def check_now(self) -> list[Reminder]:
        """Show whatever is due now, then re-arm; call after data or settings changes."""
        now = self._clock.now()
        inputs = self._inputs(now)
        shown = due_reminders(inputs, self.state.reminders)
        for reminder in shown:
            self.state.reminders = mark_shown(self.state.reminders, reminder, now)
        self.state.last_alive = now
        self._store.save(self.state)
        for reminder in shown:
            logger.info("reminder due: %s for %s", reminder.kind, reminder.day)
            self.reminder_due.emit(reminder)
        self._arm(inputs)
        return shown

    def pause(self, how: str) -> None:
        """Pause reminders for ``"hour"`` or ``"today"``, or ``"resume"`` them."""
        now = self._clock.now()
        inputs = self._inputs(now)
        if how == "hour":
            self.state.reminders = pause_for(self.state.reminders, now, dt.timedelta(hours=1))
        elif how == "today":
            self.state.reminders = pause_rest_of_today(
                self.state.reminders, now, inputs.zone, inputs.day_start_hour
            )
        else:
            self.state.reminders = resume(self.state.reminders)
        self._store.save(self.state)
        self.check_now()

    def snooze_checkin(self, day: dt.date, delay: dt.timedelta) -> None:
        """Show ``day``'s check-in reminder once more, ``delay`` from now ("In 30 min").

        The scheduler records the snooze, so it survives a restart and replaces the
        automatic repeat: pressing the button gives exactly one later reminder.
        """
        self.state.reminders = snooze_checkin(self.state.reminders, day, self._clock.now(), delay)
        self._store.save(self.state)
        self.check_now()

    def paused_until(self) -> dt.datetime | None:
        """Return when the pause ends, or ``None`` when not paused."""
        until = self.state.reminders.paused_until
        return until if until is not None and until > self._clock.now() else None

    def remember(self) -> None:
        """Persist the state with "now" as the last time the app was alive (at quit)."""
        self.state.last_alive = self._clock.now()
        self._store.save(self.state)

    def stop(self) -> None:
        """Disarm the timer."""
        self._timer.stop()
        self._planned = None

    def _arm(self, inputs: ReminderInputs) -> None:
        wakeup = next_wakeup(inputs, self.state.reminders)
        self._timer.stop()
        self._planned = wakeup
        if wakeup is not None:
            wait = min(max(wakeup - inputs.now, MIN_WAIT), MAX_WAIT)
            self._timer.start(int(wait.total_seconds() * 1000))
        self.rescheduled.emit(wakeup)

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.wakeups += 1
        expected = self._planned
        now = self._clock.now()
        if expected is not None and now >= expected and detect_clock_jump(expected, now):
            logger.info("woke %s after the planned %s: sleep or clock change", now, expected)
        self._refresh()

    @Slot(Qt.ApplicationState)
    def _on_application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self._refresh()


TITLES: Final = {
    ReminderKind.CHECKIN: QT_TRANSLATE_NOOP("Notification", "Time for your check-in"),
    ReminderKind.CHECKIN_REPEAT: QT_TRANSLATE_NOOP(
        "Notification", "Still time for today's check-in"
    ),
    ReminderKind.FOCUS_BREAK: QT_TRANSLATE_NOOP("Notification", "Time for a short break"),
    ReminderKind.MEETING_BUDGET: QT_TRANSLATE_NOOP("Notification", "A meeting-heavy day"),
    ReminderKind.RISK: QT_TRANSLATE_NOOP("Notification", "Your burnout-risk signal"),
    ReminderKind.WEEKLY_REVIEW: QT_TRANSLATE_NOOP("Notification", "Your week in review"),
}
