import dataclasses
import datetime as dt
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from focusapp.domain.calendar import CalendarDay, CalendarEvent, Exclusion
from focusapp.domain.errors import StorageError
from focusapp.domain.models import CheckIn
from focusapp.domain.sources import DerivedDay, Source, with_calendar_days
from focusapp.services.calendar.audit import describe_reason, event_time_text, explain_reason
from focusapp.services.calendar.importer import DEFAULT_DAYS_AHEAD, DEFAULT_DAYS_BACK
from focusapp.services.calendar.local_files import CalendarImportError, resolve_local_path
from focusapp.services.calendar.store import RangeOrigin
from focusapp.storage.calendar_repository import CalendarRepository
from focusapp.storage.tables import CalendarDayRow, CalendarEventRow, CalendarSourceRow

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = dt.date(2026, 11, 3)  # the clock fixture: Tuesday 18:00 in Berlin
MONDAY = dt.date(2026, 11, 2)
DATA = Path(__file__).resolve().parents[2] / "data" / "ics"


def vevent(uid: str, start: str, end: str, summary: str = "", **props: str) -> str:
    lines = [f"UID:{uid}", f"SUMMARY:{summary or uid}", f"DTSTART:{start}", f"DTEND:{end}"]
    lines += [f"{name.replace('_', '-')}:{value}" for name, value in props.items()]
    return "BEGIN:VEVENT\r\n" + "\r\n".join(lines) + "\r\nEND:VEVENT\r\n"


def ics(*events: str) -> str:
    body = "".join(events)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{body}END:VCALENDAR\r\n"


# Monday 2 Nov 2026 in Berlin (UTC+1): 09:00-10:00, 10:00-10:30 (back-to-back), 14:00-15:00.
STANDUP = vevent("standup@t", "20261102T080000Z", "20261102T090000Z", "Standup")
REVIEW = vevent("review@t", "20261102T090000Z", "20261102T093000Z", "Review")
PLANNING = vevent("planning@t", "20261102T130000Z", "20261102T140000Z", "Planning")


def write(path: Path, *events: str) -> Path:
    path.write_text(ics(*events), encoding="utf-8")
    return path


def count(context, table) -> int:
    with context.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


@pytest.fixture
def work(tmp_path: Path) -> Path:
    return write(tmp_path / "work.ics", STANDUP, REVIEW, PLANNING)


# --- importing -----------------------------------------------------------------------------------


def test_import_uses_the_default_range_and_feeds_derived_days(context, work):
    report = context.calendar.import_file(work)
    assert report.path == str(work.resolve())
    assert (report.first_day, report.last_day) == (
        TODAY - dt.timedelta(days=DEFAULT_DAYS_BACK),
        TODAY + dt.timedelta(days=DEFAULT_DAYS_AHEAD),
    )
    assert report.range_origin is RangeOrigin.DEFAULT
    assert (report.meetings_counted, report.meeting_days, report.unchanged) == (3, 1, False)
    # Only Monday has meetings: the other days of the range merely became covered.
    assert report.days_changed == 1
    derived = context.checkins.sources(MONDAY).derived
    assert derived == DerivedDay(
        MONDAY,
        meeting_minutes=150,
        meeting_count=3,
        back_to_back_count=1,
        longest_free_block_minutes=210,  # 10:30-14:00 inside 09:00-17:00
    )
    (day,) = context.checkins.days()
    assert (day.date, day.meeting_minutes, day.meeting_count) == (MONDAY, 150, 3)
    assert context.calendar.days(MONDAY, MONDAY)[MONDAY].after_hours_minutes == 0


def test_quiet_covered_days_appear_only_beside_other_data(context, work):
    context.calendar.import_file(work)
    sunday = MONDAY - dt.timedelta(days=1)
    assert [d.date for d in context.checkins.days()] == [MONDAY]
    context.checkins.record(sunday, {"energy": 4})
    days = {d.date: d for d in context.checkins.days()}
    assert (days[sunday].meeting_minutes, days[sunday].meeting_count) == (0, 0)
    assert days[sunday].longest_free_block_minutes == 480
    # A single day's sources show the calendar's zero even without a check-in.
    assert context.checkins.sources(TODAY).derived == DerivedDay(TODAY, None, 0, 0, 0, 480)
    # Outside every imported range the calendar says nothing.
    far = TODAY + dt.timedelta(days=DEFAULT_DAYS_AHEAD + 1)
    assert context.checkins.sources(far).derived is None


