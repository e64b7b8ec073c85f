"""The dashboard's statistics: exact arrays on hand-made histories, and the model's numbers."""

import datetime as dt
import math
import re

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from focusapp.domain.models import CheckIn
from focusapp.domain.risk import STREAK_CAP, assess_series
from focusapp.services.stats import (
    ChartRange,
    build_series,
    epoch_day,
    from_epoch_day,
)
from focusapp.services.work_bars import work_bars

NAN = math.nan
TODAY = dt.date(2026, 11, 3)  # the conftest clock


def d(month, day, year=2026):
    return dt.date(year, month, day)


HANDMADE = [
    CheckIn(d(9, 30), energy=2, coding_minutes=600, meeting_minutes=0),
    CheckIn(d(10, 1), energy=4, coding_minutes=120, meeting_minutes=60),
    CheckIn(d(10, 2), energy=3, coding_minutes=30, meeting_minutes=0),  # rest day
    # 10-03 missing
    CheckIn(d(10, 4), energy=5),  # no work recorded: neither worked nor rest
    CheckIn(d(10, 5), energy=1, coding_minutes=0, meeting_minutes=300),
    CheckIn(d(10, 6), coding_minutes=200),  # meetings blank: count as 0
]


def handmade_series():
    first, last = d(10, 1), d(10, 13)
    return build_series(HANDMADE, assess_series(HANDMADE, first, last), first, last)


def assert_same(actual, expected):
    np.testing.assert_allclose(np.asarray(actual, dtype=float), expected, equal_nan=True)


def test_days_and_raw_values_missing_is_nan_not_zero():
    s = handmade_series()
    assert (s.first, s.last, s.days) == (d(10, 1), d(10, 13), 13)
    assert s.epoch_days[0] == epoch_day(d(10, 1)) and from_epoch_day(s.epoch_days[-1]) == d(10, 13)
    assert_same(s.energy, [4, 3, NAN, 5, 1] + [NAN] * 8)
    assert_same(s.coding_minutes, [120, 30, NAN, NAN, 0, 200] + [NAN] * 7)
    assert_same(s.meeting_minutes, [60, 0, NAN, NAN, 300, 0] + [NAN] * 7)
    assert set(s.checkins) == {d(10, 1), d(10, 2), d(10, 4), d(10, 5), d(10, 6)}
    assert s.checkin_count == 5


def test_seven_day_means_include_history_before_the_range():
    s = handmade_series()
    # 09-30 (energy 2) is before the range but inside the first windows.
    assert_same(s.energy_mean7, [3, 3, 3, 3.5, 3, 3, 3.25, 3, 3, 3, 1, NAN, NAN])


def test_hours_in_the_last_seven_days():
    s = handmade_series()
    minutes = [780, 810, 810, 810, 1110, 1310, 710, 530, 500, 500, 500, 200]
    assert_same(s.hours7, [m / 60 for m in minutes] + [NAN])  # 10-07..10-13: nothing known


def test_consecutive_work_days_break_on_rest_days_and_carry_over_days_not_checked_in():
    s = handmade_series()
    # 10-02 is a rest day; 10-03 (missing) and 10-04 (no work logged) keep its 0; after the
    # run of 10-05/06 the week without check-ins keeps it, as the recovery factor counts,
    # until 10-06 leaves the 7-day window.
    assert s.streak.tolist() == [2, 0, 0, 0, 1, 2, 2, 2, 2, 2, 2, 2, 0]


def test_streak_is_capped_like_the_model():
    first = d(10, 1)
    records = [CheckIn(first + dt.timedelta(days=i), coding_minutes=480) for i in range(40)]
    last = first + dt.timedelta(days=39)
    s = build_series(records, assess_series(records, first, last), first, last)
    assert s.streak[27] == STREAK_CAP == 28
    assert s.streak.max() == STREAK_CAP


def test_meeting_share_counts_worked_days_only():
    s = handmade_series()
    expected = [60 / 780] * 4 + [360 / 1080, 360 / 1280, 360 / 680] + [0.6] * 4 + [0.0, NAN]
    assert_same(s.meeting_share7, expected)


