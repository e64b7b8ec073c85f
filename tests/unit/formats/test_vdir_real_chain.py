"""The vdir reader against real software: Radicale -> vdirsyncer -> vdir <- khal.

Skipped unless ``radicale``, ``vdirsyncer`` and ``khal`` are installed (``pip install
radicale vdirsyncer khal``). Every network call is made by those programs, started here
on 127.0.0.1; the reader runs in this test process, where pytest-socket refuses any
socket, so it reading the vdir proves it opened none.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest

from focusapp.domain.calendar import CalendarRules
from focusapp.formats.vdir import VdirReader

if TYPE_CHECKING:
    from collections.abc import Iterator

BIN = Path(sys.executable).parent
SEARCH = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"
TOOLS = {name: shutil.which(name, path=SEARCH) for name in ("radicale", "vdirsyncer", "khal")}
pytestmark = pytest.mark.skipif(
    not all(TOOLS.values()), reason="radicale, vdirsyncer and khal are not installed"
)
RULES = CalendarRules(zone=ZoneInfo("Europe/Berlin"))

# Run by a child python: the test process itself has no sockets.
_FREE_PORT = (
    "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"
)
_REQUEST = """
import sys, urllib.request
method, url, body = sys.argv[1], sys.argv[2], sys.argv[3].encode()
request = urllib.request.Request(url, data=body or None, method=method)
request.add_header("Authorization", "Basic c2FtOng=")  # sam:x
request.add_header("Content-Type", "text/calendar")
print(urllib.request.urlopen(request, timeout=10).status)
"""


def event(uid: str, hour: int) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261202T{hour:02d}0000Z\r\n"
        f"DTEND:20261202T{hour:02d}3000Z\r\nSUMMARY:Call {uid}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


class Chain:
    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.vdir = tmp / "vdir"
        port = subprocess.run(
            [sys.executable, "-c", _FREE_PORT], capture_output=True, text=True, check=True
        ).stdout.strip()
        self.url = f"http://127.0.0.1:{port}/sam/"
        (tmp / "rad.cfg").write_text(
            f"[server]\nhosts = 127.0.0.1:{port}\n[auth]\ntype = none\n"
            f"[rights]\ntype = authenticated\n[storage]\nfilesystem_folder = {tmp / 'rad'}\n",
            encoding="utf-8",
        )
        (tmp / "vs.conf").write_text(
            f'[general]\nstatus_path = "{tmp / "status"}/"\n'
            '[pair cal]\na = "local"\nb = "remote"\ncollections = ["from b"]\n'
            f'[storage local]\ntype = "filesystem"\npath = "{self.vdir}/"\nfileext = ".ics"\n'
            f'[storage remote]\ntype = "caldav"\nurl = "{self.url}"\n'
            'username = "sam"\npassword = "x"\n',
            encoding="utf-8",
        )
        (tmp / "khal.conf").write_text(
            f"[calendars]\n[[work]]\npath = {self.vdir / 'work'}\n"
            "[default]\ndefault_calendar = work\n"
            "[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\n"
            "longdateformat = %Y-%m-%d\ndatetimeformat = %Y-%m-%d %H:%M\n"
            "longdatetimeformat = %Y-%m-%d %H:%M\ndefault_timezone = UTC\nlocal_timezone = UTC\n",
            encoding="utf-8",
        )
        self.env = {**os.environ, "VDIRSYNCER_CONFIG": str(tmp / "vs.conf"), "HOME": str(tmp)}
        log = (tmp / "rad.log").open("w")
        self.server = subprocess.Popen(
            [str(TOOLS["radicale"]), "--config", str(tmp / "rad.cfg")],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=self.env,
        )
        deadline = time.monotonic() + 30
        while "Listening" not in (tmp / "rad.log").read_text(encoding="utf-8"):
            assert self.server.poll() is None, (tmp / "rad.log").read_text(encoding="utf-8")
            assert time.monotonic() < deadline, "Radicale did not start"
            time.sleep(0.1)

    def request(self, method: str, path: str, body: str = "") -> None:
        subprocess.run(
            [sys.executable, "-c", _REQUEST, method, self.url + path, body],
            check=True,
            capture_output=True,
            timeout=30,
        )

    def vdirsyncer(self, *args: str) -> None:
        subprocess.run(
            [str(TOOLS["vdirsyncer"]), *args],
            input="y\n" * 5,
            text=True,
            check=True,
            capture_output=True,
            env=self.env,
            timeout=120,
        )

    def khal(self, *args: str) -> None:
        subprocess.run(
            [str(TOOLS["khal"]), "-c", str(self.tmp / "khal.conf"), *args],
            check=True,
            capture_output=True,
            env=self.env,
            timeout=60,
        )

    def stop(self) -> None:
        self.server.terminate()
        self.server.wait(timeout=10)


@pytest.fixture
def chain(tmp_path: Path) -> Iterator[Chain]:
    running = Chain(tmp_path)
    yield running
    running.stop()


def starts(reader: VdirReader, changed: list[Path] | None = None) -> dict[str, int]:
    result = reader.read(changed=changed)
    return {e.summary: e.start.hour for e in result.events}


def test_the_reader_follows_radicale_vdirsyncer_and_khal(chain: Chain) -> None:
    chain.request("MKCALENDAR", "work/")
    chain.request("PUT", "work/e1.ics", event("e1", 9))
    chain.vdirsyncer("discover")
    chain.vdirsyncer("sync")
    work = chain.vdir / "work"
    reader = VdirReader(
        chain.vdir, first_day=dt.date(2026, 12, 1), last_day=dt.date(2026, 12, 3), rules=RULES
    )

    assert starts(reader) == {"Call e1": 9}

    # khal writes a new item into the vdir (temporary file, then rename).
    chain.khal("new", "2026-12-02", "14:00", "15:00", "Planning")
    assert starts(reader, [work]) == {"Call e1": 9, "Planning": 14}

    # A change on the server, synced down by vdirsyncer, is picked up: only that item parsed.
    chain.request("PUT", "work/e1.ics", event("e1", 11))
    chain.vdirsyncer("sync")
    result = reader.read(changed=[work])
    assert result.parsed == 1
    assert {e.summary: e.start.hour for e in result.events} == {"Call e1": 11, "Planning": 14}

    # A deletion on the server removes the item and its event.
    chain.request("DELETE", "work/e1.ics")
    chain.vdirsyncer("sync")
    assert starts(reader, [work]) == {"Planning": 14}
    assert not any(p.name.startswith(".") for p in work.iterdir())


def test_focusapp_calendar_sync_picks_up_what_khal_edits(
    chain: Chain, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole command, in this socket-less process: add the vdir, khal edits, sync."""
    from focusapp.cli.main import main

    monkeypatch.setenv("TZ", "UTC")
    day = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)
    stamp = f"{day:%Y%m%d}"

    def minutes() -> int | None:
        main(["show", "--from", str(day), "--to", str(day), "--json"])
        days = json.loads(capsys.readouterr().out)
        days = days["days"] if isinstance(days, dict) else days
        return days[0].get("meeting_minutes") if days else None

    chain.request("MKCALENDAR", "work/")
    chain.request("PUT", "work/e1.ics", event("e1", 9).replace("20261202", stamp))
    chain.vdirsyncer("discover")
    chain.vdirsyncer("sync")
    assert main(["calendar", "add", str(chain.vdir)]) == 0
    assert "Meetings counted: 1" in capsys.readouterr().out
    assert minutes() == 30

    chain.khal("new", str(day), "14:00", "15:00", "Planning")
    assert main(["calendar", "sync"]) == 0
    capsys.readouterr()
    assert minutes() == 90

    # khal edit is interactive: move Planning to 16:00-17:30 through its prompts.
    subprocess.run(
        [str(TOOLS["khal"]), "-c", str(chain.tmp / "khal.conf"), "edit", "--show-past", "Planning"],
        input=f"t\n{day} 16:00 {day} 17:30\nn\n",
        text=True,
        check=True,
        capture_output=True,
        env=chain.env,
        timeout=60,
    )
    assert main(["calendar", "sync"]) == 0
    capsys.readouterr()
    assert minutes() == 120
    main(["calendar", "show", str(day), "--json"])
    audit = json.loads(capsys.readouterr().out)
    planning = [e for e in audit["events"] if e["summary"] == "Planning"]
    assert [e["start"][11:16] for e in planning] == ["16:00"]
