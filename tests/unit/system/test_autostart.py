"""Start at login on Linux, Windows and macOS, each tested with temporary folders and fakes."""

from __future__ import annotations

import logging
import os
import plistlib
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from focusapp import APP_ID
from focusapp.system.autostart.choose import for_platform
from focusapp.system.autostart.common import (
    Autostart,
    AutostartError,
    custom_data_dir,
    launch_command,
    profile_data_dir,
)
from focusapp.system.autostart.macos import MacAutostart
from focusapp.system.autostart.windows import WindowsAutostart, WinregRunRegistry
from focusapp.system.autostart.xdg import (
    XdgAutostart,
    desktop_entry,
    desktop_exec,
    xdg_autostart_dir,
)
from focusapp.system.paths import resolve_paths

if TYPE_CHECKING:
    from collections.abc import Sequence

COMMAND = ["/opt/FocusApp/bin/focusapp", "--autostart"]


def no_which(name: str) -> str | None:
    return None


# --- the command ---------------------------------------------------------------------------


def test_console_script_started_us(tmp_path: Path) -> None:
    script = tmp_path / "bin" / "focusapp"
    script.parent.mkdir()
    script.write_text("#!/usr/bin/env python\n")
    command = launch_command(argv0=str(script), which=no_which, executable="/py", frozen=False)
    assert command == [str(script), "--autostart"]


def test_relative_console_script_is_made_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "focusapp").write_text("#!/usr/bin/env python\n")
    monkeypatch.chdir(tmp_path)
    command = launch_command(argv0="focusapp", which=no_which, executable="/py", frozen=False)
    assert command == [str(tmp_path / "focusapp"), "--autostart"]


def test_windows_console_script_exe(tmp_path: Path) -> None:
    script = tmp_path / "focusapp.exe"
    script.write_bytes(b"MZ")
    command = launch_command(argv0=str(script), which=no_which, executable="/py", frozen=False)
    assert command[0] == str(script)


def test_symlinked_script_is_kept_as_the_link(tmp_path: Path) -> None:
    # pipx and Nix put a stable link on the PATH; the target changes on every upgrade.
    target = tmp_path / "venv-1.0" / "focusapp"
    target.parent.mkdir()
    target.write_text("#!/usr/bin/env python\n")
    link = tmp_path / "focusapp"
    link.symlink_to(target)
    command = launch_command(argv0=str(link), which=no_which, executable="/py", frozen=False)
    assert command[0] == str(link)


def test_python_dash_m_uses_this_interpreter() -> None:
    main = Path(__file__).resolve().parents[3] / "focusapp" / "__main__.py"
    command = launch_command(
        argv0=str(main), which=lambda name: "/usr/bin/focusapp", executable="/venv/py", frozen=False
    )
    assert command == ["/venv/py", "-m", "focusapp", "--autostart"]


def test_other_starter_looks_on_the_path() -> None:
    command = launch_command(
        argv0="/usr/bin/pytest", which=lambda name: f"/home/me/.local/bin/{name}", frozen=False
    )
    assert command == ["/home/me/.local/bin/focusapp", "--autostart"]


def test_falls_back_to_python_dash_m() -> None:
    command = launch_command(argv0="", which=no_which, executable="/venv/py", frozen=False)
    assert command == ["/venv/py", "-m", "focusapp", "--autostart"]


def test_frozen_bundle_starts_itself() -> None:
    command = launch_command(
        argv0="whatever", which=no_which, executable="/Applications/FocusApp", frozen=True
    )
    assert command == ["/Applications/FocusApp", "--autostart"]


def test_data_dir_is_passed_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    command = launch_command(Path("profile"), argv0="", which=no_which, executable="/py")
    assert command[-3:] == ["--autostart", "--data-dir", str(tmp_path / "profile")]


def test_custom_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOCUSAPP_DATA_DIR", str(tmp_path / "from-env"))
    assert custom_data_dir(str(tmp_path / "given")) == tmp_path / "given"
    assert custom_data_dir(None) == tmp_path / "from-env"
    monkeypatch.delenv("FOCUSAPP_DATA_DIR")
    assert custom_data_dir(None) is None


def test_profile_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert profile_data_dir(resolve_paths(tmp_path / "profile")) == tmp_path / "profile"
    monkeypatch.delenv("FOCUSAPP_DATA_DIR")
    # The default profile's settings are not in its data folder: --data-dir would change them.
    assert profile_data_dir(resolve_paths()) is None


