from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from focusapp.domain.days import day_bounds, local_day
from focusapp.domain.intervals import (
    BACK_TO_BACK_GAP,
    Interval,
    back_to_back_count,
    clip,
    double_booked_duration,
    free_blocks,
    longest_free_block,
    outside_duration,
    split_by_day,
    to_minutes,
    total_duration,
    total_minutes,
    union,
    work_window,
)

if TYPE_CHECKING:
    import random

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
ZONES = [
    ZoneInfo("UTC"),
    BERLIN,
    NEW_YORK,
    ZoneInfo("Australia/Lord_Howe"),  # 30-minute DST shift
    ZoneInfo("Asia/Kolkata"),
    ZoneInfo("Pacific/Chatham"),
]
# Spans both 2024 DST changes in Europe and America.
BASE = dt.datetime(2024, 3, 8, tzinfo=dt.UTC)
HORIZON_MINUTES = 60 * 24 * 250
NINE_TO_FIVE = (dt.time(9), dt.time(17))
ZERO = dt.timedelta(0)


def at(day: int, hour: int, minute: int = 0, zone: ZoneInfo = BERLIN) -> dt.datetime:
    """A wall time in May 2024."""
    return dt.datetime(2024, 5, day, hour, minute, tzinfo=zone)


def span(start: dt.datetime, minutes: int) -> Interval:
    return Interval(start, start + dt.timedelta(minutes=minutes))


@st.composite
def intervals(draw: st.DrawFn, max_minutes: int = 600) -> Interval:
    offset = draw(st.integers(0, HORIZON_MINUTES))
    length = draw(st.integers(0, max_minutes))
    zone = draw(st.sampled_from(ZONES))
    start = BASE + dt.timedelta(minutes=offset)  # UTC arithmetic: a local one skips DST hours
    end = start + dt.timedelta(minutes=length)
    return Interval(start.astimezone(zone), end.astimezone(zone))


@st.composite
def day_intervals(draw: st.DrawFn) -> list[Interval]:
    """Meetings clustered on a few days so that they overlap often."""
    base = BASE + dt.timedelta(days=draw(st.integers(0, 240)))
    found = []
    for _ in range(draw(st.integers(0, 12))):
        offset = draw(st.integers(0, 60 * 30))
        length = draw(st.integers(0, 240))
        start = base + dt.timedelta(minutes=offset)
        found.append(Interval(start, start + dt.timedelta(minutes=length)))
    return found


def coverage(points: list[Interval], instant: dt.datetime) -> int:
    return sum(1 for i in points if i.start <= instant < i.end)


# -- Interval -----------------------------------------------------------------------------


def test_interval_normalises_to_utc_and_measures_elapsed_time_across_dst() -> None:
    # 00:00 to 12:00 on the spring-forward day is only 11 hours of real time.
    interval = Interval(
        dt.datetime(2024, 3, 31, tzinfo=BERLIN), dt.datetime(2024, 3, 31, 12, tzinfo=BERLIN)
    )
    assert interval.start.tzinfo is dt.UTC
    assert interval.duration == dt.timedelta(hours=11)


def test_interval_rejects_naive_and_backwards() -> None:
    with pytest.raises(ValueError, match="aware"):
        Interval(dt.datetime(2024, 1, 1), dt.datetime(2024, 1, 2))
    with pytest.raises(ValueError, match="before"):
        Interval(at(6, 10), at(6, 9))


def test_to_minutes_rounds_halves_up() -> None:
    assert to_minutes(dt.timedelta(seconds=29)) == 0
    assert to_minutes(dt.timedelta(seconds=30)) == 1
    assert to_minutes(dt.timedelta(minutes=29, seconds=59)) == 30


# -- union --------------------------------------------------------------------------------


def test_union_merges_overlapping_and_touching_and_drops_empty() -> None:
    merged = union(
        [span(at(6, 9), 60), span(at(6, 10), 30), span(at(6, 9, 30), 15), span(at(6, 12), 0)]
    )
    assert merged == [Interval(at(6, 9), at(6, 10, 30))]
    assert total_minutes([span(at(6, 9), 30)] * 10) == 30


@given(st.lists(intervals(), max_size=25))
def test_union_is_sorted_disjoint_and_non_empty(found: list[Interval]) -> None:
    merged = union(found)
    assert all(not i.is_empty for i in merged)
    for before, after in itertools.pairwise(merged):
        assert before.end < after.start  # a real gap, or they would have merged


