"""Backups through SQLite's online backup API: verified, private, standalone, rotated."""

import contextlib
import datetime as dt
import sqlite3
import stat
import threading
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from focusapp.domain.models import CheckIn
from focusapp.storage import migrate
from focusapp.storage.backup import write as backup_write
from focusapp.storage.backup.contents import list_backups
from focusapp.storage.backup.integrity import database_in_use, integrity_problems
from focusapp.storage.backup.names import BackupError, backup_files, backup_name, parse_backup_name
from focusapp.storage.backup.restore import restore_into
from focusapp.storage.backup.retention import select_kept
from focusapp.storage.backup.write import (
    backup_if_due,
    backup_lock,
    ensure_backups_dir,
    write_backup,
)
from focusapp.storage.db import make_engine, make_sessions
from focusapp.storage.repositories import CheckInRepository

BERLIN = ZoneInfo("Europe/Berlin")
NOW = dt.datetime(2026, 11, 28, 18, 30, tzinfo=dt.UTC)


@pytest.fixture
def live(tmp_path: Path):
    """A migrated database with three days, and its backups folder."""
    db_path = tmp_path / "data" / "focusapp.sqlite3"
    db_path.parent.mkdir()
    engine = make_engine(db_path)
    migrate.upgrade(engine)
    with make_sessions(engine).begin() as session:
        repo = CheckInRepository(session)
        for day in (1, 2, 5):
            repo.put(CheckIn(dt.date(2026, 11, day), energy=day), "UTC", NOW)
    yield db_path, tmp_path / "data" / "backups", engine
    engine.dispose()


def rows(path: Path) -> list[tuple[str, int]]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return list(connection.execute("SELECT day, energy FROM checkins ORDER BY day"))


# --- names ------------------------------------------------------------------------------------


def test_names_sort_by_time_and_parse_back():
    name = backup_name(dt.datetime(2026, 11, 28, 19, 30, tzinfo=BERLIN), "pre-restore")
    assert name == "focusapp-20261128-183000Z-pre-restore.sqlite3"
    assert parse_backup_name(name) == (
        dt.datetime(2026, 11, 28, 18, 30, tzinfo=dt.UTC),
        "pre-restore",
    )
    assert backup_name(NOW, "quit", 1).endswith("-quit-2.sqlite3")
    assert parse_backup_name(backup_name(NOW, "quit", 1)) == (NOW, "quit")


@pytest.mark.parametrize(
    "name",
    [
        "focusapp.sqlite3",
        "focusapp-20261128-183000Z-other.sqlite3",
        "focusapp-20261328-183000Z-daily.sqlite3",  # month 13
        "my-notes.sqlite3",
        ".focusapp-20261128-183000-1-2.tmp",
    ],
)
def test_other_names_are_not_backups(name):
    assert parse_backup_name(name) is None


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="kind"):
        backup_name(NOW, "weekly")


# --- writing ----------------------------------------------------------------------------------


def test_backup_is_a_verified_private_standalone_copy(live):
    db_path, backups_dir, _ = live
    info = write_backup(db_path, backups_dir, "manual", NOW, BERLIN)
    assert info is not None
    assert info.path.parent == backups_dir
    assert (info.first_day, info.last_day, info.days) == (
        dt.date(2026, 11, 1),
        dt.date(2026, 11, 5),
        3,
    )
    assert info.schema == migrate.HEAD_REVISION
    assert stat.S_IMODE(info.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backups_dir.stat().st_mode) == 0o700
    assert rows(info.path) == rows(db_path)
    # One file: rollback journal mode, no -wal/-shm next to it, no temporary left over.
    with contextlib.closing(sqlite3.connect(info.path)) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert sorted(p.name for p in backups_dir.iterdir()) == [".lock", info.name]
    assert integrity_problems(info.path) == []


def test_backup_sees_committed_data_of_another_connection_mid_wal(live):
    db_path, backups_dir, engine = live
    # The new day sits in the WAL only (no checkpoint): the backup API must still copy it.
    with make_sessions(engine).begin() as session:
        CheckInRepository(session).put(CheckIn(dt.date(2026, 11, 6), energy=2), "UTC", NOW)
    assert Path(f"{db_path}-wal").stat().st_size > 0
    info = write_backup(db_path, backups_dir, "manual", NOW)
    assert info is not None and info.days == 4


def test_empty_database_is_not_backed_up(tmp_path):
    db_path = tmp_path / "empty.sqlite3"
    engine = make_engine(db_path)
    migrate.upgrade(engine)
    engine.dispose()
    assert write_backup(db_path, tmp_path / "b", "daily", NOW) is None
    assert backup_files(tmp_path / "b") == []
    forced = write_backup(db_path, tmp_path / "b", "manual", NOW, allow_empty=True)
    assert forced is not None and forced.days == 0


