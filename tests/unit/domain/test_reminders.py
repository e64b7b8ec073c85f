from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import Counter
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from focusapp.domain.days import day_bounds, local_day
from focusapp.domain.reminders.model import Reminder, ReminderInputs, ReminderKind
from focusapp.domain.reminders.pause import (
    is_paused,
    pause_for,
    pause_rest_of_today,
    pause_until,
    resume,
    snooze_checkin,
)
from focusapp.domain.reminders.schedule import (
    checkin_window,
    due_reminders,
    mark_shown,
    next_wakeup,
)
from focusapp.domain.reminders.state import ReminderState
from focusapp.domain.reminders.wall_clock import detect_clock_jump, resolve_wall_time

NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")
SYDNEY = ZoneInfo("Australia/Sydney")
KOLKATA = ZoneInfo("Asia/Kolkata")
ZONES = (NEW_YORK, BERLIN, SYDNEY, KOLKATA)
EVERY_DAY = frozenset(range(7))
CHECKIN_KINDS = {ReminderKind.CHECKIN, ReminderKind.CHECKIN_REPEAT}

# Monday 2024-06-03 .. Sunday 2024-06-09: no DST change in any of the zones.
MONDAY = dt.date(2024, 6, 3)


def at(zone: ZoneInfo, day: dt.date, hour: int, minute: int = 0, fold: int = 0) -> dt.datetime:
    """An aware instant (UTC) from a local wall reading."""
    local = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone, fold=fold)
    return local.astimezone(dt.UTC)


def inputs(now: dt.datetime, zone: ZoneInfo = BERLIN, **changes: Any) -> ReminderInputs:
    return ReminderInputs(now=now, zone=zone, **changes)


def show_all(inp: ReminderInputs, state: ReminderState) -> tuple[list[Reminder], ReminderState]:
    """What a controller does on each wake: show everything due and record it."""
    due = due_reminders(inp, state)
    for reminder in due:
        state = mark_shown(state, reminder, inp.now)
    return due, state


def kinds(reminders: list[Reminder]) -> list[ReminderKind]:
    return [reminder.kind for reminder in reminders]


def day_after(day: dt.date, days: int = 1) -> dt.date:
    return day + dt.timedelta(days=days)


# --- The daily check-in reminder -------------------------------------------------------------


def test_nothing_before_the_reminder_time_then_due_at_it() -> None:
    state = ReminderState()
    assert due_reminders(inputs(at(BERLIN, MONDAY, 17, 29)), state) == []
    due = due_reminders(inputs(at(BERLIN, MONDAY, 17, 30)), state)
    assert due == [Reminder(ReminderKind.CHECKIN, at(BERLIN, MONDAY, 17, 30), MONDAY)]


def test_asking_twice_before_marking_returns_the_same_reminder() -> None:
    inp = inputs(at(BERLIN, MONDAY, 18))
    assert due_reminders(inp, ReminderState()) == due_reminders(inp, ReminderState())


def test_a_checked_in_day_gets_no_reminder_at_all() -> None:
    for hour in (17, 18, 22, 23):
        now = at(BERLIN, MONDAY, hour, 45)
        assert due_reminders(inputs(now, today_checked_in=True), ReminderState()) == []


def test_checking_in_after_the_first_reminder_cancels_the_repeat() -> None:
    _, state = show_all(inputs(at(BERLIN, MONDAY, 17, 30)), ReminderState())
    later = inputs(at(BERLIN, MONDAY, 18, 30), today_checked_in=True)
    assert due_reminders(later, state) == []


def test_no_reminder_on_the_weekend_by_default() -> None:
    saturday = day_after(MONDAY, 5)
    assert due_reminders(inputs(at(BERLIN, saturday, 18)), ReminderState()) == []


def test_configured_work_days_are_honoured() -> None:
    saturday, monday = day_after(MONDAY, 5), MONDAY
    weekend = frozenset({5, 6})
    assert kinds(due_reminders(inputs(at(BERLIN, saturday, 18), workdays=weekend), ReminderState()))
    assert due_reminders(inputs(at(BERLIN, monday, 18), workdays=weekend), ReminderState()) == []
    assert (
        due_reminders(inputs(at(BERLIN, monday, 18), workdays=frozenset()), ReminderState()) == []
    )


def test_custom_reminder_time() -> None:
    inp = inputs(at(BERLIN, MONDAY, 9), reminder_time=dt.time(9, 15))
    assert due_reminders(inp, ReminderState()) == []
    inp = dataclasses.replace(inp, now=at(BERLIN, MONDAY, 9, 15))
    assert kinds(due_reminders(inp, ReminderState())) == [ReminderKind.CHECKIN]


def test_ignored_reminder_repeats_exactly_once_after_the_snooze() -> None:
    shown, state = show_all(inputs(at(BERLIN, MONDAY, 17, 30)), ReminderState())
    assert kinds(shown) == [ReminderKind.CHECKIN]
    assert due_reminders(inputs(at(BERLIN, MONDAY, 18, 14)), state) == []
    repeat, state = show_all(inputs(at(BERLIN, MONDAY, 18, 15)), state)
    assert repeat == [Reminder(ReminderKind.CHECKIN_REPEAT, at(BERLIN, MONDAY, 18, 15), MONDAY)]
    for hour, minute in ((19, 0), (21, 30), (23, 59)):
        assert due_reminders(inputs(at(BERLIN, MONDAY, hour, minute)), state) == []
    assert due_reminders(inputs(at(BERLIN, day_after(MONDAY), 3, 59)), state) == []
    assert state.checkin_count == 2