def test_typed_meeting_time_wins_and_clearing_it_switches_back(context, work):
    context.calendar.import_file(work)
    context.checkins.record(MONDAY, {"energy": 3, "meeting_minutes": 60})
    sources = context.checkins.sources(MONDAY)
    assert sources.meeting_source is Source.TYPED
    assert (sources.effective.meeting_minutes, sources.effective.meeting_count) == (60, 3)
    context.checkins.save_edit(sources.typed, CheckIn(MONDAY, energy=3))
    sources = context.checkins.sources(MONDAY)
    assert sources.meeting_source is Source.CALENDAR
    assert sources.effective.meeting_minutes == 150


def test_reimporting_the_same_file_writes_nothing(context, work):
    calls: list[None] = []
    context.calendar.import_file(work)
    context.feed.subscribe(lambda _changes: calls.append(None))
    before = context.calendar.sources()
    again = context.calendar.import_file(work)
    assert again.unchanged and again.days_changed == 0
    assert (again.meetings_counted, again.meeting_days) == (3, 1)
    assert context.calendar.sources() == before  # imported_at untouched
    assert calls == []
    forced = context.calendar.import_file(work, force=True)
    assert not forced.unchanged and forced.days_changed == 0 and forced.replaced
    assert calls == [None]


def test_an_updated_file_replaces_its_events(context, work):
    context.calendar.import_file(work)
    moved = vevent("review@t", "20261102T100000Z", "20261102T103000Z", "Review")
    write(work, STANDUP, moved)  # planning deleted, review moved by an hour
    report = context.calendar.import_file(work)
    assert report.replaced and not report.unchanged
    assert report.days_changed == 1
    day = context.calendar.days(MONDAY, MONDAY)[MONDAY]
    assert (day.meeting_minutes, day.meeting_count, day.back_to_back_count) == (90, 2, 0)
    audit = context.calendar.audit(MONDAY)
    assert [e.summary for e in audit.events] == ["Standup", "Review"]
    assert count(context, CalendarEventRow) == 2
    assert count(context, CalendarSourceRow) == 1


def test_left_out_events_are_counted_by_reason_and_listed(context, tmp_path):
    path = tmp_path / "mixed.ics"
    write(
        path,
        STANDUP,
        vevent("lunch@t", "20261102T110000Z", "20261102T120000Z", "Lunch"),
        vevent("gone@t", "20261102T120000Z", "20261102T123000Z", "Sync", STATUS="CANCELLED"),
        "BEGIN:VEVENT\r\nUID:no@t\r\nSUMMARY:Pitch\r\nDTSTART:20261102T140000Z\r\n"
        "DTEND:20261102T150000Z\r\nATTENDEE;PARTSTAT=DECLINED:mailto:Me@Example.org\r\n"
        "END:VEVENT\r\n",
        "BEGIN:VEVENT\r\nUID:broken@t\r\nSUMMARY:Mystery\r\nEND:VEVENT\r\n",
    )
    plain = context.calendar.import_file(path)
    assert plain.left_out == {Exclusion.CANCELLED: 1, Exclusion.NOT_MEETING: 1}
    assert plain.meetings_counted == 2  # the decline is not recognised without the address
    assert [(s.uid, s.summary) for s in plain.skipped] == [("broken@t", "Mystery")]
    mine = context.calendar.import_file(path, my_addresses=["ME@example.org"])
    assert mine.left_out[Exclusion.DECLINED] == 1 and mine.meetings_counted == 1
    # The address is remembered for this file: a plain re-import changes nothing.
    assert context.calendar.import_file(path).unchanged
    audit = context.calendar.audit(MONDAY)
    assert {e.summary: e.reason for e in audit.left_out} == {
        "Lunch": Exclusion.NOT_MEETING,
        "Sync": Exclusion.CANCELLED,
        "Pitch": Exclusion.DECLINED,
    }
    assert [e.summary for e in audit.counted] == ["Standup"]


def test_a_bad_file_is_rejected_whole_and_keeps_the_previous_import(context, work, tmp_path):
    context.calendar.import_file(work)
    before = (count(context, CalendarEventRow), context.calendar.days())
    work.write_text("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n", encoding="utf-8")
    with pytest.raises(CalendarImportError, match=r"work\.ics: The calendar file is incomplete"):
        context.calendar.import_file(work)
    assert (count(context, CalendarEventRow), context.calendar.days()) == before
    not_a_calendar = tmp_path / "notes.ics"
    not_a_calendar.write_text("Subject,Start\nLunch,2026-11-02\n", encoding="utf-8")
    with pytest.raises(CalendarImportError, match="BEGIN:VCALENDAR"):
        context.calendar.import_file(not_a_calendar)
    assert len(context.calendar.sources()) == 1