def test_daily_bars_only_for_days_with_work_recorded():
    bars = handmade_series().bars
    assert not bars.weekly and bars.width_days == 1
    assert [from_epoch_day(x) for x in bars.start] == [d(10, 1), d(10, 2), d(10, 5), d(10, 6)]
    assert_same(bars.coding_hours, [2, 0.5, 0, 200 / 60])
    assert_same(bars.meeting_hours, [1, 0, 5, 0])
    assert_same(bars.meeting_share, [1 / 3, NAN, 1.0, 0.0])


def test_weekly_bars_group_monday_to_sunday():
    first = d(10, 1)  # a Thursday
    coding = np.full(14, np.nan)
    meeting = np.full(14, np.nan)
    for day, code, meet in ((1, 120, 60), (3, 30, 0), (6, 300, 120), (7, 0, 90)):
        coding[day - 1], meeting[day - 1] = code, meet
    bars = work_bars(epoch_day(first), coding, meeting, weekly=True)
    assert bars.weekly and bars.width_days == 7
    starts = [from_epoch_day(x) for x in bars.start]
    assert starts == [d(9, 28), d(10, 5)]  # weeks start on Monday, even before the range
    assert all(day.weekday() == 0 for day in starts)
    assert_same(bars.coding_hours, [150 / 60, 300 / 60])
    assert_same(bars.meeting_hours, [1.0, 210 / 60])
    assert_same(bars.meeting_share, [60 / 180, 210 / 510])


def test_long_ranges_switch_to_weekly_bars():
    first = d(1, 1)
    records = [CheckIn(first + dt.timedelta(days=i), coding_minutes=60) for i in range(0, 200, 3)]
    for days, weekly in ((183, False), (184, True)):
        last = first + dt.timedelta(days=days - 1)
        s = build_series(records, assess_series(records, first, last), first, last)
        assert s.bars.weekly is weekly


def test_scores_and_provisional_flags_come_from_the_assessments():
    s = handmade_series()
    assessments = assess_series(HANDMADE, d(10, 1), d(10, 13))
    assert s.assessments == tuple(assessments)
    assert_same(s.score, [NAN if a.score is None else a.score for a in assessments])
    assert s.provisional.tolist() == [a.provisional for a in assessments]
    assert np.isfinite(s.score).any() and np.isnan(s.score).any()


def test_mismatched_assessments_are_refused():
    with pytest.raises(ValueError, match="one assessment per day"):
        build_series(HANDMADE, assess_series(HANDMADE, d(10, 1), d(10, 2)), d(10, 1), d(10, 5))


def test_index_and_lookup_helpers():
    s = handmade_series()
    assert s.index_of(d(10, 5)) == 4 and s.index_of(d(9, 30)) is None
    assert s.day_at(4) == d(10, 5)
    assert s.assessment(d(10, 5)).date == d(10, 5) and s.assessment(d(11, 1)) is None


# --- the usual energy and weekly hours are the risk model's own numbers --------------------

day_record = st.one_of(
    st.none(),
    st.tuples(
        st.one_of(st.none(), st.integers(1, 5)),
        st.one_of(
            st.none(),
            st.tuples(st.integers(0, 600), st.one_of(st.none(), st.integers(0, 400))),
        ),
    ),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(day_record, min_size=100, max_size=100))
def test_usual_energy_and_weekly_hours_match_the_model_explanations(days):
    origin = d(6, 1)
    records = []
    for i, value in enumerate(days):
        if value is None:
            continue
        energy, work = value
        coding, meeting = work if work is not None else (None, None)
        records.append(
            CheckIn(
                origin + dt.timedelta(days=i),
                energy=energy,
                coding_minutes=coding,
                meeting_minutes=meeting,
            )
        )
    first, last = origin + dt.timedelta(days=50), origin + dt.timedelta(days=99)
    assessments = assess_series(records, first, last)
    s = build_series(records, assessments, first, last)
    for i, assessment in enumerate(assessments):
        if assessment.score is None:
            continue
        exhaustion = assessment.factors["exhaustion"].explanation
        usual = re.search(r"last 7 days \(your usual: (\d\.\d)\)", exhaustion)
        if usual:
            assert f"{s.usual_energy[i]:.1f}" == usual[1]
        volume = assessment.factors["work_volume"].explanation
        hours = 0.0 if math.isnan(s.hours7[i]) else s.hours7[i]
        assert f"{hours:.1f} h in the last 7 days" in volume


