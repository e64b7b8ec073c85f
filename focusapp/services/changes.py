"""What a write changed, and the one feed every change travels through.

Every service write publishes a :class:`Changes` value (which kinds of data, which days) to
the profile's :class:`ChangeFeed` and returns it; caches (the day cache, the risk cache, the
charts' series) and the window's change hub subscribe to that feed and nothing else. A
write by another process (``focusapp log``, a restore) is published as :meth:`Changes.anything`
by whoever notices it, so it travels the same path. Modelled on Anki's ``OpChanges``.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable

logger = logging.getLogger(__name__)


class ChangeKind(StrEnum):
    """A kind of stored data a write can change."""

    CHECKINS = "check-ins"
    FOCUS = "focus sessions"
    CALENDAR = "calendar"
    CODING = "coding sources"
    PLAN = "plan"
    SETTINGS = "settings"


ALL_KINDS = frozenset(ChangeKind)


@dataclass(frozen=True, slots=True)
class Changes:
    """Which kinds of data changed on which days.

    Attributes:
        kinds: The kinds of data written.
        days: The user's days whose values may differ now; ``None`` means any day (a bulk
            import, a calendar sync, another process's write).
        external: Written by another process, noticed afterwards.
    """

    kinds: frozenset[ChangeKind] = frozenset()
    days: frozenset[dt.date] | None = frozenset()
    external: bool = False

    @classmethod
    def of(cls, kind: ChangeKind, days: Iterable[dt.date] | None = None) -> Changes:
        """Return a change of ``kind`` on ``days`` (``None``: any day)."""
        return cls(frozenset({kind}), None if days is None else frozenset(days))

    @classmethod
    def anything(cls, *, external: bool = True) -> Changes:
        """Return "any data on any day may have changed" (another process wrote)."""
        return cls(ALL_KINDS, None, external)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __or__(self, other: Changes) -> Changes:
        days = None if self.days is None or other.days is None else self.days | other.days
        return Changes(self.kinds | other.kinds, days, self.external or other.external)

    def touches(self, *kinds: ChangeKind) -> bool:
        """Tell whether any of ``kinds`` changed."""
        return not self.kinds.isdisjoint(kinds)

    def touches_day(self, day: dt.date) -> bool:
        """Tell whether ``day``'s values may have changed."""
        return bool(self.kinds) and (self.days is None or day in self.days)


NO_CHANGES = Changes()


class ChangeFeed:
    """Delivers every published :class:`Changes` to each subscriber, in the publishing thread.

    Thread-safe: the window's database worker and the GUI thread both publish. Subscribers
    must be quick and thread-safe themselves (a cache invalidation, or noting the news for
    the GUI thread). A publish comes after the commit, so a subscriber that fails is logged
    and the others still hear: the write itself stands.
    """

    def __init__(self) -> None:
        self._subscribers: list[Callable[[Changes], None]] = []
        self._lock = threading.Lock()

    def subscribe(self, subscriber: Callable[[Changes], None]) -> None:
        """Call ``subscriber(changes)`` after every later publish."""
        with self._lock:
            self._subscribers.append(subscriber)

    def publish(self, changes: Changes) -> Changes:
        """Tell every subscriber about ``changes`` (nothing for an empty one); return it."""
        if changes:
            with self._lock:
                subscribers = list(self._subscribers)
            for subscriber in subscribers:
                try:
                    subscriber(changes)
                except Exception:  # the write is committed; one listener must not undo that
                    logger.exception("a change listener failed")
        return changes


#: The kinds whose changes move a day's figures (what the history, charts and risk read).
DAY_FIGURE_KINDS = frozenset(
    {
        ChangeKind.CHECKINS,
        ChangeKind.FOCUS,
        ChangeKind.CALENDAR,
        ChangeKind.CODING,
        ChangeKind.SETTINGS,
    }
)


def invalidate_days(changes: Changes, invalidate: Callable[[dt.date | None], None]) -> None:
    """Call ``invalidate(day)`` for each day whose figures ``changes`` moved (``None``: all)."""
    if not changes.touches(*DAY_FIGURE_KINDS):
        return
    if changes.days is None:
        invalidate(None)
        return
    for day in sorted(changes.days):
        invalidate(day)
