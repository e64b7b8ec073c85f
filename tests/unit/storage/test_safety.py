"""Start-up survives damage: each case starts, keeps the original aside and offers a backup."""

import datetime as dt
import sqlite3
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from focusapp.bootstrap import open_context
from focusapp.domain.errors import StorageError
from focusapp.storage import migrate, safety
from focusapp.storage.backup.names import BackupError, backup_files, backup_name
from focusapp.storage.backup.write import write_backup
from focusapp.storage.safety import DatabaseUnavailableError, open_database
from tests.safety_support import DAMAGE_KINDS, damage, read_only, table_dump

BERLIN = ZoneInfo("Europe/Berlin")
DAYS = [dt.date(2026, 10, d) for d in range(1, 29)]


def fill(context, days=DAYS) -> None:
    for i, day in enumerate(days):
        context.checkins.record(day, {"energy": i % 5 + 1, "note": f"day {i} " + "x" * 300})


@pytest.fixture
def used(data_dir, clock):
    """A data folder with 28 days and one good backup of them, closed again."""
    context = open_context(data_dir, clock=clock, zone=BERLIN)
    fill(context)
    good = context.backups.back_up()
    context.close()
    return data_dir, good


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


@pytest.mark.parametrize("kind", [k for k in DAMAGE_KINDS if k != "newer-schema"])
def test_damaged_database_starts_fresh_keeps_original_and_offers_backup(used, clock, kind):
    data_dir, good = used
    db_path = data_dir / "focusapp.sqlite3"
    damage(db_path, kind)
    original = db_path.read_bytes()
    context = open_context(data_dir, clock=clock, zone=BERLIN)
    try:
        report = context.startup_report
        # It started: a new, empty, working database.
        assert context.checkins.days() == []
        context.checkins.record(dt.date(2026, 11, 1), {"energy": 3})
        # The original is kept aside byte for byte, never deleted.
        assert report.moved_aside is not None
        assert report.moved_aside.name.startswith("focusapp.sqlite3.damaged-20261103-")
        assert report.moved_aside.read_bytes() == original
        # A restore of the newest good backup is offered, in plain words.
        assert report.offer_restore
        assert report.newest_good_backup is not None
        assert report.newest_good_backup.path == good.path
        assert any("damaged" in m and report.moved_aside.name in m for m in report.messages)
        assert any("28 days" in m for m in report.messages)
        assert all("\n" not in m for m in report.messages)
        # ... and it works.
        result = context.backups.restore(report.newest_good_backup.path)
        assert [d.date for d in context.checkins.days()] == DAYS
        assert result.safety_backup is not None  # the day typed after the start is kept too
    finally:
        context.close()


def test_newer_schema_is_refused_and_left_untouched_by_default(used, clock):
    data_dir, _ = used
    db_path = data_dir / "focusapp.sqlite3"
    damage(db_path, "newer-schema")
    before = db_path.read_bytes()
    listing = files_in(data_dir)
    with pytest.raises(migrate.DatabaseTooNewError, match="newer FocusApp"):
        open_context(data_dir, clock=clock, zone=BERLIN)
    assert db_path.read_bytes() == before
    assert files_in(data_dir) == listing


def test_newer_schema_set_aside_when_the_user_agreed(used, clock):
    data_dir, good = used
    db_path = data_dir / "focusapp.sqlite3"
    damage(db_path, "newer-schema")
    before = db_path.read_bytes()
    context = open_context(data_dir, clock=clock, zone=BERLIN, newer_database="set_aside")
    try:
        report = context.startup_report
        assert report.moved_aside is not None
        assert report.moved_aside.name.startswith("focusapp.sqlite3.newer-")
        assert report.moved_aside.read_bytes() == before  # untouched, only renamed
        assert report.offer_restore and report.newest_good_backup is not None
        assert report.newest_good_backup.path == good.path
        assert any("newer FocusApp" in m and "untouched" in m for m in report.messages)
        assert context.checkins.days() == []
    finally:
        context.close()


