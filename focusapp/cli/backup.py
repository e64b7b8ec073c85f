"""``focusapp backup now|list|restore`` and ``focusapp wipe``: data safety from the shell.

The backup commands open the data folder like every command (so a damaged database is set
aside and reported first). ``wipe`` never opens the database, because opening it would
create the very file it is about to delete.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Final

from focusapp.cli.support import (
    EXIT_OK,
    UserError,
    add_command,
    escape_text,
    open_context_for,
)
from focusapp.cli.table import format_table

if TYPE_CHECKING:
    import argparse
    import datetime as dt
    from pathlib import Path

    from focusapp.services.backups import BackupInfo

#: Answers that confirm ``focusapp wipe``.
CONFIRMATIONS: Final = frozenset({"delete", "y", "yes"})


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``backup`` (with ``now``, ``list``, ``restore``) and ``wipe`` to ``commands``."""
    backup = add_command(
        commands,
        "backup",
        "back up, list or restore the database",
        "Backups are made automatically on the first start of each day and when "
        "the window quits, and kept 7 daily, 4 weekly and 12 monthly.",
        "focusapp backup now",
        "focusapp backup list",
    )
    actions = backup.add_subparsers(dest="action", metavar="{now,list,restore}", required=True)
    add_command(
        actions,
        "now",
        "make a verified backup now",
        "Copy the database to the backups folder now and check that the copy reads back.",
        "focusapp backup now",
        handler=cmd_backup_now,
    )
    add_command(
        actions,
        "list",
        "list backups with the days each one holds",
        "List every backup, newest first, with when it was made and the first "
        "and last check-in it holds, to choose one for 'backup restore'.",
        "focusapp backup list",
        handler=cmd_backup_list,
    )
    restore = add_command(
        actions,
        "restore",
        "replace the data with a backup (the current data is backed up first)",
        "Replace FocusApp's data with a backup. The current data is backed up "
        "first, so a restore can itself be undone by restoring that backup.",
        "focusapp backup restore focusapp-20261130-091500Z-daily.sqlite3",
        "focusapp backup restore ~/Documents/focusapp-backup.sqlite3",
        handler=cmd_backup_restore,
    )
    restore.add_argument("file", metavar="FILE", help="a name from 'backup list', or a path")

    wipe = add_command(
        commands,
        "wipe",
        "delete all FocusApp data: database, backups, settings",
        "Delete every file FocusApp made for this profile (with --data-dir: only "
        "FocusApp's files in that folder), backups included. Lists them and asks for "
        "confirmation on the terminal; without a terminal (a script, a pipe) --yes is needed.",
        "focusapp wipe",
        "focusapp wipe --yes",
        handler=cmd_wipe,
    )
    wipe.add_argument(
        "--yes", action="store_true", help="do not ask for confirmation (needed in scripts)"
    )


# --- backup ------------------------------------------------------------------------------------


def cmd_backup_now(args: argparse.Namespace) -> int:
    """Make a manual backup and say what it holds."""
    context = open_context_for(args)
    try:
        info = context.backups.back_up()
    finally:
        context.close()
    sys.stdout.write(f"Backed up {info.describe()} to {escape_text(str(info.path))}\n")
    return EXIT_OK


def cmd_backup_list(args: argparse.Namespace) -> int:
    """Print each backup's file name, creation time, date range and number of days."""
    context = open_context_for(args)
    try:
        backups = context.backups.list_backups()
        zone = context.zone
        folder = context.backups.backups_dir
    finally:
        context.close()
    if not backups:
        shown = escape_text(str(folder))
        sys.stdout.write(f"No backups yet in {shown}. Make one with: focusapp backup now\n")
        return EXIT_OK
    sys.stdout.write(escape_text(_table(backups, zone), keep_layout=True) + "\n")
    return EXIT_OK


def cmd_backup_restore(args: argparse.Namespace) -> int:
    """Restore a backup named in the list (or given by path), backing up the current data."""
    context = open_context_for(args)
    try:
        result = context.backups.restore(args.file)
    finally:
        context.close()
    restored = result.restored
    sys.stdout.write(escape_text(f"Restored {restored.describe()} from {restored.name}.") + "\n")
    if result.safety_backup is not None:
        sys.stdout.write(
            f"Your previous data was backed up as {result.safety_backup.name}; "
            f"restore that to undo.\n"
        )
    return EXIT_OK


