"""When to nudge the user: a pure scheduler for check-in, focus, meeting and risk reminders.

Nothing here reads a clock, a file or a timer. The tray controller passes a snapshot of the
world (:class:`ReminderInputs`, with ``now``) and what it has already shown
(:class:`ReminderState`), shows whatever :func:`due_reminders` returns, records each with
:func:`mark_shown`, persists the state (:meth:`ReminderState.to_dict`) and arms one
single-shot timer for :func:`next_wakeup`.

Every schedule is derived from the wall clock in the user's IANA zone rather than from
counting timer ticks. That is what makes sleep/resume and clock changes harmless: after a
wake the controller asks again and gets the same answer a never-sleeping machine would have
got, minus anything whose moment has passed for good (a past day's check-in). Because the
state remembers what was shown per day, asking twice, restarting the app or jumping the clock
back never repeats a reminder.

Decisions:
    * The check-in reminder for a user-day is due from ``reminder_time`` until that day's end
      (:func:`focusapp.domain.days.day_bounds`), on work days, while the day is unchecked. It
      is shown at most twice: once, then one repeat ``snooze_minutes`` after it was actually
      shown (not after it was scheduled), so a reminder shown late on wake still gets the full
      snooze before repeating.
    * Snoozing a shown check-in reminder (:func:`snooze_checkin`, the "In 30 min" button)
      replaces that repeat: exactly one reminder follows, at the snooze's end, and the
      automatic repeat is not shown as well.
    * Work days are judged on the user-day, not the calendar date: with ``reminder_time``
      02:00 and a 04:00 day start, Friday's reminder rings early on Saturday morning.
    * A ``reminder_time`` inside a spring-forward gap fires at the first real instant after
      it (the moment the clocks jump); inside a fall-back fold it fires at the first
      occurrence only.
    * Once a reminder was shown for a day, earlier days are never reminded again, even when
      the clock is set back across midnight.
    * The focus-break nudge fires once per focus session, when it has run for
      ``focus_length_minutes``; a longer session is not nagged again.
    * The meeting-budget nudge fires at most once per user-day, when today's meeting time is
      strictly over the budget; a budget of 0 turns it off. It depends on data, not on time,
      so the controller should also call :func:`due_reminders` after data changes.
    * The risk notification fires only at ``high``/``very_high``, at most once in any rolling
      seven days (7 x 24 h since the last one was shown), and never before
      ``risk_not_before`` (the controller holds it back during a write burst and just after
      start, when the numbers may still change).
    * The weekly review is due once per ISO week at its moment (see
      :mod:`focusapp.domain.review_schedule`); ``review_moment=None`` turns it off.
    * A pause silences every kind until its end; what is still relevant then (today's unshown
      check-in, an unacknowledged focus break) is shown when the pause ends.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Final

from focusapp.domain.days import DEFAULT_DAY_START_HOUR, day_bounds, local_day
from focusapp.domain.review_schedule import ReviewMoment, review_due_at, week_start

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from zoneinfo import ZoneInfo

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
#: A timer firing this far from its planned instant means sleep or a clock change.
DEFAULT_JUMP_TOLERANCE: Final = dt.timedelta(minutes=2)

#: Version of the :meth:`ReminderState.to_dict` layout.
STATE_VERSION: Final = 1

_ONE_SECOND: Final = dt.timedelta(seconds=1)
_ONE_MINUTE: Final = dt.timedelta(minutes=1)


class ReminderKind(enum.StrEnum):
    """What a reminder is about; the value is stable and safe to persist or log."""

    CHECKIN = "checkin"
    CHECKIN_REPEAT = "checkin_repeat"
    FOCUS_BREAK = "focus_break"
    MEETING_BUDGET = "meeting_budget"
    RISK = "risk"
    WEEKLY_REVIEW = "weekly_review"


_CHECKIN_KINDS: Final = frozenset({ReminderKind.CHECKIN, ReminderKind.CHECKIN_REPEAT})


def _require_aware(name: str, value: dt.datetime | None) -> None:
    if value is not None and value.tzinfo is None:
        raise ValueError(f"{name} must be timezone-aware")


def _utc(value: dt.datetime) -> dt.datetime:
    # Arithmetic between two datetimes sharing one ZoneInfo ignores ``fold`` and the offset,
    # which is wrong around DST changes; UTC has neither problem.
    return value.astimezone(dt.UTC)


def _opt_utc(value: dt.datetime | None) -> dt.datetime | None:
    return None if value is None else _utc(value)


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
        _require_aware("now", self.now)
        _require_aware("focus_session_started_at", self.focus_session_started_at)
        _require_aware("risk_not_before", self.risk_not_before)
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


_INSTANT_FIELDS: Final = (
    "checkin_shown_at",
    "checkin_snoozed_until",
    "last_risk_at",
    "focus_nudge_started_at",
    "paused_until",
)


@dataclass(frozen=True, slots=True)
class ReminderState:
    """What has already been shown; persisted so that a restart never repeats a reminder.

    Attributes:
        checkin_day: The newest user-day a check-in reminder was shown for.
        checkin_count: How many check-in reminders were shown for ``checkin_day`` (0-2).
        checkin_shown_at: When the last check-in reminder was shown (UTC).
        checkin_snoozed_until: When the snoozed check-in reminder of ``checkin_day`` is
            shown again (UTC); it then takes the place of the automatic repeat.
        meeting_nudge_day: The newest user-day the meeting-budget nudge was shown for.
        last_risk_at: When the last risk notification was shown (UTC).
        focus_nudge_session_id: Id of the focus session that got its break nudge.
        focus_nudge_started_at: Start of the focus session that got its break nudge (UTC).
        paused_until: Reminders are silent before this instant (UTC).
        review_week: Monday of the newest week whose weekly review was shown.
    """

    checkin_day: dt.date | None = None
    checkin_count: int = 0
    checkin_shown_at: dt.datetime | None = None
    checkin_snoozed_until: dt.datetime | None = None
    meeting_nudge_day: dt.date | None = None
    last_risk_at: dt.datetime | None = None
    focus_nudge_session_id: int | None = None
    focus_nudge_started_at: dt.datetime | None = None
    paused_until: dt.datetime | None = None
    review_week: dt.date | None = None

    def __post_init__(self) -> None:
        for name in _INSTANT_FIELDS:
            value = getattr(self, name)
            _require_aware(name, value)
            object.__setattr__(self, name, _opt_utc(value))
        if not 0 <= self.checkin_count <= MAX_CHECKIN_SHOWS:
            raise ValueError(f"checkin_count must be 0-{MAX_CHECKIN_SHOWS}")

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-able dict (ISO strings, ints, ``None``) for the state file."""
        return {
            "version": STATE_VERSION,
            "checkin_day": _date_text(self.checkin_day),
            "checkin_count": self.checkin_count,
            "checkin_shown_at": _instant_text(self.checkin_shown_at),
            "checkin_snoozed_until": _instant_text(self.checkin_snoozed_until),
            "meeting_nudge_day": _date_text(self.meeting_nudge_day),
            "last_risk_at": _instant_text(self.last_risk_at),
            "focus_nudge_session_id": self.focus_nudge_session_id,
            "focus_nudge_started_at": _instant_text(self.focus_nudge_started_at),
            "paused_until": _instant_text(self.paused_until),
            "review_week": _date_text(self.review_week),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> ReminderState:
        """Rebuild a state written by :meth:`to_dict`.

        Missing keys take their defaults and unknown keys are ignored, so an older or newer
        file still loads.

        Raises:
            ValueError: If a value has the wrong type or form; the controller should then
                start from a fresh state rather than guess.
        """
        count = data.get("checkin_count", 0)
        if not isinstance(count, int) or isinstance(count, bool):
            raise ValueError("checkin_count must be an integer")
        session_id = data.get("focus_nudge_session_id")
        if session_id is not None and (
            not isinstance(session_id, int) or isinstance(session_id, bool)
        ):
            raise ValueError("focus_nudge_session_id must be an integer or null")
        return cls(
            checkin_day=_parse_date(data, "checkin_day"),
            checkin_count=count,
            checkin_shown_at=_parse_instant(data, "checkin_shown_at"),
            checkin_snoozed_until=_parse_instant(data, "checkin_snoozed_until"),
            meeting_nudge_day=_parse_date(data, "meeting_nudge_day"),
            last_risk_at=_parse_instant(data, "last_risk_at"),
            focus_nudge_session_id=session_id,
            focus_nudge_started_at=_parse_instant(data, "focus_nudge_started_at"),
            paused_until=_parse_instant(data, "paused_until"),
            review_week=_parse_date(data, "review_week"),
        )


def _date_text(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _instant_text(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _parse_date(data: Mapping[str, object], key: str) -> dt.date | None:
    raw = data.get(key)
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise ValueError(f"{key} must be an ISO date string or null")
    try:
        return dt.date.fromisoformat(raw)
    except ValueError as error:
        raise ValueError(f"{key}: {error}") from error


def _parse_instant(data: Mapping[str, object], key: str) -> dt.datetime | None:
    raw = data.get(key)
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise ValueError(f"{key} must be an ISO date-time string or null")
    try:
        value = dt.datetime.fromisoformat(raw)
    except ValueError as error:
        raise ValueError(f"{key}: {error}") from error
    if value.tzinfo is None:
        raise ValueError(f"{key} must carry a UTC offset")
    return value


# --- Wall-clock arithmetic -------------------------------------------------------------------


def _wall(instant: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    return instant.astimezone(zone).replace(tzinfo=None)


def resolve_wall_time(wall: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """Return the UTC instant at which ``zone``'s clocks first show ``wall`` or later.

    A wall time that exists once maps to that instant; one repeated by a fall-back change
    maps to its first occurrence; one skipped by a spring-forward change maps to the moment
    the clocks jump over it, the first real instant after it.

    Raises:
        ValueError: If ``wall`` is aware; it must be a local wall reading.
    """
    if wall.tzinfo is not None:
        raise ValueError("wall must be a naive local time")
    first = _utc(wall.replace(tzinfo=zone, fold=0))
    if _wall(first, zone) == wall:
        return first
    # In a gap the two folds straddle the transition; find the first second reading >= wall.
    other = _utc(wall.replace(tzinfo=zone, fold=1))
    low, high = min(first, other), max(first, other)
    while high - low > _ONE_SECOND:
        middle = low + ((high - low) // 2 // _ONE_SECOND) * _ONE_SECOND
        if _wall(middle, zone) >= wall:
            high = middle
        else:
            low = middle
    return high


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
    start, end = (_utc(bound) for bound in day_bounds(day, zone, day_start_hour))
    calendar_day = day if reminder_time >= dt.time(day_start_hour) else day + dt.timedelta(days=1)
    due = resolve_wall_time(dt.datetime.combine(calendar_day, reminder_time), zone)
    if due >= end:
        due = max(start, end - _ONE_MINUTE)
    return due, end


# --- Pausing ---------------------------------------------------------------------------------


def is_paused(state: ReminderState, now: dt.datetime) -> bool:
    """Return whether reminders are silenced at ``now``."""
    return state.paused_until is not None and _utc(now) < state.paused_until


def pause_until(state: ReminderState, until: dt.datetime) -> ReminderState:
    """Return ``state`` silenced until ``until`` (aware)."""
    _require_aware("until", until)
    return replace(state, paused_until=_utc(until))


def pause_for(state: ReminderState, now: dt.datetime, duration: dt.timedelta) -> ReminderState:
    """Return ``state`` silenced for ``duration`` from ``now`` ("pause for 1 hour")."""
    _require_aware("now", now)
    return pause_until(state, _utc(now) + duration)


def pause_rest_of_today(
    state: ReminderState,
    now: dt.datetime,
    zone: ZoneInfo,
    day_start_hour: int = DEFAULT_DAY_START_HOUR,
) -> ReminderState:
    """Return ``state`` silenced until the current user-day ends (the next day start)."""
    _require_aware("now", now)
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
    _require_aware("now", now)
    if delay <= dt.timedelta(0):
        raise ValueError("delay must be positive")
    if state.checkin_day is not None and day < state.checkin_day:
        return state
    return replace(
        state,
        checkin_day=day,
        checkin_count=1,
        checkin_shown_at=state.checkin_shown_at if state.checkin_day == day else _utc(now),
        checkin_snoozed_until=_utc(now) + delay,
    )


# --- What is due -----------------------------------------------------------------------------


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
    started = _opt_utc(inputs.focus_session_started_at)
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
    now = _utc(inputs.now)
    due = now if state.last_risk_at is None else state.last_risk_at + RISK_COOLDOWN
    if inputs.risk_not_before is not None:
        due = max(due, _utc(inputs.risk_not_before))
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
    now = _utc(inputs.now)
    today = local_day(now, inputs.zone, inputs.day_start_hour)
    if not inputs.today_checked_in:
        checkin = _checkin_next(inputs, state, today)
        if checkin is not None:
            yield checkin
    focus = _focus_next(inputs, state, today)
    if focus is not None:
        yield focus
    if _meeting_due(inputs, state, today):
        yield Reminder(ReminderKind.MEETING_BUDGET, now, today)
    risk = _risk_next(inputs, state, today)
    if risk is not None:
        yield risk
    review = _review_next(inputs, state, today)
    if review is not None:
        yield review


def due_reminders(inputs: ReminderInputs, state: ReminderState) -> list[Reminder]:
    """Return what should be shown right now, earliest first.

    Calling it again before :func:`mark_shown` returns the same reminders; after it, they
    are gone. A check-in reminder is only ever returned for the current user-day, so waking
    after the day ended never reminds about the past day.
    """
    now = _utc(inputs.now)
    if is_paused(state, now):
        return []
    due = [reminder for reminder in _candidates(inputs, state) if reminder.due_at <= now]
    return sorted(due, key=lambda reminder: reminder.due_at)


def mark_shown(state: ReminderState, reminder: Reminder, now: dt.datetime) -> ReminderState:
    """Return ``state`` recording that ``reminder`` was shown at ``now``.

    Marking is idempotent and never moves a day backwards, so a stale reminder marked late
    cannot re-open a newer day's count.
    """
    _require_aware("now", now)
    shown_at = _utc(now)
    kind = reminder.kind
    if kind in _CHECKIN_KINDS:
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
    now = _utc(inputs.now)
    earliest = now
    if state.paused_until is not None and state.paused_until > now:
        earliest = state.paused_until
    zone, start_hour = inputs.zone, inputs.day_start_hour
    today = local_day(now, zone, start_hour)
    found: list[dt.datetime] = [
        max(reminder.due_at, earliest)
        for reminder in _candidates(inputs, state)
        if reminder.kind not in _CHECKIN_KINDS
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


def detect_clock_jump(
    expected: dt.datetime, actual: dt.datetime, tolerance: dt.timedelta = DEFAULT_JUMP_TOLERANCE
) -> bool:
    """Return whether a timer planned for ``expected`` firing at ``actual`` means a jump.

    Qt timers run on a monotonic clock that stops during suspend, so a wake shows up as a
    late wall-clock reading and a clock set back as an early one. Either way the controller
    should re-read the wall clock and re-plan rather than trust elapsed ticks.

    Raises:
        ValueError: If either instant is naive or ``tolerance`` is negative.
    """
    _require_aware("expected", expected)
    _require_aware("actual", actual)
    if tolerance < dt.timedelta(0):
        raise ValueError("tolerance must not be negative")
    return abs(_utc(actual) - _utc(expected)) > tolerance
