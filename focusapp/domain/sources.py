"""Where a day's numbers come from: what the user typed wins over what was derived.

Coding time can come from focus sessions, from commits (estimated as git-hours does, see
:mod:`focusapp.domain.coding`) or from ActivityWatch's editor time, and meeting figures from
the calendar; a value the user typed for the day always wins, and clearing it switches back
to the derived value. When a day has several coding estimates, the largest is the day's
coding time: they describe the same work (one commits during a focus session, in an
editor ActivityWatch sees), so adding them would count it twice.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Final

from focusapp.domain.coding import coding_days
from focusapp.domain.days import day_bounds
from focusapp.domain.focus import coding_minutes_by_day
from focusapp.domain.intervals import split_by_day, to_minutes, union
from focusapp.domain.models import CheckIn

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Collection, Iterable, Mapping
    from zoneinfo import ZoneInfo

    from focusapp.domain.calendar import CalendarDay
    from focusapp.domain.coding import Commit
    from focusapp.domain.focus import FocusSession
    from focusapp.domain.intervals import Interval

#: How far before and after a span commits are read: a coding session joins commits less
#: than two hours apart, so one that crosses a span's edge is estimated whole.
COMMIT_PAD: Final = timedelta(days=2)
ZERO: Final = timedelta(0)
#: Fields a calendar import can supply.
CALENDAR_FIELDS: Final = (
    "meeting_minutes",
    "meeting_count",
    "back_to_back_count",
    "longest_free_block_minutes",
)


class Source(StrEnum):
    """Where an effective value came from."""

    TYPED = "typed"
    SESSIONS = "sessions"
    COMMITS = "commits"
    ACTIVITY = "activitywatch"
    CALENDAR = "calendar"


@dataclass(frozen=True, slots=True)
class DerivedDay:
    """Values FocusApp worked out for a day rather than the user typing them.

    Attributes:
        date: The user's day.
        coding_minutes: Sum of focus sessions booked onto the day, or the commits' or
            ActivityWatch's estimate when that is larger.
        meeting_minutes: Union of counted calendar meetings.
        meeting_count: Counted calendar meetings.
        back_to_back_count: Meetings starting <= 5 minutes after the previous one ended.
        longest_free_block_minutes: Longest free block inside working hours.
        coding_from: Where ``coding_minutes`` came from when not from focus sessions.
    """

    date: dt.date
    coding_minutes: int | None = None
    meeting_minutes: int | None = None
    meeting_count: int | None = None
    back_to_back_count: int | None = None
    longest_free_block_minutes: int | None = None
    coding_from: Source | None = None

    def has_calendar(self) -> bool:
        """Tell whether any calendar-derived value is present."""
        return any(getattr(self, name) is not None for name in CALENDAR_FIELDS)


@dataclass(frozen=True, slots=True)
class DaySources:
    """A day's typed record, its derived values and the merged result.

    Attributes:
        typed: What the user typed or imported (``None`` when nothing).
        derived: What was worked out from sessions and the calendar.
        effective: The merged record every reader (charts, risk, export) uses.
    """

    typed: CheckIn | None
    derived: DerivedDay | None
    effective: CheckIn

    @property
    def coding_source(self) -> Source | None:
        """Where the effective coding time came from."""
        if self.typed is not None and self.typed.coding_minutes is not None:
            return Source.TYPED
        if self.derived is not None and self.derived.coding_minutes is not None:
            return self.derived.coding_from or Source.SESSIONS
        return None

    @property
    def meeting_source(self) -> Source | None:
        """Where the effective meeting time came from."""
        if self.typed is not None and self.typed.meeting_minutes is not None:
            return Source.TYPED
        if self.derived is not None and self.derived.meeting_minutes is not None:
            return Source.CALENDAR
        return None


def merge(day: dt.date, typed: CheckIn | None, derived: DerivedDay | None) -> DaySources:
    """Return the day's sources with the effective record: typed values win field by field."""
    base = typed if typed is not None else CheckIn(date=day)
    if derived is None:
        return DaySources(typed, None, base)
    fill: dict[str, object] = {}
    for name in ("coding_minutes", *CALENDAR_FIELDS):
        if getattr(base, name) is None and getattr(derived, name) is not None:
            fill[name] = getattr(derived, name)
    return DaySources(typed, derived, base.merged(fill) if fill else base)


def merge_all(typed: dict[dt.date, CheckIn], derived: dict[dt.date, DerivedDay]) -> list[CheckIn]:
    """Return effective records for every day that has typed or derived data, by date."""
    out: list[CheckIn] = []
    for day in sorted(set(typed) | set(derived)):
        record, found = typed.get(day), derived.get(day)
        # Most days of a long history have nothing derived: the typed record is the day.
        out.append(
            record if found is None and record is not None else merge(day, record, found).effective
        )
    return out


