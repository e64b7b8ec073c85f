"""Focus sessions and how their time is booked onto user-days.

A session is stored as two UTC instants. Which day its minutes count for is decided only
when reading, with the same local-day rule as check-ins, so a session running past the day
start (04:00 by default) is split between the two days, and a change of time zone or day
start re-books old sessions consistently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from focusapp.domain.days import DEFAULT_DAY_START_HOUR, day_bounds, local_day

if TYPE_CHECKING:
    from collections.abc import Iterable
    from zoneinfo import ZoneInfo

_MICROSECONDS_PER_MINUTE: Final = 60_000_000
_ONE_MICROSECOND: Final = dt.timedelta(microseconds=1)


@dataclass(frozen=True, slots=True)
class FocusSession:
    """One stretch of focused work.

    Attributes:
        id: Stored id, or ``None`` before the session is saved.
        started_at: Start instant, normalised to UTC.
        ended_at: End instant in UTC, or ``None`` while the session is running.
    """

    id: int | None
    started_at: dt.datetime
    ended_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        if self.started_at.tzinfo is None:
            raise ValueError("started_at must be timezone-aware")
        object.__setattr__(self, "started_at", self.started_at.astimezone(dt.UTC))
        if self.ended_at is not None:
            if self.ended_at.tzinfo is None:
                raise ValueError("ended_at must be timezone-aware")
            ended = self.ended_at.astimezone(dt.UTC)
            if ended < self.started_at:
                raise ValueError("ended_at must not be before started_at")
            object.__setattr__(self, "ended_at", ended)

    @property
    def running(self) -> bool:
        """Whether the session has not been stopped yet."""
        return self.ended_at is None

    def elapsed(self, now: dt.datetime) -> dt.timedelta:
        """Return the session's length, counting a running session up to ``now``.

        Never negative: if the clock was set back before the start, a running session has
        simply not begun yet.
        """
        end = self.ended_at if self.ended_at is not None else now
        return max(end - self.started_at, dt.timedelta(0))


def _rounded_minutes(delta: dt.timedelta) -> int:
    micros = delta // _ONE_MICROSECOND
    return (micros + _MICROSECONDS_PER_MINUTE // 2) // _MICROSECONDS_PER_MINUTE


def split_by_day(
    start: dt.datetime,
    end: dt.datetime,
    zone: ZoneInfo,
    day_start_hour: int = DEFAULT_DAY_START_HOUR,
) -> dict[dt.date, int]:
    """Return the whole minutes of ``[start, end)`` booked on each user-day.

    Minutes are rounded on the running total rather than per day, so the parts always add up
    to the rounded length of the whole session (no minute is created or lost at a split).
    Days that receive zero minutes are left out.

    Raises:
        ValueError: If an instant is naive or ``end`` is before ``start``.
    """
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("start and end must be timezone-aware")
    start, end = start.astimezone(dt.UTC), end.astimezone(dt.UTC)
    if end < start:
        raise ValueError("end must not be before start")
    result: dict[dt.date, int] = {}
    day = local_day(start, zone, day_start_hour)
    booked = 0
    while True:
        boundary = day_bounds(day, zone, day_start_hour)[1].astimezone(dt.UTC)
        part_end = min(end, boundary)
        total = _rounded_minutes(part_end - start)
        if total > booked:
            result[day] = total - booked
            booked = total
        if end <= boundary:
            return result
        day += dt.timedelta(days=1)


def coding_minutes_by_day(
    sessions: Iterable[FocusSession],
    zone: ZoneInfo,
    day_start_hour: int,
    now: dt.datetime,
) -> dict[dt.date, int]:
    """Return focus minutes per user-day summed over ``sessions``, in day order.

    A running session counts up to ``now`` (passed in; this module never reads the clock).
    A running session that starts after ``now`` (clock set back) contributes nothing.

    Raises:
        ValueError: If ``now`` is naive.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    totals: dict[dt.date, int] = {}
    for session in sessions:
        end = session.ended_at
        if end is None:
            end = max(now.astimezone(dt.UTC), session.started_at)
        for day, minutes in split_by_day(session.started_at, end, zone, day_start_hour).items():
            totals[day] = totals.get(day, 0) + minutes
    return dict(sorted(totals.items()))


def format_elapsed(seconds: float) -> str:
    """Return a stopwatch reading ``H:MM:SS`` (``1:05:09``); hours are not wrapped at 24.

    Fractions are dropped, as a stopwatch does, and a negative value (clock set back) shows as
    ``0:00:00`` rather than a confusing minus sign.
    """
    whole = max(int(seconds), 0)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"
