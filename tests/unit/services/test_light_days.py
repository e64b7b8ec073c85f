"""The tray's SQLAlchemy-free reads give exactly what the services give, day by day."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from focusapp.bootstrap import open_context
from focusapp.domain.clock import FixedClock
from focusapp.services.light_days import LightDays
from focusapp.storage import snapshot, tables

BERLIN = ZoneInfo("Europe/Berlin")

NOW = dt.datetime(2026, 11, 20, 18, 0, tzinfo=BERLIN)
ICS = """BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n{events}END:VCALENDAR\r\n"""
EVENT = (
    "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:{start}\r\n"
    "DTEND:{end}\r\nSUMMARY:Sync\r\nEND:VEVENT\r\n"
)


def _columns(table: type) -> set[str]:
    return {column.name for column in table.__table__.columns}  # type: ignore[attr-defined]


def test_snapshot_names_match_the_orm_tables():
    assert set(snapshot.CHECKIN_COLUMNS) <= _columns(tables.CheckInRow)
    assert set(snapshot.CALENDAR_DAY_COLUMNS) <= _columns(tables.CalendarDayRow)
    assert set(snapshot.FOCUS_COLUMNS) <= _columns(tables.FocusSessionRow)


def test_the_light_reader_imports_no_sqlalchemy():
    code = (
        "import sys; import focusapp.services.light_days; "
        "print(any(m.startswith('sqlalchemy') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_a_missing_database_reads_as_empty(tmp_path):
    light = LightDays(tmp_path / "none.sqlite3", FixedClock(NOW), BERLIN, lambda: 4)
    assert light.days(dt.date(2026, 11, 1), dt.date(2026, 11, 30)) == []
    assert light.running_focus_session() is None


@settings(max_examples=15, deadline=None)
@given(
    energies=st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=1, max_size=12),
    meetings=st.lists(st.integers(0, 9), max_size=4),
    focus_hours=st.lists(st.integers(0, 20), max_size=3),
)
def test_light_reads_equal_the_services(tmp_path_factory, energies, meetings, focus_hours):
    folder = tmp_path_factory.mktemp("data")
    clock = FixedClock(NOW)
    context = open_context(folder, clock=clock, zone=BERLIN)
    try:
        first = dt.date(2026, 11, 5)
        for offset, energy in enumerate(energies):
            if energy is not None:
                context.checkins.record(first + dt.timedelta(days=offset), {"energy": energy})
        events = "".join(
            EVENT.format(uid=f"m{i}", start=f"2026110{day}T090000Z", end=f"2026110{day}T103000Z")
            for i, day in enumerate(meetings)
            if day
        )
        ics = folder / "work.ics"
        ics.write_text(ICS.format(events=events))
        context.calendar.import_file(str(ics), dt.date(2026, 11, 1), dt.date(2026, 11, 20))
        for hours_back in focus_hours:
            clock.current = NOW - dt.timedelta(hours=hours_back + 1)
            context.focus.start()
            clock.current = NOW - dt.timedelta(hours=hours_back, minutes=20)
            context.focus.stop()
        clock.current = NOW
        light = LightDays(context.paths.db_path, clock, BERLIN, lambda: 4)
        span = (dt.date(2026, 10, 25), dt.date(2026, 11, 21))
        assert light.days(*span) == context.checkins.days(*span)
        for day in (first, dt.date(2026, 11, 3), NOW.date()):
            assert light.sources(day) == context.checkins.sources(day)
        assert light.running_focus_session() == context.focus.running()
    finally:
        context.close()