def test_a_snoozed_reminder_comes_back_once_at_the_snooze_end_instead_of_the_repeat() -> None:
    _, state = show_all(inputs(at(BERLIN, MONDAY, 17, 30)), ReminderState())
    state = snooze_checkin(state, MONDAY, at(BERLIN, MONDAY, 17, 31), dt.timedelta(minutes=30))
    assert next_wakeup(inputs(at(BERLIN, MONDAY, 17, 31)), state) == at(BERLIN, MONDAY, 18, 1)
    assert due_reminders(inputs(at(BERLIN, MONDAY, 18, 0)), state) == []
    again, state = show_all(inputs(at(BERLIN, MONDAY, 18, 1)), state)
    assert again == [Reminder(ReminderKind.CHECKIN_REPEAT, at(BERLIN, MONDAY, 18, 1), MONDAY)]
    # The automatic repeat (17:30 + 45 min) does not come on top of it, nor anything later.
    for hour, minute in ((18, 15), (18, 46), (20, 0), (23, 59)):
        assert due_reminders(inputs(at(BERLIN, MONDAY, hour, minute)), state) == []
    assert state.checkin_snoozed_until is None


def test_snoozing_the_repeat_gives_exactly_one_more() -> None:
    _, state = show_all(inputs(at(BERLIN, MONDAY, 17, 30)), ReminderState())
    _, state = show_all(inputs(at(BERLIN, MONDAY, 18, 15)), state)
    state = snooze_checkin(state, MONDAY, at(BERLIN, MONDAY, 18, 16), dt.timedelta(minutes=30))
    shown, state = show_all(inputs(at(BERLIN, MONDAY, 18, 46)), state)
    assert kinds(shown) == [ReminderKind.CHECKIN_REPEAT]
    assert due_reminders(inputs(at(BERLIN, MONDAY, 21, 0)), state) == []


def test_a_snooze_is_cancelled_by_checking_in_and_never_reaches_past_the_day() -> None:
    _, state = show_all(inputs(at(BERLIN, MONDAY, 17, 30)), ReminderState())
    state = snooze_checkin(state, MONDAY, at(BERLIN, MONDAY, 17, 31), dt.timedelta(minutes=30))
    done = inputs(at(BERLIN, MONDAY, 18, 5), today_checked_in=True)
    assert due_reminders(done, state) == []
    late = snooze_checkin(
        state, MONDAY, at(BERLIN, day_after(MONDAY), 3, 50), dt.timedelta(hours=1)
    )
    tuesday = inputs(at(BERLIN, day_after(MONDAY), 5, 0))
    assert due_reminders(tuesday, late) == []  # Monday's snooze ended with Monday
    assert next_wakeup(tuesday, late) == at(BERLIN, day_after(MONDAY), 17, 30)


def test_a_snooze_for_an_older_day_changes_nothing() -> None:
    _, state = show_all(inputs(at(BERLIN, day_after(MONDAY), 17, 30)), ReminderState())
    assert snooze_checkin(state, MONDAY, at(BERLIN, MONDAY, 18), dt.timedelta(minutes=30)) == state


def test_a_snooze_needs_an_aware_instant_and_a_positive_delay() -> None:
    with pytest.raises(ValueError, match="aware"):
        snooze_checkin(ReminderState(), MONDAY, dt.datetime(2024, 6, 3, 18), dt.timedelta(1))
    with pytest.raises(ValueError, match="positive"):
        snooze_checkin(ReminderState(), MONDAY, at(BERLIN, MONDAY, 18), dt.timedelta(0))


@settings(max_examples=200, deadline=None)
@given(
    delays=st.lists(st.integers(min_value=1, max_value=180), min_size=1, max_size=4),
    steps=st.lists(st.integers(min_value=1, max_value=50), min_size=1, max_size=80),
)
def test_property_each_snooze_gives_exactly_one_reminder_at_its_end(
    delays: list[int], steps: list[int]
) -> None:
    """Wake at random moments; snooze each shown reminder while snoozes are left."""
    now = at(BERLIN, MONDAY, 17, 30)
    end = at(BERLIN, day_after(MONDAY), 4)
    state, left, snoozed_for = ReminderState(), list(delays), None
    shown_after_snooze = 0
    for step in steps:
        if now >= end:
            break
        due, state = show_all(inputs(now), state)
        for reminder in due:
            assert reminder.kind in CHECKIN_KINDS
            if snoozed_for is not None:
                assert reminder.due_at == snoozed_for  # at the snooze's end, not the repeat
                shown_after_snooze += 1
                snoozed_for = None
            if left:
                state = snooze_checkin(state, MONDAY, now, dt.timedelta(minutes=left.pop(0)))
                snoozed_for = state.checkin_snoozed_until
        now += dt.timedelta(minutes=step)
    snoozes = len(delays) - len(left)
    assert shown_after_snooze in (snoozes, snoozes - 1)  # the last may still be pending
    if snoozed_for is None:
        assert shown_after_snooze == snoozes


def test_snooze_interval_is_configurable() -> None:
    _, state = show_all(inputs(at(BERLIN, MONDAY, 17, 30), snooze_minutes=10), ReminderState())
    assert due_reminders(inputs(at(BERLIN, MONDAY, 17, 39), snooze_minutes=10), state) == []
    late = inputs(at(BERLIN, MONDAY, 17, 40), snooze_minutes=10)
    assert kinds(due_reminders(late, state)) == [ReminderKind.CHECKIN_REPEAT]


