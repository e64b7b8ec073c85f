"""Assess a run of days: the entry point of the risk model."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from focusapp.domain.risk.assessment import RiskAssessment
from focusapp.domain.risk.engine import figure_days
from focusapp.domain.risk.history import History
from focusapp.domain.risk.params import HISTORY_DAYS, TREND_LAG_DAYS, TREND_STEP, Trend, level_for

if TYPE_CHECKING:
    from collections.abc import Iterable

    from focusapp.domain.models import CheckIn
    from focusapp.domain.risk.figures import ScoreFigures


def _trend(now: ScoreFigures, then: ScoreFigures | None) -> Trend | None:
    """Compare a day's score with the score 7 days earlier (``None`` if that is unscored)."""
    if then is None:
        return None
    if now.score - then.score >= TREND_STEP:
        return Trend.RISING
    if then.score - now.score >= TREND_STEP:
        return Trend.EASING
    return Trend.STEADY


def assess_series(records: Iterable[CheckIn], start: dt.date, end: dt.date) -> list[RiskAssessment]:
    """Assess every calendar day from ``start`` to ``end`` inclusive, in date order.

    Day t only sees check-ins dated on or before t, so adding later check-ins never changes
    an earlier day; check-ins after ``end`` are ignored. Check-ins older than ``start - 48``
    cannot affect any returned day and are skipped. If a date occurs more than once, the
    last one in ``records`` wins. Runs in O(days + records); an empty list when start > end.
    The wording of a day is built when first read (see :meth:`RiskAssessment.wording`).
    """
    if start > end:
        return []
    origin = start - dt.timedelta(days=HISTORY_DAYS)
    days = (end - origin).days + 1
    # Days before start - 7 are only read through the windows; start - 7 .. start - 1 are
    # assessed for the trend of the first returned week.
    first = HISTORY_DAYS - TREND_LAG_DAYS
    figures = figure_days(History(records, origin, days), first, days)
    from_ordinal, ordinal = dt.date.fromordinal, origin.toordinal() + first
    out: list[RiskAssessment] = []
    for k in range(TREND_LAG_DAYS, len(figures)):
        day = figures[k]
        scored = day.scored
        if scored is None:
            # In the dataclass's order: date, score, level, provisional, trend.
            assessment = RiskAssessment(
                from_ordinal(ordinal + k),
                None,
                None,
                False,
                None,
                checkins_needed=day.checkins_needed,
                figures=day,
            )
        else:
            score = scored.score
            assessment = RiskAssessment(
                from_ordinal(ordinal + k),
                score,
                level_for(score),
                scored.widened or not scored.baseline_usable,
                _trend(scored, figures[k - TREND_LAG_DAYS].scored),
                exhaustion_floor_applied=scored.floor_applied,
                figures=day,
            )
        out.append(assessment)
    return out


def assess_day(records: Iterable[CheckIn], day: dt.date) -> RiskAssessment:
    """Assess a single day; a convenience over ``assess_series`` for "today" views."""
    return assess_series(records, day, day)[0]
