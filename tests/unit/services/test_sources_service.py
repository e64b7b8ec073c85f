import datetime as dt
import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from focusapp.domain.clock import FixedClock
from focusapp.formats.calendar_kind import CalendarKind, SourceError
from focusapp.formats.source_kind import detect_kind

BERLIN = ZoneInfo("Europe/Berlin")
EDS_CACHE = Path(__file__).resolve().parents[2] / "data" / "evolution" / "webcal-cache.db"


def meeting(uid: str, day: int, hour: int, minutes: int = 30, summary: str = "Sync") -> str:
    end = dt.datetime(2026, 12, day, hour) + dt.timedelta(minutes=minutes)
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:202612{day:02d}T{hour:02d}0000Z\r\n"
        f"DTEND:{end:%Y%m%dT%H%M%S}Z\r\nSUMMARY:{summary}\r\n"
        "ATTENDEE:mailto:kim@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def put(folder: Path, uid: str, text: str) -> Path:
    """Write an item the way vdirsyncer does: a temporary file renamed over the item."""
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{uid}.tmp"
    temporary.write_text(text, encoding="utf-8")
    target = folder / f"{uid}.ics"
    temporary.replace(target)
    return target


def make_thunderbird(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE cal_events (cal_id TEXT, id TEXT, recurrence_id INTEGER)")
        connection.execute("INSERT INTO cal_events VALUES ('c1', 'e1', NULL)")
        connection.commit()
    return path


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder / ".cache"))
    return folder


@pytest.fixture
def ctx(data_dir: Path, home: Path):
    from focusapp.bootstrap import open_context

    clock = FixedClock(dt.datetime(2026, 12, 1, 18, 0, tzinfo=BERLIN))
    context = open_context(data_dir, clock=clock, zone=BERLIN)
    yield context
    context.close()


@pytest.fixture
def vdir(home: Path) -> Path:
    root = home / ".calendars" / "work"
    (root / "team").mkdir(parents=True)
    (root / "team" / "displayname").write_text("Team", encoding="utf-8")
    put(root / "team", "a", meeting("a", 2, 9))
    put(root / "team", "b", meeting("b", 2, 10, 60))
    return root


def day_minutes(ctx, day: int) -> int | None:
    found = ctx.calendar.days(dt.date(2026, 12, day), dt.date(2026, 12, day))
    summary = found.get(dt.date(2026, 12, day))
    return None if summary is None else summary.meeting_minutes


def test_kinds_are_detected_from_what_the_path_holds(tmp_path: Path, vdir: Path) -> None:
    ics = tmp_path / "x.ics"
    ics.write_text(meeting("x", 2, 9), encoding="utf-8")
    evolution = tmp_path / "evolution" / "calendar" / "system" / "calendar.ics"
    evolution.parent.mkdir(parents=True)
    evolution.write_text(meeting("y", 2, 9), encoding="utf-8")
    cache = tmp_path / "cache.db"
    shutil.copy(EDS_CACHE, cache)
    assert detect_kind(ics) is CalendarKind.ICS
    assert detect_kind(evolution) is CalendarKind.EVOLUTION
    assert detect_kind(vdir) is CalendarKind.VDIR
    assert detect_kind(cache) is CalendarKind.EVOLUTION
    assert detect_kind(make_thunderbird(tmp_path / "local.sqlite")) is CalendarKind.THUNDERBIRD


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.txt", b"hello", "is not a calendar"),
        ("other.sqlite", None, "neither an Evolution nor a Thunderbird"),
        ("empty", "folder", "holds no calendar items"),
        ("missing.ics", "missing", "does not exist"),
    ],
)
def test_anything_else_is_refused_with_what_it_is(tmp_path: Path, name, content, message) -> None:
    path = tmp_path / name
    if content == "folder":
        path.mkdir()
    elif content is None:
        with closing(sqlite3.connect(path)) as connection:
            connection.execute("CREATE TABLE other (x)")
            connection.commit()
    elif content != "missing":
        path.write_bytes(content)
    with pytest.raises(SourceError, match=message):
        detect_kind(path)