def test_empty_file_without_any_backup_is_a_new_database(data_dir, clock):
    data_dir.mkdir(parents=True)
    (data_dir / "focusapp.sqlite3").write_bytes(b"")
    context = open_context(data_dir, clock=clock, zone=BERLIN)
    try:
        assert context.startup_report.messages == []
        assert context.startup_report.moved_aside is None
        context.checkins.record(dt.date(2026, 11, 1), {"energy": 3})
    finally:
        context.close()
    assert not list(data_dir.glob("*.damaged-*"))


def test_wal_and_shm_move_aside_with_the_damaged_file(used, clock):
    data_dir, _ = used
    db_path = data_dir / "focusapp.sqlite3"
    damage(db_path, "random-bytes")
    Path(f"{db_path}-wal").write_bytes(b"w" * 100)
    Path(f"{db_path}-shm").write_bytes(b"s" * 100)
    context = open_context(data_dir, clock=clock, zone=BERLIN)
    context.close()
    moved = context.startup_report.moved_aside
    assert moved is not None
    assert Path(f"{moved}-wal").read_bytes() == b"w" * 100
    assert Path(f"{moved}-shm").read_bytes() == b"s" * 100


def test_damage_without_backups_still_starts_and_says_so(data_dir, clock):
    context = open_context(data_dir, clock=clock, zone=BERLIN)
    fill(context, DAYS[:1])  # one day: no daily backup yet (the database was empty at start)
    context.close()
    for path in backup_files(data_dir / "backups"):
        path[0].unlink()
    damage(data_dir / "focusapp.sqlite3", "truncated")
    context = open_context(data_dir, clock=clock, zone=BERLIN)
    context.close()
    report = context.startup_report
    assert report.moved_aside is not None
    assert not report.offer_restore and report.newest_good_backup is None
    assert any("no backup" in m for m in report.messages)


def test_a_damaged_backup_is_never_offered(used, clock):
    data_dir, good = used
    # A newer backup that is damaged: the offer skips it for the older good one.
    newer = good.path.with_name(backup_name(good.created + dt.timedelta(hours=1), "quit"))
    newer.write_bytes(good.path.read_bytes())
    damage(newer, "zeroed-page")
    assert newer.name > good.path.name
    damage(data_dir / "focusapp.sqlite3", "random-bytes")
    context = open_context(data_dir, clock=clock, zone=BERLIN)
    context.close()
    assert context.startup_report.newest_good_backup is not None
    assert context.startup_report.newest_good_backup.path == good.path


def test_second_damage_the_same_second_gets_its_own_name(used, clock):
    data_dir, _ = used
    db_path = data_dir / "focusapp.sqlite3"
    damage(db_path, "random-bytes")
    open_context(data_dir, clock=clock, zone=BERLIN).close()
    db_path.write_bytes(b"garbage" * 1000)
    open_context(data_dir, clock=clock, zone=BERLIN).close()
    assert len(list(data_dir.glob("focusapp.sqlite3.damaged-*"))) == 2


# --- trouble that is not damage is never "repaired" --------------------------------------------


def test_read_only_database_is_not_damage(used, clock):
    data_dir, _ = used
    db_path = data_dir / "focusapp.sqlite3"
    before = table_dump(db_path)
    with read_only(db_path):
        context = open_context(data_dir, clock=clock, zone=BERLIN)
        try:
            assert context.startup_report.moved_aside is None
            assert len(context.checkins.days()) == len(DAYS)  # reading still works
            with pytest.raises(StorageError, match="read-only"):
                context.checkins.record(dt.date(2026, 11, 2), {"energy": 2})
        finally:
            context.close()
    assert table_dump(db_path) == before
    assert not list(data_dir.glob("*.damaged-*"))


