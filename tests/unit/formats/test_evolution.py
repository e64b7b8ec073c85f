from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from focusapp.domain.calendar import CalendarRules
from focusapp.formats.evolution import LOCALLY_DELETED, count_events, read_cache
from focusapp.formats.ics.report import CalendarFormatError
from focusapp.system.files import FileRefusedError

REAL_CACHE = Path(__file__).resolve().parents[2] / "data" / "evolution" / "webcal-cache.db"
RULES = CalendarRules(zone=ZoneInfo("Europe/Berlin"))
FIRST, LAST = dt.date(2026, 11, 1), dt.date(2026, 12, 31)
UTC = dt.UTC


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    copy = tmp_path / "cache.db"
    shutil.copyfile(REAL_CACHE, copy)
    return copy


def read(path: Path) -> list[tuple[str, str | None, str, dt.datetime]]:
    result = read_cache(path, first_day=FIRST, last_day=LAST, rules=RULES, source="Team")
    return [(e.uid, e.recurrence_id, e.summary, e.start) for e in result.events]


def execute(path: Path, sql: str, *args: object) -> None:
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(sql, args)


def test_reads_the_cache_written_by_evolution_data_server(cache: Path) -> None:
    result = read_cache(cache, first_day=FIRST, last_day=LAST, rules=RULES, source="Team")

    assert [(e.uid, e.recurrence_id, e.summary, e.start) for e in result.events] == [
        ("eds-1@test", None, "Planning", dt.datetime(2026, 12, 2, 9, tzinfo=UTC)),
        ("eds-2@test", None, "Review", dt.datetime(2026, 12, 3, 13, tzinfo=UTC)),
        # "Custom Office Time" has no VTIMEZONE in this cache: the user's zone, with a warning.
        ("eds-3@test", None, "Office sync", dt.datetime(2026, 12, 4, 11, tzinfo=UTC)),
        ("eds-4@test", "20261207T080000Z", "Stand-up", dt.datetime(2026, 12, 7, 8, tzinfo=UTC)),
        (
            "eds-4@test",
            "20261208T080000Z",
            "Stand-up (moved)",
            dt.datetime(2026, 12, 8, 10, tzinfo=UTC),
        ),
        ("eds-4@test", "20261209T080000Z", "Stand-up", dt.datetime(2026, 12, 9, 8, tzinfo=UTC)),
    ]
    assert {e.source for e in result.events} == {"Team"}
    assert any("Custom Office Time" in w for w in result.warnings)
    assert count_events(cache) == 5


def test_a_zone_from_the_timezones_table_is_used(cache: Path) -> None:
    zone = (
        "BEGIN:VTIMEZONE\r\nTZID:Custom Office Time\r\nBEGIN:STANDARD\r\n"
        "DTSTART:19700101T000000\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\n"
        "END:STANDARD\r\nEND:VTIMEZONE\r\n"
    )
    execute(
        cache,
        "INSERT INTO timezones (tzid, zone, refs) VALUES (?, ?, 1)",
        "Custom Office Time",
        zone,
    )

    office = next(item for item in read(cache) if item[0] == "eds-3@test")

    assert office[3] == dt.datetime(2026, 12, 4, 9, tzinfo=UTC)


def test_locally_deleted_rows_are_skipped(cache: Path) -> None:
    execute(
        cache,
        "UPDATE ECacheObjects SET ECacheState = ? WHERE ECacheUID = ?",
        LOCALLY_DELETED,
        "eds-2@test",
    )
    execute(cache, "UPDATE ECacheObjects SET ECacheState = 2 WHERE ECacheUID = ?", "eds-1@test")

    uids = {item[0] for item in read(cache)}

    assert uids == {"eds-1@test", "eds-3@test", "eds-4@test"}
    assert count_events(cache) == 4


def test_one_broken_row_costs_no_other(cache: Path) -> None:
    execute(
        cache,
        "INSERT INTO ECacheObjects (ECacheUID, ECacheREV, ECacheOBJ, ECacheState)"
        " VALUES (?, '', ?, 0)",
        "broken@test",
        "BEGIN:VEVENT\r\nUID:broken@test\r\nDTSTART:20261210T090000Z\r\n",  # never ends
    )

    result = read_cache(cache, first_day=FIRST, last_day=LAST, rules=RULES, source="Team")

    assert {e.uid for e in result.events} == {
        "eds-1@test",
        "eds-2@test",
        "eds-3@test",
        "eds-4@test",
    }
    assert any(w.startswith("The event broken@test in Team was left out:") for w in result.warnings)


def test_reading_writes_nothing_and_creates_no_side_files(cache: Path) -> None:
    before = cache.read_bytes()
    read(cache)
    assert cache.read_bytes() == before
    assert sorted(p.name for p in cache.parent.iterdir()) == ["cache.db"]


def test_a_read_only_file_in_a_read_only_folder_is_read(cache: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root ignores file permissions")
    cache.chmod(0o444)
    cache.parent.chmod(0o555)
    try:
        assert len(read(cache)) == 6
    finally:
        cache.parent.chmod(0o755)


def test_a_write_in_progress_is_neither_seen_nor_disturbed(cache: Path) -> None:
    # EDS has begun a write (RESERVED lock, change not committed): we read the last
    # committed state, and EDS then commits as if we had not been there.
    with closing(sqlite3.connect(cache, isolation_level=None)) as writer:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute(
            "UPDATE ECacheObjects SET ECacheState = ? WHERE ECacheUID = 'eds-1@test'",
            (LOCALLY_DELETED,),
        )
        assert "eds-1@test" in {item[0] for item in read(cache)}
        writer.execute("COMMIT")
    assert "eds-1@test" not in {item[0] for item in read(cache)}


def test_a_locked_cache_is_refused_for_now_not_for_good(cache: Path) -> None:
    with closing(sqlite3.connect(cache, isolation_level=None)) as writer:
        writer.execute("BEGIN EXCLUSIVE")
        with pytest.raises(FileRefusedError, match="tried again"):
            read_cache(cache, first_day=FIRST, last_day=LAST, rules=RULES)
        writer.execute("ROLLBACK")
    assert len(read(cache)) == 6


def test_a_database_that_is_not_an_eds_cache_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    execute(other, "CREATE TABLE t (x)")
    with pytest.raises(CalendarFormatError, match="not an Evolution calendar cache"):
        read_cache(other, first_day=FIRST, last_day=LAST, rules=RULES)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "cache.db"
    text.write_text("hello " * 1000, encoding="utf-8")
    with pytest.raises(CalendarFormatError):
        read_cache(text, first_day=FIRST, last_day=LAST, rules=RULES)


def test_an_old_cache_without_timezones_table_still_reads(cache: Path) -> None:
    execute(cache, "DROP TABLE timezones")
    assert len(read(cache)) == 6


@pytest.mark.parametrize("kind", ["missing", "folder", "fifo"])
def test_anything_but_a_regular_file_is_refused_without_hanging(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "cache.db"
    if kind == "folder":
        target.mkdir()
    elif kind == "fifo":
        os.mkfifo(target)
    with pytest.raises(FileRefusedError):
        read_cache(target, first_day=FIRST, last_day=LAST, rules=RULES)


def test_inverted_range_is_refused(cache: Path) -> None:
    with pytest.raises(ValueError, match="last day"):
        read_cache(cache, first_day=LAST, last_day=FIRST, rules=RULES)
