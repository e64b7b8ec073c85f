from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from focusapp.domain.calendar import (
    CalendarDay,
    CalendarEvent,
    CalendarRules,
    Exclusion,
    events_on,
    summarise_days,
)
from focusapp.domain.days import day_bounds
from focusapp.domain.intervals import Interval, clip, total_minutes
from focusapp.formats.ics import occurrences
from focusapp.formats.ics import read as ics_read
from focusapp.formats.ics.read import read_calendar
from focusapp.formats.ics.report import CalendarFormatError, CalendarReadResult

DATA = Path(__file__).resolve().parents[2] / "data" / "ics"
BERLIN = ZoneInfo("Europe/Berlin")
UTC = ZoneInfo("UTC")
RULES = CalendarRules(zone=BERLIN, my_addresses=frozenset({"me@example.org", "me.alt@example.org"}))
WIDE = (dt.date(1990, 1, 1), dt.date(2030, 12, 31))

# Outcome of every real-world file over WIDE in Europe/Berlin: (counted, excluded, skipped),
# or None when the whole file is rejected. "Excluded" includes duplicates and the
# once-per-event outside_range entries.
REAL_WORLD: dict[str, tuple[int, int, int] | None] = {
    "icalendar__america_new_york_forward_reference.ics": (0, 0, 1),  # two DTSTARTs
    "icalendar__big_bad_calendar.ics": None,
    "icalendar__bom_calendar.ics": (0, 0, 0),
    "icalendar__broken_ical.ics": (0, 0, 1),  # DTSTART line unparseable
    "icalendar__issue_165_missing_event.ics": (0, 0, 1),  # bad RRULE
    "icalendar__issue_237_fail_to_parse_timezone_with_non_ascii_tzid.ics": (1, 0, 0),
    "icalendar__issue_466_convert_tzid_with_slash.ics": (428, 0, 0),
    "icalendar__issue_722_missing_timezones.ics": (2, 0, 2),  # two events without DTSTART
    "icalendar__multiple_timezones.ics": (0, 0, 3),  # RDATE;VALUE=TIME cannot be expanded
    "icalendar__property_params.ics": (0, 1, 0),
    "icalendar__small_bad_calendar.ics": None,
    "icalendar__timezone_same_start.ics": (1, 0, 0),
    "rie__Germany.ics": (0, 159, 0),
    "rie__benchmark_issue42.ics": (6111, 639, 0),
    "rie__daylight_saving_time.ics": (4013, 3, 0),
    "rie__discourse_no_dtend.ics": (3, 1, 0),
    "rie__duration.ics": (1, 2, 0),
    "rie__each_week_but_one_deleted.ics": (7, 0, 0),
    "rie__end_before_start_event.ics": (1, 0, 0),
    "rie__issue_107_omitting_last_event.ics": (23, 0, 0),
    "rie__issue_132_swapped_start_and_end.ics": (1, 0, 0),
    "rie__issue_148_ignored_exdate.ics": (0, 3, 0),
    "rie__issue_15_duplicated_events.ics": (3, 0, 0),
    "rie__issue_173_only_modifications_error.ics": (2156, 555, 0),
    "rie__issue_18_cancel_status.ics": (2, 1, 0),
    "rie__issue_201_mixed_datetime_and_date.ics": (0, 1, 0),
    "rie__issue_223_one_event_with_sequence.ics": (2, 0, 0),
    "rie__issue_223_thunderbird.ics": (5, 0, 0),
    "rie__issue_27_t1.ics": (2, 0, 0),
    "rie__issue_28_rrule_with_UTC_endinginZ.ics": (0, 24, 0),
    "rie__issue_48_dst.ics": (7438, 0, 0),
    "rie__issue_62_moved_event.ics": (0, 110, 0),
    "rie__issue_75_range_parameter.ics": (193, 0, 0),
    "rie__issue_86_x_wr_timezone_without_time_zone_in_dt.ics": (1, 0, 0),
    "rie__recurring_events_changed_duration.ics": (6, 1, 0),
    "rie__several_events_at_the_same_time.ics": (10, 0, 0),
    "rie__zero_size_event.ics": (0, 1, 0),
}


