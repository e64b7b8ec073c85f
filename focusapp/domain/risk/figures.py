"""The numbers behind each day of the risk series, kept apart from their wording.

The engine (:mod:`focusapp.domain.risk.engine`) makes one :class:`DayFigures` per day, and a
:class:`ScoreFigures` for each day with enough check-ins to be scored. Every later reader
takes its numbers from here: the explanations (:mod:`~focusapp.domain.risk.explain`) quote
them, and the dashboard charts draw them (``services/stats.py`` only reshapes them), so a
chart and the sentence beside it cannot disagree.

Both records are filled field by field, by name, as the engine computes them: there is no
``__init__`` taking 30 arguments, because a call that long, by keyword, costs about a
quarter of the time of a whole series. They are not changed after the engine returns them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from focusapp.domain.risk.history import History


@dataclass(slots=True, init=False)
class ScoreFigures:
    """A scored day: the five factor values, the score, and the readings behind each factor.

    The sub-readings (``*_reading``) are kept so an explanation can lead with the reading
    that set its factor. Figures are ``None`` where they are not available.

    Attributes:
        widened: The acute window was widened to 14 days (fewer than 3 check-ins in 7).
        baseline_usable: The 28 days before the acute window have 10+ records, 5+ work days.
        exhaustion, meeting_load, work_volume, deep_work, recovery: The factor values 0-1.
        score: 0-100, the rounded sum of the factors' points (and at least 50 when floored).
        floor_applied: Energy 1 on 3+ work days of the last 7.
        energy_now: Mean energy in the acute window (work days when 2+ had energy).
        energy_from_work_days: Whether ``energy_now`` is over work days only.
        baseline_energy: The usual energy on work days, when it is compared.
        energy_reading, stress_reading: The two readings of exhaustion.
        stress: Mean stress in the acute window (3+ ratings).
        meeting_minutes_per_day: Meeting minutes per work day (2+ work days).
        meetings_per_day: Calendar meetings per work day (2+ days with a count).
        meeting_share, usual_meeting_share: Meetings as a share of work time, now and usual.
        work_minutes_per_day: Work minutes per work day; ``work_ratio``: against the usual.
        coding_minutes_per_day, usual_coding_minutes: Coding per work day, now and usual.
        coding_reading, fragmentation_reading: The two readings of deep work.
        fragmented_days, calendar_days: Work days without a 2-hour block (or 3+ meetings back
            to back), of those with calendar figures.
        latest_is_rest_day: No run of work days, and the latest day with work was a rest day.
        streak_reading, sleep_reading: The two readings of recovery.
        sleep_hours: Mean sleep over the last 7 days (3+ nights).
        rest_day_energy: Mean energy on rest days of the last 7 (2+ days).
    """

    widened: bool
    baseline_usable: bool
    exhaustion: float
    meeting_load: float
    work_volume: float
    deep_work: float
    recovery: float
    score: int
    floor_applied: bool
    energy_now: float | None
    energy_from_work_days: bool
    baseline_energy: float | None
    energy_reading: float
    stress_reading: float
    stress: float | None
    meeting_minutes_per_day: float | None
    meetings_per_day: float | None
    meeting_share: float | None
    usual_meeting_share: float | None
    work_minutes_per_day: float | None
    work_ratio: float | None
    coding_minutes_per_day: float | None
    usual_coding_minutes: float | None
    coding_reading: float
    fragmentation_reading: float
    fragmented_days: int
    calendar_days: int
    latest_is_rest_day: bool
    streak_reading: float
    sleep_reading: float
    sleep_hours: float | None
    rest_day_energy: float | None

    @property
    def values(self) -> tuple[float, float, float, float, float]:
        """The factor values in ``FACTORS`` order."""
        return (self.exhaustion, self.meeting_load, self.work_volume, self.deep_work, self.recovery)

    @property
    def provisional(self) -> bool:
        """Scored without a usable baseline or from a widened window."""
        return self.widened or not self.baseline_usable


@dataclass(slots=True, init=False)
class DayFigures:
    """One day of the risk series, scored or not: what the charts draw and the score reads.

    The run of work days and the score are stored; the day's own values and its 7-day
    windows are read from the history the engine scored it from, when asked (charts show a
    few months, a series can hold years). ``None`` means nothing was logged (missing is
    never zero).

    Attributes:
        streak: Consecutive work days, as the recovery factor counts them.
        checkins_needed: Check-ins still needed for a score; 0 when scored.
        scored: The score and its readings, or ``None`` when too few check-ins.
        history: The running totals the day was scored from; ``index``: the day's place.
    """

    streak: int
    checkins_needed: int
    scored: ScoreFigures | None
    history: History = field(repr=False, compare=False)
    index: int = field(repr=False, compare=False)

    @property
    def energy(self) -> int | None:
        """The day's energy 1-5 (clipped)."""
        return self.history.energy_on[self.index]

    @property
    def coding_minutes(self) -> int | None:
        """The day's coding minutes when work was logged (clipped; blank counts as 0)."""
        return self.history.coding_on[self.index]

    @property
    def meeting_minutes(self) -> int | None:
        """The day's meeting minutes when work was logged (clipped; blank counts as 0)."""
        return self.history.meeting_on[self.index]

    @property
    def mean_energy_7(self) -> float | None:
        """Mean of the energies logged in the 7 days ending on the day."""
        return self.history.mean_energy_7(self.index)

    @property
    def week_minutes(self) -> int | None:
        """Work minutes logged in the 7 days ending on the day."""
        return self.history.week_minutes(self.index)

    @property
    def meeting_share_7(self) -> float | None:
        """Meeting share of work time over the work days of the 7 days."""
        return self.history.meeting_share_7(self.index)

    @property
    def usual_energy(self) -> float | None:
        """Mean energy on work days in the 28 days before the 7 (t-34 .. t-7), if usable."""
        return self.history.usual_energy(self.index)
