"""BackupService: manual and quit backups, restore with a safety backup first, refusals."""

import contextlib
import datetime as dt
import sqlite3

import pytest

from focusapp.domain.errors import StorageError
from focusapp.services.changes import Changes
from focusapp.storage.backup.names import backup_files, backup_name
from tests.safety_support import damage, read_only, table_dump

DAYS = [dt.date(2026, 10, d) for d in (1, 2, 3)]


@pytest.fixture
def filled(context):
    for day in DAYS:
        context.checkins.record(day, {"energy": day.day})
    return context


def test_back_up_now(filled):
    info = filled.backups.back_up()
    assert info.kind == "manual" and info.days == 3
    assert [b.name for b in filled.backups.list_backups()] == [info.name]


def test_nothing_to_back_up_is_said_plainly(context):
    with pytest.raises(StorageError, match="nothing to back up"):
        context.backups.back_up()
    assert context.backups.backup_on_quit() is None


def test_restore_backs_up_first_and_can_be_undone(filled, clock):
    db_path = filled.paths.db_path
    saved = filled.backups.back_up()
    notified: list[Changes] = []
    filled.feed.subscribe(notified.append)
    filled.checkins.record(dt.date(2026, 10, 4), {"energy": 1})
    filled.checkins.delete(DAYS[0])
    changed = table_dump(db_path)
    notified.clear()
    clock.advance(dt.timedelta(minutes=5))

    result = filled.backups.restore(saved.name)
    assert [d.date for d in filled.checkins.days()] == DAYS
    assert result.restored.path == saved.path
    assert result.safety_backup is not None and result.safety_backup.kind == "pre-restore"
    # Views refresh from it (and every cache drops what it kept).
    assert notified == [Changes.anything(external=False)]
    assert saved.path.exists()  # the restored backup survives rotation

    clock.advance(dt.timedelta(minutes=5))
    filled.backups.restore(result.safety_backup.path)  # undo, by path this time
    assert table_dump(db_path) == changed


@pytest.mark.parametrize("problem", ["zeroed-page", "random-bytes", "truncated"])
def test_damaged_backup_is_refused_and_nothing_changes(filled, problem):
    saved = filled.backups.back_up()
    damage(saved.path, problem)
    before = table_dump(filled.paths.db_path)
    files = backup_files(filled.backups.backups_dir)
    with pytest.raises(StorageError, match=r"damaged|cannot be restored"):
        filled.backups.restore(saved.name)
    assert table_dump(filled.paths.db_path) == before
    assert backup_files(filled.backups.backups_dir) == files  # not even a safety backup


def test_backup_from_a_newer_focusapp_is_refused(filled):
    saved = filled.backups.back_up()
    damage(saved.path, "newer-schema")
    with pytest.raises(StorageError, match="newer FocusApp"):
        filled.backups.restore(saved.path)


def test_foreign_sqlite_file_is_refused(filled, tmp_path):
    foreign = tmp_path / "other.sqlite3"
    with contextlib.closing(sqlite3.connect(foreign)) as connection:
        connection.execute("CREATE TABLE t (x)")
        connection.commit()
    with pytest.raises(StorageError, match="not a FocusApp backup"):
        filled.backups.restore(str(foreign))


def test_unknown_name_is_refused(filled):
    with pytest.raises(StorageError, match=r"no backup named nope\.sqlite3"):
        filled.backups.restore("nope.sqlite3")


def test_quit_backup_never_raises(filled):
    backups = filled.paths.backups_dir
    filled.backups.back_up()
    with read_only(backups):
        assert filled.backups.backup_on_quit() is None
    made = filled.backups.backup_on_quit()
    assert made is not None and made.kind == "quit"


def test_newest_good_backup_skips_damaged_ones(filled, clock):
    good = filled.backups.back_up()
    newer = good.path.with_name(backup_name(clock.now() + dt.timedelta(hours=1), "quit"))
    newer.write_bytes(good.path.read_bytes())
    damage(newer, "zeroed-page")
    found = filled.backups.newest_good_backup()
    assert found is not None and found.path == good.path
