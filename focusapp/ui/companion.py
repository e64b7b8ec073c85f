"""The tray companion beside the window in one process: reads and writes on the window's worker.

It holds no rules of its own: the reminder schedule is the pure domain scheduler, the
numbers come from the services, and the widgets only emit what the user asked for. Used when
the window and the tray share a process: without a tray host (reminders then still arrive
from the background), and in the window's own tests.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QGuiApplication

from focusapp.domain.errors import StorageError
from focusapp.domain.validation import CheckInInvalidError
from focusapp.services.changes import DAY_FIGURE_KINDS, ChangeKind
from focusapp.services.focus import FocusError
from focusapp.services.today import read_today
from focusapp.ui.tray_companion import FocusAction, TrayCompanion
from focusapp.wording.phrases import say

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from focusapp.domain.clock import Clock
    from focusapp.domain.focus import FocusSession
    from focusapp.domain.today import TodayFacts
    from focusapp.services.app_state import AppStateStore
    from focusapp.services.changes import Changes
    from focusapp.services.checkins import CheckInService
    from focusapp.services.focus import FocusService
    from focusapp.services.risk import RiskService
    from focusapp.settings.values import Settings
    from focusapp.ui.main_window import MainWindow
    from focusapp.ui.notifications import Notifier
    from focusapp.ui.tray import TrayIcon

logger = logging.getLogger(__name__)

# Writes after which the risk notification waits for quiet (settings are no such write).
DATA_KINDS = DAY_FIGURE_KINDS - {ChangeKind.SETTINGS}


class Companion(TrayCompanion):
    """Runs FocusApp's life in the tray around the main window of this process."""

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
        remind: bool = True,
        tray: TrayIcon | None = None,
        notifier: Notifier | None = None,
        parent: QObject | None = None,
    ) -> None:
        """Wire ``window`` to the services; ``notifier`` defaults to the desktop's service.

        ``remind=False``: a light tray process reminds, and closing the window ends this one.
        """
        super().__init__(
            settings,
            state_store,
            clock,
            checkins.zone,
            remind=remind,
            notifier=notifier,
            parent=parent,
        )
        self.window = window
        self._checkins = checkins
        self._focus = focus
        self._risk = risk
        if use_tray:
            self.enable_tray(tray)
        self.update_keep_running()
        window.focus_toggle_requested.connect(self.toggle_focus)
        window.focus_stop_requested.connect(self.stop_focus)
        if window.hub is not None:
            window.hub.changes_applied.connect(self._on_hub_changes_applied)
        window.hidden_to_tray.connect(self.say_still_running)
        window.quit_requested.connect(self.quit)

    def today(self) -> dt.date:
        """The user's current day under the day-start rule."""
        return self._checkins.today()

    def update_keep_running(self) -> None:
        """Decide whether closing the window keeps FocusApp running, and apply it.

        With a tray it stays there. Without one (GNOME without the AppIndicator extension)
        it stays in the background when reminders are on and the desktop can show them,
        since otherwise no reminder would ever arrive; launching it again opens the window.
        """
        background = self.reminders_on() and self.notifier.available()
        keep = self.remind and (self.tray is not None or background)
        self.window.hide_on_close = keep
        QGuiApplication.setQuitOnLastWindowClosed(not keep)

    # --- reads ------------------------------------------------------------------------------

    @Slot(object, object)
    def _on_hub_changes_applied(self, changes: Changes, _initiator: object | None) -> None:
        """Show a change (here or from the CLI); the risk notification waits for quiet."""
        if changes.touches(*DATA_KINDS):
            self.note_write()
        if changes.touches(*DAY_FIGURE_KINDS):
            self.refresh_soon()

    def refresh_soon(self) -> None:
        """Read today's facts on the database worker, then show them.

        The worker runs after the charts' read, so the risk is computed once per change.
        """
        hub = self.window.hub
        if hub is None:
            return  # the data is not open yet: start() reads once it is
        checkins, focus, risk = self._checkins, self._focus, self._risk
        hub.run(lambda: read_today(checkins, focus, risk), self._on_facts_read, self.read_failed)

    def _on_facts_read(self, facts: TodayFacts) -> None:
        self.show_facts(facts)

    # --- writes -----------------------------------------------------------------------------

    def focus_action(self, action: FocusAction, ended_at: dt.datetime | None = None) -> None:
        """Start or stop the focus session on the worker (a toggle decides there, fresh)."""
        hub, focus = self.window.hub, self._focus
        if hub is None:
            return

        def act() -> object:
            if action is FocusAction.START or (
                action is FocusAction.TOGGLE and focus.running() is None
            ):
                return focus.start()
            return focus.stop(ended_at)

        def failed(error: Exception) -> None:
            if isinstance(error, FocusError | StorageError):
                self.focus_failed(str(error))
            else:
                logger.error("focus session not changed", exc_info=error)

        def done(_result: object) -> None:
            self.window.show_day(self.window.form.day())

        hub.run(act, done, failed, initiator=self)

    def add_meeting_minutes(self, added: int, answer: Callable[[str | None], None]) -> None:
        """Add ``added`` minutes to today's meeting time; ``answer`` why not, or ``None``."""
        hub, checkins = self.window.hub, self._checkins
        today = checkins.today()
        if hub is None:
            answer(self.tr("Still opening your data: try again in a moment."))
            return

        def done(_result: object) -> None:
            if self.window.form.day() == today:
                self.window.show_day(today)
            answer(None)

        def failed(error: Exception) -> None:
            if isinstance(error, CheckInInvalidError):
                reasons = "; ".join(say(problem.message) for problem in error.problems)
                answer(self.tr("Not added: {reasons}.").format(reasons=reasons))
            else:
                answer(self.tr("Not added: {error}.").format(error=error))

        hub.run(
            lambda: checkins.record(today, {}, meeting_minutes_added=added),
            done,
            failed,
            initiator=self,
        )

    # --- the window -------------------------------------------------------------------------

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

    def show_banner(self, title: str, body: str) -> None:
        """No notification service and no tray: the window shows it as a banner."""
        self.window.show_banner(title, body)

    def window_asks_for_checkin(self, day: dt.date) -> bool:
        """Tell whether the window is in front (or just opened) with ``day``'s check-in."""
        window = self.window
        if not window.isVisible() or window.isMinimized() or window.form.day() != day:
            return False
        return self.just_started() or window.isActiveWindow()

    def show_focus_running(self, running: FocusSession | None) -> None:
        """Hand the running session to the window, which counts on its own from then on."""
        if running is None:
            self.window.show_focus(None)
            return
        self.window.show_focus(
            running.started_at.astimezone(self.zone),
            dt.timedelta(minutes=self._settings().focus_length_minutes),
            self._clock.now,
        )

    def dialog_parent(self) -> QWidget | None:
        """Dialogs belong to the window."""
        return self.window
