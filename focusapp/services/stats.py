"""Dashboard statistics: per-day arrays for the charts, computed off the GUI thread.

Everything here is plain data (numpy arrays, dataclasses) so that a worker thread, a test or
the ``focusapp chart`` command can build it without Qt. Days are dense from ``first`` to
``last``; a value that was not logged is ``NaN`` (missing is never zero), exactly as the
burnout-risk model treats it. Dates become "epoch days" (days since 1970-01-01), which the
charts turn into x positions without any time-zone arithmetic: a check-in belongs to a
local calendar day, not to an instant.

Every per-day figure is the risk model's own (``domain.risk.DayFigures``, one derivation
of the windows, the baseline and the run of work days, ``RISK_MODEL.md`` 4.2-4.4); this
module only reshapes them into arrays:

* work = coding + meeting minutes when either is recorded (a blank part counts as 0);
* a worked day has work >= 60 min, a rest day less; a day without a record is missing;
* consecutive work days: the recovery factor's own count: the run of worked days up to the
  latest day whose work is known, so a day not checked in yet does not end it but a rest day
  does, capped at ``STREAK_CAP`` ("28 or more");
* the usual energy is the model's baseline: mean energy on worked days in the 28 days
  before the 7-day window (t-34 .. t-7), shown only where that baseline is usable (>= 10
  records, >= 5 worked days with energy). It is the "your usual" of the explanations.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Final

from focusapp.services.risk import EARLIEST_DAY, clamp_range
from focusapp.services.work_bars import work_bars

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    import numpy as np
    from numpy.typing import NDArray

    from focusapp.domain.models import CheckIn
    from focusapp.domain.risk import RiskAssessment
    from focusapp.services.checkins import CheckInService
    from focusapp.services.risk import RiskService
    from focusapp.services.work_bars import WorkBars

_EPOCH: Final = dt.date(1970, 1, 1)
#: Ranges longer than about six months show coding and meeting time per week, not per day.
WEEKLY_AFTER_DAYS: Final = 183
#: The shortest range shown, so that a first check-in does not fill the whole chart.
MIN_RANGE_DAYS: Final = 14
#: The default range of ``focusapp chart`` when no ``--from`` is given (13 weeks).
DEFAULT_RANGE_DAYS: Final = 91
#: The reference line of the hours chart: the WHO/ILO 55-hour week (risk model F3).
LONG_WEEK_HOURS: Final = 55


class ChartRange(StrEnum):
    """The ranges the dashboard offers; the value is what the window settings store."""

    TWO_WEEKS = "2w"
    THREE_MONTHS = "3m"
    ONE_YEAR = "1y"
    ALL = "all"

    @property
    def days(self) -> int | None:
        """The length of the range in days, or ``None`` for all recorded days."""
        return _RANGE_DAYS.get(self)


_RANGE_DAYS: Final = {
    ChartRange.TWO_WEEKS: 14,
    ChartRange.THREE_MONTHS: 91,
    ChartRange.ONE_YEAR: 365,
}


def epoch_day(day: dt.date) -> int:
    """Return the number of days from 1970-01-01 to ``day``."""
    return (day - _EPOCH).days


def from_epoch_day(number: int) -> dt.date:
    """Return the date ``number`` days after 1970-01-01."""
    return _EPOCH + dt.timedelta(days=int(number))


@dataclass(frozen=True, slots=True)
class DaySeries:
    """One value per calendar day from ``first`` to ``last``; ``NaN`` where nothing is known.

    Attributes:
        first: The first day shown.
        last: The last day shown.
        epoch_days: Epoch day of each day (``first`` .. ``last``, dense).
        energy: Energy 1-5 as logged.
        coding_minutes: Coding time on days with work recorded (a blank part counts as 0).
        meeting_minutes: Meeting time on days with work recorded.
        energy_mean7: Mean of the energies logged in the 7 days ending on each day.
        usual_energy: The risk model's baseline energy (see the module docstring).
        score: The burnout-risk score 0-100.
        provisional: True where the score is provisional (dashed in the chart).
        hours7: Work hours in the 7 days ending on each day (``NaN`` when no day in those 7
            had work recorded).
        streak: The recovery factor's consecutive work days on each day.
        meeting_share7: Meeting share of work time over the worked days in the 7 days ending
            on each day.
        bars: Coding and meeting time per day, or per week for long ranges.
        checkins: The effective records in the range, by date.
        assessments: The risk assessment of every day, in date order.
    """

    first: dt.date
    last: dt.date
    epoch_days: NDArray[np.int64]
    energy: NDArray[np.float64]
    coding_minutes: NDArray[np.float64]
    meeting_minutes: NDArray[np.float64]
    energy_mean7: NDArray[np.float64]
    usual_energy: NDArray[np.float64]
    score: NDArray[np.float64]
    provisional: NDArray[np.bool_]
    hours7: NDArray[np.float64]
    streak: NDArray[np.int64]
    meeting_share7: NDArray[np.float64]
    bars: WorkBars
    checkins: Mapping[dt.date, CheckIn]
    assessments: tuple[RiskAssessment, ...]

    @property
    def days(self) -> int:
        """How many days the series covers."""
        return len(self.epoch_days)

    def index_of(self, day: dt.date) -> int | None:
        """Return the position of ``day`` in the arrays, or ``None`` outside the range."""
        if not self.first <= day <= self.last:
            return None
        return (day - self.first).days

    def day_at(self, index: int) -> dt.date:
        """Return the date at position ``index``."""
        return self.first + dt.timedelta(days=index)

    def assessment(self, day: dt.date) -> RiskAssessment | None:
        """Return the risk assessment of ``day`` if it is in the range."""
        index = self.index_of(day)
        return None if index is None else self.assessments[index]

    @property
    def checkin_count(self) -> int:
        """How many days in the range have a record."""
        return len(self.checkins)


@dataclass(frozen=True, slots=True)
class TodaySummary:
    """What the dashboard header shows.

    Attributes:
        day: The user's today (after the day-start rule).
        checkin: Today's effective record, if any.
        assessment: Today's risk assessment (possibly unscored).
    """

    day: dt.date
    checkin: CheckIn | None
    assessment: RiskAssessment


@dataclass(frozen=True, slots=True)
class DashboardData:
    """Everything one refresh of the dashboard needs, computed in one go off the GUI thread.

    Attributes:
        range: The range asked for, or ``None`` for explicit dates.
        today: The header's numbers.
        series: The charts' arrays for the range.
        has_checkins: Whether any day at all has a record (False on first run).
    """

    range: ChartRange | None
    today: TodaySummary
    series: DaySeries
    has_checkins: bool


def _column(values: list[float | None]) -> NDArray[np.float64]:
    """Return ``values`` as floats, ``NaN`` where a figure is ``None`` (not logged)."""
    import numpy as np

    return np.array(values, dtype=np.float64)


def build_series(
    records: Sequence[CheckIn],
    assessments: Sequence[RiskAssessment],
    first: dt.date,
    last: dt.date,
) -> DaySeries:
    """Return the chart arrays for ``first`` .. ``last``: the risk series, reshaped.

    Every figure is the one the risk model computed for that day (its
    :class:`~focusapp.domain.risk.DayFigures`); nothing is derived again here.

    Args:
        records: Effective records by date; those from ``first`` to ``last`` are listed in
            ``checkins``, the others are ignored.
        assessments: One risk assessment per day from ``first`` to ``last``, in order; a day
            without figures (not assessed) shows nothing.
        first: The first day shown.
        last: The last day shown.

    Raises:
        ValueError: If the assessments do not match the range.
    """
    # numpy is imported here, not at module level: the CLI and the window's first paint
    # never pay for it; the dashboard's worker thread does, off the GUI thread.
    import numpy as np

    days = (last - first).days + 1
    if days < 1 or len(assessments) != days:
        raise ValueError("need one assessment per day of a non-empty range")
    figures = [a.figures for a in assessments]

    def column(name: str) -> NDArray[np.float64]:
        return _column([None if f is None else getattr(f, name) for f in figures])

    coding, meeting = column("coding_minutes"), column("meeting_minutes")
    start = epoch_day(first)
    return DaySeries(
        first=first,
        last=last,
        epoch_days=np.arange(start, start + days, dtype=np.int64),
        energy=column("energy"),
        coding_minutes=coding,
        meeting_minutes=meeting,
        energy_mean7=column("mean_energy_7"),
        usual_energy=column("usual_energy"),
        score=_column([a.score for a in assessments]),
        provisional=np.array([a.provisional for a in assessments], dtype=np.bool_),
        hours7=column("week_minutes") / 60.0,
        streak=np.array([0 if f is None else f.streak for f in figures], dtype=np.int64),
        meeting_share7=column("meeting_share_7"),
        bars=work_bars(start, coding, meeting, weekly=days > WEEKLY_AFTER_DAYS),
        checkins={r.date: r for r in records if first <= r.date <= last},
        assessments=tuple(assessments),
    )


class StatsService:
    """Builds the dashboard's data from the check-ins and the cached risk series.

    Thread-safe: the dashboard calls :meth:`dashboard` from its worker thread while edits
    happen elsewhere; the risk service's cache never keeps a series computed from records
    read before an edit (its generation check), so no second invalidation is needed here.
    """

    def __init__(self, checkins: CheckInService, risk: RiskService) -> None:
        self._checkins = checkins
        self._risk = risk

    def today(self) -> dt.date:
        """Return the user's today (no database access)."""
        return self._checkins.today()

    def resolve(self, which: ChartRange) -> tuple[dt.date, dt.date]:
        """Return the first and last day of ``which``, ending today."""
        last = self._last_day()
        days = which.days
        if days is None:
            span = self._checkins.span()
            first = last if span is None else clamp_range(span[0], last, last)[0]
            days = (last - first).days + 1
        first = last - dt.timedelta(days=max(days, MIN_RANGE_DAYS) - 1)
        return first, last

    def _last_day(self) -> dt.date:
        # Ranges end today: a day after it has not happened, so it is not history.
        return self._checkins.today()

    def dashboard(
        self,
        which: ChartRange | None = None,
        first: dt.date | None = None,
        last: dt.date | None = None,
    ) -> DashboardData:
        """Return the header numbers and chart arrays for a named range or explicit dates.

        Args:
            which: A named range ending today; takes precedence over ``first``/``last``.
            first: The first day (default: ``DEFAULT_RANGE_DAYS`` before ``last``).
            last: The last day (default: today); a later day is cut to today, since a day
                that has not happened is never drawn as history.
        """
        records: list[CheckIn] | None = None
        if which is ChartRange.ALL:
            # One read of every day gives both the first recorded day and the records.
            last = self._last_day()
            records = self._checkins.days(EARLIEST_DAY, last)
            start = records[0].date if records else last
            first = min(start, last - dt.timedelta(days=MIN_RANGE_DAYS - 1))
        elif which is not None:
            first, last = self.resolve(which)
        else:
            today = self._last_day()
            last = last or today
            first = first or last - dt.timedelta(days=DEFAULT_RANGE_DAYS - 1)
            first, last = clamp_range(first, last, today)
        if records is None:
            records = self._checkins.days(first, last)
        # The one risk computation of a refresh (through the risk service's cache): the
        # charts only reshape its figures, and today's header reads the same cache.
        series = build_series(records, self._risk.series(first, last), first, last)
        has_checkins = bool(records) or self._checkins.span() is not None
        today = self._checkins.today()
        return DashboardData(
            range=which,
            today=TodaySummary(
                day=today,
                checkin=self._checkins.get(today),
                assessment=self._risk.assess(today),
            ),
            series=series,
            has_checkins=has_checkins,
        )
