from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from focusapp.domain.calendar import (
    DEFAULT_NOT_MEETING_PATTERNS,
    CalendarDay,
    CalendarEvent,
    CalendarRules,
    Exclusion,
    classify,
    event_days,
    events_on,
    matches_not_meeting,
    normalize_address,
    summarise_days,
)
from focusapp.domain.intervals import Interval, total_minutes

BERLIN = ZoneInfo("Europe/Berlin")
RULES = CalendarRules(
    zone=BERLIN, my_addresses=frozenset({"mailto:Me@Example.org", " alt@example.org "})
)


def at(month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2024, month, day, hour, minute, tzinfo=BERLIN).astimezone(dt.UTC)


def meeting(
    start: dt.datetime, minutes: int, *, uid: str = "m", reason: Exclusion | None = None
) -> CalendarEvent:
    return CalendarEvent(
        uid=uid,
        recurrence_id=None,
        summary=uid,
        start=start,
        end=start + dt.timedelta(minutes=minutes),
        counted=reason is None,
        reason=reason,
    )


def classify_simple(**overrides: object) -> Exclusion | None:
    facts: dict[str, object] = {
        "all_day": False,
        "cancelled": False,
        "free": False,
        "attendees": [],
        "summary": "Sync",
        "rules": RULES,
    }
    facts.update(overrides)
    return classify(**facts)  # type: ignore[arg-type]


# -- rules and matching -------------------------------------------------------------------


def test_rules_normalise_addresses_and_have_the_documented_defaults() -> None:
    rules = CalendarRules(zone=BERLIN)
    assert rules.work_hours == (dt.time(9), dt.time(17))
    assert rules.not_meeting_patterns == DEFAULT_NOT_MEETING_PATTERNS
    assert rules.day_start_hour == 4
    assert rules.only_with_attendees is False
    assert RULES.my_addresses == frozenset({"me@example.org", "alt@example.org"})


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"day_start_hour": 24}, "day_start_hour"),
        ({"work_hours": (dt.time(9), dt.time(9))}, "work hours"),
    ],
)
def test_rules_reject_undefined_days(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        CalendarRules(zone=BERLIN, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("mailto:Ana@Example.ORG", "ana@example.org"),
        ("MAILTO:ana@example.org", "ana@example.org"),
        ("  ana@example.org ", "ana@example.org"),
        ("", ""),
    ],
)
def test_normalize_address(address: str, expected: str) -> None:
    assert normalize_address(address) == expected


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        ("Focus", True),
        ("focus time", True),
        ("Deep FOCUS block", True),
        ("[Focus] writing", True),
        ("Focus-time", True),
        ("Lunch with Sam", True),
        ("OOO", True),
        ("ooo: dentist", True),
        ("Out of office", True),
        ("Out-of-office", True),
        ("out   of\toffice", True),
        ("Blocked", True),
        ("Refocus roadmap", False),
        ("Focused review", False),
        ("Zoooom sync", False),
        ("Lunchtime talk", False),
        ("Office hours", False),
        ("Out of the office party planning", False),
        ("", False),
    ],
)
def test_not_meeting_patterns_match_whole_words(summary: str, expected: bool) -> None:
    assert matches_not_meeting(summary, DEFAULT_NOT_MEETING_PATTERNS) is expected


def test_custom_patterns_and_empty_patterns() -> None:
    assert matches_not_meeting("1:1 with Sam", ["1:1"])
    assert matches_not_meeting("Gym", ["  gym  "])
    assert not matches_not_meeting("Anything", ["", "  ", "--"])
    assert not matches_not_meeting("Anything", [])


# -- classification -----------------------------------------------------------------------


def test_classify_counts_an_ordinary_meeting() -> None:
    assert classify_simple() is None


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"cancelled": True, "all_day": True, "free": True}, Exclusion.CANCELLED),
        ({"all_day": True, "free": True, "summary": "Focus"}, Exclusion.ALL_DAY),
        ({"free": True, "attendees": [("me@example.org", "DECLINED")]}, Exclusion.FREE),
        (
            {"attendees": [("MAILTO:ME@example.org", "declined")], "summary": "Lunch"},
            Exclusion.DECLINED,
        ),
        ({"attendees": [("alt@example.org", "DECLINED")]}, Exclusion.DECLINED),
        ({"summary": "Focus time"}, Exclusion.NOT_MEETING),
    ],
)
def test_classify_applies_reasons_in_the_documented_order(
    overrides: dict[str, object], expected: Exclusion
) -> None:
    assert classify_simple(**overrides) is expected


