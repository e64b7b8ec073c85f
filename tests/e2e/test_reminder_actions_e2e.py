"""FocusApp's reminders in a real X session with a tray (xfce4-panel) and dunst: each button,
invoked through dunst's context menu (``dunstctl context``, see tests/e2e/dunst), does what it
says, checked on the database, the reminder state and the window (issue 12, item 4).

FocusApp runs as ``focusapp --autostart`` (hidden in the tray) with its clock shifted by
tests/e2e/shifted_focusapp.py, so "30 minutes later" takes no real time; a ``config set``
makes it look at the clock again, as any change of settings or data does.
"""

import csv
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from focusapp.bootstrap import open_context
from focusapp.domain.days import local_day
from focusapp.system.zone import detect_zone
from focusapp.ui.risk_text import describe_risk

pytestmark = [pytest.mark.x11, pytest.mark.gui]
HERE = Path(__file__).parent
NEEDED = ("Xvfb", "xfce4-panel", "dunst", "dbus-run-session", "dunstctl", "notify-send", "xdotool")
missing = [tool for tool in NEEDED if shutil.which(tool) is None]
if missing:
    pytest.skip(f"needs {', '.join(missing)} (installed by .ci/run)", allow_module_level=True)

FOCUSAPP = [sys.executable, "-m", "focusapp"]
SHIFTED = [sys.executable, str(HERE / "shifted_focusapp.py")]

#: Shell helpers every driver uses: pick a button, wait for a condition, move FocusApp's clock.
HELPERS = """
pick() { echo "$1" > "$XDG_CONFIG_HOME/dunst/pick"; dunstctl context; }
until_true() {
  for i in $(seq 1 100); do eval "$1" && return 0; sleep 0.1; done; echo "timeout: $1"
}
displayed() { dunstctl count displayed; }
shift_clock() { echo "$1" > shift.tmp; mv shift.tmp shift; }
wake() { FOCUSAPP config set checkin.snooze_minutes 45 > /dev/null; }
visible() { xdotool search --onlyvisible --name '^FocusApp$' 2>/dev/null | head -1; }
"""


def focusapp(data_dir: Path, *args: str) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [*FOCUSAPP, "--data-dir", str(data_dir), *args],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    return done.stdout


def day_start_hour(now: dt.datetime) -> int:
    """A day start no test hour crosses: the session's clock runs at most an hour ahead."""
    soon = now + dt.timedelta(hours=1)
    return 0 if 11 <= now.hour <= 12 or soon.hour == 12 else 12


def prepare(data_dir: Path) -> dt.date:
    """Every day a work day, the reminder a minute ago, 5-minute focus, no review; return today."""
    now = dt.datetime.now().astimezone()
    start = day_start_hour(now)
    focusapp(data_dir, "config", "set", "checkin.workdays", "mon,tue,wed,thu,fri,sat,sun")
    focusapp(data_dir, "config", "set", "day.start_hour", str(start))
    earlier = now - dt.timedelta(minutes=1)
    focusapp(data_dir, "config", "set", "checkin.reminder_time", f"{earlier:%H:%M}")
    focusapp(data_dir, "config", "set", "focus.length_minutes", "5")
    # The weekly review (Friday 16:00 by default) would come on top on a Friday evening.
    focusapp(data_dir, "config", "set", "review.moment", "off")
    return local_day(now.astimezone(dt.UTC), detect_zone(), start)


def write_days(path: Path, first: dt.date, count: int, **values: int) -> Path:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["date", *values])
        for offset in range(count):
            writer.writerow([(first + dt.timedelta(days=offset)).isoformat(), *values.values()])
    return path


