"""``focusapp calendar import|show|list``: meeting time from .ics calendar files.

``add``, ``sources``, ``sync`` and ``remove`` live in :mod:`focusapp.cli.calendar_sources`.

Only local files are read; web addresses are refused (FocusApp has no network code).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Final

from focusapp.cli.calendar_exclusions import register_exclusions
from focusapp.cli.calendar_sources import register_actions
from focusapp.cli.support import (
    EXIT_OK,
    UserError,
    add_command,
    add_day,
    add_json,
    escape_text,
    open_context_for,
    write_json,
    write_lines,
)
from focusapp.cli.table import table_lines
from focusapp.cli.values import add_range, date_range
from focusapp.cli.values import parse_date as parse_day

if TYPE_CHECKING:
    import argparse
    from zoneinfo import ZoneInfo

    from focusapp.bootstrap import AppContext
    from focusapp.services.calendar.audit import DayAudit
    from focusapp.services.calendar.store import CalendarImportReport

_RANGE_HELP: Final = (
    "Only files on this computer are read; web addresses (http, https, webcal) are refused. "
    "Without --from/--to the range is one year before today to four weeks after; re-importing "
    "a file widens that to cover its earlier import, so history is never dropped. An import "
    "replaces everything stored from the same file (named by its absolute path)."
)
#: How many skipped events and warnings are listed before "... and N more".
_LIST_LIMIT: Final = 20


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``calendar`` and its actions to the command line."""
    calendar = add_command(
        commands,
        "calendar",
        "meeting time from calendars on this computer, and which events count",
        "Import meeting time from calendar files (.ics), or add the calendars "
        "vdirsyncer, khal, Evolution or Thunderbird keep on this computer, and see which "
        "events count (exclude the ones that should not). " + _RANGE_HELP,
        "focusapp calendar import ~/Downloads/work.ics --me me@example.com",
        "focusapp calendar add ~/.calendars/work",
        "focusapp calendar show today",
    )
    actions = calendar.add_subparsers(
        dest="action",
        metavar="{import,show,list,exclude,include,add,sources,sync,remove}",
        required=True,
    )

    imp = add_command(
        actions,
        "import",
        "import an .ics file (local files only)",
        "Import an .ics file. " + _RANGE_HELP,
        "focusapp calendar import ~/Downloads/work.ics --me me@work.example",
        handler=cmd_calendar_import,
    )
    imp.add_argument("file", metavar="FILE.ics", help="a calendar file (.ics) on this computer")
    add_range(imp)
    imp.add_argument(
        "--me",
        action="append",
        metavar="EMAIL",
        help="your address in this file, to recognise invitations you declined (repeatable; "
        "added to calendar.my_addresses and remembered for this file). Without it, and "
        "with no address set yet, the import says which addresses the file names most",
    )

    show = add_command(
        actions,
        "show",
        "show a day's meeting numbers and which events count and why",
        "Show a day's meeting numbers and every event touching it, counted or left out with "
        "the reason, and the calendar it came from.",
        "focusapp calendar show today",
        handler=cmd_calendar_show,
    )
    add_day(show)
    add_json(show)

    add_command(
        actions,
        "list",
        "list the imported calendar files",
        "List the imported and added calendars with their range and meetings.",
        "focusapp calendar list",
        handler=cmd_calendar_list,
    )

    register_exclusions(actions)
    register_actions(actions)


# --- commands ----------------------------------------------------------------------------------


def cmd_calendar_import(args: argparse.Namespace) -> int:
    """Import one file all or nothing, then print what was counted and left out."""
    from focusapp.services.calendar.local_files import CalendarImportError, resolve_local_path

    first, last = date_range(args)
    addresses = None if args.me is None else [_address(text) for text in args.me]
    try:
        resolve_local_path(args.file)  # refuse a URL before opening the database
        context = open_context_for(args)
        report = context.calendar.import_file(args.file, first, last, addresses)
    except CalendarImportError as error:
        message = str(error)
        if not message.endswith("Nothing was imported."):
            message += " Nothing was imported."
        raise UserError(message) from None
    write_lines(describe_import(report))
    if addresses:  # kept only once the file was imported: a refused file changes nothing
        _remember(context, addresses)
    hint = _owner_hint(context, args.file, report, addresses or [])
    if hint is not None:
        sys.stderr.write(escape_text(hint) + "\n")
    return EXIT_OK


