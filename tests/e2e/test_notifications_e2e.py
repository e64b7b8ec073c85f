"""Notifier against the real dunst in a real X session (tests/e2e/tray-session): the
notification carries FocusApp's name and icon, a second one with the same key replaces the
first, and each button ("Check in", "In 30 min") delivers its key to FocusApp.

dunst invokes a button through its context menu (``dunstctl context``), which runs the
``dmenu`` of tests/e2e/dunst/dunstrc: a script printing the line with the wanted label.
"""

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = [pytest.mark.x11, pytest.mark.gui]
HERE = Path(__file__).parent
NEEDED = ("Xvfb", "xfce4-panel", "dunst", "dbus-run-session", "dunstctl", "notify-send")
missing = [tool for tool in NEEDED if shutil.which(tool) is None]
if missing:
    pytest.skip(f"needs {', '.join(missing)} (installed by .ci/run)", allow_module_level=True)

APP = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from focusapp.ui.notifications import Notifier

app = QGuiApplication(sys.argv)
notifier = Notifier()
print("available", notifier.available(), flush=True)
ACTIONS = [("default", "Check in"), ("snooze", "In 30 min")]
rounds = iter(range(3))

def show() -> None:
    index = next(rounds, None)
    if index is None:
        app.quit()
        return
    notifier.notify("reminder", "Time for your check-in", f"Round {index}", ACTIONS,
                    timeout_ms=60000)

def on_action(key: str, action: str) -> None:
    print("action", key, action, flush=True)
    QTimer.singleShot(300, show)

notifier.action_invoked.connect(on_action)
notifier.closed.connect(lambda key: print("closed", key, flush=True))
notifier.fallback_requested.connect(lambda *args: print("fallback", *args, flush=True))
notifier.notify("reminder", "Replaced", "This one is replaced", ACTIONS, timeout_ms=60000)
QTimer.singleShot(700, show)
QTimer.singleShot(50000, app.quit)
app.exec()
notifier.shutdown()
"""

DRIVER = """
pick() { echo "$1" > "$XDG_CONFIG_HOME/dunst/pick"; dunstctl context; }
until_true() {
  for i in $(seq 1 100); do eval "$1" && return 0; sleep 0.1; done; echo "timeout: $1"
}
actions() { grep -c '^action' events.log; }
PYTHON app.py > events.log 2> app.err & pid=$!
until_true '[ "$(dunstctl count displayed)" -ge 1 ]'
sleep 1.5
echo "displayed: $(dunstctl count displayed)"
SHOT
pick "In 30 min"
until_true '[ "$(actions)" -ge 1 ]'
until_true '[ "$(dunstctl count history)" -ge 1 ] && [ "$(dunstctl count displayed)" -ge 1 ]'
dunstctl action 0
until_true '[ "$(actions)" -ge 2 ]'
until_true '[ "$(dunstctl count history)" -ge 2 ] && [ "$(dunstctl count displayed)" -ge 1 ]'
pick "Check in"
until_true '[ "$(actions)" -ge 3 ]'
wait $pid; echo "app: $?"
dunstctl history > history.json
"""


def run_session(tmp_path: Path, shot: Path | None = None) -> subprocess.CompletedProcess[str]:
    (tmp_path / "app.py").write_text(textwrap.dedent(APP))
    snap = f"import -window root {shot}" if shot else ":"
    body = textwrap.dedent(DRIVER).replace("PYTHON", sys.executable).replace("SHOT", snap)
    driver = tmp_path / "driver.sh"
    driver.write_text("#!/bin/bash\nset -u\n" + body)
    driver.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["CI_TRAY_DUNSTRC"] = str(HERE / "dunst" / "dunstrc")
    env["PATH"] = f"{HERE / 'dunst'}{os.pathsep}{env['PATH']}"
    return subprocess.run(
        [str(HERE / "tray-session"), str(driver)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
        cwd=tmp_path,
    )


def history(tmp_path: Path) -> list[dict[str, str]]:
    """Return dunst's closed notifications, newest first, as plain field -> value."""
    data = json.loads((tmp_path / "history.json").read_text())["data"][0]
    return [{name: field["data"] for name, field in entry.items()} for entry in data]


def test_dunst_shows_one_focusapp_notification_and_each_button_delivers_its_key(tmp_path):
    result = run_session(tmp_path, shot=os.environ.get("FOCUSAPP_NOTIFY_SHOT"))
    events = (tmp_path / "events.log").read_text().splitlines()
    assert "timeout" not in result.stdout, (result.stdout, result.stderr[-2000:], events)
    assert events[0] == "available True"
    assert "displayed: 1" in result.stdout
    assert events[1:] == [
        "action reminder snooze",
        "action reminder default",
        "action reminder default",
    ]
    assert "app: 0" in result.stdout
    shown = history(tmp_path)
    assert [entry["body"] for entry in shown] == ["Round 2", "Round 1", "Round 0"]
    for entry in shown:
        assert entry["appname"] == "FocusApp"
        assert entry["summary"] == "Time for your check-in"
        assert entry["default_action_name"] == "default"
        assert Path(entry["icon_path"]).is_file()
    assert "Traceback" not in (tmp_path / "app.err").read_text()
