"""Looking ahead from the calendar: booked days, meeting series, focus cost and "what if" plans.

Pure functions over counted :class:`~focusapp.domain.calendar.CalendarEvent` occurrences.
The per-day meeting numbers come from :func:`~focusapp.domain.calendar.summarise_days`, so
a forecast counts exactly as the import does (overlaps once; declined, cancelled, free and
all-day events are not counted). Nothing here writes to a calendar: a plan only changes the
events handed to the next computation.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Final

from focusapp.domain.calendar import CalendarEvent, CalendarRules, summarise_days
from focusapp.domain.digest import sha256_hex
from focusapp.domain.forecast_range import MAX_DAYS, MIN_DAYS
from focusapp.domain.intervals import (
    Interval,
    free_blocks,
    split_by_day,
    total_minutes,
    union,
    work_window,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

#: The shortest free stretch inside work hours that counts as a focus block (the 2-hour
#: line Clockwise and Viva Insights use, and the spec's fragmentation reading).
FOCUS_BLOCK_MINUTES: Final = 120
SERIES_ID_LENGTH: Final = 8
WEEK_DAYS: Final = 7

_ONE_DAY: Final = dt.timedelta(days=1)
_MINUTE: Final = dt.timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class ForecastDay:
    """What the calendar has booked for one day ahead (all durations in whole minutes).

    Attributes:
        date: The local day (after the day-start rule).
        meeting_minutes: Length of the union of the day's counted meetings.
        meeting_count: Counted meetings touching the day.
        back_to_back_count: Meetings starting at most 5 minutes after the previous ended.
        longest_free_block_minutes: Longest stretch without meetings inside work hours.
        after_hours_minutes: Meeting time outside work hours.
        has_focus_block: Whether a free stretch of 2 hours or more is left in work hours.
    """

    date: dt.date
    meeting_minutes: int
    meeting_count: int
    back_to_back_count: int
    longest_free_block_minutes: int
    after_hours_minutes: int
    has_focus_block: bool


@dataclass(frozen=True, slots=True)
class MeetingSeries:
    """One recurring event (all occurrences of a UID) or a one-off, over the forecast days.

    Attributes:
        id: A short id, stable across runs and imports (derived from the UID).
        uid: The events' UID.
        title: The summary of its first occurrence in the range.
        occurrences: Occurrences touching the range.
        minutes: Its booked time inside the range (its own overlaps once).
        focus_cost_minutes: Minutes of 2-hour-or-longer free blocks that exist without it
            but not with it: the focus time the series destroys.
    """

    id: str
    uid: str
    title: str
    occurrences: int
    minutes: int
    focus_cost_minutes: int


class Choice(StrEnum):
    """What the user would do with a series (only ever tried out, never sent anywhere)."""

    SKIP = "skip"
    DECLINE = "decline"
    DELEGATE = "delegate"
    SHORTEN = "shorten"


@dataclass(frozen=True, slots=True)
class PlanChoice:
    """One choice of a plan.

    Attributes:
        series_id: A :attr:`MeetingSeries.id`.
        choice: What to do with every occurrence.
        minutes: The new length for :attr:`Choice.SHORTEN`; ``None`` otherwise.
    """

    series_id: str
    choice: Choice
    minutes: int | None = None

    def __post_init__(self) -> None:
        """Refuse a shortening without a positive length, or a length for anything else.

        Raises:
            ValueError: If ``minutes`` does not fit ``choice``.
        """
        if self.choice is Choice.SHORTEN:
            if self.minutes is None or self.minutes < 1:
                raise ValueError("shorten needs a length of at least 1 minute")
        elif self.minutes is not None:
            raise ValueError(f"{self.choice} takes no length")


def series_id(uid: str) -> str:
    """Return the short stable id of the series with ``uid``."""
    return sha256_hex(uid.encode("utf-8"))[:SERIES_ID_LENGTH]


def forecast_range(first: dt.date, days: int) -> tuple[dt.date, dt.date]:
    """Return the first and last day of a forecast of ``days`` days (7-28).

    Raises:
        ValueError: If ``days`` is outside 7-28.
    """
    if not MIN_DAYS <= days <= MAX_DAYS:
        raise ValueError(f"days must be {MIN_DAYS}-{MAX_DAYS}, not {days}")
    return first, first + dt.timedelta(days=days - 1)


def forecast_days(
    events: Iterable[CalendarEvent], rules: CalendarRules, first: dt.date, last: dt.date
) -> list[ForecastDay]:
    """Return the booked numbers of every day from ``first`` to ``last``, by date."""
    summaries = summarise_days(events, rules, first, last)
    return [
        ForecastDay(
            date=day,
            meeting_minutes=s.meeting_minutes,
            meeting_count=s.meeting_count,
            back_to_back_count=s.back_to_back_count,
            longest_free_block_minutes=s.longest_free_block_minutes,
            after_hours_minutes=s.after_hours_minutes,
            has_focus_block=s.longest_free_block_minutes >= FOCUS_BLOCK_MINUTES,
        )
        for day, s in sorted(summaries.items())
    ]


def _meetings(events: Iterable[CalendarEvent]) -> list[tuple[str, Interval]]:
    return [(e.uid, Interval(e.start, e.end)) for e in events if e.counted and e.end > e.start]


def _pieces_by_day(
    meetings: Sequence[tuple[str, Interval]], rules: CalendarRules, first: dt.date, last: dt.date
) -> dict[dt.date, list[tuple[str, Interval]]]:
    """File each meeting's pieces under the days they fall on, inside ``first .. last``."""
    days: dict[dt.date, list[tuple[str, Interval]]] = {}
    for uid, interval in meetings:
        for day, parts in split_by_day([interval], rules.zone, rules.day_start_hour).items():
            if first <= day <= last:
                days.setdefault(day, []).extend((uid, part) for part in parts)
    return days


