"""The day audit: a day's meeting numbers and every event that explains them, in words.

The command line (``focusapp calendar audit``) and the window's day view both show which
events counted towards a day and why each other one was left out; the reasons are worded
here once so the two never disagree.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from focusapp.domain.calendar import (
    CalendarDay,
    CalendarEvent,
    CalendarRules,
    Exclusion,
    events_on,
    summarise_days,
)
from focusapp.domain.days import day_bounds
from focusapp.domain.exclusions import UserExclusion, apply_exclusions
from focusapp.services.calendar.store import EVENT_PAD, resolve_copies
from focusapp.storage.calendar_repository import CalendarRepository
from focusapp.storage.errors import storage_errors
from focusapp.storage.exclusions_repository import ExclusionRepository

if TYPE_CHECKING:
    import datetime as dt
    from zoneinfo import ZoneInfo

    from focusapp.storage.db import Sessions

_REASON_TEXT: Final = {
    Exclusion.DECLINED: "declined",
    Exclusion.CANCELLED: "cancelled",
    Exclusion.FREE: "free (not busy)",
    Exclusion.ALL_DAY: "all-day",
    Exclusion.NOT_MEETING: "not a meeting",
    Exclusion.DUPLICATE: "duplicate",
    Exclusion.OUTSIDE_RANGE: "outside the range",
    Exclusion.NO_ATTENDEES: "no other attendees",
    Exclusion.UNREADABLE: "unreadable",
    Exclusion.BY_YOU: "excluded by you",
}
_REASON_DETAIL: Final = {
    Exclusion.DECLINED: "You declined it (your address has PARTSTAT=DECLINED).",
    Exclusion.CANCELLED: "It is cancelled (STATUS:CANCELLED or a cancellation).",
    Exclusion.FREE: "It does not block time (free, transparent or zero length).",
    Exclusion.ALL_DAY: "All-day events (holidays, leave) are not meetings.",
    Exclusion.NOT_MEETING: "Its title matches calendar.not_meeting_patterns.",
    Exclusion.DUPLICATE: "Another copy of it (same UID) is counted instead.",
    Exclusion.OUTSIDE_RANGE: "No occurrence falls inside the imported range.",
    Exclusion.NO_ATTENDEES: "No one else is invited (calendar.only_with_attendees).",
    Exclusion.UNREADABLE: "It could not be read.",
    Exclusion.BY_YOU: "You excluded it in the day audit; Count it again undoes that.",
}


@dataclass(frozen=True, slots=True)
class DayAudit:
    """One day as the calendars see it: the numbers and every event that explains them.

    Attributes:
        date: The local day.
        summary: The day's stored numbers; ``None`` when no imported range covers the day.
        events: Events touching the day, counted or left out with the reason, by start;
            ``source`` is the file's path.
        titles_kept: Whether titles are kept (``calendar.keep_titles``); when not, every
            event's summary is empty, also one stored before the setting changed.
        exclusions: The user's exclusions covering these events (for "Count it again").
    """

    date: dt.date
    summary: CalendarDay | None
    events: tuple[CalendarEvent, ...]
    titles_kept: bool = True
    exclusions: frozenset[UserExclusion] = frozenset()

    @property
    def counted(self) -> list[CalendarEvent]:
        """Return the events that make up the day's numbers."""
        return [e for e in self.events if e.counted]

    @property
    def left_out(self) -> list[CalendarEvent]:
        """Return the events that do not count, each with its reason."""
        return [e for e in self.events if not e.counted]


def describe_reason(reason: Exclusion | None) -> str:
    """Return a short phrase for why an event is left out ("counted" when it is not)."""
    return "counted" if reason is None else _REASON_TEXT[reason]


def explain_reason(reason: Exclusion | None) -> str:
    """Return a sentence on what a reason means, for tooltips and help."""
    if reason is None:
        return "It counts towards the day's meeting time."
    return _REASON_DETAIL[reason]


def event_time_text(event: CalendarEvent, day: dt.date, zone: ZoneInfo) -> str:
    """Return an event's local time as listed for ``day`` ("09:00-10:00", "all day").

    Times on another date than ``day`` carry the weekday, so an event from the evening
    before (or running past midnight) reads unambiguously.
    """
    if event.all_day:
        return "all day"
    start, end = event.start.astimezone(zone), event.end.astimezone(zone)
    begin = f"{start:%H:%M}" if start.date() == day else f"{start:%a %H:%M}"
    if event.start == event.end:
        return begin
    finish = f"{end:%H:%M}" if end.date() in (day, start.date()) else f"{end:%a %H:%M}"
    return f"{begin}-{finish}"


def audit_day(sessions: Sessions, rules: CalendarRules, day: dt.date) -> DayAudit:
    """Return ``day``'s numbers and every event touching it, counted or left out.

    Read in one session, so the events, the user's exclusions and the stored numbers are
    one consistent picture even while an import runs on another thread.
    """
    start, end = day_bounds(day, rules.zone, rules.day_start_hour)
    with storage_errors(), sessions() as session:
        repo = CalendarRepository(session)
        pairs = repo.events_between(start - EVENT_PAD, end + EVENT_PAD)
        mine = ExclusionRepository(session).all()
        events = apply_exclusions(resolve_copies(repo, pairs), mine)
        summary = repo.days_between(day, day).get(day)
        covered = any(a <= day <= b for a, b in repo.coverage())
    touching = events_on(events, day, rules)
    mine = frozenset(x for x in mine if any(x.covers(e) for e in touching))
    if summary is None and covered:
        # Not summarised yet under these settings (a sync is due): work it out now.
        summary = summarise_days(touching, rules, day, day)[day]
    if not rules.keep_titles:
        # Rows stored before the setting changed keep titles until the next sync.
        touching = [dataclasses.replace(e, summary="") for e in touching]
    return DayAudit(day, summary if covered else None, tuple(touching), rules.keep_titles, mine)
