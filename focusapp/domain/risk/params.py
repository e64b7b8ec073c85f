"""The fixed numbers of the burnout-risk model v1: factors, weights, windows and bands.

Every threshold the scoring rules use is named here once (spec ``RISK_MODEL.md`` 4.2-4.5),
so the engine, the explanations and the dashboard all read the same values.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Final


class Level(StrEnum):
    """The four equal-width bands of the score; equal widths keep the bands easy to explain."""

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"
    VERY_HIGH = "very_high"


class Trend(StrEnum):
    """Direction of the score against 7 days earlier; a 10-point step keeps it calm."""

    RISING = "rising"
    EASING = "easing"
    STEADY = "steady"


#: Factor names in display and tie-break order (used verbatim in APIs and JSON).
FACTORS: Final = ("exhaustion", "meeting_load", "work_volume", "deep_work", "recovery")

#: Weight of each factor in the score (spec 4.5); they sum to 1.
WEIGHTS: Final[dict[str, float]] = {
    "exhaustion": 0.40,
    "meeting_load": 0.15,
    "work_volume": 0.20,
    "deep_work": 0.10,
    "recovery": 0.15,
}

#: Points a factor contributes at value 1 (100 x weight, exact so points never carry 1e-15).
MAX_POINTS: Final[dict[str, float]] = {name: round(100 * w, 6) for name, w in WEIGHTS.items()}
#: ``MAX_POINTS`` in ``FACTORS`` order.
FACTOR_POINTS: Final = tuple(MAX_POINTS[name] for name in FACTORS)

#: A day with at least this much coding + meeting time is a work day; less is a rest day.
WORKED_DAY_MINUTES: Final = 60
#: The acute window: the last 7 days, widened to 14 when fewer than 3 check-ins fall in it.
ACUTE_DAYS: Final = 7
WIDE_ACUTE_DAYS: Final = 14
#: The baseline ("your usual"): the 28 days before the acute window.
BASELINE_DAYS: Final = 28
#: Check-ins needed in the acute window for a score.
MIN_CHECKINS: Final = 3
#: A baseline is usable with this many records, of which this many work days.
BASELINE_MIN_RECORDS: Final = 10
BASELINE_MIN_WORKED_DAYS: Final = 5
TREND_LAG_DAYS: Final = 7
TREND_STEP: Final = 10
#: Energy 1 on 3+ work days of the last 7 lifts the score to at least 50.
FLOOR_SCORE: Final = 50
FLOOR_MIN_DAYS: Final = 3
#: Consecutive work days are counted up to this many; longer runs read "28 or more". The cap
#: keeps the reach of an edit bounded (see ``affected_range``); points saturate at 12 anyway.
STREAK_CAP: Final = 28
#: How far back a day's score can look: the widened acute window plus its baseline (t-41).
LOOKBACK_DAYS: Final = WIDE_ACUTE_DAYS + BASELINE_DAYS - 1
#: How far back a day's assessment can look, including the score 7 days earlier for the trend.
HISTORY_DAYS: Final = LOOKBACK_DAYS + TREND_LAG_DAYS

#: A day's figures are clipped to one day's minutes.
MINUTES_PER_DAY: Final = 1440
#: A work day is fragmented without a free block this long, or with this many meetings back
#: to back.
FREE_BLOCK_MINUTES: Final = 120
BACK_TO_BACK_LIMIT: Final = 3


def ramp(x: float, lo: float, hi: float) -> float:
    """Return 0 at or below ``lo``, 1 at or above ``hi``, linear between: a monotone anchor."""
    if x <= lo:
        return 0.0
    if x >= hi:
        return 1.0
    return (x - lo) / (hi - lo)


def level_for(score: int) -> Level:
    """Return the band of ``score`` (0-24 low, 25-49 moderate, 50-74 high, 75-100 very high)."""
    if score >= 75:
        return Level.VERY_HIGH
    if score >= 50:
        return Level.HIGH
    if score >= 25:
        return Level.MODERATE
    return Level.LOW


def affected_range(edited_day: dt.date) -> tuple[dt.date, dt.date]:
    """Return the first and last day whose assessment an edit on ``edited_day`` can change.

    Why these bounds: a day t reads check-ins from t-41 at the earliest (a widened 14-day
    acute window t-13..t plus its 28-day baseline t-41..t-14; the run of consecutive work
    days, capped at 28, reaches back at most to t-33). So scores, levels, factors and
    messages can change on ``edited_day`` .. ``edited_day + 41``; the trend compares with the
    score 7 days earlier, so trends can change up to ``edited_day + 48``. Earlier days never
    change: there is no look-ahead.
    """
    return edited_day, edited_day + dt.timedelta(days=HISTORY_DAYS)
