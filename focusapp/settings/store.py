"""The settings file: TOML that never loses what the user typed.

A settings file is user-editable, so loading is forgiving: a bad value falls back to its
default and is reported in :attr:`SettingsStore.problems` instead of stopping the app, and a
file that could not be read cleanly is copied aside before it is ever overwritten.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import tomllib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import tomli_w

from focusapp.system.atomic import write_atomically
from focusapp.system.files import PRIVATE_DIR_MODE as DIR_MODE
from focusapp.system.files import PRIVATE_FILE_MODE as FILE_MODE
from focusapp.system.files import FileRefusedError, read_regular_file

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

from focusapp.settings.specs import BY_NAME, SPECS, from_toml, get_text, to_document
from focusapp.settings.values import DEFAULT_SETTINGS, Settings

#: The largest settings file read; a real one is about 1 kB.
MAX_SETTINGS_BYTES: Final = 1024 * 1024


@dataclass(frozen=True, slots=True)
class _Reading:
    settings: Settings
    problems: list[str]
    #: Whether a value of ours was unusable (unknown keys alone do not count).
    damaged: bool
    document: dict[str, Any] | None


def _read_document(document: dict[str, Any]) -> _Reading:
    settings = DEFAULT_SETTINGS
    problems: list[str] = []
    damaged = False
    sections = {spec.name.split(".", 1)[0] for spec in SPECS}
    for section, table in document.items():
        if section not in sections:
            problems.append(f"unknown section [{section}] ignored")
        elif not isinstance(table, dict):
            problems.append(f"'{section}' should be a table [{section}]; using defaults")
            damaged = True
        else:
            for name in table:
                if f"{section}.{name}" not in BY_NAME:
                    problems.append(f"unknown setting '{section}.{name}' ignored")
    for spec in SPECS:
        section, name = spec.name.split(".", 1)
        table = document.get(section)
        if not isinstance(table, dict) or name not in table:
            continue
        try:
            value = from_toml(spec, table[name])
        except ValueError as error:
            default = get_text(DEFAULT_SETTINGS, spec.name)
            problems.append(
                f"{spec.name}: {error}; use {spec.accepted}; using the default '{default}'"
            )
            damaged = True
            continue
        settings = dataclasses.replace(settings, **{spec.attr: value})
    return _Reading(settings, problems, damaged, document)


def _read_file(path: Path) -> _Reading | None:
    """Return what ``path`` holds, or ``None`` when there is no such file.

    Read through :func:`read_regular_file`: a FIFO or device put in place of the settings
    file would otherwise hang every command, even ``focusapp show``. Such a file, or one
    over :data:`MAX_SETTINGS_BYTES`, is reported like an unreadable one and the defaults
    are used.
    """
    if not os.path.lexists(path):
        return None
    try:
        data = read_regular_file(path, MAX_SETTINGS_BYTES)
    except FileRefusedError as error:
        problem = f"cannot read {path}: it {error.reason}; using default settings"
        return _Reading(DEFAULT_SETTINGS, [problem], True, None)
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        problem = f"{path} is not UTF-8 text; using default settings"
        return _Reading(DEFAULT_SETTINGS, [problem], True, None)
    except tomllib.TOMLDecodeError as error:
        problem = f"{path} is not valid TOML ({error}); using default settings"
        return _Reading(DEFAULT_SETTINGS, [problem], True, None)
    reading = _read_document(document)
    return dataclasses.replace(reading, problems=[f"{path}: {p}" for p in reading.problems])


class SettingsStore:
    """The settings file: forgiving to read, atomic and private (0600) to write.

    Attributes:
        path: The TOML file.
        problems: What was wrong with the file at the last :meth:`load` or :meth:`save`,
            in words for the user; empty when all was well.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[str] = []

    def load(self) -> Settings:
        """Return the stored settings; defaults for a missing file or any unusable value.

        Never raises for a bad file: each problem is recorded in :attr:`problems`, and the
        file is left untouched so the user can fix it.
        """
        reading = _read_file(self.path)
        if reading is None:
            self.problems = []
            return DEFAULT_SETTINGS
        self.problems = list(reading.problems)
        return reading.settings

    def save(self, settings: Settings) -> Path | None:
        """Write ``settings`` atomically with mode 0600.

        Settings of other versions (unknown keys) in a readable file are kept. A file that
        could not be read cleanly is first copied aside (``settings.toml.broken``, then
        ``.broken-1`` ...) so that nothing the user typed is lost silently.

        Returns:
            The path of that copy, or ``None`` when none was needed.

        Raises:
            OSError: If the file cannot be written; the previous file is then unchanged.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
        reading = _read_file(self.path)
        backup: Path | None = None
        document: dict[str, Any] = {}
        if reading is not None:
            if reading.damaged:
                backup = self._keep_copy()
            if reading.document is not None:
                document = {
                    section: dict(table) if isinstance(table, dict) else table
                    for section, table in reading.document.items()
                }
        for section, values in to_document(settings).items():
            table = document.get(section)
            document[section] = {**table, **values} if isinstance(table, dict) else values
        write_atomically(self.path, tomli_w.dumps(document).encode("utf-8"), mode=FILE_MODE)
        self.problems = (
            [f"the previous settings file could not be used and was kept as {backup}"]
            if backup is not None
            else []
        )
        return backup

    def _keep_copy(self) -> Path | None:
        try:  # never blocks: a FIFO or device in its place is simply not copied
            data = read_regular_file(self.path, MAX_SETTINGS_BYTES)
        except OSError:
            return None
        for attempt in range(1000):
            suffix = ".broken" if attempt == 0 else f".broken-{attempt}"
            candidate = self.path.with_name(self.path.name + suffix)
            try:
                descriptor = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
            except FileExistsError:
                continue
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            return candidate
        raise OSError(f"cannot find a free name to keep a copy of {self.path}")

    def update(self, changed: Settings, base: Settings) -> Path | None:
        """Save only what differs between ``base`` and ``changed`` into the file as it is now.

        Another program may have saved other settings since ``base`` was loaded (a second
        ``focusapp config set``, the settings dialog): re-reading under a lock on the settings
        folder and applying just this change keeps theirs. Returns what :meth:`save` returns.

        Raises:
            OSError: If the file cannot be written; the previous file is then unchanged.
        """
        attrs = [spec.attr for spec in SPECS]
        diff = {a: getattr(changed, a) for a in attrs if getattr(changed, a) != getattr(base, a)}
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
        with _folder_lock(self.path.parent):
            current = self.load()
            return self.save(dataclasses.replace(current, **diff))


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on ``folder`` (no lock file needed) where possible."""
    try:
        import fcntl
    except ImportError:  # Windows: settings writes are rare there; no advisory locks
        yield
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)