def test_someone_else_declining_or_me_accepting_still_counts() -> None:
    attendees = [("mailto:bob@example.org", "DECLINED"), ("mailto:me@example.org", "ACCEPTED")]
    assert classify_simple(attendees=attendees) is None


def test_declines_need_my_addresses() -> None:
    rules = CalendarRules(zone=BERLIN)
    assert classify_simple(attendees=[("me@example.org", "DECLINED")], rules=rules) is None


def test_only_with_attendees_needs_someone_besides_me() -> None:
    rules = CalendarRules(
        zone=BERLIN, my_addresses=frozenset({"me@example.org"}), only_with_attendees=True
    )
    assert classify_simple(rules=rules) is Exclusion.NO_ATTENDEES
    assert (
        classify_simple(rules=rules, attendees=[("me@example.org", "ACCEPTED")])
        is Exclusion.NO_ATTENDEES
    )
    assert classify_simple(rules=rules, attendees=[("bob@example.org", "NEEDS-ACTION")]) is None


# -- events -------------------------------------------------------------------------------


def test_event_invariants() -> None:
    start = at(5, 6, 9)
    with pytest.raises(ValueError, match="counted exactly"):
        CalendarEvent(
            uid="x",
            recurrence_id=None,
            summary="",
            start=start,
            end=start,
            counted=True,
            reason=Exclusion.FREE,
        )
    with pytest.raises(ValueError, match="before it starts"):
        CalendarEvent(
            uid="x",
            recurrence_id=None,
            summary="",
            start=start,
            end=start - dt.timedelta(1),
            counted=True,
            reason=None,
        )
    with pytest.raises(ValueError, match="aware"):
        CalendarEvent(
            uid="x",
            recurrence_id=None,
            summary="",
            start=start.replace(tzinfo=None),
            end=start,
            counted=True,
            reason=None,
        )


def test_event_days_follow_the_day_start_rule_and_calendar_dates_for_all_day() -> None:
    late = meeting(at(5, 9, 3, 30), 60)
    assert event_days(late, RULES) == (dt.date(2024, 5, 8), dt.date(2024, 5, 9))
    ends_at_boundary = meeting(at(5, 8, 23), 300)  # 23:00-04:00
    assert event_days(ends_at_boundary, RULES) == (dt.date(2024, 5, 8), dt.date(2024, 5, 8))
    zero = meeting(at(5, 9, 2), 0, reason=Exclusion.FREE)
    assert event_days(zero, RULES) == (dt.date(2024, 5, 8), dt.date(2024, 5, 8))
    all_day = CalendarEvent(
        uid="holiday",
        recurrence_id=None,
        summary="Holiday",
        start=at(5, 9, 0),
        end=at(5, 11, 0),
        counted=False,
        reason=Exclusion.ALL_DAY,
        all_day=True,
    )
    assert event_days(all_day, RULES) == (dt.date(2024, 5, 9), dt.date(2024, 5, 10))


def test_events_on_lists_counted_and_excluded_events_of_the_day() -> None:
    events = [
        meeting(at(5, 6, 10), 30, uid="b"),
        meeting(at(5, 6, 9), 30, uid="a", reason=Exclusion.DECLINED),
        meeting(at(5, 7, 10), 30, uid="other day"),
        meeting(at(5, 7, 3), 30, uid="early next morning"),
    ]
    assert [e.uid for e in events_on(events, dt.date(2024, 5, 6), RULES)] == [
        "a",
        "b",
        "early next morning",
    ]


# -- summarise_days -----------------------------------------------------------------------


