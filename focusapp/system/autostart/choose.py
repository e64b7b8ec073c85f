"""Choosing the login mechanism of the platform FocusApp runs on."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from focusapp import APP_ID
from focusapp.system.autostart.common import custom_data_dir, launch_command
from focusapp.system.autostart.macos import MacAutostart, run_command
from focusapp.system.autostart.windows import WindowsAutostart, WinregRunRegistry
from focusapp.system.autostart.xdg import XdgAutostart, xdg_autostart_dir

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from focusapp.system.autostart.common import Autostart
    from focusapp.system.autostart.windows import RunRegistry


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
