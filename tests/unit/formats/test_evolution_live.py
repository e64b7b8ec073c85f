"""Reading a cache.db while the real evolution-data-server is running and writing it.

Skipped unless evolution-data-server, dbus-run-session and the system python's gi are
installed (Debian: ``apt-get install evolution-data-server python3-gi``). EDS runs headless
on a private D-Bus session bus, with HOME and the XDG folders in tmp_path; its webcal
backend downloads a file served on 127.0.0.1 by a child python. The test keeps reading the
cache while EDS refreshes it: EDS's write must land (we never block it) and every read must
show either the old or the new calendar, never a mixture or an error other than "try again".
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from focusapp.domain.calendar import CalendarRules
from focusapp.formats.evolution import read_cache
from focusapp.formats.ics.report import CalendarFormatError
from focusapp.system.files import FileRefusedError

DATA = Path(__file__).resolve().parents[2] / "data" / "evolution"
FACTORY = Path("/usr/libexec/evolution-calendar-factory")
REGISTRY = Path("/usr/libexec/evolution-source-registry")
SYSTEM_PYTHON = Path("/usr/bin/python3")
RULES = CalendarRules(zone=ZoneInfo("Europe/Berlin"))


def _has_gi() -> bool:
    if not SYSTEM_PYTHON.exists():
        return False
    done = subprocess.run(
        [str(SYSTEM_PYTHON), "-c", "from gi.repository import Gio"],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


pytestmark = pytest.mark.skipif(
    not (FACTORY.exists() and REGISTRY.exists() and shutil.which("dbus-run-session") and _has_gi()),
    reason="evolution-data-server, dbus-run-session or python3-gi is not installed",
)


def calendar(count: int) -> str:
    events = "".join(
        f"BEGIN:VEVENT\r\nUID:live-{n}@test\r\nDTSTAMP:20261101T000000Z\r\n"
        f"DTSTART:202612{n + 1:02d}T090000Z\r\nDTEND:202612{n + 1:02d}T100000Z\r\n"
        f"SUMMARY:Meeting {n}\r\nEND:VEVENT\r\n"
        for n in range(count)
    )
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n{events}END:VCALENDAR\r\n"


def uids(cache: Path) -> set[str] | None:
    """Return the cache's event UIDs, or None while EDS has not written it yet."""
    try:
        result = read_cache(
            cache, first_day=dt.date(2026, 11, 1), last_day=dt.date(2026, 12, 31), rules=RULES
        )
    except FileRefusedError:
        return None  # missing, or locked for the moment: "tried again on its next change"
    except CalendarFormatError:
        return None  # EDS is creating its tables
    return {event.uid for event in result.events}


def wait_for(cache: Path, expected: set[str], seen: list[set[str]], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = uids(cache)
        if found is not None:
            seen.append(found)
            if found == expected:
                return
    pytest.fail(f"EDS did not write {sorted(expected)}; last read {seen[-1:]}")


def test_reading_while_evolution_writes(tmp_path: Path) -> None:
    home, served, control = tmp_path / "home", tmp_path / "served", tmp_path / "control"
    for folder in (home / "config/evolution/sources", served, control):
        folder.mkdir(parents=True)
    (served / "cal.ics").write_text(calendar(2), encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1"],
        cwd=served,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    eds: subprocess.Popen[bytes] | None = None
    try:
        assert server.stdout is not None
        port = server.stdout.readline().split(" port ")[1].split()[0]
        source = (DATA / "webcal-test.source").read_text(encoding="utf-8").replace("8765", port)
        (home / "config/evolution/sources/webcal-test.source").write_text(source, encoding="utf-8")
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "GSETTINGS_BACKEND": "memory",
            "GIO_USE_VFS": "local",
        }
        script = (
            f"{REGISTRY} & sleep 2; {FACTORY} -r & sleep 2; "
            f"{SYSTEM_PYTHON} {DATA / 'eds_driver.py'} webcal-test {control}; kill $(jobs -p)"
        )
        eds = subprocess.Popen(
            ["dbus-run-session", "--", "sh", "-c", script],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        cache = home / "cache/evolution/calendar/webcal-test/cache.db"
        first: list[set[str]] = []  # may start empty: EDS creates the tables, then downloads
        wait_for(cache, {"live-0@test", "live-1@test"}, first)
        seen: list[set[str]] = []

        (served / "cal.ics").write_text(calendar(3), encoding="utf-8")
        (control / "refresh-1").touch()
        wait_for(cache, {"live-0@test", "live-1@test", "live-2@test"}, seen)

        # Every read during the refresh saw a whole calendar: the old one or the new one.
        assert all(len(found) in {2, 3} for found in seen)
        # Our reads created no WAL files next to EDS's rollback-journal database.
        assert not [p for p in cache.parent.iterdir() if p.name.endswith(("-wal", "-shm"))]
    finally:
        (control / "stop").touch()
        if eds is not None:
            try:
                eds.wait(timeout=30)
            except subprocess.TimeoutExpired:
                eds.kill()
        server.terminate()
        server.wait(timeout=10)
