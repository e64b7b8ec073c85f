import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from focusapp.domain.calendar import CalendarDay, CalendarEvent, Exclusion
from focusapp.storage import migrate
from focusapp.storage.calendar_repository import CalendarRepository
from focusapp.storage.db import make_engine, make_sessions

NOW = dt.datetime(2026, 11, 3, 17, 0, tzinfo=dt.UTC)


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=dt.UTC)


def event(
    uid: str,
    start: dt.datetime,
    end: dt.datetime,
    *,
    recurrence_id: str | None = None,
    counted: bool = True,
    reason: Exclusion | None = None,
    sequence: int = 0,
    all_day: bool = False,
) -> CalendarEvent:
    return CalendarEvent(
        uid=uid,
        recurrence_id=recurrence_id,
        summary=uid,
        start=start,
        end=end,
        sequence=sequence,
        counted=counted,
        reason=reason,
        all_day=all_day,
    )


@pytest.fixture
def engine(tmp_path: Path):
    engine = make_engine(tmp_path / "calendar.sqlite3")
    migrate.upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def sessions(engine):
    return make_sessions(engine)


def add_source(sessions, path: str = "/cal/work.ics", first=dt.date(2026, 11, 1)) -> int:
    with sessions.begin() as session:
        source = CalendarRepository(session).save_source(
            path=path,
            imported_at=NOW,
            first_day=first,
            last_day=dt.date(2026, 11, 30),
            content_sha256="0" * 64,
            rules_key="1" * 64,
            extra_addresses=["me@example.org"],
            report="{}",
        )
    return source.id


def test_migration_creates_the_calendar_tables_and_downgrades_cleanly(engine):
    from alembic import command

    tables = set(inspect(engine).get_table_names())
    assert {"calendar_sources", "calendar_events", "calendar_days"} <= tables
    config = migrate._config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
    assert not {"calendar_sources", "calendar_events", "calendar_days"} & set(
        inspect(engine).get_table_names()
    )
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()


def test_source_round_trip_and_update(sessions):
    source_id = add_source(sessions)
    with sessions() as session:
        stored = CalendarRepository(session).source("/cal/work.ics")
    assert stored is not None
    assert (stored.id, stored.imported_at, stored.extra_addresses) == (
        source_id,
        NOW,
        ("me@example.org",),
    )
    assert add_source(sessions, first=dt.date(2026, 10, 1)) == source_id  # same path: updated
    with sessions() as session:
        repo = CalendarRepository(session)
        assert [s.first_day for s in repo.sources()] == [dt.date(2026, 10, 1)]
        assert repo.coverage() == [(dt.date(2026, 10, 1), dt.date(2026, 11, 30))]


def test_events_round_trip_in_utc_with_reasons(sessions):
    source_id = add_source(sessions)
    berlin_start = dt.datetime(2026, 11, 2, 10, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    stored = [
        event("a", berlin_start, berlin_start + dt.timedelta(hours=1), sequence=3),
        event(
            "b",
            at(2, 0),
            at(3, 0),
            recurrence_id="20261102",
            counted=False,
            reason=Exclusion.ALL_DAY,
            all_day=True,
        ),
    ]
    with sessions.begin() as session:
        assert CalendarRepository(session).replace_events(source_id, stored) == 2
    with sessions() as session:
        loaded = CalendarRepository(session).events_of(source_id)
    assert [e.start for e in loaded] == [at(2, 0), at(2, 9)]
    assert loaded[1].start.tzinfo is dt.UTC
    assert loaded[0].reason is Exclusion.ALL_DAY and loaded[0].all_day
    assert loaded[0].recurrence_id == "20261102"
    assert loaded[1].sequence == 3
    assert {e.source for e in loaded} == {"/cal/work.ics"}


def test_replace_events_drops_the_old_ones(sessions):
    source_id = add_source(sessions)
    with sessions.begin() as session:
        repo = CalendarRepository(session)
        repo.replace_events(source_id, [event("old", at(2, 9), at(2, 10))])
        repo.replace_events(source_id, [event("new", at(3, 9), at(3, 10))])
    with sessions() as session:
        repo = CalendarRepository(session)
        assert [e.uid for e in repo.events_of(source_id)] == ["new"]
        assert repo.event_count() == 1


def test_deleting_a_source_cascades_to_its_events(sessions, engine):
    source_id = add_source(sessions)
    other_id = add_source(sessions, "/cal/other.ics")
    with sessions.begin() as session:
        repo = CalendarRepository(session)
        repo.replace_events(source_id, [event("a", at(2, 9), at(2, 10))] * 3)
        repo.replace_events(other_id, [event("b", at(2, 9), at(2, 10))])
    with sessions.begin() as session:
        gone = CalendarRepository(session).delete_source("/cal/work.ics")
        assert gone is not None and gone.id == source_id
        assert CalendarRepository(session).delete_source("/cal/work.ics") is None
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT source_id FROM calendar_events")).all()
    assert rows == [(other_id,)]


def test_events_between_uses_the_window_and_filters_counted(sessions):
    source_id = add_source(sessions)
    with sessions.begin() as session:
        CalendarRepository(session).replace_events(
            source_id,
            [
                event("before", at(1, 8), at(1, 9)),
                event("touching-start", at(2, 8), at(2, 9)),
                event("inside", at(2, 12), at(2, 13)),
                event("zero", at(2, 9), at(2, 9), counted=False, reason=Exclusion.FREE),
                event("long", at(1, 0), at(5, 0), counted=False, reason=Exclusion.ALL_DAY),
                event("after", at(4, 8), at(4, 9)),
            ],
        )
    with sessions() as session:
        repo = CalendarRepository(session)
        found = [e.uid for _, e in repo.events_between(at(2, 9), at(3, 0))]
        counted = [e.uid for _, e in repo.events_between(at(2, 9), at(3, 0), counted_only=True)]
        by_uid = repo.events_with_uids({"inside", "after", "missing"})
    assert found == ["long", "touching-start", "zero", "inside"]
    assert counted == ["touching-start", "inside"]
    assert sorted(e.uid for _, e in by_uid) == ["after", "inside"]
    assert {source for source, _ in by_uid} == {source_id}


def test_day_numbers_are_set_and_removed_per_day(sessions):
    first = CalendarDay(dt.date(2026, 11, 2), 90, 2, 1, 240, 30, 15)
    second = CalendarDay(dt.date(2026, 11, 3), 0, 0, 0, 480, 0, 0)
    with sessions.begin() as session:
        CalendarRepository(session).set_days({first.date: first, second.date: second})
    with sessions.begin() as session:
        repo = CalendarRepository(session)
        assert repo.days_between() == {first.date: first, second.date: second}
        assert repo.days_between(second.date, None) == {second.date: second}
        repo.set_days({first.date: None, second.date: CalendarDay(second.date, 30, 1, 0, 450)})
    with sessions() as session:
        assert CalendarRepository(session).days_between(first.date, second.date) == {
            second.date: CalendarDay(second.date, 30, 1, 0, 450)
        }


def test_many_events_are_written_in_chunks(sessions):
    source_id = add_source(sessions)
    start = at(1, 0)
    many = [
        event(f"e{i}", start + dt.timedelta(minutes=i), start + dt.timedelta(minutes=i + 1))
        for i in range(1234)
    ]
    with sessions.begin() as session:
        CalendarRepository(session).replace_events(source_id, many)
    with sessions() as session:
        repo = CalendarRepository(session)
        assert repo.event_count() == 1234
        assert len(repo.events_with_uids({e.uid for e in many})) == 1234
