"""Idle benchmark: CPU time and wake-ups of FocusApp sitting in the tray for 60 s.

FocusApp arms one single-shot timer to the next due event and never polls, so an idle minute
should cost next to nothing. The floor is a bare PySide6 app with a tray icon measured the
same way in the same run. Wake-ups are the process's voluntary context switches (every thread),
which count each time the event loop is woken. Target: <= 20 ms of CPU in 60 s.
Run it under tests/e2e/tray-session for a real tray; without one FocusApp shows its window.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

PYTHON = sys.executable
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

FLOOR = textwrap.dedent(
    """
    import sys
    from PySide6.QtGui import QIcon, QPixmap
    from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget
    app = QApplication(sys.argv[:1])
    pixmap = QPixmap(22, 22)
    pixmap.fill()
    tray = QSystemTrayIcon(QIcon(pixmap))
    tray.show()
    if not QSystemTrayIcon.isSystemTrayAvailable():
        window = QWidget()
        window.show()
    app.exec()
    """
)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime


def wakeups(pid: int) -> dict[str, int]:
    """Voluntary context switches per thread (a thread that ends takes its count with it)."""
    counts: dict[str, int] = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        for line in (task / "status").read_text().splitlines():
            if line.startswith("voluntary_ctxt_switches:"):
                counts[task.name] = int(line.split()[1])
    return counts


def measure(
    cmd: list[str], env: dict[str, str], settle: float, seconds: float
) -> tuple[float, int]:
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(settle)
        cpu0, wake0 = cpu_seconds(proc.pid), wakeups(proc.pid)
        time.sleep(seconds)
        wake1 = wakeups(proc.pid)
        woken = sum(count - wake0.get(tid, 0) for tid, count in wake1.items())
        return cpu_seconds(proc.pid) - cpu0, woken
    finally:
        proc.terminate()
        proc.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--settle", type=float, default=8)
    args = parser.parse_args()
    platform = "xcb" if os.environ.get("DISPLAY") else "offscreen"
    env = dict(os.environ, QT_QPA_PLATFORM=platform)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        subprocess.run(
            [PYTHON, "-m", "focusapp", "--data-dir", str(data), "log", "--energy", "3"],
            check=True,
            capture_output=True,
            env=env,
        )
        app_cmd = [PYTHON, "-m", "focusapp", "--data-dir", str(data), "--autostart"]
        floor_cpu, floor_wake = measure([PYTHON, "-c", FLOOR], env, args.settle, args.seconds)
        app_cpu, app_wake = measure(app_cmd, env, args.settle, args.seconds)
    print(f"idle ({platform}, {args.seconds:.0f} s after {args.settle:.0f} s settling)")
    print(f"idle CPU: {app_cpu * 1000:.0f} ms vs floor {floor_cpu * 1000:.0f} ms (target <= 20 ms)")
    print(f"idle wake-ups: {app_wake} vs floor {floor_wake}")


if __name__ == "__main__":
    main()
