"""A calendar booked 6 weeks ahead in the window: recent days, charts and tray end today."""

import datetime as dt

import numpy as np
import pytest

from focusapp.services.app_state import AppStateStore
from focusapp.services.stats import ChartRange
from focusapp.ui.companion import Companion
from focusapp.ui.history import HistoryModel
from focusapp.ui.main_window import MainWindow
from focusapp.ui.tray import tooltip_text
from tests.cli.test_future_days import daily_meeting_calendar
from tests.ui.settle import settle

pytestmark = pytest.mark.gui

TODAY = dt.date(2026, 11, 3)  # the conftest clock
AHEAD = TODAY + dt.timedelta(days=42)


@pytest.fixture
def booked(context, tmp_path):
    first = TODAY - dt.timedelta(days=20)
    path = daily_meeting_calendar(tmp_path / "cal.ics", first, (AHEAD - first).days + 1)
    context.calendar.import_file(str(path), first, AHEAD)
    for i in range(15):
        context.checkins.record(first + dt.timedelta(days=i), {"energy": 3})
    # The calendar's days are stored, the future ones too.
    assert context.checkins.days(AHEAD, AHEAD)
    return context


def test_the_stats_series_ends_today(booked):
    for which in ChartRange:
        series = booked.stats.dashboard(which).series
        assert series.last == TODAY
        assert series.day_at(series.days - 1) == TODAY
    series = booked.stats.dashboard(first=TODAY - dt.timedelta(days=10), last=AHEAD).series
    assert series.last == TODAY
    assert not np.isnan(series.score[-1])


def test_the_history_lists_no_future_day(qtbot, booked, tmp_path):
    window = MainWindow(booked.checkins, tmp_path / "w.ini")
    qtbot.addWidget(window)
    window.refresh()
    settle(qtbot, window)
    model = window.history_model
    assert model.rowCount() > 0
    assert model.day_at(0).date == TODAY  # the top row is today, not a booked day ahead
    assert all(model.day_at(r).date <= TODAY for r in range(model.rowCount()))


def test_history_model_leaves_out_days_after_today(booked):
    model = HistoryModel()
    model.set_days(booked.checkins.days(TODAY - dt.timedelta(days=5), AHEAD), TODAY)
    assert model.row_of(TODAY) == 0
    assert model.row_of(TODAY + dt.timedelta(days=1)) is None


def test_the_tray_tooltip_shows_today(qtbot, booked, tmp_path):
    window = MainWindow(booked.checkins, tmp_path / "w.ini")
    qtbot.addWidget(window)
    companion = Companion(
        window,
        booked.checkins,
        booked.focus,
        booked.risk,
        lambda: booked.settings,
        AppStateStore(tmp_path / "state.json"),
        booked.clock,
        use_tray=False,
    )
    try:
        companion.refresh_soon()
        settle(qtbot, window)
        status = companion.status()
    finally:
        companion.reminders.stop()
    assert status.meeting_minutes == 120
    assert tooltip_text(status).startswith("Today:")
    assert booked.risk.assess(TODAY + dt.timedelta(days=1)).score is None