@given(st.lists(intervals(), max_size=25))
def test_union_length_at_most_sum_and_covers_every_input(found: list[Interval]) -> None:
    merged = union(found)
    assert total_duration(found) <= sum((i.duration for i in found), ZERO)
    assert union(merged) == merged
    for interval in found:
        if not interval.is_empty:
            assert any(m.start <= interval.start and interval.end <= m.end for m in merged)


@given(
    st.lists(st.tuples(st.integers(0, 600), st.integers(0, 600)), max_size=20),
    st.sampled_from(ZONES),
)
def test_union_length_equals_sum_when_disjoint(
    pieces: list[tuple[int, int]], zone: ZoneInfo
) -> None:
    # Step in UTC: Python adds to an aware local time on the wall clock, which across a DST
    # change is not elapsed time; the intervals are then expressed in ``zone``.
    cursor = BASE.astimezone(dt.UTC)
    found = []
    for gap, length in pieces:
        start = cursor + dt.timedelta(minutes=gap)
        end = start + dt.timedelta(minutes=length)
        found.append(Interval(start.astimezone(zone), end.astimezone(zone)))
        cursor = end
    assert total_duration(found) == sum((i.duration for i in found), ZERO)


# -- free blocks --------------------------------------------------------------------------


@given(day_intervals(), st.integers(0, 60 * 20), st.integers(0, 60 * 12))
def test_free_plus_busy_fills_the_window(busy: list[Interval], offset: int, length: int) -> None:
    start = BASE + dt.timedelta(minutes=offset)
    window = Interval(start, start + dt.timedelta(minutes=length))
    free = free_blocks(busy, window)
    busy_inside = total_duration(clip(busy, window))
    assert sum((f.duration for f in free), ZERO) + busy_inside == window.duration
    for gap in free:
        assert window.start <= gap.start < gap.end <= window.end
        assert all(b.intersection(gap) is None for b in busy)
    assert longest_free_block(busy, window) == max((f.duration for f in free), default=ZERO)


def test_whole_window_is_free_without_meetings() -> None:
    window = work_window(dt.date(2024, 5, 6), BERLIN, NINE_TO_FIVE)
    assert longest_free_block([], window) == dt.timedelta(hours=8)
    busy = [span(at(6, 10), 60), span(at(6, 13), 30)]
    assert longest_free_block(busy, window) == dt.timedelta(hours=3, minutes=30)
    assert free_blocks(busy, window)[0] == Interval(at(6, 9), at(6, 10))


# -- split_by_day -------------------------------------------------------------------------


@given(
    st.lists(intervals(max_minutes=60 * 80), max_size=10),
    st.sampled_from(ZONES),
    st.integers(0, 23),
)
@settings(deadline=None)
def test_split_by_day_conserves_time_and_respects_day_bounds(
    found: list[Interval], zone: ZoneInfo, day_start_hour: int
) -> None:
    days = split_by_day(found, zone, day_start_hour)
    pieces = [p for parts in days.values() for p in parts]
    assert sum((p.duration for p in pieces), ZERO) == sum((i.duration for i in found), ZERO)
    for day, parts in days.items():
        start, end = day_bounds(day, zone, day_start_hour)
        for piece in parts:
            assert start <= piece.start < piece.end <= end
            assert local_day(piece.start, zone, day_start_hour) == day


def test_split_by_day_cuts_at_the_day_start_hour() -> None:
    days = split_by_day([Interval(at(9, 3, 30), at(9, 4, 30))], BERLIN, 4)
    assert {d: total_minutes(p) for d, p in days.items()} == {
        dt.date(2024, 5, 8): 30,
        dt.date(2024, 5, 9): 30,
    }


# With a 04:00 day start the short and long days are the ones whose night holds the change
# (the clocks move at 02:00/03:00 on the last Sundays of March and October).
@pytest.mark.parametrize(
    ("day", "hours"),
    [(dt.date(2024, 3, 29), 24), (dt.date(2024, 3, 30), 23), (dt.date(2024, 10, 26), 25)],
)
def test_split_by_day_on_dst_days(day: dt.date, hours: int) -> None:
    start, end = day_bounds(day, BERLIN, 4)
    whole = Interval(start - dt.timedelta(hours=1), end + dt.timedelta(hours=1))
    days = split_by_day([whole], BERLIN, 4)
    assert total_duration(days[day]) == dt.timedelta(hours=hours)
    assert sum((total_duration(p) for p in days.values()), ZERO) == whole.duration


