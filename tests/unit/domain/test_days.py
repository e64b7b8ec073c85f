import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from focusapp.domain.days import day_bounds, day_start, local_day

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def at(zone, *args):
    return dt.datetime(*args, tzinfo=zone)


def test_half_past_one_belongs_to_the_previous_day():
    assert local_day(at(BERLIN, 2026, 11, 3, 1, 30), BERLIN) == dt.date(2026, 11, 2)


def test_day_starts_at_four():
    assert local_day(at(BERLIN, 2026, 11, 3, 3, 59), BERLIN) == dt.date(2026, 11, 2)
    assert local_day(at(BERLIN, 2026, 11, 3, 4, 0), BERLIN) == dt.date(2026, 11, 3)


def test_configurable_start_hour():
    assert local_day(at(BERLIN, 2026, 11, 3, 1, 30), BERLIN, 0) == dt.date(2026, 11, 3)
    assert local_day(at(BERLIN, 2026, 11, 3, 5, 30), BERLIN, 6) == dt.date(2026, 11, 2)


def test_utc_instant_uses_the_local_wall_clock():
    utc = dt.datetime(2026, 11, 3, 0, 30, tzinfo=dt.UTC)  # 01:30 in Berlin
    assert local_day(utc, BERLIN) == dt.date(2026, 11, 2)


def test_naive_instants_are_refused():
    with pytest.raises(ValueError, match="aware"):
        local_day(dt.datetime(2026, 11, 3, 12), BERLIN)


def test_dst_days_are_23_and_25_hours():
    start, end = day_bounds(dt.date(2026, 3, 7), NEW_YORK)  # 02:00 jump falls before 04:00
    assert end - start == dt.timedelta(hours=23)
    start, end = day_bounds(dt.date(2026, 10, 31), NEW_YORK)
    assert end - start == dt.timedelta(hours=25)


def test_day_start_inside_a_dst_gap_resolves_forward():
    # Berlin springs forward at 02:00 -> 03:00 on 2026-03-29; a 02:00 day start does not exist.
    start = day_start(dt.date(2026, 3, 29), BERLIN, 2)
    assert start.astimezone(BERLIN).hour == 3


@given(
    st.datetimes(
        min_value=dt.datetime(2000, 1, 1),
        max_value=dt.datetime(2040, 1, 1),
        timezones=st.just(dt.UTC),
    ),
    st.sampled_from([BERLIN, NEW_YORK, ZoneInfo("Australia/Sydney"), ZoneInfo("Asia/Kolkata")]),
    st.integers(0, 12),
)
def test_every_instant_lies_inside_its_day(instant, zone, start_hour):
    day = local_day(instant, zone, start_hour)
    start, end = day_bounds(day, zone, start_hour)
    assert start <= instant < end
