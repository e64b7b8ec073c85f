"""Helpers for the benchmarks: run a child, time its marks, read its peak memory."""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def compile_package() -> None:
    """Give FocusApp's modules their bytecode, as an installed wheel has (pip compiles it).

    An editable install under ``PYTHONDONTWRITEBYTECODE=1`` (set on this machine) would
    otherwise compile every FocusApp module from source in every child, about 0.1 s a
    command that no user pays, while the floors' libraries come compiled.
    """
    compileall.compile_dir(ROOT / "focusapp", quiet=1)


@dataclass
class Run:
    """One child process: when each ``mark NAME`` line arrived, and its peak RSS."""

    marks: dict[str, float] = field(default_factory=dict)
    peak_rss_mb: float = 0.0
    returncode: int = 0


def run_marked(cmd: list[str], env: dict[str, str], timeout: float = 60) -> Run:
    """Start ``cmd`` and time every ``mark NAME`` line on its stdout from the spawn."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True
    )
    run = Run()
    assert proc.stdout is not None
    for line in proc.stdout:
        parts = line.split()
        if len(parts) >= 2 and parts[0] == "mark":
            run.marks[parts[1]] = time.perf_counter() - start
        if time.perf_counter() - start > timeout:
            proc.kill()
            break
    _, status, usage = os.wait4(proc.pid, 0)
    run.returncode = os.waitstatus_to_exitcode(status)
    run.peak_rss_mb = usage.ru_maxrss / 1024
    return run


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def base_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(extra)
    return env