def test_two_backups_in_the_same_second_never_overwrite(live):
    db_path, backups_dir, _ = live
    first = write_backup(db_path, backups_dir, "manual", NOW)
    second = write_backup(db_path, backups_dir, "manual", NOW)
    assert first is not None and second is not None
    assert first.path != second.path
    assert first.path.exists() and second.path.exists()


def test_failed_integrity_check_leaves_no_file(live, monkeypatch):
    db_path, backups_dir, _ = live
    monkeypatch.setattr(backup_write, "check_rows", lambda connection, *, full: ["Page 3: broken"])
    with pytest.raises(BackupError, match="integrity check"):
        write_backup(db_path, backups_dir, "manual", NOW)
    assert backup_files(backups_dir) == []
    assert [p.name for p in backups_dir.iterdir()] == [".lock"]


def test_missing_database_is_an_error(tmp_path):
    with pytest.raises(BackupError, match="no database"):
        write_backup(tmp_path / "none.sqlite3", tmp_path / "b", "manual", NOW)


def test_daily_backup_once_per_local_day(live):
    db_path, backups_dir, _ = live
    morning = dt.datetime(2026, 11, 28, 7, 0, tzinfo=BERLIN)
    assert backup_if_due(db_path, backups_dir, morning, BERLIN) is not None
    assert backup_if_due(db_path, backups_dir, morning + dt.timedelta(hours=12), BERLIN) is None
    # 00:30 the next day in Berlin is still the 28th in UTC: local dates decide.
    next_day = dt.datetime(2026, 11, 29, 0, 30, tzinfo=BERLIN)
    made = backup_if_due(db_path, backups_dir, next_day, BERLIN)
    assert made is not None and made.kind == "daily"
    assert len(backup_files(backups_dir)) == 2


def test_daily_backup_leaves_the_work_to_a_process_holding_the_lock(live):
    db_path, backups_dir, _ = live
    ensure_backups_dir(backups_dir)
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with backup_lock(backups_dir):
            held.set()
            release.wait(5)

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        held.wait(5)
        assert backup_if_due(db_path, backups_dir, NOW, BERLIN) is None
    finally:
        release.set()
        thread.join()
    assert backup_if_due(db_path, backups_dir, NOW, BERLIN) is not None


# --- listing ----------------------------------------------------------------------------------


def test_list_describes_each_backup_newest_first_and_survives_junk(live):
    db_path, backups_dir, _ = live
    older = write_backup(db_path, backups_dir, "manual", NOW - dt.timedelta(days=1))
    newer = write_backup(db_path, backups_dir, "quit", NOW)
    assert older is not None and newer is not None
    junk = backups_dir / backup_name(NOW - dt.timedelta(days=2), "daily")
    junk.write_bytes(b"not a database at all" * 100)
    (backups_dir / "notes.txt").write_text("mine")
    listed = list_backups(backups_dir)
    assert [info.name for info in listed] == [newer.name, older.name, junk.name]
    assert listed[0].describe() == "3 days, 2026-11-01 to 2026-11-05"
    assert listed[2].problem is not None and "damaged" in listed[2].problem
    assert listed[2].describe().startswith("unreadable")


# --- rotation ---------------------------------------------------------------------------------


def _at(day: dt.date, hour: int = 12) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=BERLIN)


def test_rotation_keeps_7_daily_4_weekly_12_monthly():
    now = _at(dt.date(2026, 11, 28))
    # Two backups a day for 400 days (morning daily, evening quit).
    entries = []
    for offset in range(400):
        day = dt.date(2026, 11, 28) - dt.timedelta(days=offset)
        entries.append(((day, "daily"), _at(day, 8), "daily"))
        entries.append(((day, "quit"), _at(day, 20), "quit"))
    kept = select_kept(entries, now, BERLIN)
    today = dt.date(2026, 11, 28)  # a Saturday, ISO week 48
    daily = {today - dt.timedelta(days=i) for i in range(7)}  # 22-28 Nov
    weekly = {today, dt.date(2026, 11, 22), dt.date(2026, 11, 15), dt.date(2026, 11, 8)}
    monthly = {today} | {dt.date(2026, m, 1) - dt.timedelta(days=1) for m in range(2, 12)}
    monthly |= {dt.date(2026, 1, 31), dt.date(2025, 12, 31)}
    assert len(monthly) == 12
    # Each rule keeps the newest backup of its period: the evening "quit" one.
    assert kept == {(day, "quit") for day in daily | weekly | monthly}
    assert len(kept) == 20


