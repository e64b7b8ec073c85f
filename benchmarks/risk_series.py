"""Risk-series benchmark: 10 years of check-ins scored, as a ratio to loading the same rows.

The floor is reading the 3,650 rows with plain sqlite3 in the same run; the figure is the
risk service computing the whole series from storage (rows to CheckIns, scoring, texts).
Goal <= 3x (issue 14); the scoring alone is printed beside it, as a ratio to the same floor.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from focusapp.bootstrap import open_context
from focusapp.domain.clock import FixedClock
from focusapp.domain.models import CheckIn
from focusapp.domain.risk import assess_series

DAYS = 3650
GOAL = 3


def history(first: dt.date, days: int, seed: int = 7) -> list[CheckIn]:
    """Realistic variation: weekends mostly rest, meeting creep phases, gaps, vacations."""
    rng = random.Random(seed)
    out: list[CheckIn] = []
    for i in range(days):
        day = first + dt.timedelta(days=i)
        if rng.random() < 0.12:  # a forgotten day
            continue
        phase = (i // 90) % 4  # seasons of calm and crunch
        weekend = day.weekday() >= 5
        vacation = i % 180 < 7
        if weekend or vacation:
            out.append(
                CheckIn(
                    day,
                    energy=rng.choice([3, 4, 5]),
                    coding_minutes=rng.choice([0, 0, 30]),
                    meeting_minutes=0,
                    sleep_hours=round(rng.uniform(6.5, 9), 1),
                )
            )
            continue
        meetings = int(rng.gauss(120 + 60 * phase, 40))
        coding = int(rng.gauss(300 - 50 * phase, 60))
        out.append(
            CheckIn(
                day,
                energy=max(1, min(5, round(rng.gauss(4 - 0.5 * phase, 0.7)))),
                coding_minutes=max(0, coding),
                meeting_minutes=max(0, meetings),
                sleep_hours=round(rng.uniform(5, 8.5), 1) if rng.random() < 0.6 else None,
                stress=rng.randint(1, 5) if rng.random() < 0.4 else None,
                meeting_count=max(0, meetings // 45) if rng.random() < 0.5 else None,
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    zone = ZoneInfo("Europe/Berlin")
    first = dt.date(2016, 1, 1)
    last = first + dt.timedelta(days=DAYS - 1)
    clock = FixedClock(dt.datetime.combine(last, dt.time(18), tzinfo=zone))
    with tempfile.TemporaryDirectory() as tmp:
        context = open_context(Path(tmp) / "data", clock=clock, zone=zone)
        days = history(first, DAYS)
        context.checkins.import_days((d, frozenset(d.values()) - {"date"}) for d in days)
        floors, figures, pure = [], [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            with sqlite3.connect(context.paths.db_path) as connection:
                rows = connection.execute("SELECT * FROM checkins ORDER BY day").fetchall()
            floors.append(time.perf_counter() - start)
            context.risk.invalidate()
            start = time.perf_counter()
            series = context.risk.series(first, last)
            figures.append(time.perf_counter() - start)
            start = time.perf_counter()
            assess_series(days, first, last)
            pure.append(time.perf_counter() - start)
        context.close()
    assert len(rows) == len(days)
    assert len(series) == DAYS
    floor, figure = statistics.median(floors), statistics.median(figures)
    print(f"risk_series: {DAYS} days, {len(days)} check-ins, median of {args.runs}")
    print(
        f"risk_series: {figure * 1000:.1f} ms vs floor {floor * 1000:.1f} ms"
        f" = {figure / floor:.1f}x (goal <= {GOAL}x)"
    )
    scoring = statistics.median(pure)
    print(
        f"risk_series: scoring alone (no storage) {scoring * 1000:.1f} ms"
        f" = {scoring / floor:.1f}x the floor; reading the rows {(figure - scoring) / floor:.1f}x"
    )


if __name__ == "__main__":
    main()