def test_repeat_counts_from_when_the_reminder_was_actually_shown() -> None:
    # The machine slept through 17:30 and woke at 19:02.
    shown, state = show_all(inputs(at(BERLIN, MONDAY, 19, 2)), ReminderState())
    assert shown == [Reminder(ReminderKind.CHECKIN, at(BERLIN, MONDAY, 17, 30), MONDAY)]
    assert due_reminders(inputs(at(BERLIN, MONDAY, 19, 46)), state) == []
    assert kinds(due_reminders(inputs(at(BERLIN, MONDAY, 19, 47)), state)) == [
        ReminderKind.CHECKIN_REPEAT
    ]
    assert next_wakeup(inputs(at(BERLIN, MONDAY, 19, 2)), state) == at(BERLIN, MONDAY, 19, 47)


def test_sleep_across_the_reminder_time_fires_once_on_wake() -> None:
    state = ReminderState()
    _, state = show_all(inputs(at(BERLIN, MONDAY, 16, 50)), state)  # last tick before sleep
    shown, state = show_all(inputs(at(BERLIN, MONDAY, 22, 10)), state)  # wake
    assert kinds(shown) == [ReminderKind.CHECKIN]  # once, not also the repeat
    again, state = show_all(inputs(at(BERLIN, MONDAY, 22, 10)), state)
    assert again == []


def test_sleep_across_the_day_end_never_fires_for_the_past_day() -> None:
    tuesday = day_after(MONDAY)
    state = ReminderState()
    _, state = show_all(inputs(at(BERLIN, MONDAY, 16, 50)), state)
    for wake in (at(BERLIN, tuesday, 4, 0), at(BERLIN, tuesday, 9), at(BERLIN, tuesday, 17, 29)):
        assert due_reminders(inputs(wake), state) == []
    shown, _ = show_all(inputs(at(BERLIN, tuesday, 17, 30)), state)
    assert [(r.kind, r.day) for r in shown] == [(ReminderKind.CHECKIN, tuesday)]


def test_waking_after_midnight_but_before_the_day_start_still_reminds_for_the_evening() -> None:
    tuesday = day_after(MONDAY)
    shown, _ = show_all(inputs(at(BERLIN, tuesday, 1, 15)), ReminderState())
    assert [(r.kind, r.day) for r in shown] == [(ReminderKind.CHECKIN, MONDAY)]


def test_day_start_hour_decides_when_a_day_has_ended() -> None:
    tuesday = day_after(MONDAY)
    # With days starting at midnight, 01:15 is already Tuesday (before its reminder).
    assert (
        due_reminders(inputs(at(BERLIN, tuesday, 1, 15), day_start_hour=0), ReminderState()) == []
    )
    # With days starting at 06:00, 05:30 still belongs to Monday.
    late = inputs(at(BERLIN, tuesday, 5, 30), day_start_hour=6)
    assert [(r.kind, r.day) for r in due_reminders(late, ReminderState())] == [
        (ReminderKind.CHECKIN, MONDAY)
    ]


def test_reminder_time_before_the_day_start_belongs_to_the_next_morning() -> None:
    # 02:00 with a 04:00 day start: the reminder for user-day D rings at 02:00 on D+1.
    friday, saturday = day_after(MONDAY, 4), day_after(MONDAY, 5)
    sunday, monday2, tuesday2 = day_after(MONDAY, 6), day_after(MONDAY, 7), day_after(MONDAY, 8)
    early: dict[str, Any] = {"reminder_time": dt.time(2, 0), "day_start_hour": 4}
    assert checkin_window(friday, BERLIN, 4, dt.time(2, 0)) == (
        at(BERLIN, saturday, 2),
        at(BERLIN, saturday, 4),
    )
    # Friday evening: nothing yet, the next wake is Saturday 02:00 for Friday.
    assert due_reminders(inputs(at(BERLIN, friday, 23), **early), ReminderState()) == []
    assert next_wakeup(inputs(at(BERLIN, friday, 23), **early), ReminderState()) == at(
        BERLIN, saturday, 2
    )
    shown, state = show_all(inputs(at(BERLIN, saturday, 2, 5), **early), ReminderState())
    assert [(r.kind, r.day) for r in shown] == [(ReminderKind.CHECKIN, friday)]
    # Monday 02:00 belongs to Sunday's user-day (not a work day); Monday's rings Tuesday 02:00.
    assert due_reminders(inputs(at(BERLIN, monday2, 2, 30), **early), state) == []
    assert next_wakeup(inputs(at(BERLIN, monday2, 2, 30), **early), state) == at(
        BERLIN, tuesday2, 2
    )
    shown, _ = show_all(inputs(at(BERLIN, tuesday2, 2), **early), state)
    assert [(r.kind, r.day) for r in shown] == [(ReminderKind.CHECKIN, monday2)]
    # A repeat that would fall after the day's end (04:00) is dropped.
    _, state = show_all(inputs(at(BERLIN, saturday, 3, 30), **early), ReminderState())
    assert due_reminders(inputs(at(BERLIN, saturday, 3, 59), **early), state) == []
    assert due_reminders(inputs(at(BERLIN, sunday, 4, 15), **early), state) == []


# --- Clock changes ---------------------------------------------------------------------------


def test_clock_jump_forward_over_several_days_reminds_only_for_the_current_day() -> None:
    _, state = show_all(inputs(at(BERLIN, MONDAY, 17, 30)), ReminderState())
    thursday = day_after(MONDAY, 3)
    shown, state = show_all(inputs(at(BERLIN, thursday, 20)), state)
    assert [(r.kind, r.day) for r in shown] == [(ReminderKind.CHECKIN, thursday)]


def test_clock_jump_back_within_the_day_does_not_repeat_the_first_reminder() -> None:
    _, state = show_all(inputs(at(BERLIN, MONDAY, 17, 30)), ReminderState())
    assert due_reminders(inputs(at(BERLIN, MONDAY, 17, 0)), state) == []
    assert due_reminders(inputs(at(BERLIN, MONDAY, 17, 31)), state) == []
    assert next_wakeup(inputs(at(BERLIN, MONDAY, 17, 0)), state) == at(BERLIN, MONDAY, 18, 15)


