"""What FocusApp does in the tray, whichever process holds the data: icon, reminders, notices.

The tray menu, the reminder schedule and the notifications are the same whether the window
lives in this process (:class:`~focusapp.ui.companion.Companion`) or in its own, started on
demand beside a light tray process (:class:`~focusapp.ui.tray_app.companion.LightCompanion`).
This base holds that shared part; it knows today only as :class:`TodayFacts` read elsewhere
and leaves the reads, the writes and the window to its subclass, so it loads nothing of the
database stack. Its words keep the translation context ``Companion`` (PySide6's ``self.tr``
would look them up under the subclass's name).
"""

from __future__ import annotations

import datetime as dt
import logging
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

from focusapp.domain.reminders.model import Reminder, ReminderInputs, ReminderKind
from focusapp.domain.risk import unscored_day
from focusapp.ui.focus_recovery import session_still_running
from focusapp.ui.meeting_dialog import AddMeetingTimeDialog, MeetingTimeOpener
from focusapp.ui.notifications import DEFAULT_ACTION, Notifier
from focusapp.ui.reminder_notices import (
    REMINDER_TIMEOUT_MS,
    RUNNING_KEY,
    RUNNING_TIMEOUT_MS,
    SNOOZE_ACTION,
    SNOOZE_DELAY,
    STOP_SESSION_ACTION,
    RiskHold,
    notice_actions,
    notice_key,
    reminder_body,
    running_notice,
)
from focusapp.ui.reminders import TITLES, ReminderController
from focusapp.ui.today_view import reminder_inputs, tray_status
from focusapp.ui.tray import TrayIcon
from focusapp.wording.translate import translate

if TYPE_CHECKING:
    from collections.abc import Callable
    from zoneinfo import ZoneInfo

    from PySide6.QtWidgets import QWidget

    from focusapp.domain.clock import Clock
    from focusapp.domain.focus import FocusSession
    from focusapp.domain.risk import RiskAssessment
    from focusapp.domain.today import TodayFacts
    from focusapp.services.app_state import AppStateStore
    from focusapp.settings.values import Settings
    from focusapp.ui.tray import TrayStatus

logger = logging.getLogger(__name__)

_CHECKIN_KINDS = (ReminderKind.CHECKIN, ReminderKind.CHECKIN_REPEAT)


class FocusAction(StrEnum):
    """What the user asked of the focus session."""

    START = "start"
    STOP = "stop"
    TOGGLE = "toggle"


