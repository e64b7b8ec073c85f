"""The weekly review is due once per ISO week at its wall-clock moment, never twice."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from focusapp.domain.reminders.model import ReminderInputs, ReminderKind
from focusapp.domain.reminders.schedule import due_reminders, mark_shown, next_wakeup
from focusapp.domain.reminders.state import ReminderState
from focusapp.domain.review_schedule import ReviewMoment, week_start

BERLIN = ZoneInfo("Europe/Berlin")
ZONES = [ZoneInfo(name) for name in ("Europe/Berlin", "America/New_York", "Australia/Sydney")]
FRIDAY_4PM = ReviewMoment(4, dt.time(16, 0))


def _inputs(now: dt.datetime, moment: ReviewMoment | None = FRIDAY_4PM) -> ReminderInputs:
    # Checked in and no focus: only the review can be due.
    return ReminderInputs(now=now, zone=now.tzinfo, today_checked_in=True, review_moment=moment)  # type: ignore[arg-type]


def _reviews(inputs: ReminderInputs, state: ReminderState) -> list[object]:
    return [r for r in due_reminders(inputs, state) if r.kind is ReminderKind.WEEKLY_REVIEW]


def test_due_at_the_moment_and_not_before():
    before = dt.datetime(2026, 11, 27, 15, 59, tzinfo=BERLIN)  # a Friday
    at = dt.datetime(2026, 11, 27, 16, 0, tzinfo=BERLIN)
    state = ReminderState()
    assert _reviews(_inputs(before), state) == []
    assert next_wakeup(_inputs(before), state) == at.astimezone(dt.UTC)
    (review,) = _reviews(_inputs(at), state)
    assert review.due_at == at.astimezone(dt.UTC)


def test_shown_once_then_never_again_that_week():
    at = dt.datetime(2026, 11, 27, 16, 0, tzinfo=BERLIN)
    (review,) = _reviews(_inputs(at), ReminderState())
    state = mark_shown(ReminderState(), review, at)
    restored = ReminderState.from_dict(state.to_dict())  # a restart reads the state file
    for later in (at + dt.timedelta(hours=2), at + dt.timedelta(days=2)):
        assert _reviews(_inputs(later), restored) == []
    next_week = dt.datetime(2026, 12, 4, 16, 0, tzinfo=BERLIN)
    assert len(_reviews(_inputs(next_week), restored)) == 1


def test_waking_later_in_the_week_shows_it_once():
    asleep_until = dt.datetime(2026, 11, 29, 10, 0, tzinfo=BERLIN)  # Sunday
    assert len(_reviews(_inputs(asleep_until), ReminderState())) == 1


def test_a_missed_week_is_not_reviewed_late():
    monday_after = dt.datetime(2026, 11, 30, 9, 0, tzinfo=BERLIN)
    assert _reviews(_inputs(monday_after), ReminderState()) == []


def test_off_when_there_is_no_moment():
    at = dt.datetime(2026, 11, 27, 16, 0, tzinfo=BERLIN)
    assert _reviews(_inputs(at, None), ReminderState()) == []


def test_a_moment_in_a_spring_forward_gap_fires_when_the_clocks_jump():
    moment = ReviewMoment(6, dt.time(2, 30))  # Sunday 02:30, skipped on 2026-03-29 in Berlin
    at = dt.datetime(2026, 3, 29, 1, 0, tzinfo=dt.UTC)  # 03:00 CEST, the jump
    (review,) = _reviews(_inputs(at.astimezone(BERLIN), moment), ReminderState())
    assert review.due_at == at


@pytest.mark.parametrize("weekday", [0, 6])
def test_moment_validation(weekday):
    assert ReviewMoment(weekday, dt.time(9)).weekday == weekday
    with pytest.raises(ValueError, match="weekday"):
        ReviewMoment(7, dt.time(9))


@settings(max_examples=60, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    start=st.datetimes(min_value=dt.datetime(2026, 1, 1), max_value=dt.datetime(2027, 12, 1)),
    steps=st.lists(st.integers(1, 36 * 60), min_size=1, max_size=40),
    weekday=st.integers(0, 6),
    hour=st.integers(0, 23),
)
def test_never_twice_in_a_week_whatever_the_wakeups(zone, start, steps, weekday, hour):
    moment = ReviewMoment(weekday, dt.time(hour))
    now = start.replace(tzinfo=zone).astimezone(dt.UTC)
    state = ReminderState()
    shown_weeks: list[dt.date] = []
    for minutes in steps:
        now += dt.timedelta(minutes=minutes)
        inputs = _inputs(now.astimezone(zone), moment)
        for review in _reviews(inputs, state):
            assert review.due_at <= now
            shown_weeks.append(week_start(review.day))
            state = mark_shown(state, review, now)
    assert len(shown_weeks) == len(set(shown_weeks)), "a week was reviewed twice"