def test_clock_jump_back_to_an_earlier_day_never_reminds_for_it() -> None:
    tuesday = day_after(MONDAY)
    _, state = show_all(inputs(at(BERLIN, tuesday, 17, 30)), ReminderState())
    assert due_reminders(inputs(at(BERLIN, MONDAY, 18)), state) == []
    assert due_reminders(inputs(at(BERLIN, MONDAY, 23)), state) == []
    # The pending repeat for Tuesday is still the next thing.
    assert next_wakeup(inputs(at(BERLIN, MONDAY, 18)), state) == at(BERLIN, tuesday, 18, 15)


def test_marking_an_older_day_never_reopens_a_newer_one() -> None:
    tuesday = day_after(MONDAY)
    _, state = show_all(inputs(at(BERLIN, tuesday, 17, 30)), ReminderState())
    stale = Reminder(ReminderKind.CHECKIN, at(BERLIN, MONDAY, 17, 30), MONDAY)
    assert mark_shown(state, stale, at(BERLIN, tuesday, 18)) == state


def test_detect_clock_jump() -> None:
    planned = at(BERLIN, MONDAY, 17, 30)
    assert not detect_clock_jump(planned, planned)
    assert not detect_clock_jump(planned, planned + dt.timedelta(seconds=90))
    assert detect_clock_jump(planned, planned + dt.timedelta(hours=3))  # slept
    assert detect_clock_jump(planned, planned - dt.timedelta(minutes=10))  # clock set back
    assert not detect_clock_jump(
        planned, planned + dt.timedelta(minutes=9), tolerance=dt.timedelta(minutes=10)
    )
    # Different zones, same instant.
    assert not detect_clock_jump(planned, planned.astimezone(SYDNEY))
    with pytest.raises(ValueError, match="aware"):
        detect_clock_jump(planned, dt.datetime(2024, 6, 3, 17, 30))
    with pytest.raises(ValueError, match="negative"):
        detect_clock_jump(planned, planned, tolerance=dt.timedelta(seconds=-1))


# --- DST ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "day", "expected_local"),
    [
        # Spring forward 02:00 -> 03:00: 02:30 does not exist, fire when the clocks jump.
        (NEW_YORK, dt.date(2024, 3, 10), (3, 0)),
        (BERLIN, dt.date(2024, 3, 31), (3, 0)),
        (SYDNEY, dt.date(2024, 10, 6), (3, 0)),
        # Control: no DST, 02:30 is just 02:30.
        (KOLKATA, dt.date(2024, 3, 10), (2, 30)),
    ],
)
def test_reminder_time_in_a_spring_forward_gap_fires_at_the_first_valid_instant(
    zone: ZoneInfo, day: dt.date, expected_local: tuple[int, int]
) -> None:
    expected = at(zone, day, *expected_local)
    options: dict[str, Any] = {
        "reminder_time": dt.time(2, 30),
        "day_start_hour": 0,
        "workdays": EVERY_DAY,
    }
    wall = dt.datetime(day.year, day.month, day.day, 2, 30)
    assert resolve_wall_time(wall, zone) == expected
    start = inputs(at(zone, day, 0, 30), zone, **options)
    assert next_wakeup(start, ReminderState()) == expected
    just_before = inputs(expected - dt.timedelta(seconds=1), zone, **options)
    assert due_reminders(just_before, ReminderState()) == []
    on_time = inputs(expected, zone, **options)
    assert due_reminders(on_time, ReminderState()) == [
        Reminder(ReminderKind.CHECKIN, expected, day)
    ]


@pytest.mark.parametrize(
    ("zone", "day", "wall"),
    [
        # Fall back: the wall time happens twice; fire at the first occurrence only.
        (NEW_YORK, dt.date(2024, 11, 3), dt.time(1, 30)),
        (BERLIN, dt.date(2024, 10, 27), dt.time(2, 30)),
        (SYDNEY, dt.date(2024, 4, 7), dt.time(2, 30)),
        (KOLKATA, dt.date(2024, 11, 3), dt.time(1, 30)),
    ],
)
def test_reminder_time_in_a_fall_back_fold_fires_once_at_the_first_occurrence(
    zone: ZoneInfo, day: dt.date, wall: dt.time
) -> None:
    first = at(zone, day, wall.hour, wall.minute, fold=0)
    second = at(zone, day, wall.hour, wall.minute, fold=1)
    options: dict[str, Any] = {
        "reminder_time": wall,
        "day_start_hour": 0,
        "workdays": EVERY_DAY,
        "snooze_minutes": 180,
    }
    assert next_wakeup(inputs(at(zone, day, 0, 10), zone, **options), ReminderState()) == first
    shown, state = show_all(inputs(first, zone, **options), ReminderState())
    assert shown == [Reminder(ReminderKind.CHECKIN, first, day)]
    assert due_reminders(inputs(second, zone, **options), state) == []
    after = inputs(second + dt.timedelta(minutes=1), zone, **options)
    assert next_wakeup(after, state) == first + dt.timedelta(minutes=180)


def test_reminder_in_a_gap_right_before_the_day_start_keeps_its_day() -> None:
    # Day start 03:00 and reminder 02:30 on the spring-forward night: 02:30 does not exist
    # and 03:00 is already the next day, so the reminder moves to the day's last minute.
    saturday, sunday = dt.date(2024, 3, 30), dt.date(2024, 3, 31)
    due, end = checkin_window(saturday, BERLIN, 3, dt.time(2, 30))
    assert end == at(BERLIN, sunday, 3)
    assert due == end - dt.timedelta(minutes=1)
    options: dict[str, Any] = {
        "reminder_time": dt.time(2, 30),
        "day_start_hour": 3,
        "workdays": EVERY_DAY,
    }
    shown, _ = show_all(inputs(due, BERLIN, **options), ReminderState())
    assert [(r.kind, r.day) for r in shown] == [(ReminderKind.CHECKIN, saturday)]


