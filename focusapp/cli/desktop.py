"""``focusapp desktop install|uninstall``: the application-menu entry and icons, per user."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from focusapp.cli.support import EXIT_OK, UserError, add_command

if TYPE_CHECKING:
    import argparse


def _refresh_caches(target: Path) -> None:
    """Ask the desktop to notice the change, where its cache tools exist (optional)."""
    commands = (
        ["update-desktop-database", "-q", str(target / "applications")],
        ["gtk-update-icon-cache", "-q", "-t", str(target / "icons" / "hicolor")],
    )
    for command in commands:
        if shutil.which(command[0]) and Path(command[-1]).exists():
            subprocess.run(command, check=False, capture_output=True)


def _run(args: argparse.Namespace) -> int:
    from focusapp.system.desktop_entry import data_home, install, menu_command, uninstall

    target = data_home()
    try:
        if args.action == "install":
            written = install(target, menu_command(args.data_dir))
            print(f"FocusApp is in the application menu: {written[0]}")
            print(f"Installed {len(written) - 1} icons under {target / 'icons' / 'hicolor'}")
        else:
            removed = uninstall(target)
            print(f"Removed {len(removed)} files" if removed else "Nothing to remove.")
    except OSError as error:
        raise UserError(f"cannot write under {target}: {error.strerror or error}") from None
    _refresh_caches(target)
    return EXIT_OK


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``desktop`` to the command line."""
    parser = add_command(
        commands,
        "desktop",
        "add FocusApp to (or remove it from) the desktop's application menu",
        "'install' adds FocusApp to your desktop's application menu (a .desktop "
        "entry and icons in your home folder, nothing system-wide); 'uninstall' removes them.",
        "focusapp desktop install",
        "focusapp desktop uninstall",
        handler=_run,
    )
    parser.add_argument("action", choices=("install", "uninstall"))