def _remember(context: AppContext, addresses: list[str]) -> None:
    """Add the ``--me`` addresses to ``calendar.my_addresses`` (only that key is written)."""
    from focusapp.services.calendar.identity import remember_my_addresses
    from focusapp.wording.translate import translate

    try:
        context.settings = remember_my_addresses(context.settings_store, addresses)
    except OSError as error:
        raise UserError(
            translate(
                "CalendarIdentity",
                "--me: the calendar was imported, but your address could not be saved in "
                "{path} ({error}); it is remembered for this file only.",
            ).format(path=context.settings_store.path, error=error.strerror or error)
        ) from None


def _owner_hint(
    context: AppContext, file_text: str, report: CalendarImportReport, addresses: list[str]
) -> str | None:
    """Return the line asking which address is the user's, when none is known yet."""
    from focusapp.services.calendar.identity import (
        file_owner_tally,
        guess_owner,
        knows_me,
        owner_hint,
    )

    if knows_me(context.settings, addresses):
        return None
    tally = report.identity
    if report.unchanged:  # the file was not read this time
        tally = file_owner_tally(Path(report.path), context.zone, context.calendar.today())
    return owner_hint(file_text, guess_owner(tally))


def cmd_calendar_show(args: argparse.Namespace) -> int:
    """Print one day's numbers and every event touching it, counted or left out."""
    context = open_context_for(args)
    day = context.calendar.today() if args.date.strip().lower() == "today" else None
    if day is None:
        day = parse_day(args.date)
    audit = context.calendar.audit(day)
    if args.json:
        write_json(audit_json(audit, context.zone), ascii_only=True)
    else:
        write_lines(describe_audit(audit, context.zone))
    return EXIT_OK


def cmd_calendar_list(args: argparse.Namespace) -> int:
    """Print every imported file with its range and when it was imported."""
    context = open_context_for(args)
    sources = context.calendar.sources()
    if not sources:
        write_lines(
            ["No calendar imported yet. Import one with: focusapp calendar import FILE.ics"]
        )
        return EXIT_OK
    lines = []
    for source in sources:
        when = source.imported_at.astimezone(context.zone)
        missing = "" if source.exists else "  (file no longer there)"
        lines.append(
            f"{source.path}{missing}\n  {source.first_day} to {source.last_day}, "
            f"{source.meetings_counted} meetings, imported {when:%Y-%m-%d %H:%M}"
        )
    write_lines(lines)
    return EXIT_OK


# --- text --------------------------------------------------------------------------------------


def describe_import(report: CalendarImportReport) -> list[str]:
    """Return the lines that tell what an import read, counted, left out and skipped."""
    from focusapp.services.calendar.audit import describe_reason
    from focusapp.services.calendar.store import RangeOrigin

    origin = {
        RangeOrigin.GIVEN: "as given",
        RangeOrigin.DEFAULT: "default: one year back to four weeks ahead",
        RangeOrigin.WIDENED: "default, widened to cover this file's earlier import",
    }[report.range_origin]
    if report.unchanged:
        head = f"Unchanged: {report.path} was already imported with the same content and settings"
    else:
        verb = "Re-imported" if report.replaced else "Imported"
        head = f"{verb} {report.path}"
    lines = [
        head,
        f"  Range: {report.first_day} to {report.last_day} ({origin})",
        f"  Meetings counted: {report.meetings_counted} on {_plural(report.meeting_days, 'day')}",
    ]
    if not report.unchanged:
        lines.append(f"  Days whose meeting numbers changed: {report.days_changed}")
    if report.left_out:
        parts = ", ".join(f"{n} {describe_reason(r)}" for r, n in report.left_out.items())
        lines.append(f"  Left out: {report.left_out_total} ({parts})")
    else:
        lines.append("  Left out: none")
    if report.skipped:
        lines.append(f"  Skipped (could not be read): {len(report.skipped)}")
        for skipped in report.skipped[:_LIST_LIMIT]:
            uid = skipped.uid or "(no UID)"
            title = skipped.summary or "(no title)"
            where = f" (line {skipped.line})" if skipped.line else ""
            lines.append(f"    {uid} '{title}'{where}: {skipped.problem}")
        _more(lines, len(report.skipped))
    for warning in report.warnings[:_LIST_LIMIT]:
        lines.append(f"  Warning: {warning}")
    _more(lines, len(report.warnings))
    return lines


