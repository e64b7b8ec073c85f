"""Risk-series use cases: the burnout-risk signal from storage, recomputed only where needed."""

from __future__ import annotations

import datetime as dt
import threading
from functools import partial
from typing import TYPE_CHECKING

from focusapp.domain.risk import (
    HISTORY_DAYS,
    RiskAssessment,
    affected_range,
    assess_series,
    unscored_day,
)
from focusapp.services.changes import invalidate_days

if TYPE_CHECKING:
    from focusapp.services.checkins import CheckInService


#: How often a computation is retried when an edit invalidated the cache meanwhile.
_ATTEMPTS = 3
_ONE_DAY = dt.timedelta(days=1)

#: The earliest day any range reaches: older versions could store 0001-01-01, and a
#: history window before it would overflow the date type.
EARLIEST_DAY = dt.date(1900, 1, 1)


def clamp_range(first: dt.date, last: dt.date, today: dt.date) -> tuple[dt.date, dt.date]:
    """Return ``first .. last`` kept inside ``EARLIEST_DAY .. today``, never reversed.

    History ends today: a day after it has not happened, so no range of past days
    reaches it (the spec ignores future dates).
    """
    last = min(max(last, EARLIEST_DAY), today)
    first = min(max(first, EARLIEST_DAY), last)
    return first, last


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return list(map(dt.date.fromordinal, range(first.toordinal(), last.toordinal() + 1)))


def without_score(day: dt.date) -> RiskAssessment:
    """Return an unscored day that is not waiting for check-ins (a day after today)."""
    return unscored_day(day)


class RiskService:
    """The risk signal per day, cached; edits invalidate only the days they can change.

    A day's edit changes at most the following ~48 days (see
    :func:`focusapp.domain.risk.affected_range`), so after an edit only that stretch is
    recomputed. Thread-safe, so a worker thread may fill the cache for the charts.
    """

    def __init__(self, checkins: CheckInService) -> None:
        self._checkins = checkins
        self._cache: dict[dt.date, RiskAssessment] = {}
        self._lock = threading.Lock()
        # Bumped by every invalidation: a computation that started before an edit must not
        # put its (now stale) results back into the cache.
        self._generation = 0
        checkins.feed.subscribe(partial(invalidate_days, invalidate=self.invalidate))

    def invalidate(self, day: dt.date | None = None) -> None:
        """Forget assessments an edit on ``day`` can change (``None``: forget all)."""
        with self._lock:
            self._generation += 1
            if day is None:
                self._cache.clear()
                return
            first, last = affected_range(day)
            for cached in [d for d in self._cache if first <= d <= last]:
                del self._cache[cached]

    def today(self) -> RiskAssessment:
        """Return today's assessment."""
        return self.assess(self._checkins.today())

    def default_range(self) -> tuple[dt.date, dt.date] | None:
        """Return the first recorded day .. today (days after today are not history)."""
        span = self._checkins.span()
        if span is None:
            return None
        today = self._checkins.today()
        return clamp_range(span[0], today, today)

    def series(self, first: dt.date, last: dt.date) -> list[RiskAssessment]:
        """Return one assessment per day from ``first`` to ``last`` inclusive.

        Days after today get :func:`without_score` (no score), days before ``EARLIEST_DAY`` an
        unscored day too: only the days between are assessed.
        """
        if first > last:
            return []
        today = self._checkins.today()
        lo, hi = max(first, EARLIEST_DAY), min(last, today)
        if lo > hi:
            return [without_score(day) for day in _days(first, last)]
        before = [without_score(day) for day in _days(first, lo - _ONE_DAY)]
        after = [without_score(day) for day in _days(hi + _ONE_DAY, last)]
        return before + self._past_series(lo, hi) + after

    def _past_series(self, first: dt.date, last: dt.date) -> list[RiskAssessment]:
        """Assess ``first .. last`` (inside ``EARLIEST_DAY .. today``), through the cache."""
        days = _days(first, last)
        for _attempt in range(_ATTEMPTS):
            with self._lock:
                generation = self._generation
                known = {day: self._cache[day] for day in days if day in self._cache}
            missing = [day for day in days if day not in known]
            if not missing:
                return [known[day] for day in days]
            lo, hi = missing[0], missing[-1]
            records = self._checkins.days(lo - dt.timedelta(days=HISTORY_DAYS), hi)
            computed = {a.date: a for a in assess_series(records, lo, hi)}
            with self._lock:
                if generation == self._generation:  # no edit landed while computing
                    self._cache.update(computed)
                    return [self._cache[day] for day in days]
        # Edits keep arriving: answer from the last fresh read without caching it.
        records = self._checkins.days(first - dt.timedelta(days=HISTORY_DAYS), last)
        return assess_series(records, first, last)

    def assess(self, day: dt.date) -> RiskAssessment:
        """Return the assessment of one day."""
        return self.series(day, day)[0]

    @property
    def cached_days(self) -> int:
        """How many days are cached (for tests of the incremental recompute)."""
        with self._lock:
            return len(self._cache)
