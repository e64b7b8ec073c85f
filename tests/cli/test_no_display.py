"""Issue 12 item 13: without any display, FocusApp says so in one line instead of Qt's abort."""

from __future__ import annotations

import os
import subprocess
import sys


def _without_display() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "FOCUSAPP_EXIT_AFTER_READY"):
        env.pop(name, None)
    return env


def test_no_display_is_one_clear_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "focusapp", "--data-dir", str(tmp_path / "d")],
        capture_output=True,
        text=True,
        env=_without_display(),
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0] and "xcb" not in result.stderr
    assert not (tmp_path / "d").exists(), "nothing is created before the window could open"


def test_the_command_line_needs_no_display(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "focusapp", "--data-dir", str(tmp_path / "d"), "show"],
        capture_output=True,
        text=True,
        env=_without_display(),
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
