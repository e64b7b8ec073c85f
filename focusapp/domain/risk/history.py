"""A history of check-ins laid out day by day, with running sums that make any window O(1).

Index ``i`` is day ``origin + i``. Each *total* below is a list of prefix sums of one per-day
quantity: the total over days ``lo .. hi`` is ``total[hi + 1] - total[lo]``. Integer units
(minutes, energy points) keep the sums exact, so a window's mean is the same however it was
summed. "Work day" means a day with at least ``WORKED_DAY_MINUTES`` logged, "rest day" a day
with work logged but less; a record without coding or meeting time is neither.
"""

from __future__ import annotations

from itertools import accumulate
from typing import TYPE_CHECKING

from focusapp.domain.risk.params import (
    ACUTE_DAYS,
    BACK_TO_BACK_LIMIT,
    BASELINE_DAYS,
    BASELINE_MIN_RECORDS,
    BASELINE_MIN_WORKED_DAYS,
    FREE_BLOCK_MINUTES,
    MINUTES_PER_DAY,
    STREAK_CAP,
    WORKED_DAY_MINUTES,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Sequence

    from focusapp.domain.models import CheckIn


def work_runs(worked: Sequence[int], known: Sequence[int]) -> tuple[list[int], list[int]]:
    """Return, per day, the run of worked days ending there (capped) and the latest known day.

    The run counts consecutive worked days up to ``STREAK_CAP``; the latest known day is the
    newest index up to that day whose work is known (-1 before any). Together they give the
    recovery factor's streak (:func:`streak_on`) in O(1) per day.
    """
    runs, latest = [0] * len(worked), [-1] * len(worked)
    run, last = 0, -1
    for i, is_worked in enumerate(worked):
        run = (run + 1 if run < STREAK_CAP else run) if is_worked else 0
        if known[i]:
            last = i
        runs[i], latest[i] = run, last
    return runs, latest


def streak_on(runs: Sequence[int], latest: Sequence[int], i: int) -> int:
    """Return the consecutive work days the recovery factor counts on day ``i``.

    The run up to the latest day whose work is known, when that day lies in the 7-day window:
    a day not checked in yet (today, before the check-in) does not break the run.
    """
    last = latest[i]
    return runs[last] if last >= i - ACUTE_DAYS + 1 else 0


def streak_series(worked: Sequence[int], known: Sequence[int]) -> list[int]:
    """Return :func:`streak_on` for every day: the one rule the chart and the factor share."""
    runs, latest = work_runs(worked, known)
    return [streak_on(runs, latest, i) for i in range(len(worked))]


class History:
    """The check-ins from ``origin`` for ``days`` days, as day values and running totals.

    Out-of-range values are clipped (spec 4.2): energy and stress to 1-5, minutes to 0-1440;
    sleep is counted in whole minutes. If a date occurs more than once, the last record wins.

    Attributes:
        energy_on, coding_on, meeting_on: Each day's clipped energy and minutes as the model
            reads them, ``None`` when not logged (a blank part of logged work counts as 0).
        checkins: Days with a record.
        work_days, work_known_days: Work days; days with work logged (work or rest).
        energy_days, energy_total: Days with energy, and its sum (all days).
        work_energy_days, work_energy_total: The same over work days only.
        drained_work_days: Work days with energy 1.
        rest_energy_days, rest_energy_total: Energy on rest days.
        logged_minutes: Coding + meeting minutes on every day with work logged.
        work_minutes, meeting_minutes, coding_minutes: The same, parts, over work days only.
        stress_days, stress_total: Stress ratings; sleep_days, sleep_minutes: sleep.
        meeting_count_days, meeting_count_total: Calendar meeting counts on work days.
        calendar_days, fragmented_days: Work days with calendar figures, and those without a
            free 2-hour block or with 3+ back-to-back meetings.
        run_ending: Consecutive work days ending on each day (not a total; see ``work_runs``).
        latest_known: The latest day up to each day whose work is logged (not a total).
    """

    def __init__(self, records: Iterable[CheckIn], origin: dt.date, days: int) -> None:
        by_day: dict[int, CheckIn] = {}
        first = origin.toordinal()
        for record in records:  # Duplicated dates: the last one seen wins.
            index = record.date.toordinal() - first
            if 0 <= index < days:
                by_day[index] = record
        self.energy_on: list[int | None] = [None] * days
        self.coding_on: list[int | None] = [None] * days
        self.meeting_on: list[int | None] = [None] * days
        top = MINUTES_PER_DAY
        zero = [0] * days
        checkins, work_days, work_known = zero[:], zero[:], zero[:]
        energy_days, energy_total, work_energy_days, work_energy_total = (zero[:] for _ in "1234")
        drained, rest_energy_days, rest_energy_total = zero[:], zero[:], zero[:]
        logged, work_minutes, meeting_minutes, coding_minutes = (zero[:] for _ in "1234")
        stress_days, stress_total, sleep_days, sleep_minutes = (zero[:] for _ in "1234")
        count_days, count_total, calendar_days, fragmented = (zero[:] for _ in "1234")
        for i, record in by_day.items():
            checkins[i] = 1
            energy = record.energy
            if energy is not None:
                energy = 1 if energy < 1 else 5 if energy > 5 else energy
                energy_days[i], energy_total[i] = 1, energy
                self.energy_on[i] = energy
            stress = record.stress
            if stress is not None:
                stress_days[i], stress_total[i] = (
                    1,
                    1 if stress < 1 else 5 if stress > 5 else stress,
                )
            if record.sleep_hours is not None:
                sleep = round(record.sleep_hours * 60)
                sleep_days[i], sleep_minutes[i] = (
                    1,
                    0 if sleep < 0 else top if sleep > top else sleep,
                )
            coding, meeting = record.coding_minutes, record.meeting_minutes
            if coding is None and meeting is None:
                continue  # Work not logged: a record, but neither a work day nor a rest day.
            # A logged day with one part blank counts that part as 0 (CheckIn.work_minutes).
            coding = 0 if coding is None or coding < 0 else top if coding > top else coding
            meeting = 0 if meeting is None or meeting < 0 else top if meeting > top else meeting
            self.coding_on[i], self.meeting_on[i] = coding, meeting
            work = coding + meeting
            work_known[i] = 1
            logged[i] = work
            if work < WORKED_DAY_MINUTES:
                if energy is not None:
                    rest_energy_days[i], rest_energy_total[i] = 1, energy
                continue
            work_days[i], work_minutes[i] = 1, work
            meeting_minutes[i], coding_minutes[i] = meeting, coding
            if energy is not None:
                work_energy_days[i], work_energy_total[i] = 1, energy
                drained[i] = int(energy == 1)
            if record.meeting_count is not None:
                count_days[i], count_total[i] = 1, max(0, record.meeting_count)
            free, back_to_back = record.longest_free_block_minutes, record.back_to_back_count
            if free is not None or back_to_back is not None:
                calendar_days[i] = 1
                fragmented[i] = int(
                    (free is not None and free < FREE_BLOCK_MINUTES)
                    or (back_to_back is not None and back_to_back >= BACK_TO_BACK_LIMIT)
                )

        def total(column: list[int]) -> list[int]:
            return list(accumulate(column, initial=0))

        self.checkins, self.work_days = total(checkins), total(work_days)
        self.work_known_days = total(work_known)
        self.energy_days, self.energy_total = total(energy_days), total(energy_total)
        self.work_energy_days = total(work_energy_days)
        self.work_energy_total = total(work_energy_total)
        self.drained_work_days = total(drained)
        self.rest_energy_days = total(rest_energy_days)
        self.rest_energy_total = total(rest_energy_total)
        self.logged_minutes, self.work_minutes = total(logged), total(work_minutes)
        self.meeting_minutes, self.coding_minutes = total(meeting_minutes), total(coding_minutes)
        self.stress_days, self.stress_total = total(stress_days), total(stress_total)
        self.sleep_days, self.sleep_minutes = total(sleep_days), total(sleep_minutes)
        self.meeting_count_days, self.meeting_count_total = total(count_days), total(count_total)
        self.calendar_days, self.fragmented_days = total(calendar_days), total(fragmented)
        self.run_ending, self.latest_known = work_runs(work_days, work_known)

    # The 7-day windows the charts draw, read per day. The engine sums the same windows
    # inline (its loop is the fast path); the tests hold the two to the same numbers.

    def mean_energy_7(self, i: int) -> float | None:
        """Mean of the energies logged in the 7 days ending on day ``i``."""
        end, week = i + 1, i - ACUTE_DAYS + 1
        rated = self.energy_days[end] - self.energy_days[week]
        return (self.energy_total[end] - self.energy_total[week]) / rated if rated else None

    def week_minutes(self, i: int) -> int | None:
        """Work minutes logged in the 7 days ending on day ``i`` (``None``: none logged)."""
        end, week = i + 1, i - ACUTE_DAYS + 1
        if self.work_known_days[end] == self.work_known_days[week]:
            return None
        return self.logged_minutes[end] - self.logged_minutes[week]

    def meeting_share_7(self, i: int) -> float | None:
        """Meeting share of work time over the work days of the 7 days ending on day ``i``."""
        end, week = i + 1, i - ACUTE_DAYS + 1
        work = self.work_minutes[end] - self.work_minutes[week]
        return (self.meeting_minutes[end] - self.meeting_minutes[week]) / work if work else None

    def usual_energy(self, i: int) -> float | None:
        """Mean energy on work days in the 28 days before the 7 ending on day ``i``.

        ``None`` unless that baseline is usable (the engine's rule: 10+ records, 5+ work
        days) and 5+ of its work days have energy.
        """
        week = i - ACUTE_DAYS + 1
        usual = week - BASELINE_DAYS
        rated = self.work_energy_days[week] - self.work_energy_days[usual]
        if (
            self.checkins[week] - self.checkins[usual] < BASELINE_MIN_RECORDS
            or self.work_days[week] - self.work_days[usual] < BASELINE_MIN_WORKED_DAYS
            or rated < BASELINE_MIN_WORKED_DAYS
        ):
            return None
        return (self.work_energy_total[week] - self.work_energy_total[usual]) / rated
