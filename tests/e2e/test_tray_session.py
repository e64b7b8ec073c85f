"""End to end in a real X session with a tray host (xfce4-panel) and a notification daemon
(dunst), started by tests/e2e/tray-session (the recipe measured in ../shared/tools)."""

import datetime as dt
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = [pytest.mark.x11, pytest.mark.gui]
HERE = Path(__file__).parent
NEEDED = ("Xvfb", "xfce4-panel", "dunst", "dbus-run-session", "dunstctl", "dbus-send")
missing = [tool for tool in NEEDED if shutil.which(tool) is None]
if missing:
    pytest.skip(f"needs {', '.join(missing)} (installed by .ci/run)", allow_module_level=True)

FOCUSAPP = [sys.executable, "-m", "focusapp"]


def session(script: str, data_dir: Path, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    body = textwrap.dedent(script).replace(
        "FOCUSAPP", " ".join(FOCUSAPP) + f" --data-dir {data_dir}"
    )
    driver = data_dir.parent / "driver.sh"
    driver.write_text("#!/bin/bash\nset -u\n" + body)
    driver.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"
    return subprocess.run(
        [str(HERE / "tray-session"), str(driver)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
        cwd=data_dir.parent,
    )


def focusapp(data_dir: Path, *args: str) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run(
        [*FOCUSAPP, "--data-dir", str(data_dir), *args], check=True, capture_output=True, env=env
    )


def prepare(data_dir: Path) -> None:
    """All days are work days; the reminder time passed a minute ago; today is unchecked."""
    focusapp(data_dir, "config", "set", "checkin.workdays", "mon,tue,wed,thu,fri,sat,sun")
    earlier = (dt.datetime.now() - dt.timedelta(minutes=1)).strftime("%H:%M")  # noqa: DTZ005
    if earlier < "04:00":
        focusapp(data_dir, "config", "set", "day.start_hour", "0")
    focusapp(data_dir, "config", "set", "checkin.reminder_time", earlier)
    focusapp(data_dir, "config", "set", "review.moment", "off")  # one notification only


ITEMS = (
    "items() { dbus-send --session --print-reply --dest=org.kde.StatusNotifierWatcher"
    " /StatusNotifierWatcher org.freedesktop.DBus.Properties.Get"
    " string:org.kde.StatusNotifierWatcher string:RegisteredStatusNotifierItems 2>/dev/null"
    " | grep -c StatusNotifierItem; }\n"
)


def test_tray_icon_registers_and_due_reminder_is_a_notification(tmp_path):
    data = tmp_path / "data"
    prepare(data)
    result = session(
        ITEMS
        + """
        # Started at login (hidden in the tray): the due reminder is a notification. (Started
        # from the menu, the window itself asks for the check-in and no reminder is shown.)
        FOCUSAPP --autostart > app.log 2>&1 & pid=$!
        for i in $(seq 1 60); do [ "$(items)" -ge 1 ] && break; sleep 0.1; done
        echo "items: $(items)"
        for i in $(seq 1 50); do [ "$(dunstctl count displayed)" -ge 1 ] && break; sleep 0.1; done
        echo "displayed: $(dunstctl count displayed)"
        start=$(date +%s.%N)
        FOCUSAPP; echo "second: $? $(echo "$(date +%s.%N) - $start" | bc)"
        FOCUSAPP log --energy 4 >/dev/null
        sleep 1
        dunstctl close-all
        sleep 2
        echo "after check-in: $(dunstctl count displayed)"
        kill $pid; wait $pid
        echo "app: $?"
        """,
        data,
    )
    out = result.stdout
    assert "items: 1" in out, result.stderr[-2000:]
    assert "displayed: 1" in out, out
    second = next(line for line in out.splitlines() if line.startswith("second:"))
    assert second.split()[1] == "0"
    assert float(second.split()[2]) < 10
    assert "after check-in: 0" in out
    assert "Traceback" not in result.stderr