def with_calendar_days(
    derived: dict[dt.date, DerivedDay],
    days: Mapping[dt.date, CalendarDay],
    keep: Collection[dt.date] = (),
) -> dict[dt.date, DerivedDay]:
    """Add the calendar's numbers to ``derived`` (in place) and return it.

    A day with meetings always gets them. A covered day without meetings gets zeros only
    when it has other data (a derived entry, or a day in ``keep`` such as a typed check-in):
    otherwise every quiet weekend in a year-long import would look like a recorded day to
    the history, the exports and the risk signal.
    """
    for day, summary in days.items():
        base = derived.get(day)
        if summary.meeting_count == 0 and base is None and day not in keep:
            continue
        derived[day] = dataclasses.replace(
            base or DerivedDay(day),
            meeting_minutes=summary.meeting_minutes,
            meeting_count=summary.meeting_count,
            back_to_back_count=summary.back_to_back_count,
            longest_free_block_minutes=summary.longest_free_block_minutes,
        )
    return derived


def with_commit_days(
    derived: dict[dt.date, DerivedDay],
    commits: Iterable[Commit],
    rules: DayRules,
    span: tuple[dt.date | None, dt.date | None],
) -> dict[dt.date, DerivedDay]:
    """Add the commits' coding estimate to ``derived`` (in place) where it beats the sessions.

    Only days in ``span`` with some estimated time are touched.
    """
    found = coding_days(commits, rules.zone, rules.day_start_hour)
    minutes = {day: estimate.minutes for day, estimate in found.items()}
    return _with_estimate(derived, minutes, Source.COMMITS, span)


def with_activity_days(
    derived: dict[dt.date, DerivedDay],
    activity: Iterable[Interval],
    rules: DayRules,
    span: tuple[dt.date | None, dt.date | None],
) -> dict[dt.date, DerivedDay]:
    """Add ActivityWatch's editor time to ``derived`` (in place) where it beats the others."""
    pieces = split_by_day(union(activity), rules.zone, rules.day_start_hour)
    minutes = {
        day: to_minutes(sum((p.duration for p in parts), ZERO)) for day, parts in pieces.items()
    }
    return _with_estimate(derived, minutes, Source.ACTIVITY, span)


def _with_estimate(
    derived: dict[dt.date, DerivedDay],
    minutes: Mapping[dt.date, int],
    origin: Source,
    span: tuple[dt.date | None, dt.date | None],
) -> dict[dt.date, DerivedDay]:
    first, last = span
    for day, value in minutes.items():
        if (first is not None and day < first) or (last is not None and day > last):
            continue
        base = derived.get(day) or DerivedDay(day)
        if value <= 0 or (base.coding_minutes or 0) >= value:
            continue
        derived[day] = dataclasses.replace(base, coding_minutes=value, coding_from=origin)
    return derived


@dataclass(frozen=True, slots=True)
class DayRules:
    """How instants become the user's days.

    Attributes:
        zone: The user's IANA zone.
        day_start_hour: The local hour at which a new day starts.
    """

    zone: ZoneInfo
    day_start_hour: int


def derive_days(
    sessions: Iterable[FocusSession],
    calendar: Mapping[dt.date, CalendarDay],
    rules: DayRules,
    now: dt.datetime,
    span: tuple[dt.date | None, dt.date | None],
    keep: Collection[dt.date] = (),
    commits: Iterable[Commit] = (),
    activity: Iterable[Interval] = (),
) -> dict[dt.date, DerivedDay]:
    """Return the derived values of days in ``span``: coding time and meetings.

    Coding time is the focus sessions' or, where larger, the ``commits``' estimate (give
    the commits from :data:`COMMIT_PAD` before ``span`` to as long after, so sessions that
    run across its edges are estimated whole) or ActivityWatch's editor time (``activity``).
    The one derivation both the services and the tray's light reader use, so the two can
    never disagree about a day.
    """
    first, last = span
    minutes = coding_minutes_by_day(sessions, rules.zone, rules.day_start_hour, now)
    derived = {
        day: DerivedDay(day, coding_minutes=value)
        for day, value in minutes.items()
        if (first is None or day >= first) and (last is None or day <= last)
    }
    with_commit_days(derived, commits, rules, span)
    with_activity_days(derived, activity, rules, span)
    return with_calendar_days(derived, calendar, keep)


def focus_window(
    first: dt.date | None, last: dt.date | None, rules: DayRules, now: dt.datetime
) -> tuple[dt.datetime, dt.datetime]:
    """Return the instants whose focus sessions can add to days ``first`` .. ``last``.

    An open start reaches back to the beginning of time; an open end to two days after
    ``now``, past any running session.
    """
    lo = (
        day_bounds(first, rules.zone, rules.day_start_hour)[0]
        if first
        else datetime.min.replace(tzinfo=UTC)
    )
    hi = day_bounds(last, rules.zone, rules.day_start_hour)[1] if last else now + timedelta(days=2)
    return lo, hi


def is_quiet_calendar_day(derived: DerivedDay) -> bool:
    """Tell whether ``derived`` holds only a calendar's "no meetings" for its day.

    Such a day counts as recorded only where a check-in was typed (see
    :func:`with_calendar_days`).
    """
    return derived.coding_minutes is None and derived.meeting_count == 0
