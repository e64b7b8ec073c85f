"""The accepted window of days and the words people type for a day."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from focusapp.domain.dates import (
    FIRST_DAY,
    LAST_DAY,
    DayError,
    check_day,
    outside_window,
    parse_day,
)
from focusapp.domain.models import CheckIn
from focusapp.domain.validation import has_lone_surrogates, problems_in

TUESDAY = dt.date(2026, 11, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-01-02", dt.date(2026, 1, 2)),
        (" 2026-01-02 ", dt.date(2026, 1, 2)),
        ("today", TUESDAY),
        ("TODAY", TUESDAY),
        ("yesterday", dt.date(2026, 11, 2)),
        ("tue", TUESDAY),  # the weekday of today is today
        ("tuesday", TUESDAY),
        ("mon", dt.date(2026, 11, 2)),
        ("Monday", dt.date(2026, 11, 2)),
        ("wed", dt.date(2026, 10, 28)),  # never forward: last week's
        ("sun", dt.date(2026, 11, 1)),
        ("th", dt.date(2026, 10, 29)),
        ("sa", dt.date(2026, 10, 31)),
        ("1900-01-01", FIRST_DAY),
        ("2200-12-31", LAST_DAY),
    ],
)
def test_accepted_forms(text, expected):
    assert parse_day(text, TUESDAY) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("0001-01-01", "outside 1900-01-01 to 2200-12-31"),
        ("1899-12-31", "outside"),
        ("2201-01-01", "outside"),
        ("9999-12-31", "outside"),
        ("2026-02-30", "no such day"),
        ("20261103", "is not a date"),
        ("2026-W45-2", "is not a date"),
        ("t", "is not a date"),  # tuesday or thursday?
        ("s", "is not a date"),
        ("", "is not a date"),
        ("tomorrow", "is not a date"),
        ("\u0662\u0660\u0662\u0666-01-01", "is not a date"),  # Arabic-Indic digits
    ],
)
def test_refused_forms(text, fragment):
    with pytest.raises(DayError, match=fragment):
        parse_day(text, TUESDAY)


def test_today_is_asked_only_for_a_relative_word():
    def no_clock() -> dt.date:
        raise AssertionError("an ISO day needs no today")

    assert parse_day("2026-05-01", no_clock) == dt.date(2026, 5, 1)
    assert parse_day("yesterday", lambda: TUESDAY) == dt.date(2026, 11, 2)


@given(st.dates(min_value=dt.date(1900, 1, 8), max_value=LAST_DAY), st.integers(0, 6))
def test_a_weekday_is_the_latest_such_day_up_to_today(today, weekday):
    name = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")[weekday]
    day = parse_day(name, today)
    assert day.weekday() == weekday
    assert dt.timedelta(0) <= today - day < dt.timedelta(days=7)
    assert parse_day(name[:3], today) == day


@given(st.dates())
def test_window_check_agrees_with_bounds(day):
    inside = FIRST_DAY <= day <= LAST_DAY
    assert (outside_window(day) is None) == inside
    if inside:
        assert check_day(day) == day
        assert parse_day(day.isoformat(), TUESDAY) == day
    else:
        with pytest.raises(DayError):
            check_day(day)


@given(st.dates())
def test_a_checkin_outside_the_window_is_a_date_problem(day):
    fields = [p.field for p in problems_in(CheckIn(date=day), today=TUESDAY)]
    if day < FIRST_DAY or day > LAST_DAY:
        assert fields == ["date"]
    elif day <= TUESDAY + dt.timedelta(days=1):
        assert fields == []


def test_a_note_with_a_lone_surrogate_is_refused():
    assert has_lone_surrogates("ok \udcff")
    assert not has_lone_surrogates("café 🚀 ✓")
    problems = problems_in(CheckIn(date=TUESDAY, note="bad \udcff"), today=TUESDAY)
    assert [p.field for p in problems] == ["note"]