def read(
    name: str,
    first: dt.date = WIDE[0],
    last: dt.date = WIDE[1],
    rules: CalendarRules = RULES,
) -> CalendarReadResult:
    return read_calendar((DATA / name).read_bytes(), first_day=first, last_day=last, rules=rules)


def read_text(
    text: str, first: dt.date, last: dt.date | None = None, rules: CalendarRules = RULES
) -> CalendarReadResult:
    return read_calendar(text.encode(), first_day=first, last_day=last or first, rules=rules)


def counted(result: CalendarReadResult) -> list[CalendarEvent]:
    return [e for e in result.events if e.counted]


def reasons(result: CalendarReadResult) -> dict[str, Exclusion | None]:
    return {e.summary: e.reason for e in result.events}


def local(instant: dt.datetime, zone: ZoneInfo = BERLIN) -> str:
    return instant.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def calendar(*events: str, head: str = "") -> str:
    body = "".join(f"BEGIN:VEVENT\r\n{e.strip()}\r\nEND:VEVENT\r\n" for e in events)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{head}{body}END:VCALENDAR\r\n"


# -- every real-world file ----------------------------------------------------------------


def test_every_real_world_file_is_in_the_table() -> None:
    names = sorted(p.name for p in DATA.glob("*.ics") if not p.name.startswith("focusapp__"))
    assert names == sorted(REAL_WORLD)
    assert len(names) == 37


@pytest.mark.parametrize("name", sorted(REAL_WORLD))
def test_real_world_file(name: str) -> None:
    expected = REAL_WORLD[name]
    if expected is None:
        with pytest.raises(CalendarFormatError, match="incomplete"):
            read(name)
        return
    result = read(name)
    excluded = [e for e in result.events if not e.counted]
    assert (len(counted(result)), len(excluded), len(result.skipped)) == expected
    for event in result.events:
        assert event.start.utcoffset() == dt.timedelta(0)
        assert event.start <= event.end
        assert event.counted == (event.reason is None)
        if event.counted:
            assert not event.all_day
            assert event.end > event.start
    for skipped in result.skipped:
        assert skipped.problem
    # The per-day numbers add up to the union of the counted meetings inside the range.
    meetings = [Interval(e.start, e.end) for e in counted(result)]
    if meetings:
        first = min(e.start for e in counted(result)).astimezone(BERLIN).date() - dt.timedelta(1)
        last = max(e.end for e in counted(result)).astimezone(BERLIN).date()
        first, last = max(first, WIDE[0]), min(last, WIDE[1])
        days = summarise_days(result.events, RULES, first, last)
        window = Interval(day_bounds(first, BERLIN)[0], day_bounds(last, BERLIN)[1])
        assert sum(d.meeting_minutes for d in days.values()) == pytest.approx(
            total_minutes(clip(meetings, window)), abs=len(days)
        )


# -- specific real-world expectations -----------------------------------------------------


def test_events_at_the_same_time_count_as_their_union() -> None:
    result = read("rie__several_events_at_the_same_time.ics")
    day = dt.date(2019, 3, 4)
    summary = summarise_days(result.events, RULES, day, day)[day]
    assert (summary.meeting_minutes, summary.meeting_count) == (30, 10)
    assert summary.double_booked_minutes == 30
    assert summary.back_to_back_count == 0


def test_cancelled_occurrence_is_dropped_but_listed() -> None:
    result = read("rie__issue_18_cancel_status.ics")
    days = summarise_days(result.events, RULES, dt.date(2020, 1, 28), dt.date(2020, 1, 30))
    assert [d.meeting_minutes for d in days.values()] == [60, 0, 60]
    (cancelled,) = [e for e in result.events if e.reason is Exclusion.CANCELLED]
    assert local(cancelled.start) == "2020-01-29 22:00"
    assert cancelled.recurrence_id == "20200129T210000Z"
    assert events_on(result.events, dt.date(2020, 1, 29), RULES) == [cancelled]


def test_weekly_series_with_one_deleted_occurrence() -> None:
    result = read("rie__each_week_but_one_deleted.ics")
    starts = [local(e.start) for e in counted(result)]
    assert len(starts) == 7
    assert "2019-03-11 00:30" not in starts
    assert starts[:2] == ["2019-03-04 00:30", "2019-03-18 00:30"]
    # 00:30 is before the 04:00 day start, so each meeting belongs to the Sunday before.
    days = summarise_days(result.events, RULES, dt.date(2019, 3, 3), dt.date(2019, 3, 11))
    assert days[dt.date(2019, 3, 3)].meeting_minutes == 30
    assert days[dt.date(2019, 3, 3)].after_hours_minutes == 30
    assert days[dt.date(2019, 3, 4)].meeting_minutes == 0
    assert days[dt.date(2019, 3, 10)].meeting_minutes == 0


