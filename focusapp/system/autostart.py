"""Start FocusApp at login: an XDG autostart entry, a Windows Run value or a macOS LaunchAgent.

One small interface, :class:`Autostart`, hides three very different mechanisms so the
settings (``app.start_at_login``) can be applied the same way from the command line and the
GUI. Everything that touches the operating system (the registry, ``launchctl``) is injected,
so each backend is tested on any platform with fakes and temporary folders.

Decisions worth knowing:

- The entry starts the *running* FocusApp: a frozen bundle's executable, else the console
  script this process was started from, else ``focusapp`` on the ``PATH``, else
  ``python -m focusapp`` with this interpreter. It always passes ``--autostart`` (start hidden
  in the tray) and ``--data-dir`` when a non-default data folder is in use, because the
  environment variable ``$FOCUSAPP_DATA_DIR`` of a shell is not there at login.
- Linux waits for the tray host with ``X-GNOME-Autostart-Delay`` (GNOME) and
  ``X-KDE-autostart-phase=2`` (Plasma: after the panel). There is deliberately no
  ``sh -c "sleep 10; exec ..."`` wrapper: it needs a second layer of quoting for paths with
  spaces, hides the real command from autostart editors and still guesses a number. Other
  desktops start the app at once, and the app itself waits for the system tray when started
  with ``--autostart``.
- macOS never runs ``launchctl load``/``bootstrap``: with ``RunAtLoad`` that would start a
  second copy right now, and ``bootout`` would stop the running one. The file alone is read at
  the next login; the optional runner only clears a "disabled" mark (``launchctl enable``) a
  user may have set in System Settings > Login Items.
"""

from __future__ import annotations

import logging
import os
import plistlib
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Final, Protocol

from focusapp import APP_ID
from focusapp.system.atomic import write_atomically
from focusapp.system.paths import DATA_DIR_ENV, AppPaths, resolve_paths

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

logger = logging.getLogger(__name__)

AUTOSTART_FLAG: Final = "--autostart"
#: Seconds GNOME waits before starting the entry, so the tray host is up.
LINUX_DELAY_SECONDS: Final = 10
WINDOWS_RUN_KEY: Final = r"Software\Microsoft\Windows\CurrentVersion\Run"
WINDOWS_VALUE_NAME: Final = "FocusApp"

#: Characters that force an Exec argument into double quotes (desktop entry spec, "Exec key").
_EXEC_RESERVED: Final = frozenset(" \t\n\"'\\><~|&;$*?#()`")
#: Characters that must be backslash-escaped inside a quoted Exec argument.
_EXEC_ESCAPED: Final = frozenset('"`$\\')


class AutostartError(OSError):
    """Raised when the login entry cannot be read, written or removed; says where and why.

    An :class:`OSError`, so callers that already handle file errors handle this one too.
    """


class Autostart(Protocol):
    """Whether FocusApp starts with the desktop session, and the switch to change it.

    Attributes:
        location: Where the entry lives, in words for messages (a path or a registry key).
    """

    location: str

    def is_enabled(self) -> bool:
        """Return whether FocusApp is set to start at login."""
        ...

    def enable(self) -> None:
        """Make FocusApp start at login, replacing an older entry of ours.

        Raises:
            AutostartError: If the entry cannot be written.
        """
        ...

    def disable(self) -> None:
        """Stop FocusApp from starting at login; nothing happens when it was not set.

        Raises:
            AutostartError: If the entry cannot be removed.
        """
        ...


# --- the command to start ----------------------------------------------------------------------


def launch_command(
    data_dir: Path | None = None,
    *,
    argv0: str | None = None,
    which: Callable[[str], str | None] = shutil.which,
    executable: str | None = None,
    frozen: bool | None = None,
) -> list[str]:
    """Return the command line that starts this FocusApp hidden in the tray.

    Args:
        data_dir: A data folder chosen with ``--data-dir``/``$FOCUSAPP_DATA_DIR``, or ``None``
            for the platform default (then no ``--data-dir`` is passed).
        argv0: How this process was started (default ``sys.argv[0]``).
        which: Looks a command up on the ``PATH`` (injected for tests).
        executable: The Python interpreter or frozen executable (default ``sys.executable``).
        frozen: Whether this is a PyInstaller-style bundle (default ``sys.frozen``).
    """
    argv0 = sys.argv[0] if argv0 is None else argv0
    executable = sys.executable if executable is None else executable
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    command = _program(argv0, which, executable, frozen=frozen)
    command.append(AUTOSTART_FLAG)
    if data_dir is not None:
        command += ["--data-dir", str(Path(data_dir).expanduser().resolve())]
    return command