def session(script: str, workdir: Path, data_dir: Path, **env_extra: str):
    body = textwrap.dedent(HELPERS + script)
    body = body.replace("SHIFTED", " ".join(SHIFTED) + f" --data-dir {data_dir}")
    body = body.replace("FOCUSAPP", " ".join(FOCUSAPP) + f" --data-dir {data_dir}")
    driver = workdir / "driver.sh"
    driver.write_text("#!/bin/bash\nset -u\n" + body)
    driver.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env.update(
        QT_QPA_PLATFORM="xcb",
        CI_TRAY_DUNSTRC=str(HERE / "dunst" / "dunstrc"),
        PATH=f"{HERE / 'dunst'}{os.pathsep}{env['PATH']}",
        FOCUSAPP_E2E_SHIFT=str(workdir / "shift"),
        **env_extra,
    )
    return subprocess.run(
        [str(HERE / "tray-session"), str(driver)],
        capture_output=True,
        text=True,
        timeout=150,
        env=env,
        check=False,
        cwd=workdir,
    )


def history(workdir: Path) -> list[dict[str, str]]:
    """Return dunst's closed notifications, oldest first, as plain field -> value."""
    data = json.loads((workdir / "history.json").read_text())["data"][0]
    return [{name: field["data"] for name, field in entry.items()} for entry in reversed(data)]


def test_each_reminder_button_acts_on_the_data_the_schedule_and_the_window(tmp_path):
    data = tmp_path / "data"
    today = prepare(data)
    calm = write_days(
        tmp_path / "calm.csv",
        today - dt.timedelta(days=56),
        42,
        energy=4,
        coding_minutes=300,
        meeting_minutes=90,
        stress=2,
    )
    focusapp(data, "import", str(calm))
    strain = write_days(
        tmp_path / "strain.csv",
        today - dt.timedelta(days=14),
        14,
        energy=1,
        coding_minutes=60,
        meeting_minutes=420,
        stress=5,
    )
    state = data / "state.json"
    result = session(
        f"""
        shift_clock 0
        SHIFTED --autostart > app.log 2>&1 & pid=$!
        until_true '[ "$(displayed)" -ge 1 ]'
        pick "In 30 min"
        until_true 'grep -q "checkin_snoozed_until\\": \\"2" {state}'
        sleep 1.5
        echo "after snooze: displayed=$(displayed) window=$(visible)"

        shift_clock 1860; wake   # 31 minutes later
        until_true '[ "$(displayed)" -ge 1 ]'
        pick "Check in"
        until_true '[ -n "$(visible)" ]'
        echo "check in: window=$([ -n "$(visible)" ] && echo shown)"
        sleep 0.5; xdotool key 4 Return
        until_true 'FOCUSAPP show --from today --json | grep -q "\\"energy\\": 4"'
        python3 {HERE / "xclose.py"} "$(visible)"   # back to the tray
        until_true '[ -z "$(visible)" ]'
        sleep 1; dunstctl close-all   # the one-time "still running in the tray" notice

        FOCUSAPP focus start > /dev/null
        until_true '[ "$(displayed)" -ge 1 ]'   # its 5 minutes are over on FocusApp's clock
        pick "Stop session"
        until_true 'FOCUSAPP focus status | grep -q "No focus session"'
        echo "focus: $(FOCUSAPP focus status)"

        FOCUSAPP import --overwrite {strain} > /dev/null   # a backfill: risk is high now
        wake; sleep 2
        echo "during writes: displayed=$(displayed)"
        shift_clock 2100; wake   # 35 minutes: writes have been quiet for over 2 minutes
        until_true '[ "$(displayed)" -ge 1 ]'
        pick "Show me"
        until_true '[ -n "$(visible)" ]'
        echo "show me: window=$([ -n "$(visible)" ] && echo shown)"
        dunstctl history > history.json
        kill $pid; wait $pid; echo "app: $?"
        """,
        tmp_path,
        data,
    )
    out = result.stdout
    assert "timeout" not in out, (out, result.stderr[-3000:])
    assert "after snooze: displayed=0 window=\n" in out  # no second copy, window stays hidden
    assert "check in: window=shown" in out
    assert "No focus session is running." in out
    assert "during writes: displayed=0" in out
    assert "show me: window=shown" in out
    shown = history(tmp_path)
    summaries = [entry["summary"] for entry in shown]
    assert summaries == [
        "Time for your check-in",
        "Still time for today's check-in",
        "FocusApp is still running",
        "Time for a short break",
        "Your burnout-risk signal",
    ]
    for entry in shown:
        assert entry["appname"] == "FocusApp"
        assert Path(entry["icon_path"]).is_file()
    context = open_context(data, zone=detect_zone())
    try:
        checkin = context.checkins.get(today)
        assert checkin is not None and checkin.energy == 4
        assert checkin.coding_minutes is not None and checkin.coding_minutes >= 30  # booked
        assert context.focus.running() is None
        panel = context.stats.dashboard().today.assessment
        assert str(panel.level) in ("high", "very_high")
        assert shown[-1]["body"] == f"Burnout-risk signal today: {describe_risk(panel)}."
    finally:
        context.close()
    assert "Traceback" not in (tmp_path / "app.log").read_text()


