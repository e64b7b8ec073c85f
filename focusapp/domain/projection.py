"""The projected signal and the booked week against the usual one: forecasts, never history.

A projection feeds the risk model synthetic records for days ahead (energy and coding as in
the user's recent weeks, meetings as booked) and returns the result with the assumptions it
rests on, so the wording can state them. The synthetic records are never returned as
records: callers cannot mix them into the history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from statistics import fmean
from typing import TYPE_CHECKING, Final

from focusapp.domain.forecast import WEEK_DAYS
from focusapp.domain.models import CheckIn
from focusapp.domain.risk import Level, assess_series

if TYPE_CHECKING:
    from collections.abc import Sequence

    from focusapp.domain.forecast import ForecastDay

#: How far back "the user's recent weeks" reach for the projection's assumptions.
RECENT_DAYS: Final = 28
PROJECTED_DAYS: Final = 7
#: How many earlier weeks "the usual week" averages over (weeks with data only).
USUAL_WEEKS: Final = 8


@dataclass(frozen=True, slots=True)
class Projection:
    """The signal the booked days would lead to, if energy and coding stayed as usual.

    Attributes:
        day: The last projected day; ``score`` is its signal.
        days: How many booked days were projected.
        score: The projected 0-100 signal, ``None`` when too little is known.
        level: The band of ``score``.
        energy: The assumed energy (mean of the recent weeks' check-ins).
        coding_minutes: The assumed coding time per logged day in the recent weeks.
        recent_days: How many check-ins with energy in the recent weeks the assumptions rest on.
    """

    day: dt.date
    days: int
    score: int | None
    level: Level | None
    energy: float
    coding_minutes: int
    recent_days: int


@dataclass(frozen=True, slots=True)
class WeekSummary:
    """The first booked week against the user's usual logged week.

    Attributes:
        first: The week's first day.
        last: Its last day.
        meeting_minutes: Booked meeting time.
        meeting_count: Booked meetings.
        focus_block_days: Days with a 2-hour focus block left.
        usual_meeting_minutes: Mean logged meeting time of the recent weeks with data,
            ``None`` without any.
        usual_weeks: How many weeks that mean covers.
    """

    first: dt.date
    last: dt.date
    meeting_minutes: int
    meeting_count: int
    focus_block_days: int
    usual_meeting_minutes: int | None
    usual_weeks: int


def _recent(history: Sequence[CheckIn], today: dt.date, days: int) -> list[CheckIn]:
    since = today - dt.timedelta(days=days - 1)
    return [r for r in history if since <= r.date <= today]


def project(
    history: Sequence[CheckIn], booked: Sequence[ForecastDay], today: dt.date
) -> Projection | None:
    """Project the signal over the first 7 booked days after ``today``.

    Each projected day gets a synthetic record: the energy and coding time the user logged
    on the same weekday in the last 28 days (all days when that weekday has none), and the
    booked meeting numbers. A weekday the user does not log and that has no meetings stays
    unlogged. Only records dated on or before ``today`` are read from ``history``.

    Returns:
        ``None`` when the recent weeks hold no energy to assume, or nothing is booked ahead.
    """
    past = [r for r in history if r.date <= today]
    recent = _recent(past, today, RECENT_DAYS)
    energies = [r.energy for r in recent if r.energy is not None]
    ahead = [d for d in booked if d.date > today][:PROJECTED_DAYS]
    if not energies or not ahead:
        return None
    coding = [r.coding_minutes or 0 for r in recent]
    usual_energy, usual_coding = fmean(energies), round(fmean(coding))
    weekdays = {r.date.weekday() for r in recent}
    synthetic: list[CheckIn] = []
    for day in ahead:
        same = [r for r in recent if r.date.weekday() == day.date.weekday()]
        if day.date.weekday() not in weekdays and day.meeting_minutes == 0:
            continue
        day_energy = [r.energy for r in same if r.energy is not None] or energies
        synthetic.append(
            CheckIn(
                date=day.date,
                energy=round(fmean(day_energy)),
                coding_minutes=round(fmean([r.coding_minutes or 0 for r in same]))
                if same
                else usual_coding,
                meeting_minutes=day.meeting_minutes,
                meeting_count=day.meeting_count,
                back_to_back_count=day.back_to_back_count,
                longest_free_block_minutes=day.longest_free_block_minutes,
            )
        )
    end = ahead[-1].date
    assessment = assess_series([*past, *synthetic], end, end)[0]
    return Projection(
        day=end,
        days=len(ahead),
        score=assessment.score,
        level=assessment.level,
        energy=round(usual_energy, 1),
        coding_minutes=usual_coding,
        recent_days=len(energies),
    )


def usual_week_minutes(history: Sequence[CheckIn], today: dt.date) -> tuple[int | None, int]:
    """Return the mean logged meeting time of recent weeks with data, and their number.

    Weeks are the 8 seven-day stretches ending today; a week without logged meeting time
    is left out rather than counted as a week without meetings.
    """
    totals: list[int] = []
    for week in range(USUAL_WEEKS):
        last = today - dt.timedelta(days=WEEK_DAYS * week)
        first = last - dt.timedelta(days=WEEK_DAYS - 1)
        logged = [r.meeting_minutes for r in history if first <= r.date <= last]
        minutes = [m for m in logged if m is not None]
        if minutes:
            totals.append(sum(minutes))
    if not totals:
        return None, 0
    return round(fmean(totals)), len(totals)


def week_summary(
    booked: Sequence[ForecastDay], history: Sequence[CheckIn], today: dt.date
) -> WeekSummary | None:
    """Return the first 7 booked days against the usual week; ``None`` without booked days."""
    week = list(booked[:WEEK_DAYS])
    if not week:
        return None
    usual, weeks = usual_week_minutes(history, today)
    return WeekSummary(
        first=week[0].date,
        last=week[-1].date,
        meeting_minutes=sum(d.meeting_minutes for d in week),
        meeting_count=sum(d.meeting_count for d in week),
        focus_block_days=sum(d.has_focus_block for d in week),
        usual_meeting_minutes=usual,
        usual_weeks=weeks,
    )