def test_rotation_counts_days_with_backups_not_calendar_days():
    # Used on 10 scattered days over two years: all 7 newest stay, however old.
    now = _at(dt.date(2026, 11, 28))
    days = [dt.date(2026, 11, 28) - dt.timedelta(days=70 * i) for i in range(10)]
    entries = [(day, _at(day), "daily") for day in days]
    kept = select_kept(entries, now, BERLIN)
    assert set(days[:7]) <= kept


def test_rotation_spares_manual_pre_restore_and_pre_migrate_for_30_days():
    now = _at(dt.date(2026, 11, 28), 20)
    today = dt.date(2026, 11, 28)
    entries = [
        ("pre-restore", _at(today, 9), "pre-restore"),
        ("manual", _at(today, 10), "manual"),
        ("quit", _at(today, 19), "quit"),
        ("old-manual", _at(today - dt.timedelta(days=45), 10), "manual"),
        ("old-daily", _at(today - dt.timedelta(days=45), 9), "daily"),
    ]
    kept = select_kept(entries, now, BERLIN)
    assert {"pre-restore", "manual", "quit"} <= kept
    assert "old-manual" in kept  # newest of its week and month
    assert "old-daily" in kept  # the automatic backup of its day: a manual one never displaces it


def test_rotate_deletes_files_and_spares_others(live):
    db_path, backups_dir, _ = live
    made = [
        write_backup(db_path, backups_dir, "daily", NOW - dt.timedelta(hours=h)) for h in (3, 2)
    ]
    assert all(info is not None for info in made)
    (backups_dir / "keep-me.sqlite3").write_bytes(b"x")
    newest = write_backup(db_path, backups_dir, "quit", NOW)
    assert newest is not None
    remaining = sorted(p.name for p in backups_dir.iterdir())
    assert remaining == sorted([".lock", "keep-me.sqlite3", newest.name])


# --- restoring and in-use detection -----------------------------------------------------------


def test_restore_into_replaces_the_live_data_in_place(live):
    db_path, backups_dir, engine = live
    info = write_backup(db_path, backups_dir, "manual", NOW)
    assert info is not None
    with make_sessions(engine).begin() as session:
        repo = CheckInRepository(session)
        repo.put(CheckIn(dt.date(2026, 11, 7), energy=1), "UTC", NOW)
        repo.delete(dt.date(2026, 11, 1))
    restore_into(info.path, db_path)
    # The app's own pooled connections see the restored data; the file stays in WAL mode.
    with make_sessions(engine)() as session:
        assert [d.date.day for d in CheckInRepository(session).between()] == [1, 2, 5]
    with contextlib.closing(sqlite3.connect(db_path)) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_database_in_use_sees_another_connection(live):
    db_path, _, engine = live
    engine.dispose()
    assert not database_in_use(db_path)
    other = sqlite3.connect(db_path)
    other.execute("PRAGMA journal_mode=WAL")
    other.execute("SELECT 1 FROM checkins").fetchall()
    try:
        assert database_in_use(db_path)
    finally:
        other.close()
    assert not database_in_use(db_path.parent / "missing.sqlite3")


def test_temporary_files_of_a_killed_backup_are_cleaned_up(live):
    import os

    db_path, backups_dir, _ = live
    backups_dir.mkdir()
    stale = backups_dir / ".focusapp-20261128-170000-99-1.tmp"
    stale.write_bytes(b"half a backup")
    os.utime(stale, (0, 0))
    fresh = backups_dir / ".focusapp-20261128-170000-98-2.tmp"
    fresh.write_bytes(b"another process is writing this one")
    assert write_backup(db_path, backups_dir, "manual", NOW) is not None
    assert not stale.exists()
    assert fresh.exists()


def test_back_up_now_keeps_that_days_earlier_automatic_backup(live):
    """Issue 12 item 8: a manual backup is added beside the day's daily one, not instead."""
    db_path, backups_dir, _ = live
    morning = dt.datetime(2026, 11, 30, 8, 0, tzinfo=BERLIN)
    daily = backup_if_due(db_path, backups_dir, morning, BERLIN)
    first = write_backup(db_path, backups_dir, "manual", morning.replace(hour=10), BERLIN)
    second = write_backup(db_path, backups_dir, "manual", morning.replace(hour=10), BERLIN)
    names = {path.name for path, _, _ in backup_files(backups_dir)}
    assert {daily.path.name, first.path.name, second.path.name} <= names
    assert len({daily.path.name, first.path.name, second.path.name}) == 3
