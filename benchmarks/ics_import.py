"""Benchmark: the calendar import against recurring-ical-events alone on the same file.

Two figures, both as a ratio to the same floor measured in the same run:

* ``ics_import``: ``read_calendar`` (parse, X-WR-TIMEZONE, expansion, classification) plus
  ``summarise_days``, the reading core.
* ``ics_service_import``: ``CalendarService.import_file`` into a temporary SQLite database:
  the reading core plus storing every occurrence, replacing the previous import of the file
  and rewriting the per-day numbers, in one transaction (``force=True`` so each run really
  replaces the stored file instead of noticing it is unchanged).

The file is one year of rie__benchmark_issue42.ics (4,778 events; 2011 is the year with the
most of them). The floor is icalendar parsing the same bytes and
``recurring_ical_events.of(calendar).between(...)`` expanding the same range. Parsing is part
of the floor because neither side can expand without it; it is most of the time on this
file. Each measurement runs 5 times (interleaved, so machine noise hits all) and the medians
are compared.

Usage: python benchmarks/ics_import.py [FILE.ics] [--year YEAR] [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from focusapp.bootstrap import AppContext, open_context
from focusapp.domain.calendar import CalendarRules, summarise_days
from focusapp.domain.clock import FixedClock
from focusapp.domain.days import day_bounds
from focusapp.formats.ics.read import read_calendar

DEFAULT_FILE = Path(__file__).resolve().parent.parent / "tests/data/ics/rie__benchmark_issue42.ics"
TARGET = 1.5
#: Storing ~5,000 occurrences and a year of day numbers may add a third on top of the core.
SERVICE_TARGET = 2.0


def floor_once(data: bytes, start: dt.datetime, end: dt.datetime) -> int:
    import icalendar
    import recurring_ical_events

    calendar = icalendar.Calendar.from_ical(data)
    return len(recurring_ical_events.of(calendar).between(start, end))


def import_once(data: bytes, rules: CalendarRules, first: dt.date, last: dt.date) -> int:
    result = read_calendar(data, first_day=first, last_day=last, rules=rules)
    days = summarise_days(result.events, rules, first, last)
    return sum(day.meeting_count for day in days.values())


def service_once(context: AppContext, path: Path, first: dt.date, last: dt.date) -> int:
    report = context.calendar.import_file(path, first, last, force=True)
    return report.meetings_counted


def open_temp_context(folder: str, zone: ZoneInfo, year: int) -> AppContext:
    # An explicit data folder: the benchmark never touches the user's database.
    now = dt.datetime(year, 12, 31, 12, tzinfo=zone)
    return open_context(Path(folder) / "data", clock=FixedClock(now), zone=zone)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--year", type=int, default=2011)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--zone", default="Europe/London")
    args = parser.parse_args()

    data = args.file.read_bytes()
    rules = CalendarRules(zone=ZoneInfo(args.zone))
    first, last = dt.date(args.year, 1, 1), dt.date(args.year, 12, 31)
    start = day_bounds(first, rules.zone, rules.day_start_hour)[0]
    end = day_bounds(last, rules.zone, rules.day_start_hour)[1]

    with tempfile.TemporaryDirectory(prefix="focusapp-bench-") as folder:
        context = open_temp_context(folder, rules.zone, args.year)
        try:
            # Warm up: the first call pays for importing the libraries (and, for the service,
            # for creating the tables), which is not per-file work.
            occurrences = floor_once(data, start, end)
            meetings = import_once(data, rules, first, last)
            stored = service_once(context, args.file, first, last)

            floor_times: list[float] = []
            import_times: list[float] = []
            service_times: list[float] = []
            for _ in range(args.runs):
                began = time.perf_counter()
                floor_once(data, start, end)
                floor_times.append(time.perf_counter() - began)
                began = time.perf_counter()
                import_once(data, rules, first, last)
                import_times.append(time.perf_counter() - began)
                began = time.perf_counter()
                service_once(context, args.file, first, last)
                service_times.append(time.perf_counter() - began)
        finally:
            context.close()

    floor = statistics.median(floor_times)
    ours = statistics.median(import_times)
    service = statistics.median(service_times)
    ratio = ours / floor
    service_ratio = service / floor
    print(
        f"{args.file.name}, {args.year}: {occurrences} occurrences expanded, "
        f"{meetings} meeting-days counted by the core, {stored} counted occurrences stored "
        f"by the service; median of {args.runs}"
    )
    print(f"ics_import: {ours:.2f} s vs floor {floor:.2f} s = {ratio:.2f}x (target <= {TARGET}x)")
    print(
        f"ics_service_import: {service:.2f} s vs floor {floor:.2f} s = {service_ratio:.2f}x "
        f"(target <= {SERVICE_TARGET}x)"
    )
    return 0 if ratio <= TARGET and service_ratio <= SERVICE_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
