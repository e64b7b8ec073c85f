"""The always-on part's cost: tray start-up and idle memory, as ratios to a bare PySide6 tray.

Issue 14's tray rows, each measured in one run against a floor measured alongside:

* tray registered: ``focusapp --autostart`` with 120 days of data, process start to the tray
  icon shown, against a bare ``QSystemTrayIcon`` program (goal <= 1.3x);
* idle memory with only the tray: the RSS of every FocusApp process (the app and any child)
  summed, a few seconds after start, against the bare tray's (goal <= 1.3x);
* idle memory after the window was opened and closed again: the same sum 10 s after the
  window was closed (goal <= 1.3x);

With a tray host the always-on part is the light tray process (:mod:`focusapp.ui.tray_app`);
the window is its child, so the sums include the window while it is open and its commands
while they run.

Needs a tray host: run it under tests/e2e/tray-session (``make bench`` does).
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _procs import PYTHON, ROOT, base_env, compile_package, median, run_marked  # type: ignore[import-not-found]

GOAL = 1.3
SEED_DAYS = 120
SETTLE_SECONDS = 5.0
AFTER_CLOSE_SECONDS = 10.0

FLOOR_TRAY = textwrap.dedent(
    """
    import sys
    from PySide6.QtGui import QIcon, QPixmap
    from PySide6.QtWidgets import QApplication, QSystemTrayIcon
    app = QApplication(sys.argv[:1])
    pixmap = QPixmap(22, 22)
    pixmap.fill()
    tray = QSystemTrayIcon(QIcon(pixmap))
    tray.show()
    print("mark tray_visible", flush=True)
    if "--exit" in sys.argv:
        sys.exit(0)
    app.exec()
    """
)


def seed(data_dir: Path) -> None:
    """Give the profile ``SEED_DAYS`` days of check-ins, as a user after four months."""
    lines = ["date,energy,coding_minutes,meeting_minutes"]
    first = time.time() - SEED_DAYS * 86400
    for i in range(SEED_DAYS):
        day = time.strftime("%Y-%m-%d", time.gmtime(first + i * 86400))
        lines.append(f"{day},{1 + i % 5},{60 + i * 2},{120 + i}")
    csv = data_dir.parent / "seed.csv"
    csv.write_text("\n".join(lines) + "\n")
    subprocess.run(
        [PYTHON, "-m", "focusapp", "--data-dir", str(data_dir), "import", str(csv)],
        check=True,
        capture_output=True,
        env=base_env(QT_QPA_PLATFORM="offscreen"),
    )


def tree_rss_mb(pid: int) -> float:
    """Sum the RSS of ``pid`` and every process below it."""
    rss, children = _processes()
    return sum(rss.get(proc, 0) for proc in _tree(pid, children)) / 1024


def tree_pids(pid: int) -> list[int]:
    """``pid`` and every process below it."""
    return _tree(pid, _processes()[1])


def _tree(pid: int, children: dict[int, list[int]]) -> list[int]:
    found, todo = [], [pid]
    while todo:
        proc = todo.pop()
        found.append(proc)
        todo.extend(children.get(proc, []))
    return found


def _processes() -> tuple[dict[int, int], dict[int, list[int]]]:
    """Every process's RSS (kB) and children, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        proc = int(entry.name)
        children.setdefault(int(fields["PPid"]), []).append(proc)
        rss[proc] = int(fields.get("VmRSS", "0 kB").split()[0])
    return rss, children


def ratio_line(label: str, value: float, floor: float, unit: str) -> None:
    print(
        f"{label}: {value:.3f} {unit} vs floor {floor:.3f} {unit} = {value / floor:.2f}x"
        f" (goal <= {GOAL}x)"
    )


def settled_rss(cmd: list[str], env: dict[str, str], seconds: float) -> float:
    """Start ``cmd``, wait ``seconds`` and return its process tree's summed RSS (MB)."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(seconds)
        return tree_rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(15)


def tray_registered(runs: int, app_cmd: list[str]) -> None:
    env = base_env(FOCUSAPP_EXIT_AFTER_READY="tray", FOCUSAPP_STARTUP_MARKS="1")
    apps, floors = [], []
    for _ in range(runs):  # interleaved so machine noise hits both alike
        floors.append(run_marked([PYTHON, "-c", FLOOR_TRAY, "--exit"], env))
        apps.append(run_marked([*app_cmd, "--autostart"], env))
    app_t = median([r.marks.get("tray_visible", float("nan")) for r in apps])
    floor_t = median([r.marks["tray_visible"] for r in floors])
    ratio_line(f"tray registered ({SEED_DAYS} days)", app_t, floor_t, "s")


def idle_memory(runs: int, app_cmd: list[str]) -> float:
    env = base_env()
    floor = median(
        [settled_rss([PYTHON, "-c", FLOOR_TRAY], env, SETTLE_SECONDS) for _ in range(runs)]
    )
    app = median([settled_rss([*app_cmd, "--autostart"], env, SETTLE_SECONDS) for _ in range(runs)])
    ratio_line("idle memory, tray only (all processes)", app, floor, "MB")
    return float(floor)


def window_ids(pid: int) -> list[str]:
    """The visible windows of ``pid`` and its children (the window is the tray's child)."""
    found: list[str] = []
    for proc in tree_pids(pid):
        search = ["xdotool", "search", "--onlyvisible", "--pid", str(proc)]
        found += subprocess.run(search, capture_output=True, text=True).stdout.split()
    return found


def after_window_closed(app_cmd: list[str], floor: float) -> None:
    """Open the window, let the dashboard draw, close it; the tray stays. Sum RSS 10 s later."""
    env = base_env(FOCUSAPP_STARTUP_MARKS="1")
    proc = subprocess.Popen(
        app_cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("mark data_open"):
                break
        time.sleep(SETTLE_SECONDS)  # the dashboard and its charts draw
        opened = tree_rss_mb(proc.pid)
        windows = window_ids(proc.pid)
        if not windows:
            print("idle memory after the window: skipped (no window found)")
            return
        for window in windows:
            subprocess.run([PYTHON, str(ROOT / "tests/e2e/xclose.py"), window], check=False)
        time.sleep(AFTER_CLOSE_SECONDS)
        if proc.poll() is not None:
            print("idle memory after the window: skipped (closing the window quit the app)")
            return
        closed = tree_rss_mb(proc.pid)
        print(f"memory with the window open: {opened:.1f} MB = {opened / floor:.2f}x the bare tray")
        ratio_line(
            f"idle memory {AFTER_CLOSE_SECONDS:.0f} s after closing the window", closed, floor, "MB"
        )
    finally:
        proc.terminate()
        proc.wait(15)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    compile_package()  # FocusApp runs with bytecode, as an installed wheel does
    if not os.environ.get("DISPLAY"):
        print("tray_memory: skipped (no display; run under tests/e2e/tray-session)")
        return
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        seed(data_dir)
        app_cmd = [PYTHON, "-m", "focusapp", "--data-dir", str(data_dir)]
        print(f"tray_memory: {args.runs} runs each, medians")
        tray_registered(args.runs, app_cmd)
        floor = idle_memory(max(1, args.runs // 2), app_cmd)
        after_window_closed(app_cmd, floor)


if __name__ == "__main__":
    main()
