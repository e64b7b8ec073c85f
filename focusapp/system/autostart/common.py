"""What every login mechanism shares: the interface, its error and the command it starts.

The command is worked out once here (:func:`launch_command`), so the XDG entry, the Windows
Run value and the macOS LaunchAgent all start the same, *running* FocusApp.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Final, Protocol

from focusapp.system.paths import DATA_DIR_ENV, AppPaths, resolve_paths

if TYPE_CHECKING:
    from collections.abc import Callable

AUTOSTART_FLAG: Final = "--autostart"


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


def os_message(error: OSError, what: str) -> str:
    """Return ``what`` and the system's reason, as :class:`AutostartError` messages say it."""
    return f"{what}: {error.strerror or error}"