def test_range_thisandfuture_moves_the_rest_of_the_series() -> None:
    rules = CalendarRules(zone=UTC)
    result = read(
        "rie__issue_75_range_parameter.ics", dt.date(2024, 9, 1), dt.date(2025, 9, 30), rules
    )
    assert len(counted(result)) == 193
    found = {e.start.strftime("%m-%d %H:%M"): e for e in result.events}
    expected = {
        # start: (end, recurrence id, summary)
        "09-11 12:00": ("14:00", "20240911T120000Z", "ORIGINAL EVENT"),
        "09-13 09:00": ("16:00", "20240913T120000Z", "MODIFIED EVENT"),  # the THISANDFUTURE edit
        "09-14 06:00": ("13:00", "20240914T090000Z", "MODIFIED EVENT"),  # RDATE, moved -3 h
        "09-15 17:00": ("19:00", "20240915T120000Z", "MODIFIED EVENT"),  # single override
        "09-17 09:00": ("16:00", "20240917T120000Z", "MODIFIED EVENT"),  # follows the edit
        "09-22 14:22": ("16:13", "20240921T120000Z", "EDITED EVENT"),  # second THISANDFUTURE
        "09-24 14:22": ("16:13", "20240923T120000Z", "EDITED EVENT"),
    }
    for start, (end, recurrence_id, summary) in expected.items():
        event = found[start]
        assert (event.end.strftime("%H:%M"), event.recurrence_id, event.summary) == (
            end,
            recurrence_id,
            summary,
        )
    assert "09-15 12:00" not in found


def test_floating_times_use_x_wr_timezone() -> None:
    result = read("rie__issue_86_x_wr_timezone_without_time_zone_in_dt.ics")
    (event,) = result.events
    assert (event.start, event.end) == (
        dt.datetime(2021, 9, 16, 19, 0, tzinfo=dt.UTC),
        dt.datetime(2021, 9, 16, 20, 45, tzinfo=dt.UTC),
    )
    assert result.warnings == []


def test_germany_holidays_are_no_meetings() -> None:
    result = read("rie__Germany.ics")
    assert len(result.events) == 159
    assert {e.reason for e in result.events} == {Exclusion.ALL_DAY}
    days = summarise_days(result.events, RULES, dt.date(2005, 1, 1), dt.date(2012, 12, 31))
    assert sum(d.meeting_minutes + d.meeting_count for d in days.values()) == 0
    new_year = [
        e for e in result.events if e.start.astimezone(BERLIN).date() == dt.date(2010, 1, 1)
    ]
    assert events_on(new_year, dt.date(2010, 1, 1), RULES) == new_year


def test_missing_vtimezones_are_warned_about_and_known_zones_used() -> None:
    result = read("icalendar__issue_722_missing_timezones.ics")
    warnings = "\n".join(result.warnings)
    for tzid in ("America/New_York", "America/Los_Angeles", "Europe/Berlin"):
        assert f"'{tzid}'" in warnings
    assert "no VTIMEZONE" in warnings
    spans = sorted((e.start, e.end) for e in counted(result))
    assert spans == [
        (dt.datetime(2014, 8, 29, 12, tzinfo=dt.UTC), dt.datetime(2014, 8, 29, 15, tzinfo=dt.UTC)),
        (dt.datetime(2024, 9, 13, 10, tzinfo=dt.UTC), dt.datetime(2024, 9, 13, 12, tzinfo=dt.UTC)),
    ]
    assert [s.problem for s in result.skipped] == ["it has no start time (DTSTART)"] * 2


@pytest.mark.parametrize(
    "name", ["icalendar__big_bad_calendar.ics", "icalendar__small_bad_calendar.ics"]
)
def test_bad_calendars_are_rejected_with_a_clear_message(name: str) -> None:
    with pytest.raises(CalendarFormatError) as caught:
        read(name)
    assert isinstance(caught.value, ValueError)
    assert str(caught.value) == (
        "The calendar file is incomplete: BEGIN:VCALENDAR has no matching END:VCALENDAR "
        "(the file may have been cut short). Nothing was imported."
    )


