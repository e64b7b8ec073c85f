"""The check-in commands: ``log``, ``show``, ``export`` and ``import``."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Final

from focusapp.cli.files import read_file, write_output
from focusapp.cli.support import (
    EXIT_OK,
    EXIT_USAGE,
    UserError,
    add_command,
    add_json,
    escape_text,
    open_context_for,
    print_error,
    print_problems,
)
from focusapp.cli.table import format_table
from focusapp.cli.values import (
    add_range,
    date_range,
    parse_date,
    parse_hours,
    parse_int,
    parse_minutes,
    profile_today,
)
from focusapp.domain.dates import DAY_FORMS
from focusapp.domain.durations import format_duration
from focusapp.domain.models import ENERGY_LABELS, CheckIn

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence


# --- output -----------------------------------------------------------------------------------


#: What the line of a stored day shows after its date, in this order: each recorded field.
_DAY_PARTS: Final[tuple[tuple[str, Callable[[Any], str]], ...]] = (
    ("energy", lambda energy: f"energy {energy} ({ENERGY_LABELS.get(energy, '?')})"),
    ("coding_minutes", lambda minutes: f"coding {format_duration(minutes)}"),
    ("meeting_minutes", lambda minutes: f"meetings {format_duration(minutes)}"),
    ("sleep_hours", lambda hours: f"sleep {hours:g}h"),
    ("stress", lambda stress: f"stress {stress}"),
    ("meeting_count", lambda count: f"{count} meetings"),
    ("note", lambda note: f"note: {escape_text(note)}"),
)


def describe_day(day: CheckIn) -> str:
    """Return one readable line for a stored day: its recorded fields, an empty note left out."""
    parts = [day.date.isoformat()]
    for name, shown in _DAY_PARTS:
        value = getattr(day, name)
        if value is not None and value != "":
            parts.append(shown(value))
    return "  ".join(parts)


def _table(days: Sequence[CheckIn]) -> str:
    header = ("Date", "Energy", "Coding", "Meetings", "Sleep", "Stress", "Note")

    def cell(value: object, fmt: Callable[[int], str] | None = None) -> str:
        if value is None:
            return "-"
        if fmt is not None and isinstance(value, int):
            return fmt(value)
        return f"{value:g}" if isinstance(value, float) else str(value)

    rows = [
        (
            d.date.isoformat(),
            cell(d.energy),
            cell(d.coding_minutes, format_duration),
            cell(d.meeting_minutes, format_duration),
            cell(d.sleep_hours),
            cell(d.stress),
            escape_text((d.note or "").replace("\n", " ")[:40]),
        )
        for d in days
    ]
    return format_table(rows, header)


# --- commands ---------------------------------------------------------------------------------


def cmd_log(args: argparse.Namespace) -> int:
    """Create or update a day from the options given."""
    changes: dict[str, object] = {}
    if args.energy is not None:
        changes["energy"] = parse_int(args.energy, "energy", 1, 5)
    if args.coding is not None:
        changes["coding_minutes"] = parse_minutes(args.coding, "coding")
    if args.meetings is not None:
        changes["meeting_minutes"] = parse_minutes(args.meetings, "meetings")
    if args.sleep is not None:
        changes["sleep_hours"] = parse_hours(args.sleep, "sleep")
    if args.stress is not None:
        changes["stress"] = parse_int(args.stress, "stress", 1, 5)
    if args.note is not None:
        changes["note"] = args.note
    added = None if args.add_meetings is None else parse_minutes(args.add_meetings, "add-meetings")
    if added is not None and "meeting_minutes" in changes:
        raise UserError("give --meetings or --add-meetings, not both")
    day = parse_date(args.date, today=lambda: profile_today(args)) if args.date else None
    context = open_context_for(args)
    stored = context.checkins.record(day, changes, meeting_minutes_added=added)
    print(describe_day(stored))
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    """Print recorded days as a table or JSON."""
    from focusapp.formats.csv_json import write_json

    first, last = date_range(args)
    checkins = open_context_for(args).checkins
    today = checkins.today()
    # Days after today are listed only when asked for with --to.
    days = checkins.days(first, last or max(today, first or today))
    if args.json:
        sys.stdout.write(write_json(days))
    elif days:
        print(_table(days))
        if days[-1].date > today:
            from focusapp.wording.lookahead import future_rows_note

            print(future_rows_note(today))
    else:
        print("No check-ins recorded in this range yet. Add one with: focusapp log --energy 3")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """Write every day as CSV or JSON."""
    from focusapp.cli.forecast import lookahead_service
    from focusapp.formats.csv_json import write_csv, write_json

    context = open_context_for(args)
    days = context.checkins.days()
    if args.format == "csv":
        text = write_csv(days)
    else:  # the kept plan, the weekly reflections and calendar exclusions travel with the days
        extra = lookahead_service(context).export_document()
        text = write_json(
            days, {**extra, "calendar_exclusions": context.calendar.exclusions_document()}
        )
    write_output(text, args.output, context.paths)
    if args.output not in (None, "-"):
        print(f"Exported {len(days)} days to {escape_text(args.output)}", file=sys.stderr)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """Import days from a CSV or JSON export, all or nothing, never silently replacing a day."""
    from focusapp.domain.imports import ImportChoice
    from focusapp.formats.csv_json import ImportFormatError, read_days
    from focusapp.services.checkins import ImportConflictError

    data = read_file(args.file)
    context = open_context_for(args)
    try:
        days = read_days(data, args.file, today=context.checkins.today())
    except ImportFormatError as error:
        print_problems("focusapp import", error.problems)
        print_error("focusapp import", "nothing was imported")
        return EXIT_USAGE
    rows = [(d.checkin, d.given) for d in days]
    if args.dry_run:
        plan = context.checkins.plan_import(rows)
        print(
            f"{escape_text(args.file)}: {len(plan.new)} new, {len(plan.same)} the same, "
            f"{len(plan.different)} different from what is stored; nothing was changed"
        )
        return EXIT_OK
    choice = (
        ImportChoice.OVERWRITE
        if args.overwrite
        else ImportChoice.KEEP
        if args.keep
        else ImportChoice.ASK
    )
    try:
        plan = context.checkins.import_days(rows, choice)
    except ImportConflictError as conflict:
        different = sorted(conflict.plan.different)
        shown = ", ".join(day.isoformat() for day in different[:3])
        more = f" and {len(different) - 3} more" if len(different) > 3 else ""
        raise UserError(
            f"{len(different)} days in the file differ from what is stored ({shown}{more}); "
            "nothing was imported. Add --overwrite to let the file win, --keep to keep the "
            "stored days, or --dry-run to see the counts"
        ) from None
    written = len(plan.new) + (len(plan.different) if choice is ImportChoice.OVERWRITE else 0)
    parts = [f"Imported {written} days from {escape_text(args.file)}"]
    if plan.same:
        parts.append(f"{len(plan.same)} already the same")
    if plan.different:
        verb = "replaced from the file" if choice is ImportChoice.OVERWRITE else "kept as stored"
        parts.append(f"{len(plan.different)} {verb}")
    print("; ".join(parts))
    return EXIT_OK


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the check-in commands to ``commands``."""
    log = add_command(
        commands,
        "log",
        "create or update a day's check-in",
        "Create or update one day's check-in (default: today). Only the fields "
        "you give change; the others keep their stored values. A day counts as checked in "
        "once it has an energy rating.",
        "focusapp log --energy 4 --coding 3h --meetings 2h",
        "focusapp log --date yesterday --meetings '45 minutes'",
        "focusapp log --date mon --stress 2 --sleep 7.5 --note 'long review'",
        handler=cmd_log,
    )
    log.add_argument("--date", metavar="DAY", help=f"the day: {DAY_FORMS} (default: today)")
    log.add_argument("--energy", metavar="N", help="1 Drained, 2 Low, 3 Okay, 4 Good, 5 Energised")
    log.add_argument("--coding", metavar="DUR", help="coding / deep work, e.g. 1h30, 90m, 1.5h")
    log.add_argument("--meetings", metavar="DUR", help="time in meetings, e.g. 2h")
    log.add_argument(
        "--add-meetings", metavar="DUR", help="add to the day's meeting time, e.g. 30m"
    )
    log.add_argument("--sleep", metavar="HOURS", help="hours slept, e.g. 7.5")
    log.add_argument("--stress", metavar="N", help="1 (calm) to 5 (very stressed)")
    log.add_argument("--note", metavar="TEXT", help="a short note (never used for scoring)")

    show = add_command(
        commands,
        "show",
        "show recorded days",
        "Print the recorded days from --from to --to (default: every day up to "
        "today) as a table, or as JSON with --json.",
        "focusapp show",
        "focusapp show --from mon --to today",
        "focusapp show --from 2026-10-01 --json",
        handler=cmd_show,
    )
    add_range(show)
    add_json(show)

    export = add_command(
        commands,
        "export",
        "export every day as CSV or JSON",
        "Write every recorded day as CSV (one row per day, for a spreadsheet) or "
        "JSON, to the terminal or to a file. 'focusapp import' reads both back.",
        "focusapp export -o checkins.csv",
        "focusapp export --format json -o checkins.json",
        handler=cmd_export,
    )
    export.add_argument("--format", choices=("csv", "json"), default="csv")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")

    imp = add_command(
        commands,
        "import",
        "import days from a CSV or JSON export",
        "Add the days of a CSV or JSON export, all or nothing. Days already stored "
        "with the same values are left alone; if a stored day differs from the file, nothing "
        "is imported until you choose --overwrite or --keep. A backup is made before any "
        "stored day is replaced.",
        "focusapp import checkins.csv --dry-run",
        "focusapp import checkins.csv",
        "focusapp import checkins.json --keep",
        handler=cmd_import,
    )
    imp.add_argument("file", metavar="FILE", help="a regular file of at most 50 MB")
    choice = imp.add_mutually_exclusive_group()
    choice.add_argument(
        "--overwrite", action="store_true", help="the file wins for days that differ"
    )
    choice.add_argument("--keep", action="store_true", help="stored days win; add only new days")
    choice.add_argument(
        "--dry-run", action="store_true", help="print how many days are new, same, different"
    )
