from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from focusapp.domain.calendar import CalendarEvent, CalendarRules, Exclusion
from focusapp.domain.forecast import (
    Choice,
    PlanChoice,
    apply_plan,
    focus_minutes,
    forecast_days,
    forecast_range,
    meeting_series,
    series_id,
    unknown_series,
)
from focusapp.domain.intervals import Interval, total_minutes, union, work_window

BERLIN = ZoneInfo("Europe/Berlin")
RULES = CalendarRules(zone=BERLIN)  # work hours 09:00-17:00, day start 04:00
MON, TUE, WED = dt.date(2026, 11, 9), dt.date(2026, 11, 10), dt.date(2026, 11, 11)
NEXT_MON = dt.date(2026, 11, 16)
FIRST, LAST = MON, dt.date(2026, 11, 22)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), BERLIN).astimezone(dt.UTC)


def event(uid, day, start, end, *, summary=None, recurring=False, reason=None):
    begin = at(day, *start)
    return CalendarEvent(
        uid=uid,
        recurrence_id=f"{begin:%Y%m%dT%H%M%SZ}" if recurring else None,
        summary=summary or uid,
        start=begin,
        end=at(day, *end),
        counted=reason is None,
        reason=reason,
    )


def calendar() -> list[CalendarEvent]:
    """Known series; every figure below is worked out by hand."""
    return [
        event("weekly", MON, (9, 0), (10, 0), summary="Weekly sync", recurring=True),
        event("weekly", NEXT_MON, (9, 0), (10, 0), summary="Weekly sync", recurring=True),
        event("one-off", MON, (13, 0), (14, 0)),
        event("overlap", MON, (13, 30), (14, 30)),
        event("declined", MON, (15, 0), (16, 0), reason=Exclusion.DECLINED),
        event("late", TUE, (18, 0), (19, 0)),
        event("a", WED, (10, 0), (11, 0)),
        event("b", WED, (11, 0), (11, 30)),
        event("c", WED, (11, 35), (12, 0)),
    ]


def by_date(days):
    return {d.date: d for d in days}


def test_days_match_hand_computed_figures():
    days = by_date(forecast_days(calendar(), RULES, FIRST, LAST))
    assert len(days) == 14
    mon = days[MON]
    # 9-10 and 13-14:30 (the overlap counted once, the declined one not at all).
    assert (mon.meeting_minutes, mon.meeting_count) == (150, 3)
    assert mon.longest_free_block_minutes == 180  # 10:00-13:00
    assert mon.has_focus_block
    assert mon.after_hours_minutes == 0
    tue = days[TUE]
    assert (tue.meeting_minutes, tue.after_hours_minutes) == (60, 60)
    assert tue.longest_free_block_minutes == 480
    wed = days[WED]
    assert wed.meeting_minutes == 115
    assert wed.back_to_back_count == 2  # 11:00 right after 11:00, 11:35 five minutes after
    assert wed.longest_free_block_minutes == 300
    quiet = days[dt.date(2026, 11, 12)]
    assert (quiet.meeting_minutes, quiet.meeting_count, quiet.longest_free_block_minutes) == (
        0,
        0,
        480,
    )
    assert quiet.has_focus_block


def test_a_day_without_a_two_hour_block_has_no_focus_block():
    events = [
        event("x", MON, (10, 30), (11, 0)),
        event("y", MON, (12, 30), (13, 0)),
        event("z", MON, (14, 30), (15, 0)),
    ]
    mon = by_date(forecast_days(events, RULES, MON, MON))[MON]
    # free: 9-10:30, 11-12:30, 13-14:30 (90 each) and 15-17: exactly the 2-hour line.
    assert mon.longest_free_block_minutes == 120
    assert mon.has_focus_block
    events.append(event("w", MON, (16, 0), (16, 30)))
    events[0] = event("x", MON, (10, 0), (11, 0))
    mon = by_date(forecast_days(events, RULES, MON, MON))[MON]
    # free: 9-10, 11-12:30, 13-14:30, 15-16, 16:30-17 -> longest 90
    assert mon.longest_free_block_minutes == 90
    assert not mon.has_focus_block


def test_series_group_by_uid_with_minutes_and_focus_cost():
    series = {s.uid: s for s in meeting_series(calendar(), RULES, FIRST, LAST)}
    assert set(series) == {"weekly", "one-off", "overlap", "late", "a", "b", "c"}
    weekly = series["weekly"]
    assert (weekly.title, weekly.occurrences, weekly.minutes) == ("Weekly sync", 2, 120)
    # Mon 9: 2-h blocks 180 + 150 -> 240 + 150 without it; Mon 16: 420 -> 480.
    assert weekly.focus_cost_minutes == 60 + 60
    assert series["one-off"].focus_cost_minutes == 30  # 10-13:30 instead of 10-13
    assert series["overlap"].focus_cost_minutes == 30  # 14-17 instead of 14:30-17
    assert series["late"].focus_cost_minutes == 0  # after hours destroys no focus time
    assert series["a"].focus_cost_minutes == 120  # 9-11 would become a 2-h block
    assert series["b"].focus_cost_minutes == 0
    assert series["c"].focus_cost_minutes == 30  # 11:30-17 instead of 12-17
    assert weekly.id == series_id("weekly") and len(weekly.id) == 8


