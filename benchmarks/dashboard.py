"""Benchmark: open the dashboard on a 10-year database until painted, against a bare floor.

Generates 3,650 days ending today (workload phases, vacations, skipped days and weekends, so
about 70% of days have a check-in), then runs, each in its own process and interleaved so
machine noise hits both:

* **dashboard**: QApplication, open the FocusApp context (settings, migration check,
  services), the main window with the dashboard, until the charts hold the data of the
  chosen range and the window has painted them;
* **floor**: QApplication, a SQLAlchemy engine on the same file reading the same rows, and
  one pyqtgraph PlotWidget drawing the same number of points (counted in a dashboard run)
  in the same number of curves, until painted.

Each process measures from its first line (before importing Qt) to the end of a synchronous
repaint; the medians are compared. The dashboard process then switches ranges (2 weeks,
1 year, all, 3 months, twice over) and reports the time from the click to the charts
holding the new data and painted, and the longest stall of the GUI thread (gap between
ticks of a 5 ms timer) from the window's first paint to the end.

Usage: python benchmarks/dashboard.py [--runs N] [--range 3m|2w|1y|all] [--keep DIR]
"""

from __future__ import annotations

import time

_T0 = time.perf_counter()

import argparse  # noqa: E402 - the clock starts before any import
import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

TARGET = 1.3
DAYS = 3650
SWITCHES = ("2w", "1y", "all", "3m", "2w", "all", "1y", "3m")


# --- the generated history ---------------------------------------------------------------------


def generate(end, days=DAYS, seed=7):
    """Return a realistic, seeded history of check-ins ending on ``end``."""
    import datetime as dt
    import random

    from focusapp.domain.models import CheckIn

    rng = random.Random(seed)
    out = []
    start = end - dt.timedelta(days=days - 1)
    vacation_left = phase_left = 0
    meetings = coding = 0
    energy = 0.0
    for i in range(days):
        day = start + dt.timedelta(days=i)
        if phase_left <= 0:  # a workload phase of 3 weeks to 4 months
            phase_left = rng.randint(20, 120)
            meetings = rng.choice([60, 90, 120, 180, 260])
            coding = rng.choice([360, 300, 240, 150, 90])
            energy = rng.uniform(2.6, 4.2)
        phase_left -= 1
        if vacation_left > 0:
            vacation_left -= 1
            continue
        if rng.random() < 0.006:  # about two vacations a year, 1-3 weeks
            vacation_left = rng.randint(5, 20)
            continue
        if rng.random() < 0.12:  # a forgotten check-in
            continue
        weekend = day.weekday() >= 5
        if weekend and rng.random() < 0.5:
            continue
        if weekend and rng.random() < 0.85:
            code, meet = rng.choice([0, 0, 0, 30]), 0
        else:
            meet = max(0, int(rng.gauss(meetings, 45)))
            code = max(0, int(rng.gauss(coding, 70)))
        load = (code + meet) / 480
        mood = energy - 0.6 * max(0.0, load - 1.1) + (0.4 if weekend else 0.0)
        out.append(
            CheckIn(
                day,
                energy=round(min(5.0, max(1.0, rng.gauss(mood, 0.7)))),
                coding_minutes=min(code, 900),
                meeting_minutes=min(meet, 600),
                sleep_hours=round(rng.gauss(7, 0.8) * 2) / 2 if rng.random() < 0.4 else None,
                stress=rng.randint(1, 5) if rng.random() < 0.2 else None,
            )
        )
    return out


def build_database(data_dir: Path) -> int:
    from focusapp.bootstrap import open_context

    context = open_context(data_dir)
    fields = frozenset({"energy", "coding_minutes", "meeting_minutes", "sleep_hours", "stress"})
    rows = generate(context.checkins.today())
    plan = context.checkins.import_days((row, fields) for row in rows)
    context.close()
    return len(plan.new)


# --- the two measured processes ----------------------------------------------------------------


class StallMonitor:
    """Records the longest gap between ticks of a 5 ms timer on the GUI thread."""

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)

    def start(self):
        self.reset()
        self._timer.start()

    def reset(self):
        self.longest = 0.0
        self._last = time.perf_counter()

    def _tick(self):
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now


