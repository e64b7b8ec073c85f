"""Issue 15 item 4: a ``-wal`` deleted while the window is open lost a committed check-in."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from zoneinfo import ZoneInfo

from focusapp.bootstrap import open_context

UTC = ZoneInfo("UTC")
DAY = dt.date(2026, 11, 2)


def test_a_deleted_wal_loses_no_committed_check_in(tmp_path):
    folder = tmp_path / "data"
    window = open_context(folder, zone=UTC)  # holds the database open, as the window does
    try:
        window.checkins.days()
        code = subprocess.run(
            [
                sys.executable,
                "-m",
                "focusapp",
                "--data-dir",
                str(folder),
                "log",
                "--date",
                DAY.isoformat(),
                "--energy",
                "4",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert code.returncode == 0, code.stderr
        wal = folder / "focusapp.sqlite3-wal"
        wal.unlink(missing_ok=True)  # someone deletes the log behind FocusApp's back
        later = open_context(folder, zone=UTC)
        try:
            assert any("write-ahead log" in m for m in later.startup_report.messages)
            stored = later.checkins.sources(DAY).typed
            assert stored is not None and stored.energy == 4, "the committed check-in is there"
        finally:
            later.close()
    finally:
        window.close()


def test_a_clean_close_is_not_reported_as_lost(tmp_path):
    folder = tmp_path / "data"
    context = open_context(folder, zone=UTC)
    context.checkins.record(DAY, {"energy": 3})
    context.close()
    again = open_context(folder, zone=UTC)
    try:
        assert not any("write-ahead log" in m for m in again.startup_report.messages)
    finally:
        again.close()
