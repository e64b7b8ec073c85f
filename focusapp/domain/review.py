"""The weekly review: a finished ISO week against the user's usual week, and one suggestion.

Sums are over the days logged in the week; "usual" is the mean of the same figures over the
previous 8 weeks that have any logged day. The suggestion is chosen by a fixed rule from
what moved most, and is returned as a code for the wording module to phrase.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from statistics import fmean
from typing import TYPE_CHECKING, Final

from focusapp.domain.forecast import FOCUS_BLOCK_MINUTES, WEEK_DAYS
from focusapp.domain.risk import WORKED_DAY_MINUTES

if TYPE_CHECKING:
    from collections.abc import Sequence

    from focusapp.domain.forecast import MeetingSeries
    from focusapp.domain.models import CheckIn

USUAL_WEEKS: Final = 8
#: How far back the usual weeks are looked for (weeks without data are skipped).
SEARCH_WEEKS: Final = 26
TOP_SERIES: Final = 3
#: A move counts once it reaches these sizes: 0.5 energy points, or 20 % more meeting time
#: or less coding time than usual.
ENERGY_STEP: Final = 0.5
SHARE_STEP: Final = 0.2
#: From this signal on, a drop in energy is worth raising with a manager.
RAISE_SCORE: Final = 50


class Suggestion(StrEnum):
    """The one suggestion of a review, chosen by :func:`suggest`."""

    PROTECT_FOCUS_BLOCK = "protect_focus_block"
    SKIP_HEAVIEST_SERIES = "skip_heaviest_series"
    RECOVERY_DAY = "recovery_day"
    RAISE_WORKLOAD = "raise_workload"
    KEEP_GOING = "keep_going"


@dataclass(frozen=True, slots=True)
class WeekFigures:
    """Sums over the logged days of a week (or their means over the usual weeks).

    Attributes:
        days_logged: Days with any record.
        meeting_minutes: Meeting time over those days.
        coding_minutes: Coding time over those days.
        energy_mean: Mean energy of the days with energy, ``None`` without any.
    """

    days_logged: float
    meeting_minutes: float
    coding_minutes: float
    energy_mean: float | None


@dataclass(frozen=True, slots=True)
class WeekReview:
    """One finished week looked back on.

    Attributes:
        week_start: The Monday.
        week_end: The Sunday.
        figures: The week's sums.
        usual: The mean of the previous weeks with data, ``None`` without any.
        usual_weeks: How many weeks ``usual`` averages.
        risk_start: The signal on the Monday, ``None`` when unscored.
        risk_end: The signal on the Sunday.
        top_series: Up to three meeting series by booked time in the week.
        best_day: The logged day with the highest energy (earliest on a tie).
        hardest_day: The logged day with the lowest energy (earliest on a tie).
        next_week_minutes: Meeting time booked for the following week, ``None`` unknown.
        focus_block_days: Days of the week with a 2-hour focus block (calendar data).
        rest_days: Logged days with under an hour of work.
        suggestion: The suggestion the rule chose.
    """

    week_start: dt.date
    week_end: dt.date
    figures: WeekFigures
    usual: WeekFigures | None
    usual_weeks: int
    risk_start: int | None
    risk_end: int | None
    top_series: tuple[MeetingSeries, ...]
    best_day: dt.date | None
    hardest_day: dt.date | None
    next_week_minutes: int | None
    focus_block_days: int
    rest_days: int
    suggestion: Suggestion


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """Return the Monday and Sunday of the ISO week containing ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=WEEK_DAYS - 1)


def last_finished_week(today: dt.date) -> tuple[dt.date, dt.date]:
    """Return the ISO week before the one containing ``today`` (today is not over yet)."""
    return week_of(today - dt.timedelta(days=WEEK_DAYS))


def figures(records: Sequence[CheckIn], first: dt.date, last: dt.date) -> WeekFigures | None:
    """Return the sums over the logged days in ``first .. last``; ``None`` without any."""
    days = [r for r in records if first <= r.date <= last]
    if not days:
        return None
    energies = [r.energy for r in days if r.energy is not None]
    return WeekFigures(
        days_logged=len(days),
        meeting_minutes=sum(r.meeting_minutes or 0 for r in days),
        coding_minutes=sum(r.coding_minutes or 0 for r in days),
        energy_mean=fmean(energies) if energies else None,
    )


