"""Crash survival: the torture benchmark, short (5 trials), plus proof that its checks bite."""

import contextlib
import importlib.util
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

TORTURE = Path(__file__).resolve().parent.parent / "benchmarks" / "torture.py"


def load_torture():
    spec = importlib.util.spec_from_file_location("torture", TORTURE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_five_kills_lose_nothing(tmp_path):
    result = subprocess.run(
        [sys.executable, str(TORTURE), "--trials", "5", "--dir", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "trials: 5" in lines
    assert "records lost: 0" in lines
    assert "integrity errors: 0" in lines
    acknowledged = next(line for line in lines if line.startswith("acknowledged writes:"))
    assert int(acknowledged.split(":")[1]) > 0  # the kills landed while writing


@pytest.fixture
def torture():
    return load_torture()


def test_the_check_notices_a_lost_write(torture, tmp_path):
    from focusapp.bootstrap import open_context

    data = tmp_path / "data"
    context = open_context(data)
    for index in range(3):
        context.checkins.record(torture.day_of(index), torture.values_of(index))
    context.close()
    assert torture.check(data, [0, 1, 2]) == (0, [])
    with contextlib.closing(sqlite3.connect(data / "focusapp.sqlite3")) as connection:
        connection.execute("DELETE FROM checkins WHERE note = 'write 1'")
        connection.commit()
    assert torture.check(data, [0, 1, 2])[0] == 1


def test_the_check_notices_damage_and_setting_aside(torture, tmp_path):
    from focusapp.bootstrap import open_context
    from tests.safety_support import damage

    data = tmp_path / "data"
    context = open_context(data)
    for index in range(50):
        context.checkins.record(
            torture.day_of(index), torture.values_of(index) | {"note": "x" * 500}
        )
    context.close()
    damage(data / "focusapp.sqlite3", "zeroed-page")
    _, problems = torture.check(data, [])
    assert any(problem.startswith("database:") for problem in problems)
    (data / "focusapp.sqlite3.damaged-20260101-000000").write_bytes(b"")
    assert any("set aside" in problem for problem in torture.check(data, [])[1])
