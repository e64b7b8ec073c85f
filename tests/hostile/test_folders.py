"""Issue 15 item 9: FocusApp changes the mode only of folders it creates."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def _focusapp(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("FOCUSAPP_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "focusapp", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env=env,
    )


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_an_empty_data_dir_is_one_clear_line(tmp_path):
    work = tmp_path / "work"
    work.mkdir(mode=0o755)
    work.chmod(0o755)
    result = _focusapp("--data-dir", "", "show", cwd=work)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "--data-dir is empty" in result.stderr
    assert _mode(work) == 0o755 and not any(work.iterdir()), "the current folder is untouched"


def test_a_shared_folder_keeps_its_sticky_bit_and_is_warned_about_once(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    first = _focusapp("--data-dir", str(shared), "log", "--energy", "3")
    assert first.returncode == 0, first.stderr
    assert shared.stat().st_mode & 0o7777 == 0o1777
    assert "can be read by other users" in first.stderr
    second = _focusapp("--data-dir", str(shared), "show")
    assert second.returncode == 0 and "other users" not in second.stderr


def test_a_read_only_folder_is_not_reopened(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    _focusapp("--data-dir", str(locked), "log", "--energy", "3")
    locked.chmod(0o500)
    try:
        _focusapp("--data-dir", str(locked), "show")
        assert _mode(locked) == 0o500
    finally:
        locked.chmod(0o700)


def test_a_new_folder_is_private(tmp_path):
    fresh = tmp_path / "a" / "b"
    assert _focusapp("--data-dir", str(fresh), "log", "--energy", "3").returncode == 0
    assert _mode(fresh) == 0o700


def test_a_file_as_data_dir_is_one_clear_line(tmp_path):
    file = tmp_path / "file"
    file.write_text("x")
    result = _focusapp("--data-dir", str(file), "show")
    assert result.returncode == 2 and "not a folder" in result.stderr
    assert "Traceback" not in result.stderr
