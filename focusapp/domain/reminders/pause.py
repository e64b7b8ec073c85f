"""Silencing reminders for a while, and snoozing the check-in reminder.

Each function returns a new :class:`~.state.ReminderState`; the controller persists it, so
a pause or a snooze survives a restart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from focusapp.domain.days import DEFAULT_DAY_START_HOUR, day_bounds, local_day
from focusapp.domain.reminders.wall_clock import require_aware, utc

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from focusapp.domain.reminders.state import ReminderState


def is_paused(state: ReminderState, now: dt.datetime) -> bool:
    """Return whether reminders are silenced at ``now``."""
    return state.paused_until is not None and utc(now) < state.paused_until


def pause_until(state: ReminderState, until: dt.datetime) -> ReminderState:
    """Return ``state`` silenced until ``until`` (aware)."""
    require_aware("until", until)
    return replace(state, paused_until=utc(until))


def pause_for(state: ReminderState, now: dt.datetime, duration: dt.timedelta) -> ReminderState:
    """Return ``state`` silenced for ``duration`` from ``now`` ("pause for 1 hour")."""
    require_aware("now", now)
    return pause_until(state, utc(now) + duration)


def pause_rest_of_today(
    state: ReminderState,
    now: dt.datetime,
    zone: ZoneInfo,
    day_start_hour: int = DEFAULT_DAY_START_HOUR,
) -> ReminderState:
    """Return ``state`` silenced until the current user-day ends (the next day start)."""
    require_aware("now", now)
    _, end = day_bounds(local_day(now, zone, day_start_hour), zone, day_start_hour)
    return pause_until(state, end)


def resume(state: ReminderState) -> ReminderState:
    """Return ``state`` with any pause lifted."""
    return replace(state, paused_until=None)


def snooze_checkin(
    state: ReminderState, day: dt.date, now: dt.datetime, delay: dt.timedelta
) -> ReminderState:
    """Return ``state`` with ``day``'s check-in reminder shown again once, ``delay`` after ``now``.

    The snoozed reminder replaces the automatic repeat, so one snooze gives exactly one
    reminder; snoozing that one again gives one more. A snooze for a day older than the
    newest reminded day changes nothing (it can no longer be shown).

    Raises:
        ValueError: If ``now`` is naive or ``delay`` is not positive.
    """
    require_aware("now", now)
    if delay <= dt.timedelta(0):
        raise ValueError("delay must be positive")
    if state.checkin_day is not None and day < state.checkin_day:
        return state
    return replace(
        state,
        checkin_day=day,
        checkin_count=1,
        checkin_shown_at=state.checkin_shown_at if state.checkin_day == day else utc(now),
        checkin_snoozed_until=utc(now) + delay,
    )
