import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from focusapp.domain.models import CheckIn
from focusapp.domain.validation import CheckInInvalidError, problems_in, validate

TODAY = dt.date(2026, 11, 3)


def fields(checkin):
    return [p.field for p in problems_in(checkin, TODAY)]


def test_a_full_valid_day_passes():
    day = CheckIn(TODAY, 3, 120, 180, 7.5, 2, 4, 1, 90, "fine")
    assert validate(day, TODAY) is day


@pytest.mark.parametrize("energy", [0, 6, -1])
def test_energy_outside_scale(energy):
    problems = problems_in(CheckIn(TODAY, energy=energy), TODAY)
    assert [p.field for p in problems] == ["energy"]
    assert "outside 1-5" in problems[0].message


def test_negative_minutes_named():
    assert fields(CheckIn(TODAY, coding_minutes=-1)) == ["coding_minutes"]
    assert fields(CheckIn(TODAY, meeting_minutes=-5)) == ["meeting_minutes"]


def test_work_over_24h():
    problems = problems_in(CheckIn(TODAY, coding_minutes=20 * 60, meeting_minutes=5 * 60), TODAY)
    assert len(problems) == 1
    assert "more than 24h" in problems[0].message


def test_exactly_24h_is_allowed():
    assert fields(CheckIn(TODAY, coding_minutes=12 * 60, meeting_minutes=12 * 60)) == []


@pytest.mark.parametrize("sleep", [-0.5, 24.5, 25])
def test_sleep_outside_range(sleep):
    assert fields(CheckIn(TODAY, sleep_hours=sleep)) == ["sleep_hours"]


def test_stress_outside_scale():
    assert fields(CheckIn(TODAY, stress=9)) == ["stress"]


def test_future_dates():
    assert fields(CheckIn(TODAY + dt.timedelta(days=1), energy=3)) == []
    problems = problems_in(CheckIn(TODAY + dt.timedelta(days=2), energy=3), TODAY)
    assert [p.field for p in problems] == ["date"]
    assert "future" in problems[0].message


def test_validate_raises_with_every_problem():
    with pytest.raises(CheckInInvalidError) as error:
        validate(CheckIn(TODAY, energy=9, stress=0, sleep_hours=30), TODAY)
    assert [p.field for p in error.value.problems] == ["energy", "stress", "sleep_hours"]


def test_note_length_limited():
    assert fields(CheckIn(TODAY, note="x" * 5001)) == ["note"]


@given(
    energy=st.one_of(st.none(), st.integers(-10, 10)),
    coding=st.one_of(st.none(), st.integers(-100, 2000)),
    meetings=st.one_of(st.none(), st.integers(-100, 2000)),
    sleep=st.one_of(st.none(), st.floats(-5, 30, allow_nan=False)),
)
def test_valid_iff_every_rule_holds(energy, coding, meetings, sleep):
    day = CheckIn(
        TODAY, energy=energy, coding_minutes=coding, meeting_minutes=meetings, sleep_hours=sleep
    )
    expected_ok = (
        (energy is None or 1 <= energy <= 5)
        and (coding is None or 0 <= coding <= 1440)
        and (meetings is None or 0 <= meetings <= 1440)
        and (coding or 0) + (meetings or 0) <= 1440
        and (sleep is None or 0 <= sleep <= 24)
    )
    assert (problems_in(day, TODAY) == []) == expected_ok
