"""Calendar events as the app sees them, the rules that decide which count, and per-day totals.

Reading a file (``focusapp.formats.ics``) turns every occurrence into a :class:`CalendarEvent`
that is either counted or carries the :class:`Exclusion` that left it out; nothing is dropped
silently, so any day's numbers can be explained by listing that day's events.

Which reason an event gets when several apply is fixed, in this order: ``unreadable`` and
``duplicate`` (decided while reading, before expansion), ``outside_range``, ``cancelled``,
``all_day``, ``free``, ``declined``, ``not_meeting``, ``no_attendees``. The first that
applies wins, so a cancelled all-day event is reported as cancelled. ``by_you`` (the user
excluded the event in the audit) is laid over counted events after reading, see
:mod:`focusapp.domain.exclusions`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import TYPE_CHECKING, Final

from focusapp.domain.days import DEFAULT_DAY_START_HOUR, local_day
from focusapp.domain.intervals import (
    Interval,
    back_to_back_count,
    double_booked_duration,
    longest_free_block,
    outside_duration,
    split_by_day,
    to_minutes,
    total_duration,
    work_window,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from zoneinfo import ZoneInfo

DEFAULT_WORK_HOURS: Final = (dt.time(9, 0), dt.time(17, 0))
DEFAULT_NOT_MEETING_PATTERNS: Final = (
    "focus",
    "focus time",
    "blocked",
    "lunch",
    "ooo",
    "out of office",
)
_MAILTO: Final = "mailto:"
_ONE_DAY: Final = dt.timedelta(days=1)
_TICK: Final = dt.timedelta(microseconds=1)


class Exclusion(StrEnum):
    """Why an event does not count towards meeting time; the values are stable identifiers."""

    DECLINED = "declined"
    CANCELLED = "cancelled"
    FREE = "free"
    ALL_DAY = "all_day"
    NOT_MEETING = "not_meeting"
    DUPLICATE = "duplicate"
    OUTSIDE_RANGE = "outside_range"
    NO_ATTENDEES = "no_attendees"
    UNREADABLE = "unreadable"
    BY_YOU = "by_you"


def normalize_address(address: str) -> str:
    """Return an e-mail address in the form used for matching.

    ATTENDEE values are URIs (``mailto:Ana@Example.org``) while people type plain
    addresses, and mail systems treat addresses case-insensitively, so both sides are
    compared without the ``mailto:`` prefix, trimmed and lower-cased.
    """
    cleaned = address.strip()
    if cleaned[: len(_MAILTO)].lower() == _MAILTO:
        cleaned = cleaned[len(_MAILTO) :]
    return cleaned.strip().lower()


@functools.lru_cache(maxsize=64)
def _pattern_regex(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """Compile the not-a-meeting patterns into one case-insensitive regular expression."""
    alternatives: list[str] = []
    for pattern in patterns:
        words = re.findall(r"[^\W_]+", pattern)
        if words:
            alternatives.append(r"[\W_]+".join(re.escape(word) for word in words))
    if not alternatives:
        return None
    # Longest first so that "focus time" is preferred over "focus" (only matters for clarity).
    alternatives.sort(key=len, reverse=True)
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + r")(?![^\W_])", re.IGNORECASE)


def matches_not_meeting(summary: str, patterns: Sequence[str]) -> bool:
    """Return whether ``summary`` names a block of time that is not a meeting.

    A pattern matches as whole words, case-insensitively, anywhere in the summary: "focus"
    matches "Focus", "Deep focus" and "[FOCUS] writing" but not "Refocus roadmap" or
    "Focused review". A pattern of several words matches them in order with any run of
    spaces or punctuation between them, so "out of office" also matches "Out-of-office".
    Punctuation inside a pattern only separates words. Empty patterns match nothing.
    Whole words rather than substrings keep "ooo" from matching "Zoooom sync".
    """
    regex = _pattern_regex(tuple(patterns))
    return regex is not None and regex.search(summary) is not None


@dataclass(frozen=True, slots=True, kw_only=True)
class CalendarRules:
    """The settings that decide which events are meetings and how days are measured.

    Attributes:
        zone: The user's IANA zone; days, working hours and floating times use it.
        my_addresses: The user's e-mail addresses, used to recognise their declines;
            stored normalised (see :func:`normalize_address`).
        work_hours: Start and end of the working day as local wall times.
        not_meeting_patterns: Summaries matching any of these are not meetings
            (see :func:`matches_not_meeting`).
        only_with_attendees: Count only events that list at least one attendee other than
            the user (an event with only the user on it is a personal block).
        day_start_hour: The local hour at which a new day starts.
        keep_titles: Whether event titles are kept after reading. When off, a title is
            still matched against ``not_meeting_patterns`` while the file is read, then
            dropped: stored events, skip reports and warnings carry none.
    """

    zone: ZoneInfo
    my_addresses: frozenset[str] = frozenset()
    work_hours: tuple[dt.time, dt.time] = DEFAULT_WORK_HOURS
    not_meeting_patterns: tuple[str, ...] = DEFAULT_NOT_MEETING_PATTERNS
    only_with_attendees: bool = False
    day_start_hour: int = DEFAULT_DAY_START_HOUR
    keep_titles: bool = True

    def __post_init__(self) -> None:
        """Normalise the addresses and reject settings that make days undefined.

        Raises:
            ValueError: If ``day_start_hour`` is not 0-23 or the work hours are equal.
        """
        if not 0 <= self.day_start_hour <= 23:
            raise ValueError(f"day_start_hour must be 0-23, not {self.day_start_hour}")
        if self.work_hours[0] == self.work_hours[1]:
            raise ValueError("work hours must start and end at different times")
        addresses = frozenset(
            normalize_address(a) for a in self.my_addresses if normalize_address(a)
        )
        object.__setattr__(self, "my_addresses", addresses)
        object.__setattr__(self, "not_meeting_patterns", tuple(self.not_meeting_patterns))


@dataclass(frozen=True, slots=True, kw_only=True)
class CalendarEvent:
    """One occurrence of a calendar event, counted or left out with a reason.

    Attributes:
        uid: The event's UID; a file without one gets a stable ``no-uid-`` identifier.
        recurrence_id: Which occurrence of a repeating event this is (iCalendar form, UTC
            ``...Z`` when the time has a zone); ``None`` for a one-off event.
        summary: The title as written in the file; empty when it has none or titles are
            not kept (``CalendarRules.keep_titles``).
        start: Aware UTC start. For an all-day event, local midnight of its first date.
        end: Aware UTC end, never before ``start``; equal to it for a zero-length event.
        sequence: The iCalendar SEQUENCE (revision number), 0 when absent.
        counted: Whether the event adds to the day's meeting numbers.
        reason: Why it is not counted; ``None`` exactly when ``counted``.
        all_day: Whether the event is given as dates rather than times.
        source: Where it came from (such as the file name), for the audit.
    """

    uid: str
    recurrence_id: str | None
    summary: str
    start: dt.datetime
    end: dt.datetime
    sequence: int = 0
    counted: bool
    reason: Exclusion | None
    all_day: bool = False
    source: str = field(default="")

    def __post_init__(self) -> None:
        """Check the invariants the summaries rely on.

        Raises:
            ValueError: If a time is naive, the event ends before it starts, or ``counted``
                and ``reason`` disagree.
        """
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError("event times must be timezone-aware")
        if self.end < self.start:
            raise ValueError("an event cannot end before it starts")
        if self.counted != (self.reason is None):
            raise ValueError("an event is counted exactly when it has no exclusion reason")

    @property
    def duration(self) -> dt.timedelta:
        """Return the event's length."""
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class CalendarDay:
    """Calendar-derived numbers for one local day (all durations in whole minutes).

    Attributes:
        date: The local day (after the day-start rule).
        meeting_minutes: Length of the union of the day's meetings.
        meeting_count: Meetings overlapping the day (one crossing midnight counts on both).
        back_to_back_count: Transitions with a pause of 0-5 minutes between meeting blocks.
        longest_free_block_minutes: Longest stretch without meetings inside working hours.
        after_hours_minutes: Meeting time on this day outside working hours.
        double_booked_minutes: Time covered by two or more meetings at once.
    """

    date: dt.date
    meeting_minutes: int = 0
    meeting_count: int = 0
    back_to_back_count: int = 0
    longest_free_block_minutes: int = 0
    after_hours_minutes: int = 0
    double_booked_minutes: int = 0


