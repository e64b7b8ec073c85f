"""The wording of a scored day: one sentence per factor from the user's own numbers.

Built only when read (see :meth:`RiskAssessment.wording
<focusapp.domain.risk.assessment.RiskAssessment.wording>`): most callers read only scores,
and building five sentences, the ranking and a message for every day of a long series would
cost more than scoring it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from focusapp.domain.risk.messages import (
    REST_DAY_NOTE,
    checkins_needed_message,
    level_message,
)
from focusapp.domain.risk.params import (
    ACUTE_DAYS,
    FACTOR_POINTS,
    FACTORS,
    STREAK_CAP,
    WIDE_ACUTE_DAYS,
    level_for,
)

if TYPE_CHECKING:
    from focusapp.domain.risk.figures import DayFigures, ScoreFigures


@dataclass(frozen=True, slots=True)
class FactorReading:
    """One factor's contribution, kept with its reason so the score can always be explained.

    Attributes:
        name: One of ``FACTORS``.
        value: The factor in [0, 1] (the highest of its readings).
        points: ``value`` times the factor's maximum points; the points add up to the score.
        explanation: One or two sentences citing the user's own numbers.
    """

    name: str
    value: float
    points: float
    explanation: str


@dataclass(frozen=True, slots=True)
class Wording:
    """What a day says: its factor readings, the largest ones, its message and its notes."""

    factors: dict[str, FactorReading]
    top_factors: tuple[str, ...]
    message: str | None
    notes: tuple[str, ...]


def _hours(minutes: float) -> str:
    return f"{minutes / 60:.1f} h"


def _exhaustion(scored: ScoreFigures, span: int) -> str:
    if scored.energy_now is None:
        energy = f"No energy ratings were logged in the last {span} days."
    elif scored.energy_from_work_days:
        usual = (
            f" (your usual: {scored.baseline_energy:.1f})"
            if scored.baseline_energy is not None
            else ""
        )
        energy = (
            f"Energy on work days averaged {scored.energy_now:.1f}/5 "
            f"over the last {span} days{usual}."
        )
    else:
        energy = (
            f"Energy averaged {scored.energy_now:.1f}/5 over the last {span} days, "
            "with fewer than 2 work days logged."
        )
        if scored.energy_reading > 0:
            energy += " This can also reflect illness or non-work strain."
    if scored.stress is None:
        return energy
    stress = f"Stress averaged {scored.stress:.1f}/5 over the last {span} days."
    return (
        f"{stress} {energy}"
        if scored.stress_reading > scored.energy_reading
        else f"{energy} {stress}"
    )


def _meeting_load(scored: ScoreFigures, span: int) -> str:
    if scored.meeting_minutes_per_day is None or scored.meeting_share is None:
        return "Not enough work days logged to assess meetings."
    usual = (
        f" vs {scored.usual_meeting_share:.0%} at your baseline"
        if scored.usual_meeting_share is not None
        else ""
    )
    count = (
        f", {scored.meetings_per_day:.1f} meetings a day"
        if scored.meetings_per_day is not None
        else ""
    )
    return (
        f"Meetings were {scored.meeting_share:.0%} of logged work time over the last {span} days"
        f"{usual} (avg {_hours(scored.meeting_minutes_per_day)} per work day{count})."
    )


def _work_volume(scored: ScoreFigures, week_minutes: int) -> str:
    week = _hours(week_minutes)
    if scored.work_minutes_per_day is None:
        return f"Logged work totalled {week} in the last 7 days."
    usual = f" ({scored.work_ratio:.2f}x your usual)" if scored.work_ratio is not None else ""
    per_day = _hours(scored.work_minutes_per_day)
    return f"Logged work averaged {per_day} per work day, {week} in the last 7 days{usual}."


def _deep_work(scored: ScoreFigures) -> str:
    coding = scored.coding_minutes_per_day
    if coding is None:
        code = ""
    elif scored.usual_coding_minutes is not None:
        change = coding / scored.usual_coding_minutes - 1
        code = (
            f"Coding/deep work averaged {_hours(coding)} per work day vs "
            f"{_hours(scored.usual_coding_minutes)} usual ({change:+.0%})."
        )
    elif scored.baseline_usable:
        code = (
            f"Coding/deep work averaged {_hours(coding)} per work day; erosion is not "
            "assessed because your usual coding time is under 1 h per work day."
        )
    else:
        code = f"Coding/deep work averaged {_hours(coding)} per work day."
    if scored.calendar_days < 2:
        return code or "Not enough work days logged to assess deep work."
    fragmented = (
        f"{scored.fragmented_days} of {scored.calendar_days} work days had no free 2-h block "
        "or had 3+ back-to-back meetings."
    )
    if not code:
        return fragmented
    if scored.fragmentation_reading > scored.coding_reading:
        return f"{fragmented} {code}"
    return f"{code} {fragmented}"


def _recovery(scored: ScoreFigures, streak: int) -> str:
    if streak >= STREAK_CAP:
        run = f"{STREAK_CAP} or more consecutive work days without a rest day."
    elif streak > 5:
        run = f"{streak} consecutive work days without a rest day."
    elif streak > 0:
        days = "work day" if streak == 1 else "work days"
        run = f"{streak} {days} in a row so far (up to 5 in a row is an ordinary week)."
    elif scored.latest_is_rest_day:
        run = "Your latest check-in with work logged was a rest day (under 1 h of work)."
    else:
        run = "No work days logged in the last 7 days."
    if scored.sleep_hours is None:
        return run
    sleep = f"Sleep averaged {scored.sleep_hours:.1f} h (adults need 7 h or more)."
    return f"{sleep} {run}" if scored.sleep_reading > scored.streak_reading else f"{run} {sleep}"


def explain(day: DayFigures | None) -> Wording:
    """Return the wording of a day from its figures (``None``: a day not assessed).

    The points are the very floats the score was summed from; the top factors are the (up to
    three) with points, largest first, ties in ``FACTORS`` order, and the message quotes
    their explanations.
    """
    scored = None if day is None else day.scored
    if scored is None:
        needed = 0 if day is None else day.checkins_needed
        message = checkins_needed_message(needed) if needed else None
        return Wording(factors={}, top_factors=(), message=message, notes=())
    assert day is not None  # A scored day has figures.
    span = WIDE_ACUTE_DAYS if scored.widened else ACUTE_DAYS
    values = scored.values
    points = tuple(limit * value for limit, value in zip(FACTOR_POINTS, values, strict=True))
    texts = (
        _exhaustion(scored, span),
        _meeting_load(scored, span),
        _work_volume(scored, day.week_minutes or 0),
        _deep_work(scored),
        _recovery(scored, day.streak),
    )
    factors = {
        name: FactorReading(name, values[k], points[k], texts[k]) for k, name in enumerate(FACTORS)
    }
    # Largest points first; the sort is stable, so ties keep the FACTORS order.
    ranked = [k for k in range(len(FACTORS)) if points[k] > 0]
    ranked.sort(key=points.__getitem__, reverse=True)
    del ranked[3:]
    level = level_for(scored.score)
    message = level_message(level, [texts[k] for k in ranked], scored.floor_applied)
    rest = scored.rest_day_energy
    notes = (REST_DAY_NOTE.format(energy=rest),) if rest is not None and rest <= 2.5 else ()
    return Wording(factors, tuple(FACTORS[k] for k in ranked), message, notes)