def settle(seconds=0.3):
    """Let the event loop run (as between a user's clicks)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def wait_for(condition, signal=None, timeout=60.0, poll_ms=10):
    """Run the event loop until ``condition()``: woken by ``signal``, else polled.

    A real event loop, not a processEvents() spin: a busy GUI thread would keep taking the
    GIL from the worker thread and slow down what is measured.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    deadline = time.perf_counter() + timeout

    def check():
        if condition() or time.perf_counter() > deadline:
            loop.quit()

    poll = QTimer()
    poll.setInterval(poll_ms if signal is None else 1000)
    poll.timeout.connect(check)
    if signal is not None:
        signal.connect(check)
    poll.start()
    if not condition():
        loop.exec()
    poll.stop()
    if signal is not None:
        signal.disconnect(check)
    if not condition():
        raise TimeoutError("the dashboard did not update in time")


def child_dashboard(data_dir: Path, chart_range: str, monitored: bool) -> dict[str, object]:
    """Open the window with the dashboard; with ``monitored``, also switch ranges.

    The stall monitor's 5 ms timer wakes the GUI thread, which then takes the GIL from the
    worker: it slows what it measures, so timed runs go without it.
    """
    from PySide6.QtCore import QSettings

    from focusapp.app import make_application

    _app = make_application()  # as the window process starts: its icon and translators
    from focusapp.bootstrap import open_context
    from focusapp.services.stats import ChartRange
    from focusapp.ui.main_window import MainWindow

    context = open_context(data_dir)
    ini = data_dir / "bench-window.ini"
    ini.unlink(missing_ok=True)
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    settings.setValue("dashboard/range", chart_range)
    settings.setValue("main/geometry", None)
    settings.sync()
    window = MainWindow(context.checkins, ini, stats=context.stats)
    monitor = StallMonitor()
    if monitored:
        window.ready.connect(monitor.start)
    updates = []
    window.show()
    # The dashboard is created on the event-loop turn after the first paint.
    wait_for(lambda: window.dashboard is not None, poll_ms=1)
    dashboard = window.dashboard
    assert dashboard is not None
    dashboard.updated.connect(lambda: updates.append(time.perf_counter()))
    wait_for(lambda: bool(updates), dashboard.updated)
    window.repaint()
    opened = time.perf_counter() - _T0
    startup_stall = monitor.longest
    assert dashboard.data is not None
    shown_days = dashboard.data.series.days
    charts = dashboard.ensure_charts()
    points = 0
    curves = 0
    for chart in charts.charts():
        for item in chart.plot.listDataItems():
            x, _ = item.getData()
            points += 0 if x is None else len(x)
            curves += 1
    curves += 1  # the meeting share on its own view box
    points += len(charts.work_mix.share.getData()[0])
    switches = []
    longest = startup_stall
    if monitored:
        settle()
        longest = max(startup_stall, monitor.longest)
    for name in SWITCHES if monitored else ():
        count = len(updates)
        monitor.reset()
        began = time.perf_counter()
        dashboard.set_range(ChartRange(name))
        wait_for(lambda count=count: len(updates) > count, dashboard.updated)
        window.repaint()
        switches.append((name, time.perf_counter() - began, monitor.longest))
        settle()
        longest = max(longest, monitor.longest)
    dashboard.shutdown()
    return {
        "seconds": opened,
        "points": points,
        "curves": curves,
        "startup_stall": startup_stall,
        "stall": longest,
        "switches": switches,
        "days": shown_days,
    }


def child_app(data_dir: Path) -> dict[str, object]:
    """The same window with the same data but no dashboard: what the app costs without it."""
    from focusapp.app import make_application

    _app = make_application()
    from focusapp.bootstrap import open_context
    from focusapp.ui.main_window import MainWindow

    context = open_context(data_dir)
    ini = data_dir / "bench-window-plain.ini"
    ini.unlink(missing_ok=True)
    window = MainWindow(context.checkins, ini)
    painted = []
    window.ready.connect(lambda: painted.append(True))
    window.resize(1360, 900)
    window.show()
    wait_for(lambda: bool(painted), window.ready)
    window.repaint()
    return {"seconds": time.perf_counter() - _T0}


