"""What each reminder looks like as a notification: its key, its buttons, and when risk may ring.

The companion decides what is due (through the pure scheduler) and what a button does; this
module holds the fixed parts, so the buttons and the rules about the risk notification are
declared once and tested on their own.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

from focusapp.domain.durations import format_duration
from focusapp.domain.reminders.model import ReminderKind
from focusapp.ui.notifications import DEFAULT_ACTION
from focusapp.ui.risk_text import describe_risk
from focusapp.wording.translate import translate

if TYPE_CHECKING:
    from focusapp.domain.risk import RiskAssessment
    from focusapp.settings.values import Settings

Actions = tuple[tuple[str, str], ...]

SNOOZE_ACTION: Final = "snooze"
STOP_SESSION_ACTION: Final = "stop"
#: How long "In 30 min" holds the check-in reminder back.
SNOOZE_DELAY: Final = dt.timedelta(minutes=30)
#: How long a reminder stays on screen (the daemon may keep it longer, in its history).
REMINDER_TIMEOUT_MS: Final = 60_000
#: The risk notification waits this long after start: the first data read, a calendar
#: import or a sync may still change the numbers.
RISK_STARTUP_QUIET: Final = dt.timedelta(minutes=5)
#: ... and this long after the last write, so a backfill from the command line finishes
#: before anything is said about the numbers it changes.
RISK_WRITE_QUIET: Final = dt.timedelta(minutes=2)

#: The key of the "FocusApp keeps running" notice shown when the window first closes.
RUNNING_KEY: Final = "running"
RUNNING_TIMEOUT_MS: Final = 10_000

_KEYS: Final = {
    ReminderKind.CHECKIN: "checkin",
    ReminderKind.CHECKIN_REPEAT: "checkin",
    ReminderKind.FOCUS_BREAK: "focus_break",
    ReminderKind.MEETING_BUDGET: "meetings",
    ReminderKind.RISK: "risk",
    ReminderKind.WEEKLY_REVIEW: "review",
}


def notice_key(kind: ReminderKind) -> str:
    """Return the notification key of ``kind``: a repeat replaces the first check-in reminder."""
    return _KEYS[kind]


def notice_actions(kind: ReminderKind) -> Actions:
    """Return the buttons (action key, label) of a ``kind`` reminder.

    The ``"default"`` action is also what a click on the notification's body does.
    """
    match kind:
        case ReminderKind.CHECKIN | ReminderKind.CHECKIN_REPEAT:
            minutes = int(SNOOZE_DELAY.total_seconds() // 60)
            return (
                (DEFAULT_ACTION, translate("Notification", "Check in")),
                (
                    SNOOZE_ACTION,
                    translate("Notification", "In {minutes} min").format(minutes=minutes),
                ),
            )
        case ReminderKind.FOCUS_BREAK:
            return (
                (STOP_SESSION_ACTION, translate("Notification", "Stop session")),
                (DEFAULT_ACTION, translate("Notification", "Show me")),
            )
        case ReminderKind.WEEKLY_REVIEW:
            return ((DEFAULT_ACTION, translate("Notification", "Open the review")),)
        case _:
            return ((DEFAULT_ACTION, translate("Notification", "Show me")),)


def reminder_body(
    kind: ReminderKind, settings: Settings, meeting_minutes: int, assessment: RiskAssessment
) -> str:
    """Return the body of a ``kind`` reminder, in the app's calm wording.

    The risk notice is one sentence quoting :func:`describe_risk` of ``assessment``: the
    words and numbers the dashboard's panel shows for the same assessment.
    """
    match kind:
        case ReminderKind.CHECKIN | ReminderKind.CHECKIN_REPEAT:
            return translate(
                "Notification",
                "Twenty seconds: how was your energy, and how much coding and meeting time?",
            )
        case ReminderKind.FOCUS_BREAK:
            return translate(
                "Notification",
                "You have focused for {length}. Stand up, look away from the screen, drink some "
                "water.",
            ).format(length=format_duration(settings.focus_length_minutes))
        case ReminderKind.MEETING_BUDGET:
            return translate(
                "Notification",
                "Meetings today: {minutes}, over your {budget} budget. If you can, keep a block "
                "free for focused work tomorrow.",
            ).format(
                minutes=format_duration(meeting_minutes),
                budget=format_duration(settings.meeting_budget_minutes),
            )
        case ReminderKind.RISK:
            return translate("Notification", "Burnout-risk signal today: {signal}.").format(
                signal=describe_risk(assessment)
            )
        case _:  # the weekly review: its figures are read when it is opened, off this thread
            return translate(
                "Notification",
                "Your week against your usual one, with next week's booked meetings and one "
                "suggestion. A minute, and a line of reflection if you like.",
            )


def running_notice(*, in_tray: bool) -> tuple[str, str, Actions]:
    """Return the title, body and button of the notice that closing did not quit FocusApp."""
    if in_tray:
        body = translate(
            "Notification",
            "It keeps your reminders and focus timer in the tray. Quit from the tray menu.",
        )
    else:
        body = translate(
            "Notification",
            "Your reminders will still arrive. Start FocusApp again to open the window; quit "
            "from its File menu.",
        )
    return (
        translate("Notification", "FocusApp is still running"),
        body,
        ((DEFAULT_ACTION, translate("Notification", "Open FocusApp")),),
    )


class RiskHold:
    """Holds the risk notification back just after start and while writes keep arriving.

    A backfill from the command line writes many days in a row; a notification in the
    middle of it would quote numbers that change moments later. Time comes in as arguments,
    from the companion's clock.
    """

    def __init__(self, started_at: dt.datetime) -> None:
        """Count the start-up quiet from ``started_at`` (aware)."""
        self._started_at = started_at
        self._last_write: dt.datetime | None = None

    def note_write(self, at: dt.datetime) -> None:
        """Remember that data was written at ``at``; the quiet period starts again."""
        if self._last_write is None or at > self._last_write:
            self._last_write = at

    def not_before(self) -> dt.datetime:
        """Return the first instant the risk notification may be shown."""
        earliest = self._started_at + RISK_STARTUP_QUIET
        if self._last_write is None:
            return earliest
        return max(earliest, self._last_write + RISK_WRITE_QUIET)