def test_a_fifo_is_refused_without_being_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "cal.ics"
    os.mkfifo(fifo)
    with pytest.raises(SourceError, match="is not a regular file"):
        detect_kind(fifo)


def test_adding_a_vdir_stores_its_meetings_tagged_with_it(ctx, vdir: Path) -> None:
    outcome = ctx.sources.add(str(vdir))
    assert outcome.error is None
    assert outcome.report is not None
    assert outcome.report.meetings_counted == 2
    assert day_minutes(ctx, 2) == 90
    listed = ctx.sources.sources()
    assert [(s.path, s.kind, s.added, s.names, s.event_count) for s in listed] == [
        (str(vdir), CalendarKind.VDIR, True, ("Team",), 2)
    ]
    assert listed[0].found_by == "~/.calendars"
    assert listed[0].last_change is not None
    audit = ctx.calendar.audit(dt.date(2026, 12, 2))
    assert {e.source for e in audit.counted} == {str(vdir)}


def test_sync_picks_up_added_changed_and_deleted_items(ctx, vdir: Path) -> None:
    ctx.sources.add(str(vdir))
    team = vdir / "team"
    put(team, "a", meeting("a", 2, 9, 60))  # 30 -> 60 minutes
    (team / "b.ics").unlink()
    put(team, "c", meeting("c", 3, 9, 15))
    outcomes = ctx.sources.sync([])
    assert [o.error for o in outcomes] == [None]
    assert day_minutes(ctx, 2) == 60
    assert day_minutes(ctx, 3) == 15
    again = ctx.sources.sync([])
    assert again[0].report is not None
    assert again[0].report.unchanged


