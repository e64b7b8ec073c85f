import datetime as dt

import pytest

from focusapp.domain.models import CheckIn
from focusapp.domain.sources import Source
from focusapp.services.changes import ChangeKind, Changes
from focusapp.services.focus import FocusError


def test_start_stop_books_minutes_on_the_day(context, clock):
    focus = context.focus
    started = focus.start()
    assert focus.running() == started
    clock.advance(dt.timedelta(minutes=95))
    stopped = focus.stop()
    assert stopped.ended_at - stopped.started_at == dt.timedelta(minutes=95)
    day = context.checkins.today()
    assert context.checkins.get(day) == CheckIn(day, coding_minutes=95)
    assert context.checkins.sources(day).coding_source is Source.SESSIONS


def test_typed_value_wins_and_clearing_switches_back(context, clock):
    focus = context.focus
    day = context.checkins.today()
    focus.start()
    clock.advance(dt.timedelta(minutes=60))
    focus.stop()
    context.checkins.record(day, {"coding_minutes": 30, "energy": 3})
    sources = context.checkins.sources(day)
    assert sources.effective.coding_minutes == 30
    assert sources.coding_source is Source.TYPED
    assert sources.derived.coding_minutes == 60
    context.checkins.record(day, {"coding_minutes": None})
    assert context.checkins.get(day).coding_minutes == 60
    assert context.checkins.get(day).energy == 3


def test_running_session_counts_up_to_now(context, clock):
    context.focus.start()
    clock.advance(dt.timedelta(minutes=20))
    assert context.checkins.get(context.checkins.today()).coding_minutes == 20


def test_only_one_session_at_a_time(context):
    context.focus.start()
    with pytest.raises(FocusError, match="already running"):
        context.focus.start()


def test_stop_without_session(context):
    with pytest.raises(FocusError, match="no focus session"):
        context.focus.stop()


def test_session_across_day_start_is_split(context, clock):
    # Berlin: start 03:00 on Wed 4 Nov (still Tuesday's day), stop 05:00 (Wednesday's day).
    clock.current = dt.datetime(2026, 11, 4, 2, 0, tzinfo=dt.UTC)
    session = context.focus.start()
    clock.advance(dt.timedelta(hours=2))
    stopped = context.focus.stop()
    assert context.focus.minutes_by_day(stopped) == {
        dt.date(2026, 11, 3): 60,
        dt.date(2026, 11, 4): 60,
    }
    assert [d.coding_minutes for d in context.checkins.days()] == [60, 60]
    assert session.id == stopped.id


def test_stop_at_an_earlier_instant_for_crash_recovery(context, clock):
    context.focus.start()
    last_alive = clock.now() + dt.timedelta(minutes=25)
    clock.advance(dt.timedelta(hours=9))
    stopped = context.focus.stop(ended_at=last_alive)
    assert stopped.ended_at == last_alive


def test_session_survives_a_restart(context, data_dir, clock):
    from focusapp.bootstrap import open_context

    context.focus.start()
    again = open_context(data_dir, clock=clock, zone=context.zone)
    try:
        assert again.focus.running() is not None
    finally:
        again.close()


def test_discard(context):
    context.focus.start()
    context.focus.discard()
    assert context.focus.running() is None
    assert context.checkins.days() == []


def test_starting_and_stopping_publish_the_days_they_change(context, clock):
    heard: list[Changes] = []
    context.feed.subscribe(heard.append)
    context.focus.start()
    clock.advance(dt.timedelta(minutes=5))
    context.focus.stop()
    today = context.checkins.today()
    assert heard == [Changes.of(ChangeKind.FOCUS, [today])] * 2


def test_the_running_session_is_read_once_until_a_change(context, clock):
    from sqlalchemy import event

    statements: list[str] = []
    event.listen(context.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    assert context.focus.running() is None
    assert context.focus.running() is None
    assert len([s for s in statements if s.startswith("SELECT")]) == 1
    started = context.focus.start()
    assert context.focus.running() == started  # read again after the change
    context.feed.publish(Changes.anything())  # another process may have stopped it
    statements.clear()
    assert context.focus.running() == started
    assert len([s for s in statements if s.startswith("SELECT")]) == 1