def test_summary_of_a_day() -> None:
    events = [
        meeting(at(5, 7, 9), 90, uid="planning"),
        meeting(at(5, 7, 10), 60, uid="architecture"),
        meeting(at(5, 7, 11), 30, uid="touching"),
        meeting(at(5, 7, 11, 35), 25, uid="five minutes later"),
        meeting(at(5, 7, 18), 90, uid="evening"),
        meeting(at(5, 7, 12), 60, uid="declined", reason=Exclusion.DECLINED),
    ]
    days = summarise_days(events, RULES, dt.date(2024, 5, 7), dt.date(2024, 5, 8))
    assert days[dt.date(2024, 5, 7)] == CalendarDay(
        date=dt.date(2024, 5, 7),
        meeting_minutes=150 + 25 + 90,  # 09:00-11:30 merged (touching), 11:35-12:00, evening
        meeting_count=5,
        back_to_back_count=2,
        longest_free_block_minutes=5 * 60,  # 12:00-17:00
        after_hours_minutes=90,
        double_booked_minutes=30,
    )
    assert days[dt.date(2024, 5, 8)] == CalendarDay(
        date=dt.date(2024, 5, 8), longest_free_block_minutes=480
    )


def test_a_meeting_across_the_day_boundary_counts_on_both_days() -> None:
    days = summarise_days(
        [meeting(at(5, 9, 3, 30), 60)], RULES, dt.date(2024, 5, 8), dt.date(2024, 5, 9)
    )
    for day in (dt.date(2024, 5, 8), dt.date(2024, 5, 9)):
        assert days[day].meeting_minutes == 30
        assert days[day].meeting_count == 1
        assert days[day].after_hours_minutes == 30


def test_events_outside_the_days_are_ignored_and_bad_ranges_rejected() -> None:
    days = summarise_days(
        [meeting(at(5, 1, 10), 60)], RULES, dt.date(2024, 5, 6), dt.date(2024, 5, 6)
    )
    assert list(days) == [dt.date(2024, 5, 6)]
    assert days[dt.date(2024, 5, 6)].meeting_minutes == 0
    with pytest.raises(ValueError, match="before"):
        summarise_days([], RULES, dt.date(2024, 5, 6), dt.date(2024, 5, 5))


def test_summary_on_a_dst_day_uses_elapsed_time() -> None:
    # 2024-03-30 (day start 04:00) is 23 hours long; a meeting over the change is 1 real hour.
    start = dt.datetime(2024, 3, 31, 1, 30, tzinfo=BERLIN)
    event = meeting(start.astimezone(dt.UTC), 60)
    days = summarise_days([event], RULES, dt.date(2024, 3, 30), dt.date(2024, 3, 30))
    assert days[dt.date(2024, 3, 30)].meeting_minutes == 60
    assert days[dt.date(2024, 3, 30)].after_hours_minutes == 60


@st.composite
def counted_events(draw: st.DrawFn) -> list[CalendarEvent]:
    base = dt.datetime(2024, 3, 25, tzinfo=dt.UTC)
    found = []
    for index in range(draw(st.integers(0, 15))):
        start = base + dt.timedelta(minutes=draw(st.integers(0, 60 * 24 * 10)))
        length = draw(st.integers(1, 60 * 30))
        reason = draw(st.sampled_from([None, None, None, Exclusion.DECLINED]))
        found.append(meeting(start, length, uid=f"e{index}", reason=reason))
    return found


@given(counted_events(), st.sampled_from(["Europe/Berlin", "America/New_York", "UTC"]))
@settings(deadline=None, max_examples=60)
def test_day_minutes_add_up_to_the_union_of_counted_events(
    events: list[CalendarEvent], zone: str
) -> None:
    rules = CalendarRules(zone=ZoneInfo(zone))
    first, last = dt.date(2024, 3, 20), dt.date(2024, 4, 10)
    days = summarise_days(events, rules, first, last)
    counted = [Interval(e.start, e.end) for e in events if e.counted]
    assert sum(d.meeting_minutes for d in days.values()) == total_minutes(counted)
    assert sum(d.meeting_count for d in days.values()) >= len(counted)
    for day in days.values():
        assert 0 <= day.after_hours_minutes <= day.meeting_minutes
        assert 0 <= day.double_booked_minutes <= day.meeting_minutes
        assert day.back_to_back_count <= max(0, day.meeting_count - 1)
        assert 0 <= day.longest_free_block_minutes <= 8 * 60
