import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from focusapp.domain.coding import Commit
from focusapp.domain.models import CheckIn
from focusapp.domain.sources import (
    DayRules,
    DerivedDay,
    Source,
    merge,
    with_activity_days,
    with_commit_days,
)

RULES = DayRules(ZoneInfo("Europe/Berlin"), 4)
DAY = dt.date(2026, 11, 2)


def at(hour: int, minute: int = 0, day: int = 2) -> Commit:
    when = dt.datetime(2026, 11, day, hour, minute, tzinfo=RULES.zone)
    return Commit(f"{day}-{hour}-{minute}", when, "/src/a")


COMMITS = [at(9), at(10)]  # one session 08:30-10:00: 90 minutes


@pytest.mark.parametrize(
    ("sessions", "expected", "from_commits"),
    [(None, 90, True), (60, 90, True), (90, 90, False), (120, 120, False)],
)
def test_the_larger_of_sessions_and_commits_is_the_days_coding_time(
    sessions, expected, from_commits
) -> None:
    derived = {} if sessions is None else {DAY: DerivedDay(DAY, coding_minutes=sessions)}
    with_commit_days(derived, COMMITS, RULES, (None, None))
    assert derived[DAY].coding_minutes == expected
    assert (derived[DAY].coding_from is Source.COMMITS) is from_commits


def test_only_days_inside_the_span_are_touched() -> None:
    derived: dict[dt.date, DerivedDay] = {}
    with_commit_days(derived, [*COMMITS, at(9, day=3)], RULES, (DAY, DAY))
    assert list(derived) == [DAY]


def test_a_session_after_midnight_belongs_to_the_day_before_the_day_start() -> None:
    derived: dict[dt.date, DerivedDay] = {}
    with_commit_days(derived, [at(1, day=3), at(2, day=3)], RULES, (None, None))
    assert derived == {DAY: DerivedDay(DAY, coding_minutes=90, coding_from=Source.COMMITS)}


def test_typed_coding_time_wins_and_the_source_says_where_it_came_from() -> None:
    derived = with_commit_days({}, COMMITS, RULES, (None, None))
    assert merge(DAY, None, derived[DAY]).coding_source is Source.COMMITS
    typed = CheckIn(date=DAY, coding_minutes=10)
    sources = merge(DAY, typed, derived[DAY])
    assert sources.effective.coding_minutes == 10
    assert sources.coding_source is Source.TYPED


def test_activitywatch_time_is_split_at_the_day_start_and_wins_when_largest() -> None:
    from focusapp.domain.intervals import Interval

    def span(day: int, hour: int, minutes: int) -> Interval:
        start = dt.datetime(2026, 11, day, hour, tzinfo=RULES.zone)
        return Interval(start, start + dt.timedelta(minutes=minutes))

    derived = {DAY: DerivedDay(DAY, coding_minutes=30)}
    # 03:00-05:00 on the 3rd: one hour before the 04:00 day start (the 2nd), one after.
    activity = [span(2, 9, 45), span(2, 9, 30), span(3, 3, 120)]
    with_activity_days(derived, activity, RULES, (None, None))
    assert derived[DAY] == DerivedDay(DAY, coding_minutes=105, coding_from=Source.ACTIVITY)
    assert derived[DAY + dt.timedelta(days=1)].coding_minutes == 60
    assert merge(DAY, None, derived[DAY]).coding_source is Source.ACTIVITY
