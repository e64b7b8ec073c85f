"""Crash survival: kill a writing FocusApp with SIGKILL at random moments, then check.

Each trial starts a writer process that opens the data folder exactly as FocusApp does
(start-up checks, migration, the day's backup), then records one check-in per transaction
through ``CheckInService.record`` and prints each day only after the commit returned
(flushed): an *acknowledged* write. Every 40 writes it also makes a backup, so some kills
land inside a backup. The writer is killed with SIGKILL after a random delay, measured from
its start (kills during start-up) or from its first write. Then:

- ``PRAGMA integrity_check`` must say ``ok`` for the database and every listed backup;
- every acknowledged write must be in the database with the values written;
- no start-up may have set the database aside as damaged.

The next trial starts on what the kill left (a hot WAL, a half-written temporary backup),
so recovery is part of the test. Exit status 1 if any record was lost or any check failed.

Usage: python benchmarks/torture.py [--trials N] [--seed S] [--max-delay SECONDS] [--dir DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

#: Days are written backwards from here, one per write, so each write is a new row.
FIRST_DAY = dt.date(2026, 1, 1)
BACKUP_EVERY = 40


def day_of(index: int) -> dt.date:
    return FIRST_DAY - dt.timedelta(days=index)


def values_of(index: int) -> dict[str, object]:
    return {"energy": index % 5 + 1, "coding_minutes": index % 600, "note": f"write {index}"}


# --- the writer process -------------------------------------------------------------------------


def writer(data_dir: str, start: int) -> int:
    from focusapp.bootstrap import open_context

    context = open_context(data_dir)
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    index = start
    while True:
        context.checkins.record(day_of(index), values_of(index))
        sys.stdout.write(f"ack {index}\n")
        sys.stdout.flush()
        index += 1
        if index % BACKUP_EVERY == 0:
            context.backups.back_up()


# --- the parent -------------------------------------------------------------------------------


class Trial:
    """One writer process and the lines it printed."""

    def __init__(self, data_dir: Path, start: int) -> None:
        self.lines: list[str] = []
        self.ready = threading.Event()
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--writer", str(data_dir), str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=dict(os.environ, FOCUSAPP_DATA_DIR=str(data_dir)),
        )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            # A line cut by the kill has no newline: it was never acknowledged.
            if raw.endswith(b"\n"):
                line = raw.decode().strip()
                self.lines.append(line)
                if line == "ready":
                    self.ready.set()

    def kill_after(self, delay: float, from_ready: bool) -> None:
        if from_ready:
            self.ready.wait(timeout=30)
        time.sleep(delay)
        with contextlib.suppress(ProcessLookupError):
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        self.reader.join(timeout=30)

    def acknowledged(self) -> list[int]:
        return [int(line.split()[1]) for line in self.lines if line.startswith("ack ")]

    def stderr(self) -> str:
        assert self.process.stderr is not None
        return self.process.stderr.read().decode(errors="replace")


def integrity(path: Path) -> list[str]:
    """Return what ``PRAGMA integrity_check`` says of ``path``, read-only."""
    uri = f"{path.as_uri()}?mode=ro"
    try:
        with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=30)) as connection:
            return [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as error:
        return [str(error)]


def check(data_dir: Path, acknowledged: list[int]) -> tuple[int, list[str]]:
    """Return (records lost, integrity problems) of the data folder."""
    problems: list[str] = []
    db_path = data_dir / "focusapp.sqlite3"
    stored: dict[str, tuple[object, ...]] = {}
    if db_path.exists():
        # Read-only, so the checker never checkpoints: the next writer starts on the hot
        # write-ahead log the kill left, and recovering it is part of the test.
        result = integrity(db_path)
        if result != ["ok"]:
            problems.append(f"database: {result[:3]}")
        uri = f"{db_path.as_uri()}?mode=ro"
        # A database killed before its schema was made has no table yet: nothing stored.
        with (
            contextlib.closing(sqlite3.connect(uri, uri=True, timeout=30)) as connection,
            contextlib.suppress(sqlite3.DatabaseError),
        ):
            stored = {
                row[0]: row[1:]
                for row in connection.execute(
                    "SELECT day, energy, coding_minutes, note FROM checkins"
                )
            }
    lost = 0
    for index in acknowledged:
        values = values_of(index)
        expected = (values["energy"], values["coding_minutes"], values["note"])
        if stored.get(day_of(index).isoformat()) != expected:
            lost += 1
    for backup in sorted((data_dir / "backups").glob("focusapp-*.sqlite3")):
        result = integrity(backup)
        if result != ["ok"]:
            problems.append(f"{backup.name}: {result[:3]}")
    aside = sorted(p.name for p in data_dir.glob("focusapp.sqlite3.damaged-*"))
    if aside:
        problems.append(f"set aside as damaged: {aside}")
    return lost, problems


def run(trials: int, seed: int, max_delay: float, data_dir: Path) -> int:
    rng = random.Random(seed)
    started = time.monotonic()
    acknowledged: list[int] = []
    next_index = 0
    lost = 0
    problems: list[str] = []
    failures = 0
    for number in range(1, trials + 1):
        trial = Trial(data_dir, next_index)
        from_ready = rng.random() < 0.75
        trial.kill_after(rng.uniform(0.0, max_delay), from_ready)
        acked = trial.acknowledged()
        if trial.process.returncode != -signal.SIGKILL:
            failures += 1
            problems.append(f"trial {number}: writer ended by itself: {trial.stderr()[-500:]}")
        acknowledged += acked
        # The write after the last acknowledged one may or may not have committed: skip it.
        next_index = (max(acked) + 2) if acked else next_index + 1
        trial_lost, trial_problems = check(data_dir, acknowledged)
        lost = max(lost, trial_lost)
        problems += [f"trial {number}: {p}" for p in trial_problems]
        print(f"trial {number:3}: {len(acked):4} writes acknowledged, lost so far {trial_lost}")
    elapsed = time.monotonic() - started
    print(f"trials: {trials}")
    print(f"acknowledged writes: {len(acknowledged)}")
    print(f"records lost: {lost}")
    print(f"integrity errors: {len(problems)}")
    print(f"time: {elapsed:.1f} s")
    for problem in problems:
        print(f"  {problem}")
    return 1 if lost or problems or failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=50)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--max-delay", type=float, default=1.5, help="seconds before the kill")
    parser.add_argument("--dir", type=Path, help="data folder (default: a temporary one)")
    parser.add_argument("--writer", nargs=2, metavar=("DIR", "START"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.writer:
        return writer(args.writer[0], int(args.writer[1]))
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    print(f"seed: {seed}")
    if args.dir is not None:
        args.dir.mkdir(parents=True, exist_ok=True)
        return run(args.trials, seed, args.max_delay, args.dir)
    with tempfile.TemporaryDirectory(prefix="focusapp-torture-") as folder:
        return run(args.trials, seed, args.max_delay, Path(folder) / "data")


if __name__ == "__main__":
    sys.exit(main())