@pytest.mark.parametrize(
    ("zone", "change_day"),
    [
        (NEW_YORK, dt.date(2024, 3, 10)),
        (NEW_YORK, dt.date(2024, 11, 3)),
        (BERLIN, dt.date(2024, 3, 31)),
        (BERLIN, dt.date(2024, 10, 27)),
        (SYDNEY, dt.date(2024, 4, 7)),
        (SYDNEY, dt.date(2024, 10, 6)),
        (KOLKATA, dt.date(2024, 3, 31)),
    ],
)
def test_reminder_stays_at_the_same_wall_time_across_a_dst_change(
    zone: ZoneInfo, change_day: dt.date
) -> None:
    # Walk a week with the wake-up timer alone; every reminder is at 17:30 local.
    options: dict[str, Any] = {"workdays": EVERY_DAY, "snooze_minutes": 45}
    now = at(zone, change_day - dt.timedelta(days=3), 12)
    state = ReminderState()
    seen: list[tuple[ReminderKind, dt.date, dt.datetime]] = []
    for _ in range(40):
        wake = next_wakeup(inputs(now, zone, **options), state)
        assert wake is not None
        assert wake >= now
        if wake > at(zone, change_day + dt.timedelta(days=3), 23):
            break
        now = wake
        shown, state = show_all(inputs(now, zone, **options), state)
        seen += [(r.kind, r.day, now.astimezone(zone)) for r in shown]
    days = [change_day + dt.timedelta(days=offset) for offset in range(-3, 4)]
    expected = [
        (kind, day, wall)
        for day in days
        for kind, wall in (
            (ReminderKind.CHECKIN, at(zone, day, 17, 30)),
            (ReminderKind.CHECKIN_REPEAT, at(zone, day, 18, 15)),
        )
    ]
    assert [(k, d) for k, d, _ in seen] == [(k, d) for k, d, _ in expected]
    assert [(w.hour, w.minute) for _, _, w in seen] == [(17, 30), (18, 15)] * 7
    assert [w for _, _, w in seen] == [w for _, _, w in expected]


# --- Pausing -----------------------------------------------------------------------------------


def test_pause_for_an_hour_holds_the_reminder_until_the_pause_ends() -> None:
    state = pause_for(ReminderState(), at(BERLIN, MONDAY, 17, 20), dt.timedelta(hours=1))
    assert is_paused(state, at(BERLIN, MONDAY, 18, 19))
    assert due_reminders(inputs(at(BERLIN, MONDAY, 17, 30)), state) == []
    assert next_wakeup(inputs(at(BERLIN, MONDAY, 17, 30)), state) == at(BERLIN, MONDAY, 18, 20)
    shown, _ = show_all(inputs(at(BERLIN, MONDAY, 18, 20)), state)
    assert kinds(shown) == [ReminderKind.CHECKIN]


def test_pause_for_the_rest_of_today_skips_today_and_resumes_tomorrow() -> None:
    tuesday = day_after(MONDAY)
    state = pause_rest_of_today(ReminderState(), at(BERLIN, MONDAY, 9), BERLIN)
    assert state.paused_until == at(BERLIN, tuesday, 4)
    for hour in (17, 20, 23):
        assert due_reminders(inputs(at(BERLIN, MONDAY, hour, 30)), state) == []
    assert next_wakeup(inputs(at(BERLIN, MONDAY, 17, 30)), state) == at(BERLIN, tuesday, 17, 30)
    shown, _ = show_all(inputs(at(BERLIN, tuesday, 17, 30)), state)
    assert [(r.kind, r.day) for r in shown] == [(ReminderKind.CHECKIN, tuesday)]


def test_rest_of_today_after_midnight_means_until_the_day_start() -> None:
    tuesday = day_after(MONDAY)
    state = pause_rest_of_today(ReminderState(), at(BERLIN, tuesday, 1), BERLIN, 4)
    assert state.paused_until == at(BERLIN, tuesday, 4)


def test_pause_silences_every_kind_and_resume_lifts_it() -> None:
    inp = inputs(
        at(BERLIN, MONDAY, 18),
        today_meeting_minutes=300,
        risk_level="high",
        focus_session_started_at=at(BERLIN, MONDAY, 15),
        focus_session_id=1,
    )
    state = pause_until(ReminderState(), at(BERLIN, MONDAY, 19))
    assert due_reminders(inp, state) == []
    assert next_wakeup(inp, state) == at(BERLIN, MONDAY, 19)
    assert set(kinds(due_reminders(inp, resume(state)))) == {
        ReminderKind.CHECKIN,
        ReminderKind.FOCUS_BREAK,
        ReminderKind.MEETING_BUDGET,
        ReminderKind.RISK,
    }


def test_pause_needs_an_aware_instant() -> None:
    with pytest.raises(ValueError, match="aware"):
        pause_until(ReminderState(), dt.datetime(2024, 6, 3, 18))


# --- Focus, meetings, risk ---------------------------------------------------------------------


