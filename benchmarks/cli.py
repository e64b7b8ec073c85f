"""Command-line benchmark: ``focusapp log`` and ``focusapp import``, each against its floor.

Figures (medians of N separate processes, interleaved with the floor so machine noise hits
both alike, each a ratio to the floor measured in the same run):

* ``cli log``: ``focusapp log --energy N`` (one check-in for today) on a profile that is
  already migrated. The floor is a Python script that imports SQLAlchemy, opens a copy of the
  same database file with the same pragmas (WAL, full sync) and upserts one row of the
  ``checkins`` table in one ``BEGIN IMMEDIATE`` transaction. Goal <= 1.3x.
* ``cli import``: ``focusapp import`` of a 10-year CSV (3,650 days, written by the code
  ``focusapp export`` uses) into a new profile. The floor reads the same file with Python's
  csv module, converts the cells and inserts the rows with one SQLAlchemy ``executemany`` in
  one transaction into a new file holding a table of the same shape. Goal <= 2x.

With ``--importtime`` it also prints the modules that cost ``focusapp log`` most to import
(``python -X importtime``). The exit status is 0: this is a measurement, not a test.

Usage: python benchmarks/cli.py [--runs N] [--importtime]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from focusapp.domain.models import CheckIn
from focusapp.formats.csv_json import write_csv

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _procs import PYTHON, base_env, compile_package, median  # type: ignore[import-not-found]

DAYS = 3650
LOG_GOAL = 1.3
IMPORT_GOAL = 2.0
_NOTES = ("long review", "offsite", "on call, paged twice", 'said "no" to a meeting', "")

#: One row written the way the app writes it: under the write lock, one statement, commit.
FLOOR_LOG = textwrap.dedent(
    """
    import datetime as dt, sys
    from sqlalchemy import create_engine, event, text
    engine = create_engine(f"sqlite:///{sys.argv[1]}")
    @event.listens_for(engine, "connect")
    def pragmas(connection, _record):
        connection.isolation_level = None
        for pragma in ("busy_timeout=5000", "journal_mode=WAL", "synchronous=FULL"):
            connection.execute(f"PRAGMA {pragma}")
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with engine.connect() as connection:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        connection.execute(
            text(
                "INSERT INTO checkins (day, energy, zone, created_at, updated_at)"
                " VALUES (:day, :energy, 'UTC', :now, :now) ON CONFLICT (day) DO UPDATE"
                " SET energy = excluded.energy, updated_at = excluded.updated_at"
            ),
            {"day": dt.date.today(), "energy": int(sys.argv[2]), "now": now},
        )
        connection.exec_driver_sql("COMMIT")
    print(f"{dt.date.today()}  energy {sys.argv[2]}")
    """
)
#: The same with the ORM loaded, as FocusApp's repositories need it.
FLOOR_LOG_ORM = "import sqlalchemy.orm\n" + FLOOR_LOG

#: The same CSV into a new file: parse, convert the cells, one executemany, one transaction.
FLOOR_IMPORT = textwrap.dedent(
    """
    import csv, datetime as dt, sys
    from sqlalchemy import create_engine, event, text
    engine = create_engine(f"sqlite:///{sys.argv[1]}")
    @event.listens_for(engine, "connect")
    def pragmas(connection, _record):
        connection.isolation_level = None
        for pragma in ("busy_timeout=5000", "journal_mode=WAL", "synchronous=FULL"):
            connection.execute(f"PRAGMA {pragma}")
    ints = ("energy", "coding_minutes", "meeting_minutes", "stress", "meeting_count",
            "back_to_back_count", "longest_free_block_minutes")
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows = []
    with open(sys.argv[2], newline="", encoding="utf-8") as handle:
        for cells in csv.DictReader(handle):
            row = {name: int(cells[name]) if cells[name] else None for name in ints}
            row["day"] = dt.date.fromisoformat(cells["date"])
            row["sleep_hours"] = float(cells["sleep_hours"]) if cells["sleep_hours"] else None
            row["note"] = cells["note"] or None
            rows.append(row)
    names = ("day", "sleep_hours", "note", *ints)
    insert = text(
        f"INSERT INTO checkins ({', '.join(names)}, zone, created_at, updated_at)"
        f" VALUES ({', '.join(':' + n for n in names)}, 'UTC', '{now}', '{now}')"
    )
    with engine.connect() as connection:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        connection.exec_driver_sql(sys.argv[3])
        connection.execute(insert, rows)
        connection.exec_driver_sql("COMMIT")
    print(f"Imported {len(rows)} days")
    """
)


def ten_years(first: dt.date, days: int, seed: int = 14) -> list[CheckIn]:
    """Every day of ``days`` with the variety of a real history (gaps in optional fields)."""
    rng = random.Random(seed)
    out: list[CheckIn] = []
    for i in range(days):
        weekend = (first + dt.timedelta(days=i)).weekday() >= 5
        out.append(
            CheckIn(
                first + dt.timedelta(days=i),
                energy=rng.randint(1, 5),
                coding_minutes=0 if weekend else rng.randint(60, 420),
                meeting_minutes=0 if weekend else rng.randint(0, 300),
                sleep_hours=round(rng.uniform(5, 9), 1) if rng.random() < 0.6 else None,
                stress=rng.randint(1, 5) if rng.random() < 0.4 else None,
                meeting_count=rng.randint(0, 8) if rng.random() < 0.5 else None,
                note=(rng.choice(_NOTES) or None) if rng.random() < 0.1 else None,
            )
        )
    return out


def focusapp(data_dir: Path, *args: str) -> list[str]:
    return [PYTHON, "-m", "focusapp", "--data-dir", str(data_dir), *args]


def timed(cmd: list[str]) -> float:
    """Run ``cmd`` to its end; return the wall time from spawn to exit (it must succeed)."""
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=base_env())
    return time.perf_counter() - start


def ratio_line(label: str, value: float, floor: float, goal: float) -> None:
    """Print ``label: value vs floor = ratio`` the way every FocusApp benchmark reports."""
    print(f"{label}: {value:.3f} s vs floor {floor:.3f} s = {value / floor:.2f}x (goal <= {goal}x)")


def checkins_ddl(db_path: Path) -> str:
    """Return the ``CREATE TABLE`` of the check-ins table as the migrations made it."""
    with sqlite3.connect(db_path) as connection:
        row = connection.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'checkins'"
        ).fetchone()
    connection.close()
    return str(row[0])


def log_figures(runs: int, folder: Path) -> None:
    profile = folder / "profile"
    subprocess.run(focusapp(profile, "show"), check=True, capture_output=True, env=base_env())
    floor_db = folder / "floor-log.sqlite3"
    shutil.copy(profile / "focusapp.sqlite3", floor_db)
    apps, floors, orm_floors = [], [], []
    for i in range(runs):
        energy = str(1 + i % 5)
        floors.append(timed([PYTHON, "-c", FLOOR_LOG, str(floor_db), energy]))
        orm_floors.append(timed([PYTHON, "-c", FLOOR_LOG_ORM, str(floor_db), energy]))
        apps.append(timed(focusapp(profile, "log", "--energy", energy)))
    ratio_line("cli log", median(apps), median(floors), LOG_GOAL)
    # Evidence for what stands in the way: the floor with SQLAlchemy's ORM imported too.
    print(f"  the floor with sqlalchemy.orm imported: {median(orm_floors) / median(floors):.2f}x")


def import_figures(runs: int, folder: Path) -> None:
    profile = folder / "schema"
    subprocess.run(focusapp(profile, "show"), check=True, capture_output=True, env=base_env())
    ddl = checkins_ddl(profile / "focusapp.sqlite3")
    days = ten_years(dt.date(2016, 1, 1), DAYS)
    csv_file = folder / "ten-years.csv"
    csv_file.write_text(write_csv(days), encoding="utf-8")
    apps, floors = [], []
    for i in range(runs):
        floor_db = folder / f"floor-import-{i}.sqlite3"
        floors.append(timed([PYTHON, "-c", FLOOR_IMPORT, str(floor_db), str(csv_file), ddl]))
        apps.append(timed(focusapp(folder / f"new-{i}", "import", str(csv_file))))
    ratio_line(f"cli import of {DAYS} days", median(apps), median(floors), IMPORT_GOAL)


def import_offenders(folder: Path, top: int) -> None:
    """Print the modules ``focusapp log`` spends most on importing, by cumulative time."""
    profile = folder / "profile"
    result = subprocess.run(
        [PYTHON, "-X", "importtime", *focusapp(profile, "log", "--energy", "3")[1:]],
        check=True,
        capture_output=True,
        text=True,
        env=base_env(),
    )
    rows: list[tuple[int, int, str]] = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        _, microseconds, name = line.split("|")
        depth = (len(name) - len(name.lstrip()) - 1) // 2
        rows.append((int(microseconds), depth, name.strip()))
    total = sum(cumulative for cumulative, depth, _ in rows if depth == 0)
    print(f"cli log imports: {len(rows)} modules, {total / 1000:.0f} ms (python -X importtime)")
    for cumulative, depth, name in sorted(rows, reverse=True)[:top]:
        print(f"  {cumulative / 1000:7.1f} ms  {'  ' * depth}{name}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--importtime", action="store_true", help="print import offenders")
    parser.add_argument("--top", type=int, default=20, help="how many offenders to print")
    args = parser.parse_args()
    compile_package()  # FocusApp runs with bytecode, as an installed wheel does
    with tempfile.TemporaryDirectory(prefix="focusapp-bench-cli-") as tmp:
        folder = Path(tmp)
        print(f"cli: medians of {args.runs} processes each")
        log_figures(args.runs, folder)
        import_figures(args.runs, folder)
        if args.importtime:
            import_offenders(folder, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
