from __future__ import annotations

import dataclasses
import datetime as dt
import os
import stat
import tomllib
from pathlib import Path

import pytest

from focusapp.domain.review_schedule import ReviewMoment
from focusapp.settings.specs import KEYS, accepted_form, get_text, to_document, with_value
from focusapp.settings.store import SettingsStore
from focusapp.settings.values import DEFAULT_SETTINGS, Settings, SettingsError

DEFAULT_TEXTS = {
    "checkin.reminder_time": "17:30",
    "checkin.workdays": "mon,tue,wed,thu,fri",
    "checkin.snooze_minutes": "45",
    "day.start_hour": "4",
    "meetings.daily_budget": "4h",
    "focus.length_minutes": "90",
    "ui.theme": "system",
    "app.start_at_login": "false",
    "ui.tray_icon": "true",
    "calendar.my_addresses": "",
    "calendar.work_hours": "09:00-17:00",
    "calendar.not_meeting_patterns": "focus,focus time,blocked,lunch,ooo,out of office",
    "calendar.only_with_attendees": "false",
    "calendar.watch_files": "",
    "calendar.keep_titles": "true",
    "forecast.days": "14",
    "review.moment": "fri 16:00",
}

# Every key set to a non-default value: (key, typed text, canonical text, attribute, value).
CHANGES = [
    ("checkin.reminder_time", " 9:05 ", "09:05", "reminder_time", dt.time(9, 5)),
    ("checkin.workdays", "Sat, mon,MON", "mon,sat", "workdays", frozenset({0, 5})),
    ("checkin.workdays", "monday,friday", "mon,fri", "workdays", frozenset({0, 4})),
    ("checkin.workdays", "", "", "workdays", frozenset()),
    ("checkin.snooze_minutes", "720", "720", "snooze_minutes", 720),
    ("checkin.snooze_minutes", "1", "1", "snooze_minutes", 1),
    ("day.start_hour", "0", "0", "day_start_hour", 0),
    ("day.start_hour", "12", "12", "day_start_hour", 12),
    ("meetings.daily_budget", "1h30", "1h30", "meeting_budget_minutes", 90),
    ("meetings.daily_budget", "2.5h", "2h30", "meeting_budget_minutes", 150),
    ("meetings.daily_budget", "45", "45m", "meeting_budget_minutes", 45),
    ("meetings.daily_budget", "0", "0m", "meeting_budget_minutes", 0),
    ("meetings.daily_budget", "24h", "24h", "meeting_budget_minutes", 1440),
    ("focus.length_minutes", "5", "5", "focus_length_minutes", 5),
    ("focus.length_minutes", "480", "480", "focus_length_minutes", 480),
    ("ui.theme", "Dark", "dark", "theme", "dark"),
    ("ui.theme", "light", "light", "theme", "light"),
    ("app.start_at_login", "TRUE", "true", "start_at_login", True),
    ("app.start_at_login", "yes", "true", "start_at_login", True),
    ("ui.tray_icon", "false", "false", "tray_icon", False),
    ("ui.tray_icon", "off", "false", "tray_icon", False),
    (
        "calendar.my_addresses",
        "Me@Example.com, mailto:me@work.example;me@example.com",
        "me@example.com,me@work.example",
        "calendar_my_addresses",
        ("me@example.com", "me@work.example"),
    ),
    ("calendar.my_addresses", "", "", "calendar_my_addresses", ()),
    (
        "calendar.work_hours",
        "8:30 - 16:45",
        "08:30-16:45",
        "calendar_work_hours",
        (dt.time(8, 30), dt.time(16, 45)),
    ),
    (
        "calendar.not_meeting_patterns",
        "Focus, Deep Work,,focus",
        "focus,deep work",
        "calendar_not_meeting_patterns",
        ("focus", "deep work"),
    ),
    ("calendar.not_meeting_patterns", "", "", "calendar_not_meeting_patterns", ()),
    ("calendar.only_with_attendees", "true", "true", "calendar_only_with_attendees", True),
    (
        "calendar.watch_files",
        " ~/cal/work.ics , /tmp/b.ics",
        "~/cal/work.ics,/tmp/b.ics",
        "calendar_watch_files",
        ("~/cal/work.ics", "/tmp/b.ics"),
    ),
    (
        "calendar.watch_files",
        f"/a/one, two.ics{os.pathsep}/b/three.ics",
        f"/a/one, two.ics{os.pathsep}/b/three.ics",
        "calendar_watch_files",
        ("/a/one, two.ics", "/b/three.ics"),
    ),
    (
        "calendar.watch_files",
        f"/a/x,y.ics{os.pathsep}",
        f"/a/x,y.ics{os.pathsep}",
        "calendar_watch_files",
        ("/a/x,y.ics",),
    ),
    ("calendar.watch_files", "", "", "calendar_watch_files", ()),
    ("calendar.keep_titles", "false", "false", "calendar_keep_titles", False),
    ("forecast.days", "7", "7", "forecast_days", 7),
    ("review.moment", "off", "off", "review_moment", None),
    ("review.moment", "Mon 9:05", "mon 09:05", "review_moment", ReviewMoment(0, dt.time(9, 5))),
]

