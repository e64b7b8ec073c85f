"""The local-day rule: which calendar day an instant belongs to for the user."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

DEFAULT_DAY_START_HOUR = 4


def local_day(
    instant: dt.datetime, zone: ZoneInfo, day_start_hour: int = DEFAULT_DAY_START_HOUR
) -> dt.date:
    """Return the user's day for ``instant``.

    A day runs from ``day_start_hour`` local time to the same hour the next morning, so a
    check-in at 01:30 still counts for the evening before. Computed on the local wall clock,
    which keeps DST days at 23 or 25 hours instead of shifting the boundary.

    Raises:
        ValueError: If ``instant`` is naive; a naive time has no place on the user's clock.
    """
    if instant.tzinfo is None:
        raise ValueError("instant must be timezone-aware")
    local = instant.astimezone(zone)
    if local.hour < day_start_hour:
        return local.date() - dt.timedelta(days=1)
    return local.date()


def day_start(
    day: dt.date, zone: ZoneInfo, day_start_hour: int = DEFAULT_DAY_START_HOUR
) -> dt.datetime:
    """Return the instant (in UTC) at which ``day`` begins on the user's wall clock.

    A wall time inside a DST gap resolves forward (``fold=0`` maps it past the gap), so a day
    always has a single well-defined start. UTC is returned because arithmetic between aware
    datetimes sharing a zone ignores DST offsets in Python.
    """
    naive = dt.datetime.combine(day, dt.time(day_start_hour))
    aware = naive.replace(tzinfo=zone)
    return aware.astimezone(dt.UTC)


def day_bounds(
    day: dt.date, zone: ZoneInfo, day_start_hour: int = DEFAULT_DAY_START_HOUR
) -> tuple[dt.datetime, dt.datetime]:
    """Return the half-open ``[start, end)`` instants of the user's ``day``."""
    return (
        day_start(day, zone, day_start_hour),
        day_start(day + dt.timedelta(days=1), zone, day_start_hour),
    )
