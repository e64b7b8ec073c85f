"""What is due now, and when to look again: the reminder schedule itself.

Pure functions of a :class:`~.model.ReminderInputs` snapshot and a
:class:`~.state.ReminderState`; see :mod:`focusapp.domain.reminders` for the decisions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from focusapp.domain.days import DEFAULT_DAY_START_HOUR, day_bounds, local_day
from focusapp.domain.reminders.model import (
    CHECKIN_KINDS,
    DEFAULT_REMINDER_TIME,
    MAX_CHECKIN_SHOWS,
    NOTIFY_RISK_LEVELS,
    RISK_COOLDOWN,
    Reminder,
    ReminderInputs,
    ReminderKind,
)
from focusapp.domain.reminders.pause import is_paused
from focusapp.domain.reminders.wall_clock import (
    opt_utc,
    require_aware,
    resolve_wall_time,
    utc,
)
from focusapp.domain.review_schedule import review_due_at, week_start

if TYPE_CHECKING:
    from collections.abc import Iterable
    from zoneinfo import ZoneInfo

    from focusapp.domain.reminders.state import ReminderState

_ONE_MINUTE: Final = dt.timedelta(minutes=1)


def checkin_window(
    day: dt.date,
    zone: ZoneInfo,
    day_start_hour: int = DEFAULT_DAY_START_HOUR,
    reminder_time: dt.time = DEFAULT_REMINDER_TIME,
) -> tuple[dt.datetime, dt.datetime]:
    """Return the half-open UTC interval in which ``day``'s check-in reminder is due.

    A ``reminder_time`` earlier than ``day_start_hour`` (02:00 with a 04:00 day start) is read
    on the calendar-next morning, which still belongs to ``day``. If DST pushes the reminder
    onto the day's end (a time in a gap just before the day start), it moves to the day's
    last minute so that the day keeps its reminder.
    """
    start, end = (utc(bound) for bound in day_bounds(day, zone, day_start_hour))
    calendar_day = day if reminder_time >= dt.time(day_start_hour) else day + dt.timedelta(days=1)
    due = resolve_wall_time(dt.datetime.combine(calendar_day, reminder_time), zone)
    if due >= end:
        due = max(start, end - _ONE_MINUTE)
    return due, end


def _checkin_count(state: ReminderState, day: dt.date) -> int | None:
    """Shows already made for ``day``; ``None`` when a later day was already reminded."""
    if state.checkin_day is None or state.checkin_day < day:
        return 0
    if state.checkin_day > day:
        return None
    return state.checkin_count


def _checkin_next(inputs: ReminderInputs, state: ReminderState, day: dt.date) -> Reminder | None:
    """Return ``day``'s next check-in reminder (due now or later), ignoring pauses."""
    if day.weekday() not in inputs.workdays:
        return None
    count = _checkin_count(state, day)
    if count is None or count >= MAX_CHECKIN_SHOWS:
        return None
    due, _ = checkin_window(day, inputs.zone, inputs.day_start_hour, inputs.reminder_time)
    if count == 0:
        return Reminder(ReminderKind.CHECKIN, due, day)
    if state.checkin_snoozed_until is not None and state.checkin_day == day:
        return Reminder(ReminderKind.CHECKIN_REPEAT, state.checkin_snoozed_until, day)
    shown = state.checkin_shown_at or due
    return Reminder(
        ReminderKind.CHECKIN_REPEAT, shown + dt.timedelta(minutes=inputs.snooze_minutes), day
    )


def _same_session(state: ReminderState, session_id: int | None, started: dt.datetime) -> bool:
    if state.focus_nudge_started_at is not None:
        if state.focus_nudge_started_at != started:
            return False
        return session_id is None or state.focus_nudge_session_id in (None, session_id)
    return session_id is not None and state.focus_nudge_session_id == session_id


def _focus_next(inputs: ReminderInputs, state: ReminderState, today: dt.date) -> Reminder | None:
    started = opt_utc(inputs.focus_session_started_at)
    if started is None or _same_session(state, inputs.focus_session_id, started):
        return None
    return Reminder(
        ReminderKind.FOCUS_BREAK,
        started + dt.timedelta(minutes=inputs.focus_length_minutes),
        today,
        focus_session_id=inputs.focus_session_id,
        focus_started_at=started,
    )


def _meeting_due(inputs: ReminderInputs, state: ReminderState, today: dt.date) -> bool:
    return (
        inputs.meeting_budget_minutes > 0
        and inputs.today_meeting_minutes > inputs.meeting_budget_minutes
        and (state.meeting_nudge_day is None or state.meeting_nudge_day < today)
    )


def _risk_next(inputs: ReminderInputs, state: ReminderState, today: dt.date) -> Reminder | None:
    if inputs.risk_level not in NOTIFY_RISK_LEVELS:
        return None
    now = utc(inputs.now)
    due = now if state.last_risk_at is None else state.last_risk_at + RISK_COOLDOWN
    if inputs.risk_not_before is not None:
        due = max(due, utc(inputs.risk_not_before))
    return Reminder(ReminderKind.RISK, due, today)


