"""Benchmark: picking up one changed event in a vdir of 5,000 items.

After one item of a 5,000-item vdir (vdirsyncer layout: 5 calendars of 1,000 items each) is
rewritten the way vdirsyncer writes (temporary file, rename), two figures:

* ``vdir_pickup``: ``VdirReader.read(changed=[its folder])``, as after a file-system
  watcher's notice for that folder: list that calendar, notice the change, re-parse that one
  item and return all 5,000 events again.
* ``vdir_full_pickup``: ``VdirReader.read()``, as on a sync: the same, but every item of every
  calendar has its stamp checked (one ``stat`` each).

The floor, measured in the same run, is icalendar parsing that one file's bytes
(``icalendar.Calendar.from_ical``): the least any reader must do. What is above it is the
price of checking stamps and handing back every event.

Each measurement runs ``--runs`` times (interleaved) and the medians are compared.

Usage: python benchmarks/vdir_pickup.py [--items N] [--runs N]
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

from focusapp.domain.calendar import CalendarRules
from focusapp.formats.vdir import VdirReader

CALENDARS = 5
#: Checking 1,000 stamps and merging 5,000 events costs more than parsing one small file;
#: these bound that overhead, so a regression to re-parsing (thousands of times the floor)
#: shows at once.
TARGET = 60.0
#: The same with all 5,000 stamps checked.
FULL_TARGET = 200.0
FIRST, LAST = dt.date(2026, 1, 1), dt.date(2026, 12, 31)


def item_text(uid: str, index: int, hour: int) -> str:
    day = FIRST + dt.timedelta(days=index % 365)
    stamp = day.strftime("%Y%m%d")
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//FocusApp benchmark//EN\r\n"
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T000000Z\r\n"
        f"DTSTART:{stamp}T{hour:02d}0000Z\r\nDTEND:{stamp}T{hour:02d}4500Z\r\n"
        f"SUMMARY:Meeting {index}\r\nATTENDEE:mailto:someone@example.org\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def write_item(path: Path, text: str) -> None:
    temporary = path.parent / f".{path.name}.tmp"
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def build_vdir(root: Path, items: int) -> list[Path]:
    paths: list[Path] = []
    for index in range(items):
        folder = root / f"calendar-{index % CALENDARS}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"item-{index}.ics"
        path.write_text(item_text(f"item-{index}", index, 9 + index % 8), encoding="utf-8")
        paths.append(path)
    return paths


def floor_once(data: bytes) -> int:
    import icalendar

    return len(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    rules = CalendarRules(zone=ZoneInfo("Europe/Berlin"))

    with tempfile.TemporaryDirectory(prefix="focusapp-bench-") as folder:
        root = Path(folder) / "vdir"
        paths = build_vdir(root, args.items)
        reader = VdirReader(root, first_day=FIRST, last_day=LAST, rules=rules)
        began = time.perf_counter()
        events = len(reader.read().events)  # the first full read, also the warm-up
        full = time.perf_counter() - began
        changed = paths[len(paths) // 2]
        floor_once(changed.read_bytes())

        floor_times: list[float] = []
        pickup_times: list[float] = []
        full_times: list[float] = []
        for run in range(args.runs):
            for times, notice in ((pickup_times, [changed.parent]), (full_times, None)):
                write_item(changed, item_text(f"item-{len(paths) // 2}", run, 8 + run % 10))
                began = time.perf_counter()
                result = reader.read(changed=notice)
                times.append(time.perf_counter() - began)
                if result.parsed != 1:
                    print(f"vdir_pickup: expected 1 item parsed, got {result.parsed}")
                    return 1
            data = changed.read_bytes()
            began = time.perf_counter()
            floor_once(data)
            floor_times.append(time.perf_counter() - began)

    floor = statistics.median(floor_times)
    print(
        f"{args.items} items in {CALENDARS} calendars, {events} events; first full read "
        f"{full:.2f} s; median of {args.runs}"
    )
    ok = True
    for name, times, target in (
        ("vdir_pickup", pickup_times, TARGET),
        ("vdir_full_pickup", full_times, FULL_TARGET),
    ):
        ours = statistics.median(times)
        ratio = ours / floor
        ok = ok and ratio <= target
        print(
            f"{name}: {ours * 1000:.1f} ms vs floor {floor * 1000:.2f} ms = {ratio:.1f}x "
            f"(target <= {target:g}x)"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