def test_focus_break_once_per_session_at_the_focus_length() -> None:
    start = at(BERLIN, MONDAY, 9)
    inp = inputs(at(BERLIN, MONDAY, 9, 5), focus_session_started_at=start, focus_session_id=7)
    assert due_reminders(inp, ReminderState()) == []
    assert next_wakeup(inp, ReminderState()) == at(BERLIN, MONDAY, 10, 30)
    inp = dataclasses.replace(inp, now=at(BERLIN, MONDAY, 10, 30))
    shown, state = show_all(inp, ReminderState())
    assert shown == [
        Reminder(
            ReminderKind.FOCUS_BREAK,
            at(BERLIN, MONDAY, 10, 30),
            MONDAY,
            focus_session_id=7,
            focus_started_at=start,
        )
    ]
    for hour in (11, 12, 13):
        assert due_reminders(dataclasses.replace(inp, now=at(BERLIN, MONDAY, hour)), state) == []
    # A new session gets its own nudge after its own focus length.
    later = inputs(
        at(BERLIN, MONDAY, 14, 45),
        focus_session_started_at=at(BERLIN, MONDAY, 14),
        focus_session_id=8,
        focus_length_minutes=45,
    )
    assert kinds(due_reminders(later, state)) == [ReminderKind.FOCUS_BREAK]


def test_focus_session_is_the_same_before_and_after_it_gets_an_id() -> None:
    start = at(BERLIN, MONDAY, 9)
    unsaved = inputs(at(BERLIN, MONDAY, 11), focus_session_started_at=start)
    _, state = show_all(unsaved, ReminderState())
    saved = dataclasses.replace(unsaved, focus_session_id=3)
    assert due_reminders(saved, state) == []
    # A reused id with another start is another session.
    other = dataclasses.replace(saved, focus_session_started_at=at(BERLIN, MONDAY, 9, 10))
    assert kinds(due_reminders(other, state)) == [ReminderKind.FOCUS_BREAK]


def test_meeting_budget_nudge_once_per_day_and_only_above_the_budget() -> None:
    assert (
        due_reminders(inputs(at(BERLIN, MONDAY, 12), today_meeting_minutes=240), ReminderState())
        == []
    )
    over = inputs(at(BERLIN, MONDAY, 12), today_meeting_minutes=241)
    shown, state = show_all(over, ReminderState())
    assert shown == [Reminder(ReminderKind.MEETING_BUDGET, at(BERLIN, MONDAY, 12), MONDAY)]
    more = inputs(at(BERLIN, MONDAY, 15), today_meeting_minutes=400)
    assert due_reminders(more, state) == []
    tuesday = day_after(MONDAY)
    next_day = inputs(at(BERLIN, tuesday, 12), today_meeting_minutes=300)
    assert kinds(due_reminders(next_day, state)) == [ReminderKind.MEETING_BUDGET]
    # The meeting nudge comes on any day, and a budget of 0 turns it off.
    saturday = day_after(MONDAY, 5)
    assert kinds(due_reminders(inputs(at(BERLIN, saturday, 12), today_meeting_minutes=300), state))
    off = inputs(at(BERLIN, tuesday, 12), today_meeting_minutes=300, meeting_budget_minutes=0)
    assert due_reminders(off, state) == []


def test_meeting_budget_is_configurable() -> None:
    inp = inputs(at(BERLIN, MONDAY, 12), today_meeting_minutes=61, meeting_budget_minutes=60)
    assert kinds(due_reminders(inp, ReminderState())) == [ReminderKind.MEETING_BUDGET]


@pytest.mark.parametrize("level", [None, "low", "moderate", "elevated", "unknown"])
def test_risk_notification_not_below_high(level: str | None) -> None:
    assert due_reminders(inputs(at(BERLIN, MONDAY, 12), risk_level=level), ReminderState()) == []
    assert (
        next_wakeup(
            inputs(at(BERLIN, MONDAY, 12), risk_level=level, workdays=frozenset()), ReminderState()
        )
        is None
    )


@pytest.mark.parametrize("level", ["high", "very_high"])
def test_risk_notification_at_most_once_per_rolling_week(level: str) -> None:
    first = at(BERLIN, MONDAY, 12)
    shown, state = show_all(inputs(first, risk_level=level), ReminderState())
    assert kinds(shown) == [ReminderKind.RISK]
    for days in (1, 3, 6):
        later = inputs(first + dt.timedelta(days=days, hours=23), risk_level=level)
        assert due_reminders(later, state) == []
    quiet = inputs(first + dt.timedelta(days=2), risk_level=level, workdays=frozenset())
    assert next_wakeup(quiet, state) == first + dt.timedelta(days=7)
    week = inputs(first + dt.timedelta(days=7), risk_level="very_high")
    assert kinds(due_reminders(week, state)) == [ReminderKind.RISK]


def test_the_risk_notification_waits_for_risk_not_before() -> None:
    now = at(BERLIN, MONDAY, 12)
    later = now + dt.timedelta(minutes=2)
    held = inputs(now, risk_level="high", risk_not_before=later, workdays=frozenset())
    assert due_reminders(held, ReminderState()) == []
    assert next_wakeup(held, ReminderState()) == later
    ready = inputs(later, risk_level="high", risk_not_before=later)
    assert kinds(due_reminders(ready, ReminderState())) == [ReminderKind.RISK]
    # It never brings the notification forward inside the rolling week.
    _, state = show_all(ready, ReminderState())
    early = inputs(later + dt.timedelta(days=1), risk_level="high", risk_not_before=later)
    assert due_reminders(early, state) == []


def test_several_kinds_come_earliest_first() -> None:
    inp = inputs(
        at(BERLIN, MONDAY, 18),
        focus_session_started_at=at(BERLIN, MONDAY, 16),
        focus_session_id=1,
        today_meeting_minutes=300,
    )
    assert kinds(due_reminders(inp, ReminderState())) == [
        ReminderKind.CHECKIN,
        ReminderKind.FOCUS_BREAK,
        ReminderKind.MEETING_BUDGET,
    ]


