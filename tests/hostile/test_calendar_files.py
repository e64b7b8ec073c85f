"""Hostile calendars: endless repeats, faulty non-event parts, SEQUENCE ties.

Issue 15 item 6 and issue 16 item 4. The endless-repeat cases run in a subprocess under a
generous hang guard and report their peak memory, so a regression fails instead of hanging
the suite or exhausting the machine.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from focusapp.domain.calendar import CalendarRules, summarise_days
from focusapp.formats.ics import expand as ics_expand
from focusapp.formats.ics.expand import MAX_OCCURRENCES_PER_EVENT, _WindowedRule
from focusapp.formats.ics.read import read_calendar
from focusapp.formats.ics.report import CalendarFormatError, CalendarReadResult

DATA = Path(__file__).resolve().parents[1] / "data" / "ics"
BERLIN = ZoneInfo("Europe/Berlin")
RULES = CalendarRules(zone=BERLIN)
#: Only there to turn a hang into a failure; the reads below take a few seconds.
HANG_GUARD_SECONDS = 60
#: Peak memory of the reading process; unbounded expansion grew ~20 MB/s into gigabytes.
MAX_RSS_MB = 400


def calendar(*events: str, head: str = "") -> str:
    body = "".join(f"BEGIN:VEVENT\r\n{e.strip()}\r\nEND:VEVENT\r\n" for e in events)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{head}{body}END:VCALENDAR\r\n"


def read_text(text: str, first: dt.date, last: dt.date) -> CalendarReadResult:
    return read_calendar(text.encode(), first_day=first, last_day=last, rules=RULES)


def minutes_by_day(result: CalendarReadResult, first: dt.date, last: dt.date) -> dict[str, int]:
    days = summarise_days(result.events, RULES, first, last)
    return {str(day): d.meeting_minutes for day, d in days.items() if d.meeting_minutes}


MEETING = "UID:meeting@t\r\nSUMMARY:Planning\r\nDTSTART:20240506T080000Z\r\nDTEND:20240506T090000Z"


def endless(uid: str, rule: str, start: str = "20150101T000000Z") -> str:
    return f"UID:{uid}\r\nSUMMARY:Ping {uid}\r\nDTSTART:{start}\r\nDURATION:PT1S\r\nRRULE:{rule}"


_READER = """
import datetime as dt, json, sys
from pathlib import Path
from zoneinfo import ZoneInfo
from focusapp.domain.calendar import CalendarRules
from focusapp.formats.ics.read import read_calendar
first, last = (dt.date.fromisoformat(d) for d in sys.argv[1:3])
result = read_calendar(sys.stdin.buffer.read(), first_day=first, last_day=last,
                       rules=CalendarRules(zone=ZoneInfo("Europe/Berlin")))
