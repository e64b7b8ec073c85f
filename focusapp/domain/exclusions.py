"""Events the user took out of the count in the audit, and events that overlap one another.

A calendar is sometimes wrong about the user's day: a meeting they attend only in name, a
series they never go to. The audit lets them exclude one occurrence (UID and RECURRENCE-ID)
or a whole series (UID). Exclusions are kept apart from the events read from files and laid
over them whenever day numbers are worked out, so re-importing a file never brings an
excluded event back, and "Count it again" simply removes the exclusion.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from focusapp.domain.calendar import CalendarEvent, Exclusion

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Collection, Iterable, Sequence


@dataclass(frozen=True, slots=True, order=True)
class UserExclusion:
    """One event or series the user excluded from counting.

    Attributes:
        uid: The event's UID.
        recurrence_id: Which occurrence (``None`` for a one-off event); ignored for a series.
        series: Every occurrence of the UID, now and in later imports.
    """

    uid: str
    recurrence_id: str | None = None
    series: bool = False

    def __post_init__(self) -> None:
        """Give a series no occurrence, so one series has exactly one form."""
        if self.series and self.recurrence_id is not None:
            object.__setattr__(self, "recurrence_id", None)

    def covers(self, event: CalendarEvent) -> bool:
        """Return whether this exclusion takes ``event`` out of the count."""
        if event.uid != self.uid:
            return False
        return self.series or event.recurrence_id == self.recurrence_id


def exclusion_for(event: CalendarEvent, *, series: bool) -> UserExclusion:
    """Return the exclusion of ``event`` alone, or of its whole series."""
    return UserExclusion(event.uid, None if series else event.recurrence_id, series)


def excluded_by(
    event: CalendarEvent, exclusions: Collection[UserExclusion]
) -> UserExclusion | None:
    """Return the exclusion that covers ``event`` (a single one before its series), or None."""
    single = UserExclusion(event.uid, event.recurrence_id)
    if single in exclusions:
        return single
    series = UserExclusion(event.uid, series=True)
    return series if series in exclusions else None


def apply_exclusions(
    events: Iterable[CalendarEvent], exclusions: Collection[UserExclusion]
) -> list[CalendarEvent]:
    """Return the events with every counted one the user excluded marked ``by_you``.

    Events already left out keep their reason: declined, cancelled and the rest say more
    about the event than the user's choice does, and they do not count either way.
    """
    if not exclusions:
        return list(events)
    return [
        replace(event, counted=False, reason=Exclusion.BY_YOU)
        if event.counted and excluded_by(event, exclusions) is not None
        else event
        for event in events
    ]


@dataclass(frozen=True, slots=True)
class Overlap:
    """Time that one counted event shares with another.

    Attributes:
        start: Where the shared time begins (aware).
        end: Where it ends (aware, after ``start``).
        other: The other event.
    """

    start: dt.datetime
    end: dt.datetime
    other: CalendarEvent


def overlaps(events: Sequence[CalendarEvent]) -> list[list[Overlap]]:
    """Return, for each event, the counted events it shares time with (by start).

    Only counted, timed events take part (an all-day or left-out event makes no meeting
    time); the shared time is counted once in the day's numbers, which the audit says.
    """
    found: list[list[Overlap]] = [[] for _ in events]
    live = [i for i, e in enumerate(events) if e.counted and not e.all_day and e.end > e.start]
    for position, i in enumerate(live):
        for j in live[position + 1 :]:
            a, b = events[i], events[j]
            start, end = max(a.start, b.start), min(a.end, b.end)
            if start < end:
                found[i].append(Overlap(start, end, b))
                found[j].append(Overlap(start, end, a))
    for items in found:
        items.sort(key=lambda o: (o.start, o.end, o.other.uid))
    return found
