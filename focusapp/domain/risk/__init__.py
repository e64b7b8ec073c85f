"""Burnout-risk signal v1: a transparent, calm daily score computed from check-ins.

The model is pure standard-library code so that it can be tested exhaustively, reused by the
CLI, the UI and exports alike, and audited line by line against the specification
(``RISK_MODEL.md``; the user-facing description lives in ``docs/risk-model.md``).

For every scored day the score is the sum of five factor contributions, each a value in
[0, 1] times a fixed weight, each with a sentence built from the user's own numbers. The one
exception to "the parts add up" is the exhaustion floor, which is reported explicitly.

Reading order:

* :mod:`.params` - the factors, weights, windows and thresholds, the bands and trends;
* :mod:`.history` - check-ins laid out per day with running totals (any window in O(1));
* :mod:`.engine` - the fast path: every day's :mod:`.figures` and score in one loop;
* :mod:`.explain` and :mod:`.messages` - the sentences, built only when read;
* :mod:`.assessment` - :class:`RiskAssessment`, what callers read, and its JSON shape;
* :mod:`.series` - :func:`assess_series`, the entry point.

This package re-exports the public names, so callers import from ``focusapp.domain.risk``.
"""

from focusapp.domain.risk.assessment import RiskAssessment, to_json, unscored_day
from focusapp.domain.risk.explain import FactorReading, Wording
from focusapp.domain.risk.figures import DayFigures, ScoreFigures
from focusapp.domain.risk.history import streak_on, streak_series, work_runs
from focusapp.domain.risk.messages import (
    ABOUT_TEXT,
    DISCLAIMER,
    FLOOR_MESSAGE,
    LEVEL_MESSAGES,
    REST_DAY_NOTE,
    checkins_needed_message,
    level_message,
)
from focusapp.domain.risk.params import (
    ACUTE_DAYS,
    BASELINE_DAYS,
    BASELINE_MIN_RECORDS,
    BASELINE_MIN_WORKED_DAYS,
    FACTORS,
    FLOOR_MIN_DAYS,
    FLOOR_SCORE,
    HISTORY_DAYS,
    LOOKBACK_DAYS,
    MAX_POINTS,
    MIN_CHECKINS,
    STREAK_CAP,
    TREND_LAG_DAYS,
    TREND_STEP,
    WEIGHTS,
    WIDE_ACUTE_DAYS,
    WORKED_DAY_MINUTES,
    Level,
    Trend,
    affected_range,
    level_for,
    ramp,
)
from focusapp.domain.risk.series import assess_day, assess_series

__all__ = [
    "ABOUT_TEXT",
    "ACUTE_DAYS",
    "BASELINE_DAYS",
    "BASELINE_MIN_RECORDS",
    "BASELINE_MIN_WORKED_DAYS",
    "DISCLAIMER",
    "FACTORS",
    "FLOOR_MESSAGE",
    "FLOOR_MIN_DAYS",
    "FLOOR_SCORE",
    "HISTORY_DAYS",
    "LEVEL_MESSAGES",
    "LOOKBACK_DAYS",
    "MAX_POINTS",
    "MIN_CHECKINS",
    "REST_DAY_NOTE",
    "STREAK_CAP",
    "TREND_LAG_DAYS",
    "TREND_STEP",
    "WEIGHTS",
    "WIDE_ACUTE_DAYS",
    "WORKED_DAY_MINUTES",
    "DayFigures",
    "FactorReading",
    "Level",
    "RiskAssessment",
    "ScoreFigures",
    "Trend",
    "Wording",
    "affected_range",
    "assess_day",
    "assess_series",
    "checkins_needed_message",
    "level_for",
    "level_message",
    "ramp",
    "streak_on",
    "streak_series",
    "to_json",
    "unscored_day",
    "work_runs",
]
