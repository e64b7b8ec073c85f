"""Windows: a ``FocusApp`` value under the current user's ``Run`` registry key.

The registry is reached through :class:`RunRegistry`, so the backend is tested anywhere with
a fake; :class:`WinregRunRegistry` is the real key, through :mod:`winreg`, on Windows only.
"""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING, Final, Protocol

from focusapp.system.autostart.common import AutostartError, os_message

if TYPE_CHECKING:
    from collections.abc import Sequence

WINDOWS_RUN_KEY: Final = r"Software\Microsoft\Windows\CurrentVersion\Run"
WINDOWS_VALUE_NAME: Final = "FocusApp"


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
            raise AutostartError(os_message(error, f"cannot read {self.location}")) from None

    def enable(self) -> None:
        """Write the Run value, quoted as Windows splits command lines."""
        try:
            self.registry.set(WINDOWS_VALUE_NAME, subprocess.list2cmdline(self.command))
        except OSError as error:
            raise AutostartError(os_message(error, f"cannot write {self.location}")) from None

    def disable(self) -> None:
        """Delete the Run value."""
        try:
            self.registry.delete(WINDOWS_VALUE_NAME)
        except OSError as error:
            raise AutostartError(os_message(error, f"cannot remove {self.location}")) from None
