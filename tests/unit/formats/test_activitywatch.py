import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import pytest

from focusapp.domain.intervals import total_minutes
from focusapp.formats.activitywatch import (
    ActivityFormatError,
    find_database,
    read_activity,
)
from focusapp.system.files import FileRefusedError

DATA = Path(__file__).resolve().parents[2] / "data" / "activitywatch"
FIXTURE = DATA / "peewee-sqlite.v2.db"


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, 2, hour, minute, tzinfo=dt.UTC)


def test_the_real_aw_server_file_gives_editor_time_without_afk_time() -> None:
    before = FIXTURE.read_bytes()
    read = read_activity(FIXTURE)
    # code 09:00-09:40, JupyterLab (by title) 10:00-10:30, nvim 13:00-13:30 (then away).
    assert [(i.start, i.end) for i in read.intervals] == [
        (at(9), at(9, 40)),
        (at(10), at(10, 30)),
        (at(13), at(13, 30)),
    ]
    assert read.warnings == []
    assert FIXTURE.read_bytes() == before


def test_only_the_apps_given_count() -> None:
    read = read_activity(FIXTURE, ["slack"])
    assert total_minutes(read.intervals) == 20


def make_rust(path: Path, afk: bool = True) -> Path:
    """The layout aw-server-rust's datastore creates (times in nanoseconds since the epoch)."""
    with closing(sqlite3.connect(path)) as connection:
        connection.executescript(
            "CREATE TABLE buckets (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE NOT NULL,"
            " type TEXT NOT NULL, client TEXT NOT NULL, hostname TEXT NOT NULL,"
            " created TEXT NOT NULL, data TEXT NOT NULL DEFAULT '{}');"
            "CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, bucketrow INTEGER NOT NULL,"
            " starttime INTEGER NOT NULL, endtime INTEGER NOT NULL, data TEXT NOT NULL,"
            " FOREIGN KEY (bucketrow) REFERENCES buckets(id));"
        )
        connection.execute(
            "INSERT INTO buckets VALUES (1, 'aw-watcher-window_h', 'currentwindow', 'w', 'h', "
            "'2026-11-01T00:00:00Z', '{}')"
        )
        connection.execute(
            "INSERT INTO buckets VALUES (2, 'aw-watcher-afk_h', 'afkstatus', 'a', 'h', "
            "'2026-11-01T00:00:00Z', '{}')"
        )

        def ns(when: dt.datetime) -> int:
            return int(when.timestamp()) * 1_000_000_000

        rows = [
            (1, at(9), at(10), {"app": "pycharm64.exe", "title": "x"}),
            (1, at(10), at(11), {"app": "Code", "title": "y"}),
            (1, at(11), at(12), {"app": "bash", "title": "vim notes"}),
        ]
        if afk:
            rows.append((2, at(9, 30), at(10, 30), {"status": "not-afk"}))
        connection.executemany(
            "INSERT INTO events (bucketrow, starttime, endtime, data) VALUES (?, ?, ?, ?)",
            [(b, ns(s), ns(e), json.dumps(d)) for b, s, e, d in rows],
        )
        connection.commit()
    return path


def test_aw_server_rust_layout(tmp_path: Path) -> None:
    read = read_activity(make_rust(tmp_path / "sqlite.db"))
    assert [(i.start, i.end) for i in read.intervals] == [(at(9, 30), at(10, 30))]


def test_without_afk_data_all_editor_time_counts_with_a_warning(tmp_path: Path) -> None:
    read = read_activity(make_rust(tmp_path / "sqlite.db", afk=False))
    assert total_minutes(read.intervals) == 120
    assert "no away-from-keyboard data" in read.warnings[0]


def test_another_database_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE x (y)")
        connection.commit()
    with pytest.raises(ActivityFormatError, match="not an ActivityWatch database"):
        read_activity(other)
    with pytest.raises(FileRefusedError):
        read_activity(tmp_path / "missing.db")


def test_the_usual_places_rust_first(tmp_path: Path) -> None:
    assert find_database(tmp_path) is None
    python = tmp_path / "activitywatch" / "aw-server" / "peewee-sqlite.v2.db"
    python.parent.mkdir(parents=True)
    shutil.copy(FIXTURE, python)
    assert find_database(tmp_path) == python
    rust = tmp_path / "activitywatch" / "aw-server-rust" / "sqlite.db"
    rust.parent.mkdir(parents=True)
    make_rust(rust)
    assert find_database(tmp_path) == rust


AW_PYTHON = os.environ.get("FOCUSAPP_AW_PYTHON", "")


@pytest.mark.skipif(not AW_PYTHON, reason="FOCUSAPP_AW_PYTHON (with aw-server) is not set")
def test_a_database_freshly_written_by_the_real_aw_server(tmp_path: Path) -> None:
    out = tmp_path / "fresh.db"
    subprocess.run(
        [AW_PYTHON, str(DATA / "write_with_aw_server.py"), str(out)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert read_activity(out).intervals == read_activity(FIXTURE).intervals
