from __future__ import annotations

import datetime as dt

import pytest

from focusapp.domain.forecast import MeetingSeries
from focusapp.domain.models import CheckIn
from focusapp.domain.review import (
    Suggestion,
    WeekFigures,
    figures,
    last_finished_week,
    review_week,
    suggest,
    usual_figures,
    week_of,
)

MONDAY = dt.date(2026, 11, 23)


def week(start, energy=4, coding=240, meetings=120, days=5):
    return [
        CheckIn(
            date=start + dt.timedelta(days=i),
            energy=energy,
            coding_minutes=coding,
            meeting_minutes=meetings,
        )
        for i in range(days)
    ]


def usual_history(weeks=8, **values):
    out = []
    for back in range(1, weeks + 1):
        out += week(MONDAY - dt.timedelta(days=7 * back), **values)
    return out


def series(uid, minutes):
    return MeetingSeries(uid, uid, uid.title(), 1, minutes, 0)


def test_weeks_are_iso_weeks():
    assert week_of(dt.date(2026, 11, 26)) == (MONDAY, dt.date(2026, 11, 29))
    assert week_of(MONDAY) == (MONDAY, dt.date(2026, 11, 29))
    assert last_finished_week(dt.date(2026, 12, 1)) == (MONDAY, dt.date(2026, 11, 29))
    # A Sunday is not over yet: its week is not finished.
    assert last_finished_week(dt.date(2026, 11, 29)) == week_of(dt.date(2026, 11, 16))


def test_sums_are_over_the_logged_days_of_the_week():
    records = [
        *week(MONDAY, energy=3, coding=100, meetings=50, days=3),
        CheckIn(date=MONDAY + dt.timedelta(days=6), energy=5),
        CheckIn(date=MONDAY + dt.timedelta(days=7), energy=1, meeting_minutes=999),
    ]
    got = figures(records, MONDAY, MONDAY + dt.timedelta(days=6))
    assert got == WeekFigures(
        days_logged=4, meeting_minutes=150, coding_minutes=300, energy_mean=(3 + 3 + 3 + 5) / 4
    )
    assert figures(records, MONDAY - dt.timedelta(days=7), MONDAY - dt.timedelta(days=1)) is None


def test_usual_is_the_mean_of_the_previous_8_weeks_with_data():
    history = usual_history(weeks=10, meetings=60)
    # A gap of two empty weeks is skipped, not counted as weeks without meetings.
    history = [
        r
        for r in history
        if not (MONDAY - dt.timedelta(days=21) <= r.date < MONDAY - dt.timedelta(days=7))
    ]
    usual, weeks = usual_figures(history, MONDAY)
    assert weeks == 8
    assert usual.meeting_minutes == 300
    assert usual.days_logged == 5
    assert usual_figures([], MONDAY) == (None, 0)


def test_review_of_a_week():
    records = [
        *usual_history(),
        CheckIn(date=MONDAY, energy=4, coding_minutes=240, meeting_minutes=120),
        CheckIn(
            date=MONDAY + dt.timedelta(days=1), energy=2, coding_minutes=0, meeting_minutes=400
        ),
        CheckIn(
            date=MONDAY + dt.timedelta(days=2), energy=5, coding_minutes=300, meeting_minutes=30
        ),
        CheckIn(date=MONDAY + dt.timedelta(days=3), energy=5, coding_minutes=0, meeting_minutes=0),
    ]
    review = review_week(
        records,
        MONDAY,
        risk_start=20,
        risk_end=30,
        series=[series("a", 60), series("b", 300), series("c", 120), series("d", 30)],
        next_week_minutes=600,
    )
    assert review.week_end == dt.date(2026, 11, 29)
    assert review.figures == WeekFigures(4, 550, 540, 4.0)
    assert review.usual == WeekFigures(5, 600, 1200, 4.0)
    assert [s.id for s in review.top_series] == ["b", "c", "a"]
    assert review.best_day == MONDAY + dt.timedelta(days=2)  # earliest of the two 5s
    assert review.hardest_day == MONDAY + dt.timedelta(days=1)
    assert review.rest_days == 1
    assert review.next_week_minutes == 600
    assert review.suggestion is Suggestion.PROTECT_FOCUS_BLOCK  # coding fell by 55 %


USUAL = WeekFigures(5, 600, 1200, 4.0)


@pytest.mark.parametrize(
    ("week_figures", "risk_end", "expected"),
    [
        (WeekFigures(5, 600, 1200, 4.0), 20, Suggestion.KEEP_GOING),
        (WeekFigures(5, 600, 1200, 3.0), 20, Suggestion.RECOVERY_DAY),
        (WeekFigures(5, 600, 1200, 3.0), 60, Suggestion.RAISE_WORKLOAD),
        (WeekFigures(5, 1200, 1200, 4.0), 20, Suggestion.SKIP_HEAVIEST_SERIES),
        (WeekFigures(5, 600, 400, 4.0), 20, Suggestion.PROTECT_FOCUS_BLOCK),
        # Both moved: energy 2 steps down, meetings 5 steps up -> meetings win.
        (WeekFigures(5, 1200, 1200, 3.0), 20, Suggestion.SKIP_HEAVIEST_SERIES),
        # Small moves stay below one step.
        (WeekFigures(5, 700, 1100, 3.8), 20, Suggestion.KEEP_GOING),
    ],
)
def test_the_suggestion_follows_what_moved_most(week_figures, risk_end, expected):
    assert suggest(week_figures, USUAL, risk_end, has_series=True, rest_days=2) is expected


def test_without_series_the_meeting_move_suggests_nothing():
    figures_ = WeekFigures(5, 1200, 1200, 4.0)
    assert suggest(figures_, USUAL, 20, has_series=False, rest_days=2) is Suggestion.KEEP_GOING


def test_without_a_usual_week_only_a_week_without_rest_suggests_recovery():
    full = WeekFigures(7, 600, 1200, 4.0)
    assert suggest(full, None, 20, has_series=True, rest_days=0) is Suggestion.RECOVERY_DAY
    assert suggest(full, None, 20, has_series=True, rest_days=1) is Suggestion.KEEP_GOING
