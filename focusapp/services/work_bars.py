"""Coding and meeting time per day or per week: the bars of the hours chart.

A bin is listed only when some day in it has work recorded; its meeting share counts the
worked days alone (work >= ``WORKED_DAY_MINUTES``). numpy is imported when bars are built,
never at import, like the rest of the dashboard's statistics.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from focusapp.domain.risk import WORKED_DAY_MINUTES

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


@dataclass(frozen=True, slots=True)
class WorkBars:
    """Coding and meeting time per day or per week, only for bins with work logged.

    Attributes:
        weekly: True when each bin is a Monday-to-Sunday week.
        start: Epoch day of each bin's first day (a week's Monday, even before ``first``).
        width_days: Days per bin (1 or 7).
        coding_hours: Coding time per bin in hours.
        meeting_hours: Meeting time per bin in hours.
        meeting_share: Meeting time as a share (0-1) of work time on the bin's worked
            days; ``NaN`` for a bin without a worked day.
    """

    weekly: bool
    start: NDArray[np.int64]
    width_days: int
    coding_hours: NDArray[np.float64]
    meeting_hours: NDArray[np.float64]
    meeting_share: NDArray[np.float64]


def _ratio(numerator: NDArray[np.float64], denominator: NDArray[np.float64]) -> NDArray[np.float64]:
    """Return numerator / denominator, ``NaN`` where the denominator is 0."""
    import numpy as np

    out = np.full(len(numerator), np.nan)
    np.divide(numerator, denominator, out=out, where=denominator > 0)
    return out


def work_bars(
    start: int,
    coding: NDArray[np.float64],
    meeting: NDArray[np.float64],
    *,
    weekly: bool,
) -> WorkBars:
    """Return coding and meeting time per day, or per Monday-to-Sunday week.

    Args:
        start: Epoch day of the first value.
        coding: Coding minutes per day, ``NaN`` where work was not recorded.
        meeting: Meeting minutes per day, ``NaN`` where work was not recorded.
        weekly: Group by week instead of by day.
    """
    import numpy as np

    days = np.arange(start, start + len(coding), dtype=np.int64)
    known = ~np.isnan(coding)
    work = np.where(known, coding + meeting, 0.0)
    worked = known & (work >= WORKED_DAY_MINUTES)
    if weekly:
        # 1970-01-01 was a Thursday, so Monday-based weeks start 3 days earlier.
        bins = (days + 3) // 7
        width = 7
    else:
        bins = days
        width = 1
    unique, inverse = np.unique(bins, return_inverse=True)
    count = len(unique)
    coding_sum = np.bincount(inverse, weights=np.where(known, coding, 0.0), minlength=count)
    meeting_sum = np.bincount(inverse, weights=np.where(known, meeting, 0.0), minlength=count)
    known_n = np.bincount(inverse, weights=known.astype(np.float64), minlength=count)
    meet_w = np.bincount(inverse, weights=np.where(worked, meeting, 0.0), minlength=count)
    work_w = np.bincount(inverse, weights=np.where(worked, work, 0.0), minlength=count)
    keep = known_n > 0
    first_day = unique * 7 - 3 if weekly else unique
    return WorkBars(
        weekly=weekly,
        start=first_day[keep].astype(np.int64),
        width_days=width,
        coding_hours=coding_sum[keep] / 60.0,
        meeting_hours=meeting_sum[keep] / 60.0,
        meeting_share=_ratio(meet_w[keep].astype(np.float64), work_w[keep].astype(np.float64)),
    )