# --- next_wakeup -------------------------------------------------------------------------------


def test_next_wakeup_is_none_when_nothing_is_scheduled() -> None:
    inp = inputs(at(BERLIN, MONDAY, 12), workdays=frozenset())
    assert next_wakeup(inp, ReminderState()) is None


def test_next_wakeup_is_now_while_something_is_due_and_unmarked() -> None:
    now = at(BERLIN, MONDAY, 18)
    assert next_wakeup(inputs(now), ReminderState()) == now


def test_next_wakeup_skips_a_checked_in_day_and_the_weekend() -> None:
    friday = day_after(MONDAY, 4)
    monday2 = day_after(MONDAY, 7)
    now = at(BERLIN, friday, 12)
    assert next_wakeup(inputs(now), ReminderState()) == at(BERLIN, friday, 17, 30)
    assert next_wakeup(inputs(now, today_checked_in=True), ReminderState()) == at(
        BERLIN, monday2, 17, 30
    )


def test_next_wakeup_after_both_reminders_is_the_next_work_day() -> None:
    _, state = show_all(inputs(at(BERLIN, MONDAY, 17, 30)), ReminderState())
    _, state = show_all(inputs(at(BERLIN, MONDAY, 18, 15)), state)
    assert next_wakeup(inputs(at(BERLIN, MONDAY, 18, 15)), state) == at(
        BERLIN, day_after(MONDAY), 17, 30
    )


def test_next_wakeup_drops_a_repeat_that_would_fall_after_the_day_end() -> None:
    # Shown at 03:30 (after a wake), the repeat at 04:15 would be in the next day.
    tuesday = day_after(MONDAY)
    _, state = show_all(inputs(at(BERLIN, tuesday, 3, 30)), ReminderState())
    assert next_wakeup(inputs(at(BERLIN, tuesday, 3, 30)), state) == at(BERLIN, tuesday, 17, 30)


# --- State persistence and validation ----------------------------------------------------------


def test_state_round_trips_through_json() -> None:
    state = ReminderState()
    _, state = show_all(
        inputs(
            at(BERLIN, MONDAY, 18),
            focus_session_started_at=at(BERLIN, MONDAY, 16),
            focus_session_id=4,
            today_meeting_minutes=300,
            risk_level="high",
        ),
        state,
    )
    state = pause_for(state, at(BERLIN, MONDAY, 18), dt.timedelta(hours=1))
    state = snooze_checkin(state, MONDAY, at(BERLIN, MONDAY, 18), dt.timedelta(minutes=30))
    assert state.checkin_snoozed_until is not None
    text = json.dumps(state.to_dict())
    assert ReminderState.from_dict(json.loads(text)) == state
    assert ReminderState.from_dict(ReminderState().to_dict()) == ReminderState()


def test_a_restart_never_doubles_a_reminder() -> None:
    _, state = show_all(inputs(at(BERLIN, MONDAY, 17, 30)), ReminderState())
    restored = ReminderState.from_dict(json.loads(json.dumps(state.to_dict())))
    assert due_reminders(inputs(at(BERLIN, MONDAY, 17, 35)), restored) == []


def test_state_from_dict_is_lenient_about_missing_and_unknown_keys() -> None:
    assert ReminderState.from_dict({}) == ReminderState()
    assert ReminderState.from_dict({"version": 99, "future_field": [1]}) == ReminderState()


@pytest.mark.parametrize(
    "data",
    [
        {"checkin_day": 20240603},
        {"checkin_day": "June 3rd"},
        {"checkin_count": "1"},
        {"checkin_count": True},
        {"checkin_count": 7},
        {"checkin_shown_at": "2024-06-03T17:30:00"},
        {"last_risk_at": "yesterday"},
        {"paused_until": 5},
        {"focus_nudge_session_id": "x"},
        {"checkin_snoozed_until": "2024-06-03T18:00:00"},
    ],
)
def test_state_from_dict_rejects_bad_values(data: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        ReminderState.from_dict(data)


def test_inputs_are_validated() -> None:
    with pytest.raises(ValueError, match="aware"):
        ReminderInputs(now=dt.datetime(2024, 6, 3, 18), zone=BERLIN)
    now = at(BERLIN, MONDAY, 18)
    with pytest.raises(ValueError, match="workdays"):
        ReminderInputs(now=now, zone=BERLIN, workdays=frozenset({7}))
    with pytest.raises(ValueError, match="snooze"):
        ReminderInputs(now=now, zone=BERLIN, snooze_minutes=0)
    with pytest.raises(ValueError, match="aware"):
        ReminderInputs(
            now=now,
            zone=BERLIN,
            focus_session_started_at=dt.datetime(2024, 6, 3),
        )


def test_reminder_kind_values_are_stable() -> None:
    assert [kind.value for kind in ReminderKind] == [
        "checkin",
        "checkin_repeat",
        "focus_break",
        "meeting_budget",
        "risk",
        "weekly_review",
    ]


# --- Properties --------------------------------------------------------------------------------

# Starts a few days before a DST change in at least one of the zones.
BASE_DAYS = (
    dt.date(2024, 3, 7),
    dt.date(2024, 3, 28),
    dt.date(2024, 4, 4),
    dt.date(2024, 6, 3),
    dt.date(2024, 10, 3),
    dt.date(2024, 10, 24),
    dt.date(2024, 10, 31),
)
SIM_DAYS = 12

scenario = st.fixed_dictionaries(
    {
        "zone": st.sampled_from(ZONES),
        "base": st.sampled_from(BASE_DAYS),
        "day_start_hour": st.integers(0, 12),
        "reminder_time": st.builds(
            dt.time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45, 59])
        ),
        "workdays": st.frozensets(st.integers(0, 6)),
        "snooze_minutes": st.integers(1, 240),
    }
)
# Per simulated day: None (never checked in) or the minutes after the day start it happens.
checkin_offsets = st.lists(
    st.one_of(st.none(), st.integers(0, 26 * 60)), min_size=SIM_DAYS, max_size=SIM_DAYS
)


