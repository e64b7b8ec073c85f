"""Excluding an event or series in the audit: kept across re-imports, undoable, exported."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

import pytest

from focusapp.domain.calendar import Exclusion
from focusapp.domain.exclusions import UserExclusion, exclusion_for

if TYPE_CHECKING:
    from pathlib import Path

MONDAY = dt.date(2026, 11, 2)
TUESDAY = dt.date(2026, 11, 3)


def vevent(uid: str, start: str, end: str, summary: str, *extra: str) -> str:
    lines = [f"UID:{uid}", f"SUMMARY:{summary}", f"DTSTART:{start}", f"DTEND:{end}", *extra]
    return "BEGIN:VEVENT\r\n" + "\r\n".join(lines) + "\r\nEND:VEVENT\r\n"


def write(path: Path, *events: str) -> Path:
    body = "".join(events)
    path.write_text(
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n{body}END:VCALENDAR\r\n",
        encoding="utf-8",
    )
    return path


# Daily standup 09:00-09:30 Berlin (08:00Z) on Mon and Tue, plus a one-off review overlapping it.
STANDUP = vevent(
    "standup@t", "20261102T080000Z", "20261102T083000Z", "Standup", "RRULE:FREQ=DAILY;COUNT=2"
)
REVIEW = vevent("review@t", "20261102T081500Z", "20261102T090000Z", "Review")


@pytest.fixture
def work(tmp_path: Path) -> Path:
    return write(tmp_path / "work.ics", STANDUP, REVIEW)


def minutes(context, day: dt.date) -> int:
    return context.calendar.days(day, day)[day].meeting_minutes


def test_excluding_one_occurrence_survives_a_reimport_and_can_be_undone(context, work):
    context.calendar.import_file(work)
    assert (minutes(context, MONDAY), minutes(context, TUESDAY)) == (60, 30)
    standup = next(e for e in context.calendar.audit(MONDAY).events if e.summary == "Standup")
    assert standup.recurrence_id is not None
    calls: list[None] = []
    context.feed.subscribe(lambda _changes: calls.append(None))
    assert context.calendar.exclude(exclusion_for(standup, series=False))
    assert calls == [None]
    assert (minutes(context, MONDAY), minutes(context, TUESDAY)) == (45, 30)
    audit = context.calendar.audit(MONDAY)
    row = next(e for e in audit.events if e.summary == "Standup")
    assert (row.counted, row.reason) == (False, Exclusion.BY_YOU)
    assert audit.exclusions == {exclusion_for(standup, series=False)}
    # A changed file is re-read and replaced: the exclusion still holds.
    write(work, STANDUP, REVIEW, vevent("x@t", "20261103T120000Z", "20261103T130000Z", "X"))
    report = context.calendar.import_file(work)
    assert not report.unchanged and report.left_out == {Exclusion.BY_YOU: 1}
    assert (minutes(context, MONDAY), minutes(context, TUESDAY)) == (45, 90)
    # Excluding it twice changes nothing; counting it again brings the minutes back.
    assert not context.calendar.exclude(exclusion_for(standup, series=False))
    assert context.calendar.count_again(exclusion_for(standup, series=False))
    assert minutes(context, MONDAY) == 60
    assert not context.calendar.count_again(exclusion_for(standup, series=False))
    assert context.calendar.audit(MONDAY).exclusions == frozenset()


def test_excluding_a_series_takes_every_occurrence_out(context, work):
    context.calendar.import_file(work)
    standup = next(e for e in context.calendar.audit(TUESDAY).events if e.summary == "Standup")
    assert context.calendar.exclude(exclusion_for(standup, series=True))
    assert (minutes(context, MONDAY), minutes(context, TUESDAY)) == (45, 0)
    assert context.calendar.exclusions_document()[0] | {"excluded_at": None} == {
        "uid": "standup@t",
        "recurrence_id": None,
        "series": True,
        "excluded_at": None,
    }
    # Removing and importing the file again still honours the exclusion.
    context.calendar.remove(work)
    context.calendar.import_file(work)
    assert minutes(context, TUESDAY) == 0


def test_an_exclusion_of_a_one_off_event(context, work):
    context.calendar.import_file(work)
    review = next(e for e in context.calendar.audit(MONDAY).events if e.summary == "Review")
    assert context.calendar.exclude(exclusion_for(review, series=False))
    assert minutes(context, MONDAY) == 30
    assert context.calendar.exclusions() == {UserExclusion("review@t")}


def test_the_export_carries_the_exclusions(context, work, data_dir, capsys):
    from focusapp.cli.main import main

    context.calendar.import_file(work)
    context.calendar.exclude(UserExclusion("review@t"))
    context.close()
    assert main(["export", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [x["uid"] for x in document["calendar_exclusions"]] == ["review@t"]


def test_a_seven_week_file_reports_only_the_days_whose_figures_changed(context, tmp_path):
    # One meeting on each weekday for seven weeks: 35 meeting days in a 394-day range.
    start = dt.date(2026, 9, 21)  # a Monday
    events = []
    for week in range(7):
        for weekday in range(5):
            day = start + dt.timedelta(days=7 * week + weekday)
            stamp = f"{day:%Y%m%d}"
            events.append(vevent(f"m{day}@t", f"{stamp}T090000Z", f"{stamp}T100000Z", "Sync"))
    path = write(tmp_path / "seven.ics", *events)
    report = context.calendar.import_file(path)
    assert (report.last_day - report.first_day).days + 1 == 394
    assert report.meeting_days == 35
    assert report.days_changed == 35
    # One meeting moved to another day: two days' figures changed.
    events[0] = vevent(f"m{start}@t", "20260927T090000Z", "20260927T100000Z", "Sync")
    write(path, *events)
    assert context.calendar.import_file(path).days_changed == 2