def test_events_without_uid_are_not_merged_unless_identical() -> None:
    result = read("rie__issue_15_duplicated_events.ics")
    uids = {e.uid for e in result.events}
    assert len(uids) == 3
    assert all(uid.startswith("no-uid-") for uid in uids)
    day = dt.date(2013, 8, 3)
    summary = summarise_days(result.events, RULES, day, day)[day]
    assert (summary.meeting_minutes, summary.meeting_count, summary.double_booked_minutes) == (
        180,
        3,
        120,
    )
    # The stand-in UID is stable, so a re-import matches the same events.
    assert {e.uid for e in read("rie__issue_15_duplicated_events.ics").events} == uids


def test_identical_copies_without_uid_are_duplicates() -> None:
    event = "DTSTART:20240506T070000Z\r\nDTEND:20240506T080000Z\r\nSUMMARY:Copy"
    result = read_text(calendar(event, event), dt.date(2024, 5, 6))
    assert sorted(str(e.reason) for e in result.events) == ["None", "duplicate"]


def test_duplicate_series_keeps_the_highest_sequence() -> None:
    result = read("rie__issue_148_ignored_exdate.ics")
    found = sorted((e.reason, e.summary, e.start.astimezone(BERLIN).date()) for e in result.events)
    assert found == [
        (Exclusion.ALL_DAY, "test123 - edited", dt.date(2024, 7, 1)),
        (Exclusion.ALL_DAY, "test123 - edited", dt.date(2024, 7, 29)),  # 07-15 is an EXDATE
        (Exclusion.DUPLICATE, "test123", dt.date(2024, 7, 1)),
    ]


def test_zero_length_and_duration_events() -> None:
    result = read("rie__duration.ics")
    found = {e.summary: e for e in result.events}
    assert found["Short event"].reason is Exclusion.FREE
    assert found["Short event"].start == found["Short event"].end
    assert found["Duration Event 1"].reason is Exclusion.ALL_DAY
    # Floating 10:00 with DURATION:PT3H, read on the user's clock.
    assert (local(found["Duration Event 2"].start), local(found["Duration Event 2"].end)) == (
        "2018-01-15 10:00",
        "2018-01-15 13:00",
    )
    zero = read("rie__zero_size_event.ics").events
    assert [(e.reason, e.duration) for e in zero] == [(Exclusion.FREE, dt.timedelta(0))]


def test_end_before_start_is_swapped_with_a_warning() -> None:
    result = read("rie__end_before_start_event.ics")
    (event,) = result.events
    assert (local(event.start), local(event.end), event.counted) == (
        "2019-03-04 08:00",
        "2019-03-04 08:30",
        True,
    )
    assert result.warnings == [
        "Event 'test1' (UYDQSG9TH4DE0WM3QFL2J) ends before it starts; "
        "it was read with start and end swapped."
    ]


def test_unreadable_events_are_listed_with_uid_and_summary() -> None:
    (skipped,) = read("icalendar__issue_165_missing_event.ics").skipped
    assert (skipped.uid, skipped.summary) == ("", "Sprint 25 Daily Standup")
    assert skipped.problem.startswith("its RRULE could not be read")
    (twice,) = read("icalendar__america_new_york_forward_reference.ics").skipped
    assert (twice.uid, twice.problem) == ("noend123", "it has more than one DTSTART")
    broken = read("icalendar__multiple_timezones.ics").skipped
    assert [s.uid for s in broken] == [
        "test-vtime-named-timezone",
        "test-vtime-utc",
        "test-vtime-floating",
    ]
    assert all(s.problem.startswith("its repetition could not be worked out") for s in broken)


def test_moved_transparent_occurrence() -> None:
    result = read("rie__issue_62_moved_event.ics", dt.date(2021, 12, 1), dt.date(2021, 12, 31))
    found = sorted((local(e.start), e.recurrence_id, e.reason) for e in result.events)
    assert found == [
        ("2021-11-26 21:30", None, Exclusion.OUTSIDE_RANGE),  # the series' own start, listed once
        ("2021-12-17 21:30", "20211231T203000Z", Exclusion.FREE),  # moved from 12-31
    ]


