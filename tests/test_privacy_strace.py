"""Privacy you can prove: a whole GUI session under strace opens no internet connection.

The session (``tests/ui/privacy_session.py``) runs the real app: window, tray companion,
single-instance socket, check-in, import, export, backups, quit. strace records every
``connect``/``sendto``/``sendmsg`` of every thread and child; Unix-domain sockets (D-Bus,
the single-instance socket) are fine, any AF_INET or AF_INET6 address is a failure. A
control run proves the detector sees a real TCP connection attempt.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SESSION = Path(__file__).resolve().parent / "ui" / "privacy_session.py"
SYSCALLS = "connect,sendto,sendmsg,sendmmsg"
INTERNET = re.compile(r"\b(connect|sendto|sendmsg|sendmmsg)\(.*sa_family=AF_INET6?\b")

pytestmark = pytest.mark.gui


def strace() -> str:
    found = shutil.which("strace")
    if found is None:
        pytest.skip("strace is not installed (CI installs it: .ci/run)")
    return found


def traced(tmp_path: Path, *command: str) -> tuple[subprocess.CompletedProcess[str], str]:
    log = tmp_path / "strace.log"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("FOCUSAPP_EXIT_AFTER_READY", None)
    result = subprocess.run(
        [strace(), "-f", "-qq", "-e", f"trace={SYSCALLS}", "-o", str(log), *command],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )
    return result, log.read_text(encoding="utf-8", errors="replace")


def internet_calls(log: str) -> list[str]:
    return [line for line in log.splitlines() if INTERNET.search(line)]


def test_the_detector_sees_an_internet_connection(tmp_path):
    script = (
        "import socket\n"
        "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n"
        "s.settimeout(1)\n"
        "try:\n    s.connect(('127.0.0.1', 9))\nexcept OSError:\n    pass\n"
    )
    result, log = traced(tmp_path, sys.executable, "-c", script)
    assert result.returncode == 0, result.stderr
    assert len(internet_calls(log)) == 1, log


def test_a_whole_gui_session_makes_no_internet_connection(tmp_path):
    data = tmp_path / "profile"
    incoming = tmp_path / "in.csv"
    incoming.write_text(
        "date,energy,coding_minutes,meeting_minutes\n2026-10-01,3,60,30\n2026-10-02,2,0,240\n"
    )
    outgoing = tmp_path / "out.csv"
    result, log = traced(
        tmp_path, sys.executable, str(SESSION), str(data), str(incoming), str(outgoing)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    steps = [line for line in result.stdout.splitlines() if line.startswith("session: ")]
    assert any("checked in: Saved" in step for step in steps), steps
    assert "session: imported" in steps and "session: exported" in steps
    if importlib.util.find_spec("focusapp.ui.dashboard") is not None:
        assert "session: dashboard shown" in steps
    assert "session: status 0" in steps
    # The session really happened: data in, data out, backups made.
    exported = outgoing.read_text().splitlines()
    assert len(exported) == 4  # header + 2 imported days + today's check-in
    assert any("-quit" in p.name for p in (data / "backups").iterdir())
    # strace followed the process: it saw the Unix-domain connections Qt makes.
    assert "connect(" in log
    assert internet_calls(log) == []
