import datetime as dt
import json
import re
import sqlite3
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from focusapp.cli.main import main
from focusapp.domain.calendar import CalendarRules
from focusapp.domain.clock import SystemClock
from focusapp.domain.days import local_day
from focusapp.formats.ics.read import read_calendar
from focusapp.formats.ics.report import CalendarFormatError
from focusapp.services.calendar.importer import default_range

DATA = Path(__file__).resolve().parents[1] / "data" / "ics"
REAL_WORLD = sorted(p.name for p in DATA.glob("*.ics") if not p.name.startswith("focusapp__"))
BAD = {"icalendar__big_bad_calendar.ics", "icalendar__small_bad_calendar.ics"}
BERLIN = ZoneInfo("Europe/Berlin")
ME = ("me@example.org", "me.alt@example.org")
WIDE = ("1990-01-01", "2030-12-31")


@pytest.fixture(autouse=True)
def _berlin(monkeypatch):
    """The command line detects the zone; pin it so the counts do not depend on the machine."""
    monkeypatch.setenv("TZ", "Europe/Berlin")


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def rows(data_dir: Path, query: str) -> list[tuple[Any, ...]]:
    path = data_dir / "focusapp.sqlite3"
    if not path.exists():
        return []
    with sqlite3.connect(path) as connection:
        return connection.execute(query).fetchall()


def test_every_real_world_file_is_covered():
    assert len(REAL_WORLD) == 37
    assert set(REAL_WORLD) >= BAD


@pytest.mark.parametrize("name", REAL_WORLD)
def test_importing_a_real_world_calendar(capsys, data_dir, name):
    path = DATA / name
    args = ["calendar", "import", str(path), "--from", WIDE[0], "--to", WIDE[1]]
    for address in ME:
        args += ["--me", address]
    code, out, err = run(capsys, *args)
    if name in BAD:
        assert code == 2
        assert out == ""
        (line,) = err.strip().splitlines()
        assert line.startswith(f"focusapp calendar: {name}: The calendar file is incomplete")
        assert line.endswith("Nothing was imported.")
        assert rows(data_dir, "SELECT * FROM calendar_sources") == []
        assert rows(data_dir, "SELECT * FROM calendar_events") == []
        return
    assert code == 0, err
    assert err == ""
    # What was stored is exactly what the reader finds in the file with the same rules.
    rules = CalendarRules(zone=BERLIN, my_addresses=frozenset(ME))
    expected = read_calendar(
        path.read_bytes(),
        first_day=dt.date.fromisoformat(WIDE[0]),
        last_day=dt.date.fromisoformat(WIDE[1]),
        rules=rules,
    )
    counted = sum(e.counted for e in expected.events)
    assert f"  Meetings counted: {counted} on " in out
    assert f"Imported {path}" in out
    assert rows(data_dir, "SELECT count(*), sum(counted) FROM calendar_events") == [
        (len(expected.events), counted if expected.events else None)
    ]
    if expected.skipped:
        assert f"  Skipped (could not be read): {len(expected.skipped)}" in out
    stored_minutes = rows(data_dir, "SELECT coalesce(sum(meeting_minutes), 0) FROM calendar_days")
    assert (stored_minutes[0][0] > 0) == (counted > 0)
    # Importing it again changes nothing.
    code, again, _ = run(capsys, *args)
    assert code == 0 and again.startswith("Unchanged: ")


def test_the_bad_files_are_refused_by_the_reader_too():
    for name in BAD:
        with pytest.raises(CalendarFormatError):
            read_calendar(
                (DATA / name).read_bytes(),
                first_day=dt.date(2020, 1, 1),
                last_day=dt.date(2020, 1, 2),
                rules=CalendarRules(zone=BERLIN),
            )


def test_the_default_range_is_shown(capsys):
    code, out, _ = run(capsys, "calendar", "import", str(DATA / "focusapp__not_meetings.ics"))
    assert code == 0
    first, last = default_range(local_day(SystemClock().now(), BERLIN))
    assert f"  Range: {first} to {last} (default: one year back to four weeks ahead)" in out


def test_show_json_has_the_documented_shape(capsys, data_dir):
    path = DATA / "focusapp__not_meetings.ics"
    code, out, _ = run(
        capsys, "calendar", "import", str(path), "--from", "2024-05-01", "--to", "2024-05-31"
    )
    assert code == 0
    assert "  Left out: 10 (1 cancelled, 3 free (not busy), 1 all-day, 3 not a meeting, " in out
    assert "    nm-broken@focusapp.test 'Mystery meeting' (line 79): it has no start time" in out
    code, out, _ = run(capsys, "calendar", "show", "2024-05-10", "--json")
    assert code == 0
    shown = json.loads(out)
    assert list(shown) == [
        "date",
        "meeting_minutes",
        "meeting_count",
        "back_to_back_count",
        "longest_free_block_minutes",
        "after_hours_minutes",
        "double_booked_minutes",
        "events",
    ]
    assert (shown["date"], shown["meeting_minutes"], shown["meeting_count"]) == (
        "2024-05-10",
        90,
        2,
    )
    assert len(shown["events"]) == 11
    first = shown["events"][0]
    assert list(first) == [
        "uid",
        "recurrence_id",
        "summary",
        "start",
        "end",
        "counted",
        "reason",
        "source",
        "overlaps",
    ]
    assert (first["summary"], first["counted"], first["reason"]) == (
        "Company offsite",
        False,
        "all_day",
    )
    assert first["start"] == "2024-05-10T00:00:00+02:00"
    assert first["source"] == str(path)
    counted = [e["summary"] for e in shown["events"] if e["counted"]]
    assert counted == ["Budget review", "Refocus roadmap"]
    assert {e["reason"] for e in shown["events"] if not e["counted"]} == {
        "all_day",
        "not_meeting",
        "duplicate",
        "free",
        "cancelled",
    }