def test_empty_calendar_warns() -> None:
    result = read("icalendar__bom_calendar.ics")
    assert (result.events, result.skipped, result.warnings) == (
        [],
        [],
        ["The calendar has no events."],
    )


def test_google_export_without_usable_master_imports_whole() -> None:
    result = read(
        "rie__issue_173_only_modifications_error.ics", dt.date(2024, 1, 1), dt.date(2024, 12, 31)
    )
    assert result.skipped == []
    assert counted(result)


# -- FocusApp fixtures --------------------------------------------------------------------


def test_declined_invitations() -> None:
    day = dt.date(2024, 5, 6)
    result = read("focusapp__declined_invitations.ics", day, dt.date(2024, 5, 8))
    singles = {e.summary: e.reason for e in result.events if e.summary != "Team standup"}
    assert singles == {
        "Design review": Exclusion.DECLINED,  # ME@Example.org, mailto:
        "Roadmap sync": None,  # someone else declined
        "Vendor call": Exclusion.DECLINED,  # my other address, no mailto:, lower-case partstat
        "1:1 with Sam": None,  # tentative
        "Write report": None,
        "Solo prep": None,
    }
    standups = [(e.recurrence_id, e.reason) for e in result.events if e.summary == "Team standup"]
    assert standups == [
        ("20240506T073000Z", Exclusion.DECLINED),  # declined in its override
        ("20240507T073000Z", None),
        ("20240508T073000Z", None),
    ]
    summary = summarise_days(result.events, RULES, day, day)[day]
    assert (summary.meeting_minutes, summary.meeting_count, summary.back_to_back_count) == (
        180,
        4,
        1,
    )
    assert summary.longest_free_block_minutes == 120


def test_only_events_with_attendees() -> None:
    rules = CalendarRules(
        zone=BERLIN, my_addresses=frozenset({"me@example.org"}), only_with_attendees=True
    )
    result = read(
        "focusapp__declined_invitations.ics", dt.date(2024, 5, 6), dt.date(2024, 5, 6), rules
    )
    assert {s for s, r in reasons(result).items() if r is Exclusion.NO_ATTENDEES} == {
        "Write report",
        "Solo prep",
    }


def test_overlaps_within_a_day() -> None:
    day = dt.date(2024, 5, 7)
    result = read("focusapp__overlaps_same_day.ics", day, day)
    assert summarise_days(result.events, RULES, day, day)[day] == CalendarDay(
        date=day,
        meeting_minutes=270,
        meeting_count=6,
        back_to_back_count=0,
        longest_free_block_minutes=180,
        after_hours_minutes=90,
        double_booked_minutes=105,
    )


def test_back_to_back_chain_and_day_boundary() -> None:
    result = read("focusapp__back_to_back_chain.ics", dt.date(2024, 5, 8), dt.date(2024, 5, 9))
    days = summarise_days(result.events, RULES, dt.date(2024, 5, 8), dt.date(2024, 5, 9))
    first, second = days.values()
    assert (first.meeting_minutes, first.meeting_count, first.back_to_back_count) == (229, 6, 3)
    assert (first.after_hours_minutes, first.longest_free_block_minutes) == (30, 270)
    assert (second.meeting_minutes, second.meeting_count, second.after_hours_minutes) == (30, 1, 30)
    assert second.longest_free_block_minutes == 480
    night = [e.summary for e in events_on(result.events, dt.date(2024, 5, 9), RULES)]
    assert night == ["Late incident call"]


def test_weekly_meeting_across_dst_keeps_its_wall_clock_time() -> None:
    result = read("focusapp__weekly_across_dst.ics", dt.date(2024, 3, 1), dt.date(2024, 4, 30))
    found = [(local(e.start), e.start.strftime("%H:%M"), e.recurrence_id) for e in result.events]
    assert found == [
        ("2024-03-12 10:00", "09:00", "20240312T090000Z"),
        ("2024-03-26 10:00", "09:00", "20240326T090000Z"),
        ("2024-04-02 10:00", "08:00", "20240402T080000Z"),  # after the change: 08:00 UTC
        ("2024-04-10 15:00", "13:00", "20240409T080000Z"),  # moved occurrence
        ("2024-04-16 10:00", "08:00", "20240416T080000Z"),
    ]
    days = summarise_days(result.events, RULES, dt.date(2024, 3, 1), dt.date(2024, 4, 30))
    assert sum(d.meeting_minutes for d in days.values()) == 150
    assert days[dt.date(2024, 3, 19)].meeting_minutes == 0  # EXDATE
    assert days[dt.date(2024, 4, 9)].meeting_minutes == 0  # moved away