def _table(backups: list[BackupInfo], zone: dt.tzinfo) -> str:
    header = ("Backup", "Created", "Check-ins", "Days")
    rows = [
        (
            info.name,
            f"{info.created.astimezone(zone):%Y-%m-%d %H:%M}",
            _range(info),
            "-" if info.problem is not None else str(info.days),
        )
        for info in backups
    ]
    return format_table(rows, header)


def _range(info: BackupInfo) -> str:
    if info.problem is not None:
        return f"unreadable: {info.problem}"
    if info.first_day is None or info.last_day is None:
        return "none"
    return f"{info.first_day.isoformat()} to {info.last_day.isoformat()}"


# --- wipe --------------------------------------------------------------------------------------


def cmd_wipe(args: argparse.Namespace) -> int:
    """Delete every FocusApp file of this profile after a typed confirmation."""
    from focusapp.domain.errors import StorageError
    from focusapp.services.wipe import DataWiper
    from focusapp.system.paths import resolve_paths

    paths = resolve_paths(args.data_dir)
    wiper = DataWiper(paths)
    planned = wiper.plan()
    if not planned:
        folder = escape_text(str(paths.data_dir))
        sys.stdout.write(f"There is no FocusApp data in {folder}; nothing to delete.\n")
        return EXIT_OK
    if not args.yes:
        _confirm(planned, paths.backups_dir)
    try:
        result = wiper.wipe()
    except StorageError as error:
        raise UserError(str(error)) from None
    sys.stdout.write(_deleted_summary(result.deleted, paths.backups_dir))
    for path in result.left:
        sys.stdout.write(f"Left alone (not made by FocusApp): {escape_text(str(path))}\n")
    if result.failed:
        raise UserError("could not delete " + "; ".join(result.failed))
    return EXIT_OK


def _split_backups(files: list[Path], backups_dir: Path) -> tuple[list[Path], list[Path]]:
    """Return ``(backups, others)``: the backup folder's files are listed as one count."""
    backups = [p for p in files if p.parent == backups_dir]
    return backups, [p for p in files if p.parent != backups_dir]


def _deleted_summary(deleted: list[Path], backups_dir: Path) -> str:
    """Say what went: each file by name, the backups counted apart, and the honest total."""
    backups, others = _split_backups(deleted, backups_dir)
    lines = [f"Deleted {escape_text(str(path))}" for path in others]
    if backups:
        folder = escape_text(str(backups_dir))
        lines.append(
            f"Deleted {len(backups)} backup file{'s' if len(backups) != 1 else ''} in {folder}"
        )
    noun = "file" if len(deleted) == 1 else "files"
    lines.append(f"Deleted {len(deleted)} FocusApp {noun} in all, {len(backups)} of them backups.")
    return "".join(f"{line}\n" for line in lines)


def _confirm(planned: list[Path], backups_dir: Path) -> None:
    """Ask on the terminal; refuse outright when stdin is not one (``yes | focusapp wipe``)."""
    if sys.stdin is None or not sys.stdin.isatty():
        raise UserError(
            "stdin is not a terminal, so nobody can confirm; nothing was deleted. "
            "Use --yes to delete from a script"
        )
    backups, others = _split_backups(planned, backups_dir)
    lines = [f"This deletes all of your FocusApp data ({len(planned)} files) and cannot be undone:"]
    lines += [f"  {escape_text(str(path))}" for path in others]
    if backups:
        folder = escape_text(str(backups_dir))
        lines.append(f"  {len(backups)} files in {folder} (your backups)")
    sys.stderr.write("\n".join(lines) + '\nType "delete" (or yes) to confirm: ')
    sys.stderr.flush()
    answer = sys.stdin.readline()
    if not answer:
        sys.stderr.write("\n")
        raise UserError(
            "no confirmation (stdin is closed); nothing was deleted. Use --yes in scripts"
        )
    if answer.strip().lower() not in CONFIRMATIONS:
        raise UserError("not confirmed; nothing was deleted")
