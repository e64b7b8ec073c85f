"""User settings as typed values: :class:`Settings` (its defaults) and the constants around it.

Every setting has a dotted key, a typed attribute here, one canonical text form and a TOML
form (:mod:`focusapp.settings.specs`); the file that holds them is :mod:`focusapp.settings.store`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from focusapp.domain.forecast import DEFAULT_DAYS as DEFAULT_FORECAST_DAYS
from focusapp.domain.review_schedule import ReviewMoment

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

    reminder_time: dt.time = dt.time(17, 30)
    workdays: frozenset[int] = frozenset(range(5))
    snooze_minutes: int = 45
    day_start_hour: int = 4
    meeting_budget_minutes: int = 4 * 60
    focus_length_minutes: int = 90
    theme: str = "system"
    start_at_login: bool = False
    tray_icon: bool = True
    calendar_my_addresses: tuple[str, ...] = ()
    calendar_work_hours: tuple[dt.time, dt.time] = (dt.time(9), dt.time(17))
    calendar_not_meeting_patterns: tuple[str, ...] = (
        "focus",
        "focus time",
        "blocked",
        "lunch",
        "ooo",
        "out of office",
    )
    calendar_only_with_attendees: bool = False
    calendar_watch_files: tuple[str, ...] = ()
    calendar_keep_titles: bool = True
    forecast_days: int = DEFAULT_FORECAST_DAYS
    review_moment: ReviewMoment | None = DEFAULT_REVIEW_MOMENT


DEFAULT_SETTINGS: Final = Settings()