# --- the service ------------------------------------------------------------------------------


def test_ranges_end_today(context):
    stats = context.stats
    assert stats.resolve(ChartRange.TWO_WEEKS) == (d(10, 21), TODAY)
    assert stats.resolve(ChartRange.THREE_MONTHS) == (TODAY - dt.timedelta(days=90), TODAY)
    assert stats.resolve(ChartRange.ONE_YEAR) == (d(11, 4, 2025), TODAY)


def test_all_starts_at_the_first_checkin_and_shows_at_least_two_weeks(context):
    stats = context.stats

    def shown():
        series = stats.dashboard(ChartRange.ALL).series
        return series.first, series.last

    assert stats.resolve(ChartRange.ALL) == shown() == (d(10, 21), TODAY)  # nothing yet
    context.checkins.record(d(11, 1), {"energy": 3})
    assert stats.resolve(ChartRange.ALL) == shown() == (d(10, 21), TODAY)
    context.checkins.record(d(1, 15), {"energy": 3})
    assert stats.resolve(ChartRange.ALL) == shown() == (d(1, 15), TODAY)
    assert stats.dashboard(ChartRange.ALL).series.checkin_count == 2


def test_a_checkin_for_tomorrow_does_not_extend_the_range(context):
    # Issue 11: a day after today is never drawn as history.
    context.checkins.record(TODAY + dt.timedelta(days=1), {"energy": 4})
    for which in ChartRange:
        assert context.stats.resolve(which)[1] == TODAY
        assert context.stats.dashboard(which).series.last == TODAY
    assert context.stats.dashboard().series.last == TODAY


def test_explicit_range_past_today_is_cut_at_today(context):
    first, later = TODAY - dt.timedelta(days=20), TODAY + dt.timedelta(days=30)
    data = context.stats.dashboard(first=first, last=later)
    assert (data.series.first, data.series.last) == (first, TODAY)


def test_first_run_data(context):
    data = context.stats.dashboard(ChartRange.TWO_WEEKS)
    assert data.has_checkins is False
    assert data.series.days == 14 and data.series.checkin_count == 0
    assert np.isnan(data.series.score).all()
    assert data.today.day == TODAY and data.today.checkin is None
    assert data.today.assessment.checkins_needed == 3
    assert data.range is ChartRange.TWO_WEEKS


def test_dashboard_data_from_the_database(context):
    for offset, energy in ((0, 4), (1, 3), (2, 2), (30, 5)):
        day = TODAY - dt.timedelta(days=offset)
        context.checkins.record(day, {"energy": energy, "coding_minutes": 200})
    data = context.stats.dashboard(ChartRange.TWO_WEEKS)
    assert data.has_checkins
    assert_same(data.series.energy[-3:], [2, 3, 4])
    assert data.today.checkin == context.checkins.get(TODAY)
    assert data.today.assessment == context.risk.assess(TODAY)
    assert data.series.assessments == tuple(context.risk.series(d(10, 21), TODAY))
    # Older check-ins outside the range still count as "has check-ins".
    only_old = context.stats.dashboard(first=d(9, 1), last=d(9, 14))
    assert only_old.series.checkin_count == 0 and only_old.has_checkins


def test_explicit_range_defaults_to_thirteen_weeks(context):
    data = context.stats.dashboard()
    assert (data.series.first, data.series.last) == (TODAY - dt.timedelta(days=90), TODAY)
    assert data.range is None
    data = context.stats.dashboard(last=d(10, 1))
    assert (data.series.first, data.series.last) == (d(10, 1) - dt.timedelta(days=90), d(10, 1))


