"""``focusapp calendar add|sources|sync|remove``: calendars other programs keep on this computer.

vdirsyncer and khal folders, Evolution's caches and local calendars, Thunderbird's files and
plain .ics files are added by path and re-read when they change; nothing is downloaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from focusapp.cli.source_lists import print_sources, print_sync
from focusapp.cli.support import (
    EXIT_OK,
    UserError,
    add_command,
    add_json,
    open_context_for,
    write_lines,
)

if TYPE_CHECKING:
    import argparse
    from zoneinfo import ZoneInfo

    from focusapp.services.sources.listing import SourceInfo

_KINDS: Final = (
    "an .ics file, a vdir folder (vdirsyncer, khal), an Evolution cache.db or calendar.ics, "
    "or a Thunderbird .sqlite file"
)
_READ_ONLY: Final = (
    "FocusApp only reads it (a running Evolution or vdirsyncer is never disturbed) and never "
    "downloads anything."
)


def register_actions(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``add``, ``sources``, ``sync`` and ``remove`` to ``focusapp calendar``."""
    add = add_command(
        actions,
        "add",
        "add a calendar another program keeps here (its kind is detected)",
        f"Add {_KINDS}. Its meetings are read now and again whenever it changes (the window "
        f"watches it; `focusapp calendar sync` re-reads it). {_READ_ONLY}",
        "focusapp calendar add ~/.calendars/work",
        handler=cmd_calendar_add,
    )
    add.add_argument("path", metavar="PATH", help="the file or folder (see `calendar sources`)")

    sources = add_command(
        actions,
        "sources",
        "list the calendars found on this computer and those added",
        "List the added calendar sources, then those found on this computer (vdirsyncer and "
        "khal configs and folders, Evolution, Thunderbird) that are not added yet, with their "
        "calendar names, event counts, last change and warnings.",
        "focusapp calendar sources --json",
        handler=cmd_calendar_sources,
    )
    add_json(sources)

    add_command(
        actions,
        "sync",
        "re-read every added calendar and calendar.watch_files now",
        "Re-read every added source and every file in calendar.watch_files, picking up added, "
        "changed and deleted events, and apply changed calendar settings to every import. "
        "Sources that did not change are not written again.",
        "focusapp calendar sync",
        handler=cmd_calendar_sync,
    )

    remove = add_command(
        actions,
        "remove",
        "forget an added or imported calendar and its meetings",
        "Forget a calendar source (added, or imported with `calendar import`) and the "
        "meetings read from it. What you typed is never touched.",
        "focusapp calendar remove ~/.calendars/work",
        handler=cmd_calendar_remove,
    )
    remove.add_argument("path", metavar="PATH", help="the path as added (see `calendar sources`)")


def cmd_calendar_add(args: argparse.Namespace) -> int:
    """Add one source and read it now; a Thunderbird file is added with a clear note."""
    from focusapp.cli.calendar import describe_import
    from focusapp.formats.calendar_kind import SourceError

    context = open_context_for(args)
    try:
        outcome = context.sources.add(args.path)
    except SourceError as error:
        raise UserError(f"{error} Nothing was added.") from None
    kinds = dict(context.sources.added())
    lines = [f"Added {outcome.path} ({kinds.get(outcome.path, '?')})."]
    if outcome.report is not None:
        lines.extend(describe_import(outcome.report))
    elif outcome.error:
        lines.append(f"Note: {outcome.error}")
    write_lines(lines)
    return EXIT_OK


def cmd_calendar_sources(args: argparse.Namespace) -> int:
    """Print the added sources, then the ones found and not added."""
    context = open_context_for(args)
    return print_sources(
        context.sources.sources(),
        as_json=args.json,
        to_json=_source_json,
        to_lines=lambda source: _source_lines(source, context.zone),
        none_yet="No calendar found on this computer and none added. Add one with: "
        "focusapp calendar add PATH",
    )


def cmd_calendar_sync(args: argparse.Namespace) -> int:
    """Re-read every source and watched file; failures go to stderr and exit 2."""
    from focusapp.cli.calendar import describe_import

    context = open_context_for(args)
    outcomes = context.sources.sync(context.settings.calendar_watch_files)
    return print_sync(
        "focusapp calendar sync",
        [
            (
                None if outcome.report is None else describe_import(outcome.report),
                outcome.error or "",
            )
            for outcome in outcomes
        ],
        nothing_to_do="Nothing to do: no calendar added (focusapp calendar add PATH), no "
        "watched files (calendar.watch_files) and nothing stale.",
        could_not="calendar files could not be imported",
    )


def cmd_calendar_remove(args: argparse.Namespace) -> int:
    """Forget one source; its days lose the meetings it contributed."""
    from focusapp.formats.calendar_kind import SourceError

    try:
        removed = open_context_for(args).sources.remove(args.path)
    except SourceError as error:
        raise UserError(str(error)) from None
    if not removed:
        raise UserError(f"{args.path} was not imported or added; see: focusapp calendar sources")
    write_lines([f"Removed {args.path} and its meetings."])
    return EXIT_OK


# --- text --------------------------------------------------------------------------------------


def _source_json(source: SourceInfo) -> dict[str, object]:
    return {
        "path": source.path,
        "kind": str(source.kind),
        "added": source.added,
        "found_by": source.found_by or None,
        "calendars": list(source.names),
        "event_count": source.event_count,
        "last_change": None if source.last_change is None else source.last_change.isoformat(),
        "warnings": list(source.warnings),
    }


def _source_lines(source: SourceInfo, zone: ZoneInfo) -> list[str]:
    state = "added" if source.added else "found, not added"
    lines = [f"{source.path}  ({source.kind}, {state})"]
    details = []
    if source.names:
        details.append("calendars: " + ", ".join(source.names))
    if source.event_count is not None:
        details.append(f"{source.event_count} events")
    if source.last_change is not None:
        details.append(f"last change {source.last_change.astimezone(zone):%Y-%m-%d %H:%M}")
    if source.found_by:
        details.append(f"found in {source.found_by}")
    if details:
        lines.append("  " + "; ".join(details))
    lines.extend(f"  Warning: {warning}" for warning in source.warnings)
    return lines