@pytest.mark.parametrize(
    "address",
    ["https://example.org/cal.ics", "http://example.org/cal.ics", "webcal://example.org/c.ics"],
)
def test_web_addresses_are_refused(context, address):
    with pytest.raises(CalendarImportError, match="never downloads"):
        context.calendar.import_file(address)
    assert count(context, CalendarSourceRow) == 0


def test_paths_are_resolved_and_file_urls_accepted(context, work, monkeypatch):
    monkeypatch.chdir(work.parent)
    assert resolve_local_path("work.ics") == work.resolve()
    assert resolve_local_path(work.resolve().as_uri()) == work.resolve()
    with pytest.raises(CalendarImportError, match="not a file on this computer"):
        resolve_local_path("smb://server/share/cal.ics")
    with pytest.raises(CalendarImportError, match="does not exist"):
        context.calendar.import_file(work.parent / "missing.ics")
    with pytest.raises(CalendarImportError, match="folder"):
        context.calendar.import_file(work.parent)
    # The same file through a relative path and a symbolic link is one source.
    link = work.parent / "link.ics"
    link.symlink_to(work)
    context.calendar.import_file("work.ics")
    assert context.calendar.import_file(link).unchanged


def test_imports_are_all_or_nothing(context, work, monkeypatch):
    def explode(self, days):
        raise StorageError("disk full")

    monkeypatch.setattr(CalendarRepository, "set_days", explode)
    with pytest.raises(StorageError):
        context.calendar.import_file(work)
    assert count(context, CalendarSourceRow) == 0
    assert count(context, CalendarEventRow) == 0
    assert count(context, CalendarDayRow) == 0


