"""``focusapp config list|get|set``, run in-process through ``main`` (and once as a process)."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from typing import TYPE_CHECKING

import pytest

import focusapp.app
from focusapp import APP_ID
from focusapp.cli.main import build_parser, main
from focusapp.settings.specs import KEYS, accepted_form, get_text, with_value
from focusapp.settings.store import SettingsStore
from focusapp.settings.values import DEFAULT_SETTINGS
from focusapp.system.autostart.choose import for_platform
from focusapp.system.autostart.xdg import XdgAutostart

if TYPE_CHECKING:
    from pathlib import Path

# Every key with a non-default value: (key, as typed, as printed back).
CHANGES = [
    ("checkin.reminder_time", "8:05", "08:05"),
    ("checkin.workdays", "Sat,mon", "mon,sat"),
    ("checkin.snooze_minutes", "15", "15"),
    ("day.start_hour", "6", "6"),
    ("meetings.daily_budget", "2.5h", "2h30"),
    ("focus.length_minutes", "25", "25"),
    ("ui.theme", "Dark", "dark"),
    ("app.start_at_login", "yes", "true"),
    ("ui.tray_icon", "off", "false"),
    (
        "calendar.my_addresses",
        "Me@Example.com, mailto:me@work.example",
        "me@example.com,me@work.example",
    ),
    ("calendar.work_hours", "8:30 - 16:00", "08:30-16:00"),
    ("calendar.not_meeting_patterns", "Lunch, Gym", "lunch,gym"),
    ("calendar.only_with_attendees", "true", "true"),
    ("calendar.watch_files", "/cal/work.ics,/cal/home.ics", "/cal/work.ics,/cal/home.ics"),
    ("calendar.keep_titles", "false", "false"),
    ("forecast.days", "21", "21"),
    ("review.moment", "Sunday 18:30", "sun 18:30"),
]

# Every key with a value it refuses, and a word of the reason.
INVALID = [
    ("checkin.reminder_time", "25:00", "not a time"),
    ("checkin.workdays", "mon,funday", "not a weekday"),
    ("checkin.snooze_minutes", "0", "outside 1-720"),
    ("day.start_hour", "13", "outside 0-12"),
    ("meetings.daily_budget", "lots", "not a duration"),
    ("focus.length_minutes", "many", "not a whole number"),
    ("ui.theme", "purple", "not a theme"),
    ("app.start_at_login", "maybe", "not true or false"),
    ("ui.tray_icon", "2", "not true or false"),
    ("calendar.my_addresses", "me", "not an e-mail address"),
    ("calendar.work_hours", "17:00-09:00", "does not start before it ends"),
    ("calendar.not_meeting_patterns", None, None),  # every text is a valid list of patterns
    ("calendar.only_with_attendees", "sometimes", "not true or false"),
    ("calendar.watch_files", "/cal/a\0.ics", "NUL character"),
    ("calendar.keep_titles", "perhaps", "not true or false"),
    ("forecast.days", "60", "outside 7-28"),
    ("review.moment", "friday", "not a weekday and a time"),
]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def config(capsys: pytest.CaptureFixture[str], folder: Path, *args: str) -> tuple[int, str, str]:
    return run(capsys, "--data-dir", str(folder), "config", *args)


def entry(tmp_path: Path) -> Path:
    # conftest points XDG_CONFIG_HOME here.
    return tmp_path / "xdg-config" / "autostart" / f"{APP_ID}.desktop"


def test_every_key_has_a_change_and_an_invalid_case() -> None:
    assert [key for key, *_ in CHANGES] == list(KEYS)
    assert [key for key, *_ in INVALID] == list(KEYS)


def test_list_prints_every_default_in_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = config(capsys, tmp_path / "data", "list")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{key} = {get_text(DEFAULT_SETTINGS, key)}".rstrip() for key in KEYS
    ]
    assert "meetings.daily_budget = 4h" in out.splitlines()
    assert "calendar.my_addresses =" in out.splitlines()
    assert not (tmp_path / "data").exists()  # reading writes nothing


@pytest.mark.parametrize(("key", "typed", "shown"), CHANGES)
def test_set_then_get_every_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, key: str, typed: str, shown: str
) -> None:
    folder = tmp_path / "data"
    code, out, err = config(capsys, folder, "set", key, typed)
    assert (code, out, err) == (0, f"{key} = {shown}\n", "")
    code, out, err = config(capsys, folder, "get", key)
    assert (code, out, err) == (0, f"{shown}\n", "")
    assert f"{key} = {shown}" in config(capsys, folder, "list")[1].splitlines()
    # The file holds exactly the change, and the printed text sets the same value back.
    stored = SettingsStore(folder / "settings.toml").load()
    assert stored == with_value(DEFAULT_SETTINGS, key, typed)
    assert with_value(DEFAULT_SETTINGS, key, shown) == stored


@pytest.mark.parametrize(("key", "typed", "reason"), [c for c in INVALID if c[1] is not None])
def test_invalid_value_is_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, key: str, typed: str, reason: str
) -> None:
    folder = tmp_path / "data"
    code, out, err = config(capsys, folder, "set", key, typed)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith(f"focusapp config: {key}: ")
    assert reason in err
    assert f"use {accepted_form(key)}" in err
    assert err.endswith("; nothing was changed\n")
    assert "Traceback" not in err
    assert not (folder / "settings.toml").exists()
    assert not entry(tmp_path).exists()


def test_invalid_value_leaves_an_existing_file_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    assert config(capsys, folder, "set", "ui.theme", "dark")[0] == 0
    before = (folder / "settings.toml").read_bytes()
    assert config(capsys, folder, "set", "ui.theme", "neon")[0] == 2
    assert (folder / "settings.toml").read_bytes() == before


@pytest.mark.parametrize("action", [("get", "meetings.budget"), ("set", "meetings.budget", "3h")])
def test_unknown_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, action: tuple[str, ...]
) -> None:
    code, out, err = config(capsys, tmp_path / "data", *action)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert "unknown setting 'meetings.budget'" in err
    assert "did you mean 'meetings.daily_budget'?" in err
    assert ", ".join(KEYS) in err
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize(
    "args",
    [(), ("get",), ("set", "ui.theme"), ("frobnicate",), ("set", "ui.theme", "dark", "extra")],
)
def test_usage_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: tuple[str, ...]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        config(capsys, tmp_path / "data", *args)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("focusapp")
    assert "Traceback" not in err


def test_changes_accumulate_and_persist(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "data"
    assert config(capsys, folder, "set", "checkin.reminder_time", "18:15")[0] == 0
    assert config(capsys, folder, "set", "meetings.daily_budget", "3h")[0] == 0
    assert config(capsys, folder, "set", "checkin.reminder_time", "18:45")[0] == 0
    document = tomllib.loads((folder / "settings.toml").read_text(encoding="utf-8"))
    assert document["checkin"]["reminder_time"] == "18:45"
    assert document["meetings"]["daily_budget"] == "3h"
    lines = config(capsys, folder, "list")[1].splitlines()
    assert "checkin.reminder_time = 18:45" in lines
    assert "meetings.daily_budget = 3h" in lines
    assert "ui.theme = system" in lines


def test_settings_file_is_inside_data_dir_and_no_database_is_made(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "profile"
    assert config(capsys, folder, "set", "ui.theme", "light")[0] == 0
    assert sorted(p.name for p in folder.iterdir()) == ["settings.toml"]
    assert (folder / "settings.toml").stat().st_mode & 0o777 == 0o600


def test_data_dir_from_the_environment(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    assert run(capsys, "config", "set", "focus.length_minutes", "45")[0] == 0
    assert SettingsStore(data_dir / "settings.toml").load().focus_length_minutes == 45


@pytest.mark.skipif(sys.platform != "linux", reason="platformdirs follows XDG only on Linux")
def test_platform_config_folder_without_data_dir(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FOCUSAPP_DATA_DIR")
    assert run(capsys, "config", "set", "ui.tray_icon", "false")[0] == 0
    stored = tmp_path / "xdg-config" / "FocusApp" / "settings.toml"
    assert SettingsStore(stored).load().tray_icon is False
    assert not (tmp_path / "xdg-data" / "FocusApp").exists()  # nothing in the data folder


def test_problems_in_the_file_are_warnings(
    capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "settings.toml").write_text('[ui]\ntheme = "neon"\n', encoding="utf-8")
    code, out, _ = config(capsys, folder, "get", "ui.theme")
    assert (code, out) == (0, "system\n")
    assert "ui.theme: 'neon' is not a theme" in caplog.text
    assert "using the default 'system'" in caplog.text
    caplog.clear()
    code, out, _ = config(capsys, folder, "set", "ui.theme", "dark")
    assert (code, out) == (0, "ui.theme = dark\n")
    assert f"kept as {folder / 'settings.toml.broken'}" in caplog.text
    assert (folder / "settings.toml.broken").read_text(encoding="utf-8") == '[ui]\ntheme = "neon"\n'


# --- app.start_at_login ---------------------------------------------------------------------


def exec_line(path: Path) -> str:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if "=" in line]
    return dict(line.split("=", 1) for line in lines)["Exec"]


def test_start_at_login_creates_and_removes_the_xdg_entry(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "my data"
    code, out, err = config(capsys, folder, "set", "app.start_at_login", "true")
    assert (code, out, err) == (0, "app.start_at_login = true\n", "")
    command = exec_line(entry(tmp_path))
    assert " --autostart " in command
    assert command.endswith(f'--data-dir "{folder}"')  # quoted: the path has a space

    code, out, err = config(capsys, folder, "set", "app.start_at_login", "false")
    assert (code, out, err) == (0, "app.start_at_login = false\n", "")
    assert not entry(tmp_path).exists()
    assert SettingsStore(folder / "settings.toml").load().start_at_login is False


def test_setting_true_again_repairs_a_deleted_entry(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    assert config(capsys, folder, "set", "app.start_at_login", "true")[0] == 0
    entry(tmp_path).unlink()
    assert config(capsys, folder, "set", "app.start_at_login", "true")[0] == 0
    assert entry(tmp_path).exists()


def test_start_at_login_failure_saves_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    blocker = entry(tmp_path).parent
    blocker.parent.mkdir(parents=True)
    blocker.write_text("a file where the autostart folder should be")
    code, out, err = config(capsys, folder, "set", "app.start_at_login", "true")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith("focusapp config: app.start_at_login: could not create the login entry")
    assert str(blocker) in err
    assert err.endswith("nothing was changed\n")
    assert not (folder / "settings.toml").exists()


def test_failed_save_takes_the_entry_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    (folder / "settings.toml").mkdir(parents=True)  # cannot be replaced by a file
    code, out, err = config(capsys, folder, "set", "app.start_at_login", "true")
    assert (code, out) == (2, "")
    assert f"cannot write {folder / 'settings.toml'}" in err.splitlines()[-1]
    assert err.splitlines()[-1].endswith("nothing was changed")
    assert not entry(tmp_path).exists()


def test_config_runs_as_a_process(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    env = {**os.environ, "FOCUSAPP_DATA_DIR": str(folder)}

    def focusapp(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "focusapp", "config", *args],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=60,
        )

    assert focusapp("set", "checkin.workdays", "mon,wed").stdout == "checkin.workdays = mon,wed\n"
    result = focusapp("get", "checkin.workdays")
    assert (result.returncode, result.stdout, result.stderr) == (0, "mon,wed\n", "")
    bad = focusapp("set", "day.start_hour", "noon")
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1
    assert "Traceback" not in bad.stderr
    (folder / "settings.toml").write_text("[day]\nstart_hour = 99\n", encoding="utf-8")
    warned = focusapp("get", "day.start_hour")
    assert (warned.returncode, warned.stdout) == (0, "4\n")
    assert warned.stderr.startswith("focusapp: ")
    assert "day.start_hour: 99 is outside 0-12" in warned.stderr


def test_the_login_command_is_one_the_cli_accepts(tmp_path: Path) -> None:
    login = for_platform(tmp_path / "profile", platform="linux")
    assert isinstance(login, XdgAutostart)
    # Drop the program: "/path/focusapp" or "/path/python -m focusapp".
    options = login.command[3:] if login.command[1:2] == ["-m"] else login.command[1:]
    args = build_parser().parse_args(options)
    assert args.autostart is True
    assert args.data_dir == str(tmp_path / "profile")
    assert args.command is None  # the GUI


@pytest.mark.parametrize(
    ("argv", "autostart", "tray_window"),
    [(["--autostart"], True, False), ([], False, False), (["--tray-window"], False, True)],
)
def test_autostart_and_tray_window_flags_reach_the_gui(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], autostart: bool, tray_window: bool
) -> None:
    calls: list[tuple[str | Path | None, bool, bool]] = []

    def fake_run_gui(
        data_dir: str | Path | None = None, *, autostart: bool = False, tray_window: bool = False
    ) -> int:
        calls.append((data_dir, autostart, tray_window))
        return 0

    monkeypatch.setattr(focusapp.app, "run_gui", fake_run_gui)
    assert main(["--data-dir", "/some/where", *argv]) == 0
    assert calls == [("/some/where", autostart, tray_window)]