def test_windows_time_zone_names() -> None:
    result = read("focusapp__windows_tzid.ics", dt.date(2024, 5, 6), dt.date(2024, 5, 6))
    found = {e.summary: e.start for e in result.events}
    assert found == {
        "Exchange meeting": dt.datetime(2024, 5, 6, 7, tzinfo=dt.UTC),
        "New York call": dt.datetime(2024, 5, 6, 13, tzinfo=dt.UTC),
    }
    assert result.warnings == [
        "Time zone 'Eastern Standard Time' is used but not defined in the file (no VTIMEZONE); "
        "it was read as America/New_York."
    ]


def test_floating_times_with_and_without_x_wr_timezone() -> None:
    text = (DATA / "focusapp__floating_x_wr_timezone.ics").read_text()
    day = dt.date(2024, 5, 6)
    with_zone = {e.summary: e.start for e in read_text(text, day).events}
    assert with_zone == {
        "Floating morning meeting": dt.datetime(2024, 5, 6, 13, tzinfo=dt.UTC),  # 09:00 New York
        "UTC meeting": dt.datetime(2024, 5, 6, 15, tzinfo=dt.UTC),
    }
    without = read_text(text.replace("X-WR-TIMEZONE:America/New_York\n", ""), day)
    floating = {e.summary: e.start for e in without.events}["Floating morning meeting"]
    assert local(floating) == "2024-05-06 09:00"  # the user's own clock


def test_unknown_tzid_falls_back_to_the_users_zone() -> None:
    day = dt.date(2024, 5, 6)
    for zone, utc_hour in ((BERLIN, 7), (ZoneInfo("America/New_York"), 13)):
        result = read("focusapp__tzid_missing_vtimezone.ics", day, day, CalendarRules(zone=zone))
        assert [e.start.hour for e in result.events] == [utc_hour]
        assert result.warnings == [
            "Time zone 'Mars Standard Time' is used but not defined in the file and is not a known "
            f"zone; its times were read in your time zone ({zone.key})."
        ]


def test_things_that_are_not_meetings() -> None:
    day = dt.date(2024, 5, 10)
    result = read("focusapp__not_meetings.ics", day, day)
    assert reasons(result) == {
        "Focus time": Exclusion.NOT_MEETING,
        "Lunch": Exclusion.NOT_MEETING,
        "OOO - dentist": Exclusion.NOT_MEETING,
        "Refocus roadmap": None,
        "Company offsite": Exclusion.ALL_DAY,
        "Optional webinar": Exclusion.FREE,
        "Office hours": Exclusion.FREE,
        "Cancelled sync": Exclusion.CANCELLED,
        "Budget review (old time)": Exclusion.DUPLICATE,
        "Budget review": None,
        "Reminder: submit timesheet": Exclusion.FREE,  # zero length
        "Old meeting": Exclusion.OUTSIDE_RANGE,
    }
    assert [(s.uid, s.summary) for s in result.skipped] == [
        ("nm-broken@focusapp.test", "Mystery meeting")
    ]
    summary = summarise_days(result.events, RULES, day, day)[day]
    assert (summary.meeting_minutes, summary.meeting_count) == (90, 2)
    audit = events_on(result.events, day, RULES)
    assert len(audit) == 11  # everything but the old meeting
    assert audit == sorted(audit, key=lambda e: e.start)


# -- file-level behaviour and bad input ---------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"\xef\xbb\xbf \r\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        (b"Subject,Start Date\nLunch,2024-05-06\n", "should start with BEGIN:VCALENDAR"),
        (
            b"BEGIN:VEVENT\r\nDTSTART:20240506T090000Z\r\nEND:VEVENT\r\n",
            "should start with BEGIN:VCALENDAR",
        ),
        (b"BEGIN:VCALENDAR\r\nCALSCALE:CHINESE\r\nEND:VCALENDAR\r\n", "only Gregorian"),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n",
            "BEGIN:VEVENT has no matching END:VEVENT",
        ),
        (b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nEND:VEVENT\r\n", "could not be read"),
    ],
)
def test_files_that_are_not_calendars_are_rejected(data: bytes, message: str) -> None:
    with pytest.raises(CalendarFormatError, match=message):
        read_calendar(
            data, first_day=dt.date(2024, 5, 6), last_day=dt.date(2024, 5, 6), rules=RULES
        )


