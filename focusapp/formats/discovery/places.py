"""Where discovery looks and what it reports: the user's folders and a found source.

The home folder and the environment are passed in; nothing here reads ``os.environ`` or
``Path.home()`` itself. Reading a config never fails: an unreadable one is ``None``.
"""

from __future__ import annotations

import configparser
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Final

from focusapp.formats.vdir import DEFAULT_FILE_EXTENSION
from focusapp.system.files import FileRefusedError, read_regular_file

if TYPE_CHECKING:
    from collections.abc import Mapping

#: Config files are a few kilobytes; anything much larger is not one.
MAX_CONFIG_BYTES: Final = 1024 * 1024


class SourceKind(StrEnum):
    """What kind of calendar source a path is; the values are stable identifiers."""

    VDIR = "vdir"
    EVOLUTION_CACHE = "evolution_cache"
    EVOLUTION_LOCAL = "evolution_local"
    THUNDERBIRD = "thunderbird"


@dataclass(frozen=True, slots=True)
class FoundSource:
    """A calendar source found on this computer.

    Attributes:
        kind: What it is.
        path: The folder or file to add.
        names: Its calendars' names, as the owning program shows them.
        item_count: Items or events it holds, or ``None`` where counting is not cheap.
        found_by: Where it was found (a config file or a usual place), for the user.
        file_extension: For a vdir, the item extension its config names.
    """

    kind: SourceKind
    path: Path
    names: tuple[str, ...]
    item_count: int | None
    found_by: str
    file_extension: str = DEFAULT_FILE_EXTENSION


@dataclass(frozen=True, slots=True)
class Places:
    """The folders discovery looks in, from the home folder and the XDG variables.

    Attributes:
        home: The user's home folder.
        config: ``$XDG_CONFIG_HOME`` (default ``~/.config``).
        data: ``$XDG_DATA_HOME`` (default ``~/.local/share``).
        cache: ``$XDG_CACHE_HOME`` (default ``~/.cache``).
        vdirsyncer_config: The config ``$VDIRSYNCER_CONFIG`` names, if any.
    """

    home: Path
    config: Path
    data: Path
    cache: Path
    vdirsyncer_config: Path | None

    @classmethod
    def of(cls, home: Path, environ: Mapping[str, str]) -> Places:
        """Return the places of the user whose home is ``home``, under ``environ``."""

        def xdg(name: str, default: str) -> Path:
            value = environ.get(name, "")
            # The XDG spec ignores relative values.
            return Path(value) if value and Path(value).is_absolute() else home / default

        named = environ.get("VDIRSYNCER_CONFIG", "")
        return cls(
            home=home,
            config=xdg("XDG_CONFIG_HOME", ".config"),
            data=xdg("XDG_DATA_HOME", ".local/share"),
            cache=xdg("XDG_CACHE_HOME", ".cache"),
            vdirsyncer_config=expand_home(named, home) if named else None,
        )


def subfolders(folder: Path) -> list[Path]:
    """Return the visible folders in ``folder``, sorted; none when it cannot be listed."""
    try:
        return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return []


def read_text(path: Path) -> str | None:
    """Return a config file's text, or ``None`` when it is missing, odd or too large."""
    try:
        return read_regular_file(path, MAX_CONFIG_BYTES).decode("utf-8", errors="replace")
    except FileRefusedError:
        return None


def read_ini(path: Path) -> configparser.RawConfigParser | None:
    """Return an INI-style config parsed (keys lower-case), or ``None`` if it is unusable."""
    text = read_text(path)
    if text is None:
        return None
    parser = configparser.RawConfigParser(strict=False, comment_prefixes=("#", ";"))
    parser.optionxform = str.lower  # type: ignore[assignment,method-assign]
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error:
        return None
    return parser


def expand_home(value: str, home: Path) -> Path:
    """Expand ``~`` to ``home`` (not to the running user's home: tests decide)."""
    if value == "~" or value.startswith("~/"):
        return home / value[2:]
    return Path(value)


def tilde(path: Path, home: Path) -> str:
    """Return ``path`` as the user would write it, ``~/...`` when it is inside ``home``."""
    try:
        return "~/" + path.relative_to(home).as_posix()
    except ValueError:
        return str(path)
