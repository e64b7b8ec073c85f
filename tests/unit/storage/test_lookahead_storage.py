import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import inspect

from focusapp.domain.forecast import Choice, PlanChoice
from focusapp.storage import migrate
from focusapp.storage.db import make_engine, make_sessions
from focusapp.storage.lookahead_repository import PlanRepository, ReflectionRepository

NOW = dt.datetime(2026, 11, 3, 12, tzinfo=dt.UTC)
MONDAY = dt.date(2026, 11, 23)


@pytest.fixture
def sessions(tmp_path: Path):
    engine = make_engine(tmp_path / "test.sqlite3")
    migrate.upgrade(engine)
    yield make_sessions(engine)
    engine.dispose()


def test_0004_upgrades_a_0003_database_and_keeps_its_data(tmp_path):
    engine = make_engine(tmp_path / "old.sqlite3")
    migrate.upgrade(engine, "0003")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO checkins (day, energy, zone, created_at, updated_at) VALUES "
            "('2026-01-05', 4, 'UTC', '2026-01-05 10:00:00', '2026-01-05 10:00:00')"
        )
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    tables = set(inspect(engine).get_table_names())
    assert {"plan_choices", "week_reflections", "checkins"} <= tables
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM checkins").scalar() == 1
    engine.dispose()


def test_plan_keeps_one_choice_per_series(sessions):
    with sessions.begin() as session:
        repo = PlanRepository(session)
        repo.put(PlanChoice("aaaa1111", Choice.SKIP), NOW)
        repo.put(PlanChoice("bbbb2222", Choice.SHORTEN, 25), NOW)
        repo.put(PlanChoice("aaaa1111", Choice.DELEGATE), NOW)
    with sessions() as session:
        assert PlanRepository(session).choices() == [
            PlanChoice("aaaa1111", Choice.DELEGATE),
            PlanChoice("bbbb2222", Choice.SHORTEN, 25),
        ]
    with sessions.begin() as session:
        assert PlanRepository(session).remove("aaaa1111") is True
        assert PlanRepository(session).remove("aaaa1111") is False
    with sessions.begin() as session:
        assert PlanRepository(session).clear() == 1
        assert PlanRepository(session).choices() == []


def test_reflections_are_kept_per_week(sessions):
    with sessions.begin() as session:
        repo = ReflectionRepository(session)
        repo.put(MONDAY, "Calm week.", NOW)
        repo.put(MONDAY - dt.timedelta(days=7), "Busy.", NOW)
        repo.put(MONDAY, "Calm week, long Friday.", NOW)
    with sessions() as session:
        repo = ReflectionRepository(session)
        assert repo.get(MONDAY) == "Calm week, long Friday."
        assert list(repo.all()) == [MONDAY - dt.timedelta(days=7), MONDAY]
    with sessions.begin() as session:
        assert ReflectionRepository(session).delete(MONDAY) is True
        assert ReflectionRepository(session).get(MONDAY) is None


def test_0004_downgrades_cleanly(tmp_path):
    from alembic import command

    engine = make_engine(tmp_path / "down.sqlite3")
    migrate.upgrade(engine)
    config = migrate._config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    tables = set(inspect(engine).get_table_names())
    assert not {"plan_choices", "week_reflections"} & tables
    assert "calendar_events" in tables
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    engine.dispose()
