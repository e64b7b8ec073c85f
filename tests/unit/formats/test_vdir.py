from __future__ import annotations

import datetime as dt
import os
import uuid
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from focusapp.domain.calendar import CalendarRules, Exclusion
from focusapp.formats import vdir
from focusapp.formats.vdir import VdirReader, is_item_name, mark_duplicates

if TYPE_CHECKING:
    from pathlib import Path

RULES = CalendarRules(zone=ZoneInfo("Europe/Berlin"))
FIRST, LAST = dt.date(2026, 11, 1), dt.date(2026, 12, 31)


def event_ics(
    uid: str, day: int = 2, hour: int = 10, summary: str = "Planning", seq: int = 0
) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20261101T000000Z\r\nSEQUENCE:{seq}\r\n"
        f"DTSTART:202612{day:02d}T{hour:02d}0000Z\r\nDTEND:202612{day:02d}T{hour:02d}3000Z\r\n"
        f"SUMMARY:{summary}\r\nATTENDEE:mailto:a@example.org\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def write(path: Path, text: str) -> None:
    # Like vdirsyncer: a temporary file in the same folder, renamed over the item.
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.parent / f".{path.name}.tmp"
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def reader(root: Path) -> VdirReader:
    return VdirReader(root, first_day=FIRST, last_day=LAST, rules=RULES)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    base = tmp_path / "calendars"
    write(base / "work" / "a.ics", event_ics("a", hour=9))
    write(base / "work" / "b.ics", event_ics("b", hour=11))
    write(base / "home" / "c.ics", event_ics("c", hour=14, summary="Dentist"))
    (base / "work" / "displayname").write_text("Work (Nextcloud)\n", encoding="utf-8")
    (base / "work" / "color").write_text("#FF8800\n", encoding="utf-8")
    return base


def uids(result: vdir.VdirReadResult) -> list[str]:
    return sorted(event.uid for event in result.events)


def test_reads_every_calendar_with_its_metadata(root: Path) -> None:
    result = reader(root).read()

    assert [(c.path.name, c.name, c.color, c.item_count) for c in result.calendars] == [
        ("home", "home", None, 1),
        ("work", "Work (Nextcloud)", "#FF8800", 2),
    ]
    assert uids(result) == ["a", "b", "c"]
    assert {event.source for event in result.events} == {"work/a.ics", "work/b.ics", "home/c.ics"}
    assert result.parsed == 3
    assert result.changed
    assert result.warnings == []


def test_a_folder_that_is_one_calendar_is_read_too(root: Path) -> None:
    result = reader(root / "work").read()

    assert [c.name for c in result.calendars] == ["Work (Nextcloud)"]
    assert uids(result) == ["a", "b"]
    assert {event.source for event in result.events} == {"a.ics", "b.ics"}