def test_work_window_on_dst_days_keeps_eight_wall_clock_hours() -> None:
    for day in (dt.date(2024, 3, 31), dt.date(2024, 10, 27)):
        window = work_window(day, BERLIN, NINE_TO_FIVE)
        assert window.duration == dt.timedelta(hours=8)
        assert window.start.astimezone(BERLIN).hour == 9


def test_night_shift_window_ends_at_the_day_boundary() -> None:
    window = work_window(dt.date(2024, 5, 6), BERLIN, (dt.time(22), dt.time(6)), 4)
    assert window == Interval(at(6, 22), at(7, 4))


# -- back-to-back, double-booked, after hours ---------------------------------------------


def test_back_to_back_counts_pauses_up_to_five_minutes() -> None:
    chain = [
        span(at(8, 9), 60),
        span(at(8, 10), 30),  # 0 min pause
        span(at(8, 10, 35), 25),  # 5 min pause
        span(at(8, 11, 6), 54),  # 6 min pause: not back-to-back
        span(at(8, 12), 30),  # 0 min pause
    ]
    assert back_to_back_count(chain) == 3
    assert back_to_back_count(list(reversed(chain))) == 3


def test_overlap_is_double_booking_not_back_to_back() -> None:
    meetings = [span(at(8, 9), 60), span(at(8, 9, 30), 60), span(at(8, 10, 30), 30)]
    assert back_to_back_count(meetings) == 1  # only the 10:30 start after the 10:30 end
    assert double_booked_duration(meetings) == dt.timedelta(minutes=30)


@given(st.lists(st.integers(0, 5), max_size=10), st.sampled_from(ZONES))
def test_a_chain_of_n_short_pauses_counts_n_minus_one(gaps: list[int], zone: ZoneInfo) -> None:
    cursor = BASE.astimezone(zone)
    meetings = [Interval(cursor, cursor + dt.timedelta(minutes=30))]
    for gap in gaps:
        start = meetings[-1].end + dt.timedelta(minutes=gap)
        meetings.append(Interval(start, start + dt.timedelta(minutes=30)))
    assert back_to_back_count(meetings) == len(gaps)
    # Lengthen every pause by just over the limit: nothing is back-to-back any more.
    push = BACK_TO_BACK_GAP + dt.timedelta(seconds=1)
    spread = [Interval(m.start + i * push, m.end + i * push) for i, m in enumerate(meetings)]
    assert back_to_back_count(spread) == 0


@given(day_intervals(), st.randoms())
def test_back_to_back_is_order_independent_and_bounded(
    meetings: list[Interval], rnd: random.Random
) -> None:
    shuffled = list(meetings)
    rnd.shuffle(shuffled)
    count = back_to_back_count(meetings)
    assert count == back_to_back_count(shuffled)
    assert 0 <= count <= max(0, len([m for m in meetings if not m.is_empty]) - 1)


@given(day_intervals())
def test_double_booked_is_time_covered_twice(meetings: list[Interval]) -> None:
    double = double_booked_duration(meetings)
    total = total_duration(meetings)
    summed = sum((m.duration for m in meetings), ZERO)
    assert ZERO <= double <= total
    assert total + double <= summed
    # Check against a minute-by-minute count (all generated times are whole minutes).
    if meetings:
        first = min(m.start for m in meetings)
        last = max(m.end for m in meetings)
        minute = dt.timedelta(minutes=1)
        steps = int((last - first) / minute)
        expected = sum(1 for k in range(steps) if coverage(meetings, first + k * minute) >= 2)
        assert double == expected * minute
        if max((coverage(meetings, first + k * minute) for k in range(steps)), default=0) <= 2:
            assert total + double == summed


@given(day_intervals(), st.integers(0, 60 * 20), st.integers(0, 60 * 12))
def test_after_hours_is_union_outside_the_window(
    meetings: list[Interval], offset: int, length: int
) -> None:
    start = BASE + dt.timedelta(minutes=offset)
    window = Interval(start, start + dt.timedelta(minutes=length))
    outside = outside_duration(meetings, window)
    assert outside + total_duration(clip(meetings, window)) == total_duration(meetings)
    assert ZERO <= outside <= total_duration(meetings)


def test_after_hours_example() -> None:
    window = work_window(dt.date(2024, 5, 7), BERLIN, NINE_TO_FIVE)
    meetings = [span(at(7, 8, 30), 60), span(at(7, 16, 30), 60), span(at(7, 18), 90)]
    assert outside_duration(meetings, window) == dt.timedelta(minutes=30 + 30 + 90)