def test_a_new_process_parses_nothing_when_the_vdir_did_not_change(
    ctx, vdir: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from focusapp.bootstrap import open_context
    from focusapp.services.sources import service as sources_module

    ctx.sources.add(str(vdir))
    other = open_context(data_dir, clock=ctx.clock, zone=BERLIN)
    real_reader = sources_module.VdirReader
    made: list[object] = []

    def counting_reader(*args, **kwargs):
        made.append(args)
        return real_reader(*args, **kwargs)

    monkeypatch.setattr(sources_module, "VdirReader", counting_reader)
    try:
        [outcome] = other.sources.sync([])
        assert outcome.report is not None
        assert outcome.report.unchanged
        assert made == []
        put(vdir / "team", "c", meeting("c", 3, 9, 15))
        [outcome] = other.sources.sync([])
    finally:
        other.close()
    assert outcome.report is not None
    assert not outcome.report.unchanged
    assert len(made) == 1
    assert day_minutes(ctx, 3) == 15


def test_the_window_rereads_only_the_changed_calendar_folder(ctx, vdir: Path) -> None:
    ctx.sources.add(str(vdir))
    put(vdir / "team", "b", meeting("b", 2, 10, 15))
    outcome = ctx.sources.read_source(str(vdir), changed=[vdir / "team"])
    assert outcome.report is not None
    assert not outcome.report.unchanged
    assert day_minutes(ctx, 2) == 45


def test_removing_a_source_removes_its_meetings_and_nothing_typed(ctx, vdir: Path) -> None:
    ctx.checkins.record(dt.date(2026, 12, 2), {"energy": 3, "meeting_minutes": 200})
    ctx.sources.add(str(vdir))
    assert ctx.sources.remove(str(vdir)) is True
    assert day_minutes(ctx, 2) is None
    assert ctx.sources.added() == []
    [day] = ctx.checkins.days(dt.date(2026, 12, 2), dt.date(2026, 12, 2))
    assert (day.energy, day.meeting_minutes) == (3, 200)
    assert ctx.sources.remove(str(vdir)) is False


def test_adding_an_evolution_cache_reads_its_events(ctx, home: Path) -> None:
    cache = home / ".cache" / "evolution" / "calendar" / "webcal-test" / "cache.db"
    cache.parent.mkdir(parents=True)
    shutil.copy(EDS_CACHE, cache)
    before = cache.read_bytes()
    outcome = ctx.sources.add(str(cache))
    assert outcome.report is not None
    assert outcome.report.meetings_counted > 0
    assert cache.read_bytes() == before  # read-only
    assert not Path(f"{cache}-journal").exists()
    [again] = ctx.sources.sync([])
    assert again.report is not None
    assert again.report.unchanged
    [info] = [s for s in ctx.sources.sources() if s.added]
    assert (info.kind, info.found_by) == (CalendarKind.EVOLUTION, "~/.cache/evolution/calendar")


def test_a_thunderbird_file_is_added_but_says_its_events_are_not_read(ctx, home: Path) -> None:
    path = make_thunderbird(home / ".thunderbird" / "x.default" / "calendar-data" / "local.sqlite")
    outcome = ctx.sources.add(str(path))
    assert outcome.report is None
    assert "cannot read Thunderbird's events yet" in (outcome.error or "")
    assert ctx.sources.added() == [(str(path), CalendarKind.THUNDERBIRD)]
    [info] = ctx.sources.sources()
    assert info.event_count == 1
    assert "cannot read Thunderbird's events yet" in info.warnings[0]
    assert ctx.sources.sync([]) == []


def test_found_sources_are_listed_until_added(ctx, vdir: Path) -> None:
    [found] = ctx.sources.sources()
    assert (found.added, found.kind, found.path) == (False, CalendarKind.VDIR, str(vdir))


def test_an_unreadable_source_is_not_added(ctx, tmp_path: Path) -> None:
    broken = tmp_path / "broken.ics"
    broken.write_text("BEGIN:VCALENDAR\r\nnot really\r\n", encoding="utf-8")
    with pytest.raises(SourceError):
        ctx.sources.add(str(broken))
    assert ctx.sources.added() == []


def test_a_vanished_vdir_keeps_its_meetings_and_says_so(ctx, vdir: Path) -> None:
    ctx.sources.add(str(vdir))
    shutil.rmtree(vdir)
    [outcome] = ctx.sources.sync([])
    assert "no longer a folder" in (outcome.error or "")
    assert day_minutes(ctx, 2) == 90
    [info] = ctx.sources.sources()
    assert info.warnings[0] == "It is no longer there."


def test_changed_settings_reread_vdir_and_evolution_sources_without_errors(ctx, vdir, home):
    import dataclasses

    cache = home / ".cache" / "evolution" / "calendar" / "webcal-test" / "cache.db"
    cache.parent.mkdir(parents=True)
    shutil.copy(EDS_CACHE, cache)
    ctx.sources.add(str(vdir))
    ctx.sources.add(str(cache))
    assert day_minutes(ctx, 2) == 120  # vdir 09:00-09:30 and 10:00-11:00, EDS 09:00-10:00
    ctx.settings = dataclasses.replace(ctx.settings, calendar_not_meeting_patterns=("Sync",))
    outcomes = ctx.sources.sync([])
    assert [(o.path, o.error) for o in outcomes] == [(str(vdir), None), (str(cache), None)]
    assert all(o.report is not None and not o.report.unchanged for o in outcomes)
    assert day_minutes(ctx, 2) == 60  # the vdir's "Sync" meetings are left out now
    listed = {s.path: s for s in ctx.calendar.sources()}
    assert listed[str(vdir)].exists


def test_a_watched_file_that_was_also_added_is_read_once(ctx, tmp_path: Path) -> None:
    ics = tmp_path / "work.ics"
    ics.write_text(meeting("w", 2, 9), encoding="utf-8")
    ctx.sources.add(str(ics))
    outcomes = ctx.sources.sync([str(ics)])
    assert len(outcomes) == 1
    assert outcomes[0].report is not None
    assert outcomes[0].report.unchanged
