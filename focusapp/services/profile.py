"""What the services of one profile share: its database, clock, zone, day rule and feed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from focusapp.domain.days import local_day
from focusapp.services.changes import ChangeFeed

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable
    from zoneinfo import ZoneInfo

    from focusapp.domain.clock import Clock
    from focusapp.storage.db import Sessions


@dataclass(frozen=True, slots=True)
class Profile:
    """One profile's database and rules, handed to each service that reads or writes days.

    Attributes:
        sessions: The database's session factory (each service method opens its own).
        clock: Where "now" comes from.
        zone: The user's IANA time zone.
        day_start_hour: The hour the user's day begins, read at each use (the setting may
            change while the window runs).
        feed: Where every write is announced (see :mod:`focusapp.services.changes`).
    """

    sessions: Sessions
    clock: Clock
    zone: ZoneInfo
    day_start_hour: Callable[[], int]
    feed: ChangeFeed = field(default_factory=ChangeFeed)


class ProfileService:
    """The base of the services over a :class:`Profile`: its parts and the user's today.

    Attributes:
        clock: Where "now" comes from.
        zone: The user's IANA time zone.
        feed: Where every write is announced.
    """

    def __init__(self, profile: Profile) -> None:
        self._sessions = profile.sessions
        self._day_start_hour = profile.day_start_hour
        self.clock = profile.clock
        self.zone = profile.zone
        self.feed = profile.feed

    @property
    def day_start_hour(self) -> int:
        """The hour at which the user's day begins."""
        return self._day_start_hour()

    def today(self) -> dt.date:
        """Return the user's current day under the day-start rule."""
        return local_day(self.clock.now(), self.zone, self._day_start_hour())
