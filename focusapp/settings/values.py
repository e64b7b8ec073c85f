"""User settings as typed values: :class:`Settings` (its defaults) and the constants around it.

The defaults that the domain also needs (reminder times, the day start, calendar rules) are
declared there once and taken from it here.

Every setting has a dotted key, a typed attribute here, one canonical text form and a TOML
form (:mod:`focusapp.settings.specs`); the file that holds them is :mod:`focusapp.settings.store`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from focusapp.domain.calendar import DEFAULT_NOT_MEETING_PATTERNS, DEFAULT_WORK_HOURS
from focusapp.domain.days import DEFAULT_DAY_START_HOUR
from focusapp.domain.forecast_range import DEFAULT_DAYS as DEFAULT_FORECAST_DAYS
from focusapp.domain.reminders.model import (
    DEFAULT_FOCUS_LENGTH_MINUTES,
    DEFAULT_MEETING_BUDGET_MINUTES,
    DEFAULT_REMINDER_TIME,
    DEFAULT_SNOOZE_MINUTES,
    DEFAULT_WORKDAYS,
)
from focusapp.domain.review_schedule import ReviewMoment

if TYPE_CHECKING:
    import datetime as dt

WEEKDAY_NAMES: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: Friday 16:00 (the domain's default moment).
DEFAULT_REVIEW_MOMENT: Final = ReviewMoment()
THEMES: Final = ("system", "light", "dark")
MAX_MEETING_BUDGET_MINUTES: Final = 24 * 60


class SettingsError(ValueError):
    """Raised when a setting's key or text is not acceptable; the message says what to type."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Every user setting, typed; an instance with no arguments holds the defaults.

    Attributes:
        reminder_time: Local wall time of the daily check-in reminder.
        workdays: Weekdays (0 = Monday) on which to remind.
        snooze_minutes: Delay before the single repeat of an ignored check-in reminder.
        day_start_hour: Hour at which a new day starts (late nights count for the day before).
        meeting_budget_minutes: Daily meeting time above which to nudge; 0 turns it off.
        focus_length_minutes: Focus time after which to suggest a break.
        theme: ``system``, ``light`` or ``dark``.
        start_at_login: Whether to start with the desktop session.
        tray_icon: Whether to show the system-tray icon.
        calendar_my_addresses: The user's own e-mail addresses, lower-case, in calendar files.
        calendar_work_hours: Start and end of working hours, for free-block statistics.
        calendar_not_meeting_patterns: Lower-case title patterns of events that are no meeting.
        calendar_only_with_attendees: Count only events with other attendees as meetings.
        calendar_watch_files: Calendar files (``.ics``) to read, as typed by the user.
        calendar_keep_titles: Keep event titles for the day audit; when off, none is stored.
        forecast_days: How many days ahead the look-ahead shows.
        review_moment: When in the week the weekly review notification comes; ``None`` is off.
    """

    reminder_time: dt.time = DEFAULT_REMINDER_TIME
    workdays: frozenset[int] = DEFAULT_WORKDAYS
    snooze_minutes: int = DEFAULT_SNOOZE_MINUTES
    day_start_hour: int = DEFAULT_DAY_START_HOUR
    meeting_budget_minutes: int = DEFAULT_MEETING_BUDGET_MINUTES
    focus_length_minutes: int = DEFAULT_FOCUS_LENGTH_MINUTES
    theme: str = "system"
    start_at_login: bool = False
    tray_icon: bool = True
    calendar_my_addresses: tuple[str, ...] = ()
    calendar_work_hours: tuple[dt.time, dt.time] = DEFAULT_WORK_HOURS
    calendar_not_meeting_patterns: tuple[str, ...] = DEFAULT_NOT_MEETING_PATTERNS
    calendar_only_with_attendees: bool = False
    calendar_watch_files: tuple[str, ...] = ()
    calendar_keep_titles: bool = True
    forecast_days: int = DEFAULT_FORECAST_DAYS
    review_moment: ReviewMoment | None = DEFAULT_REVIEW_MOMENT


DEFAULT_SETTINGS: Final = Settings()