def _options(sc: dict[str, Any]) -> dict[str, Any]:
    return {
        key: sc[key] for key in ("day_start_hour", "reminder_time", "workdays", "snooze_minutes")
    }


def _checked_in(
    now: dt.datetime, sc: dict[str, Any], day: dt.date, offsets: list[int | None]
) -> bool:
    index = (day - sc["base"]).days
    offset = offsets[index] if 0 <= index < len(offsets) else None
    if offset is None:
        return False
    start, _ = day_bounds(day, sc["zone"], sc["day_start_hour"])
    return now >= start + dt.timedelta(minutes=offset)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sc=scenario,
    offsets=checkin_offsets,
    steps=st.lists(
        st.one_of(st.integers(1, 90), st.integers(90, 36 * 60)), min_size=1, max_size=60
    ),
)
def test_property_random_wakeups_show_each_day_at_most_twice_and_never_late(
    sc: dict[str, Any], offsets: list[int | None], steps: list[int]
) -> None:
    zone, start_hour = sc["zone"], sc["day_start_hour"]
    now = day_bounds(sc["base"], zone, start_hour)[0]
    last_day = sc["base"] + dt.timedelta(days=SIM_DAYS - 1)
    state = ReminderState()
    shows: Counter[dt.date] = Counter()
    had_chance: set[dt.date] = set()
    for minutes in steps:
        now += dt.timedelta(minutes=minutes)
        today = local_day(now, zone, start_hour)
        if today > last_day:
            break
        checked = _checked_in(now, sc, today, offsets)
        inp = ReminderInputs(now=now, zone=zone, today_checked_in=checked, **_options(sc))
        due_at, end = checkin_window(today, zone, start_hour, sc["reminder_time"])
        if today.weekday() in sc["workdays"] and not checked and due_at <= now < end:
            had_chance.add(today)
        wake = next_wakeup(inp, state)
        assert wake is None or wake >= now
        shown, state = show_all(inp, state)
        for reminder in shown:
            assert reminder.kind in CHECKIN_KINDS
            start, end = day_bounds(reminder.day, zone, start_hour)
            assert start <= now < end, "never for a day that has ended"
            assert reminder.day == today
            assert not checked
            assert reminder.day.weekday() in sc["workdays"]
            shows[reminder.day] += 1
        if shown:
            assert next_wakeup(inp, state) != now
    assert all(count <= 2 for count in shows.values()), shows
    assert had_chance <= set(shows), "woken in the window but never reminded"


@settings(max_examples=100, deadline=None)
@given(
    sc=scenario,
    instants=st.lists(st.integers(0, SIM_DAYS * 24 * 60), min_size=1, max_size=60),
)
def test_property_clock_jumping_both_ways_never_shows_a_day_more_than_twice(
    sc: dict[str, Any], instants: list[int]
) -> None:
    zone, start_hour = sc["zone"], sc["day_start_hour"]
    origin = day_bounds(sc["base"], zone, start_hour)[0]
    state = ReminderState()
    shows: Counter[dt.date] = Counter()
    for minutes in instants:
        now = origin + dt.timedelta(minutes=minutes)
        inp = ReminderInputs(now=now, zone=zone, **_options(sc))
        shown, state = show_all(inp, state)
        for reminder in shown:
            assert reminder.day == local_day(now, zone, start_hour)
            shows[reminder.day] += 1
    assert all(count <= 2 for count in shows.values()), shows


@settings(max_examples=100, deadline=None)
@given(
    sc=scenario,
    start_minute=st.integers(0, 3 * 24 * 60),
    probes=st.lists(st.floats(0, 1, exclude_max=True), min_size=20, max_size=20),
    oversleep=st.lists(st.sampled_from([0, 0, 0, 7, 600]), min_size=20, max_size=20),
    focus_after=st.one_of(st.none(), st.integers(0, 600)),
    risk=st.sampled_from([None, "low", "high", "very_high"]),
)
def test_property_nothing_becomes_due_before_next_wakeup(
    sc: dict[str, Any],
    start_minute: int,
    probes: list[float],
    oversleep: list[int],
    focus_after: int | None,
    risk: str | None,
) -> None:
    zone, start_hour = sc["zone"], sc["day_start_hour"]
    now = day_bounds(sc["base"], zone, start_hour)[0] + dt.timedelta(minutes=start_minute)
    # A focus session (if any) started before the run and keeps running throughout.
    focus_start = None if focus_after is None else now - dt.timedelta(minutes=focus_after)
    state = ReminderState()
    for probe, extra in zip(probes, oversleep, strict=True):
        inp = ReminderInputs(
            now=now,
            zone=zone,
            focus_session_started_at=focus_start,
            focus_session_id=None if focus_start is None else 1,
            risk_level=risk,
            **_options(sc),
        )
        _, state = show_all(inp, state)
        wake = next_wakeup(inp, state)
        if wake is None:
            # Only possible when no kind can ever fire again.
            assert not sc["workdays"]
            assert risk not in ("high", "very_high")
            assert focus_start is None or state.focus_nudge_started_at is not None
            return
        assert wake > now, "everything due was just marked"
        # A probe before the wake-up sees nothing due.
        probe_at = now + (wake - now) * probe
        if probe_at < wake:
            assert due_reminders(dataclasses.replace(inp, now=probe_at), state) == []
        now = wake + dt.timedelta(minutes=extra)
