import datetime as dt
import itertools
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import inspect

from focusapp.domain.models import CheckIn
from focusapp.storage import migrate
from focusapp.storage.db import make_engine, make_sessions
from focusapp.storage.repositories import CheckInRepository

NOW = dt.datetime(2026, 11, 3, 17, 0, tzinfo=dt.UTC)
DAY = dt.date(2026, 11, 2)


@pytest.fixture
def engine(tmp_path: Path):
    engine = make_engine(tmp_path / "test.sqlite3")
    migrate.upgrade(engine)
    yield engine
    engine.dispose()


def test_pragmas(engine):
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_upsert_one_row_per_day(engine):
    sessions = make_sessions(engine)
    with sessions.begin() as session:
        CheckInRepository(session).put(CheckIn(DAY, energy=3), "Europe/Berlin", NOW)
    with sessions.begin() as session:
        CheckInRepository(session).put(CheckIn(DAY, energy=4, note="x"), "Europe/Berlin", NOW)
    with sessions() as session:
        repo = CheckInRepository(session)
        assert repo.count() == 1
        assert repo.get(DAY) == CheckIn(DAY, energy=4, note="x")


def test_round_trip_every_field(engine):
    day = CheckIn(DAY, 2, 95, 185, 6.25, 4, 7, 3, 45, "ünïcode ✓")
    sessions = make_sessions(engine)
    with sessions.begin() as session:
        CheckInRepository(session).put(day, "Europe/Berlin", NOW)
    with sessions() as session:
        assert CheckInRepository(session).get(DAY) == day


def test_between_and_span(engine):
    sessions = make_sessions(engine)
    with sessions.begin() as session:
        repo = CheckInRepository(session)
        for offset in range(5):
            repo.put(CheckIn(DAY - dt.timedelta(days=offset), energy=3), "UTC", NOW)
    with sessions() as session:
        repo = CheckInRepository(session)
        assert repo.span() == (DAY - dt.timedelta(days=4), DAY)
        got = repo.between(DAY - dt.timedelta(days=2), DAY - dt.timedelta(days=1))
        assert [d.date for d in got] == [DAY - dt.timedelta(days=2), DAY - dt.timedelta(days=1)]


def test_rollback_leaves_nothing(engine):
    sessions = make_sessions(engine)
    with pytest.raises(RuntimeError), sessions.begin() as session:
        CheckInRepository(session).put(CheckIn(DAY, energy=3), "UTC", NOW)
        raise RuntimeError("boom")
    with sessions() as session:
        assert CheckInRepository(session).count() == 0


def test_utc_datetimes_refuse_naive(engine):
    sessions = make_sessions(engine)
    with pytest.raises(Exception, match="aware"), sessions.begin() as session:
        CheckInRepository(session).put(CheckIn(DAY), "UTC", dt.datetime(2026, 1, 1))


def test_migrate_from_empty_reaches_head(tmp_path):
    engine = make_engine(tmp_path / "new.sqlite3")
    assert migrate.current_revision(engine) is None
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert "checkins" in inspect(engine).get_table_names()
    engine.dispose()


def test_new_database_from_snapshot_has_the_schema_of_every_migration(tmp_path):
    from focusapp.storage import schema

    assert schema.REVISION == migrate.HEAD_REVISION, "a migration was added: run make schema"
    schemas = []
    for from_snapshot in (False, True):
        engine = make_engine(tmp_path / f"{from_snapshot}.sqlite3")
        migrate.upgrade(engine, from_snapshot=from_snapshot)
        assert migrate.current_revision(engine) == migrate.HEAD_REVISION
        with engine.connect() as connection:
            schemas.append(migrate.schema_statements(connection))
        engine.dispose()
    assert schemas[0] == schemas[1] == list(schema.STATEMENTS)


def test_snapshot_is_only_for_an_empty_file(tmp_path):
    engine = make_engine(tmp_path / "other.sqlite3")
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE notes (id INTEGER PRIMARY KEY)")
    migrate.upgrade(engine)  # the migrations run beside the table that was there
    with engine.connect() as connection:
        names = {row[0] for row in connection.exec_driver_sql("SELECT name FROM sqlite_master")}
    assert {"notes", "checkins", "alembic_version"} <= names
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    engine.dispose()


def test_snapshot_of_an_older_head_is_not_used(tmp_path, monkeypatch):
    from focusapp.storage import schema

    monkeypatch.setattr(schema, "STATEMENTS", ("CREATE TABLE wrong (id INTEGER)",))
    monkeypatch.setattr(schema, "REVISION", "0001")
    engine = make_engine(tmp_path / "new.sqlite3")
    migrate.upgrade(engine)
    assert "wrong" not in inspect(engine).get_table_names()
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    engine.dispose()


def test_migrate_from_first_revision_keeps_data(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = make_engine(path)
    migrate.upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO checkins (day, energy, coding_minutes, meeting_minutes, zone, created_at, "
            "updated_at) VALUES ('2026-01-05', 4, 120, 60, 'UTC', '2026-01-05 10:00:00', "
            "'2026-01-05 10:00:00')"
        )
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    with make_sessions(engine)() as session:
        assert CheckInRepository(session).get(dt.date(2026, 1, 5)) == CheckIn(
            dt.date(2026, 1, 5), energy=4, coding_minutes=120, meeting_minutes=60
        )
    engine.dispose()


def test_revision_chain_is_linear():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate._config())
    assert script.get_heads() == [migrate.HEAD_REVISION]
    assert {r.revision for r in script.walk_revisions()} == migrate.known_revisions()
    revisions = list(script.walk_revisions())
    assert revisions[-1].down_revision is None
    for newer, older in itertools.pairwise(revisions):
        assert newer.down_revision == older.revision


def test_models_match_migrations(engine):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from focusapp.storage.tables import Base

    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_newer_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "future.sqlite3"
    engine = make_engine(path)
    migrate.upgrade(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    engine.dispose()
    before = path.read_bytes()
    engine = make_engine(path)
    with pytest.raises(migrate.DatabaseTooNewError, match="newer FocusApp"):
        migrate.upgrade(engine)
    engine.dispose()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "9999_future",
        )
    assert len(path.read_bytes()) == len(before)


def test_file_modes_with_private_umask(tmp_path):
    import os

    old = os.umask(0o077)
    try:
        engine = make_engine(tmp_path / "private.sqlite3")
        migrate.upgrade(engine)
        engine.dispose()
    finally:
        os.umask(old)
    mode = stat.S_IMODE((tmp_path / "private.sqlite3").stat().st_mode)
    assert mode & 0o077 == 0
