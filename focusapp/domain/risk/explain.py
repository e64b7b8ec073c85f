"""The wording of a scored day: one sentence per factor from the user's own numbers.

Built only when read (see :meth:`RiskAssessment.wording
<focusapp.domain.risk.assessment.RiskAssessment.wording>`): most callers read only scores,
and building five sentences, the ranking and a message for every day of a long series would
cost more than scoring it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from focusapp.domain.phrases import QT_TRANSLATE_NOOP, Phrase, joined
from focusapp.domain.risk.messages import (
    CONTEXT as _C,
)
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


_NO_ENERGY = QT_TRANSLATE_NOOP("Risk", "No energy ratings were logged in the last {days} days.")
_USUAL_ENERGY = QT_TRANSLATE_NOOP("Risk", " (your usual: {energy:.1f})")
_WORK_DAY_ENERGY = QT_TRANSLATE_NOOP(
    "Risk", "Energy on work days averaged {energy:.1f}/5 over the last {days} days{usual}."
)
_FEW_WORK_DAYS_ENERGY = QT_TRANSLATE_NOOP(
    "Risk",
    "Energy averaged {energy:.1f}/5 over the last {days} days, with fewer than 2 work days logged.",
)
_OTHER_STRAIN = QT_TRANSLATE_NOOP("Risk", "This can also reflect illness or non-work strain.")
_STRESS = QT_TRANSLATE_NOOP("Risk", "Stress averaged {stress:.1f}/5 over the last {days} days.")
_NO_MEETINGS = QT_TRANSLATE_NOOP("Risk", "Not enough work days logged to assess meetings.")
_USUAL_SHARE = QT_TRANSLATE_NOOP("Risk", " vs {share:.0%} at your baseline")
_MEETING_COUNT = QT_TRANSLATE_NOOP("Risk", ", {count:.1f} meetings a day")
_MEETINGS = QT_TRANSLATE_NOOP(
    "Risk",
    "Meetings were {share:.0%} of logged work time over the last {days} days{usual} "
    "(avg {hours:.1f} h per work day{count}).",
)
_WEEK_WORK = QT_TRANSLATE_NOOP("Risk", "Logged work totalled {week:.1f} h in the last 7 days.")
_USUAL_WORK = QT_TRANSLATE_NOOP("Risk", " ({ratio:.2f}x your usual)")
_WORK = QT_TRANSLATE_NOOP(
    "Risk",
    "Logged work averaged {hours:.1f} h per work day, {week:.1f} h in the last 7 days{usual}.",
)
_CODING_VS_USUAL = QT_TRANSLATE_NOOP(
    "Risk",
    "Coding/deep work averaged {hours:.1f} h per work day vs {usual:.1f} h usual ({change:+.0%}).",
)
_CODING_NOT_ASSESSED = QT_TRANSLATE_NOOP(
    "Risk",
    "Coding/deep work averaged {hours:.1f} h per work day; erosion is not assessed because "
    "your usual coding time is under 1 h per work day.",
)
_CODING = QT_TRANSLATE_NOOP("Risk", "Coding/deep work averaged {hours:.1f} h per work day.")
_NO_DEEP_WORK = QT_TRANSLATE_NOOP("Risk", "Not enough work days logged to assess deep work.")
_FRAGMENTED = QT_TRANSLATE_NOOP(
    "Risk",
    "{fragmented} of {days} work days had no free 2-h block or had 3+ back-to-back meetings.",
)
_LONG_RUN = QT_TRANSLATE_NOOP("Risk", "{days} or more consecutive work days without a rest day.")
_RUN = QT_TRANSLATE_NOOP("Risk", "{days} consecutive work days without a rest day.")
_ONE_DAY_RUN = QT_TRANSLATE_NOOP(
    "Risk", "1 work day in a row so far (up to 5 in a row is an ordinary week)."
)
_SHORT_RUN = QT_TRANSLATE_NOOP(
    "Risk", "{days} work days in a row so far (up to 5 in a row is an ordinary week)."
)
_LATEST_REST = QT_TRANSLATE_NOOP(
    "Risk", "Your latest check-in with work logged was a rest day (under 1 h of work)."
)
_NO_WORK_DAYS = QT_TRANSLATE_NOOP("Risk", "No work days logged in the last 7 days.")
_SLEEP = QT_TRANSLATE_NOOP("Risk", "Sleep averaged {hours:.1f} h (adults need 7 h or more).")


def _ordered(first: str, second: str, second_leads: bool) -> str:
    """Return two sentences, the one whose reading set the factor first."""
    return joined((second, first) if second_leads else (first, second))


def _exhaustion(scored: ScoreFigures, span: int) -> str:
    energy: str
    if scored.energy_now is None:
        energy = Phrase(_C, _NO_ENERGY, days=span)
    elif scored.energy_from_work_days:
        usual = (
            Phrase(_C, _USUAL_ENERGY, energy=scored.baseline_energy)
            if scored.baseline_energy is not None
            else ""
        )
        energy = Phrase(_C, _WORK_DAY_ENERGY, energy=scored.energy_now, days=span, usual=usual)
    else:
        energy = Phrase(_C, _FEW_WORK_DAYS_ENERGY, energy=scored.energy_now, days=span)
        if scored.energy_reading > 0:
            energy = joined((energy, Phrase(_C, _OTHER_STRAIN)))
    if scored.stress is None:
        return energy
    stress = Phrase(_C, _STRESS, stress=scored.stress, days=span)
    return _ordered(energy, stress, scored.stress_reading > scored.energy_reading)


def _meeting_load(scored: ScoreFigures, span: int) -> str:
    if scored.meeting_minutes_per_day is None or scored.meeting_share is None:
        return Phrase(_C, _NO_MEETINGS)
    usual = (
        Phrase(_C, _USUAL_SHARE, share=scored.usual_meeting_share)
        if scored.usual_meeting_share is not None
        else ""
    )
    count = (
        Phrase(_C, _MEETING_COUNT, count=scored.meetings_per_day)
        if scored.meetings_per_day is not None
        else ""
    )
    return Phrase(
        _C,
        _MEETINGS,
        share=scored.meeting_share,
        days=span,
        usual=usual,
        hours=scored.meeting_minutes_per_day / 60,
        count=count,
    )


def _work_volume(scored: ScoreFigures, week_minutes: int) -> str:
    week = week_minutes / 60
    if scored.work_minutes_per_day is None:
        return Phrase(_C, _WEEK_WORK, week=week)
    usual = (
        Phrase(_C, _USUAL_WORK, ratio=scored.work_ratio) if scored.work_ratio is not None else ""
    )
    hours = scored.work_minutes_per_day / 60
    return Phrase(_C, _WORK, hours=hours, week=week, usual=usual)


def _deep_work(scored: ScoreFigures) -> str:
    coding = scored.coding_minutes_per_day
    code: str
    if coding is None:
        code = ""
    elif scored.usual_coding_minutes is not None:
        change = coding / scored.usual_coding_minutes - 1
        code = Phrase(
            _C,
            _CODING_VS_USUAL,
            hours=coding / 60,
            usual=scored.usual_coding_minutes / 60,
            change=change,
        )
    elif scored.baseline_usable:
        code = Phrase(_C, _CODING_NOT_ASSESSED, hours=coding / 60)
    else:
        code = Phrase(_C, _CODING, hours=coding / 60)
    if scored.calendar_days < 2:
        return code or Phrase(_C, _NO_DEEP_WORK)
    fragmented = Phrase(
        _C, _FRAGMENTED, fragmented=scored.fragmented_days, days=scored.calendar_days
    )
    if not code:
        return fragmented
    return _ordered(code, fragmented, scored.fragmentation_reading > scored.coding_reading)


def _recovery(scored: ScoreFigures, streak: int) -> str:
    if streak >= STREAK_CAP:
        run = Phrase(_C, _LONG_RUN, days=STREAK_CAP)
    elif streak > 5:
        run = Phrase(_C, _RUN, days=streak)
    elif streak == 1:
        run = Phrase(_C, _ONE_DAY_RUN)
    elif streak > 0:
        run = Phrase(_C, _SHORT_RUN, days=streak)
    elif scored.latest_is_rest_day:
        run = Phrase(_C, _LATEST_REST)
    else:
        run = Phrase(_C, _NO_WORK_DAYS)
    if scored.sleep_hours is None:
        return run
    sleep = Phrase(_C, _SLEEP, hours=scored.sleep_hours)
    return _ordered(run, sleep, scored.sleep_reading > scored.streak_reading)


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
    notes = (Phrase(_C, REST_DAY_NOTE, energy=rest),) if rest is not None and rest <= 2.5 else ()
    return Wording(factors, tuple(FACTORS[k] for k in ranked), message, notes)