def _review_next(inputs: ReminderInputs, state: ReminderState, today: dt.date) -> Reminder | None:
    if inputs.review_moment is None:
        return None
    week = week_start(today)
    if state.review_week is not None and state.review_week >= week:
        return None
    due = review_due_at(week, inputs.review_moment, inputs.zone, resolve_wall_time)
    return Reminder(ReminderKind.WEEKLY_REVIEW, due, today)


def _candidates(inputs: ReminderInputs, state: ReminderState) -> Iterable[Reminder]:
    """Yield every reminder for the current user-day, due now or later (pauses ignored)."""
    now = utc(inputs.now)
    today = local_day(now, inputs.zone, inputs.day_start_hour)
    found = [
        None if inputs.today_checked_in else _checkin_next(inputs, state, today),
        _focus_next(inputs, state, today),
        Reminder(ReminderKind.MEETING_BUDGET, now, today)
        if _meeting_due(inputs, state, today)
        else None,
        _risk_next(inputs, state, today),
        _review_next(inputs, state, today),
    ]
    yield from (reminder for reminder in found if reminder is not None)


def due_reminders(inputs: ReminderInputs, state: ReminderState) -> list[Reminder]:
    """Return what should be shown right now, earliest first.

    Calling it again before :func:`mark_shown` returns the same reminders; after it, they
    are gone. A check-in reminder is only ever returned for the current user-day, so waking
    after the day ended never reminds about the past day.
    """
    now = utc(inputs.now)
    if is_paused(state, now):
        return []
    due = [reminder for reminder in _candidates(inputs, state) if reminder.due_at <= now]
    return sorted(due, key=lambda reminder: reminder.due_at)


def mark_shown(state: ReminderState, reminder: Reminder, now: dt.datetime) -> ReminderState:
    """Return ``state`` recording that ``reminder`` was shown at ``now``.

    Marking is idempotent and never moves a day backwards, so a stale reminder marked late
    cannot re-open a newer day's count.
    """
    require_aware("now", now)
    shown_at = utc(now)
    kind = reminder.kind
    if kind in CHECKIN_KINDS:
        if state.checkin_day is not None and reminder.day < state.checkin_day:
            return state
        previous = state.checkin_count if state.checkin_day == reminder.day else 0
        count = MAX_CHECKIN_SHOWS if kind is ReminderKind.CHECKIN_REPEAT else max(previous, 1)
        return replace(
            state,
            checkin_day=reminder.day,
            checkin_count=count,
            checkin_shown_at=shown_at,
            checkin_snoozed_until=None,
        )
    if kind is ReminderKind.FOCUS_BREAK:
        return replace(
            state,
            focus_nudge_session_id=reminder.focus_session_id,
            focus_nudge_started_at=reminder.focus_started_at,
        )
    if kind is ReminderKind.MEETING_BUDGET:
        if state.meeting_nudge_day is not None and reminder.day < state.meeting_nudge_day:
            return state
        return replace(state, meeting_nudge_day=reminder.day)
    if kind is ReminderKind.WEEKLY_REVIEW:
        week = week_start(reminder.day)
        if state.review_week is not None and week <= state.review_week:
            return state
        return replace(state, review_week=week)
    return replace(state, last_risk_at=shown_at)


def next_wakeup(inputs: ReminderInputs, state: ReminderState) -> dt.datetime | None:
    """Return the earliest instant (UTC, never before ``now``) something could become due.

    Meant for one single-shot timer. It returns ``now`` while something is due and not yet
    marked, the pause end when a pause holds something back, and ``None`` when nothing is
    scheduled at all. Future days are assumed unchecked, so the answer may be a harmless
    early wake but never a late one. Data-driven changes (a new check-in, more meeting time,
    a new risk level) are not predicted; re-evaluate after them.
    """
    now = utc(inputs.now)
    earliest = now
    if state.paused_until is not None and state.paused_until > now:
        earliest = state.paused_until
    zone, start_hour = inputs.zone, inputs.day_start_hour
    today = local_day(now, zone, start_hour)
    found: list[dt.datetime] = [
        max(reminder.due_at, earliest)
        for reminder in _candidates(inputs, state)
        if reminder.kind not in CHECKIN_KINDS
    ]
    # Today's check-in (if still open), then the next days'. Eight days always reach the next
    # work day; start after the newest reminded day if the clock went back.
    first = today if state.checkin_day is None else max(today, state.checkin_day)
    for offset in range(8):
        day = first + dt.timedelta(days=offset)
        if day == today and inputs.today_checked_in:
            continue
        checkin = _checkin_next(inputs, state, day)
        if checkin is None:
            continue
        _, end = checkin_window(day, zone, start_hour, inputs.reminder_time)
        at = max(checkin.due_at, earliest)
        if at < end:
            found.append(at)
            break
    return min(found, default=None)
