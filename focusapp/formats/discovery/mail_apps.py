"""Evolution's caches and local calendars, and Thunderbird's calendar files."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from focusapp.formats.discovery.places import (
    FoundSource,
    Places,
    SourceKind,
    read_ini,
    subfolders,
    tilde,
)
from focusapp.formats.evolution import count_events
from focusapp.formats.ics.report import CalendarFormatError
from focusapp.formats.thunderbird import (
    thunderbird_calendar_files,
    thunderbird_counts,
    thunderbird_names,
)
from focusapp.system.files import FileRefusedError, read_regular_file

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from pathlib import Path

#: Local Evolution calendars are counted by scanning their text; larger ones are not counted.
_MAX_COUNTED_ICS_BYTES: Final = 20 * 1024 * 1024


def evolution_sources(places: Places) -> Iterator[FoundSource]:
    """Yield Evolution Data Server's calendar caches, then its local calendars."""
    names = evolution_names(places.config / "evolution" / "sources")
    kinds = (
        (SourceKind.EVOLUTION_CACHE, places.cache, "cache.db", _count_cache),
        (SourceKind.EVOLUTION_LOCAL, places.data, "calendar.ics", _count_ics_events),
    )
    for kind, base, file_name, count in kinds:
        root = base / "evolution" / "calendar"
        for folder in subfolders(root):
            path = folder / file_name
            if folder.name != "trash" and path.is_file():  # "trash" holds deleted calendars
                name = _evolution_name(names, folder.name)
                yield FoundSource(kind, path, (name,), count(path), tilde(root, places.home))


def evolution_names(sources_folder: Path) -> dict[str, str]:
    """Return source uid -> ``DisplayName`` from Evolution's ``*.source`` key files."""
    names: dict[str, str] = {}
    for path in sorted(sources_folder.glob("*.source")):
        parser = read_ini(path)
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


def thunderbird_sources(places: Places) -> Iterator[FoundSource]:
    """Yield the calendar files of every Thunderbird profile, named from its prefs.js."""
    for profile, path in thunderbird_calendar_files(places.home):
        names = thunderbird_names(profile / "prefs.js")
        counts = thunderbird_counts(path)
        yield FoundSource(
            SourceKind.THUNDERBIRD,
            path,
            tuple(names.get(calendar_id, calendar_id) for calendar_id in sorted(counts or {})),
            sum(counts.values()) if counts is not None else None,
            tilde(profile, places.home),
        )