# (key, bad text, words the problem must mention)
INVALID = [
    ("checkin.reminder_time", "25:00", "not a time"),
    ("checkin.reminder_time", "17:60", "not a time"),
    ("checkin.reminder_time", "5pm", "not a time"),
    ("checkin.reminder_time", "", "empty"),
    ("checkin.workdays", "mon,funday", "'funday' is not a weekday"),
    ("checkin.snooze_minutes", "0", "0 is outside 1-720"),
    ("checkin.snooze_minutes", "721", "721 is outside 1-720"),
    ("checkin.snooze_minutes", "45m", "not a whole number"),
    ("checkin.snooze_minutes", "4.5", "not a whole number"),
    ("day.start_hour", "13", "13 is outside 0-12"),
    ("day.start_hour", "-1", "-1 is outside 0-12"),
    ("meetings.daily_budget", "lots", "not a duration"),
    ("meetings.daily_budget", "25h", "more than 24h"),
    ("meetings.daily_budget", "-1h", "not a duration"),
    ("focus.length_minutes", "4", "4 is outside 5-480"),
    ("focus.length_minutes", "481", "481 is outside 5-480"),
    ("ui.theme", "purple", "not a theme"),
    ("app.start_at_login", "maybe", "not true or false"),
    ("ui.tray_icon", "2", "not true or false"),
    ("calendar.my_addresses", "me@example.com, not-an-address", "not an e-mail address"),
    ("calendar.my_addresses", "a@b@c", "not an e-mail address"),
    ("calendar.work_hours", "17:00-09:00", "does not start before it ends"),
    ("calendar.work_hours", "09:00-09:00", "does not start before it ends"),
    ("calendar.work_hours", "9-5", "not a time range"),
    ("calendar.work_hours", "09:00-25:00", "not a time"),
    ("calendar.only_with_attendees", "sometimes", "not true or false"),
    ("calendar.watch_files", "/a/b\0c.ics", "NUL"),
    ("calendar.keep_titles", "perhaps", "not true or false"),
    ("forecast.days", "6", "outside 7-28"),
    ("review.moment", "someday 16:00", "not a weekday"),
    ("review.moment", "fri 4pm", "not a time"),
]


def test_keys_in_order() -> None:
    assert tuple(DEFAULT_TEXTS) == KEYS


@pytest.mark.parametrize(("key", "text"), DEFAULT_TEXTS.items())
def test_default_text(key: str, text: str) -> None:
    assert get_text(Settings(), key) == text
    assert with_value(Settings(), key, text) == Settings()


def test_default_values_are_typed() -> None:
    s = DEFAULT_SETTINGS
    assert s.reminder_time == dt.time(17, 30)
    assert s.workdays == frozenset({0, 1, 2, 3, 4})
    assert (s.snooze_minutes, s.day_start_hour, s.focus_length_minutes) == (45, 4, 90)
    assert s.meeting_budget_minutes == 240
    assert s.calendar_work_hours == (dt.time(9), dt.time(17))
    assert s.calendar_my_addresses == ()
    assert s.calendar_watch_files == ()
    assert not s.calendar_only_with_attendees


@pytest.mark.parametrize(("key", "text", "canonical", "attr", "value"), CHANGES)
def test_set_and_get_every_key(
    key: str, text: str, canonical: str, attr: str, value: object
) -> None:
    changed = with_value(Settings(), key, text)
    assert getattr(changed, attr) == value
    assert get_text(changed, key) == canonical
    assert with_value(Settings(), key, canonical) == changed
    # Only that attribute changed.
    others = {f.name for f in dataclasses.fields(Settings)} - {attr}
    assert all(getattr(changed, name) == getattr(Settings(), name) for name in others)


def test_every_key_has_a_change_and_an_invalid_case() -> None:
    assert {key for key, *_ in CHANGES} == set(KEYS)
    booleans_and_lists = {"calendar.not_meeting_patterns"}  # any text is a valid pattern list
    assert {key for key, *_ in INVALID} == set(KEYS) - booleans_and_lists


@pytest.mark.parametrize(("key", "text", "problem"), INVALID)
def test_invalid_values_are_explained(key: str, text: str, problem: str) -> None:
    with pytest.raises(SettingsError) as raised:
        with_value(Settings(), key, text)
    message = str(raised.value)
    assert message.startswith(f"{key}: ")
    assert problem in message
    assert f"; use {accepted_form(key)}" in message