def test_without_a_tray_a_reminder_still_arrives_after_the_window_was_closed(tmp_path):
    """Item 11: no panel at all (GNOME without the AppIndicator extension), only dunst."""
    data = tmp_path / "data"
    prepare(data)
    now = dt.datetime.now().astimezone()
    due = (now + dt.timedelta(minutes=2)).replace(second=0, microsecond=0)
    focusapp(data, "config", "set", "checkin.reminder_time", f"{due:%H:%M}")
    # FocusApp's clock starts 15 s before the reminder: its own timer must bring it.
    ahead = (due - dt.timedelta(seconds=15) - dt.datetime.now().astimezone()).total_seconds()
    result = session(
        f"""
        shift_clock {ahead:.3f}
        SHIFTED > app.log 2>&1 & pid=$!
        until_true '[ -n "$(visible)" ]'
        echo "started: window=$([ -n "$(visible)" ] && echo shown) displayed=$(displayed)"
        python3 {HERE / "xclose.py"} "$(visible)"
        until_true '[ -z "$(visible)" ]'
        until_true '[ "$(displayed)" -ge 1 ]'   # "FocusApp is still running", once
        echo "closed: running=$(kill -0 $pid 2>/dev/null && echo yes) displayed=$(displayed)"
        dunstctl close-all
        for i in $(seq 1 250); do [ "$(displayed)" -ge 1 ] && break; sleep 0.1; done
        echo "reminder: displayed=$(displayed)"
        pick "Check in"
        until_true '[ -n "$(visible)" ]'
        echo "check in: window=$([ -n "$(visible)" ] && echo shown)"
        python3 {HERE / "xclose.py"} "$(visible)"
        until_true '[ -z "$(visible)" ]'
        sleep 1
        echo "closed again: running=$(kill -0 $pid 2>/dev/null && echo yes) displayed=$(displayed)"
        FOCUSAPP; echo "second launch: $?"
        until_true '[ -n "$(visible)" ]'
        echo "second: window=$([ -n "$(visible)" ] && echo shown)"
        dunstctl history > history.json
        kill $pid; wait $pid; echo "app: $?"
        """,
        tmp_path,
        data,
        CI_TRAY_NO_PANEL="1",
    )
    out = result.stdout
    assert "timeout" not in out, (out, result.stderr[-3000:])
    assert "started: window=shown displayed=0" in out
    assert "closed: running=yes displayed=1" in out
    assert "reminder: displayed=1" in out
    assert "check in: window=shown" in out
    assert "closed again: running=yes displayed=0" in out  # said once only
    assert "FocusApp is already running" in out
    assert "second launch: 0" in out
    assert "second: window=shown" in out
    shown = history(tmp_path)
    assert [entry["summary"] for entry in shown] == [
        "FocusApp is still running",
        "Time for your check-in",
    ]
    assert "reminders will still arrive" in shown[0]["body"]
    assert "Traceback" not in (tmp_path / "app.log").read_text()
