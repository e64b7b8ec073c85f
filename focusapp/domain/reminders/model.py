"""What the reminder schedule works on: the kinds of reminder, one reminder, the inputs.

The defaults here are the settings' defaults (:mod:`focusapp.settings.values` takes them
from this module), so a schedule built without settings behaves as a fresh install.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from focusapp.domain.days import DEFAULT_DAY_START_HOUR
from focusapp.domain.reminders.wall_clock import require_aware

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from focusapp.domain.review_schedule import ReviewMoment

DEFAULT_REMINDER_TIME: Final = dt.time(17, 30)
DEFAULT_WORKDAYS: Final = frozenset(range(5))
DEFAULT_SNOOZE_MINUTES: Final = 45
DEFAULT_FOCUS_LENGTH_MINUTES: Final = 90
DEFAULT_MEETING_BUDGET_MINUTES: Final = 4 * 60

#: How often the check-in reminder may be shown per user-day: once plus one repeat.
MAX_CHECKIN_SHOWS: Final = 2
#: Risk levels worth interrupting the user for.
NOTIFY_RISK_LEVELS: Final = frozenset({"high", "very_high"})
#: Minimum time between two risk notifications.
RISK_COOLDOWN: Final = dt.timedelta(days=7)


class ReminderKind(enum.StrEnum):
    """What a reminder is about; the value is stable and safe to persist or log."""

    CHECKIN = "checkin"
    CHECKIN_REPEAT = "checkin_repeat"
    FOCUS_BREAK = "focus_break"
    MEETING_BUDGET = "meeting_budget"
    RISK = "risk"
    WEEKLY_REVIEW = "weekly_review"


CHECKIN_KINDS: Final = frozenset({ReminderKind.CHECKIN, ReminderKind.CHECKIN_REPEAT})


@dataclass(frozen=True, slots=True)
class Reminder:
    """One notification the controller should show now.

    Attributes:
        kind: What it is about.
        due_at: When it became due (UTC); for a missed check-in, the scheduled instant.
        day: The user-day it belongs to.
        focus_session_id: For a focus break, the session's id (``None`` if not yet stored).
        focus_started_at: For a focus break, the session's start, which identifies it even
            before it has an id.
    """

    kind: ReminderKind
    due_at: dt.datetime
    day: dt.date
    focus_session_id: int | None = None
    focus_started_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class ReminderInputs:
    """A snapshot of everything the schedule depends on, taken by the controller.

    Attributes:
        now: The current instant (aware).
        zone: The user's IANA zone; local times and days are read on its wall clock.
        day_start_hour: Hour at which a user-day begins (see :mod:`focusapp.domain.days`).
        reminder_time: Local wall time of the daily check-in reminder.
        workdays: Weekdays (0 = Monday) of the user-day on which to remind.
        snooze_minutes: Delay between showing the check-in reminder and its single repeat.
        focus_length_minutes: Focus time after which a running session gets a break nudge.
        meeting_budget_minutes: Daily meeting time above which to nudge; 0 disables it.
        today_checked_in: Whether the current user-day already has a check-in.
        today_meeting_minutes: Meeting time recorded for the current user-day.
        focus_session_started_at: Start of the running focus session, if any (aware).
        focus_session_id: Stored id of the running focus session, if it has one.
        risk_level: Current burnout-risk level name (``low`` ... ``very_high``), if known.
        risk_not_before: The risk notification is held back until this instant (aware).
        review_moment: When in the week the weekly review is due; ``None`` turns it off.
    """

    now: dt.datetime
    zone: ZoneInfo
    day_start_hour: int = DEFAULT_DAY_START_HOUR
    reminder_time: dt.time = DEFAULT_REMINDER_TIME
    workdays: frozenset[int] = DEFAULT_WORKDAYS
    snooze_minutes: int = DEFAULT_SNOOZE_MINUTES
    focus_length_minutes: int = DEFAULT_FOCUS_LENGTH_MINUTES
    meeting_budget_minutes: int = DEFAULT_MEETING_BUDGET_MINUTES
    today_checked_in: bool = False
    today_meeting_minutes: int = 0
    focus_session_started_at: dt.datetime | None = None
    focus_session_id: int | None = None
    risk_level: str | None = None
    risk_not_before: dt.datetime | None = None
    review_moment: ReviewMoment | None = None

    def __post_init__(self) -> None:
        require_aware("now", self.now)
        require_aware("focus_session_started_at", self.focus_session_started_at)
        require_aware("risk_not_before", self.risk_not_before)
        if self.reminder_time.tzinfo is not None:
            raise ValueError("reminder_time must be a naive wall time")
        if not 0 <= self.day_start_hour <= 23:
            raise ValueError("day_start_hour must be 0-23")
        if self.snooze_minutes < 1:
            raise ValueError("snooze_minutes must be at least 1")
        if self.focus_length_minutes < 1:
            raise ValueError("focus_length_minutes must be at least 1")
        if not self.workdays <= DEFAULT_WORKDAYS | {5, 6}:
            raise ValueError("workdays must be weekday numbers 0-6")
