import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import inspect

from focusapp.domain.coding import Commit
from focusapp.storage import migrate
from focusapp.storage.calendar_repository import CalendarRepository
from focusapp.storage.db import make_engine, make_sessions
from focusapp.storage.sources_repository import AddedCalendarRepository, CodingRepository

NOW = dt.datetime(2026, 11, 3, 12, tzinfo=dt.UTC)


@pytest.fixture
def engine(tmp_path: Path):
    engine = make_engine(tmp_path / "sources.sqlite3")
    migrate.upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def sessions(engine):
    return make_sessions(engine)


def commit(sha: str, hour: int, repository: str = "/src/a") -> Commit:
    return Commit(sha, dt.datetime(2026, 11, 2, hour, tzinfo=dt.UTC), repository)


def test_0005_upgrades_a_0004_database_and_keeps_its_data(tmp_path):
    engine = make_engine(tmp_path / "old.sqlite3")
    migrate.upgrade(engine, "0004")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO checkins (day, energy, zone, created_at, updated_at) VALUES "
            "('2026-01-05', 4, 'UTC', '2026-01-05 10:00:00', '2026-01-05 10:00:00')"
        )
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    tables = set(inspect(engine).get_table_names())
    assert {"added_calendars", "coding_sources", "coding_commits", "checkins"} <= tables
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM checkins").scalar() == 1
    engine.dispose()


def test_0005_downgrades_cleanly(tmp_path):
    from alembic import command

    engine = make_engine(tmp_path / "down.sqlite3")
    migrate.upgrade(engine)
    config = migrate._config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
    tables = set(inspect(engine).get_table_names())
    assert not {"added_calendars", "coding_sources", "coding_commits"} & tables
    assert "plan_choices" in tables
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    engine.dispose()


def test_added_calendars_keep_their_first_time_and_latest_kind(sessions):
    later = NOW + dt.timedelta(days=1)
    with sessions.begin() as session:
        repo = AddedCalendarRepository(session)
        repo.add("/cal/work", "vdir", NOW)
        repo.add("/cal/home.ics", "ics", NOW)
        repo.add("/cal/work", "evolution", later)
    with sessions() as session:
        repo = AddedCalendarRepository(session)
        assert [(c.path, c.kind, c.added_at) for c in repo.all()] == [
            ("/cal/work", "evolution", NOW),
            ("/cal/home.ics", "ics", NOW),
        ]
        assert repo.get("/nowhere") is None
    with sessions.begin() as session:
        assert AddedCalendarRepository(session).remove("/cal/work") is True
        assert AddedCalendarRepository(session).remove("/cal/work") is False


def test_removing_an_added_calendar_leaves_its_imported_events_to_the_calendar_tables(sessions):
    # The two lists are separate on purpose: the service removes both in one transaction.
    with sessions.begin() as session:
        AddedCalendarRepository(session).add("/cal/work", "vdir", NOW)
        CalendarRepository(session).save_source(
            path="/cal/work",
            imported_at=NOW,
            first_day=dt.date(2026, 11, 1),
            last_day=dt.date(2026, 11, 30),
            content_sha256="x",
            rules_key="y",
            extra_addresses=(),
            report="{}",
        )
    with sessions.begin() as session:
        AddedCalendarRepository(session).remove("/cal/work")
    with sessions() as session:
        assert CalendarRepository(session).source("/cal/work") is not None


def test_coding_commits_are_replaced_per_source_and_cascade_on_removal(sessions):
    with sessions.begin() as session:
        repo = CodingRepository(session)
        a = repo.save_source(
            path="/src/a",
            kind="git",
            authors=["me@x.org", "me@y.org"],
            added_at=NOW,
            scanned_at=NOW,
            report="{}",
        )
        b = repo.save_source(
            path="/src/b", kind="git", authors=[], added_at=NOW, scanned_at=None, report="{}"
        )
        repo.replace_commits(a.id, [commit("1", 9), commit("2", 10)])
        repo.replace_commits(b.id, [commit("3", 11, "/src/b")])
        repo.replace_commits(a.id, [commit("2", 10)])
    with sessions() as session:
        repo = CodingRepository(session)
        assert repo.source("/src/a").authors == ("me@x.org", "me@y.org")
        assert [c.sha for c in repo.commits_between()] == ["2", "3"]
        assert repo.commit_count(a.id) == 1
        window = repo.commits_between(commit("x", 10).authored_at, commit("x", 10).authored_at)
        assert [c.sha for c in window] == ["2"]
        assert window[0].authored_at.tzinfo is dt.UTC
    with sessions.begin() as session:
        assert CodingRepository(session).delete_source("/src/a") is True
        assert CodingRepository(session).delete_source("/src/a") is False
    with sessions() as session:
        repo = CodingRepository(session)
        assert [c.sha for c in repo.commits_between()] == ["3"]
        assert [s.path for s in repo.sources()] == ["/src/b"]


def test_saving_a_coding_source_again_keeps_when_it_was_added(sessions):
    with sessions.begin() as session:
        CodingRepository(session).save_source(
            path="/src/a", kind="git", authors=[], added_at=NOW, scanned_at=None, report="{}"
        )
    with sessions.begin() as session:
        again = CodingRepository(session).save_source(
            path="/src/a",
            kind="git",
            authors=["me@x.org"],
            added_at=NOW + dt.timedelta(days=3),
            scanned_at=NOW,
            report='{"repositories": 1}',
        )
    assert again.added_at == NOW
    assert again.scanned_at == NOW
    assert again.authors == ("me@x.org",)


def test_activity_intervals_are_replaced_and_cascade(sessions):
    from focusapp.domain.intervals import Interval

    def span(hour: int) -> Interval:
        start = dt.datetime(2026, 11, 2, hour, tzinfo=dt.UTC)
        return Interval(start, start + dt.timedelta(minutes=30))

    with sessions.begin() as session:
        repo = CodingRepository(session)
        source = repo.save_source(
            path="/aw.db",
            kind="activitywatch",
            authors=["code"],
            added_at=NOW,
            scanned_at=NOW,
            report="{}",
        )
        repo.replace_intervals(source.id, [span(9), span(11)])
        repo.replace_intervals(source.id, [span(10), span(12)])
    with sessions() as session:
        repo = CodingRepository(session)
        assert repo.intervals_between() == [span(10), span(12)]
        assert repo.intervals_between(span(10).end, span(11).end) == [span(10)]
        assert repo.interval_count(source.id) == 2
    with sessions.begin() as session:
        CodingRepository(session).delete_source("/aw.db")
    with sessions() as session:
        assert CodingRepository(session).intervals_between() == []


def test_0006_adds_activity_to_a_0005_database_keeping_its_commits(tmp_path):
    from alembic import command

    engine = make_engine(tmp_path / "five.sqlite3")
    migrate.upgrade(engine, "0005")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO coding_sources (path, kind, authors, added_at, report) VALUES "
            "('/src', 'git', '', '2026-11-01 10:00:00', '{}')"
        )
        connection.exec_driver_sql(
            "INSERT INTO coding_commits (source_id, sha, authored_at, repository) VALUES "
            "(1, 'abc', '2026-11-01 10:00:00', '/src')"
        )
    assert "coding_intervals" not in inspect(engine).get_table_names()
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    assert "coding_intervals" in inspect(engine).get_table_names()
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT sha FROM coding_commits").scalar() == "abc"
    config = migrate._config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
    assert "coding_intervals" not in inspect(engine).get_table_names()
    engine.dispose()