def test_ranges_given_widened_and_refused(context, work):
    given = context.calendar.import_file(work, dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    assert given.range_origin is RangeOrigin.GIVEN and given.meetings_counted == 0
    assert given.left_out == {Exclusion.OUTSIDE_RANGE: 3}
    widened = context.calendar.import_file(work)
    assert widened.range_origin is RangeOrigin.WIDENED
    assert (widened.first_day, widened.last_day) == (
        dt.date(2020, 1, 1),
        TODAY + dt.timedelta(days=DEFAULT_DAYS_AHEAD),
    )
    only_from = context.calendar.import_file(work, first=dt.date(2026, 11, 1))
    assert (only_from.first_day, only_from.last_day) == (dt.date(2026, 11, 1), widened.last_day)
    # Days the narrower import no longer covers lose their numbers.
    assert min(context.calendar.days()) == dt.date(2026, 11, 1)
    with pytest.raises(CalendarImportError, match="ends before it starts"):
        context.calendar.import_file(work, first=dt.date(2027, 6, 1))
    with pytest.raises(CalendarImportError, match="longer than 50 years"):
        context.calendar.import_file(work, dt.date(1900, 1, 1), dt.date(2026, 1, 1))


def test_the_risk_cache_is_invalidated_by_an_import(context, work):
    context.risk.series(MONDAY - dt.timedelta(days=3), TODAY)
    assert context.risk.cached_days > 0
    context.calendar.import_file(work)
    assert context.risk.cached_days == 0


# --- several files -------------------------------------------------------------------------------


def test_the_same_meeting_in_two_files_counts_once(context, work, tmp_path):
    context.calendar.import_file(work)
    shared = tmp_path / "shared.ics"
    # The same standup (same UID), plus an unrelated meeting overlapping the planning.
    write(
        shared,
        STANDUP,
        vevent("other@t", "20261102T133000Z", "20261102T143000Z", "Other team"),
    )
    context.calendar.import_file(shared)
    day = context.calendar.days(MONDAY, MONDAY)[MONDAY]
    assert (day.meeting_count, day.meeting_minutes) == (4, 180)  # 09-10:30, 14-15:30
    assert day.double_booked_minutes == 30
    audit = context.calendar.audit(MONDAY)
    standups = [e for e in audit.events if e.uid == "standup@t"]
    assert sorted((Path(e.source).name, e.reason) for e in standups) == [
        ("shared.ics", None),  # the newer file wins a tie on SEQUENCE
        ("work.ics", Exclusion.DUPLICATE),
    ]
    assert context.checkins.sources(MONDAY).effective.meeting_count == 4


def test_a_higher_sequence_in_another_file_wins_even_when_cancelled(context, work, tmp_path):
    cancel = tmp_path / "cancel.ics"
    write(
        cancel,
        vevent(
            "planning@t",
            "20261102T130000Z",
            "20261102T140000Z",
            "Planning",
            STATUS="CANCELLED",
            SEQUENCE="2",
        ),
    )
    context.calendar.import_file(cancel)
    context.calendar.import_file(work)  # newer import, but SEQUENCE 0
    day = context.calendar.days(MONDAY, MONDAY)[MONDAY]
    assert (day.meeting_count, day.meeting_minutes) == (2, 90)
    reasons = {(Path(e.source).name, e.reason) for e in context.calendar.audit(MONDAY).events}
    assert ("work.ics", Exclusion.DUPLICATE) in reasons
    assert ("cancel.ics", Exclusion.CANCELLED) in reasons


def test_removing_a_file_recomputes_its_days(context, work, tmp_path):
    other = write(
        tmp_path / "other.ics",
        vevent("x@t", "20261103T080000Z", "20261103T090000Z", "Tuesday sync"),
    )
    context.calendar.import_file(work)
    context.calendar.import_file(other)
    assert context.calendar.remove(work) is True
    assert context.calendar.remove(work) is False
    days = context.calendar.days()
    assert days[MONDAY].meeting_count == 0  # still covered by other.ics
    assert days[TODAY].meeting_count == 1
    assert [s.path for s in context.calendar.sources()] == [str(other.resolve())]
    context.calendar.remove(other)
    assert context.calendar.days() == {}
    assert count(context, CalendarEventRow) == 0


# --- settings ------------------------------------------------------------------------------------


def test_sync_imports_watched_files_and_reapplies_changed_settings(context, work, tmp_path):
    archive = write(
        tmp_path / "archive.ics",
        vevent("lunch-talk@t", "20261102T110000Z", "20261102T120000Z", "Lunch talk"),
    )
    context.calendar.import_file(archive)
    context.settings = dataclasses.replace(
        context.settings, calendar_watch_files=(str(work), str(tmp_path / "missing.ics"))
    )
    outcomes = context.calendar.sync(context.settings.calendar_watch_files)
    assert [(o.report is not None, o.error is not None) for o in outcomes] == [
        (True, False),
        (False, True),
    ]
    assert "missing.ics does not exist" in (outcomes[1].error or "")
    assert context.calendar.days(MONDAY, MONDAY)[MONDAY].meeting_count == 3  # lunch talk excluded
    # Nothing stale: a second sync re-reads only the watched file, which is unchanged.
    again = context.calendar.sync([str(work)])
    assert [o.report.unchanged for o in again if o.report] == [True]
    # Patterns changed: the archive is re-read over its stored range and now counts.
    context.settings = dataclasses.replace(context.settings, calendar_not_meeting_patterns=())
    outcomes = context.calendar.sync([])
    assert {Path(o.path).name for o in outcomes} == {"work.ics", "archive.ics"}
    assert context.calendar.days(MONDAY, MONDAY)[MONDAY].meeting_count == 4


def test_sync_resummarises_sources_whose_file_is_gone(context, work):
    context.calendar.import_file(work)
    work.unlink()
    context.settings = dataclasses.replace(
        context.settings, calendar_work_hours=(dt.time(8), dt.time(18))
    )
    assert context.calendar.sync([]) == []
    assert context.calendar.days(MONDAY, MONDAY)[MONDAY].longest_free_block_minutes == 210
    assert context.calendar.days(TODAY, TODAY)[TODAY].longest_free_block_minutes == 600
    assert context.calendar.sources()[0].exists is False


# --- audit ---------------------------------------------------------------------------------------


def test_audit_matches_the_stored_numbers_for_real_calendars(context):
    path = DATA / "focusapp__overlaps_same_day.ics"
    report = context.calendar.import_file(path, dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert report.meetings_counted > 0
    busy = [d for d, s in context.calendar.days().items() if s.meeting_count]
    assert busy
    for day in busy:
        audit = context.calendar.audit(day)
        assert audit.summary == context.calendar.days(day, day)[day]
        assert audit.counted
    uncovered = context.calendar.audit(dt.date(2023, 6, 1))
    assert uncovered.summary is None and uncovered.events == ()


def test_audit_lists_all_day_and_cross_midnight_events_on_their_days(context, tmp_path):
    path = write(
        tmp_path / "edge.ics",
        "BEGIN:VEVENT\r\nUID:h@t\r\nSUMMARY:Holiday\r\nDTSTART;VALUE=DATE:20261103\r\n"
        "DTEND;VALUE=DATE:20261104\r\nEND:VEVENT\r\n",
        vevent("late@t", "20261102T223000Z", "20261103T033000Z", "Release night"),
    )
    context.calendar.import_file(path)
    monday = context.calendar.audit(MONDAY)
    assert [e.summary for e in monday.events] == ["Release night"]
    # 23:30-04:30 Berlin, the day starting at 04:00: 4 h 30 on Monday, 30 min on Tuesday.
    assert monday.summary is not None and monday.summary.meeting_minutes == 270
    tuesday = context.calendar.audit(TODAY)
    assert [(e.summary, e.reason) for e in tuesday.events] == [
        ("Release night", None),  # starts 23:30 Monday, before the holiday's midnight
        ("Holiday", Exclusion.ALL_DAY),
    ]
    assert tuesday.summary is not None and tuesday.summary.meeting_minutes == 30
    assert event_time_text(tuesday.events[0], TODAY, BERLIN) == "Mon 23:30-04:30"
    assert event_time_text(tuesday.events[1], TODAY, BERLIN) == "all day"


def test_ten_years_of_history_load_quickly(context, tmp_path):
    path = write(
        tmp_path / "daily.ics",
        vevent(
            "daily@t",
            "20161107T080000Z",
            "20161107T090000Z",
            "Daily",
            RRULE="FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
        ),
    )
    report = context.calendar.import_file(path, dt.date(2016, 11, 7), dt.date(2026, 11, 6))
    assert report.meeting_days == 2610
    for day in range(1, 31):
        context.checkins.record(dt.date(2026, 10, day), {"energy": 3})
    began = time.perf_counter()
    days = context.checkins.days()
    elapsed = time.perf_counter() - began
    assert len(days) == 2610 + 8  # weekdays with meetings + the checked-in October weekends
    assert elapsed < 2.0, f"ten years took {elapsed:.2f} s"


# --- pure helpers --------------------------------------------------------------------------------


def test_with_calendar_days_keeps_zeros_only_beside_other_data():
    quiet = dt.date(2026, 11, 1)
    coding = dt.date(2026, 11, 4)
    days = {
        MONDAY: CalendarDay(MONDAY, 60, 1, 0, 420),
        quiet: CalendarDay(quiet, 0, 0, 0, 480),
        TODAY: CalendarDay(TODAY, 0, 0, 0, 480),
        coding: CalendarDay(coding, 0, 0, 0, 480),
    }
    derived = {coding: DerivedDay(coding, coding_minutes=90)}
    merged = with_calendar_days(derived, days, keep={TODAY})
    assert set(merged) == {MONDAY, TODAY, coding}
    assert merged[coding] == DerivedDay(coding, 90, 0, 0, 0, 480)
    assert merged[MONDAY] == DerivedDay(MONDAY, None, 60, 1, 0, 420)


def test_every_reason_has_words():
    for reason in Exclusion:
        assert describe_reason(reason) and describe_reason(reason) != "counted"
        assert explain_reason(reason).endswith(".")
    assert describe_reason(None) == "counted"


def test_event_time_text_for_odd_events():
    def make(start: dt.datetime, end: dt.datetime) -> CalendarEvent:
        return CalendarEvent(
            uid="u",
            recurrence_id=None,
            summary="s",
            start=start,
            end=end,
            counted=True,
            reason=None,
        )

    nine = dt.datetime(2026, 11, 2, 8, tzinfo=dt.UTC)
    assert event_time_text(make(nine, nine), MONDAY, BERLIN) == "09:00"
    assert event_time_text(make(nine, nine + dt.timedelta(hours=1)), MONDAY, BERLIN) == (
        "09:00-10:00"
    )
    two_days = make(nine, nine + dt.timedelta(days=2))
    assert event_time_text(two_days, MONDAY, BERLIN) == "09:00-Wed 09:00"


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("file:///home/me/My%20Cal.ics", "/home/me/My Cal.ics"),
        ("file://localhost/tmp/x.ics", "/tmp/x.ics"),
        ("file:/tmp/y.ics", "/tmp/y.ics"),
        ("file:///tmp/caf%C3%A9.ics", "/tmp/café.ics"),
    ],
)
def test_file_urls_name_local_paths(url: str, path: str) -> None:
    from focusapp.services.calendar.local_files import _file_url_path

    assert _file_url_path(url) == path
