"""Put FocusApp in the desktop's application menu for a pip or pipx install (XDG, per user).

A wheel cannot install files outside Python's folders, so ``focusapp desktop install`` writes
the menu entry and the icons under ``$XDG_DATA_HOME`` (``~/.local/share``) itself. The entry
mirrors ``packaging/linux/io.github.focusapp.FocusApp.desktop`` (a test keeps them in step)
but runs this very installation by absolute path: a pipx ``~/.local/bin`` is often missing
from a desktop session's ``PATH``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Final

from focusapp import APP_ID
from focusapp.system.autostart.common import custom_data_dir, launch_command
from focusapp.system.autostart.xdg import desktop_exec
from focusapp.system.resources import resources_dir

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

ENTRY_NAME: Final = f"{APP_ID}.desktop"

_ENTRY_LINES: Final = (
    "[Desktop Entry]",
    "Type=Application",
    "Version=1.4",
    "Name=FocusApp",
    "GenericName=Self-Care Tracker",
    "Comment=Daily energy check-in, focus timer and an explainable burnout-risk signal, "
    "kept on this computer",
    "Exec={exec}",
    "Icon={icon}",
    "Terminal=false",
    "Categories=Utility;",
    "Keywords=focus;burnout;wellbeing;self-care;check-in;energy;timer;pomodoro;meetings;"
    "deep work;tray;",
    "StartupNotify=true",
    "StartupWMClass=FocusApp",
)


def data_home(env: Mapping[str, str] | None = None, home: Path | None = None) -> Path:
    """Return ``$XDG_DATA_HOME`` or ``~/.local/share``."""
    values = os.environ if env is None else env
    chosen = values.get("XDG_DATA_HOME", "")
    if chosen and Path(chosen).is_absolute():
        return Path(chosen)
    return (Path.home() if home is None else home) / ".local" / "share"


def menu_command(data_dir: str | Path | None = None) -> list[str]:
    """Return the command the menu entry runs: this installation, opening its window."""
    return [arg for arg in launch_command(custom_data_dir(data_dir)) if arg != "--autostart"]


def menu_entry(command: Sequence[str]) -> str:
    """Return the text of the application-menu entry that runs ``command``."""
    return "\n".join(_ENTRY_LINES).format(exec=desktop_exec(command), icon=APP_ID) + "\n"


def _icon_sources() -> list[tuple[Path, str]]:
    """Return (file, hicolor size folder) for every shipped app icon."""
    root = resources_dir() / "icons" / "hicolor"
    return [
        (path, path.parent.parent.name)
        for path in sorted(root.glob(f"*/apps/{APP_ID}.*"))
        if path.suffix in (".png", ".svg")
    ]


def installed_files(target: Path) -> list[Path]:
    """Return every file :func:`install` writes under ``target`` (the XDG data folder)."""
    icons = [
        target / "icons" / "hicolor" / size / "apps" / src.name for src, size in _icon_sources()
    ]
    return [target / "applications" / ENTRY_NAME, *icons]


def install(target: Path, command: Sequence[str]) -> list[Path]:
    """Write the menu entry and icons under ``target``; return what was written."""
    written: list[Path] = []
    entry = target / "applications" / ENTRY_NAME
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(menu_entry(command), encoding="utf-8")
    entry.chmod(0o644)
    written.append(entry)
    for source, size in _icon_sources():
        destination = target / "icons" / "hicolor" / size / "apps" / source.name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
        destination.chmod(0o644)
        written.append(destination)
    return written


def uninstall(target: Path) -> list[Path]:
    """Remove what :func:`install` wrote under ``target``; return what was removed."""
    removed: list[Path] = []
    for path in installed_files(target):
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed
