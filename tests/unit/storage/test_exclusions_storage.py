"""The ``calendar_exclusions`` table: migration 0007 and its repository on real SQLite files."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import inspect

from focusapp.domain.exclusions import UserExclusion
from focusapp.storage import migrate
from focusapp.storage.db import make_engine, make_sessions
from focusapp.storage.exclusions_repository import ExclusionRepository

if TYPE_CHECKING:
    from pathlib import Path

NOW = dt.datetime(2026, 11, 3, 12, tzinfo=dt.UTC)


def test_0007_upgrades_a_0006_database_and_downgrades_cleanly(tmp_path: Path) -> None:
    from alembic import command

    engine = make_engine(tmp_path / "old.sqlite3")
    migrate.upgrade(engine, "0006")
    assert "calendar_exclusions" not in inspect(engine).get_table_names()
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == "0007"
    assert "calendar_exclusions" in inspect(engine).get_table_names()
    config = migrate._config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0006")
    assert "calendar_exclusions" not in inspect(engine).get_table_names()
    engine.dispose()


@pytest.fixture
def sessions(tmp_path: Path):
    engine = make_engine(tmp_path / "x.sqlite3")
    migrate.upgrade(engine)
    yield make_sessions(engine)
    engine.dispose()


def test_add_list_and_remove(sessions) -> None:
    one = UserExclusion("standup@t", "20261102T080000Z")
    solo = UserExclusion("review@t")
    series = UserExclusion("standup@t", series=True)
    with sessions.begin() as session:
        repo = ExclusionRepository(session)
        assert repo.add(one, NOW) and repo.add(solo, NOW) and repo.add(series, NOW)
        assert not repo.add(one, NOW + dt.timedelta(hours=1))
    with sessions() as session:
        repo = ExclusionRepository(session)
        assert repo.all() == {one, solo, series}
        assert repo.listed()[0] == (one, NOW)
    with sessions.begin() as session:
        repo = ExclusionRepository(session)
        assert repo.remove(series) and not repo.remove(series)
    with sessions() as session:
        assert ExclusionRepository(session).all() == {one, solo}