def _program(
    argv0: str, which: Callable[[str], str | None], executable: str, *, frozen: bool
) -> list[str]:
    # absolute() rather than resolve(): a symlink on the PATH (pipx, Nix profiles) survives
    # upgrades, while the file it points at may not.
    if frozen:
        return [str(Path(executable).absolute())]
    started = Path(argv0) if argv0 else None
    if started is not None and started.stem.lower() == "focusapp" and started.is_file():
        return [str(started.absolute())]  # the console script (focusapp, focusapp.exe)
    if started is not None and started.name == "__main__.py" and started.parent.name == "focusapp":
        return [executable, "-m", "focusapp"]  # python -m focusapp: exactly this interpreter
    found = which("focusapp")
    if found:
        return [str(Path(found).absolute())]
    return [executable, "-m", "focusapp"]


# --- Linux and other XDG desktops --------------------------------------------------------------


def _exec_argument(argument: str) -> str:
    """Quote one argument for a desktop entry's ``Exec`` key (before value escaping)."""
    argument = argument.replace("%", "%%")
    if argument and not any(char in _EXEC_RESERVED for char in argument):
        return argument
    escaped = "".join(f"\\{char}" if char in _EXEC_ESCAPED else char for char in argument)
    return f'"{escaped}"'


def _escape_value(text: str) -> str:
    """Escape a desktop entry string value: backslash, newline, tab and carriage return."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def desktop_exec(command: Sequence[str]) -> str:
    """Return ``command`` as the value of an ``Exec`` key, quoted and escaped per the spec."""
    return _escape_value(" ".join(_exec_argument(argument) for argument in command))


def desktop_entry(command: Sequence[str]) -> str:
    """Return the text of the XDG autostart entry that runs ``command``."""
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=FocusApp",
        "Comment=Start FocusApp hidden in the tray when you log in",
        f"Exec={desktop_exec(command)}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "StartupNotify=false",
        "X-GNOME-Autostart-enabled=true",
        f"X-GNOME-Autostart-Delay={LINUX_DELAY_SECONDS}",
        "X-KDE-autostart-phase=2",
        "",
    ]
    return "\n".join(lines)


def xdg_autostart_dir(env: Mapping[str, str] | None = None, home: Path | None = None) -> Path:
    """Return ``$XDG_CONFIG_HOME/autostart``, with the spec's default ``~/.config``.

    A relative ``$XDG_CONFIG_HOME`` is invalid per the base-directory spec and is ignored.
    """
    env = os.environ if env is None else env
    configured = env.get("XDG_CONFIG_HOME", "")
    if configured and Path(configured).is_absolute():
        return Path(configured) / "autostart"
    return (Path.home() if home is None else home) / ".config" / "autostart"


class XdgAutostart:
    """An XDG autostart entry (GNOME, KDE Plasma, Xfce, Cinnamon, MATE, LXQt...).

    Attributes:
        path: The ``.desktop`` file in the user's autostart folder.
        command: What the entry runs.
        location: The path, for messages.
    """

    def __init__(self, path: Path, command: Sequence[str]) -> None:
        self.path = path
        self.command = list(command)
        self.location = str(path)

    def is_enabled(self) -> bool:
        """Return whether the entry exists and is not switched off by a desktop's editor.

        Desktops switch an entry off without deleting it with ``Hidden=true`` (the spec) or
        ``X-GNOME-Autostart-enabled=false`` (GNOME Tweaks, Cinnamon).
        """
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return False
        except OSError as error:
            raise AutostartError(_describe(error, f"cannot read {self.path}")) from None
        values = _desktop_values(text)
        if values.get("Hidden", "").lower() == "true":
            return False
        return values.get("X-GNOME-Autostart-enabled", "true").lower() != "false"

    def enable(self) -> None:
        """Write the entry atomically (a half-written entry would not start at all)."""
        try:
            data = desktop_entry(self.command).encode("utf-8")
        except UnicodeEncodeError:
            raise AutostartError(
                f"cannot write {self.path}: the command {self.command[0]!r} or the data folder "
                "has a name that is not valid UTF-8"
            ) from None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, data, mode=0o644)
        except OSError as error:
            raise AutostartError(_describe(error, f"cannot write {self.path}")) from None

    def disable(self) -> None:
        """Delete the entry; a missing one is already off."""
        try:
            self.path.unlink(missing_ok=True)
        except OSError as error:
            raise AutostartError(_describe(error, f"cannot remove {self.path}")) from None


def _desktop_values(text: str) -> dict[str, str]:
    """Return the keys of the ``[Desktop Entry]`` group (enough to read our own flags)."""
    values: dict[str, str] = {}
    in_main_group = False
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("["):
            in_main_group = line == "[Desktop Entry]"
        elif in_main_group and "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            values[key.strip()] = value.strip()
    return values


# --- Windows -----------------------------------------------------------------------------------


class RunRegistry(Protocol):
    r"""String values of ``HKCU\Software\Microsoft\Windows\CurrentVersion\Run``."""

    def get(self, name: str) -> str | None:
        """Return the value ``name``, or ``None`` when there is none."""
        ...

    def set(self, name: str, value: str) -> None:
        """Write ``name`` as a string value (``REG_SZ``)."""
        ...

    def delete(self, name: str) -> None:
        """Remove ``name``; a missing value is not an error."""
        ...


class WinregRunRegistry:
    """The real Run key, through :mod:`winreg` (imported only when used, on Windows)."""

    def get(self, name: str) -> str | None:
        """Return the value ``name``, or ``None`` when there is none."""
        if sys.platform == "win32":
            import winreg

            try:
                with winreg.OpenKey(winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY) as key:
                    value, _kind = winreg.QueryValueEx(key, name)
            except FileNotFoundError:
                return None
            return str(value)
        raise OSError("the Windows registry exists only on Windows")

    def set(self, name: str, value: str) -> None:
        """Write ``name`` as a string value, creating the key if needed."""
        if sys.platform == "win32":
            import winreg

            with winreg.CreateKeyEx(
                winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY, 0, winreg.KEY_SET_VALUE
            ) as key:
                winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)
            return
        raise OSError("the Windows registry exists only on Windows")

    def delete(self, name: str) -> None:
        """Remove ``name``; a missing value or key is not an error."""
        if sys.platform == "win32":
            import winreg

            try:
                with winreg.OpenKey(
                    winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY, 0, winreg.KEY_SET_VALUE
                ) as key:
                    winreg.DeleteValue(key, name)
            except FileNotFoundError:
                pass
            return
        raise OSError("the Windows registry exists only on Windows")


class WindowsAutostart:
    r"""A value ``FocusApp`` under the current user's ``...\CurrentVersion\Run`` key.

    Attributes:
        registry: The Run key (the real one or a fake).
        command: What the value runs.
        location: The registry value, for messages.
    """

    def __init__(self, registry: RunRegistry, command: Sequence[str]) -> None:
        self.registry = registry
        self.command = list(command)
        self.location = f"HKEY_CURRENT_USER\\{WINDOWS_RUN_KEY}\\{WINDOWS_VALUE_NAME}"

    def is_enabled(self) -> bool:
        """Return whether the Run value exists (whatever FocusApp it points at)."""
        try:
            return self.registry.get(WINDOWS_VALUE_NAME) is not None
        except OSError as error:
            raise AutostartError(_describe(error, f"cannot read {self.location}")) from None

    def enable(self) -> None:
        """Write the Run value, quoted as Windows splits command lines."""
        try:
            self.registry.set(WINDOWS_VALUE_NAME, subprocess.list2cmdline(self.command))
        except OSError as error:
            raise AutostartError(_describe(error, f"cannot write {self.location}")) from None

    def disable(self) -> None:
        """Delete the Run value."""
        try:
            self.registry.delete(WINDOWS_VALUE_NAME)
        except OSError as error:
            raise AutostartError(_describe(error, f"cannot remove {self.location}")) from None


# --- macOS -------------------------------------------------------------------------------------


def run_command(command: Sequence[str]) -> None:
    """Run ``command`` quietly; raise when it cannot start or fails (the default runner)."""
    subprocess.run(list(command), check=True, capture_output=True, timeout=10)


def launch_agent_plist(command: Sequence[str]) -> bytes:
    """Return the LaunchAgent property list that runs ``command`` once at login."""
    agent = {
        "Label": APP_ID,
        "ProgramArguments": list(command),
        "RunAtLoad": True,
        # Once started, the app runs until the user quits it: no restart by launchd.
        "KeepAlive": False,
        "ProcessType": "Interactive",
        # Only graphical logins; never for an ssh session.
        "LimitLoadToSessionType": "Aqua",
    }
    return plistlib.dumps(agent, fmt=plistlib.FMT_XML)


class MacAutostart:
    """A per-user LaunchAgent ``~/Library/LaunchAgents/io.github.focusapp.FocusApp.plist``.

    Attributes:
        path: The property-list file.
        command: What the agent runs.
        location: The path, for messages.
    """

    def __init__(
        self,
        path: Path,
        command: Sequence[str],
        runner: Callable[[Sequence[str]], object] | None = None,
        uid: int | None = None,
    ) -> None:
        self.path = path
        self.command = list(command)
        self.location = str(path)
        self._runner = runner
        self._uid = uid

    def is_enabled(self) -> bool:
        """Return whether the agent file exists and still says to run at load."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return False
        except OSError as error:
            raise AutostartError(_describe(error, f"cannot read {self.path}")) from None
        try:
            agent = plistlib.loads(data)
        except (plistlib.InvalidFileException, ValueError):
            return False
        return isinstance(agent, dict) and agent.get("RunAtLoad") is True

    def enable(self) -> None:
        """Write the agent file, then clear a "disabled" mark in launchd (best effort)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, launch_agent_plist(self.command), mode=0o644)
        except OSError as error:
            raise AutostartError(_describe(error, f"cannot write {self.path}")) from None
        if self._runner is not None:
            uid = self._uid if self._uid is not None else os.getuid()
            target = f"gui/{uid}/{APP_ID}"
            try:
                self._runner(["launchctl", "enable", target])
            except (OSError, subprocess.SubprocessError) as error:
                # The file is what counts at login; an old disabled mark is rare.
                logger.warning("could not run 'launchctl enable %s': %s", target, error)

    def disable(self) -> None:
        """Delete the agent file; the running app is left alone."""
        try:
            self.path.unlink(missing_ok=True)
        except OSError as error:
            raise AutostartError(_describe(error, f"cannot remove {self.path}")) from None


# --- choosing ----------------------------------------------------------------------------------


def custom_data_dir(data_dir: str | Path | None) -> Path | None:
    """Return the data folder a login entry must pass on, or ``None`` for the default one.

    Args:
        data_dir: The ``--data-dir`` option as given. When it is ``None``,
            ``$FOCUSAPP_DATA_DIR`` counts instead: the login session will not have it set.
    """
    chosen = data_dir if data_dir is not None else os.environ.get(DATA_DIR_ENV) or None
    return resolve_paths(chosen).data_dir if chosen is not None else None


def profile_data_dir(paths: AppPaths) -> Path | None:
    """Return the data folder to pass on for ``paths``, or ``None`` for the default profile.

    A ``--data-dir`` profile keeps its settings inside its data folder; the default profile
    keeps them in the platform's config folder. Passing the default data folder explicitly
    would make the login start read another settings file, so it is never passed.
    """
    return paths.data_dir if paths.config_file.parent == paths.data_dir else None


def for_platform(
    data_dir: str | Path | None = None,
    *,
    platform: str | None = None,
    home: Path | None = None,
    env: Mapping[str, str] | None = None,
    registry: RunRegistry | None = None,
    runner: Callable[[Sequence[str]], object] | None = run_command,
    command: Sequence[str] | None = None,
) -> Autostart:
    """Return the login mechanism of ``platform`` (default ``sys.platform``).

    Args:
        data_dir: The ``--data-dir`` option as given (see :func:`custom_data_dir`).
        platform: ``linux``, ``win32``, ``darwin``...; any other Unix uses XDG autostart.
        home: The home folder (default ``Path.home()``).
        env: Environment for ``$XDG_CONFIG_HOME`` (default ``os.environ``).
        registry: The Windows Run key (default the real one through ``winreg``).
        runner: Runs ``launchctl`` on macOS; ``None`` never runs it.
        command: What to start (default :func:`launch_command` of ``data_dir``).
    """
    platform = sys.platform if platform is None else platform
    chosen = list(command) if command is not None else launch_command(custom_data_dir(data_dir))
    if platform == "win32":
        return WindowsAutostart(registry or WinregRunRegistry(), chosen)
    base = Path.home() if home is None else home
    if platform == "darwin":
        path = base / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
        return MacAutostart(path, chosen, runner)
    return XdgAutostart(xdg_autostart_dir(env, base) / f"{APP_ID}.desktop", chosen)


# --- helpers -----------------------------------------------------------------------------------


def _describe(error: OSError, what: str) -> str:
    return f"{what}: {error.strerror or error}"
