"""When the weekly review is due: once per week, at a wall-clock moment in the user's zone.

The review moment is a weekday and a local time (default Friday 16:00). It belongs to the
ISO week (Monday to Sunday) of the user-day, and is shown at most once per week: a machine
asleep at the moment shows it on waking, as long as that week lasts; a week that passes
entirely without FocusApp running is not reviewed late, since the next week has its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Callable
    from zoneinfo import ZoneInfo

DEFAULT_REVIEW_WEEKDAY: Final = 4  # Friday
DEFAULT_REVIEW_TIME: Final = dt.time(16, 0)


@dataclass(frozen=True, slots=True)
class ReviewMoment:
    """The weekly review's place in the week.

    Attributes:
        weekday: 0 = Monday ... 6 = Sunday.
        time: Local wall time (naive).
    """

    weekday: int = DEFAULT_REVIEW_WEEKDAY
    time: dt.time = DEFAULT_REVIEW_TIME

    def __post_init__(self) -> None:
        """Reject a weekday outside 0-6 or an aware time.

        Raises:
            ValueError: For either.
        """
        if not 0 <= self.weekday <= 6:
            raise ValueError("weekday must be 0-6")
        if self.time.tzinfo is not None:
            raise ValueError("the review time must be a naive wall time")


def week_start(day: dt.date) -> dt.date:
    """Return the Monday of ``day``'s ISO week."""
    return day - dt.timedelta(days=day.weekday())


def review_due_at(
    week: dt.date,
    moment: ReviewMoment,
    zone: ZoneInfo,
    resolve: Callable[[dt.datetime, ZoneInfo], dt.datetime],
) -> dt.datetime:
    """Return the UTC instant of the review of the week starting ``week`` (a Monday).

    ``resolve`` maps a naive wall time to its instant (the scheduler's DST rule: a time in a
    spring-forward gap fires when the clocks jump, one in a fall-back fold at its first
    occurrence), so the review follows the same rule as every other reminder.
    """
    wall = dt.datetime.combine(week + dt.timedelta(days=moment.weekday), moment.time)
    return resolve(wall, zone)