def test_autostart_error_is_an_os_error() -> None:
    # Callers that handle file errors (OSError) handle login-entry errors too.
    assert issubclass(AutostartError, OSError)


# --- Exec quoting ---------------------------------------------------------------------------


def parse_exec(value: str) -> list[str]:
    """Split an ``Exec`` value as a desktop environment does (the spec's two levels)."""
    escapes = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
    text, i = "", 0
    while i < len(value):  # level 1: string-value escapes
        if value[i] == "\\" and i + 1 < len(value) and value[i + 1] in escapes:
            text += escapes[value[i + 1]]
            i += 2
        else:
            text += value[i]
            i += 1
    args: list[str] = []
    current: str | None = None
    quoted, i = False, 0
    while i < len(text):  # level 2: quoting of arguments
        char = text[i]
        if quoted:
            if char == "\\":
                current = (current or "") + text[i + 1]
                i += 1
            elif char == '"':
                quoted = False
            else:
                current = (current or "") + char
        elif char == " ":
            if current is not None:
                args.append(current)
            current = None
        elif char == '"':
            quoted, current = True, current or ""
        else:
            assert char not in "\"'\\><~|&;$*?#()`", f"unquoted reserved character {char!r}"
            current = (current or "") + char
        i += 1
    assert not quoted
    if current is not None:
        args.append(current)
    return [arg.replace("%%", "%") for arg in args]


@pytest.mark.parametrize(
    "command",
    [
        ["/usr/bin/focusapp", "--autostart"],
        ["/home/me/My Apps/focusapp", "--autostart", "--data-dir", "/home/me/Focus Data"],
        ['/odd/"quoted"/fa', "--data-dir", "/d/$HOME/`x`/a\\b"],
        ["/100%/fa", "--data-dir", "/tabs\tand\nnewlines;&|<>~*?#()'"],
        ["/venv/bin/python", "-m", "focusapp", "--autostart"],
        ["/empty-arg", ""],
    ],
)
def test_exec_round_trips(command: list[str]) -> None:
    value = desktop_exec(command)
    assert "\n" not in value
    assert parse_exec(value) == command


def test_plain_paths_are_not_quoted() -> None:
    assert desktop_exec(["/usr/bin/focusapp", "--autostart"]) == "/usr/bin/focusapp --autostart"


# --- Linux ----------------------------------------------------------------------------------


def linux(tmp_path: Path, command: Sequence[str] = COMMAND) -> XdgAutostart:
    login = for_platform(
        platform="linux",
        home=tmp_path / "home",
        env={"XDG_CONFIG_HOME": str(tmp_path / "config")},
        command=command,
    )
    assert isinstance(login, XdgAutostart)
    return login


def entry_values(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line)


def test_linux_entry_lives_in_xdg_config_home(tmp_path: Path) -> None:
    login = linux(tmp_path)
    assert login.path == tmp_path / "config" / "autostart" / f"{APP_ID}.desktop"
    assert login.location == str(login.path)
    assert not login.is_enabled()
    login.enable()
    assert login.is_enabled()
    values = entry_values(login.path)
    assert values["Exec"] == "/opt/FocusApp/bin/focusapp --autostart"
    assert values["Type"] == "Application"
    assert values["X-GNOME-Autostart-enabled"] == "true"
    assert values["X-GNOME-Autostart-Delay"] == "10"
    assert values["X-KDE-autostart-phase"] == "2"
    assert values["Terminal"] == "false"
    assert "Hidden" not in values
    assert stat.S_IMODE(login.path.stat().st_mode) == 0o644
    assert [p.name for p in login.path.parent.iterdir()] == [login.path.name]  # no temp files

    login.disable()
    assert not login.path.exists()
    assert not login.is_enabled()
    login.disable()  # already off: nothing to do


def test_linux_enable_replaces_an_old_entry(tmp_path: Path) -> None:
    linux(tmp_path, ["/old/focusapp", "--autostart"]).enable()
    login = linux(tmp_path)
    login.enable()
    assert entry_values(login.path)["Exec"] == "/opt/FocusApp/bin/focusapp --autostart"


