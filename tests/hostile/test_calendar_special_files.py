"""Special files named as calendars: one clear line, exit 2, nothing changed, never a hang.

Each case runs the real command in a subprocess under a timeout, so a regression that opens
a FIFO blocking (or reads /dev/zero to the end) fails the test instead of hanging the suite.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from focusapp.formats.ics.read import MAX_ICS_BYTES

DATA = Path(__file__).resolve().parents[1] / "data" / "ics"
GOOD = DATA / "focusapp__windows_tzid.ics"
#: Far above what any of these commands needs; only there to turn a hang into a failure.
HANG_GUARD_SECONDS = 30


def focusapp(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "focusapp", *args],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_SECONDS,
        env={**os.environ, "TZ": "Europe/Berlin"},
        check=False,
    )


def stored(data_dir: Path) -> list[tuple[object, ...]]:
    path = data_dir / "focusapp.sqlite3"
    if not path.exists():
        return []
    with sqlite3.connect(path) as connection:
        return (
            connection.execute(
                "SELECT path, first_day, last_day, content_sha256 FROM calendar_sources ORDER BY id"
            ).fetchall()
            + connection.execute(
                "SELECT uid, start_at, summary FROM calendar_events ORDER BY id"
            ).fetchall()
        )


def special(kind: str, tmp_path: Path) -> tuple[Path, str]:
    """Return a path of the given kind and the phrase the refusal must contain."""
    if kind == "fifo":
        path = tmp_path / "pipe.ics"
        os.mkfifo(path)
        return path, "is not a regular file"
    if kind == "device":
        return Path("/dev/zero"), "is not a regular file"
    if kind == "folder":
        path = tmp_path / "folder.ics"
        path.mkdir()
        return path, "is a folder"
    if kind == "loop":
        first, second = tmp_path / "loop-a.ics", tmp_path / "loop-b.ics"
        first.symlink_to(second)
        second.symlink_to(first)
        return first, "loop of symbolic links"
    path = tmp_path / "huge.ics"
    with path.open("wb") as handle:  # sparse: no disk space used
        handle.truncate(MAX_ICS_BYTES + 1)
    return path, "is larger than 50 MB"


KINDS = ["fifo", "device", "folder", "loop", "huge"]


@pytest.mark.parametrize("kind", KINDS)
def test_calendar_import_refuses_special_files_with_one_line(kind, tmp_path, data_dir):
    assert focusapp("calendar", "import", str(GOOD), "--from", "2024-05-01").returncode == 0
    before = stored(data_dir)
    path, phrase = special(kind, tmp_path)
    done = focusapp("calendar", "import", str(path))
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    (line,) = done.stderr.strip().splitlines()
    assert phrase in line and line.endswith("Nothing was imported.")
    assert "Traceback" not in done.stderr
    assert stored(data_dir) == before


@pytest.mark.parametrize("kind", ["fifo", "device", "loop"])
def test_calendar_sync_reports_a_special_watched_file_and_imports_the_rest(
    kind, tmp_path, data_dir
):
    path, phrase = special(kind, tmp_path)
    watch = f"{GOOD},{path}"
    assert focusapp("config", "set", "calendar.watch_files", watch).returncode == 0
    done = focusapp("calendar", "sync")
    assert done.returncode == 2
    errors = done.stderr.strip().splitlines()
    assert len(errors) == 2 and phrase in errors[0], errors
    assert errors[1].endswith("1 of 2 calendar files could not be imported")
    assert "Imported " + str(GOOD) in done.stdout
    assert [row[0] for row in stored(data_dir)][:1] == [str(GOOD)]


def test_an_endless_repeat_imports_with_a_warning_and_keeps_the_other_meetings(tmp_path, data_dir):
    path = tmp_path / "endless.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
        "BEGIN:VEVENT\r\nUID:ping@t\r\nSUMMARY:Ping\r\nDTSTART:20150101T000000Z\r\n"
        "DURATION:PT1S\r\nRRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:plan@t\r\nSUMMARY:Planning\r\nDTSTART:20240506T080000Z\r\n"
        "DTEND:20240506T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    done = focusapp("calendar", "import", str(path), "--from", "2024-05-06", "--to", "2024-05-06")
    assert done.returncode == 0, done.stderr
    assert "Warning: Event 'Ping' (ping@t) repeats more than 13,050 times" in done.stdout
    shown = focusapp("calendar", "show", "2024-05-06", "--json")
    # The 13,050 seconds read lie in the margin read before the day: only Planning counts.
    assert json.loads(shown.stdout)["meeting_minutes"] == 60