def test_show_as_text_and_for_an_uncovered_day(capsys):
    run(capsys, "calendar", "import", str(DATA / "focusapp__overlaps_same_day.ics"),
        "--from", "2024-01-01", "--to", "2024-12-31")  # fmt: skip
    code, out, _ = run(capsys, "calendar", "show", "2023-06-01", "--json")
    shown = json.loads(out)
    assert code == 0 and shown["meeting_minutes"] is None and shown["events"] == []
    code, out, _ = run(capsys, "calendar", "show", "2023-06-01")
    assert "no imported calendar covers this day" in out
    code, _, err = run(capsys, "calendar", "show", "someday")
    assert code == 2 and "is not a date" in err


def test_calendar_numbers_reach_show_and_export(capsys):
    path = DATA / "focusapp__back_to_back_chain.ics"
    run(capsys, "calendar", "import", str(path), "--from", "2024-01-01", "--to", "2024-12-31")
    days = json.loads(run(capsys, "show", "--json", "--from", "2024-01-01")[1])["days"]
    assert days and all(d["meeting_count"] for d in days)
    assert any(d["back_to_back_count"] for d in days)
    assert all(d["longest_free_block_minutes"] is not None for d in days)
    csv = run(capsys, "export", "--format", "csv")[1]
    header, *lines = csv.strip().splitlines()
    assert "back_to_back_count" in header and len(lines) == len(days)


@pytest.mark.parametrize(
    "address", ["https://calendar.example.org/a.ics", "http://x.test/b.ics", "webcal://x.test/c"]
)
def test_web_addresses_are_refused_with_one_line(capsys, data_dir, address):
    code, out, err = run(capsys, "calendar", "import", address)
    assert code == 2 and out == ""
    (line,) = err.strip().splitlines()
    assert "web address" in line and "never downloads" in line
    assert not (data_dir / "focusapp.sqlite3").exists()  # refused before opening anything


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/nowhere/cal.ics"], "does not exist. Nothing was imported."),
        (["x.ics", "--from", "2024-05-02", "--to", "2024-05-01"], "is after --to"),
        (["x.ics", "--from", "2024-13-01"], "is not a date"),
        (["x.ics", "--me", "not-an-address"], "--me: 'not-an-address' is not an e-mail"),
        (
            [str(DATA / "focusapp__declined_invitations.ics"), "--from", "1900-01-01"],
            "longer than 50 years",
        ),
    ],
)
def test_bad_arguments_are_one_line_errors(capsys, args, message):
    code, out, err = run(capsys, "calendar", "import", *args)
    assert code == 2 and out == ""
    (line,) = err.strip().splitlines()
    assert message in line


def test_me_marks_declined_invitations(capsys):
    path = str(DATA / "focusapp__declined_invitations.ics")
    _, plain, _ = run(capsys, "calendar", "import", path, "--from", "2024-01-01")
    _, mine, _ = run(
        capsys, "calendar", "import", path, "--from", "2024-01-01", "--me", "MAILTO:Me@Example.org"
    )
    assert "  Left out: none" in plain
    assert re.search(r"  Left out: \d+ \(\d+ declined\)", mine)
    assert mine.startswith("Re-imported ")


def test_list_remove_and_sync(capsys, data_dir):
    path = DATA / "focusapp__windows_tzid.ics"
    assert "No calendar imported yet" in run(capsys, "calendar", "list")[1]
    run(capsys, "calendar", "import", str(path), "--from", "2024-05-01", "--to", "2024-05-31")
    code, out, _ = run(capsys, "calendar", "list")
    assert code == 0 and f"{path}\n  2024-05-01 to 2024-05-31, 2 meetings" in out
    code, out, _ = run(capsys, "calendar", "sync")
    assert code == 0 and "Nothing to do" in out
    assert run(capsys, "config", "set", "calendar.watch_files", str(path))[0] == 0
    code, out, _ = run(capsys, "calendar", "sync")
    assert code == 0 and "(default, widened to cover this file's earlier import)" in out
    code, out, _ = run(capsys, "calendar", "remove", str(path))
    assert code == 0 and "Removed" in out
    assert rows(data_dir, "SELECT count(*) FROM calendar_events") == [(0,)]
    code, _, err = run(capsys, "calendar", "remove", str(path))
    assert code == 2 and "was not imported" in err
    run(capsys, "config", "set", "calendar.watch_files", "/nowhere/gone.ics")
    code, _, err = run(capsys, "calendar", "sync")
    assert code == 2
    assert err.strip().splitlines() == [
        "focusapp calendar sync: /nowhere/gone.ics does not exist.",
        "focusapp calendar: 1 of 1 calendar files could not be imported",
    ]


def test_the_calendar_command_loads_no_parsing_library_until_a_file_is_read():
    import subprocess
    import sys

    code = (
        "import sys; from focusapp.cli.main import main; main(['calendar', 'list']);"
        "print(sorted({'icalendar', 'recurring_ical_events', 'PySide6'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_calendar_show_escapes_titles_from_the_file(capsys, tmp_path):
    """Issue 15 item 10: an event title holding escape sequences is printed escaped."""
    ics = tmp_path / "evil.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:e1\r\n"
        "DTSTAMP:20261101T000000Z\r\nDTSTART:20261102T090000Z\r\nDTEND:20261102T100000Z\r\n"
        "SUMMARY:Sync \x1b]0;pwned\x07\x1b[2J\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    from focusapp.cli.main import main

    assert main(["calendar", "import", str(ics), "--from", "2026-11-01", "--to", "2026-11-05"]) == 0
    capsys.readouterr()
    assert main(["calendar", "show", "2026-11-02"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "Sync" in out
