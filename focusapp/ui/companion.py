"""The tray companion: wires tray, reminders, focus sessions and the window together.

It holds no rules of its own: the reminder schedule is the pure domain scheduler, the
numbers come from the services, and the widgets only emit what the user asked for.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from focusapp.domain.errors import StorageError
from focusapp.domain.reminders.model import Reminder, ReminderInputs, ReminderKind
from focusapp.domain.validation import CheckInInvalidError
from focusapp.services.changes import DAY_FIGURE_KINDS, ChangeKind
from focusapp.services.focus import FocusError
from focusapp.services.risk import without_score
from focusapp.services.today import TodayFacts, read_today
from focusapp.ui.locale_text import moment_text
from focusapp.ui.meeting_dialog import AddMeetingTimeDialog
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
from focusapp.ui.tray import TrayIcon, TrayStatus
from focusapp.wording.translate import translate

if TYPE_CHECKING:
    from collections.abc import Callable

    from focusapp.domain.clock import Clock
    from focusapp.domain.focus import FocusSession
    from focusapp.domain.risk import RiskAssessment
    from focusapp.services.app_state import AppStateStore
    from focusapp.services.changes import Changes
    from focusapp.services.checkins import CheckInService
    from focusapp.services.focus import FocusService
    from focusapp.services.risk import RiskService
    from focusapp.settings.values import Settings
    from focusapp.ui.main_window import MainWindow

logger = logging.getLogger(__name__)

_CHECKIN_KINDS = (ReminderKind.CHECKIN, ReminderKind.CHECKIN_REPEAT)
# Writes after which the risk notification waits for quiet (settings are no such write).
DATA_KINDS = DAY_FIGURE_KINDS - {ChangeKind.SETTINGS}


class Companion(QObject):
    """Runs FocusApp's life in the tray around the main window.

    Signals:
        facts_shown: Today's facts were read and the tray and reminders show them.
    """

    facts_shown = Signal()

    def __init__(
        self,
        window: MainWindow,
        checkins: CheckInService,
        focus: FocusService,
        risk: RiskService,
        settings: Callable[[], Settings],
        state_store: AppStateStore,
        clock: Clock,
        *,
        use_tray: bool,
        tray: TrayIcon | None = None,
        notifier: Notifier | None = None,
        parent: QObject | None = None,
    ) -> None:
        """Wire ``window`` to the services; ``notifier`` defaults to the desktop's service."""
        super().__init__(parent)
        self.window = window
        self._checkins = checkins
        self._focus = focus
        self._risk = risk
        self._settings = settings
        self._clock = clock
        self._started_at = clock.now()
        self._risk_hold = RiskHold(self._started_at)
        # The assessment the last reminder check decided on; its text quotes the same one.
        self._risk_seen: RiskAssessment | None = None
        self.notifier = notifier if notifier is not None else Notifier(parent=self)
        self.notifier.action_invoked.connect(self._on_notifier_action_invoked)
        self.notifier.fallback_requested.connect(self._on_notifier_fallback_requested)
        # Today's facts as last read on the worker: the tray and reminders read only these.
        self._facts: TodayFacts | None = None
        self._recover_after_read = False
        self.reminders = ReminderController(
            clock, self._reminder_inputs, state_store, self, refresh=self.refresh_soon
        )
        self.reminders.reminder_due.connect(self._on_reminders_reminder_due)
        self.tray: TrayIcon | None = None
        self._shown: dict[str, Reminder] = {}
        self.meeting_dialog: AddMeetingTimeDialog | None = None
        if use_tray:
            self.enable_tray(tray)
        self.update_keep_running()
        window.focus_toggle_requested.connect(self.toggle_focus)
        window.focus_stop_requested.connect(self.stop_focus)
        if window.hub is not None:
            window.hub.changes_applied.connect(self._on_hub_changes_applied)
        window.hidden_to_tray.connect(self._on_window_hidden_to_tray)
        window.quit_requested.connect(self.quit)

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

    def update_keep_running(self) -> None:
        """Decide whether closing the window keeps FocusApp running, and apply it.

        With a tray it stays there. Without one (GNOME without the AppIndicator extension)
        it stays in the background when reminders are on and the desktop can show them,
        since otherwise no reminder would ever arrive; launching it again opens the window.
        """
        keep = self.tray is not None or (self.reminders_on() and self.notifier.available())
        self.window.hide_on_close = keep
        QGuiApplication.setQuitOnLastWindowClosed(not keep)

    def status(self) -> TrayStatus:
        """Today's numbers, risk level and focus state for the tray (from the facts read)."""
        facts = self._facts_of_today()
        if facts is None:
            return TrayStatus(paused_until=self._paused_until_local())
        day, running, level = facts.day_record, facts.running, facts.assessment.level
        return TrayStatus(
            checked_in=facts.checked_in,
            energy=None if day is None else day.energy,
            coding_minutes=None if day is None else day.coding_minutes,
            meeting_minutes=None if day is None else day.meeting_minutes,
            risk_level=None if level is None else str(level),
            focus_elapsed=None if running is None else self._focus.elapsed(running),
            paused_until=self._paused_until_local(),
        )

    def _facts_of_today(self) -> TodayFacts | None:
        """The facts read, while they are about today (``None`` before a read is back)."""
        facts = self._facts
        return facts if facts is not None and facts.day == self._checkins.today() else None

    def _running(self) -> FocusSession | None:
        """The focus session running as last read (a session spans days, so any read)."""
        return None if self._facts is None else self._facts.running

    def _paused_until_local(self) -> dt.datetime | None:
        until = self.reminders.paused_until()
        return None if until is None else until.astimezone(self._checkins.zone)

    # --- reminders --------------------------------------------------------------------------

    def _reminder_inputs(self, now: dt.datetime) -> ReminderInputs:
        """The scheduler's inputs from the facts read; nothing is due from unknown facts."""
        settings = self._settings()
        facts = self._facts_of_today()
        running = self._running()
        self._risk_seen = None if facts is None else facts.assessment
        level = None if self._risk_seen is None else self._risk_seen.level
        return ReminderInputs(
            now=now,
            zone=self._checkins.zone,
            day_start_hour=settings.day_start_hour,
            reminder_time=settings.reminder_time,
            workdays=settings.workdays,
            snooze_minutes=settings.snooze_minutes,
            focus_length_minutes=settings.focus_length_minutes,
            meeting_budget_minutes=settings.meeting_budget_minutes,
            # Until today's facts are back, today counts as checked in: no reminder is shown
            # on a guess; the read that is under way checks again.
            today_checked_in=True if facts is None else facts.checked_in,
            today_meeting_minutes=0 if facts is None else facts.meeting_minutes,
            focus_session_started_at=None if running is None else running.started_at,
            focus_session_id=None if running is None else running.id,
            risk_level=None if level is None else str(level),
            risk_not_before=self._risk_hold.not_before(),
            review_moment=settings.review_moment,
        )

    def start(self) -> None:
        """Begin: read today, recover a focus session left running, arm the reminders."""
        self._recover_after_read = True
        self.refresh_soon()

    @Slot()
    def refresh(self) -> None:
        """Show the facts read (tray, focus indicator) and check the reminders against them."""
        if self.tray is not None:
            self.tray.refresh()
        self._refresh_focus()
        self.update_keep_running()
        self.reminders.check_now()

    @Slot(object, object)
    def _on_hub_changes_applied(self, changes: Changes, _initiator: object | None) -> None:
        """Show a change (here or from the CLI); the risk notification waits for quiet."""
        if changes.touches(*DATA_KINDS):
            self._risk_hold.note_write(self._clock.now())
        if changes.touches(*DAY_FIGURE_KINDS):
            self.refresh_soon()

    def refresh_soon(self) -> None:
        """Read today's facts on the database worker, then :meth:`refresh` from them.

        The worker runs after the charts' read, so the risk is computed once per change.
        """
        hub = self.window.hub
        if hub is None:
            return  # the data is not open yet: start() reads once it is
        checkins, focus, risk = self._checkins, self._focus, self._risk
        hub.run(
            lambda: read_today(checkins, focus, risk), self._on_facts_read, self._on_read_failed
        )

    def _on_facts_read(self, facts: TodayFacts) -> None:
        self._facts = facts
        if self._recover_after_read:
            self._recover_after_read = False
            self._recover_focus_session()
        self.refresh()
        self.facts_shown.emit()

    def _on_read_failed(self, error: Exception) -> None:
        logger.warning("today's figures unavailable: %s", error)

    def reminder_text(self, reminder: Reminder) -> tuple[str, str]:
        """Return the title and body for ``reminder``, in the app's calm wording."""
        facts = self._facts_of_today()
        meeting_minutes = 0 if facts is None else facts.meeting_minutes
        # The risk notice quotes the assessment the check decided on: the panel's numbers
        # (a risk reminder is due only from one, so the stand-in is never quoted).
        assessment = self._risk_seen or without_score(self._checkins.today())
        body = reminder_body(reminder.kind, self._settings(), meeting_minutes, assessment)
        return translate("Notification", TITLES[reminder.kind]), body

    @Slot(object)
    def _on_reminders_reminder_due(self, reminder: Reminder) -> None:
        if reminder.kind in _CHECKIN_KINDS and self._window_asks_for_checkin(reminder.day):
            logger.info("check-in reminder not shown: the window already asks for it")
            return
        title, body = self.reminder_text(reminder)
        key = notice_key(reminder.kind)
        self._shown[key] = reminder
        actions = notice_actions(reminder.kind)
        self.notifier.notify(key, title, body, actions, timeout_ms=REMINDER_TIMEOUT_MS)

    def _window_asks_for_checkin(self, day: dt.date) -> bool:
        """Tell whether the window is in front (or just opened) with ``day``'s check-in."""
        window = self.window
        if not window.isVisible() or window.isMinimized() or window.form.day() != day:
            return False
        just_started = self._clock.now() - self._started_at < dt.timedelta(minutes=1)
        return just_started or window.isActiveWindow()

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
        running = self._running()
        if running is None or running.started_at != reminder.focus_started_at:
            logger.info("break notice's session is no longer running; nothing stopped")
            return
        self.stop_focus()

    @Slot(str, str, str)
    def _on_notifier_fallback_requested(self, key: str, title: str, body: str) -> None:
        """No notification service and no tray: the window shows it as a banner."""
        if key == RUNNING_KEY:
            return  # the window is closing; a banner inside it would say nothing
        self.window.show_banner(title, body)
        self.open_dashboard()

    @Slot(str)
    def _on_tray_pause_requested(self, how: str) -> None:
        self.reminders.pause(how)
        if self.tray is not None:
            self.tray.refresh()

    # --- actions ----------------------------------------------------------------------------

    @Slot()
    def open_dashboard(self) -> None:
        """Show the window in front."""
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def open_review(self, day: dt.date | None = None) -> None:
        """Show the weekly review of the week containing ``day`` (default: the last one)."""
        self.window.open_review(day)
        if self.window.lookahead_window is None:  # no look-ahead attached: the window itself
            self.open_dashboard()

    @Slot()
    def open_checkin(self) -> None:
        """Show the window with today's check-in ready to type."""
        self.window.show_day(self._checkins.today())
        self.open_dashboard()

    @Slot()
    def toggle_focus(self) -> None:
        """Start a focus session, or stop the running one (decided on the worker, fresh)."""
        focus = self._focus
        self._focus_action(lambda: focus.start() if focus.running() is None else focus.stop())

    @Slot()
    def start_focus(self) -> None:
        """Start a focus session now."""
        self._focus_action(self._focus.start)

    @Slot()
    def stop_focus(self) -> None:
        """Stop the running focus session; its minutes count as coding time."""
        self._focus_action(self._focus.stop)

    def _focus_action(self, action: Callable[[], object]) -> None:
        hub = self.window.hub
        if hub is None:
            return

        def failed(error: Exception) -> None:
            if isinstance(error, FocusError | StorageError):
                self._tell(self.tr("Focus session"), str(error).capitalize() + ".")
            else:
                logger.error("focus session not changed", exc_info=error)

        def done(_result: object) -> None:
            self.window.show_day(self.window.form.day())

        hub.run(action, done, failed, initiator=self)

    @Slot()
    def add_meeting_time(self) -> None:
        """Open the "Add meeting time" dialog (or bring the open one to the front)."""
        if self.meeting_dialog is not None:
            self.meeting_dialog.raise_()
            self.meeting_dialog.activateWindow()
            return
        facts = self._facts_of_today()
        current = None if facts is None or facts.day_record is None else facts.day_record
        dialog = AddMeetingTimeDialog(
            current.meeting_minutes if current else None, self._add_meeting_minutes, self.window
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_meeting_dialog_finished)
        self.meeting_dialog = dialog
        dialog.open()
        dialog.raise_()
        dialog.activateWindow()

    @Slot()
    def _on_meeting_dialog_finished(self) -> None:
        self.meeting_dialog = None

    def _add_meeting_minutes(self, added: int, answer: Callable[[str | None], None]) -> None:
        """Add ``added`` minutes to today's meeting time; ``answer`` why not, or ``None``."""
        hub, checkins = self.window.hub, self._checkins
        today = checkins.today()
        if hub is None:
            answer(self.tr("Still opening your data: try again in a moment."))
            return

        def add() -> None:
            current = checkins.get(today)
            total = (current.meeting_minutes or 0) + added if current else added
            checkins.record(today, {"meeting_minutes": total})

        def done(_result: None) -> None:
            if self.window.form.day() == today:
                self.window.show_day(today)
            answer(None)

        def failed(error: Exception) -> None:
            if isinstance(error, CheckInInvalidError):
                reasons = "; ".join(problem.message for problem in error.problems)
                answer(self.tr("Not added: {reasons}.").format(reasons=reasons))
            else:
                answer(self.tr("Not added: {error}.").format(error=error))

        hub.run(add, done, failed, initiator=self)

    @Slot()
    def _on_window_hidden_to_tray(self) -> None:
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

    @Slot()
    def quit(self) -> None:
        """Remember state and leave the event loop."""
        self.reminders.remember()
        self.reminders.stop()
        if self.tray is not None:
            self.tray.hide()
        QApplication.quit()

    def _refresh_focus(self) -> None:
        """Hand the running session to the window, which counts on its own from then on."""
        running = self._running()
        if running is None:
            self.window.show_focus(None)
            return
        self.window.show_focus(
            running.started_at.astimezone(self._checkins.zone),
            dt.timedelta(minutes=self._settings().focus_length_minutes),
            self._clock.now,
        )

    def _recover_focus_session(self) -> None:
        """Ask whether a session still running from the last run really is (after a crash)."""
        running = self._running()
        last_alive = self.reminders.state.last_alive
        if running is None or last_alive is None or last_alive <= running.started_at:
            return
        if self._clock.now() - last_alive < dt.timedelta(minutes=10):
            return
        zone = self._checkins.zone
        started = running.started_at.astimezone(zone)
        seen = last_alive.astimezone(zone)
        box = QMessageBox(self.window)
        box.setWindowTitle(self.tr("Focus session"))
        box.setText(
            self.tr(
                "A focus session started at {started} was still running when FocusApp "
                "last ran ({seen}). Is it still running?"
            ).format(
                started=moment_text(started, self.tr("ddd HH:mm")),
                seen=moment_text(seen, self.tr("ddd HH:mm")),
            )
        )
        keep = box.addButton(self.tr("Still running"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(
            self.tr("It ended at {time}").format(time=f"{seen:%H:%M}"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.exec()
        if box.clickedButton() is not keep:
            focus = self._focus
            self._focus_action(lambda: focus.stop(ended_at=last_alive))

    def _tell(self, title: str, text: str) -> None:
        QMessageBox.information(self.window, title, text)
