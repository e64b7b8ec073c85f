"""The files commands write (``-o``, never one of FocusApp's own) and read (``import FILE``)."""

from __future__ import annotations

import fnmatch
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from focusapp.cli.support import UserError, escape_text
from focusapp.wording.translate import translate

if TYPE_CHECKING:
    from focusapp.system.paths import AppPaths


def _is_own_file(target: Path, paths: AppPaths) -> bool:
    """Tell whether ``target`` (resolved) is a file FocusApp keeps for this profile."""
    from focusapp.services.wipe import CONFIG_FILES, DATA_FILES

    folders = (
        (paths.data_dir.resolve(), DATA_FILES),
        (paths.config_file.parent.resolve(), CONFIG_FILES),
    )
    for folder, patterns in folders:
        try:
            relative = target.relative_to(folder).as_posix()
        except ValueError:
            continue
        if any(fnmatch.fnmatchcase(relative, pattern) for pattern in patterns):
            return True
    backups = paths.backups_dir.resolve()
    return target.parent == backups or target == paths.state_file.resolve()


def output_target(output: str, paths: AppPaths, option: str = "-o") -> Path:
    """Return the file ``-o`` names, refusing one of FocusApp's own files.

    Writing an export over the live database (or its WAL, a backup, the settings or state
    file) would destroy the very data being exported; the paths are compared resolved, so a
    symbolic link to the database is refused too.

    Raises:
        UserError: For an empty name, a folder, or one of FocusApp's files.
    """
    if not output.strip():
        raise UserError(f"{option}: {translate('cli', 'give a file name')}")
    target = Path(output).expanduser()
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError):  # a loop of symbolic links
        raise UserError(f"{option}: {target} is a loop of symbolic links") from None
    if _is_own_file(resolved, paths):
        message = translate(
            "cli", "{target} is one of FocusApp's own files; nothing was written"
        ).format(target=target)
        raise UserError(f"{option}: {message}")
    if resolved.is_dir():
        raise UserError(f"{option}: {target} is a folder; give a file name")
    return resolved


def write_file(target: Path, data: bytes, option: str = "-o") -> None:
    """Replace ``target`` with ``data`` atomically: on any failure the old file is intact.

    Raises:
        UserError: One line naming the file and the reason (a full disk, a read-only
            folder, a folder that does not exist).
    """
    from focusapp.system.atomic import write_atomically

    try:
        write_atomically(target, data)
    except OSError as error:
        reason = error.strerror or str(error)
        message = f"cannot write {target}: {reason}; nothing was changed there"
        raise UserError(f"{option}: {message}") from None


def write_output(text: str, output: str | None, paths: AppPaths | None = None) -> None:
    """Write ``text`` to the ``-o`` file atomically, or to stdout for none or ``-``.

    ``paths`` are the profile's files, which the ``-o`` file may not be (default: the
    profile of ``$FOCUSAPP_DATA_DIR`` or the platform folders).
    """
    if output is None or output == "-":
        # On a terminal the file is for reading: its notes must not drive the terminal.
        on_terminal = getattr(sys.stdout, "isatty", lambda: False)()
        sys.stdout.write(escape_text(text, keep_layout=True) if on_terminal else text)
        return
    if paths is None:
        from focusapp.system.paths import resolve_paths

        paths = resolve_paths()
    write_file(output_target(output, paths), text.encode("utf-8", "surrogateescape"))


def read_file(path_text: str, label: str | None = None, max_bytes: int | None = None) -> bytes:
    """Return a file's bytes without blocking on a FIFO or device, under a size cap.

    ``label`` names the option the file came from (``--file``); leave it out when the
    command's own name says it, so the line is not "focusapp import: import: ...".

    Raises:
        UserError: One line for a missing file, a folder, a FIFO or device, a symbolic link
            loop, a file over ``max_bytes`` (default: the import limit) or unreadable.
    """
    from focusapp.formats.csv_json import MAX_IMPORT_BYTES
    from focusapp.system.files import read_regular_file

    path = Path(path_text).expanduser()
    try:
        return read_regular_file(path, MAX_IMPORT_BYTES if max_bytes is None else max_bytes)
    except OSError as error:
        message = str(error)
        raise UserError(f"{label}: {message}" if label else message) from None
