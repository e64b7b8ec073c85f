"""macOS: a per-user LaunchAgent property list, read by launchd at the next login.

``launchctl load``/``bootstrap`` is never run (with ``RunAtLoad`` it would start a second
copy now); the optional runner only clears a "disabled" mark with ``launchctl enable``.
"""

from __future__ import annotations

import logging
import os
import plistlib
import subprocess
from typing import TYPE_CHECKING

from focusapp import APP_ID
from focusapp.system.atomic import write_atomically
from focusapp.system.autostart.common import AutostartError, os_message

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

logger = logging.getLogger(__name__)


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
            raise AutostartError(os_message(error, f"cannot read {self.path}")) from None
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
            raise AutostartError(os_message(error, f"cannot write {self.path}")) from None
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
            raise AutostartError(os_message(error, f"cannot remove {self.path}")) from None