def test_settings_error_is_a_value_error() -> None:
    assert issubclass(SettingsError, ValueError)


def test_unknown_key_lists_the_valid_ones() -> None:
    with pytest.raises(SettingsError, match=r"unknown setting 'checkin\.reminder'") as raised:
        with_value(Settings(), "checkin.reminder", "17:00")
    message = str(raised.value)
    assert "did you mean 'checkin.reminder_time'?" in message
    assert all(key in message for key in KEYS)
    with pytest.raises(SettingsError, match="unknown setting 'nope'"):
        get_text(Settings(), "nope")
    with pytest.raises(SettingsError, match="valid settings are"):
        accepted_form("nope")


def _everything_changed() -> Settings:
    settings = Settings()
    for key, text, *_ in CHANGES:
        if text:  # keep the last non-empty change of each key
            settings = with_value(settings, key, text)
    return settings


# --- The file ----------------------------------------------------------------------------------


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.toml")
    assert store.load() == Settings()
    assert store.problems == []
    assert not (tmp_path / "settings.toml").exists()


def test_round_trip_through_toml(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "settings.toml"
    changed = _everything_changed()
    assert changed != Settings()
    store = SettingsStore(path)
    assert store.save(changed) is None
    fresh = SettingsStore(path)
    assert fresh.load() == changed
    assert fresh.problems == []
    assert SettingsStore(path).load() == changed
    for key in KEYS:
        assert get_text(fresh.load(), key) == get_text(changed, key)


def test_defaults_round_trip(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.toml")
    store.save(Settings())
    assert store.load() == Settings()
    assert store.problems == []


def test_file_is_nested_toml_tables(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    SettingsStore(path).save(Settings())
    text = path.read_text(encoding="utf-8")
    assert "[checkin]" in text
    assert 'reminder_time = "17:30"' in text
    document = tomllib.loads(text)
    assert document == to_document(Settings())
    assert document["checkin"] == {
        "reminder_time": "17:30",
        "workdays": "mon,tue,wed,thu,fri",
        "snooze_minutes": 45,
    }
    assert document["day"] == {"start_hour": 4}
    assert document["meetings"] == {"daily_budget": "4h"}
    assert document["ui"] == {"theme": "system", "tray_icon": True}
    assert document["app"] == {"start_at_login": False}
    assert document["calendar"]["watch_files"] == []
    assert document["calendar"]["work_hours"] == "09:00-17:00"


def test_saved_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("", encoding="utf-8")
    path.chmod(0o644)
    SettingsStore(path).save(Settings())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    SettingsStore(path).save(_everything_changed())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_save_leaves_no_temporary_files(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.toml")
    store.save(Settings())
    store.save(_everything_changed())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.toml"]


def test_failed_save_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.toml"
    store = SettingsStore(path)
    store.save(Settings())
    before = path.read_bytes()

    def broken_replace(self: Path, target: Path) -> Path:
        raise OSError("disk full")

    monkeypatch.setattr(Path, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        store.save(_everything_changed())
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.toml"]


def test_broken_toml_gives_defaults_and_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    broken = b'[checkin]\nreminder_time = "18:00\nsnooze = \n'
    path.write_bytes(broken)
    store = SettingsStore(path)
    assert store.load() == Settings()
    assert len(store.problems) == 1
    assert "not valid TOML" in store.problems[0]
    assert path.read_bytes() == broken  # loading never rewrites the file
    backup = store.save(with_value(Settings(), "ui.theme", "dark"))
    assert backup == tmp_path / "settings.toml.broken"
    assert backup.read_bytes() == broken
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert str(backup) in store.problems[0]
    assert SettingsStore(path).load().theme == "dark"
    # A second broken file does not overwrite the first copy.
    path.write_bytes(b"= nonsense")
    second = SettingsStore(path).save(Settings())
    assert second == tmp_path / "settings.toml.broken-1"
    assert backup.read_bytes() == broken


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(b"[ui]\ntheme = '\xff'\n")
    store = SettingsStore(path)
    assert store.load() == Settings()
    assert "not UTF-8" in store.problems[0]


def test_unreadable_path_does_not_crash(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.mkdir()
    store = SettingsStore(path)
    assert store.load() == Settings()
    assert "cannot read" in store.problems[0]


def test_bad_values_fall_back_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        "[checkin]\n"
        'reminder_time = "25:99"\n'
        "snooze_minutes = 30\n"
        "workdays = 5\n"
        "[day]\n"
        "start_hour = 1.5\n"
        "[ui]\n"
        'theme = "dark"\n'
        "tray_icon = 0\n"
        "[focus]\n"
        "length_minutes = true\n",
        encoding="utf-8",
    )
    store = SettingsStore(path)
    loaded = store.load()
    assert loaded.snooze_minutes == 30
    assert loaded.theme == "dark"
    assert loaded.tray_icon is False  # 0 is an accepted "false"
    assert loaded.reminder_time == dt.time(17, 30)
    assert loaded.workdays == Settings().workdays
    assert loaded.day_start_hour == 4
    assert loaded.focus_length_minutes == 90
    joined = "\n".join(store.problems)
    assert len(store.problems) == 4
    assert "checkin.reminder_time: '25:99' is not a time" in joined
    assert "using the default '17:30'" in joined
    assert "checkin.workdays: '5' is not a weekday" in joined
    assert "day.start_hour: has an unsupported value of type float" in joined
    assert "focus.length_minutes: 'true' is not a whole number" in joined
    assert all(str(path) in problem for problem in store.problems)
    # Saving keeps what the user typed in a copy.
    assert store.save(loaded) == tmp_path / "settings.toml.broken"


def test_hand_written_forms_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        "[checkin]\n"
        'workdays = ["mon", "wed"]\n'
        'snooze_minutes = "30"\n'
        "[meetings]\n"
        "daily_budget = 180\n"
        "[app]\n"
        'start_at_login = "yes"\n'
        "[calendar]\n"
        'my_addresses = ["A@x.org", "b@y.org"]\n'
        'not_meeting_patterns = "Lunch"\n'
        'watch_files = "/a.ics,/b.ics"\n',
        encoding="utf-8",
    )
    store = SettingsStore(path)
    loaded = store.load()
    assert store.problems == []
    assert loaded.workdays == frozenset({0, 2})
    assert loaded.snooze_minutes == 30
    assert loaded.meeting_budget_minutes == 180
    assert loaded.start_at_login is True
    assert loaded.calendar_my_addresses == ("a@x.org", "b@y.org")
    assert loaded.calendar_not_meeting_patterns == ("lunch",)
    assert loaded.calendar_watch_files == ("/a.ics", "/b.ics")


def test_wrong_shapes_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        'checkin = "17:30"\n'
        "[ui]\n"
        'theme = ["dark"]\n'
        "[calendar]\n"
        "watch_files = [1, 2]\n"
        'my_addresses = ["a@b.org,c@d.org"]\n',
        encoding="utf-8",
    )
    store = SettingsStore(path)
    assert store.load() == Settings()
    joined = "\n".join(store.problems)
    assert "'checkin' should be a table" in joined
    assert "ui.theme: is a list but takes a single value" in joined
    assert "calendar.watch_files: is a list with non-text items" in joined
    assert "calendar.my_addresses: 'a@b.org,c@d.org' contains a comma" in joined
    SettingsStore(path).save(Settings())
    assert SettingsStore(path).load() == Settings()


def test_unknown_settings_are_reported_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        '[ui]\ntheme = "light"\nzoom = 2\n[window]\ngeometry = "800x600"\n', encoding="utf-8"
    )
    store = SettingsStore(path)
    assert store.load().theme == "light"
    assert any("unknown setting 'ui.zoom' ignored" in p for p in store.problems)
    assert any("unknown section [window] ignored" in p for p in store.problems)
    assert store.save(with_value(Settings(), "ui.theme", "dark")) is None  # nothing broken
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    assert document["ui"]["zoom"] == 2
    assert document["window"] == {"geometry": "800x600"}
    assert document["ui"]["theme"] == "dark"


def test_get_text_round_trips_for_changed_settings() -> None:
    changed = _everything_changed()
    for key in KEYS:
        assert with_value(changed, key, get_text(changed, key)) == changed


# --- special files in place of settings.toml (issue 15, item 5) -------------------------------


@pytest.mark.parametrize("kind", ["fifo", "device", "loop", "huge"])
def test_a_special_settings_file_gives_defaults_without_blocking(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "settings.toml"
    if kind == "fifo":
        os.mkfifo(path)  # no writer: a plain open() would wait for one forever
    elif kind == "device":
        path.symlink_to("/dev/zero")  # endless: a plain read would fill memory
    elif kind == "loop":
        path.symlink_to(path)
    else:
        path.write_bytes(b"# " + b"x" * (2 * 1024 * 1024) + b"\n")
    store = SettingsStore(path)
    assert store.load() == Settings()
    (problem,) = store.problems
    assert problem.startswith(f"cannot read {path}") and "using default settings" in problem


def test_saving_over_a_fifo_does_not_block_and_replaces_it(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    os.mkfifo(path)
    store = SettingsStore(path)
    store.save(dataclasses.replace(DEFAULT_SETTINGS, snooze_minutes=20))
    assert stat.S_ISREG(path.stat().st_mode)
    assert SettingsStore(path).load().snooze_minutes == 20
