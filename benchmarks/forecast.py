"""Benchmark: the look-ahead and the insights against plain sqlite3 reading the same rows.

Two figures, each a ratio to a floor measured in the same run:

* ``forecast``: ``LookaheadService.forecast`` of 28 days on the 4,778-event calendar
  (rie__benchmark_issue42.ics, one year imported) — reading the counted events, the
  per-day numbers, the meeting series with their focus cost, the week summary and the
  projected signal. Floor: ``sqlite3`` fetching the same counted event rows of those days.
* ``insights``: ``LookaheadService.insights`` on 10 years of daily check-ins (it reads the
  last two years and bootstraps five questions). Floor: ``sqlite3`` fetching the same
  check-in rows and the calendar-day rows of that window.

The floors only load rows; everything else (parsing times, day rules, the bootstrap) is
what the feature costs on top. Each measurement runs ``--runs`` times, interleaved, and the
medians are compared.

Usage: python benchmarks/forecast.py [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from focusapp.bootstrap import AppContext, open_context
from focusapp.domain.clock import FixedClock
from focusapp.domain.days import day_bounds
from focusapp.domain.insights import MAX_DAYS as INSIGHT_DAYS
from focusapp.domain.models import CheckIn
from focusapp.services.lookahead import LookaheadService

if TYPE_CHECKING:
    from collections.abc import Callable

ICS = Path(__file__).resolve().parent.parent / "tests/data/ics/rie__benchmark_issue42.ics"
ZONE = ZoneInfo("Europe/London")
YEAR = 2011
TODAY = dt.date(YEAR, 3, 1)
FORECAST_DAYS = 28
HISTORY_YEARS = 10


def service_of(context: AppContext) -> LookaheadService:
    return LookaheadService(context.sessions, context.calendar, context.checkins, context.risk)


def context_at(folder: Path, today: dt.date) -> AppContext:
    now = dt.datetime.combine(today, dt.time(12), ZONE)
    return open_context(folder, clock=FixedClock(now), zone=ZONE)


def events_floor(db: Path, first: dt.date, last: dt.date) -> int:
    start = day_bounds(first, ZONE)[0] - dt.timedelta(days=1)
    end = day_bounds(last, ZONE)[1] + dt.timedelta(days=1)
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT uid, recurrence_id, summary, start_at, end_at, sequence, counted, reason, "
            "all_day, source_id FROM calendar_events WHERE start_at <= ? AND end_at >= ? "
            "AND counted = 1 ORDER BY start_at, id",
            (end.replace(tzinfo=None).isoformat(" "), start.replace(tzinfo=None).isoformat(" ")),
        ).fetchall()
    return len(rows)


def checkins_floor(db: Path, first: dt.date, last: dt.date) -> int:
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT * FROM checkins WHERE day BETWEEN ? AND ? ORDER BY day",
            (first.isoformat(), last.isoformat()),
        ).fetchall()
        rows += connection.execute(
            "SELECT * FROM calendar_days WHERE day BETWEEN ? AND ? ORDER BY day",
            (first.isoformat(), last.isoformat()),
        ).fetchall()
    return len(rows)


def ten_years(today: dt.date) -> list[CheckIn]:
    rng = random.Random(7)
    first = today - dt.timedelta(days=365 * HISTORY_YEARS - 1)
    out = []
    for i in range(365 * HISTORY_YEARS):
        day = first + dt.timedelta(days=i)
        meetings = 0 if day.weekday() >= 5 else rng.choice((30, 60, 120, 240, 360))
        out.append(
            CheckIn(
                date=day,
                energy=rng.randint(2, 5),
                coding_minutes=rng.choice((0, 60, 180, 300)),
                meeting_minutes=meetings,
                sleep_hours=round(rng.uniform(5.5, 8.5), 1),
                back_to_back_count=rng.randint(0, 4),
                longest_free_block_minutes=max(0, 480 - meetings),
            )
        )
    return out


def timed(fn: Callable[[], object]) -> float:
    began = time.perf_counter()
    fn()
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="focusapp-bench-") as folder:
        calendar_dir, history_dir = Path(folder) / "cal", Path(folder) / "hist"
        context = context_at(calendar_dir, TODAY)
        context.calendar.import_file(ICS, dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))
        lookahead = service_of(context)
        first = TODAY + dt.timedelta(days=1)
        last = first + dt.timedelta(days=FORECAST_DAYS - 1)
        history_today = dt.date(2026, 11, 3)
        history = context_at(history_dir, history_today)
        history.checkins.import_days(
            (r, frozenset(r.values()) - {"date"}) for r in ten_years(history_today)
        )
        insights = service_of(history)
        window = history_today - dt.timedelta(days=INSIGHT_DAYS), history_today
        calendar_db = calendar_dir / "focusapp.sqlite3"
        history_db = history_dir / "focusapp.sqlite3"
        try:
            forecast = lookahead.forecast(first, FORECAST_DAYS)  # warm up
            rows = events_floor(calendar_db, first, last)
            insights.insights()
            checkin_rows = checkins_floor(history_db, *window)
            times: dict[str, list[float]] = {k: [] for k in ("f", "ff", "i", "if")}
            for _ in range(args.runs):
                times["ff"].append(timed(lambda: events_floor(calendar_db, first, last)))
                times["f"].append(timed(lambda: lookahead.forecast(first, FORECAST_DAYS)))
                times["if"].append(timed(lambda: checkins_floor(history_db, *window)))
                times["i"].append(timed(insights.insights))
        finally:
            context.close()
            history.close()
    med = {k: statistics.median(v) for k, v in times.items()}
    meetings = sum(d.meeting_count for d in forecast.days)
    print(
        f"forecast: {FORECAST_DAYS} days from {first}, {rows} event rows, {meetings} meetings, "
        f"{len(forecast.series)} series: {med['f'] * 1000:.1f} ms vs sqlite3 "
        f"{med['ff'] * 1000:.1f} ms = {med['f'] / med['ff']:.1f}x (median of {args.runs})"
    )
    print(
        f"insights: {HISTORY_YEARS} years stored, {checkin_rows} rows read: "
        f"{med['i'] * 1000:.1f} ms vs sqlite3 {med['if'] * 1000:.1f} ms = "
        f"{med['i'] / med['if']:.1f}x (median of {args.runs})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