print(json.dumps({
    "counted": sorted({e.uid for e in result.events if e.counted}),
    "events": len(result.events),
    "warnings": result.warnings,
    # VmHWM is this program's own peak; ru_maxrss would carry over the parent's from exec.
    "rss_mb": int(next(line.split()[1] for line in Path("/proc/self/status").read_text()
                       .splitlines() if line.startswith("VmHWM:"))) // 1024,
}))
"""


def read_guarded(text: str, first: str, last: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _READER, first, last],
        input=text.encode(),
        capture_output=True,
        timeout=HANG_GUARD_SECONDS,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    assert isinstance(result["rss_mb"], int) and result["rss_mb"] < MAX_RSS_MB
    return result


# --- endless repeats (issue 15 item 6) ------------------------------------------------------------


def test_endless_repeats_finish_with_a_warning_and_the_rest_imports() -> None:
    text = calendar(
        endless("secondly", "FREQ=SECONDLY"),
        endless("billion", "FREQ=SECONDLY;COUNT=1000000000"),
        endless("daily", "FREQ=DAILY;COUNT=1000000000", start="19700101T090000Z"),
        MEETING,
    )
    result = read_guarded(text, "2024-01-01", "2025-01-31")
    assert "meeting@t" in result["counted"]  # type: ignore[operator]
    assert "daily" in result["counted"]  # type: ignore[operator]
    capped = [w for w in result["warnings"] if "repeats more than" in w]  # type: ignore[attr-defined]
    assert len(capped) == 2
    assert any("'Ping secondly' (secondly)" in w for w in capped)
    assert any("'Ping billion' (billion)" in w for w in capped)
    assert all(f"{MAX_OCCURRENCES_PER_EVENT:,}" in w for w in capped)


def test_minutely_and_hourly_over_fifty_years_are_capped() -> None:
    text = calendar(
        endless("minutely", "FREQ=MINUTELY", start="19900101T000000Z"),
        endless("hourly", "FREQ=HOURLY;UNTIL=20391231T000000Z", start="19900101T000000Z"),
        MEETING,
    )
    result = read_guarded(text, "1990-01-01", "2039-12-01")
    assert result["counted"] == ["hourly", "meeting@t", "minutely"]
    warnings = result["warnings"]
    assert isinstance(warnings, list)
    assert sum("repeats more than" in w for w in warnings) == 2
    # The two capped series plus the meeting: never more than the cap per event.
    assert result["events"] <= 2 * MAX_OCCURRENCES_PER_EVENT + 1  # type: ignore[operator]


def test_a_dense_rule_that_cannot_be_moved_is_cut_short_with_a_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A COUNT together with BY* parts is never moved forward; the candidate budget stops it.
    monkeypatch.setattr(ics_expand, "MAX_CANDIDATES", 2_000)
    dense = endless("dense", "FREQ=MINUTELY;COUNT=100000000;BYSECOND=0,30")
    result = read_text(calendar(dense, MEETING), dt.date(2024, 5, 6), dt.date(2024, 5, 6))
    assert [e.uid for e in result.events if e.counted] == ["meeting@t"]
    assert result.warnings == [
        "Event 'Ping dense' (dense) repeats too densely to work out in full; only part of it "
        "was read."
    ]


FREQS = {"SECONDLY": 1, "MINUTELY": 60, "HOURLY": 3_600, "DAILY": 86_400, "WEEKLY": 604_800}
BY_PARTS = {
    "SECONDLY": ["", ";BYSECOND=0,15,30", ";BYDAY=MO,TU"],
    "MINUTELY": ["", ";BYSECOND=0,30", ";BYHOUR=9,10,11"],
    "HOURLY": ["", ";BYMINUTE=0,30", ";BYHOUR=9,10,11"],
    "DAILY": ["", ";BYHOUR=9,15", ";BYDAY=MO,WE,FR"],
    "WEEKLY": ["", ";BYDAY=MO,TH", ";BYDAY=TU;BYHOUR=8,17"],
}


@settings(max_examples=150, deadline=None)
@given(
    freq=st.sampled_from(sorted(FREQS)),
    interval=st.integers(1, 5),
    by=st.integers(0, 2),
    count=st.one_of(st.none(), st.integers(1, 3_000)),
    periods_before=st.integers(0, 2_500),
    offset=st.integers(0, 10_000),
    length=st.integers(1, 40),
    zone=st.sampled_from(["UTC", "Europe/Berlin", "America/New_York", None]),
)
def test_windowed_rules_yield_exactly_what_dateutil_does(
    freq: str,
    interval: int,
    by: int,
    count: int | None,
    periods_before: int,
    offset: int,
    length: int,
    zone: str | None,
) -> None:
    """Moving DTSTART forward never changes which times fall in the window."""
    period = dt.timedelta(seconds=FREQS[freq] * interval)
    tz = ZoneInfo(zone) if zone else None
    start = dt.datetime(2020, 3, 1, 9, 7, 30, tzinfo=tz)
    after = start + periods_before * period + dt.timedelta(seconds=offset)
    before = after + length * period
    text = f"FREQ={freq};INTERVAL={interval}{BY_PARTS[freq][by]}"
    if count is not None:
        text += f";COUNT={count}"
    rule = rrulestr(text, dtstart=start, cache=True)
    rule.string = text
    expected = rule.between(after, before, inc=True)
    assert list(_WindowedRule(rule).between(after, before, inc=True)) == expected


# --- faulty parts that are not events (issue 16 item 4) -------------------------------------------


@pytest.mark.parametrize(
    ("name", "day", "minutes", "warning"),
    [
        (
            "focusapp__sunbird_vtodo_bad_date.ics",
            dt.date(2007, 2, 5),
            {"2007-02-05": 60, "2007-02-06": 90},
            "Line 31: a VTODO was left out: its DUE on line 39 could not be read "
            "(Wrong datetime format: 20070230T120000).",
        ),
        (
            "focusapp__icloud_1893_vtimezone_offset.ics",
            dt.date(2024, 3, 1),
            {
                "2024-03-04": 45,
                "2024-03-11": 45,
                "2024-03-18": 45,
                "2024-03-25": 45,
                "2024-04-02": 60,
            },
            "Line 8: a STANDARD was left out: its TZOFFSETFROM on line 12 could not be read "
            "(Offset must be less than 24 hours, was +5328).",
        ),
        (
            "focusapp__railway_ticket_negative_alarm.ics",
            dt.date(2024, 5, 13),
            {"2024-05-14": 206, "2024-05-16": 200},
            "Line 12: a VALARM was left out: its TRIGGER on line 15 could not be read "
            "(Invalid iCalendar duration: -PT-30M).",
        ),
    ],
)
def test_refused_real_exports_now_import_their_meetings(
    name: str, day: dt.date, minutes: dict[str, int], warning: str
) -> None:
    last = day + dt.timedelta(days=40)
    result = read_calendar((DATA / name).read_bytes(), first_day=day, last_day=last, rules=RULES)
    assert result.skipped == []
    assert result.warnings == [warning]
    assert minutes_by_day(result, day, last) == minutes


def test_icloud_zone_keeps_its_modern_rules() -> None:
    result = read_calendar(
        (DATA / "focusapp__icloud_1893_vtimezone_offset.ics").read_bytes(),
        first_day=dt.date(2024, 3, 1),
        last_day=dt.date(2024, 4, 30),
        rules=CalendarRules(zone=ZoneInfo("UTC")),
    )
    # 09:00 in Berlin is 08:00 UTC in winter (CET) and 07:00... the single April meeting at
    # 15:00 CEST is 13:00 UTC: the DST rules of the VTIMEZONE still apply.
    starts = [e.start.strftime("%m-%d %H:%M") for e in result.events if e.counted]
    assert starts == ["03-04 08:00", "03-11 08:00", "03-18 08:00", "03-25 08:00", "04-02 13:00"]


OK_EVENT = "UID:ok@t\r\nSUMMARY:Sync\r\nDTSTART:20240506T080000Z\r\nDTEND:20240506T083000Z"


@pytest.mark.parametrize(
    ("component", "expected"),
    [
        (
            "BEGIN:VTODO\r\nUID:t\r\nDUE:20241301\r\nEND:VTODO\r\n",
            ["Line 4: a VTODO was left out: its DUE on line 6 could not be read"],
        ),
        (
            "BEGIN:VJOURNAL\r\nUID:j\r\nDTSTART:2024-05-06\r\nEND:VJOURNAL\r\n",
            ["Line 4: a VJOURNAL was left out: its DTSTART on line 6 could not be read"],
        ),
        (
            # Its only rule is impossible, so the zone is left out too (its name remains).
            "BEGIN:VTIMEZONE\r\nTZID:Odd\r\nBEGIN:STANDARD\r\nDTSTART:18930401T000000\r\n"
            "TZOFFSETFROM:+9900\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n",
            [
                "Line 6: a STANDARD was left out: its TZOFFSETFROM on line 8 could not be read",
                "Line 4: a VTIMEZONE was left out: its rules starting on line 4 cannot be used",
            ],
        ),
        (
            "BEGIN:X-THING\r\nDTSTART:yesterday\r\nEND:X-THING\r\n",
            ["Line 4: a X-THING was left out: its DTSTART on line 5 could not be read"],
        ),
    ],
)
def test_a_faulty_part_is_left_out_naming_its_line(component: str, expected: list[str]) -> None:
    text = calendar(OK_EVENT, head=component)
    result = read_text(text, dt.date(2024, 5, 6), dt.date(2024, 5, 6))
    assert [e.uid for e in result.events if e.counted] == ["ok@t"]
    assert [w[: len(e)] for w, e in zip(result.warnings, expected, strict=True)] == expected


def test_odd_alarm_durations_never_cost_their_event() -> None:
    alarms = "".join(
        f"BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:{t}\r\nEND:VALARM\r\n"
        for t in ("-PT-30M", "P-1D", "-PT15M")
    )
    event = OK_EVENT + "\r\n" + alarms.strip()
    result = read_text(calendar(event), dt.date(2024, 5, 6), dt.date(2024, 5, 6))
    assert [e.uid for e in result.events if e.counted] == ["ok@t"]
    assert len(result.warnings) == 2
    assert all("a VALARM was left out: its TRIGGER" in w for w in result.warnings)


def test_a_faulty_event_is_skipped_with_its_line_and_the_others_import() -> None:
    bad = "UID:bad@t\r\nSUMMARY:Bad\r\nDTSTART:20240506T250000Z\r\nDTEND:20240506T090000Z"
    result = read_text(calendar(OK_EVENT, bad), dt.date(2024, 5, 6), dt.date(2024, 5, 6))
    assert [e.uid for e in result.events if e.counted] == ["ok@t"]
    (skipped,) = result.skipped
    assert (skipped.uid, skipped.line) == ("bad@t", 10)
    assert "DTSTART" in skipped.problem


def test_a_bad_line_in_the_calendar_itself_is_left_out() -> None:
    head = 'CALSCALE;X-BROKEN="unterminated:GREGORIAN\r\n'
    result = read_text(calendar(OK_EVENT, head=head), dt.date(2024, 5, 6), dt.date(2024, 5, 6))
    assert [e.uid for e in result.events if e.counted] == ["ok@t"]


@pytest.mark.parametrize(
    "data",
    [b"", b"hello", b"BEGIN:VCARD\r\nEND:VCARD\r\n", b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n"],
)
def test_a_file_that_is_not_icalendar_is_still_refused(data: bytes) -> None:
    with pytest.raises(CalendarFormatError):
        read_calendar(
            data, first_day=dt.date(2024, 5, 6), last_day=dt.date(2024, 5, 6), rules=RULES
        )


# --- SEQUENCE ties (RFC 5546) ---------------------------------------------------------------------


def version(summary: str, stamp: str, start: str, sequence: int = 1) -> str:
    return (
        f"UID:same@t\r\nSUMMARY:{summary}\r\nSEQUENCE:{sequence}\r\nDTSTAMP:{stamp}\r\n"
        f"DTSTART:{start}\r\nDTEND:{start[:9]}235900Z"
    )


@pytest.mark.parametrize("newer_first", [True, False])
def test_on_a_sequence_tie_the_later_dtstamp_wins(newer_first: bool) -> None:
    old = version("Old", "20240501T080000Z", "20240506T080000Z")
    new = version("New", "20240502T080000Z", "20240506T120000Z")
    events = (new, old) if newer_first else (old, new)
    result = read_text(calendar(*events), dt.date(2024, 5, 6), dt.date(2024, 5, 6))
    assert [(e.summary, e.counted, str(e.reason)) for e in result.events] == [
        ("Old", False, "duplicate"),
        ("New", True, "None"),
    ]


def test_a_higher_sequence_still_beats_a_later_dtstamp() -> None:
    high = version("High", "20240501T080000Z", "20240506T080000Z", sequence=2)
    late = version("Late", "20240509T080000Z", "20240506T120000Z", sequence=1)
    result = read_text(calendar(late, high), dt.date(2024, 5, 6), dt.date(2024, 5, 6))
    assert [e.summary for e in result.events if e.counted] == ["High"]


def test_without_dtstamps_the_first_in_the_file_wins_a_tie() -> None:
    first = "UID:same@t\r\nSUMMARY:First\r\nDTSTART:20240506T080000Z\r\nDTEND:20240506T090000Z"
    second = first.replace("First", "Second")
    result = read_text(calendar(first, second), dt.date(2024, 5, 6), dt.date(2024, 5, 6))
    assert [e.summary for e in result.events if e.counted] == ["First"]
