"""Read-only files and a full disk while running: a clear error, nothing partial, still running."""

import datetime as dt

import pytest

from focusapp.domain.errors import StorageError
from focusapp.domain.models import CheckIn
from tests.safety_support import limit_pages, read_only, table_dump

LONG_NOTE = "n" * 4000  # a day that needs a new page


def test_read_only_database_file(context):
    context.checkins.record(dt.date(2026, 11, 1), {"energy": 3})
    db_path = context.paths.db_path
    context.close()  # new connections open the file as it is now
    before = table_dump(db_path)
    with read_only(db_path):
        with pytest.raises(StorageError, match="read-only"):
            context.checkins.record(dt.date(2026, 11, 2), {"energy": 4})
        with pytest.raises(StorageError, match="read-only"):
            context.checkins.import_days(
                (CheckIn(dt.date(2026, 10, d), energy=2), frozenset({"energy"}))
                for d in range(1, 20)
            )
        # Reading still works, and the service keeps going.
        assert [d.date for d in context.checkins.days()] == [dt.date(2026, 11, 1)]
    assert table_dump(db_path) == before
    context.close()
    context.checkins.record(dt.date(2026, 11, 2), {"energy": 4})  # writable again: works
    assert len(context.checkins.days()) == 2


def test_full_disk_writes_nothing_partial_and_recovers(context):
    context.checkins.record(dt.date(2026, 11, 1), {"energy": 3})
    db_path = context.paths.db_path
    before = table_dump(db_path)
    lift = limit_pages(context.engine)
    try:
        with pytest.raises(StorageError, match="disk is full"):
            context.checkins.record(dt.date(2026, 11, 2), {"energy": 4, "note": LONG_NOTE})
        # An import is all or nothing: the first rows fit, the whole import is rolled back.
        rows = [
            (
                CheckIn(dt.date(2026, 9, 1) + dt.timedelta(days=i), energy=2, note=LONG_NOTE),
                frozenset({"energy", "note"}),
            )
            for i in range(30)
        ]
        with pytest.raises(StorageError, match="disk is full"):
            context.checkins.import_days(rows)
        assert table_dump(db_path) == before
    finally:
        lift()
    assert len(context.checkins.import_days(rows).new) == 30
    assert len(context.checkins.days()) == 31
