"""Start-up benchmark: FocusApp against a bare PySide6 app started the same way, same run.

Figures (medians of N separate processes, ratios to the floor measured alongside):
* window: process start to first paint of the main window, and to the window showing data;
* peak RSS of both processes;
* tray (needs a tray host, e.g. run under tests/e2e/tray-session): start to tray icon shown;
* idle RSS with only the tray, a few seconds after start.
Targets: window <= 1.5x time and <= 1.4x memory; tray <= 1.5x; idle tray RSS <= 70 MB.
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
from _procs import PYTHON, base_env, compile_package, median, run_marked  # type: ignore[import-not-found]

FLOOR_WINDOW = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("FocusApp floor"))
    window.resize(1040, 640)
    class Painted(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and obj is window:
                window.removeEventFilter(self)
                print("mark first_paint", flush=True)
                print("mark ready", flush=True)
                QTimer.singleShot(0, app.quit)
            return False
    painted = Painted()
    window.installEventFilter(painted)
    window.show()
    app.exec()
    """
)

FLOOR_TRAY = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon, QPixmap
    from PySide6.QtWidgets import QApplication, QSystemTrayIcon
    app = QApplication(sys.argv[:1])
    pixmap = QPixmap(22, 22)
    pixmap.fill()
    tray = QSystemTrayIcon(QIcon(pixmap))
    tray.show()
    print("mark tray_visible", flush=True)
    QTimer.singleShot(0, app.quit)
    app.exec()
    """
)


def ratio_line(label: str, value: float, floor: float, target: float, unit: str = "s") -> None:
    """Print ``label: value vs floor = ratio`` the way every FocusApp benchmark reports."""
    print(
        f"{label}: {value:.3f} {unit} vs floor {floor:.3f} {unit} = {value / floor:.2f}x"
        f" (target <= {target}x)"
    )


def seed(data_dir: Path) -> None:
    """A realistic small history: 60 days of check-ins."""
    lines = ["date,energy,coding_minutes,meeting_minutes"]
    for i in range(60):
        lines.append(f"2026-{9 + i // 30:02d}-{1 + i % 30:02d},{1 + i % 5},{60 + i * 3},{120 + i}")
    csv = data_dir.parent / "seed.csv"
    csv.write_text("\n".join(lines) + "\n")
    subprocess.run(
        [PYTHON, "-m", "focusapp", "--data-dir", str(data_dir), "import", str(csv)],
        check=True,
        capture_output=True,
        env=base_env(QT_QPA_PLATFORM="offscreen"),
    )


def window_figures(runs: int, data_dir: Path, platform: str) -> None:
    env = base_env(
        QT_QPA_PLATFORM=platform, FOCUSAPP_EXIT_AFTER_READY="1", FOCUSAPP_STARTUP_MARKS="1"
    )
    app_cmd = [PYTHON, "-m", "focusapp", "--data-dir", str(data_dir)]
    floor_cmd = [PYTHON, "-c", FLOOR_WINDOW]
    apps, floors = [], []
    for _ in range(runs):  # interleaved so machine noise hits both alike
        floors.append(run_marked(floor_cmd, env))
        apps.append(run_marked(app_cmd, env))
    for name, label in (("first_paint", "window painted"), ("ready", "window with data")):
        app_t = median([r.marks.get(name, float("nan")) for r in apps])
        floor_t = median([r.marks["first_paint"] for r in floors])
        ratio_line(f"startup {label}", app_t, floor_t, 1.5)
    app_m = median([r.peak_rss_mb for r in apps])
    floor_m = median([r.peak_rss_mb for r in floors])
    ratio_line("startup peak RSS", app_m, floor_m, 1.4, "MB")


def tray_available() -> bool:
    if not os.environ.get("DISPLAY"):
        return False
    probe = (
        "from PySide6.QtWidgets import QApplication, QSystemTrayIcon; a = QApplication([]);"
        " print(QSystemTrayIcon.isSystemTrayAvailable())"
    )
    out = subprocess.run(
        [PYTHON, "-c", probe], capture_output=True, text=True, env=base_env(QT_QPA_PLATFORM="xcb")
    )
    return out.stdout.strip() == "True"


def tray_figures(runs: int, data_dir: Path) -> None:
    env = base_env(
        QT_QPA_PLATFORM="xcb", FOCUSAPP_EXIT_AFTER_READY="tray", FOCUSAPP_STARTUP_MARKS="1"
    )
    app_cmd = [PYTHON, "-m", "focusapp", "--data-dir", str(data_dir), "--autostart"]
    apps, floors = [], []
    for _ in range(runs):
        floors.append(run_marked([PYTHON, "-c", FLOOR_TRAY], env))
        apps.append(run_marked(app_cmd, env))
    app_t = median([r.marks.get("tray_visible", float("nan")) for r in apps])
    floor_t = median([r.marks["tray_visible"] for r in floors])
    ratio_line("startup tray visible", app_t, floor_t, 1.5)
    # Idle RSS with only the tray: start hidden at login, let it settle, read VmRSS.
    env = base_env(QT_QPA_PLATFORM="xcb")
    proc = subprocess.Popen(app_cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(5)
    rss_kb = next(
        int(line.split()[1])
        for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines()
        if line.startswith("VmRSS:")
    )
    proc.terminate()
    proc.wait(10)
    print(f"idle RSS with only the tray: {rss_kb / 1024:.1f} MB (target <= 70 MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    compile_package()  # FocusApp runs with bytecode, as an installed wheel does
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        seed(data_dir)
        platform = "xcb" if os.environ.get("DISPLAY") else "offscreen"
        print(f"platform: {platform}, {args.runs} runs each, medians")
        window_figures(args.runs, data_dir, platform)
        if tray_available():
            tray_figures(args.runs, data_dir)
        else:
            print("startup tray: skipped (no tray host; run under tests/e2e/tray-session)")


if __name__ == "__main__":
    main()