def focus_minutes(busy: Iterable[Interval], window: Interval) -> int:
    """Return the minutes of free blocks of 2 hours or more inside ``window``."""
    long_gaps = (
        g.duration for g in free_blocks(busy, window) if g.duration >= FOCUS_BLOCK_MINUTES * _MINUTE
    )
    return int(sum(long_gaps, dt.timedelta(0)) // _MINUTE)


def meeting_series(
    events: Iterable[CalendarEvent], rules: CalendarRules, first: dt.date, last: dt.date
) -> list[MeetingSeries]:
    """Group the counted meetings touching ``first .. last`` into series, heaviest first.

    A series is every occurrence sharing a UID (a recurring event, its moved occurrences
    included) or a single one-off event. Ranked by booked minutes, then focus cost, then
    title, so the order is stable.
    """
    counted = sorted(
        (e for e in events if e.counted and e.end > e.start), key=lambda e: (e.start, e.uid)
    )
    meetings = _meetings(counted)
    by_day = _pieces_by_day(meetings, rules, first, last)
    own: dict[str, list[Interval]] = {}
    cost: dict[str, int] = {}
    for day, pieces in by_day.items():
        window = work_window(day, rules.zone, rules.work_hours, rules.day_start_hour)
        everyone = [piece for _, piece in pieces]
        with_all = focus_minutes(everyone, window)
        for uid in {uid for uid, _ in pieces}:
            own.setdefault(uid, []).extend(p for u, p in pieces if u == uid)
            others = [p for u, p in pieces if u != uid]
            cost[uid] = cost.get(uid, 0) + focus_minutes(others, window) - with_all
    titles: dict[str, str] = {}
    occurrences: dict[str, int] = {}
    for event in counted:
        if event.uid in own and _touches(event, rules, first, last):
            titles.setdefault(event.uid, event.summary)
            occurrences[event.uid] = occurrences.get(event.uid, 0) + 1
    found = [
        MeetingSeries(
            id=series_id(uid),
            uid=uid,
            title=titles.get(uid, ""),
            occurrences=occurrences.get(uid, 0),
            minutes=_union_minutes(parts),
            focus_cost_minutes=cost.get(uid, 0),
        )
        for uid, parts in own.items()
    ]
    return sorted(found, key=lambda s: (-s.minutes, -s.focus_cost_minutes, s.title, s.id))


def _touches(event: CalendarEvent, rules: CalendarRules, first: dt.date, last: dt.date) -> bool:
    days = split_by_day([Interval(event.start, event.end)], rules.zone, rules.day_start_hour)
    return any(first <= day <= last for day in days)


def _union_minutes(parts: Iterable[Interval]) -> int:
    return total_minutes(union(parts))


def apply_plan(events: Iterable[CalendarEvent], plan: Iterable[PlanChoice]) -> list[CalendarEvent]:
    """Return the events as they would be with ``plan`` carried out.

    Skipped, declined and delegated series leave the user's day (they are dropped);
    a shortened series keeps its start and ends after the given minutes (never later
    than booked). Events of other series pass through unchanged.
    """
    choices: Mapping[str, PlanChoice] = {c.series_id: c for c in plan}
    kept: list[CalendarEvent] = []
    for event in events:
        choice = choices.get(series_id(event.uid))
        if choice is None:
            kept.append(event)
        elif choice.choice is Choice.SHORTEN and choice.minutes is not None:
            end = min(event.end, event.start + choice.minutes * _MINUTE)
            kept.append(dataclasses.replace(event, end=end))
    return kept


def unknown_series(plan: Iterable[PlanChoice], series: Iterable[MeetingSeries]) -> list[str]:
    """Return the plan's series ids that name no series of the forecast, in plan order."""
    known = {s.id for s in series}
    return [c.series_id for c in plan if c.series_id not in known]


def days_between(first: dt.date, last: dt.date) -> list[dt.date]:
    """Return every day from ``first`` to ``last`` inclusive."""
    return [first + i * _ONE_DAY for i in range((last - first).days + 1)]
