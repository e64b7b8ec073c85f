"""The always-on tray's reads of days, with no SQLAlchemy: the same answers, far less memory.

Mirrors the read side of :class:`focusapp.services.checkins.CheckInService` (``today``,
``sources``, ``days``) and the running focus session, over
:class:`focusapp.storage.snapshot.SnapshotReader`. Both use
:func:`focusapp.domain.sources.derive_days`, so a day reads the same in the tray as in the
window; ``tests/unit/services/test_light_days.py`` compares them on the same database.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from focusapp.domain.checked_in import is_checked_in
from focusapp.domain.days import local_day
from focusapp.domain.risk import HISTORY_DAYS, assess_series
from focusapp.domain.sources import (
    COMMIT_PAD,
    DayRules,
    DaySources,
    DerivedDay,
    derive_days,
    focus_window,
    merge,
    merge_all,
)
from focusapp.domain.today import TodayFacts
from focusapp.storage.snapshot import SnapshotReader

if TYPE_CHECKING:
    from collections.abc import Callable, Collection
    from pathlib import Path
    from zoneinfo import ZoneInfo

    from focusapp.domain.clock import Clock
    from focusapp.domain.focus import FocusSession
    from focusapp.domain.models import CheckIn


class LightDays:
    """Reads the user's days from the database file for the tray.

    Attributes:
        zone: The user's IANA time zone.
        clock: Where "now" comes from.
    """

    def __init__(
        self, db_path: Path, clock: Clock, zone: ZoneInfo, day_start_hour: Callable[[], int]
    ) -> None:
        self._reader = SnapshotReader(db_path)
        self.clock = clock
        self.zone = zone
        self._day_start_hour = day_start_hour

    def today(self) -> dt.date:
        """Return the user's current day under the day-start rule."""
        return local_day(self.clock.now(), self.zone, self._day_start_hour())

    def sources(self, day: dt.date) -> DaySources:
        """Return what was typed for ``day``, what was derived, and the merged record."""
        typed = self._reader.checkins_between(day, day)
        derived = self._derived(day, day, keep={day}).get(day)
        return merge(day, typed[0] if typed else None, derived)

    def days(self, first: dt.date, last: dt.date) -> list[CheckIn]:
        """Return effective records of days in ``[first, last]`` with any data, by date."""
        typed = {c.date: c for c in self._reader.checkins_between(first, last)}
        return merge_all(typed, self._derived(first, last, keep=typed.keys()))

    def running_focus_session(self) -> FocusSession | None:
        """Return the running focus session, if any."""
        return self._reader.running_focus_session()

    def read_today(self) -> TodayFacts:
        """Read :class:`TodayFacts` as :func:`focusapp.services.today.read_today` does."""
        day = self.today()
        sources = self.sources(day)
        record = None if sources.typed is None and sources.derived is None else sources.effective
        history = self.days(day - dt.timedelta(days=HISTORY_DAYS), day)
        return TodayFacts(
            day=day,
            checked_in=is_checked_in(sources.typed),
            day_record=record,
            running=self.running_focus_session(),
            assessment=assess_series(history, day, day)[0],
        )

    def _derived(
        self, first: dt.date, last: dt.date, keep: Collection[dt.date]
    ) -> dict[dt.date, DerivedDay]:
        rules = DayRules(self.zone, self._day_start_hour())
        now = self.clock.now()
        lo, hi = focus_window(first, last, rules, now)
        sessions = self._reader.focus_sessions_overlapping(lo, hi)
        calendar = self._reader.calendar_days_between(first, last)
        commits = self._reader.commits_between(lo - COMMIT_PAD, hi + COMMIT_PAD)
        activity = self._reader.activity_between(lo, hi)
        span = (first, last)
        return derive_days(sessions, calendar, rules, now, span, keep, commits, activity)
