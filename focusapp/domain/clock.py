"""Where "now" comes from, so that every rule can be tested with a fake clock."""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    """Something that tells the current instant."""

    def now(self) -> dt.datetime:
        """Return the current instant as an aware datetime."""
        ...


class SystemClock:
    """The real wall clock, in UTC."""

    def now(self) -> dt.datetime:
        """Return the current instant in UTC."""
        return dt.datetime.now(dt.UTC)


class FixedClock:
    """A clock that stands still until moved; for tests and offline rendering.

    Attributes:
        current: The instant ``now()`` returns.
    """

    def __init__(self, current: dt.datetime) -> None:
        if current.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self.current = current

    def now(self) -> dt.datetime:
        """Return the stored instant."""
        return self.current

    def advance(self, delta: dt.timedelta) -> None:
        """Move the clock by ``delta`` (negative for a jump back)."""
        self.current = self.current + delta
