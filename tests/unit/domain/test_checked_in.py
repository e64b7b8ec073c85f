import datetime as dt

from focusapp.domain.checked_in import is_checked_in
from focusapp.domain.models import CheckIn

DAY = dt.date(2026, 11, 3)


def test_energy_makes_a_day_checked_in():
    assert is_checked_in(CheckIn(DAY, energy=1))
    assert is_checked_in(CheckIn(DAY, energy=5, meeting_minutes=0))


def test_a_day_without_energy_is_not_checked_in():
    assert not is_checked_in(None)
    assert not is_checked_in(CheckIn(DAY))
    assert not is_checked_in(CheckIn(DAY, coding_minutes=90, meeting_minutes=120, note="x"))