def test_oversized_files_are_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ics_read, "MAX_ICS_BYTES", 10)
    with pytest.raises(CalendarFormatError, match="larger than"):
        read("rie__zero_size_event.ics")


def test_unexpected_failures_become_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(self: object, groups: object, event_count: int) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(occurrences.OccurrenceReader, "expand", explode)
    with pytest.raises(CalendarFormatError, match=r"could not be read \(boom\)"):
        read("rie__zero_size_event.ics")


def test_range_must_not_be_backwards() -> None:
    with pytest.raises(ValueError, match="before the first day"):
        read("rie__zero_size_event.ics", dt.date(2024, 5, 6), dt.date(2024, 5, 5))


def test_windows_1252_and_utf16_files() -> None:
    text = calendar("UID:a\r\nDTSTART:20240506T070000Z\r\nDTEND:20240506T080000Z\r\nSUMMARY:Café")
    day = dt.date(2024, 5, 6)
    legacy = read_calendar(text.encode("cp1252"), first_day=day, last_day=day, rules=RULES)
    assert [e.summary for e in legacy.events] == ["Café"]
    assert legacy.warnings == ["The file is not UTF-8; it was read as Windows-1252 text."]
    wide = read_calendar(text.encode("utf-16"), first_day=day, last_day=day, rules=RULES)
    assert [e.summary for e in wide.events] == ["Café"]


def test_one_bad_override_does_not_sink_its_series(monkeypatch: pytest.MonkeyPatch) -> None:
    # recurring-ical-events fails on the whole UID; the reader retries the parts on their own.
    real_between = occurrences._between

    def fragile(kit: object, components: list[Any], start: dt.datetime, end: dt.datetime) -> Any:
        if any(str(c.get("SUMMARY")) == "Bad override" for c in components):
            raise ValueError("cannot expand this")
        return real_between(kit, components, start, end)  # type: ignore[arg-type]

    monkeypatch.setattr(occurrences, "_between", fragile)
    master = (
        "UID:s\r\nSUMMARY:Series\r\nDTSTART:20240506T070000Z\r\nDTEND:20240506T080000Z\r\n"
        "RRULE:FREQ=DAILY;COUNT=3"
    )
    bad = (
        "UID:s\r\nSUMMARY:Bad override\r\nRECURRENCE-ID:20240507T070000Z\r\n"
        "DTSTART:20240507T090000Z"
    )
    other = "UID:t\r\nSUMMARY:Other\r\nDTSTART:20240506T100000Z\r\nDTEND:20240506T110000Z"
    result = read_text(calendar(master, bad, other), dt.date(2024, 5, 6), dt.date(2024, 5, 8))
    assert [(s.uid, s.summary, s.problem) for s in result.skipped] == [
        ("s", "Bad override", "its repetition could not be worked out (cannot expand this)")
    ]
    assert [(e.summary, e.start.day) for e in counted(result)] == [
        ("Series", 6),
        ("Other", 6),
        ("Series", 7),
        ("Series", 8),
    ]


def test_unreadable_sequence_is_treated_as_zero() -> None:
    master = (
        "UID:s\r\nSUMMARY:Series\r\nDTSTART:20240506T070000Z\r\nDTEND:20240506T080000Z\r\n"
        "RRULE:FREQ=DAILY;COUNT=2\r\nSEQUENCE:first"
    )
    moved = (
        "UID:s\r\nSUMMARY:Moved\r\nRECURRENCE-ID:20240507T070000Z\r\nDTSTART:20240507T090000Z\r\n"
        "DTEND:20240507T100000Z\r\nSEQUENCE:1"
    )
    result = read_text(calendar(master, moved), dt.date(2024, 5, 6), dt.date(2024, 5, 7))
    assert result.skipped == []
    assert [(e.summary, e.start.hour, e.sequence) for e in result.events] == [
        ("Series", 7, 0),
        ("Moved", 9, 1),
    ]
    assert result.warnings == ["Event 'Series' (s) has an unreadable SEQUENCE; it was read as 0."]


