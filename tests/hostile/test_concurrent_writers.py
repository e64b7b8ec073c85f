"""Concurrent writers on the same days: every acknowledged value is there at the end.

Issue 15 item 1: two ``focusapp log`` loops on the same days (one sets energy, one sets
coding) failed with "UNIQUE constraint failed: checkins.day" and lost an energy value whose
writer had exited 0, because a write read the day, then rewrote every field, outside one
locked transaction. Here four processes write the same days at once, as the window, two
command lines and a calendar sync would: a window-like writer (sleep and stress, through
the form's save path), a command line setting energy, one setting coding time, and a
calendar sync re-importing a file whose meetings change. Each writer owns its fields, so
the last value it was told was saved must be the stored one.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from focusapp.bootstrap import open_context

UTC = ZoneInfo("UTC")

DAYS = 10
FIRST = dt.date(2026, 11, 1)

WRITER = textwrap.dedent(
    """
    import datetime as dt, json, sys
    from zoneinfo import ZoneInfo
    from focusapp.bootstrap import open_context
    role, count, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    context = open_context(folder, zone=ZoneInfo("UTC"))
    first = dt.date(2026, 11, 1)
    acknowledged = {}
    for i in range(count):
        day = first + dt.timedelta(days=i % DAYS)
        if role == "energy":
            context.checkins.record(day, {"energy": i % 5 + 1})
            acknowledged[day.isoformat()] = i % 5 + 1
        elif role == "coding":
            context.checkins.record(day, {"coding_minutes": i % 300})
            acknowledged[day.isoformat()] = i % 300
        elif role == "window":
            before = context.checkins.sources(day).typed
            from focusapp.domain.models import CheckIn
            edited = (before or CheckIn(date=day)).merged({"stress": i % 5 + 1})
            context.checkins.save_edit(before, edited)
            acknowledged[day.isoformat()] = i % 5 + 1
        elif role == "calendar":
            path = f"{folder}/work.ics"
            minute = i % 50
            with open(path + ".tmp", "w") as handle:
                handle.write(
                    "BEGIN:VCALENDAR\\r\\nVERSION:2.0\\r\\nPRODID:-//t//t//EN\\r\\n"
                    "BEGIN:VEVENT\\r\\nUID:m1\\r\\nDTSTAMP:20261101T000000Z\\r\\n"
                    f"DTSTART:20261102T10{minute:02d}00Z\\r\\nDTEND:20261102T110000Z\\r\\n"
                    "SUMMARY:Sync\\r\\nEND:VEVENT\\r\\nEND:VCALENDAR\\r\\n"
                )
            import os
            os.replace(path + ".tmp", path)
            context.calendar.import_file(path, first, first + dt.timedelta(days=DAYS))
            acknowledged["2026-11-02"] = 60 - minute
    context.close()
    print(json.dumps(acknowledged))
    """
).replace("DAYS", str(DAYS))


def _run_writers(folder: Path, per_writer: int) -> dict[str, dict[str, int]]:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    roles = ("energy", "coding", "window", "calendar")
    processes = {
        role: subprocess.Popen(
            [sys.executable, "-c", WRITER, role, str(per_writer), str(folder)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for role in roles
    }
    results: dict[str, dict[str, int]] = {}
    for role, process in processes.items():
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, f"{role} writer failed: {err[-2000:]}"
        results[role] = json.loads(out.strip().splitlines()[-1])
    return results


@pytest.mark.slow
def test_four_writers_lose_nothing(tmp_path):
    folder = tmp_path / "data"
    open_context(folder, zone=UTC).close()  # migrate once, as a first start would
    acknowledged = _run_writers(folder, per_writer=250)
    context = open_context(folder, zone=UTC)
    try:
        fields = {"energy": "energy", "coding": "coding_minutes", "window": "stress"}
        for role, field in fields.items():
            for day_text, value in acknowledged[role].items():
                sources = context.checkins.sources(dt.date.fromisoformat(day_text))
                assert sources.typed is not None, f"{day_text} lost entirely"
                assert getattr(sources.typed, field) == value, (role, day_text)
        meetings = context.calendar.days(dt.date(2026, 11, 2), dt.date(2026, 11, 2))
        assert (
            meetings[dt.date(2026, 11, 2)].meeting_minutes == acknowledged["calendar"]["2026-11-02"]
        )
    finally:
        context.close()