def test_a_focus_session_updates_the_next_build(context, clock):
    for offset in range(5):
        context.checkins.record(TODAY - dt.timedelta(days=offset), {"energy": 3})
    before = context.stats.dashboard(ChartRange.TWO_WEEKS)
    assert np.isnan(before.series.coding_minutes[-1])
    context.focus.start()
    clock.advance(dt.timedelta(minutes=30))
    context.focus.stop()
    after = context.stats.dashboard(ChartRange.TWO_WEEKS)
    assert after.series.coding_minutes[-1] == 30
    records = context.checkins.days(d(9, 1), TODAY)
    assert after.series.assessments == tuple(assess_series(records, d(10, 21), TODAY))


_RUN_WORDS = re.compile(r"(\d+) (?:or more )?(?:consecutive )?work days?")


def _factor_count(explanation: str) -> int:
    """Read the recovery factor's own count of consecutive work days from its sentence."""
    match = _RUN_WORDS.search(explanation)
    return int(match[1]) if match else 0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(st.none(), st.sampled_from([0, 30, 90, 480]), st.just(-1)),
        min_size=20,
        max_size=60,
    )
)
def test_the_streak_chart_equals_the_recovery_factor_every_day(days):
    """Issue 13: with today unchecked the chart showed 0 while the factor said 12 days."""
    first = d(10, 1)
    records = []
    for offset, minutes in enumerate(days):
        day = first + dt.timedelta(days=offset)
        if minutes is None:
            continue  # a missing day (the last one: today, not checked in yet)
        if minutes == -1:
            records.append(CheckIn(day, energy=3))  # checked in, no work logged
        else:
            records.append(CheckIn(day, energy=3, coding_minutes=minutes))
    last = first + dt.timedelta(days=len(days) - 1)
    assessments = assess_series(records, first, last)
    series = build_series(records, assessments, first, last)
    for index, assessment in enumerate(assessments):
        if assessment.score is None:
            continue
        recovery = assessment.factors["recovery"].explanation
        assert series.streak[index] == _factor_count(recovery), (assessment.date, recovery)


# --- every chart figure is the model's figure for that day (issue 13, item 3) ----------------

checked_in = st.tuples(
    st.one_of(st.none(), st.integers(1, 5)),  # energy
    st.sampled_from(["work", "work", "work", "rest", "no work"]),
    st.integers(0, 700),  # coding minutes on a work day
    st.one_of(st.none(), st.integers(0, 400)),  # meeting minutes (blank counts as 0)
)
day_kinds = st.one_of(st.none(), checked_in, checked_in, checked_in)  # None: a gap


def _record(day, value):
    energy, kind, coding, meeting = value
    if kind == "no work":
        return CheckIn(day, energy=energy)  # checked in, no work logged
    if kind == "rest":
        return CheckIn(day, energy=energy, coding_minutes=coding % 60, meeting_minutes=0)
    return CheckIn(day, energy=energy, coding_minutes=max(coding, 60), meeting_minutes=meeting)


def _first_number(pattern, text):
    match = re.search(pattern, text)
    return None if match is None else match[1]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(day_kinds, min_size=30, max_size=90), st.booleans())