#: A :class:`CalendarDay`'s numbers (every field but the date), in field order; the
#: ``calendar_days`` table has a column of each name.
DAY_NUMBER_FIELDS: Final = tuple(f.name for f in fields(CalendarDay) if f.name != "date")


def classify(
    *,
    all_day: bool,
    cancelled: bool,
    free: bool,
    attendees: Sequence[tuple[str, str]],
    summary: str,
    rules: CalendarRules,
) -> Exclusion | None:
    """Return why an in-range, readable, non-duplicate occurrence does not count, or ``None``.

    Args:
        all_day: The event is given as dates, not times.
        cancelled: STATUS is CANCELLED (or the whole file is a cancellation).
        free: The event does not make the user busy (transparent, free, or zero length).
        attendees: ``(address, PARTSTAT)`` pairs; addresses in any form, PARTSTAT any case.
        summary: The event's title.
        rules: The user's settings.
    """
    if cancelled:
        return Exclusion.CANCELLED
    if all_day:
        return Exclusion.ALL_DAY
    if free:
        return Exclusion.FREE
    mine = rules.my_addresses
    others = False
    for address, partstat in attendees:
        normalized = normalize_address(address)
        if normalized in mine:
            if partstat.upper() == "DECLINED":
                return Exclusion.DECLINED
        else:
            others = True
    if matches_not_meeting(summary, rules.not_meeting_patterns):
        return Exclusion.NOT_MEETING
    if rules.only_with_attendees and not others:
        return Exclusion.NO_ATTENDEES
    return None


