"""Linux and other XDG desktops: a ``.desktop`` file in the user's autostart folder.

GNOME, KDE Plasma, Xfce, Cinnamon, MATE and LXQt all read ``$XDG_CONFIG_HOME/autostart``; the
entry waits for the tray host with ``X-GNOME-Autostart-Delay`` and ``X-KDE-autostart-phase``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Final

from focusapp import APP_ID
from focusapp.system.atomic import write_atomically
from focusapp.system.autostart.common import AutostartError, os_message

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

#: Seconds GNOME waits before starting the entry, so the tray host is up.
LINUX_DELAY_SECONDS: Final = 10

#: Characters that force an Exec argument into double quotes (desktop entry spec, "Exec key").
_EXEC_RESERVED: Final = frozenset(" \t\n\"'\\><~|&;$*?#()`")
#: Characters that must be backslash-escaped inside a quoted Exec argument.
_EXEC_ESCAPED: Final = frozenset('"`$\\')


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
            raise AutostartError(os_message(error, f"cannot read {self.path}")) from None
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
            raise AutostartError(os_message(error, f"cannot write {self.path}")) from None

    def disable(self) -> None:
        """Delete the entry; a missing one is already off."""
        try:
            self.path.unlink(missing_ok=True)
        except OSError as error:
            raise AutostartError(os_message(error, f"cannot remove {self.path}")) from None


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
