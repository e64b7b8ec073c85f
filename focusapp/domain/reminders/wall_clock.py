"""Wall-clock arithmetic for reminders: aware instants, DST gaps and folds, clock jumps.

Every schedule is computed in UTC from wall times in the user's zone, so sleep, resume and
clock changes never shift a reminder; these helpers are the only place that converts.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

#: A timer firing this far from its planned instant means sleep or a clock change.
DEFAULT_JUMP_TOLERANCE: Final = dt.timedelta(minutes=2)

_ONE_SECOND: Final = dt.timedelta(seconds=1)


def require_aware(name: str, value: dt.datetime | None) -> None:
    """Refuse a naive date-time: every instant in the schedule must carry its offset.

    Raises:
        ValueError: If ``value`` is naive.
    """
    if value is not None and value.tzinfo is None:
        raise ValueError(f"{name} must be timezone-aware")


def utc(value: dt.datetime) -> dt.datetime:
    """Return ``value`` in UTC, where arithmetic around DST changes is exact."""
    # Arithmetic between two datetimes sharing one ZoneInfo ignores ``fold`` and the offset,
    # which is wrong around DST changes; UTC has neither problem.
    return value.astimezone(dt.UTC)


def opt_utc(value: dt.datetime | None) -> dt.datetime | None:
    """Return ``value`` in UTC, or ``None`` for ``None``."""
    return None if value is None else utc(value)


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
    first = utc(wall.replace(tzinfo=zone, fold=0))
    if _wall(first, zone) == wall:
        return first
    # In a gap the two folds straddle the transition; find the first second reading >= wall.
    other = utc(wall.replace(tzinfo=zone, fold=1))
    low, high = min(first, other), max(first, other)
    while high - low > _ONE_SECOND:
        middle = low + ((high - low) // 2 // _ONE_SECOND) * _ONE_SECOND
        if _wall(middle, zone) >= wall:
            high = middle
        else:
            low = middle
    return high


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
    require_aware("expected", expected)
    require_aware("actual", actual)
    if tolerance < dt.timedelta(0):
        raise ValueError("tolerance must not be negative")
    return abs(utc(actual) - utc(expected)) > tolerance
