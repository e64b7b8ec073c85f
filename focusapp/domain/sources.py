"""Where a day's numbers come from: what the user typed wins over what was derived.

Coding time can come from focus sessions and meeting figures from the calendar; a value the
user typed for the day always wins, and clearing it switches back to the derived value.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Final

from focusapp.domain.models import CheckIn

if TYPE_CHECKING:
    import datetime as dt

#: Fields a calendar import can supply.
CALENDAR_FIELDS: Final = (
    "meeting_minutes",
    "meeting_count",
    "back_to_back_count",
    "longest_free_block_minutes",
)


class Source(StrEnum):
    """Where an effective value came from."""

    TYPED = "typed"
    SESSIONS = "sessions"
    CALENDAR = "calendar"


@dataclass(frozen=True, slots=True)
class DerivedDay:
    """Values FocusApp worked out for a day rather than the user typing them.

    Attributes:
        date: The user's day.
        coding_minutes: Sum of focus sessions booked onto the day.
        meeting_minutes: Union of counted calendar meetings.
        meeting_count: Counted calendar meetings.
        back_to_back_count: Meetings starting <= 5 minutes after the previous one ended.
        longest_free_block_minutes: Longest free block inside working hours.
    """

    date: dt.date
    coding_minutes: int | None = None
    meeting_minutes: int | None = None
    meeting_count: int | None = None
    back_to_back_count: int | None = None
    longest_free_block_minutes: int | None = None

    def has_calendar(self) -> bool:
        """Tell whether any calendar-derived value is present."""
        return any(getattr(self, name) is not None for name in CALENDAR_FIELDS)


@dataclass(frozen=True, slots=True)
class DaySources:
    """A day's typed record, its derived values and the merged result.

    Attributes:
        typed: What the user typed or imported (``None`` when nothing).
        derived: What was worked out from sessions and the calendar.
        effective: The merged record every reader (charts, risk, export) uses.
    """

    typed: CheckIn | None
    derived: DerivedDay | None
    effective: CheckIn

    @property
    def coding_source(self) -> Source | None:
        """Where the effective coding time came from."""
        if self.typed is not None and self.typed.coding_minutes is not None:
            return Source.TYPED
        if self.derived is not None and self.derived.coding_minutes is not None:
            return Source.SESSIONS
        return None

    @property
    def meeting_source(self) -> Source | None:
        """Where the effective meeting time came from."""
        if self.typed is not None and self.typed.meeting_minutes is not None:
            return Source.TYPED
        if self.derived is not None and self.derived.meeting_minutes is not None:
            return Source.CALENDAR
        return None


def merge(day: dt.date, typed: CheckIn | None, derived: DerivedDay | None) -> DaySources:
    """Return the day's sources with the effective record: typed values win field by field."""
    base = typed if typed is not None else CheckIn(date=day)
    if derived is None:
        return DaySources(typed, None, base)
    fill: dict[str, object] = {}
    for name in ("coding_minutes", *CALENDAR_FIELDS):
        if getattr(base, name) is None and getattr(derived, name) is not None:
            fill[name] = getattr(derived, name)
    return DaySources(typed, derived, base.merged(fill) if fill else base)


def merge_all(typed: dict[dt.date, CheckIn], derived: dict[dt.date, DerivedDay]) -> list[CheckIn]:
    """Return effective records for every day that has typed or derived data, by date."""
    days = sorted(set(typed) | set(derived))
    return [merge(day, typed.get(day), derived.get(day)).effective for day in days]
