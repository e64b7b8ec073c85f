"""The fast path: every day's figures and score from running sums, in one loop.

This is the only module written for speed rather than for reading, and the only one a long
history spends its time in (10 years of check-ins in a few tens of milliseconds). It reads
:class:`~focusapp.domain.risk.history.History` totals, so each window sum is one subtraction;
the totals it needs are bound to local names once, and a scored day's figures are stored by
name into a :class:`~focusapp.domain.risk.figures.ScoreFigures` as they are computed (the
7-day windows the charts draw are read from the history later, only for the days shown;
see :class:`~focusapp.domain.risk.figures.DayFigures`). The rules are
those of ``RISK_MODEL.md`` 4.3-4.9; the naive per-day reference in ``tests/unit/domain``
checks this loop against them.

Index names: for day ``i``, ``end = i + 1`` is the total just after it, ``week`` the first day
of its 7-day window, ``acute`` of its acute window (7 or 14 days) and ``usual`` of the 28-day
baseline before the acute window; a window ``lo .. i`` sums as ``total[end] - total[lo]``.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from focusapp.domain.risk.figures import DayFigures, ScoreFigures
from focusapp.domain.risk.params import (
    ACUTE_DAYS,
    BASELINE_DAYS,
    BASELINE_MIN_RECORDS,
    BASELINE_MIN_WORKED_DAYS,
    FACTOR_POINTS,
    FLOOR_MIN_DAYS,
    FLOOR_SCORE,
    LOOKBACK_DAYS,
    MIN_CHECKINS,
    WIDE_ACUTE_DAYS,
    WORKED_DAY_MINUTES,
    ramp,
)

if TYPE_CHECKING:
    from focusapp.domain.risk.history import History


def figure_days(history: History, first: int, days: int) -> list[DayFigures]:
    """Return the figures of day indexes ``first .. days - 1``, scored where possible.

    ``first`` must be at least ``LOOKBACK_DAYS`` so that every window starts at index >= 0.
    """
    if first < LOOKBACK_DAYS:
        raise ValueError("first must leave room for the widest window")
    checkins, work_days = history.checkins, history.work_days
    energy_days, energy_total = history.energy_days, history.energy_total
    work_energy_days, work_energy_total = history.work_energy_days, history.work_energy_total
    drained_work_days = history.drained_work_days
    rest_energy_days, rest_energy_total = history.rest_energy_days, history.rest_energy_total
    logged_minutes, work_minutes = history.logged_minutes, history.work_minutes
    meeting_minutes, coding_minutes = history.meeting_minutes, history.coding_minutes
    stress_days, stress_total, sleep_days, sleep_minutes = (
        history.stress_days,
        history.stress_total,
        history.sleep_days,
        history.sleep_minutes,
    )
    meeting_count_days, meeting_count_total = (
        history.meeting_count_days,
        history.meeting_count_total,
    )
    calendar_days_total, fragmented_days_total = history.calendar_days, history.fragmented_days
    run_ending, latest_known = history.run_ending, history.latest_known
    exhaustion_max, meeting_max, volume_max, deep_work_max, recovery_max = FACTOR_POINTS
    out: list[DayFigures] = []
    for i in range(first, days):
        end, week = i + 1, i - ACUTE_DAYS + 1

        # Every day: the run of work days, and the history its other figures are read from.
        day = DayFigures()
        day.history, day.index = history, i
        last = latest_known[i]
        day.streak = streak = run_ending[last] if last >= week else 0  # history.streak_on
        out.append(day)
        logged = logged_minutes[end] - logged_minutes[week]

        # The acute window: 7 days, or 14 when fewer than 3 check-ins fall in 7.
        if checkins[end] - checkins[week] >= MIN_CHECKINS:
            widened, acute = False, week
        else:
            acute = i - WIDE_ACUTE_DAYS + 1
            count = checkins[end] - checkins[acute]
            if count < MIN_CHECKINS:
                day.checkins_needed, day.scored = MIN_CHECKINS - count, None
                continue
            widened = True
        day.checkins_needed = 0
        day.scored = scored = ScoreFigures()
        scored.widened = widened
        usual = acute - BASELINE_DAYS
        usual_work_days = work_days[acute] - work_days[usual]
        scored.baseline_usable = usable = (
            checkins[acute] - checkins[usual] >= BASELINE_MIN_RECORDS
            and usual_work_days >= BASELINE_MIN_WORKED_DAYS
        )
        acute_work_days = work_days[end] - work_days[acute]

        # Exhaustion: energy on work days (or all days when fewer than 2), optional stress.
        rated = work_energy_days[end] - work_energy_days[acute]
        scored.baseline_energy = None
        energy_now: float | None
        if rated >= 2:
            energy_now = (work_energy_total[end] - work_energy_total[acute]) / rated
            scored.energy_from_work_days = from_work = True
        else:
            rated = energy_days[end] - energy_days[acute]
            energy_now = (energy_total[end] - energy_total[acute]) / rated if rated else None
            scored.energy_from_work_days = from_work = False
        scored.energy_now = energy_now
        energy_reading = 0.0 if energy_now is None else ramp(3.5 - energy_now, 0.0, 1.5)
        if from_work and usable and energy_now is not None:
            rated = work_energy_days[acute] - work_energy_days[usual]
            if rated >= BASELINE_MIN_WORKED_DAYS:
                usual_energy = (work_energy_total[acute] - work_energy_total[usual]) / rated
                scored.baseline_energy = usual_energy
                drop = ramp(usual_energy - energy_now, 0.25, 1.5)
                energy_reading = drop if drop > energy_reading else energy_reading
        rated = stress_days[end] - stress_days[acute]
        stress = (stress_total[end] - stress_total[acute]) / rated if rated >= 3 else None
        stress_reading = 0.0 if stress is None else ramp(stress, 3.0, 4.5)
        scored.stress, scored.stress_reading, scored.energy_reading = (
            stress,
            stress_reading,
            energy_reading,
        )
        exhaustion = stress_reading if stress_reading > energy_reading else energy_reading

        # Meeting load, work volume, deep work: intensities per work day of the acute window.
        meeting_load = 0.0
        work_volume = ramp(logged / 60, 45.0, 55.0)
        scored.meeting_minutes_per_day = scored.meetings_per_day = scored.meeting_share = None
        scored.usual_meeting_share = scored.work_minutes_per_day = scored.work_ratio = None
        scored.coding_minutes_per_day = scored.usual_coding_minutes = None
        coding_reading = 0.0
        if acute_work_days >= 2:
            meetings = meeting_minutes[end] - meeting_minutes[acute]
            work = work_minutes[end] - work_minutes[acute]
            scored.meeting_minutes_per_day = per_day = meetings / acute_work_days
            meeting_load = ramp(per_day, 120.0, 300.0)
            counted = meeting_count_days[end] - meeting_count_days[acute]
            if counted >= 2:
                count_per_day = (meeting_count_total[end] - meeting_count_total[acute]) / counted
                scored.meetings_per_day = count_per_day
                reading = ramp(count_per_day, 4.0, 8.0)
                meeting_load = reading if reading > meeting_load else meeting_load
            scored.meeting_share = share = meetings / work
            scored.work_minutes_per_day = work_per_day = work / acute_work_days
            reading = ramp(work_per_day, 480.0, 660.0)
            work_volume = reading if reading > work_volume else work_volume
            coding = (coding_minutes[end] - coding_minutes[acute]) / acute_work_days
            scored.coding_minutes_per_day = coding
            if usable:
                usual_work = work_minutes[acute] - work_minutes[usual]
                usual_share = (meeting_minutes[acute] - meeting_minutes[usual]) / usual_work
                scored.usual_meeting_share = usual_share
                reading = ramp(share - usual_share, 0.10, 0.30)
                meeting_load = reading if reading > meeting_load else meeting_load
                usual_per_day = usual_work / usual_work_days
                if usual_per_day >= WORKED_DAY_MINUTES:
                    scored.work_ratio = ratio = work_per_day / usual_per_day
                    reading = ramp(ratio, 1.2, 1.5)
                    work_volume = reading if reading > work_volume else work_volume
                usual_coding = (coding_minutes[acute] - coding_minutes[usual]) / usual_work_days
                if usual_coding >= WORKED_DAY_MINUTES:
                    scored.usual_coding_minutes = usual_coding
                    coding_reading = ramp(1 - coding / usual_coding, 0.2, 0.6)
        calendar_days = calendar_days_total[end] - calendar_days_total[acute]
        fragmented = fragmented_days_total[end] - fragmented_days_total[acute]
        fragmentation = ramp(fragmented / calendar_days, 0.2, 0.8) if calendar_days >= 2 else 0.0
        scored.calendar_days, scored.fragmented_days = calendar_days, fragmented
        scored.coding_reading, scored.fragmentation_reading = coding_reading, fragmentation
        deep_work = fragmentation if fragmentation > coding_reading else coding_reading

        # Recovery: the run of work days up to the latest day with work logged, and sleep.
        scored.latest_is_rest_day = last >= week and not streak
        streak_reading = ramp(streak, 5.0, 12.0)
        nights = sleep_days[end] - sleep_days[week]
        sleep = (sleep_minutes[end] - sleep_minutes[week]) / (60 * nights) if nights >= 3 else None
        sleep_reading = 0.0 if sleep is None else ramp(7 - sleep, 0.0, 2.0)
        scored.sleep_hours, scored.streak_reading, scored.sleep_reading = (
            sleep,
            streak_reading,
            sleep_reading,
        )
        recovery = sleep_reading if sleep_reading > streak_reading else streak_reading

        # The sum of the points, added in this order, as the explanations give them.
        scored.exhaustion, scored.meeting_load, scored.work_volume = (
            exhaustion,
            meeting_load,
            work_volume,
        )
        scored.deep_work, scored.recovery = deep_work, recovery
        points = (
            exhaustion_max * exhaustion
            + meeting_max * meeting_load
            + volume_max * work_volume
            + deep_work_max * deep_work
        )
        score = min(100, math.floor(points + recovery_max * recovery + 0.5))
        scored.floor_applied = floor = (
            drained_work_days[end] - drained_work_days[week] >= FLOOR_MIN_DAYS
        )
        scored.score = max(score, FLOOR_SCORE) if floor else score
        rest_days = rest_energy_days[end] - rest_energy_days[week]
        scored.rest_day_energy = (
            (rest_energy_total[end] - rest_energy_total[week]) / rest_days
            if rest_days >= 2
            else None
        )
    return out
