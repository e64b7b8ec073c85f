"""Half-open time intervals and the per-day meeting arithmetic built on them.

Everything here works on aware datetimes normalised to UTC. Python subtracts two datetimes
that share a ``ZoneInfo`` on the wall clock, so a 10:00-12:00 span across a DST change would
come out an hour wrong; converting to UTC first keeps every length a true elapsed time.

Definitions used throughout (they are what the app shows, so they are spelled out):

* An interval ``[start, end)`` contains ``start`` but not ``end``; two intervals that only
  touch (one ends when the next starts) share no time.
* The *union* of intervals is the time covered by at least one of them. Meeting minutes are
  the length of the union, so two overlapping meetings are not counted twice.
* *Double-booked* time is time covered by two or more intervals at once.
* *Back-to-back*: sort the meetings by start and merge those that overlap (share time) into
  busy blocks; meetings that merely touch stay separate blocks. A back-to-back transition
  is a pair of consecutive blocks where the next block starts between 0 and
  ``BACK_TO_BACK_GAP`` (5 minutes, inclusive) after the previous one ends. The count is the
  number of such transitions, so a chain of n meetings with short gaps counts n - 1, and an
  overlapping pair counts as double-booked, not back-to-back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from focusapp.domain.days import DEFAULT_DAY_START_HOUR, day_bounds, local_day

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from zoneinfo import ZoneInfo

#: The longest pause after which the next meeting still counts as back-to-back.
BACK_TO_BACK_GAP: Final = dt.timedelta(minutes=5)

_ZERO: Final = dt.timedelta(0)
_ONE_DAY: Final = dt.timedelta(days=1)
_MINUTE_SECONDS: Final = 60


@dataclass(frozen=True, slots=True, order=True)
class Interval:
    """The half-open span ``[start, end)`` between two instants.

    Both ends are stored in UTC so that lengths and comparisons are exact elapsed time,
    whatever zone the caller used.

    Attributes:
        start: First instant inside the interval.
        end: First instant after the interval; equal to ``start`` for an empty interval.
    """

    start: dt.datetime
    end: dt.datetime

    def __post_init__(self) -> None:
        """Normalise to UTC and reject naive or backwards spans.

        Raises:
            ValueError: If an end is naive or ``end`` is before ``start``; both would make
                every later sum meaningless.
        """
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError("interval ends must be timezone-aware")
        if self.start.tzinfo is not dt.UTC:
            object.__setattr__(self, "start", self.start.astimezone(dt.UTC))
        if self.end.tzinfo is not dt.UTC:
            object.__setattr__(self, "end", self.end.astimezone(dt.UTC))
        if self.end < self.start:
            raise ValueError(f"interval ends before it starts: {self.start} > {self.end}")

    @property
    def duration(self) -> dt.timedelta:
        """Return the elapsed time inside the interval."""
        return self.end - self.start

    @property
    def is_empty(self) -> bool:
        """Return whether the interval holds no time at all."""
        return self.end == self.start

    def intersection(self, other: Interval) -> Interval | None:
        """Return the time shared with ``other``, or ``None`` when they share none."""
        start = max(self.start, other.start)
        end = min(self.end, other.end)
        if end <= start:
            return None
        return Interval(start, end)


def to_minutes(duration: dt.timedelta) -> int:
    """Return ``duration`` in whole minutes, halves rounded up.

    Calendars almost always use whole minutes; rounding (rather than truncating) keeps a
    29 min 59 s meeting from showing as 29.
    """
    seconds = int(duration.total_seconds())
    return (seconds + _MINUTE_SECONDS // 2) // _MINUTE_SECONDS


def union(intervals: Iterable[Interval]) -> list[Interval]:
    """Return the time covered by at least one interval as sorted, disjoint intervals.

    Overlapping and touching intervals merge (``[9, 10) + [10, 11) = [9, 11)``); empty
    intervals cover no time and disappear. Consecutive results are separated by a real gap.
    """
    merged: list[Interval] = []
    for interval in sorted(i for i in intervals if not i.is_empty):
        if merged and interval.start <= merged[-1].end:
            if interval.end > merged[-1].end:
                merged[-1] = Interval(merged[-1].start, interval.end)
        else:
            merged.append(interval)
    return merged


def total_duration(intervals: Iterable[Interval]) -> dt.timedelta:
    """Return the length of the union of ``intervals`` (overlaps counted once)."""
    return sum((i.duration for i in union(intervals)), _ZERO)


def total_minutes(intervals: Iterable[Interval]) -> int:
    """Return the length of the union of ``intervals`` in whole minutes."""
    return to_minutes(total_duration(intervals))


def clip(intervals: Iterable[Interval], window: Interval) -> list[Interval]:
    """Return the parts of ``intervals`` that fall inside ``window``, in input order."""
    parts: list[Interval] = []
    for interval in intervals:
        part = interval.intersection(window)
        if part is not None:
            parts.append(part)
    return parts


def split_by_day(
    intervals: Iterable[Interval],
    zone: ZoneInfo,
    day_start_hour: int = DEFAULT_DAY_START_HOUR,
) -> dict[dt.date, list[Interval]]:
    """Cut each interval at the user's day boundaries and file the pieces under their day.

    Days follow :func:`focusapp.domain.days.local_day`: a day runs from ``day_start_hour``
    local time to the same hour the next morning, so a meeting from 03:00 to 05:00 gives an
    hour to the previous day and an hour to this one. Empty intervals belong to no day.
    The pieces of one input interval are disjoint and add up to its length.
    """
    days: dict[dt.date, list[Interval]] = {}
    for interval in intervals:
        if interval.is_empty:
            continue
        day = local_day(interval.start, zone, day_start_hour)
        while True:
            start, end = day_bounds(day, zone, day_start_hour)
            piece = interval.intersection(Interval(start, end))
            if piece is not None:
                days.setdefault(day, []).append(piece)
            if interval.end <= end:
                break
            day += _ONE_DAY
    return days


def _wall_time(day: dt.date, at: dt.time, zone: ZoneInfo) -> dt.datetime:
    """Return the instant at wall time ``at`` on ``day``; times in a DST gap move forward."""
    aware = dt.datetime.combine(day, at.replace(tzinfo=None)).replace(tzinfo=zone)
    return aware.astimezone(dt.UTC)


def work_window(
    day: dt.date,
    zone: ZoneInfo,
    work_hours: tuple[dt.time, dt.time],
    day_start_hour: int = DEFAULT_DAY_START_HOUR,
) -> Interval:
    """Return the working hours of the user's ``day`` as an interval.

    The hours are wall-clock times on the calendar date ``day``; an end at or before the
    start (a night shift such as 22:00-06:00) ends on the next date. The window is then
    limited to the day itself, so working time never spills into a neighbouring day's
    numbers. A window that falls wholly outside the day is empty (at the day's start).
    """
    begin, finish = work_hours
    start = _wall_time(day, begin, zone)
    end_day = day if finish > begin else day + _ONE_DAY
    end = _wall_time(end_day, finish, zone)
    day_begin, day_end = day_bounds(day, zone, day_start_hour)
    whole_day = Interval(day_begin, day_end)
    inside = Interval(start, max(start, end)).intersection(whole_day)
    return inside if inside is not None else Interval(day_begin, day_begin)


def free_blocks(busy: Iterable[Interval], window: Interval) -> list[Interval]:
    """Return the stretches of ``window`` not covered by any ``busy`` interval, in order."""
    gaps: list[Interval] = []
    cursor = window.start
    for block in union(clip(busy, window)):
        if block.start > cursor:
            gaps.append(Interval(cursor, block.start))
        cursor = max(cursor, block.end)
    if window.end > cursor:
        gaps.append(Interval(cursor, window.end))
    return gaps


def longest_free_block(busy: Iterable[Interval], window: Interval) -> dt.timedelta:
    """Return the longest uninterrupted free stretch inside ``window``.

    With no meetings the whole window is free; an empty window has no free time.
    """
    return max((gap.duration for gap in free_blocks(busy, window)), default=_ZERO)


def back_to_back_count(meetings: Iterable[Interval], gap: dt.timedelta = BACK_TO_BACK_GAP) -> int:
    """Return how many times a meeting block starts within ``gap`` of the previous one's end.

    See the module docstring for the exact definition: overlapping meetings merge into one
    block (that is double-booking, not back-to-back); touching or nearly touching blocks
    (a pause from 0 up to and including ``gap``) count one transition each. Empty intervals
    are ignored.
    """
    count = 0
    latest_end: dt.datetime | None = None
    for meeting in sorted(m for m in meetings if not m.is_empty):
        if latest_end is not None and latest_end <= meeting.start <= latest_end + gap:
            count += 1
        if latest_end is None or meeting.end > latest_end:
            latest_end = meeting.end
    return count


def double_booked_duration(intervals: Iterable[Interval]) -> dt.timedelta:
    """Return the time covered by two or more intervals at once.

    A sweep over start (+1) and end (-1) events; ends sort before starts at the same instant
    so that touching intervals never count as overlapping.
    """
    edges: list[tuple[dt.datetime, int]] = []
    for interval in intervals:
        if not interval.is_empty:
            edges.append((interval.start, 1))
            edges.append((interval.end, -1))
    edges.sort()
    total = _ZERO
    depth = 0
    previous: dt.datetime | None = None
    for instant, step in edges:
        if previous is not None and depth >= 2:
            total += instant - previous
        depth += step
        previous = instant
    return total


def outside_duration(intervals: Sequence[Interval], window: Interval) -> dt.timedelta:
    """Return the time covered by ``intervals`` that lies outside ``window``.

    Used for after-hours meeting time: the union of the meetings minus the part of it
    inside working hours.
    """
    covered = union(intervals)
    inside = sum((i.duration for i in clip(covered, window)), _ZERO)
    return sum((i.duration for i in covered), _ZERO) - inside