def audit_json(audit: DayAudit, zone: ZoneInfo) -> dict[str, object]:
    """Return the day's audit in the documented JSON shape (times with the local offset)."""
    from focusapp.domain.exclusions import overlaps

    summary = audit.summary
    return {
        "date": audit.date.isoformat(),
        "meeting_minutes": None if summary is None else summary.meeting_minutes,
        "meeting_count": None if summary is None else summary.meeting_count,
        "back_to_back_count": None if summary is None else summary.back_to_back_count,
        "longest_free_block_minutes": (
            None if summary is None else summary.longest_free_block_minutes
        ),
        "after_hours_minutes": None if summary is None else summary.after_hours_minutes,
        "double_booked_minutes": None if summary is None else summary.double_booked_minutes,
        "events": [
            {
                "uid": event.uid,
                "recurrence_id": event.recurrence_id,
                "summary": event.summary,
                "start": event.start.astimezone(zone).isoformat(),
                "end": event.end.astimezone(zone).isoformat(),
                "counted": event.counted,
                "reason": None if event.reason is None else str(event.reason),
                "source": event.source,
                "overlaps": [
                    {
                        "start": o.start.astimezone(zone).isoformat(),
                        "end": o.end.astimezone(zone).isoformat(),
                        "uid": o.other.uid,
                    }
                    for o in found
                ],
            }
            for event, found in zip(audit.events, overlaps(audit.events), strict=True)
        ],
    }


def describe_audit(audit: DayAudit, zone: ZoneInfo) -> list[str]:
    """Return a day's numbers and a table of its events for people."""
    from focusapp.domain.durations import format_duration
    from focusapp.services.calendar.audit import describe_reason, event_time_text
    from focusapp.services.exclusions import overlap_notes
    from focusapp.wording.translate import translate

    day = f"{audit.date:%a %Y-%m-%d}"
    summary = audit.summary
    if summary is None:
        lines = [f"{day}: no imported calendar covers this day."]
    else:
        lines = [
            f"{day}: {format_duration(summary.meeting_minutes)} in {summary.meeting_count} "
            f"meetings, {summary.back_to_back_count} back-to-back, longest free block "
            f"{format_duration(summary.longest_free_block_minutes)}, after hours "
            f"{format_duration(summary.after_hours_minutes)}, double-booked "
            f"{format_duration(summary.double_booked_minutes)}"
        ]
    if not audit.events:
        lines.append("No calendar events on this day.")
        return lines
    untitled = "(no title)" if audit.titles_kept else translate("CalendarAudit", "Meeting")
    notes = overlap_notes(audit.events, zone, untitled)
    rows = [
        (
            event_time_text(event, audit.date, zone),
            event.summary or untitled,
            ("counted" + (f" ({note})" if note else ""))
            if event.counted
            else f"left out: {describe_reason(event.reason)}",
            _file_name(event.source),
        )
        for event, note in zip(audit.events, notes, strict=True)
    ]
    lines.extend(table_lines(rows, indent="  "))
    return lines


# --- helpers -----------------------------------------------------------------------------------


def _address(text: str) -> str:
    cleaned = text.strip()
    bare = cleaned[len("mailto:") :] if cleaned.lower().startswith("mailto:") else cleaned
    local, at, domain = bare.partition("@")
    if not (local and at and domain) or any(c.isspace() for c in bare):
        raise UserError(f"--me: '{text}' is not an e-mail address")
    return bare.lower()


def _file_name(path: str) -> str:
    return Path(path).name if path else ""


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _more(lines: list[str], total: int) -> None:
    if total > _LIST_LIMIT:
        lines.append(f"    ... and {total - _LIST_LIMIT} more")
