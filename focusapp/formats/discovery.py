"""Finding the calendars other programs already keep on this computer, for one-click setup.

:func:`discover_sources` looks, read-only and without running anything, at:

* vdir folders (vdirsyncer, khal) in the usual places and in the folders named by a
  vdirsyncer config (``[storage NAME]`` with ``type = "filesystem"``) or a khal config
  (``[calendars]`` / ``[[name]]`` / ``path = ...``, ``type = discover`` globs);
* Evolution Data Server's caches (``~/.cache/evolution/calendar/*/cache.db``) and local
  calendars (``~/.local/share/evolution/calendar/*/calendar.ics``), named from
  ``~/.config/evolution/sources/<uid>.source``;
* Thunderbird profiles (``calendar-data/local.sqlite`` and ``cache.sqlite``), named from
  the profile's ``prefs.js`` (read as text, never executed).

The home folder and the environment are arguments, so tests (and a sandboxed app) decide
where "home" is; nothing here reads ``os.environ`` or ``Path.home()`` itself. A config that
cannot be read or parsed is skipped: discovery offers what it finds, it never fails.
"""

from __future__ import annotations

import configparser
import json
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Final

from focusapp.formats.evolution import count_events
from focusapp.formats.ics.report import CalendarFormatError
from focusapp.formats.thunderbird import (
    thunderbird_calendar_files,
    thunderbird_counts,
    thunderbird_names,
)
from focusapp.formats.vdir import (
    DEFAULT_FILE_EXTENSION,
    calendar_folders,
    item_stamps,
    read_metadata,
)
from focusapp.system.files import FileRefusedError, read_regular_file

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

#: Config files are a few kilobytes; anything much larger is not one.
_MAX_CONFIG_BYTES: Final = 1024 * 1024
#: Local Evolution calendars are counted by scanning their text; larger ones are not counted.
_MAX_COUNTED_ICS_BYTES: Final = 20 * 1024 * 1024
#: How deep below a usual place calendars are looked for (storage / collection / items).
_SCAN_DEPTH: Final = 2
#: A ``type = discover`` glob may match at most this many folders.
_MAX_GLOB_MATCHES: Final = 200


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
class _Places:
    home: Path
    config: Path
    data: Path
    cache: Path
    vdirsyncer_config: Path | None

    @classmethod
    def of(cls, home: Path, environ: Mapping[str, str]) -> _Places:
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
            vdirsyncer_config=_expand(named, home) if named else None,
        )


def discover_sources(home: Path, environ: Mapping[str, str]) -> list[FoundSource]:
    """Return every calendar source found for the user whose home folder is ``home``.

    Args:
        home: The user's home folder (``~`` in configs means this).
        environ: The environment (``XDG_CONFIG_HOME``, ``XDG_DATA_HOME``,
            ``XDG_CACHE_HOME``, ``VDIRSYNCER_CONFIG``).

    Returns:
        One entry per path, configs first (they say what the user set up), then the
        usual places, Evolution and Thunderbird.
    """
    places = _Places.of(home, environ)
    found: dict[Path, FoundSource] = {}
    for source in _all(places):
        found.setdefault(source.path, source)
    return list(found.values())


def _all(places: _Places) -> Iterator[FoundSource]:
    yield from _vdirsyncer_sources(places)
    yield from _khal_sources(places)
    yield from _usual_vdirs(places)
    yield from _evolution_sources(places)
    yield from _thunderbird_sources(places)


# vdir ------------------------------------------------------------------------------------


def vdir_source(
    path: Path, found_by: str, file_extension: str = DEFAULT_FILE_EXTENSION
) -> FoundSource | None:
    """Describe the vdir at ``path`` (a calendar, or a folder of calendars), if it is one."""
    folders = calendar_folders(path, file_extension)
    if not folders:
        return None
    names = tuple(read_metadata(folder, "displayname") or folder.name for folder in folders)
    count = sum(len(item_stamps(folder, file_extension)) for folder in folders)
    return FoundSource(SourceKind.VDIR, path, names, count, found_by, file_extension)