def test_series_are_ranked_by_booked_minutes():
    ranked = meeting_series(calendar(), RULES, FIRST, LAST)
    minutes = [s.minutes for s in ranked]
    assert minutes == sorted(minutes, reverse=True)
    assert ranked[0].uid == "weekly"


def test_series_ids_are_stable_and_short():
    assert series_id("abc@example.org") == series_id("abc@example.org")
    assert series_id("abc@example.org") != series_id("abd@example.org")


def test_skip_lowers_each_day_by_the_series_non_overlapping_minutes():
    events = calendar()
    before = by_date(forecast_days(events, RULES, FIRST, LAST))
    plan = [PlanChoice(series_id("one-off"), Choice.SKIP)]
    after = by_date(forecast_days(apply_plan(events, plan), RULES, FIRST, LAST))
    assert before[MON].meeting_minutes - after[MON].meeting_minutes == 30  # 13:00-13:30
    assert after[MON].meeting_count == 2
    for day in before:
        if day != MON:
            assert after[day] == before[day]


@pytest.mark.parametrize("choice", [Choice.SKIP, Choice.DECLINE, Choice.DELEGATE])
def test_skip_decline_and_delegate_take_the_series_out(choice):
    plan = [PlanChoice(series_id("weekly"), choice)]
    after = by_date(forecast_days(apply_plan(calendar(), plan), RULES, FIRST, LAST))
    assert after[MON].meeting_minutes == 90
    assert after[NEXT_MON].meeting_minutes == 0
    assert after[NEXT_MON].longest_free_block_minutes == 480


def test_shorten_keeps_the_start_and_cuts_the_length():
    plan = [PlanChoice(series_id("weekly"), Choice.SHORTEN, 30)]
    planned = apply_plan(calendar(), plan)
    after = by_date(forecast_days(planned, RULES, FIRST, LAST))
    assert after[MON].meeting_minutes == 120
    assert after[NEXT_MON].meeting_minutes == 30
    weekly = {s.uid: s for s in meeting_series(planned, RULES, FIRST, LAST)}["weekly"]
    assert weekly.minutes == 60
    # Shortening to more than booked never lengthens a meeting.
    longer = apply_plan(calendar(), [PlanChoice(series_id("weekly"), Choice.SHORTEN, 600)])
    assert by_date(forecast_days(longer, RULES, FIRST, LAST))[MON].meeting_minutes == 150


def test_plan_choice_checks_its_length():
    with pytest.raises(ValueError, match="shorten"):
        PlanChoice("x", Choice.SHORTEN)
    with pytest.raises(ValueError, match="shorten"):
        PlanChoice("x", Choice.SHORTEN, 0)
    with pytest.raises(ValueError, match="no length"):
        PlanChoice("x", Choice.SKIP, 30)


def test_unknown_series_are_reported_in_plan_order():
    series = meeting_series(calendar(), RULES, FIRST, LAST)
    plan = [PlanChoice("nope", Choice.SKIP), PlanChoice(series_id("a"), Choice.SKIP)]
    assert unknown_series(plan, series) == ["nope"]


def test_forecast_range_is_7_to_28_days():
    assert forecast_range(MON, 7) == (MON, MON + dt.timedelta(days=6))
    assert forecast_range(MON, 28)[1] == MON + dt.timedelta(days=27)
    for bad in (6, 29, 0):
        with pytest.raises(ValueError, match="7-28"):
            forecast_range(MON, bad)


def test_series_outside_the_range_are_not_listed():
    series = meeting_series(calendar(), RULES, TUE, TUE)
    assert [s.uid for s in series] == ["late"]


# --- invariants -------------------------------------------------------------------------------

slots = st.tuples(st.integers(0, 8), st.integers(7, 21), st.integers(1, 16))


@settings(max_examples=60, deadline=None)
@given(st.lists(slots, min_size=1, max_size=10))
def test_skipping_any_series_removes_exactly_its_own_time(raw):
    events = [
        CalendarEvent(
            uid=f"s{uid}",
            recurrence_id=None,
            summary=f"s{uid}",
            start=at(MON, hour),
            end=at(MON, hour) + dt.timedelta(minutes=15 * quarters),
            counted=True,
            reason=None,
        )
        for uid, hour, quarters in raw
    ]
    window = work_window(MON, BERLIN, RULES.work_hours, RULES.day_start_hour)
    everyone = [Interval(e.start, e.end) for e in events]
    before = by_date(forecast_days(events, RULES, MON, MON))[MON]
    for series in meeting_series(events, RULES, MON, MON):
        others = [e for e in events if e.uid != series.uid]
        after = by_date(
            forecast_days(apply_plan(events, [PlanChoice(series.id, Choice.SKIP)]), RULES, MON, MON)
        )[MON]
        rest = [Interval(e.start, e.end) for e in others]
        assert before.meeting_minutes - after.meeting_minutes == total_minutes(
            union(everyone)
        ) - total_minutes(union(rest))
        assert series.focus_cost_minutes == focus_minutes(rest, window) - focus_minutes(
            everyone, window
        )
        assert series.focus_cost_minutes >= 0
        assert after.meeting_minutes <= before.meeting_minutes
