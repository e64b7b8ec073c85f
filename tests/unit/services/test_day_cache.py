"""The window's kept days answer exactly what the database says, after any mix of changes.

Two check-in services share one database: one keeps days in memory (as the window does),
the other reads the database every time (as a command does). Whatever is written, through
whichever path publishes it (a check-in, a deletion, an import, a focus session, a calendar
sync, another process's write), every read of either must agree, running sessions included.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from focusapp.bootstrap import open_context
from focusapp.domain.calendar import CalendarDay
from focusapp.domain.clock import FixedClock
from focusapp.domain.models import CheckIn
from focusapp.services.changes import ChangeKind, Changes
from focusapp.services.checkins import CheckInService
from focusapp.services.profile import Profile
from focusapp.storage.calendar_repository import CalendarRepository
from tests.conftest import BERLIN

TODAY = dt.date(2026, 11, 3)
FIRST = TODAY - dt.timedelta(days=20)
DAYS = st.integers(0, 21).map(lambda n: FIRST + dt.timedelta(days=n))

record = st.tuples(
    st.just("record"),
    DAYS,
    st.fixed_dictionaries(
        {},
        optional={
            "energy": st.integers(1, 5),
            "coding_minutes": st.integers(0, 600),
            "meeting_minutes": st.integers(0, 600),
            "note": st.text(max_size=5),
        },
    ),
)
delete = st.tuples(st.just("delete"), DAYS, st.just({}))
imported = st.tuples(st.just("import"), DAYS, st.fixed_dictionaries({"energy": st.integers(1, 5)}))
calendar = st.tuples(
    st.just("calendar"), DAYS, st.fixed_dictionaries({"minutes": st.sampled_from([0, 30, 150])})
)
focus = st.tuples(st.just("focus"), st.just(TODAY), st.just({}))
external = st.tuples(
    st.just("external"), DAYS, st.fixed_dictionaries({"energy": st.integers(1, 5)})
)
read = st.tuples(st.just("read"), DAYS, st.fixed_dictionaries({"span": st.integers(0, 10)}))
OPERATIONS = st.lists(
    st.one_of(record, delete, imported, calendar, focus, external, read), max_size=25
)


def _apply(context, step: tuple[str, dt.date, dict]) -> None:
    kind, day, values = step
    checkins = context.checkins
    if kind == "record":
        checkins.record(day, values)
    elif kind == "delete":
        checkins.delete(day)
    elif kind == "import":
        checkins.import_days([(CheckIn(day, **values), frozenset(values))], choice_overwrite())
    elif kind == "calendar":  # what a calendar sync stores, announced as the service does
        with context.sessions.begin() as session:
            numbers = CalendarDay(day, values["minutes"], 1 if values["minutes"] else 0)
            CalendarRepository(session).set_days({day: numbers})
        context.feed.publish(Changes.of(ChangeKind.CALENDAR))
    elif kind == "focus":
        if context.focus.running() is None:
            context.focus.start()
        else:
            context.clock.advance(dt.timedelta(minutes=25))
            context.focus.stop()
    elif kind == "external":  # a command writes behind the window's back; the watcher tells
        CheckInService(Profile(context.sessions, context.clock, context.zone, lambda: 4)).record(
            day, values
        )
        context.feed.publish(Changes.anything())
    context.clock.advance(dt.timedelta(minutes=1))


def choice_overwrite():
    from focusapp.domain.imports import ImportChoice

    return ImportChoice.OVERWRITE


def _agree(kept: CheckInService, direct: CheckInService, day: dt.date, span: int) -> None:
    last = min(day + dt.timedelta(days=span), TODAY + dt.timedelta(days=1))
    assert kept.days(day, last) == direct.days(day, last)
    assert kept.sources(day) == direct.sources(day)
    assert kept.days(FIRST, TODAY) == direct.days(FIRST, TODAY)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=OPERATIONS)
def test_kept_days_always_match_the_database(steps) -> None:
    with tempfile.TemporaryDirectory() as folder:
        clock = FixedClock(dt.datetime(2026, 11, 3, 9, 0, tzinfo=BERLIN))
        context = open_context(Path(folder), clock=clock, zone=BERLIN, keep_days=True)
        try:
            direct = CheckInService(Profile(context.sessions, clock, context.zone, lambda: 4))
            kept = context.checkins
            kept.days(FIRST - dt.timedelta(days=5), TODAY)  # the window's first read
            for step in steps:
                _apply(context, step)
                day, values = step[1], step[2]
                _agree(kept, direct, day, values.get("span", 0))
        finally:
            context.close()


def test_a_save_reads_no_more_than_its_own_row(context_kept) -> None:
    from sqlalchemy import event

    context = context_kept
    context.checkins.days(FIRST, TODAY)
    statements: list[str] = []
    event.listen(context.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    context.checkins.record(TODAY, {"energy": 4})
    context.checkins.sources(TODAY)
    context.checkins.days(FIRST, TODAY)
    assert len([s for s in statements if s.startswith("SELECT")]) == 2  # under the write lock


def test_a_running_session_keeps_its_days_live(context_kept) -> None:
    context = context_kept
    context.checkins.days(FIRST, TODAY)
    context.focus.start()
    context.clock.advance(dt.timedelta(minutes=40))
    assert context.checkins.get(TODAY).coding_minutes == 40  # grows with the clock
    context.clock.advance(dt.timedelta(minutes=20))
    assert context.checkins.get(TODAY).coding_minutes == 60
    context.checkins.days(FIRST, TODAY)
    assert context.checkins.kept_sources(TODAY) is None  # never answered from memory...
    assert context.checkins.kept_sources(TODAY - dt.timedelta(days=1)) is not None  # the rest is


@pytest.fixture
def context_kept(data_dir, clock):
    context = open_context(data_dir, clock=clock, zone=BERLIN, keep_days=True)
    yield context
    context.close()
