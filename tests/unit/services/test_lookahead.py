from __future__ import annotations

import datetime as dt

import pytest

from focusapp.domain.forecast import Choice, PlanChoice, series_id
from focusapp.services.lookahead import LookaheadService, UnknownSeriesError

TODAY = dt.date(2026, 11, 3)  # the conftest clock, a Tuesday
TOMORROW = TODAY + dt.timedelta(days=1)


def vevent(uid, day, start, end, summary, *, rrule=None, extra=""):
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "DTSTAMP:20260101T000000Z",
        f"DTSTART;TZID=Europe/Berlin:{day:%Y%m%d}T{start}00",
        f"DTEND;TZID=Europe/Berlin:{day:%Y%m%d}T{end}00",
        f"SUMMARY:{summary}",
    ]
    if rrule:
        lines.append(f"RRULE:{rrule}")
    if extra:
        lines.append(extra)
    lines.append("END:VEVENT")
    return "\r\n".join(lines)


def write_calendar(path, *events):
    body = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN", *events])
    path.write_text(body + "\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    return path


@pytest.fixture
def lookahead(context, tmp_path):
    path = write_calendar(
        tmp_path / "work.ics",
        # Every weekday 10:00-11:00 for three weeks from tomorrow (Wed 4 Nov).
        vevent(
            "standup",
            TOMORROW,
            "1000",
            "1100",
            "Standup",
            rrule="FREQ=DAILY;COUNT=21;BYDAY=MO,TU,WE,TH,FR",
        ),
        vevent("review", TOMORROW, "1300", "1500", "Design review"),
        vevent("cancelled", TOMORROW, "1500", "1600", "Old sync", extra="STATUS:CANCELLED"),
    )
    context.calendar.import_file(
        str(path), TODAY - dt.timedelta(days=30), TODAY + dt.timedelta(days=40)
    )
    for i in range(1, 22):
        day = TODAY - dt.timedelta(days=i)
        if day.weekday() < 5:
            context.checkins.record(day, {"energy": 4, "coding_minutes": 240})
    return LookaheadService(context.sessions, context.calendar, context.checkins, context.risk)


def test_forecast_starts_tomorrow_with_the_booked_figures(lookahead):
    forecast = lookahead.forecast()
    assert (forecast.first, forecast.last) == (TOMORROW, TOMORROW + dt.timedelta(days=13))
    days = {d.date: d for d in forecast.days}
    wed = days[TOMORROW]
    assert (wed.meeting_minutes, wed.meeting_count) == (180, 2)  # cancelled one left out
    assert wed.longest_free_block_minutes == 120  # 15:00-17:00
    assert wed.has_focus_block
    assert days[dt.date(2026, 11, 7)].meeting_minutes == 0  # Saturday
    series = {s.id: s for s in forecast.series}
    assert set(series) == {series_id("standup"), series_id("review")}
    standup = series[series_id("standup")]
    assert (standup.title, standup.occurrences, standup.minutes) == ("Standup", 10, 600)


def test_skip_recomputes_every_figure_without_the_series(lookahead):
    before = lookahead.forecast()
    after = lookahead.forecast(plan=[PlanChoice(series_id("review"), Choice.SKIP)])
    days_before = {d.date: d for d in before.days}
    days_after = {d.date: d for d in after.days}
    assert days_before[TOMORROW].meeting_minutes - days_after[TOMORROW].meeting_minutes == 120
    assert days_after[TOMORROW].longest_free_block_minutes == 360  # 11:00-17:00
    for day in days_before:
        if day != TOMORROW:
            assert days_after[day] == days_before[day]
    assert series_id("review") not in {s.id for s in after.series}
    assert series_id("review") in {s.id for s in after.booked_series}
    assert before.projection is not None and after.projection is not None
    assert after.projection.score <= before.projection.score


def test_an_unknown_series_is_refused(lookahead):
    with pytest.raises(UnknownSeriesError) as caught:
        lookahead.forecast(plan=[PlanChoice("deadbeef", Choice.SKIP)])
    assert caught.value.ids == ["deadbeef"]


def test_the_projection_and_the_usual_week(lookahead):
    forecast = lookahead.forecast()
    assert forecast.projection is not None
    assert forecast.projection.energy == 4.0
    assert forecast.projection.coding_minutes == 240
    assert forecast.projection.day == TOMORROW + dt.timedelta(days=6)
    assert forecast.week is not None
    assert forecast.week.meeting_minutes == 5 * 60 + 120
    # Nothing was written: the history still ends today and holds no booked day ahead.
    assert lookahead.forecast().days == forecast.days


def test_a_copy_in_a_second_file_is_counted_once(lookahead, context, tmp_path):
    copy = write_calendar(
        tmp_path / "copy.ics", vevent("review", TOMORROW, "1300", "1500", "Design review")
    )
    context.calendar.import_file(str(copy), TODAY, TODAY + dt.timedelta(days=10))
    days = {d.date: d for d in lookahead.forecast().days}
    assert days[TOMORROW].meeting_minutes == 180
    assert days[TOMORROW].meeting_count == 2


def test_days_are_7_to_28(lookahead):
    assert len(lookahead.forecast(days=7).days) == 7
    assert len(lookahead.forecast(days=28).days) == 28
    with pytest.raises(ValueError, match="7-28"):
        lookahead.forecast(days=29)


# --- the kept plan and the reflections --------------------------------------------------------


def test_a_kept_plan_applies_to_later_forecasts_until_cleared(lookahead):
    review = series_id("review")
    lookahead.keep([PlanChoice(review, Choice.SHORTEN, 30)])
    days = {d.date: d for d in lookahead.forecast().days}
    assert days[TOMORROW].meeting_minutes == 60 + 30
    # A choice given now replaces the kept one for this forecast only.
    now = lookahead.forecast(plan=[PlanChoice(review, Choice.SKIP)])
    assert {d.date: d for d in now.days}[TOMORROW].meeting_minutes == 60
    assert lookahead.kept_plan() == [PlanChoice(review, Choice.SHORTEN, 30)]
    assert lookahead.clear_plan() == 1
    assert {d.date: d for d in lookahead.forecast().days}[TOMORROW].meeting_minutes == 180


def test_kept_choices_about_series_not_booked_are_left_aside(lookahead):
    lookahead.keep([PlanChoice("0000dead", Choice.SKIP)])
    assert len(lookahead.forecast().days) == 14  # no UnknownSeriesError
    assert lookahead.forget("0000dead") is True


def test_reflections_are_kept_with_the_week(lookahead):
    thursday = dt.date(2026, 10, 29)
    assert lookahead.reflect(thursday, "  A calm week.  ") == "A calm week."
    assert lookahead.reflection(dt.date(2026, 10, 26)) == "A calm week."
    from focusapp.services.lookahead import MAX_REFLECTION_CHARS, ReflectionInvalidError

    with pytest.raises(ReflectionInvalidError, match="reflection"):
        lookahead.reflect(thursday, "x" * (MAX_REFLECTION_CHARS + 1))
    assert lookahead.reflection(thursday) == "A calm week."  # nothing was written
    document = lookahead.export_document()
    assert document["reflections"] == [{"week_start": "2026-10-26", "text": "A calm week."}]
    assert lookahead.reflect(thursday, "") is None
    assert lookahead.reflection(thursday) is None


def test_review_sums_and_next_week_from_the_calendar(lookahead):
    review = lookahead.review(dt.date(2026, 10, 28))
    assert review.week_start == dt.date(2026, 10, 26)
    assert review.figures.days_logged == 5
    assert review.figures.coding_minutes == 5 * 240
    assert review.figures.energy_mean == 4
    # The week after (2 to 8 Nov) has the standup from Wednesday 4 Nov and the review.
    assert review.next_week_minutes == 3 * 60 + 120


def test_a_series_excluded_in_the_audit_is_left_out_ahead_too(lookahead, context):
    from focusapp.domain.exclusions import UserExclusion

    assert context.calendar.exclude(UserExclusion("review", series=True))
    forecast = lookahead.forecast()
    days = {d.date: d for d in forecast.days}
    assert days[TOMORROW].meeting_minutes == 60  # only the standup
    assert series_id("review") not in {s.id for s in forecast.series}