def child_floor(data_dir: Path, chart_range: str, points: int, curves: int) -> dict[str, object]:
    import datetime as dt

    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    from sqlalchemy import create_engine, text

    from focusapp.system.paths import resolve_paths

    engine = create_engine(f"sqlite:///{resolve_paths(data_dir).db_path}")
    days = {"2w": 14, "3m": 91, "1y": 365, "all": DAYS}[chart_range]
    first = dt.datetime.now().astimezone().date() - dt.timedelta(days=days - 1 + 48)
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT day, energy, coding_minutes, meeting_minutes FROM checkins "
                "WHERE day >= :first ORDER BY day"
            ),
            {"first": first.isoformat()},
        ).all()
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    import numpy as np
    import pyqtgraph as pg

    widget = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem(utcOffset=0)})
    per_curve = max(1, points // curves)
    x = np.arange(per_curve, dtype=float) * 86400.0
    base = np.array([r[2] or 0 for r in rows] or [0], dtype=float)
    for k in range(curves):
        y = np.resize(base, per_curve) / 60.0 + k
        widget.plot(x, y)
    widget.resize(1360, 900)
    widget.show()
    app.processEvents()
    widget.repaint()
    return {"seconds": time.perf_counter() - _T0, "rows": len(rows)}


def run_child(args: list[str]) -> dict[str, object]:
    env = {**os.environ}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    result = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:])
    data: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--range", default="3m", choices=("2w", "3m", "1y", "all"))
    parser.add_argument("--keep", type=Path, help="build the database in DIR and keep it")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, data_dir, chart_range, *rest = args.child
        if kind in ("dashboard", "monitored"):
            out = child_dashboard(Path(data_dir), chart_range, monitored=kind == "monitored")
        elif kind == "app":
            out = child_app(Path(data_dir))
        else:
            out = child_floor(Path(data_dir), chart_range, int(rest[0]), int(rest[1]))
        print(json.dumps(out))
        return 0

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _procs import compile_package  # type: ignore[import-not-found]

    compile_package()  # the children run with bytecode, as an installed FocusApp does
    with tempfile.TemporaryDirectory(prefix="focusapp-bench-") as temp:
        data_dir = args.keep or Path(temp) / "data"
        if not (data_dir / "focusapp.sqlite3").exists():
            count = build_database(data_dir)
            print(f"generated {count} check-ins over {DAYS} days in {data_dir}")
        warm = run_child(["monitored", str(data_dir), args.range])  # also warms the disk cache
        points, curves = int(warm["points"]), int(warm["curves"])  # type: ignore[call-overload]
        ours: list[dict[str, object]] = []
        floors: list[dict[str, object]] = []
        plain: list[dict[str, object]] = []
        monitored: list[dict[str, object]] = [warm]
        for _ in range(args.runs):
            floors.append(run_child(["floor", str(data_dir), args.range, str(points), str(curves)]))
            ours.append(run_child(["dashboard", str(data_dir), args.range]))
            plain.append(run_child(["app", str(data_dir), args.range]))
        for _ in range(2):
            monitored.append(run_child(["monitored", str(data_dir), args.range]))
    ours_s = statistics.median(float(r["seconds"]) for r in ours)  # type: ignore[arg-type]
    floor_s = statistics.median(float(r["seconds"]) for r in floors)  # type: ignore[arg-type]
    switch_times = [(name, t, stall) for r in monitored for name, t, stall in r["switches"]]  # type: ignore[attr-defined]
    worst_name, worst, _ = max(switch_times, key=lambda item: item[1])
    stall = max(float(r["stall"]) for r in monitored)  # type: ignore[arg-type]
    startup_stall = max(float(r["startup_stall"]) for r in monitored)  # type: ignore[arg-type]
    plain_s = statistics.median(float(r["seconds"]) for r in plain)  # type: ignore[arg-type]
    ratio = ours_s / floor_s
    print(
        f"range {args.range} ({warm['days']} days), {points} points in {curves} curves; "
        f"median of {args.runs} processes each"
    )
    print(
        f"dashboard: {ours_s:.2f} s vs floor {floor_s:.2f} s = {ratio:.2f}x "
        f"(target <= {TARGET}x); range switch max {worst * 1000:.0f} ms ({worst_name}); "
        f"longest GUI stall {stall * 1000:.0f} ms (start-up {startup_stall * 1000:.0f} ms)"
    )
    print(
        f"for reference: the same window without the dashboard takes {plain_s:.2f} s "
        f"({plain_s / floor_s:.2f}x the floor); the dashboard adds {ours_s - plain_s:.2f} s"
    )
    return 0  # a figure, printed as every benchmark prints one, not a test that fails


if __name__ == "__main__":
    sys.exit(main())