class TrayCompanion(QObject):
    """The tray icon, the reminders and their notifications, from today's facts.

    Subclasses read :class:`TodayFacts` (:meth:`refresh_soon`, then :meth:`show_facts`),
    write (:meth:`focus_action`, :meth:`add_meeting_minutes`) and show the window
    (:meth:`open_dashboard`, :meth:`open_checkin`, :meth:`open_review`, :meth:`show_banner`).

    Signals:
        facts_shown: Today's facts were read and the tray and reminders show them.
    """

    facts_shown = Signal()

    def __init__(
        self,
        settings: Callable[[], Settings],
        state_store: AppStateStore,
        clock: Clock,
        zone: ZoneInfo,
        *,
        remind: bool = True,
        notifier: Notifier | None = None,
        parent: QObject | None = None,
    ) -> None:
        """Arm the reminders; ``notifier`` defaults to the desktop's notification service.

        ``remind=False``: the window's process beside a light tray, which reminds instead;
        this one then neither schedules reminders nor writes their state.
        """
        super().__init__(parent)
        self.remind = remind
        self._settings = settings
        self._clock = clock
        self.zone = zone
        self._started_at = clock.now()
        self._risk_hold = RiskHold(self._started_at)
        # The assessment the last reminder check decided on; its text quotes the same one.
        self._risk_seen: RiskAssessment | None = None
        self.notifier = notifier if notifier is not None else Notifier(parent=self)
        self.notifier.action_invoked.connect(self._on_notifier_action_invoked)
        self.notifier.fallback_requested.connect(self._on_notifier_fallback_requested)
        # Today's facts as last read: the tray and reminders read only these.
        self._facts: TodayFacts | None = None
        self._recover_after_read = False
        self.reminders = ReminderController(
            clock, self._reminder_inputs, state_store, self, refresh=self.refresh_soon
        )
        self.reminders.reminder_due.connect(self._on_reminders_reminder_due)
        self.tray: TrayIcon | None = None
        self._shown: dict[str, Reminder] = {}
        self.meeting_time = MeetingTimeOpener(self.add_meeting_minutes)

    # --- what a subclass provides -----------------------------------------------------------

    def today(self) -> dt.date:
        """The user's current day under the day-start rule."""
        raise NotImplementedError

    def refresh_soon(self) -> None:
        """Read today's facts off the GUI thread, then :meth:`show_facts` them."""
        raise NotImplementedError

    def focus_action(self, action: FocusAction, ended_at: dt.datetime | None = None) -> None:
        """Start or stop the focus session (stopped at ``ended_at``, or now)."""
        raise NotImplementedError

    def add_meeting_minutes(self, added: int, answer: Callable[[str | None], None]) -> None:
        """Add ``added`` minutes to today's meeting time; ``answer`` why not, or ``None``."""
        raise NotImplementedError

    @Slot()
    def open_dashboard(self) -> None:
        """Show the window in front."""
        raise NotImplementedError

    @Slot()
    def open_checkin(self) -> None:
        """Show the window with today's check-in ready to type."""
        raise NotImplementedError

    def open_review(self, day: dt.date | None = None) -> None:
        """Show the weekly review of the week containing ``day`` (default: the last one)."""
        raise NotImplementedError

    def show_banner(self, title: str, body: str) -> None:
        """No notification service and no tray: show the notice inside the window."""
        raise NotImplementedError

    def window_asks_for_checkin(self, day: dt.date) -> bool:
        """Tell whether the window is in front (or just opened) with ``day``'s check-in."""
        return False

    def update_keep_running(self) -> None:
        """Decide whether closing the window keeps FocusApp running, and apply it."""

    def show_focus_running(self, running: FocusSession | None) -> None:
        """Hand the running session to the window, which counts on its own from then on."""

    def dialog_parent(self) -> QWidget | None:
        """The window dialogs belong to (``None``: they stand alone)."""
        return None

    # --- tray -------------------------------------------------------------------------------

    def enable_tray(self, tray: TrayIcon | None = None) -> None:
        """Show the tray icon (adopting one shown early); closing the window then hides it."""
        if self.tray is not None:
            return
        if tray is None:
            tray = TrayIcon(self.status, self)
        else:
            tray.setParent(self)
            tray.set_status_provider(self.status)
        tray.checkin_requested.connect(self.open_checkin)
        tray.focus_start_requested.connect(self.start_focus)
        tray.focus_stop_requested.connect(self.stop_focus)
        tray.add_meetings_requested.connect(self.add_meeting_time)
        tray.dashboard_requested.connect(self.open_dashboard)
        tray.pause_requested.connect(self._on_tray_pause_requested)
        tray.quit_requested.connect(self.quit)
        self.notifier.set_tray(tray)
        tray.show()
        self.tray = tray
        self.update_keep_running()

    def reminders_on(self) -> bool:
        """Tell whether check-in reminders are on (some work day is chosen)."""
        return bool(self._settings().workdays)

    def status(self) -> TrayStatus:
        """Today's numbers, risk level and focus state for the tray (from the facts read)."""
        return tray_status(self.facts_of_today(), self._clock.now(), self._paused_until_local())

    def facts_of_today(self) -> TodayFacts | None:
        """The facts read, while they are about today (``None`` before a read is back)."""
        facts = self._facts
        return facts if facts is not None and facts.day == self.today() else None

    def running(self) -> FocusSession | None:
        """The focus session running as last read (a session spans days, so any read)."""
        return None if self._facts is None else self._facts.running

    def _paused_until_local(self) -> dt.datetime | None:
        until = self.reminders.paused_until()
        return None if until is None else until.astimezone(self.zone)

    # --- reading and showing today ----------------------------------------------------------

    def start(self) -> None:
        """Begin: read today, recover a focus session left running, arm the reminders."""
        self._recover_after_read = True
        self.refresh_soon()

    def note_write(self) -> None:
        """A write changed the figures: the risk notification waits for quiet."""
        self._risk_hold.note_write(self._clock.now())

    def show_facts(self, facts: TodayFacts) -> None:
        """Keep ``facts`` and show them (after a start, ask about a session left running)."""
        self._facts = facts
        if self._recover_after_read:
            self._recover_after_read = False
            self._recover_focus_session()
        self.refresh()
        self.facts_shown.emit()

    @Slot()
    def refresh(self) -> None:
        """Show the facts read (tray, focus indicator) and check the reminders against them."""
        if self.tray is not None:
            self.tray.refresh()
        self.show_focus_running(self.running())
        self.update_keep_running()
        if self.remind:
            self.reminders.check_now()

    def read_failed(self, error: Exception) -> None:
        """Today's facts could not be read: keep what was shown, say why in the log."""
        logger.warning("today's figures unavailable: %s", error)

    # --- reminders --------------------------------------------------------------------------

    def _reminder_inputs(self, now: dt.datetime) -> ReminderInputs:
        """The scheduler's inputs from the facts read; nothing is due from unknown facts."""
        facts = self.facts_of_today()
        self._risk_seen = None if facts is None else facts.assessment
        not_before = self._risk_hold.not_before()
        return reminder_inputs(now, self._settings(), self.zone, facts, self.running(), not_before)

    def reminder_text(self, reminder: Reminder) -> tuple[str, str]:
        """Return the title and body for ``reminder``, in the app's calm wording."""
        facts = self.facts_of_today()
        meeting_minutes = 0 if facts is None else facts.meeting_minutes
        # The risk notice quotes the assessment the check decided on: the panel's numbers
        # (a risk reminder is due only from one, so the stand-in is never quoted).
        assessment = self._risk_seen or unscored_day(self.today())
        body = reminder_body(reminder.kind, self._settings(), meeting_minutes, assessment)
        return translate("Notification", TITLES[reminder.kind]), body

    @Slot(object)
    def _on_reminders_reminder_due(self, reminder: Reminder) -> None:
        if reminder.kind in _CHECKIN_KINDS and self.window_asks_for_checkin(reminder.day):
            logger.info("check-in reminder not shown: the window already asks for it")
            return
        title, body = self.reminder_text(reminder)
        key = notice_key(reminder.kind)
        self._shown[key] = reminder
        actions = notice_actions(reminder.kind)
        self.notifier.notify(key, title, body, actions, timeout_ms=REMINDER_TIMEOUT_MS)

    def just_started(self) -> bool:
        """Whether FocusApp started less than a minute ago (its window asks for the check-in)."""
        return self._clock.now() - self._started_at < dt.timedelta(minutes=1)

    @Slot(str, str)
    def _on_notifier_action_invoked(self, key: str, action: str) -> None:
        reminder = self._shown.get(key)
        kind = None if reminder is None else reminder.kind
        if reminder is not None and kind in _CHECKIN_KINDS:
            if action == SNOOZE_ACTION:
                self.reminders.snooze_checkin(reminder.day, SNOOZE_DELAY)
            else:
                self.open_checkin()
        elif reminder is not None and action == STOP_SESSION_ACTION:
            self._stop_session_of(reminder)
        elif reminder is not None and kind is ReminderKind.WEEKLY_REVIEW:
            self.open_review(reminder.day)
        elif action == DEFAULT_ACTION:
            self.open_dashboard()

    def _stop_session_of(self, reminder: Reminder) -> None:
        """Stop the focus session the break notice was about (never a newer one)."""
        running = self.running()
        if running is None or running.started_at != reminder.focus_started_at:
            logger.info("break notice's session is no longer running; nothing stopped")
            return
        self.stop_focus()

    @Slot(str, str, str)
    def _on_notifier_fallback_requested(self, key: str, title: str, body: str) -> None:
        """No notification service and no tray: the window shows it as a banner."""
        if key == RUNNING_KEY:
            return  # the window is closing; a banner inside it would say nothing
        self.show_banner(title, body)
        self.open_dashboard()

    @Slot(str)
    def _on_tray_pause_requested(self, how: str) -> None:
        self.reminders.pause(how)
        if self.tray is not None:
            self.tray.refresh()

    # --- actions ----------------------------------------------------------------------------

    @Slot()
    def toggle_focus(self) -> None:
        """Start a focus session, or stop the running one (decided fresh, where the data is)."""
        self.focus_action(FocusAction.TOGGLE)

    @Slot()
    def start_focus(self) -> None:
        """Start a focus session now."""
        self.focus_action(FocusAction.START)

    @Slot()
    def stop_focus(self) -> None:
        """Stop the running focus session; its minutes count as coding time."""
        self.focus_action(FocusAction.STOP)

    def focus_failed(self, problem: str) -> None:
        """Say why the focus session did not change, as one sentence (capital, full stop)."""
        sentence = problem[:1].upper() + problem[1:].rstrip(".") + "."
        self.tell(translate("Companion", "Focus session"), sentence)

    @Slot()
    def add_meeting_time(self) -> None:
        """Open the "Add meeting time" dialog (or bring the open one to the front)."""
        facts = self.facts_of_today()
        day = None if facts is None else facts.day_record
        self.meeting_time.open(None if day is None else day.meeting_minutes, self.dialog_parent())

    @property
    def meeting_dialog(self) -> AddMeetingTimeDialog | None:
        """The "Add meeting time" dialog while it is open."""
        return self.meeting_time.dialog

    @Slot()
    def say_still_running(self) -> None:
        """Say once (remembered across runs) that closing the window did not quit FocusApp."""
        state = self.reminders.state
        in_tray = self.tray is not None
        if state.close_hint_shown if in_tray else state.background_hint_shown:
            return
        if in_tray:
            state.close_hint_shown = True
        else:
            state.background_hint_shown = True
        self.reminders.remember()
        title, body, actions = running_notice(in_tray=in_tray)
        self.notifier.notify(RUNNING_KEY, title, body, actions, timeout_ms=RUNNING_TIMEOUT_MS)

    def remember(self) -> None:
        """Save the reminders' state (what was shown, snoozes, last seen alive)."""
        if self.remind:
            self.reminders.remember()

    @Slot()
    def quit(self) -> None:
        """Remember state and leave the event loop."""
        self.remember()
        self.reminders.stop()
        if self.tray is not None:
            self.tray.hide()
        QApplication.quit()

    def _recover_focus_session(self) -> None:
        """Ask whether a session still running from the last run really is (after a crash)."""
        running = self.running()
        last_alive = self.reminders.state.last_alive
        if running is None or last_alive is None or last_alive <= running.started_at:
            return
        if self._clock.now() - last_alive < dt.timedelta(minutes=10):
            return
        started = running.started_at.astimezone(self.zone)
        seen = last_alive.astimezone(self.zone)
        if not session_still_running(self.dialog_parent(), started, seen):
            self.focus_action(FocusAction.STOP, ended_at=last_alive)

    def tell(self, title: str, text: str) -> None:
        """Show a short message over the window."""
        QMessageBox.information(self.dialog_parent(), title, text)
