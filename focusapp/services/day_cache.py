"""The window's read model of days: typed check-ins and derived values, read once, kept current.

The history, the check-in form, the charts, the risk signal and the tray all read the same
days. Without this cache each of them read them again after every save (six statements a
read: check-ins, focus sessions, commits, ActivityWatch time, calendar days). With it, a save
patches its own day in memory, and every other change announced on the
:class:`~focusapp.services.changes.ChangeFeed` (a focus session, a calendar sync, another
process's write, a settings change) forgets what it may have changed, so the next read goes
to the database again.

A running focus session makes its days depend on the clock (its minutes grow), so those days
are never kept: they are read afresh each time, as they were before there was a cache.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from focusapp.domain.sources import is_quiet_calendar_day, merge

if TYPE_CHECKING:
    from collections.abc import Callable

    from focusapp.domain.models import CheckIn
    from focusapp.domain.sources import DaySources, DerivedDay


@dataclass(frozen=True, slots=True)
class DaysRead:
    """What one read of the days ``first`` .. ``last`` found.

    Attributes:
        first: The first day read.
        last: The last day read.
        typed: Typed check-ins by day.
        derived: Derived values by day, calendar days without meetings included.
        live_from: The first day a running focus session adds to (its values grow with the
            clock), or ``None`` when no session runs.
    """

    first: dt.date
    last: dt.date
    typed: dict[dt.date, CheckIn]
    derived: dict[dt.date, DerivedDay]
    live_from: dt.date | None


_T = TypeVar("_T")
_ONE_DAY = dt.timedelta(days=1)


@dataclass(slots=True)
class _Kept:
    first: dt.date
    last: dt.date
    typed: dict[dt.date, CheckIn] = field(default_factory=dict)
    derived: dict[dt.date, DerivedDay] = field(default_factory=dict)


class DayCache:
    """Keeps one contiguous stretch of days; thread-safe (the window reads on a worker)."""

    def __init__(self, load: Callable[[dt.date, dt.date], DaysRead]) -> None:
        self._load = load
        self._kept: _Kept | None = None
        self._lock = threading.Lock()
        # Bumped by every change: a read that started before one must not keep its result.
        self._generation = 0

    def days(self, first: dt.date, last: dt.date) -> list[CheckIn]:
        """Return the effective records of days in ``[first, last]`` with any data, by date.

        Calendar days without meetings count only where a check-in was typed, exactly as
        :meth:`focusapp.services.checkins.CheckInService.days` without a cache.
        """
        return _effective(*self._stretch(first, last))

    def sources(self, day: dt.date) -> DaySources:
        """Return ``day``'s typed record, derived values and merged record."""
        typed, derived = self._stretch(day, day)
        return merge(day, typed.get(day), derived.get(day))

    def kept_days(self, first: dt.date, last: dt.date) -> list[CheckIn] | None:
        """Return :meth:`days` when every day asked for is kept, else ``None`` (no reading)."""
        kept = self._kept_stretch(first, last)
        return None if kept is None else _effective(*kept)

    def kept_sources(self, day: dt.date) -> DaySources | None:
        """Return :meth:`sources` when ``day`` is kept, else ``None`` (no reading)."""
        kept = self._kept_stretch(day, day)
        return None if kept is None else merge(day, kept[0].get(day), kept[1].get(day))

    def put_typed(self, day: dt.date, typed: CheckIn | None) -> None:
        """Record that ``day``'s typed check-in is now ``typed`` (``None``: deleted)."""
        with self._lock:
            self._generation += 1
            kept = self._kept
            if kept is None or not kept.first <= day <= kept.last:
                return
            if typed is None:
                kept.typed.pop(day, None)
            else:
                kept.typed[day] = typed

    def forget(self) -> None:
        """Forget every kept day: the next read goes to the database."""
        with self._lock:
            self._generation += 1
            self._kept = None

    # --- reading --------------------------------------------------------------------------

    def _kept_stretch(
        self, first: dt.date, last: dt.date
    ) -> tuple[dict[dt.date, CheckIn], dict[dt.date, DerivedDay]] | None:
        with self._lock:
            kept = self._kept
            if kept is None or not (kept.first <= first and last <= kept.last):
                return None
            return _within(kept.typed, first, last), _within(kept.derived, first, last)

    def _stretch(
        self, first: dt.date, last: dt.date
    ) -> tuple[dict[dt.date, CheckIn], dict[dt.date, DerivedDay]]:
        """Return typed and derived values of ``first`` .. ``last``; read only what is missing."""
        known = self._kept_stretch(first, last)
        if known is not None:
            return known
        with self._lock:
            kept = self._kept
            generation = self._generation
        if kept is None or last < kept.first - _ONE_DAY or first > kept.last + _ONE_DAY:
            base = _Kept(first, last)
            parts = [self._load(first, last)]
        else:
            base = _Kept(kept.first, kept.last, dict(kept.typed), dict(kept.derived))
            parts = []
            if first < kept.first:
                parts.append(self._load(first, kept.first - _ONE_DAY))
            if last > kept.last:
                parts.append(self._load(kept.last + _ONE_DAY, last))
        for part in parts:
            base.first, base.last = min(base.first, part.first), max(base.last, part.last)
            base.typed.update(part.typed)
            base.derived.update(part.derived)
        result = _within(base.typed, first, last), _within(base.derived, first, last)
        live = [part.live_from for part in parts if part.live_from is not None]
        if live:  # the running session's days stay live: keep only the days before them
            base.last = min(base.last, min(live) - _ONE_DAY)
            base.typed = _within(base.typed, base.first, base.last)
            base.derived = _within(base.derived, base.first, base.last)
        with self._lock:
            if self._generation == generation and base.first <= base.last:
                self._kept = base
        return result


def _effective(typed: dict[dt.date, CheckIn], derived: dict[dt.date, DerivedDay]) -> list[CheckIn]:
    """Merge by day; a calendar's quiet day counts only where a check-in was typed."""
    return [
        merge(day, typed.get(day), derived.get(day)).effective
        for day in sorted(set(typed) | set(derived))
        if day in typed or not is_quiet_calendar_day(derived[day])
    ]


def _within(values: dict[dt.date, _T], first: dt.date, last: dt.date) -> dict[dt.date, _T]:
    return {day: value for day, value in values.items() if first <= day <= last}
