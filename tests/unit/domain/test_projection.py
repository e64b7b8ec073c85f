from __future__ import annotations

import datetime as dt

import pytest

from focusapp.domain.forecast import ForecastDay
from focusapp.domain.models import CheckIn
from focusapp.domain.projection import project, usual_week_minutes, week_summary
from focusapp.domain.risk import Level

TODAY = dt.date(2026, 11, 3)  # a Tuesday


def logged(days=35, energy=4, coding=240, meetings=60, weekdays=range(5)):
    start = TODAY - dt.timedelta(days=days - 1)
    out = []
    for i in range(days):
        day = start + dt.timedelta(days=i)
        if day.weekday() in weekdays:
            out.append(
                CheckIn(date=day, energy=energy, coding_minutes=coding, meeting_minutes=meetings)
            )
    return out


def booked(minutes, days=14, count=None, free=None):
    return [
        ForecastDay(
            date=TODAY + dt.timedelta(days=i + 1),
            meeting_minutes=minutes if (TODAY + dt.timedelta(days=i + 1)).weekday() < 5 else 0,
            meeting_count=count if count is not None else minutes // 60,
            back_to_back_count=0,
            longest_free_block_minutes=free if free is not None else max(0, 480 - minutes),
            after_hours_minutes=0,
            has_focus_block=(free if free is not None else 480 - minutes) >= 120,
        )
        for i in range(days)
    ]


def test_projection_covers_the_coming_week_with_its_assumptions():
    projection = project(logged(), booked(60), TODAY)
    assert projection is not None
    assert projection.day == TODAY + dt.timedelta(days=7)
    assert projection.days == 7
    assert projection.energy == 4.0
    assert projection.coding_minutes == 240
    assert projection.recent_days == 20  # weekdays in the last 28 days
    assert projection.score is not None and projection.level is Level.LOW


def test_heavier_booking_never_projects_a_lower_signal():
    light = project(logged(), booked(30), TODAY)
    heavy = project(logged(), booked(360, count=9, free=30), TODAY)
    assert light is not None and heavy is not None
    assert light.score is not None and heavy.score is not None
    assert heavy.score > light.score


@pytest.mark.parametrize("minutes", [0, 60, 120, 240, 360, 480])
def test_the_projection_moves_with_booked_meetings(minutes):
    lower = project(logged(), booked(minutes), TODAY)
    higher = project(logged(), booked(minutes + 60), TODAY)
    assert lower is not None and higher is not None
    assert lower.score is not None and higher.score is not None
    assert higher.score >= lower.score


def test_no_projection_without_recent_energy_or_booked_days():
    assert project([], booked(60), TODAY) is None
    old = [CheckIn(date=TODAY - dt.timedelta(days=60), energy=3)]
    assert project(old, booked(60), TODAY) is None
    assert project(logged(), [], TODAY) is None
    past_only = [d for d in booked(60) if d.date <= TODAY]
    assert project(logged(), past_only, TODAY) is None


def test_records_after_today_are_not_read_as_history():
    history = logged()
    future = [CheckIn(date=TODAY + dt.timedelta(days=i), energy=1) for i in range(1, 8)]
    assert project(history + future, booked(60), TODAY) == project(history, booked(60), TODAY)


def test_usual_week_leaves_out_weeks_without_data():
    history = logged(days=21, meetings=60)  # 3 weeks, 5 logged days of 60 min each
    usual, weeks = usual_week_minutes(history, TODAY)
    assert weeks == 3
    assert usual == 300
    assert usual_week_minutes([], TODAY) == (None, 0)


def test_week_summary_compares_the_first_booked_week():
    summary = week_summary(booked(120), logged(days=14, meetings=60), TODAY)
    assert summary is not None
    assert summary.first == TODAY + dt.timedelta(days=1)
    assert summary.last == TODAY + dt.timedelta(days=7)
    assert summary.meeting_minutes == 5 * 120
    assert summary.focus_block_days == 7
    assert summary.usual_meeting_minutes == 300
    assert summary.usual_weeks == 2
    assert week_summary([], [], TODAY) is None