def test_nothing_changed_parses_nothing(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    the_reader = reader(root)
    first = the_reader.read()
    calls: list[str] = []
    real = vdir.read_calendar
    monkeypatch.setattr(vdir, "read_calendar", lambda *a, **k: calls.append("x") or real(*a, **k))

    second = the_reader.read()

    assert calls == []
    assert second.parsed == 0
    assert not second.changed
    assert uids(second) == uids(first)


def test_only_the_changed_item_is_parsed_again(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    the_reader = reader(root)
    the_reader.read()
    parsed: list[str] = []
    real = vdir.read_calendar

    def spy(data: bytes, **kwargs: object) -> object:
        parsed.append(str(kwargs["source"]))
        return real(data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(vdir, "read_calendar", spy)
    write(root / "work" / "b.ics", event_ics("b", hour=16, seq=1))

    result = the_reader.read()

    assert parsed == ["work/b.ics"]
    assert result.parsed == 1
    assert result.changed
    moved = next(event for event in result.events if event.uid == "b")
    assert moved.start == dt.datetime(2026, 12, 2, 16, tzinfo=dt.UTC)


def test_same_size_and_mtime_but_new_inode_is_seen(root: Path) -> None:
    the_reader = reader(root)
    the_reader.read()
    item = root / "work" / "a.ics"
    before = item.stat()
    write(item, event_ics("a", hour=8))  # same length as hour=9
    os.utime(item, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert item.stat().st_size == before.st_size

    result = the_reader.read()

    assert result.parsed == 1
    assert next(e for e in result.events if e.uid == "a").start.hour == 8


def test_added_and_deleted_items_are_picked_up(root: Path) -> None:
    the_reader = reader(root)
    the_reader.read()
    (root / "work" / "a.ics").unlink()
    write(root / "home" / "d.ics", event_ics("d", hour=15))

    result = the_reader.read()

    assert uids(result) == ["b", "c", "d"]
    assert result.parsed == 1
    assert set(the_reader.snapshot) == {
        root / "work" / "b.ics",
        root / "home" / "c.ics",
        root / "home" / "d.ics",
    }


def test_a_deletion_alone_counts_as_a_change(root: Path) -> None:
    the_reader = reader(root)
    the_reader.read()
    (root / "home" / "c.ics").unlink()

    result = the_reader.read()

    assert result.changed
    assert result.parsed == 0
    assert uids(result) == ["a", "b"]


def test_a_faulty_item_is_left_out_by_name_and_costs_no_other(root: Path) -> None:
    (root / "work" / "broken.ics").write_bytes(b"this is not a calendar\n")
    os.mkfifo(root / "home" / "pipe.ics")
    (root / "home" / "big.ics").write_text(event_ics("big", summary="x" * 2000), encoding="utf-8")
    the_reader = VdirReader(root, first_day=FIRST, last_day=LAST, rules=RULES, max_item_bytes=1000)

    result = the_reader.read()

    assert "broken" not in uids(result)
    assert any(w.startswith("work/broken.ics was left out:") for w in result.warnings)
    # The FIFO is not a regular file: never an item, never a hang.
    assert not any("pipe" in w for w in result.warnings)
    assert uids(result) == ["a", "b", "c"]
    assert any(w.startswith("home/big.ics was left out:") for w in result.warnings)


def test_a_faulty_item_keeps_its_warning_until_fixed(root: Path) -> None:
    broken = root / "work" / "broken.ics"
    broken.write_bytes(b"garbage")
    the_reader = reader(root)
    the_reader.read()

    again = the_reader.read()
    assert again.parsed == 0
    assert any("broken.ics" in w for w in again.warnings)

    write(broken, event_ics("fixed"))
    fixed = the_reader.read()
    assert "fixed" in uids(fixed)
    assert not any("broken.ics" in w for w in fixed.warnings)


def test_hidden_and_temporary_files_are_ignored(root: Path) -> None:
    folder = root / "work"
    for name in (".x.ics.tmp", ".hidden.ics", "tmpab12cd", "draft.ics~", "note.txt", ".ics"):
        (folder / name).write_text(event_ics(name), encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "z.ics").write_text(event_ics("git"), encoding="utf-8")

    result = reader(root).read()

    assert uids(result) == ["a", "b", "c"]
    assert result.warnings == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("abc.ics", True),
        (".abc.ics", False),
        ("abc.ics.tmp", False),
        ("abc.ics~", False),
        (".ics", False),
        ("abc.ICS", False),
        ("tmpq1w2e3", False),
    ],
)
def test_item_names(name: str, expected: bool) -> None:
    assert is_item_name(name) is expected


def test_other_file_extensions_follow_the_config(tmp_path: Path) -> None:
    write(tmp_path / "cal" / "x.ical", event_ics("x"))
    write(tmp_path / "cal" / "y.ics", event_ics("y"))

    result = VdirReader(
        tmp_path, first_day=FIRST, last_day=LAST, rules=RULES, file_extension=".ical"
    ).read()

    assert uids(result) == ["x"]


def test_a_bad_color_is_dropped_and_an_empty_displayname_falls_back(root: Path) -> None:
    (root / "home" / "color").write_text("red", encoding="utf-8")
    (root / "home" / "displayname").write_text("  \n", encoding="utf-8")

    calendars = reader(root).read().calendars

    assert (calendars[0].name, calendars[0].color) == ("home", None)


def test_missing_root_is_a_warning_not_an_error(tmp_path: Path) -> None:
    result = reader(tmp_path / "absent").read()

    assert result.calendars == []
    assert result.events == []
    assert result.warnings == [f"{tmp_path / 'absent'} is not a folder; no calendar was read."]


def test_empty_root_says_so(tmp_path: Path) -> None:
    assert reader(tmp_path).read().warnings == [f"{tmp_path} holds no calendar items."]


def test_the_same_meeting_in_two_calendars_counts_once(root: Path) -> None:
    write(root / "home" / "a-copy.ics", event_ics("a", hour=9))

    result = reader(root).read()

    copies = [event for event in result.events if event.uid == "a"]
    assert sorted((e.counted, e.reason) for e in copies) == [
        (False, Exclusion.DUPLICATE),
        (True, None),
    ]


def test_mark_duplicates_keeps_the_highest_sequence(root: Path) -> None:
    write(root / "home" / "a-old.ics", event_ics("a", hour=9, seq=0))
    write(root / "work" / "a.ics", event_ics("a", hour=9, seq=3))

    events = reader(root).read().events

    kept = [e for e in events if e.uid == "a" and e.counted]
    assert [(e.sequence, e.source) for e in kept] == [(3, "work/a.ics")]
    assert mark_duplicates([]) == []


def test_inverted_range_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="last day"):
        VdirReader(tmp_path, first_day=LAST, last_day=FIRST, rules=RULES)


def test_a_watcher_notice_lists_only_the_folders_it_names(root: Path) -> None:
    the_reader = reader(root)
    the_reader.read()
    write(root / "work" / "b.ics", event_ics("b", hour=16))
    write(root / "home" / "c.ics", event_ics("c", hour=17))

    only_work = the_reader.read(changed=[root / "work"])

    assert only_work.parsed == 1
    hours = {e.uid: e.start.hour for e in only_work.events}
    assert hours == {"a": 9, "b": 16, "c": 14}  # home was not named: its old state stays
    assert the_reader.read().parsed == 1  # a full read (a sync) finds the rest
    assert {e.uid: e.start.hour for e in the_reader.read().events}["c"] == 17


def test_a_watcher_notice_for_the_root_finds_new_calendars(root: Path) -> None:
    the_reader = reader(root)
    the_reader.read()
    write(root / "team" / "t.ics", event_ics("t", hour=12))

    assert "t" not in uids(the_reader.read(changed=[root / "work"]))
    result = the_reader.read(changed=[root])

    assert [c.name for c in result.calendars] == ["home", "team", "Work (Nextcloud)"]
    assert "t" in uids(result)
    assert result.parsed == 1


def test_a_watcher_notice_sees_a_deletion(root: Path) -> None:
    the_reader = reader(root)
    the_reader.read()
    (root / "work" / "a.ics").unlink()

    result = the_reader.read(changed=[root / "work"])

    assert result.changed
    assert uids(result) == ["b", "c"]


def test_the_first_read_lists_everything_whatever_is_named(root: Path) -> None:
    assert uids(reader(root).read(changed=[root / "work"])) == ["a", "b", "c"]


# The incremental reader always agrees with a fresh one -------------------------------------

operations = st.lists(
    st.tuples(
        st.sampled_from(["write", "delete", "garbage", "rename-in"]),
        st.sampled_from(["work", "home"]),
        st.integers(0, 4),
        st.integers(6, 20),
    ),
    max_size=12,
)


def summary(result: vdir.VdirReadResult) -> tuple[object, ...]:
    return (
        sorted((e.uid, e.start, e.counted, e.reason, e.source) for e in result.events),
        sorted(result.warnings),
        [(c.name, c.item_count) for c in result.calendars],
    )


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(operations, st.booleans())
def test_incremental_reads_equal_a_fresh_read(
    tmp_path: Path, steps: list[tuple[str, str, int, int]], notify: bool
) -> None:
    base = tmp_path / f"case-{uuid.uuid4().hex}"
    write(base / "work" / "seed.ics", event_ics("seed"))
    the_reader = reader(base)
    the_reader.read()
    for action, calendar, number, hour in steps:
        path = base / calendar / f"item-{number}.ics"
        if action == "write":
            write(path, event_ics(f"u{number}", hour=hour))
        elif action == "delete":
            path.unlink(missing_ok=True)
        elif action == "garbage":
            write(path, "not a calendar")
        else:  # a file moved in from elsewhere keeps its mtime but has a new name
            outside = tmp_path / f"out-{uuid.uuid4().hex}.ics"
            outside.write_text(event_ics(f"u{number}", hour=hour), encoding="utf-8")
            path.parent.mkdir(parents=True, exist_ok=True)
            outside.replace(path)
        changed = [path.parent] if notify else None
        assert summary(the_reader.read(changed=changed)) == summary(reader(base).read())


def test_a_root_that_is_a_calendar_still_finds_new_subfolders(tmp_path: Path) -> None:
    write(tmp_path / "cal" / "a.ics", event_ics("a"))
    the_reader = reader(tmp_path / "cal")
    the_reader.read()
    write(tmp_path / "cal" / "sub" / "b.ics", event_ics("b"))

    assert uids(the_reader.read(changed=[tmp_path / "cal"])) == ["a", "b"]
