import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from focusapp.domain.models import CheckIn
from focusapp.domain.sources import DerivedDay, Source, merge, merge_all

DAY = dt.date(2026, 11, 3)
maybe_minutes = st.one_of(st.none(), st.integers(0, 600))


def test_typed_wins_field_by_field():
    typed = CheckIn(DAY, energy=3, coding_minutes=30)
    derived = DerivedDay(DAY, coding_minutes=90, meeting_minutes=120, meeting_count=4)
    sources = merge(DAY, typed, derived)
    assert sources.effective == CheckIn(
        DAY, energy=3, coding_minutes=30, meeting_minutes=120, meeting_count=4
    )
    assert sources.coding_source is Source.TYPED
    assert sources.meeting_source is Source.CALENDAR


def test_nothing_known():
    sources = merge(DAY, None, None)
    assert sources.effective == CheckIn(DAY)
    assert sources.coding_source is None


def test_merge_all_includes_days_with_only_derived_data():
    days = merge_all(
        {DAY: CheckIn(DAY, energy=2)},
        {DAY + dt.timedelta(days=1): DerivedDay(DAY + dt.timedelta(days=1), coding_minutes=15)},
    )
    assert [d.date for d in days] == [DAY, DAY + dt.timedelta(days=1)]
    assert days[1].coding_minutes == 15


@given(maybe_minutes, maybe_minutes, maybe_minutes, maybe_minutes)
def test_effective_value_is_typed_else_derived(typed_coding, typed_meetings, sessions, calendar):
    sources = merge(
        DAY,
        CheckIn(DAY, coding_minutes=typed_coding, meeting_minutes=typed_meetings),
        DerivedDay(DAY, coding_minutes=sessions, meeting_minutes=calendar),
    )
    assert sources.effective.coding_minutes == (
        typed_coding if typed_coding is not None else sessions
    )
    assert sources.effective.meeting_minutes == (
        typed_meetings if typed_meetings is not None else calendar
    )
