"""The risk signal of one day, as every caller reads it, and its JSON export shape."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from focusapp.domain.risk.explain import explain

if TYPE_CHECKING:
    import datetime as dt

    from focusapp.domain.risk.explain import FactorReading
    from focusapp.domain.risk.figures import DayFigures
    from focusapp.domain.risk.params import Level, Trend

#: The fields built from the figures the first time one of them is read.
_WORDING: Final = frozenset(("factors", "top_factors", "message", "notes"))


@dataclass(frozen=True, init=False)
class RiskAssessment:
    """The signal for one day, scored or not, with everything a chart or export needs.

    An assessment is built either from all its values, or, by ``assess_series``, from its
    scalar values and the day's :class:`~focusapp.domain.risk.figures.DayFigures`. Then the
    wording (``factors``, ``top_factors``, ``message``, ``notes``) is built from the figures
    by :func:`~focusapp.domain.risk.explain.explain` the first time one of them is read,
    and kept: charts, statistics and the service cache read only scores, and views read the
    wording of a few days, while building it for every day would cost more than scoring.
    Either way the assessment is the same: equality, ``repr``, copies and pickles read the
    fields by name, so they build the wording first.

    Attributes:
        date: The day assessed; only check-ins dated on or before it were used.
        score: 0-100, or ``None`` when there are too few check-ins.
        level: The band of ``score``, or ``None`` when unscored.
        provisional: True for a score without a usable baseline or from a widened window.
            Unscored days are not provisional (there is nothing to qualify).
        trend: Against the score 7 days earlier, ``None`` if either day is unscored.
        factors: All five readings keyed by name, or empty when unscored.
        top_factors: Up to three factors with points, largest first.
        exhaustion_floor_applied: True when 3+ work days in the last 7 had energy 1; the
            score is then at least 50.
        message: The per-level wording, or how many more check-ins are needed.
        checkins_needed: Check-ins still needed for a score; 0 when scored.
        notes: Extra observations that carry no points (e.g. low energy on rest days).
    """

    date: dt.date
    score: int | None
    level: Level | None
    provisional: bool
    trend: Trend | None
    factors: dict[str, FactorReading]
    top_factors: tuple[str, ...]
    exhaustion_floor_applied: bool
    message: str | None
    checkins_needed: int
    notes: tuple[str, ...]

    def __init__(
        self,
        date: dt.date,
        score: int | None,
        level: Level | None,
        provisional: bool,
        trend: Trend | None,
        factors: dict[str, FactorReading] | None = None,
        top_factors: tuple[str, ...] | None = None,
        exhaustion_floor_applied: bool = False,
        message: str | None = None,
        checkins_needed: int = 0,
        notes: tuple[str, ...] | None = None,
        *,
        figures: DayFigures | None = None,
    ) -> None:
        """Store the values; with ``figures``, the wording is built from them when read.

        Raises:
            TypeError: If both the wording and the figures to build it from are given.
        """
        # Frozen: each field is stored once, here, into the instance (never assigned).
        values = self.__dict__
        values["date"] = date
        values["score"] = score
        values["level"] = level
        values["provisional"] = provisional
        values["trend"] = trend
        values["exhaustion_floor_applied"] = exhaustion_floor_applied
        values["checkins_needed"] = checkins_needed
        values["_figures"] = figures
        if figures is None:
            values.update(
                factors={} if factors is None else factors,
                top_factors=() if top_factors is None else top_factors,
                message=message,
                notes=() if notes is None else notes,
            )
        elif not (factors is None and top_factors is None and message is None and notes is None):
            raise TypeError("give either the wording or the figures it is built from")

    @property
    def figures(self) -> DayFigures | None:
        """The numbers of the day, or ``None`` for an assessment built from its values."""
        figures: DayFigures | None = self.__dict__.get("_figures")
        return figures

    if not TYPE_CHECKING:  # mypy would take any attribute name as valid

        def __getattr__(self, name: str) -> object:
            """Build the wording the first time a part of it is read (only then is it missing).

            ``setdefault`` keeps the first wording stored, so threads reading at once all get
            the same objects, and later reads find plain instance values.
            """
            values = self.__dict__
            if name not in _WORDING or "_figures" not in values:
                raise AttributeError(name)
            wording = values.setdefault("_wording", explain(values["_figures"]))
            values.setdefault("factors", wording.factors)
            values.setdefault("top_factors", wording.top_factors)
            values.setdefault("message", wording.message)
            values.setdefault("notes", wording.notes)
            return values[name]


def unscored_day(day: dt.date, needed: int = 0, message: str | None = None) -> RiskAssessment:
    """Return a day without a score: still waiting for ``needed`` check-ins, or not yet begun."""
    return RiskAssessment(
        date=day,
        score=None,
        level=None,
        provisional=False,
        trend=None,
        factors={},
        top_factors=(),
        exhaustion_floor_applied=False,
        message=message,
        checkins_needed=needed,
        notes=(),
    )


def to_json(assessment: RiskAssessment) -> dict[str, object]:
    """Return the export shape of spec 4.6 (values to 2 decimals, points to 1)."""
    return {
        "date": assessment.date.isoformat(),
        "score": assessment.score,
        "level": None if assessment.level is None else str(assessment.level),
        "provisional": assessment.provisional,
        "trend": None if assessment.trend is None else str(assessment.trend),
        "top_factors": list(assessment.top_factors),
        "exhaustion_floor_applied": assessment.exhaustion_floor_applied,
        "message": assessment.message,
        "factors": {
            name: {
                "value": round(reading.value, 2),
                "points": round(reading.points, 1),
                "explanation": reading.explanation,
            }
            for name, reading in assessment.factors.items()
        },
    }