def test_unopenable_database_is_reported_and_left_in_place(tmp_path, monkeypatch):
    db_path = tmp_path / "focusapp.sqlite3"
    db_path.write_bytes(b"SQLite format 3\0" + b"\0" * 4080)

    def refuse(*_args, **_kwargs):
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(sqlite3, "connect", refuse)
    with pytest.raises(DatabaseUnavailableError, match="cannot be opened") as error:
        open_database(db_path)
    assert isinstance(error.value, StorageError)
    assert "Nothing was changed" in str(error.value)
    assert {p.name for p in tmp_path.iterdir()} == {"focusapp.sqlite3"}


def test_read_only_folder_without_journal_is_reported_not_moved(used, clock):
    data_dir, _ = used
    db_path = data_dir / "focusapp.sqlite3"
    # A WAL database needs its -shm: in a read-only folder SQLite cannot open it at all.
    with (
        read_only(data_dir),
        pytest.raises(DatabaseUnavailableError, match=r"read-only|cannot be opened"),
    ):
        open_database(db_path, data_dir / "backups")
    assert not list(data_dir.glob("*.damaged-*"))


# --- migrations and the day's backup ----------------------------------------------------------


def test_migration_of_a_database_with_data_backs_it_up_first(used, clock, monkeypatch):
    data_dir, _ = used
    # Pretend a newer FocusApp ships a migration: the start must back up before upgrading.
    calls = []
    monkeypatch.setattr(migrate, "needs_upgrade", lambda engine: True)
    monkeypatch.setattr(migrate, "upgrade", lambda engine: calls.append(engine))
    later = clock.now() + dt.timedelta(hours=1)
    engine, _report = open_database(data_dir / "focusapp.sqlite3", now=later, zone=BERLIN)
    engine.dispose()
    assert len(calls) == 1
    kinds = [kind for _, _, kind in backup_files(data_dir / "backups")]
    assert "pre-migrate" in kinds


def test_failed_backup_before_migration_means_no_migration(used, clock, monkeypatch):
    data_dir, _ = used
    calls = []
    monkeypatch.setattr(migrate, "needs_upgrade", lambda engine: True)
    monkeypatch.setattr(migrate, "upgrade", lambda engine: calls.append(engine))

    def fail(*_args, **_kwargs):
        raise BackupError("the disk is full")

    monkeypatch.setattr(safety, "write_backup", fail)
    with pytest.raises(DatabaseUnavailableError, match="could not back it up first"):
        open_database(data_dir / "focusapp.sqlite3", now=clock.now(), zone=BERLIN)
    assert calls == []


def test_first_start_of_the_day_backs_up_once(used, clock):
    data_dir, _ = used
    tomorrow = clock.now() + dt.timedelta(days=1)
    engine, report = open_database(data_dir / "focusapp.sqlite3", now=tomorrow, zone=BERLIN)
    engine.dispose()
    assert report.daily_backup is not None and report.daily_backup.days == len(DAYS)
    engine, again = open_database(data_dir / "focusapp.sqlite3", now=tomorrow, zone=BERLIN)
    engine.dispose()
    assert again.daily_backup is None
    assert report.messages == [] and again.messages == []


def test_failed_daily_backup_is_reported_and_the_start_goes_on(used, clock):
    data_dir, _ = used
    backups = data_dir / "backups"
    tomorrow = clock.now() + dt.timedelta(days=1)
    with read_only(backups):
        engine, report = open_database(data_dir / "focusapp.sqlite3", now=tomorrow, zone=BERLIN)
        engine.dispose()
    assert report.daily_backup is None
    assert len(report.messages) == 1
    assert report.messages[0].startswith("Today's automatic backup could not be made")


def test_write_backup_after_moving_aside_does_not_rotate_out_good_backups(used, clock):
    """The fresh database after damage is empty; no empty backup may push out a good one."""
    data_dir, good = used
    damage(data_dir / "focusapp.sqlite3", "zeroed-page")
    context = open_context(data_dir, clock=clock, zone=BERLIN)
    context.close()
    assert context.startup_report.daily_backup is None
    assert good.path.exists()
    assert (
        write_backup(data_dir / "focusapp.sqlite3", data_dir / "backups", "quit", clock.now())
        is None
    )
