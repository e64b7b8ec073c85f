"""vdir calendars (vdirsyncer, khal): the folders their configs name, and the usual places."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Final

from focusapp.formats.discovery.places import (
    FoundSource,
    Places,
    SourceKind,
    expand_home,
    read_ini,
    read_text,
    subfolders,
    tilde,
)
from focusapp.formats.vdir import (
    DEFAULT_FILE_EXTENSION,
    calendar_folders,
    item_stamps,
    read_metadata,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

#: How deep below a usual place calendars are looked for (storage / collection / items).
_SCAN_DEPTH: Final = 2
#: A ``type = discover`` glob may match at most this many folders.
_MAX_GLOB_MATCHES: Final = 200


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


def usual_vdirs(places: Places) -> Iterator[FoundSource]:
    """Yield the vdirs in the folders vdirsyncer and khal users usually sync to."""
    roots = (
        places.home / ".calendars",
        places.data / "calendars",
        places.data / "khal",
        places.data / "vdirsyncer",
        places.home / ".vdirsyncer",
    )
    for root in roots:
        label = tilde(root, places.home)
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
    for child in subfolders(root):
        yield from _storages(child, depth - 1)


def vdirsyncer_sources(places: Places) -> Iterator[FoundSource]:
    """Yield the filesystem storages of the first vdirsyncer config found."""
    candidates = [places.config / "vdirsyncer" / "config", places.home / ".vdirsyncer" / "config"]
    if places.vdirsyncer_config is not None:
        candidates.insert(0, places.vdirsyncer_config)
    for config_path in candidates:
        parser = read_ini(config_path)
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
            label = f"{tilde(config_path, places.home)} [storage {name.strip()}]"
            source = vdir_source(
                expand_home(values["path"], places.home), label, extension or DEFAULT_FILE_EXTENSION
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


def khal_sources(places: Places) -> Iterator[FoundSource]:
    """Yield the calendars of the first khal config found (``discover`` globs expanded)."""
    for config_path in (places.config / "khal" / "config", places.home / ".khal" / "khal.conf"):
        text = read_text(config_path)
        if text is None:
            continue
        for name, values in _khal_calendars(text):
            if values.get("type", "calendar") == "birthdays":  # address books, not meetings
                continue
            label = f"{tilde(config_path, places.home)} [[{name}]]"
            path = values.get("path", "")
            if not path:
                continue
            if values.get("type") == "discover":
                folders = _glob_folders(expand_home(path, places.home))
            else:
                folders = [expand_home(path, places.home)]
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