def test_a_cancellation_message_cancels_its_events() -> None:
    event = "UID:a\r\nSUMMARY:Sync\r\nDTSTART:20240506T070000Z\r\nDTEND:20240506T080000Z"
    result = read_text(calendar(event, head="METHOD:CANCEL\r\n"), dt.date(2024, 5, 6))
    assert [e.reason for e in result.events] == [Exclusion.CANCELLED]


def test_several_calendars_in_one_file_and_the_source_label() -> None:
    one = calendar("UID:a\r\nSUMMARY:A\r\nDTSTART:20240506T070000Z\r\nDTEND:20240506T080000Z")
    two = calendar("UID:b\r\nSUMMARY:B\r\nDTSTART:20240506T090000Z\r\nDTEND:20240506T100000Z")
    day = dt.date(2024, 5, 6)
    result = read_calendar(
        (one + two).encode(), first_day=day, last_day=day, rules=RULES, source="work.ics"
    )
    assert [(e.summary, e.source) for e in result.events] == [("A", "work.ics"), ("B", "work.ics")]


def test_microsoft_busy_status_and_transparency() -> None:
    times = "DTSTART:20240506T070000Z\r\nDTEND:20240506T080000Z"
    free = f"UID:a\r\nSUMMARY:A\r\n{times}\r\nX-MICROSOFT-CDO-BUSYSTATUS:FREE"
    tentative = f"UID:b\r\nSUMMARY:B\r\n{times}\r\nX-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE"
    opaque = (
        "UID:c\r\nSUMMARY:C\r\nDTSTART:20240506T110000Z\r\nDTEND:20240506T120000Z\r\nTRANSP:OPAQUE"
    )
    result = read_text(calendar(free, tentative, opaque), dt.date(2024, 5, 6))
    assert reasons(result) == {"A": Exclusion.FREE, "B": None, "C": None}


def test_parsing_libraries_load_only_when_a_file_is_read() -> None:
    code = (
        "import sys, focusapp.formats.ics.read, focusapp.domain.calendar;"
        "heavy = {'icalendar', 'recurring_ical_events', 'x_wr_timezone'} & set(sys.modules);"
        "print(sorted(heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# -- robustness ---------------------------------------------------------------------------

FUZZ_SOURCES = [
    "rie__issue_18_cancel_status.ics",
    "rie__issue_75_range_parameter.ics",
    "focusapp__declined_invitations.ics",
    "icalendar__issue_722_missing_timezones.ics",
]


@given(
    st.sampled_from(FUZZ_SOURCES),
    st.lists(
        st.tuples(st.sampled_from(["drop", "repeat", "cut", "garble"]), st.integers(0, 10_000)),
        min_size=1,
        max_size=4,
    ),
)
@settings(max_examples=80, deadline=None)
def test_damaged_files_never_raise_anything_but_a_format_error(
    name: str, damage: list[tuple[str, int]]
) -> None:
    lines = (DATA / name).read_text().splitlines()
    for kind, where in damage:
        index = where % len(lines)
        if kind == "drop":
            del lines[index]
        elif kind == "repeat":
            lines.insert(index, lines[index])
        elif kind == "cut":
            lines[index] = lines[index][: where % (len(lines[index]) + 1)]
        else:
            lines[index] = lines[index][::-1]
        if not lines:
            lines = [""]
    data = "\r\n".join(lines).encode()
    try:
        result = read_calendar(
            data, first_day=dt.date(2014, 1, 1), last_day=dt.date(2025, 12, 31), rules=RULES
        )
    except CalendarFormatError as error:
        message = str(error)
    else:
        message = ""
    if message:
        assert message.endswith(".")  # a sentence for people, nothing else escaped
        return
    for event in result.events:
        assert event.start <= event.end
    summarise_days(result.events, RULES, dt.date(2024, 9, 1), dt.date(2024, 9, 30))


def test_extreme_ranges_give_a_message_not_a_traceback() -> None:
    with pytest.raises(CalendarFormatError, match="could not be read"):
        read("rie__zero_size_event.ics", dt.date(2024, 1, 1), dt.date.max)