def test_every_chart_figure_is_the_models_figure_every_day(days, today_unchecked):
    """The charts draw the model's own figures: the ones its explanations quote."""
    first_day = d(8, 1)
    if today_unchecked:
        days = [*days[:-1], None]  # the last day is today, not checked in yet
    records = [
        _record(first_day + dt.timedelta(days=i), value)
        for i, value in enumerate(days)
        if value is not None
    ]
    last = first_day + dt.timedelta(days=len(days) - 1)
    first = last - dt.timedelta(days=min(len(days), 45) - 1)
    assessments = assess_series(records, first, last)
    s = build_series(records, assessments, first, last)
    by_date = {r.date: r for r in records}
    for i, assessment in enumerate(assessments):
        day = assessment.date
        figures = assessment.figures
        record = by_date.get(day)
        # The day itself, as logged.
        energy = record.energy if record else None
        assert_same([s.energy[i]], [NAN if energy is None else energy])
        work = record.work_minutes if record else None
        coding = NAN if work is None else record.coding_minutes or 0
        meeting = NAN if work is None else record.meeting_minutes or 0
        assert_same([s.coding_minutes[i], s.meeting_minutes[i]], [coding, meeting])
        # The windows, the baseline and the run of work days: the day's figures.
        assert s.streak[i] == figures.streak
        assert_same(
            [s.energy_mean7[i], s.usual_energy[i], s.hours7[i], s.meeting_share7[i]],
            [
                NAN if figures.mean_energy_7 is None else figures.mean_energy_7,
                NAN if figures.usual_energy is None else figures.usual_energy,
                NAN if figures.week_minutes is None else figures.week_minutes / 60,
                NAN if figures.meeting_share_7 is None else figures.meeting_share_7,
            ],
        )
        assert_same([s.score[i]], [NAN if assessment.score is None else assessment.score])
        assert s.provisional[i] == assessment.provisional
        if assessment.score is None:
            assert s.streak[i] == figures.streak
            continue
        # ... and they are the numbers the factors' sentences quote on that day.
        recovery = assessment.factors["recovery"].explanation
        assert s.streak[i] == _factor_count(recovery), (day, recovery)
        volume = assessment.factors["work_volume"].explanation
        hours = 0.0 if math.isnan(s.hours7[i]) else s.hours7[i]
        assert f"{hours:.1f} h in the last 7 days" in volume
        scored = figures.scored
        if scored.widened:
            continue  # a 14-day window: its own figures, not the 7-day charts'
        # Exactly the numbers the factors were computed from ...
        if scored.baseline_energy is not None:
            assert s.usual_energy[i] == scored.baseline_energy
        if not scored.energy_from_work_days and scored.energy_now is not None:
            assert s.energy_mean7[i] == scored.energy_now
        if scored.meeting_share is not None:
            assert s.meeting_share7[i] == scored.meeting_share
        # ... and the ones their sentences quote.
        exhaustion = assessment.factors["exhaustion"].explanation
        usual = _first_number(r"\(your usual: (\d\.\d)\)", exhaustion)
        if usual is not None:
            assert f"{s.usual_energy[i]:.1f}" == usual
        all_days = _first_number(r"Energy averaged (\d\.\d)/5 over the last 7 days", exhaustion)
        if all_days is not None:
            assert f"{s.energy_mean7[i]:.1f}" == all_days
        share = _first_number(
            r"Meetings were (\d+)% of logged work time over the last 7 days",
            assessment.factors["meeting_load"].explanation,
        )
        if share is not None:
            assert f"{s.meeting_share7[i]:.0%}" == f"{share}%"


def test_one_risk_computation_per_dashboard_refresh(context, monkeypatch):
    """The charts reshape the risk service's series; nothing scores the days again."""
    import focusapp.services.risk as risk_service

    computed = []
    original = risk_service.assess_series

    def counting(records, start, end):
        computed.append((start, end))
        return original(records, start, end)

    monkeypatch.setattr(risk_service, "assess_series", counting)
    for offset in range(20):
        context.checkins.record(TODAY - dt.timedelta(days=offset), {"energy": 3})
    context.stats.dashboard(ChartRange.THREE_MONTHS)
    assert computed == [(TODAY - dt.timedelta(days=90), TODAY)]  # the header's today included
    context.stats.dashboard(ChartRange.THREE_MONTHS)
    assert len(computed) == 1  # nothing changed: all from the cache
    context.checkins.record(TODAY - dt.timedelta(days=2), {"energy": 1})
    data = context.stats.dashboard(ChartRange.THREE_MONTHS)
    assert computed[1:] == [(TODAY - dt.timedelta(days=2), TODAY)]  # only the days it reaches
    assert data.today.assessment is data.series.assessments[-1]
