from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from focusapp.domain.days import local_day
from focusapp.domain.focus import (
    FocusSession,
    coding_minutes_by_day,
    format_elapsed,
    split_by_day,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
SYDNEY = ZoneInfo("Australia/Sydney")
KOLKATA = ZoneInfo("Asia/Kolkata")
MONDAY = dt.date(2024, 6, 3)


def at(zone: ZoneInfo, day: dt.date, hour: int, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=zone)


def next_day(day: dt.date, days: int = 1) -> dt.date:
    return day + dt.timedelta(days=days)


# --- FocusSession ------------------------------------------------------------------------------


def test_session_normalises_to_utc() -> None:
    session = FocusSession(1, at(BERLIN, MONDAY, 9), at(BERLIN, MONDAY, 10))
    assert session.started_at == dt.datetime(2024, 6, 3, 7, tzinfo=dt.UTC)
    assert session.started_at.tzinfo is dt.UTC
    assert session.ended_at is not None
    assert session.ended_at.tzinfo is dt.UTC
    assert not session.running


def test_running_session_and_elapsed() -> None:
    session = FocusSession(None, at(BERLIN, MONDAY, 9))
    assert session.running
    assert session.elapsed(at(BERLIN, MONDAY, 10, 5)) == dt.timedelta(hours=1, minutes=5)
    # A clock set back before the start does not give a negative time.
    assert session.elapsed(at(BERLIN, MONDAY, 8)) == dt.timedelta(0)
    done = FocusSession(2, at(BERLIN, MONDAY, 9), at(BERLIN, MONDAY, 9, 30))
    assert done.elapsed(at(BERLIN, MONDAY, 23)) == dt.timedelta(minutes=30)


def test_session_rejects_naive_and_reversed_instants() -> None:
    with pytest.raises(ValueError, match="aware"):
        FocusSession(1, dt.datetime(2024, 6, 3, 9))
    with pytest.raises(ValueError, match="aware"):
        FocusSession(1, at(BERLIN, MONDAY, 9), dt.datetime(2024, 6, 3, 10))
    with pytest.raises(ValueError, match="before"):
        FocusSession(1, at(BERLIN, MONDAY, 10), at(BERLIN, MONDAY, 9))


# --- split_by_day ------------------------------------------------------------------------------


def test_session_inside_one_day() -> None:
    assert split_by_day(at(BERLIN, MONDAY, 9), at(BERLIN, MONDAY, 10, 30), BERLIN, 4) == {
        MONDAY: 90
    }


def test_session_crossing_the_day_start_is_split() -> None:
    tuesday = next_day(MONDAY)
    parts = split_by_day(at(BERLIN, tuesday, 2, 30), at(BERLIN, tuesday, 5, 15), BERLIN, 4)
    assert parts == {MONDAY: 90, tuesday: 75}


def test_session_crossing_midnight_stays_on_one_day_with_a_four_oclock_start() -> None:
    tuesday = next_day(MONDAY)
    parts = split_by_day(at(BERLIN, MONDAY, 23), at(BERLIN, tuesday, 1), BERLIN, 4)
    assert parts == {MONDAY: 120}
    parts = split_by_day(at(BERLIN, MONDAY, 23), at(BERLIN, tuesday, 1), BERLIN, 0)
    assert parts == {MONDAY: 60, tuesday: 60}


def test_session_spanning_several_days() -> None:
    start = at(BERLIN, MONDAY, 20)
    end = at(BERLIN, next_day(MONDAY, 2), 6)
    assert split_by_day(start, end, BERLIN, 4) == {
        MONDAY: 8 * 60,
        next_day(MONDAY): 24 * 60,
        next_day(MONDAY, 2): 2 * 60,
    }


def test_empty_session_books_nothing() -> None:
    assert split_by_day(at(BERLIN, MONDAY, 9), at(BERLIN, MONDAY, 9), BERLIN, 4) == {}


def test_rounding_keeps_the_total() -> None:
    tuesday = next_day(MONDAY)
    # 20 s before and 50 s after the day start: 70 s round to 1 minute, booked once.
    parts = split_by_day(at(BERLIN, tuesday, 3, 59, 40), at(BERLIN, tuesday, 4, 0, 50), BERLIN, 4)
    assert sum(parts.values()) == 1
    assert parts == {tuesday: 1}
    # 29 s is less than half a minute.
    assert split_by_day(at(BERLIN, MONDAY, 9), at(BERLIN, MONDAY, 9, 0, 29), BERLIN, 4) == {}
    assert split_by_day(at(BERLIN, MONDAY, 9), at(BERLIN, MONDAY, 9, 0, 30), BERLIN, 4) == {
        MONDAY: 1
    }


def test_split_uses_real_elapsed_time_on_dst_nights() -> None:
    # Berlin spring forward 2024-03-31 02:00 -> 03:00: 01:00-05:00 wall is 3 real hours.
    saturday, sunday = dt.date(2024, 3, 30), dt.date(2024, 3, 31)
    parts = split_by_day(at(BERLIN, sunday, 1), at(BERLIN, sunday, 5), BERLIN, 4)
    assert parts == {saturday: 120, sunday: 60}
    # New York fall back 2024-11-03 02:00 -> 01:00: 00:00-05:00 wall is 6 real hours.
    saturday, sunday = dt.date(2024, 11, 2), dt.date(2024, 11, 3)
    parts = split_by_day(at(NEW_YORK, sunday, 0), at(NEW_YORK, sunday, 5), NEW_YORK, 4)
    assert parts == {saturday: 5 * 60, sunday: 60}


def test_split_rejects_naive_and_reversed() -> None:
    with pytest.raises(ValueError, match="aware"):
        split_by_day(dt.datetime(2024, 6, 3, 9), at(BERLIN, MONDAY, 10), BERLIN, 4)
    with pytest.raises(ValueError, match="before"):
        split_by_day(at(BERLIN, MONDAY, 10), at(BERLIN, MONDAY, 9), BERLIN, 4)


@settings(max_examples=200, deadline=None)
@given(
    zone=st.sampled_from([BERLIN, NEW_YORK, SYDNEY, KOLKATA]),
    start_hour=st.integers(0, 12),
    start=st.integers(0, 366 * 24 * 3600),
    length=st.integers(0, 4 * 24 * 3600),
)
def test_property_split_adds_up_and_stays_in_range(
    zone: ZoneInfo, start_hour: int, start: int, length: int
) -> None:
    begin = dt.datetime(2024, 1, 1, tzinfo=dt.UTC) + dt.timedelta(seconds=start)
    end = begin + dt.timedelta(seconds=length)
    parts = split_by_day(begin, end, zone, start_hour)
    assert sum(parts.values()) == (length + 30) // 60
    assert all(minutes > 0 for minutes in parts.values())
    if parts:
        assert min(parts) >= local_day(begin, zone, start_hour)
        assert max(parts) <= local_day(end, zone, start_hour)
    # No user-day gets more than its own length (25 h at most on a fall-back day).
    assert all(minutes <= 25 * 60 for minutes in parts.values())


# --- coding_minutes_by_day ---------------------------------------------------------------------


def test_coding_minutes_sum_sessions_per_day() -> None:
    tuesday = next_day(MONDAY)
    sessions = [
        FocusSession(1, at(BERLIN, MONDAY, 9), at(BERLIN, MONDAY, 10)),
        FocusSession(2, at(BERLIN, MONDAY, 14), at(BERLIN, MONDAY, 14, 45)),
        FocusSession(3, at(BERLIN, tuesday, 3), at(BERLIN, tuesday, 5)),
    ]
    totals = coding_minutes_by_day(sessions, BERLIN, 4, at(BERLIN, tuesday, 12))
    assert totals == {MONDAY: 60 + 45 + 60, tuesday: 60}
    assert list(totals) == [MONDAY, tuesday]


def test_running_session_counts_up_to_now() -> None:
    sessions = [FocusSession(None, at(BERLIN, MONDAY, 9))]
    assert coding_minutes_by_day(sessions, BERLIN, 4, at(BERLIN, MONDAY, 9, 40)) == {MONDAY: 40}
    # Running across the day start: split as well.
    tuesday = next_day(MONDAY)
    sessions = [FocusSession(None, at(BERLIN, tuesday, 3))]
    assert coding_minutes_by_day(sessions, BERLIN, 4, at(BERLIN, tuesday, 4, 30)) == {
        MONDAY: 60,
        tuesday: 30,
    }


def test_running_session_after_now_counts_nothing() -> None:
    sessions = [FocusSession(None, at(BERLIN, MONDAY, 9))]
    assert coding_minutes_by_day(sessions, BERLIN, 4, at(BERLIN, MONDAY, 8)) == {}


def test_no_sessions() -> None:
    assert coding_minutes_by_day([], BERLIN, 4, at(BERLIN, MONDAY, 8)) == {}


def test_coding_minutes_need_an_aware_now() -> None:
    with pytest.raises(ValueError, match="aware"):
        coding_minutes_by_day([], BERLIN, 4, dt.datetime(2024, 6, 3))


# --- format_elapsed ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0:00:00"),
        (59, "0:00:59"),
        (60, "0:01:00"),
        (3909, "1:05:09"),
        (3909.99, "1:05:09"),
        (36000, "10:00:00"),
        (90000, "25:00:00"),
        (-5, "0:00:00"),
    ],
)
def test_format_elapsed(seconds: float, text: str) -> None:
    assert format_elapsed(seconds) == text
