"""Issue 15 item 7: Ctrl-C on the window printed a KeyboardInterrupt traceback and kept running."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui


def _wait_until_open(gui: subprocess.Popen[str], db_path: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert gui.poll() is None, gui.communicate()[1]
        if Path(f"{db_path}-shm").exists():
            with sqlite3.connect(db_path) as connection:
                names = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
            if "checkins" in names:
                time.sleep(1.0)  # let the companion finish starting
                return
        time.sleep(0.1)
    pytest.fail("the window never opened its data")


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_quits_the_window_cleanly(tmp_path, number):
    folder = tmp_path / "data"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FOCUSAPP_DATA_DIR=str(folder))
    env.pop("FOCUSAPP_EXIT_AFTER_READY", None)
    subprocess.run(
        [sys.executable, "-m", "focusapp", "log", "--energy", "3"],
        env=env,
        check=True,
        capture_output=True,
    )
    gui = subprocess.Popen(
        [sys.executable, "-m", "focusapp"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_until_open(gui, folder / "focusapp.sqlite3")
        gui.send_signal(number)
        _, err = gui.communicate(timeout=30)
    finally:
        if gui.poll() is None:
            gui.kill()
    assert gui.returncode == 0, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert list((folder / "backups").glob("*quit*")), "the usual quit backup was made"


def test_a_signal_before_the_event_loop_runs_still_quits(qapp):
    """A SIGTERM while FocusApp is still starting was lost (quit() before exec() is ignored);
    an end-to-end run left a FocusApp behind that its test had killed during start-up."""
    from PySide6.QtCore import QTimer

    from focusapp.ui.quit_signals import QuitOnSignals

    quitter = QuitOnSignals(qapp)
    try:
        os.kill(os.getpid(), signal.SIGTERM)  # handled here, before the loop below runs
        time.sleep(0.05)
        QTimer.singleShot(5000, lambda: qapp.exit(7))  # only if the quit was lost
        assert qapp.exec() == 0
    finally:
        quitter.restore()
        quitter.deleteLater()
