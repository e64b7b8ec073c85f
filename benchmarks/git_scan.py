"""Benchmark: scanning a 10,000-commit git repository for the user's coding time.

``git_scan``: :func:`focusapp.formats.git_log.scan` on the repository (find it, ask git for
the user's addresses, ``git log --all --no-merges`` with hash, addresses and author time,
keep the user's commits) as a ratio to the floor measured in the same run:
``git log --format=%at`` on the same repository, the least any git-based reader must run.
The per-day estimate (:func:`focusapp.domain.coding.coding_days`) over the commits found is
timed and printed too.

The repository is generated with ``git fast-import``: 10,000 commits over about four years,
a few minutes to a few hours apart, every fifth by someone else. Each measurement runs
``--runs`` times (interleaved) and the medians are compared.

Usage: python benchmarks/git_scan.py [--commits N] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from focusapp.domain.coding import coding_days
from focusapp.formats.git_log import scan

ME = "sam@example.org"
OTHER = "kim@example.org"
#: Two extra ``git config`` calls and parsing four fields per commit in Python, on top of
#: what ``git log`` itself does.
TARGET = 2.5
_START = 1_700_000_000


def fast_import_stream(commits: int) -> bytes:
    lines: list[str] = []
    when = _START
    rng = random.Random(16)
    for index in range(commits):
        when += rng.choice((300, 900, 1800, 3600, 4 * 3600, 16 * 3600))
        email = OTHER if index % 5 == 4 else ME
        message = f"change {index}"
        content = f"{index}\n"
        lines += [
            "commit refs/heads/main",
            f"author Someone <{email}> {when} +0100",
            f"committer Someone <{email}> {when} +0100",
            f"data {len(message)}",
            message,
            "M 644 inline file.txt",
            f"data {len(content)}",
            content,
        ]
    return ("\n".join(lines) + "\n").encode()


def build_repository(path: Path, commits: int, env: dict[str, str]) -> None:
    subprocess.run(["git", "init", "-q", "-b", "main", str(path)], check=True, env=env)
    subprocess.run(
        ["git", "-C", str(path), "fast-import", "--quiet"],
        input=fast_import_stream(commits),
        check=True,
        env=env,
    )


def floor_once(path: Path, env: dict[str, str]) -> int:
    done = subprocess.run(
        ["git", "--no-pager", "-C", str(path), "log", "--format=%at"],
        capture_output=True,
        check=True,
        env=env,
    )
    return done.stdout.count(b"\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="focusapp-bench-") as folder:
        home = Path(folder) / "home"
        home.mkdir()
        (home / ".gitconfig").write_text(f"[user]\n\temail = {ME}\n", encoding="utf-8")
        env = {"HOME": str(home), "PATH": os.environ.get("PATH", ""), "GIT_CONFIG_NOSYSTEM": "1"}
        repository = Path(folder) / "repo"
        build_repository(repository, args.commits, env)
        total = floor_once(repository, env)  # warm-up: the object files are now cached
        found = len(scan(repository, environ=env).commits)

        floor_times: list[float] = []
        scan_times: list[float] = []
        day_times: list[float] = []
        for _ in range(args.runs):
            began = time.perf_counter()
            floor_once(repository, env)
            floor_times.append(time.perf_counter() - began)
            began = time.perf_counter()
            commits = scan(repository, environ=env).commits
            scan_times.append(time.perf_counter() - began)
            began = time.perf_counter()
            days = coding_days(commits, ZoneInfo("Europe/Berlin"))
            day_times.append(time.perf_counter() - began)

    floor = statistics.median(floor_times)
    ours = statistics.median(scan_times)
    ratio = ours / floor
    print(
        f"{total} commits, {found} by the user over {len(days)} days; median of {args.runs}; "
        f"coding_days {statistics.median(day_times) * 1000:.0f} ms"
    )
    print(
        f"git_scan: {ours * 1000:.0f} ms vs floor {floor * 1000:.0f} ms = {ratio:.2f}x "
        f"(target <= {TARGET}x)"
    )
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