def test_linux_default_folder_is_dot_config(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert xdg_autostart_dir({}, home) == home / ".config" / "autostart"
    # A relative XDG_CONFIG_HOME is invalid per the spec and ignored.
    assert xdg_autostart_dir({"XDG_CONFIG_HOME": "rel"}, home) == home / ".config" / "autostart"
    login = for_platform(platform="linux", home=home, env={}, command=COMMAND)
    assert isinstance(login, XdgAutostart)
    assert login.path == home / ".config" / "autostart" / f"{APP_ID}.desktop"


def test_linux_uses_the_environment_by_default(tmp_path: Path) -> None:
    # conftest points XDG_CONFIG_HOME at this test's folder.
    login = for_platform(platform="linux", command=COMMAND)
    assert isinstance(login, XdgAutostart)
    assert login.path == tmp_path / "xdg-config" / "autostart" / f"{APP_ID}.desktop"


@pytest.mark.parametrize(
    ("extra", "enabled"),
    [
        ("Hidden=true", False),
        ("Hidden=false", True),
        ("X-GNOME-Autostart-enabled=false", False),
    ],
)
def test_linux_switched_off_by_a_desktop_editor(tmp_path: Path, extra: str, enabled: bool) -> None:
    login = linux(tmp_path)
    login.enable()
    text = login.path.read_text(encoding="utf-8").replace("X-GNOME-Autostart-enabled=true\n", "")
    login.path.write_text(text + extra + "\n", encoding="utf-8")
    assert login.is_enabled() is enabled


def test_linux_errors_say_where(tmp_path: Path) -> None:
    login = linux(tmp_path)
    login.path.parent.parent.mkdir(parents=True)
    login.path.parent.write_text("a file where the folder should be")
    with pytest.raises(AutostartError, match=r"cannot write .*autostart"):
        login.enable()

    blocked = linux(tmp_path / "other")
    blocked.path.mkdir(parents=True)  # a folder where the entry should be
    with pytest.raises(AutostartError, match="cannot remove"):
        blocked.disable()
    with pytest.raises(AutostartError, match="cannot read"):
        blocked.is_enabled()


def test_linux_entry_passes_desktop_file_validate(tmp_path: Path) -> None:
    login = linux(tmp_path, ["/home/me/My Apps/focusapp", "--autostart", "--data-dir", "/d/50%"])
    login.enable()
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (apt-get install desktop-file-utils)")
    result = subprocess.run([tool, str(login.path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""  # no warnings either


def test_desktop_entry_text_starts_with_the_group() -> None:
    text = desktop_entry(COMMAND)
    assert text.startswith("[Desktop Entry]\n")
    assert text.endswith("\n")


# --- Windows --------------------------------------------------------------------------------


class FakeRegistry:
    """The Run key as a dict; ``fail`` makes every call raise like a denied registry."""

    def __init__(self, fail: bool = False) -> None:
        self.values: dict[str, str] = {}
        self.fail = fail

    def _check(self) -> None:
        if self.fail:
            raise PermissionError(13, "Access is denied")

    def get(self, name: str) -> str | None:
        self._check()
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self._check()
        self.values[name] = value

    def delete(self, name: str) -> None:
        self._check()
        self.values.pop(name, None)


def test_windows_run_value(tmp_path: Path) -> None:
    registry = FakeRegistry()
    command = [r"C:\Program Files\FocusApp\focusapp.exe", "--autostart", "--data-dir", r"D:\f"]
    login = for_platform(platform="win32", registry=registry, command=command)
    assert isinstance(login, WindowsAutostart)
    assert login.location.endswith(r"\Software\Microsoft\Windows\CurrentVersion\Run\FocusApp")
    assert not login.is_enabled()
    login.enable()
    assert registry.values == {
        "FocusApp": r'"C:\Program Files\FocusApp\focusapp.exe" --autostart --data-dir D:\f'
    }
    assert login.is_enabled()
    login.disable()
    assert registry.values == {}
    assert not login.is_enabled()
    login.disable()


def test_windows_leaves_other_run_values_alone() -> None:
    registry = FakeRegistry()
    registry.values["OneDrive"] = "onedrive.exe /background"
    login = for_platform(platform="win32", registry=registry, command=COMMAND)
    login.enable()
    login.disable()
    assert registry.values == {"OneDrive": "onedrive.exe /background"}


def test_windows_registry_errors_become_autostart_errors() -> None:
    login = for_platform(platform="win32", registry=FakeRegistry(fail=True), command=COMMAND)
    for action, verb in ((login.enable, "write"), (login.disable, "remove")):
        with pytest.raises(AutostartError, match=rf"cannot {verb} HKEY_CURRENT_USER.*denied"):
            action()
    with pytest.raises(AutostartError, match="cannot read"):
        login.is_enabled()


@pytest.mark.skipif(sys.platform == "win32", reason="checks the behaviour off Windows")
def test_real_registry_is_refused_off_windows() -> None:
    login = WindowsAutostart(WinregRunRegistry(), COMMAND)
    with pytest.raises(AutostartError, match="only on Windows"):
        login.enable()
    with pytest.raises(AutostartError, match="only on Windows"):
        login.is_enabled()


# --- macOS ----------------------------------------------------------------------------------


class FakeRunner:
    def __init__(self, error: Exception | None = None) -> None:
        self.calls: list[list[str]] = []
        self.error = error

    def __call__(self, command: Sequence[str]) -> None:
        self.calls.append(list(command))
        if self.error is not None:
            raise self.error


def mac(tmp_path: Path, runner: FakeRunner | None) -> MacAutostart:
    login = MacAutostart(
        tmp_path / "Library" / "LaunchAgents" / f"{APP_ID}.plist", COMMAND, runner, uid=501
    )
    return login


def test_mac_launch_agent(tmp_path: Path) -> None:
    runner = FakeRunner()
    login = for_platform(platform="darwin", home=tmp_path, runner=runner, command=COMMAND)
    assert isinstance(login, MacAutostart)
    assert login.path == tmp_path / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    assert not login.is_enabled()
    login.enable()
    agent = plistlib.loads(login.path.read_bytes())
    assert agent["Label"] == APP_ID
    assert agent["ProgramArguments"] == COMMAND
    assert agent["RunAtLoad"] is True
    assert agent["KeepAlive"] is False
    assert agent["LimitLoadToSessionType"] == "Aqua"
    assert login.is_enabled()
    assert runner.calls == [["launchctl", "enable", f"gui/{os.getuid()}/{APP_ID}"]]
    login.disable()
    assert not login.path.exists()
    assert not login.is_enabled()
    # Never load, bootstrap or boot out: that would start a second copy or stop this one.
    assert len(runner.calls) == 1


def test_mac_without_runner_only_writes_the_file(tmp_path: Path) -> None:
    login = mac(tmp_path, None)
    login.enable()
    assert login.is_enabled()


def test_mac_runner_failure_is_only_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    runner = FakeRunner(subprocess.CalledProcessError(1, ["launchctl"]))
    login = mac(tmp_path, runner)
    with caplog.at_level(logging.WARNING, logger="focusapp.system.autostart.macos"):
        login.enable()
    assert login.is_enabled()
    assert runner.calls == [["launchctl", "enable", f"gui/501/{APP_ID}"]]
    assert "launchctl enable" in caplog.text


@pytest.mark.parametrize("content", [b"not a plist", plistlib.dumps({"RunAtLoad": False})])
def test_mac_unusable_agent_is_not_enabled(tmp_path: Path, content: bytes) -> None:
    login = mac(tmp_path, None)
    login.path.parent.mkdir(parents=True)
    login.path.write_bytes(content)
    assert not login.is_enabled()


def test_mac_errors_say_where(tmp_path: Path) -> None:
    login = mac(tmp_path, None)
    (tmp_path / "Library").mkdir()
    (tmp_path / "Library" / "LaunchAgents").write_text("not a folder")
    with pytest.raises(AutostartError, match=r"cannot write .*LaunchAgents"):
        login.enable()


# --- choosing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "kind"),
    [
        ("linux", XdgAutostart),
        ("freebsd14", XdgAutostart),
        ("win32", WindowsAutostart),
        ("darwin", MacAutostart),
    ],
)
def test_for_platform_chooses_by_platform(tmp_path: Path, platform: str, kind: type) -> None:
    login: Autostart = for_platform(
        platform=platform, home=tmp_path, registry=FakeRegistry(), command=COMMAND
    )
    assert isinstance(login, kind)


def test_for_platform_passes_the_data_dir_on(tmp_path: Path) -> None:
    login = for_platform(tmp_path / "profile", platform="linux")
    assert isinstance(login, XdgAutostart)
    assert login.command[-3:] == ["--autostart", "--data-dir", str(tmp_path / "profile")]


def test_for_platform_passes_the_environment_data_dir_on(data_dir: Path) -> None:
    login = for_platform(platform="linux")
    assert isinstance(login, XdgAutostart)
    assert login.command[-2:] == ["--data-dir", str(data_dir)]


def test_for_platform_default_data_dir_is_not_passed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FOCUSAPP_DATA_DIR")
    login = for_platform(platform="linux")
    assert isinstance(login, XdgAutostart)
    assert login.command[-1] == "--autostart"
    assert "--data-dir" not in login.command