def span_days(
    start: dt.datetime,
    end: dt.datetime,
    *,
    all_day: bool,
    zone: ZoneInfo,
    day_start_hour: int = DEFAULT_DAY_START_HOUR,
) -> tuple[dt.date, dt.date]:
    """Return the first and last local day that the span ``[start, end)`` touches.

    Timed spans follow the day-start rule: one ending exactly at a day boundary does not
    touch the next day, and a zero-length one touches the day of its instant. All-day
    spans cover their calendar dates, because "all day on the 5th" means the 5th even
    though local midnight falls before the day-start hour.
    """
    if all_day:
        first = start.astimezone(zone).date()
        return first, max(first, (end - _TICK).astimezone(zone).date())
    first = local_day(start, zone, day_start_hour)
    if end <= start:
        return first, first
    return first, local_day(end - _TICK, zone, day_start_hour)


def event_days(event: CalendarEvent, rules: CalendarRules) -> tuple[dt.date, dt.date]:
    """Return the first and last local day ``event`` touches (see :func:`span_days`)."""
    return span_days(
        event.start,
        event.end,
        all_day=event.all_day,
        zone=rules.zone,
        day_start_hour=rules.day_start_hour,
    )


def events_on(
    events: Iterable[CalendarEvent], day: dt.date, rules: CalendarRules
) -> list[CalendarEvent]:
    """Return the events (counted or not) that touch the local ``day``, by start time.

    This is the audit view: the counted ones explain the day's numbers and the rest say
    why they were left out.
    """
    found = []
    for event in events:
        first, last = event_days(event, rules)
        if first <= day <= last:
            found.append(event)
    return sorted(found, key=lambda e: (e.start, e.end, e.uid))


def summarise_days(
    events: Iterable[CalendarEvent],
    rules: CalendarRules,
    first_day: dt.date,
    last_day: dt.date,
) -> dict[dt.date, CalendarDay]:
    """Return the meeting numbers of every local day from ``first_day`` to ``last_day``.

    Only counted events take part. Each is cut at the day boundaries and every piece adds to
    its own day, so a meeting from 03:30 to 04:30 (day start 04:00) gives 30 minutes to each
    of two days and counts as a meeting on both. Days without meetings are present with
    zero meeting time and the whole working window as the longest free block.

    Raises:
        ValueError: If ``last_day`` is before ``first_day``.
    """
    if last_day < first_day:
        raise ValueError("last_day is before first_day")
    pieces: dict[dt.date, list[Interval]] = {}
    day = first_day
    while day <= last_day:
        pieces[day] = []
        day += _ONE_DAY
    meetings = (Interval(e.start, e.end) for e in events if e.counted and e.end > e.start)
    for when, parts in split_by_day(meetings, rules.zone, rules.day_start_hour).items():
        if when in pieces:
            pieces[when].extend(parts)
    return {when: _summarise_day(when, parts, rules) for when, parts in pieces.items()}


def _summarise_day(day: dt.date, meetings: list[Interval], rules: CalendarRules) -> CalendarDay:
    window = work_window(day, rules.zone, rules.work_hours, rules.day_start_hour)
    return CalendarDay(
        date=day,
        meeting_minutes=to_minutes(total_duration(meetings)),
        meeting_count=len(meetings),
        back_to_back_count=back_to_back_count(meetings),
        longest_free_block_minutes=to_minutes(longest_free_block(meetings, window)),
        after_hours_minutes=to_minutes(outside_duration(meetings, window)),
        double_booked_minutes=to_minutes(double_booked_duration(meetings)),
    )