def usual_figures(
    records: Sequence[CheckIn], week_start: dt.date
) -> tuple[WeekFigures | None, int]:
    """Return the mean figures of the 8 weeks with data before ``week_start``, and how many."""
    found: list[WeekFigures] = []
    for back in range(1, SEARCH_WEEKS + 1):
        monday = week_start - dt.timedelta(days=WEEK_DAYS * back)
        week = figures(records, monday, monday + dt.timedelta(days=WEEK_DAYS - 1))
        if week is not None:
            found.append(week)
        if len(found) == USUAL_WEEKS:
            break
    if not found:
        return None, 0
    energies = [w.energy_mean for w in found if w.energy_mean is not None]
    usual = WeekFigures(
        days_logged=fmean(w.days_logged for w in found),
        meeting_minutes=fmean(w.meeting_minutes for w in found),
        coding_minutes=fmean(w.coding_minutes for w in found),
        energy_mean=fmean(energies) if energies else None,
    )
    return usual, len(found)


def _relative_rise(now: float, usual: float) -> float:
    return 0.0 if usual <= 0 else (now - usual) / usual


def suggest(
    week: WeekFigures,
    usual: WeekFigures | None,
    risk_end: int | None,
    has_series: bool,
    rest_days: int,
) -> Suggestion:
    """Choose one suggestion from what moved most against the usual week.

    Each move is measured in its own step (0.5 energy points; 20 % more meeting time; 20 %
    less coding time); the largest move of at least one step wins. Lower energy suggests a
    recovery day, or raising the workload with a manager when the signal is 50 or more;
    more meetings suggest skipping or delegating the heaviest series; less deep work
    suggests protecting a 2-hour block. Without a usual week, a week without a rest day
    still suggests a recovery day.
    """
    if usual is None:
        return (
            Suggestion.RECOVERY_DAY
            if rest_days == 0 and week.days_logged >= 7
            else (Suggestion.KEEP_GOING)
        )
    moves: dict[Suggestion, float] = {}
    if week.energy_mean is not None and usual.energy_mean is not None:
        drop = (usual.energy_mean - week.energy_mean) / ENERGY_STEP
        tired = (
            Suggestion.RAISE_WORKLOAD
            if (risk_end or 0) >= RAISE_SCORE
            else (Suggestion.RECOVERY_DAY)
        )
        moves[tired] = drop
    if has_series:
        rise = _relative_rise(week.meeting_minutes, usual.meeting_minutes)
        moves[Suggestion.SKIP_HEAVIEST_SERIES] = rise / SHARE_STEP
    fall = -_relative_rise(week.coding_minutes, usual.coding_minutes)
    moves[Suggestion.PROTECT_FOCUS_BLOCK] = fall / SHARE_STEP
    best = max(moves.items(), key=lambda item: item[1], default=None)
    if best is None or best[1] < 1:
        return Suggestion.KEEP_GOING
    return best[0]


def review_week(
    records: Sequence[CheckIn],
    week_start: dt.date,
    *,
    risk_start: int | None,
    risk_end: int | None,
    series: Sequence[MeetingSeries],
    next_week_minutes: int | None,
) -> WeekReview:
    """Review the ISO week starting ``week_start`` from the records before and in it.

    Args:
        records: Effective daily records; those after the week are ignored.
        week_start: The Monday of the week.
        risk_start: The signal on the Monday.
        risk_end: The signal on the Sunday.
        series: The week's meeting series (any order).
        next_week_minutes: Meeting time booked for the following week.
    """
    week_end = week_start + dt.timedelta(days=WEEK_DAYS - 1)
    inside = [r for r in records if week_start <= r.date <= week_end]
    week = figures(records, week_start, week_end) or WeekFigures(0, 0, 0, None)
    usual, usual_weeks = usual_figures(records, week_start)
    with_energy = [r for r in inside if r.energy is not None]
    best = max(with_energy, key=lambda r: (r.energy or 0, -r.date.toordinal()), default=None)
    hardest = min(with_energy, key=lambda r: (r.energy or 0, r.date.toordinal()), default=None)
    rest = sum(1 for r in inside if (r.work_minutes or 0) < WORKED_DAY_MINUTES)
    focus = sum(
        1
        for r in inside
        if r.longest_free_block_minutes is not None
        and r.longest_free_block_minutes >= FOCUS_BLOCK_MINUTES
    )
    top = tuple(sorted(series, key=lambda s: (-s.minutes, s.title, s.id))[:TOP_SERIES])
    return WeekReview(
        week_start=week_start,
        week_end=week_end,
        figures=week,
        usual=usual,
        usual_weeks=usual_weeks,
        risk_start=risk_start,
        risk_end=risk_end,
        top_series=top,
        best_day=None if best is None else best.date,
        hardest_day=None if hardest is None else hardest.date,
        next_week_minutes=next_week_minutes,
        focus_block_days=focus,
        rest_days=rest,
        suggestion=suggest(week, usual, risk_end, bool(top), rest),
    )
