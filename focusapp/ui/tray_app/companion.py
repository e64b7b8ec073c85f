"""The tray companion of the light tray process: reads with ``sqlite3``, writes by command.

Today's facts are read by :class:`~focusapp.services.light_days.LightDays` on a worker
thread; the focus session and "Add meeting time" are ``focusapp`` commands run as child
processes (:mod:`focusapp.ui.tray_app.commands`); the window is a process of its own
(:mod:`focusapp.ui.tray_app.window_process`). Every change, by a child or by anyone else,
comes back through the file watcher as a new read.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QGuiApplication

from focusapp.domain.models import CheckIn
from focusapp.domain.validation import problems_in
from focusapp.ui.line_channel import Message
from focusapp.ui.tray_companion import FocusAction, TrayCompanion
from focusapp.ui.workers import BackgroundRunner
from focusapp.wording.phrases import say
from focusapp.wording.translate import translate

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from focusapp.domain.clock import Clock
    from focusapp.services.app_state import AppStateStore
    from focusapp.services.light_days import LightDays
    from focusapp.settings.values import Settings
    from focusapp.ui.notifications import Notifier
    from focusapp.ui.tray_app.commands import CommandRunner
    from focusapp.ui.tray_app.window_process import WindowProcess

logger = logging.getLogger(__name__)


class LightCompanion(TrayCompanion):
    """The tray, reminders and notices of a process that holds no database stack."""

    def __init__(
        self,
        days: LightDays,
        commands: CommandRunner,
        windows: WindowProcess,
        settings: Callable[[], Settings],
        state_store: AppStateStore,
        clock: Clock,
        *,
        notifier: Notifier | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(settings, state_store, clock, days.zone, notifier=notifier, parent=parent)
        self._days = days
        self._commands = commands
        self.windows = windows
        self._reader = BackgroundRunner(self, name="focusapp-tray-read")
        # Today is read only once the start's check opened the data (see start()).
        self._started = False
        windows.closed.connect(self.say_still_running)
        windows.quit_requested.connect(self.quit)

    def today(self) -> dt.date:
        """The user's current day under the day-start rule."""
        return self._days.today()

    def update_keep_running(self) -> None:
        """The tray process ends only by Quit: closing a dialog never ends it."""
        QGuiApplication.setQuitOnLastWindowClosed(False)

    # --- reads ------------------------------------------------------------------------------

    def start(self) -> None:
        """Begin, once the data is checked: read today, then arm the reminders."""
        self._started = True
        super().start()

    def refresh_soon(self) -> None:
        """Read today's facts on the worker thread, then show them (not before the start)."""
        if self._started:
            self._reader.run_in_background(self._days.read_today, self.show_facts, self.read_failed)

    @Slot()
    def data_changed(self) -> None:
        """Another process (a command, the window) wrote: read again; risk waits for quiet."""
        self.note_write()
        self.refresh_soon()

    # --- writes -----------------------------------------------------------------------------

    def focus_action(self, action: FocusAction, ended_at: dt.datetime | None = None) -> None:
        """Start or stop the focus session with ``focusapp focus``."""
        start = action is FocusAction.START or (
            action is FocusAction.TOGGLE and self.running() is None
        )
        arguments = ["focus", "start" if start else "stop"]
        if ended_at is not None and not start:
            arguments += ["--ended-at", ended_at.isoformat()]
        self._commands.run(arguments, lambda _output: self.refresh_soon(), self.focus_failed)

    def add_meeting_minutes(self, added: int, answer: Callable[[str | None], None]) -> None:
        """Add ``added`` minutes with ``focusapp log --add-meetings``; ``answer`` why not."""
        problem = self._meeting_problem(added)
        if problem is not None:
            answer(problem)
            return

        def refused(why: str) -> None:
            answer(translate("Companion", "Not added: {error}.").format(error=why))

        def added_now(_output: str) -> None:
            self.refresh_soon()
            answer(None)

        self._commands.run(["log", "--add-meetings", f"{added}m"], added_now, refused)

    def _meeting_problem(self, added: int) -> str | None:
        """Say why adding ``added`` minutes to today's time would be refused (in words)."""
        facts = self.facts_of_today()
        if facts is None:
            return None  # the command checks under its lock
        day = facts.day_record or CheckIn(date=facts.day)
        total = (day.meeting_minutes or 0) + added
        found = problems_in(day.merged({"meeting_minutes": total}), facts.day)
        if not found:
            return None
        reasons = "; ".join(say(problem.message) for problem in found)
        return translate("Companion", "Not added: {reasons}.").format(reasons=reasons)

    # --- the window -------------------------------------------------------------------------

    @Slot()
    def open_dashboard(self) -> None:
        """Show the window (starting its process) in front."""
        self.windows.show(Message.SHOW_DASHBOARD)

    @Slot()
    def open_checkin(self) -> None:
        """Show the window with today's check-in ready to type."""
        self.windows.show(Message.SHOW_CHECKIN)

    def open_review(self, day: dt.date | None = None) -> None:
        """Show the weekly review of the week containing ``day`` (default: the last one)."""
        self.windows.show(Message.SHOW_REVIEW, "" if day is None else day.isoformat())

    @Slot()
    def open_settings(self) -> None:
        """Show the settings dialog (it belongs to the window)."""
        self.windows.show(Message.SHOW_SETTINGS)

    def show_banner(self, title: str, body: str) -> None:
        """No notification service: the notice is a message box of its own."""
        self.tell(title, body)

    def window_asks_for_checkin(self, day: dt.date) -> bool:
        """While the window is open it shows today's check-in: no reminder on top of it."""
        return self.windows.is_open() and day == self.today()

    @Slot()
    def quit(self) -> None:
        """End the window's process (it saves and backs up), then this one."""
        self.windows.end()
        self._reader.shutdown(wait=False)
        super().quit()
