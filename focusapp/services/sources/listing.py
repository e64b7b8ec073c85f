"""Describing calendar sources for the user: added ones with what was read, found ones.

The command line (``focusapp calendar sources``) and the window's list show the same
:class:`SourceInfo` for each source.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from focusapp.formats.calendar_kind import CalendarKind, thunderbird_note
from focusapp.formats.discovery.vdirs import vdir_source
from focusapp.services.calendar.store import load_report
from focusapp.services.sources.change_detection import CONTEXT
from focusapp.wording.translate import translate

if TYPE_CHECKING:
    import datetime as dt

    from focusapp.formats.discovery.places import FoundSource
    from focusapp.storage.calendar_repository import StoredSource


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """One calendar source as listed for the user: added, found on this computer, or both.

    Attributes:
        path: Resolved absolute path.
        kind: What it is.
        added: Whether the user added it (its meetings count).
        found_by: Where discovery found it (a config or a usual place); empty if not found.
        names: Its calendars' names, as the owning program shows them.
        event_count: Items or events it holds (stored meetings for an added source that
            cannot be counted cheaply), ``None`` when unknown.
        last_change: When its meetings were last re-read and changed (aware UTC), if ever.
        warnings: Things worth knowing (faulty items, an unreadable Thunderbird file...).
    """

    path: str
    kind: CalendarKind
    added: bool
    found_by: str
    names: tuple[str, ...]
    event_count: int | None
    last_change: dt.datetime | None
    warnings: tuple[str, ...]


def added_info(
    path: str, kind: CalendarKind, found: FoundSource | None, stored: StoredSource | None
) -> SourceInfo:
    """Return how an added source is listed: what discovery and the last read know of it."""
    warnings: list[str] = []
    names: tuple[str, ...] = found.names if found is not None else ()
    count = found.item_count if found is not None else None
    last_change = None
    if kind is CalendarKind.THUNDERBIRD:
        warnings.append(thunderbird_note(path))
    elif stored is not None:
        report = load_report(stored.report)
        warnings.extend(str(w) for w in report.get("warnings", []))
        last_change = stored.imported_at
        if count is None:
            count = int(report.get("meetings_counted", 0))
    if kind is CalendarKind.VDIR and found is None:
        described = vdir_source(Path(path), "")
        if described is not None:
            names, count = described.names, described.item_count
    if not Path(path).exists():
        warnings.insert(0, translate(CONTEXT, "It is no longer there."))
    return SourceInfo(
        path=path,
        kind=kind,
        added=True,
        found_by=found.found_by if found is not None else "",
        names=names,
        event_count=count,
        last_change=last_change,
        warnings=tuple(warnings),
    )


def found_info(source: FoundSource) -> SourceInfo:
    """Return how a source found on this computer, and not added, is listed."""
    kind = {
        "vdir": CalendarKind.VDIR,
        "evolution_cache": CalendarKind.EVOLUTION,
        "evolution_local": CalendarKind.EVOLUTION,
        "thunderbird": CalendarKind.THUNDERBIRD,
    }[str(source.kind)]
    warnings = (thunderbird_note(str(source.path)),) if kind is CalendarKind.THUNDERBIRD else ()
    return SourceInfo(
        path=str(source.path),
        kind=kind,
        added=False,
        found_by=source.found_by,
        names=source.names,
        event_count=source.item_count,
        last_change=None,
        warnings=warnings,
    )
