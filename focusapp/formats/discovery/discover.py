"""Finding every calendar source on this computer, configs first, each path once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from focusapp.formats.discovery.mail_apps import evolution_sources, thunderbird_sources
from focusapp.formats.discovery.places import FoundSource, Places
from focusapp.formats.discovery.vdirs import khal_sources, usual_vdirs, vdirsyncer_sources

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from pathlib import Path


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
    places = Places.of(home, environ)
    found: dict[Path, FoundSource] = {}
    for source in _all(places):
        found.setdefault(source.path, source)
    return list(found.values())


def _all(places: Places) -> Iterator[FoundSource]:
    yield from vdirsyncer_sources(places)
    yield from khal_sources(places)
    yield from usual_vdirs(places)
    yield from evolution_sources(places)
    yield from thunderbird_sources(places)