def _usual_vdirs(places: _Places) -> Iterator[FoundSource]:
    roots = (
        places.home / ".calendars",
        places.data / "calendars",
        places.data / "khal",
        places.data / "vdirsyncer",
        places.home / ".vdirsyncer",
    )
    for root in roots:
        label = _tilde(root, places.home)
        for storage in _storages(root, _SCAN_DEPTH):
            source = vdir_source(storage, label)
            if source is not None:
                yield source


def _storages(root: Path, depth: int) -> Iterator[Path]:
    """Yield the folders below ``root`` whose calendars are one level down (or itself)."""
    if calendar_folders(root):
        yield root
        return
    if depth == 0:
        return
    for child in _subfolders(root):
        yield from _storages(child, depth - 1)


def _subfolders(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return []


def _vdirsyncer_sources(places: _Places) -> Iterator[FoundSource]:
    candidates = [places.config / "vdirsyncer" / "config", places.home / ".vdirsyncer" / "config"]
    if places.vdirsyncer_config is not None:
        candidates.insert(0, places.vdirsyncer_config)
    for config_path in candidates:
        parser = _read_ini(config_path)
        if parser is None:
            continue
        for section in parser.sections():
            kind, _, name = section.partition(" ")
            if kind != "storage" or not name.strip():
                continue
            values = {key: _json_value(value) for key, value in parser.items(section)}
            extension = values.get("fileext", "")
            if values.get("type") != "filesystem" or not values.get("path"):
                continue
            if extension.lower() == ".vcf":  # an address book, not a calendar
                continue
            label = f"{_tilde(config_path, places.home)} [storage {name.strip()}]"
            source = vdir_source(
                _expand(values["path"], places.home), label, extension or DEFAULT_FILE_EXTENSION
            )
            if source is not None:
                yield source
        return  # vdirsyncer reads the first config it finds, and so do we


def _json_value(raw: str) -> str:
    """Return a vdirsyncer value: JSON (``"~/.calendars/"``), or the raw text if not JSON."""
    try:
        value = json.loads(raw)
    except ValueError:
        return raw.strip()
    return value if isinstance(value, str) else raw.strip()


def _khal_sources(places: _Places) -> Iterator[FoundSource]:
    for config_path in (places.config / "khal" / "config", places.home / ".khal" / "khal.conf"):
        text = _read_text(config_path)
        if text is None:
            continue
        for name, values in _khal_calendars(text):
            if values.get("type", "calendar") == "birthdays":  # address books, not meetings
                continue
            label = f"{_tilde(config_path, places.home)} [[{name}]]"
            path = values.get("path", "")
            if not path:
                continue
            if values.get("type") == "discover":
                folders = _glob_folders(_expand(path, places.home))
            else:
                folders = [_expand(path, places.home)]
            for folder in folders:
                source = vdir_source(folder, label)
                if source is not None:
                    yield source
        return


def _glob_folders(pattern: Path) -> list[Path]:
    """Return the folders a khal ``discover`` glob matches (at most a few hundred)."""
    if not pattern.is_absolute():
        return []
    relative = pattern.relative_to(pattern.anchor)
    try:
        matches = sorted(Path(pattern.anchor).glob(str(relative)))[:_MAX_GLOB_MATCHES]
    except (OSError, ValueError):
        return []
    return [match for match in matches if match.is_dir()]


def _khal_calendars(text: str) -> Iterator[tuple[str, dict[str, str]]]:
    """Yield ``(name, settings)`` for each ``[[name]]`` below ``[calendars]`` in a khal config.

    khal's config is configobj (nested ``[[...]]`` sections), which configparser cannot
    read, so the few lines needed are read here.
    """
    in_calendars = False
    current: tuple[str, dict[str, str]] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        depth = len(line) - len(line.lstrip("["))
        if depth and line.endswith("]" * depth):
            title = line[depth:-depth].strip()
            if current is not None:
                yield current
                current = None
            if depth == 1:
                in_calendars = title == "calendars"
            elif depth == 2 and in_calendars:
                current = (title, {})
            continue
        if current is not None and "=" in line:
            key, _, value = line.partition("=")
            current[1][key.strip().lower()] = _unquote(value.strip())
    if current is not None:
        yield current


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value.split(" #", 1)[0].strip()


# Evolution -------------------------------------------------------------------------------


def _evolution_sources(places: _Places) -> Iterator[FoundSource]:
    names = evolution_names(places.config / "evolution" / "sources")
    cache_root = places.cache / "evolution" / "calendar"
    for folder in _subfolders(cache_root):
        path = folder / "cache.db"
        if folder.name != "trash" and path.is_file():
            yield FoundSource(
                SourceKind.EVOLUTION_CACHE,
                path,
                (_evolution_name(names, folder.name),),
                _count_cache(path),
                _tilde(cache_root, places.home),
            )
    local_root = places.data / "evolution" / "calendar"
    for folder in _subfolders(local_root):
        path = folder / "calendar.ics"
        if path.is_file():
            yield FoundSource(
                SourceKind.EVOLUTION_LOCAL,
                path,
                (_evolution_name(names, folder.name),),
                _count_ics_events(path),
                _tilde(local_root, places.home),
            )


def evolution_names(sources_folder: Path) -> dict[str, str]:
    """Return source uid -> ``DisplayName`` from Evolution's ``*.source`` key files."""
    names: dict[str, str] = {}
    for path in sorted(sources_folder.glob("*.source")):
        parser = _read_ini(path)
        if parser is None or not parser.has_section("Data Source"):
            continue
        name = parser.get("Data Source", "DisplayName", fallback="").strip()
        if name:
            names[path.stem] = name
    return names


def _evolution_name(names: Mapping[str, str], uid: str) -> str:
    # The built-in local calendar keeps its data in "system"; its source is "system-calendar".
    return names.get(uid) or names.get(f"{uid}-calendar") or uid


def _count_cache(path: Path) -> int | None:
    try:
        return count_events(path)
    except (FileRefusedError, CalendarFormatError):
        return None


def _count_ics_events(path: Path) -> int | None:
    try:
        data = read_regular_file(path, _MAX_COUNTED_ICS_BYTES)
    except FileRefusedError:
        return None
    return len(re.findall(rb"^BEGIN:VEVENT\r?$", data, flags=re.MULTILINE))


# Thunderbird -----------------------------------------------------------------------------


def _thunderbird_sources(places: _Places) -> Iterator[FoundSource]:
    for profile, path in thunderbird_calendar_files(places.home):
        names = thunderbird_names(profile / "prefs.js")
        counts = thunderbird_counts(path)
        yield FoundSource(
            SourceKind.THUNDERBIRD,
            path,
            tuple(names.get(calendar_id, calendar_id) for calendar_id in sorted(counts or {})),
            sum(counts.values()) if counts is not None else None,
            _tilde(profile, places.home),
        )


# helpers ---------------------------------------------------------------------------------


def _read_text(path: Path) -> str | None:
    try:
        return read_regular_file(path, _MAX_CONFIG_BYTES).decode("utf-8", errors="replace")
    except FileRefusedError:
        return None


def _read_ini(path: Path) -> configparser.RawConfigParser | None:
    text = _read_text(path)
    if text is None:
        return None
    parser = configparser.RawConfigParser(strict=False, comment_prefixes=("#", ";"))
    parser.optionxform = str.lower  # type: ignore[assignment,method-assign]
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error:
        return None
    return parser


def _expand(value: str, home: Path) -> Path:
    """Expand ``~`` to ``home`` (not to the running user's home: tests decide)."""
    if value == "~" or value.startswith("~/"):
        return home / value[2:]
    return Path(value)


def _tilde(path: Path, home: Path) -> str:
    try:
        return "~/" + path.relative_to(home).as_posix()
    except ValueError:
        return str(path)
