"""Shared fixtures: every test gets its own data folder and runs Qt offscreen."""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from typing import TYPE_CHECKING

from focusapp.domain.clock import FixedClock

if TYPE_CHECKING:
    from pathlib import Path

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture(autouse=True)
def _fresh_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point FocusApp at a private folder so no test touches real data or settings."""
    folder = tmp_path / "focusapp-data"
    monkeypatch.setenv("FOCUSAPP_DATA_DIR", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    return folder


@pytest.fixture
def data_dir(_fresh_data_dir: Path) -> Path:
    return _fresh_data_dir


@pytest.fixture
def clock() -> FixedClock:
    """Tuesday 2026-11-03 18:00 in Berlin."""
    return FixedClock(dt.datetime(2026, 11, 3, 18, 0, tzinfo=BERLIN))


@pytest.fixture
def context(data_dir: Path, clock: FixedClock):
    from focusapp.bootstrap import open_context

    ctx = open_context(data_dir, clock=clock, zone=BERLIN)
    yield ctx
    ctx.close()
