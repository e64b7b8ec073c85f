"""Command-line front: the GUI by default, and subcommands that never import Qt."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from focusapp import __version__
from focusapp.domain.durations import DurationError, format_duration, parse_duration
from focusapp.domain.models import ENERGY_LABELS, CheckIn

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from focusapp.context import AppContext

logger = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class UserError(Exception):
    """An error to show the user as one line, exiting with status 2."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line, never a usage dump."""

    def error(self, message: str) -> NoReturn:
        """Print one line naming the command and exit with status 2."""
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


# --- value parsing: every message names the field --------------------------------------------


def parse_date(text: str, field: str = "date") -> dt.date:
    """Return the date in ``text`` (YYYY-MM-DD)."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"{field}: '{text}' is not a date; use YYYY-MM-DD") from None


def _parse_int(text: str, field: str, low: int, high: int) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise UserError(f"{field}: '{text}' is not a whole number {low}-{high}") from None


def _parse_minutes(text: str, field: str) -> int:
    try:
        return parse_duration(text)
    except DurationError as error:
        raise UserError(f"{field}: {error}") from None


def _parse_hours(text: str, field: str) -> float:
    try:
        value = float(text.strip().lower().removesuffix("h"))
    except ValueError:
        raise UserError(f"{field}: '{text}' is not a number of hours, e.g. 7.5") from None
    if value != value:  # NaN
        raise UserError(f"{field}: '{text}' is not a number of hours, e.g. 7.5")
    return value


# --- output -----------------------------------------------------------------------------------


def describe_day(day: CheckIn) -> str:
    """Return one readable line for a stored day."""
    parts = [day.date.isoformat()]
    if day.energy is not None:
        parts.append(f"energy {day.energy} ({ENERGY_LABELS.get(day.energy, '?')})")
    if day.coding_minutes is not None:
        parts.append(f"coding {format_duration(day.coding_minutes)}")
    if day.meeting_minutes is not None:
        parts.append(f"meetings {format_duration(day.meeting_minutes)}")
    if day.sleep_hours is not None:
        parts.append(f"sleep {day.sleep_hours:g}h")
    if day.stress is not None:
        parts.append(f"stress {day.stress}")
    if day.meeting_count is not None:
        parts.append(f"{day.meeting_count} meetings")
    if day.note:
        parts.append(f"note: {day.note}")
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
            (d.note or "").replace("\n", " ")[:40],
        )
        for d in days
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip()
        for r in [header, *rows]
    ]
    return "\n".join(lines)


# --- commands ---------------------------------------------------------------------------------


def _context(args: argparse.Namespace) -> AppContext:
    from focusapp.context import open_context

    return open_context(args.data_dir)


def cmd_log(args: argparse.Namespace) -> int:
    """Create or update a day from the options given."""
    changes: dict[str, object] = {}
    if args.energy is not None:
        changes["energy"] = _parse_int(args.energy, "energy", 1, 5)
    if args.coding is not None:
        changes["coding_minutes"] = _parse_minutes(args.coding, "coding")
    if args.meetings is not None:
        changes["meeting_minutes"] = _parse_minutes(args.meetings, "meetings")
    if args.sleep is not None:
        changes["sleep_hours"] = _parse_hours(args.sleep, "sleep")
    if args.stress is not None:
        changes["stress"] = _parse_int(args.stress, "stress", 1, 5)
    if args.note is not None:
        changes["note"] = args.note
    day = parse_date(args.date) if args.date is not None else None
    context = _context(args)
    stored = context.checkins.record(day, changes)
    print(describe_day(stored))
    return EXIT_OK


def _range(args: argparse.Namespace) -> tuple[dt.date | None, dt.date | None]:
    first = parse_date(args.from_, "--from") if args.from_ else None
    last = parse_date(args.to, "--to") if args.to else None
    if first and last and first > last:
        raise UserError(f"--from {first} is after --to {last}")
    return first, last


def cmd_show(args: argparse.Namespace) -> int:
    """Print recorded days as a table or JSON."""
    from focusapp.formats.csv_json import write_json

    first, last = _range(args)
    days = _context(args).checkins.days(first, last)
    if args.json:
        sys.stdout.write(write_json(days))
    elif days:
        print(_table(days))
    else:
        print("No check-ins recorded in this range yet. Add one with: focusapp log --energy 3")
    return EXIT_OK


def _write_output(text: str, output: str | None) -> None:
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    target = Path(output).expanduser()
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        raise UserError(f"-o: cannot write {target}: {error.strerror or error}") from None


def cmd_export(args: argparse.Namespace) -> int:
    """Write every day as CSV or JSON."""
    from focusapp.formats.csv_json import write_csv, write_json

    days = _context(args).checkins.days()
    text = write_csv(days) if args.format == "csv" else write_json(days)
    _write_output(text, args.output)
    if args.output not in (None, "-"):
        print(f"Exported {len(days)} days to {args.output}", file=sys.stderr)
    return EXIT_OK


def _read_file(path_text: str, label: str) -> bytes:
    path = Path(path_text).expanduser()
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{label}: {path} does not exist") from None
    except IsADirectoryError:
        raise UserError(f"{label}: {path} is a folder, not a file") from None
    except OSError as error:
        raise UserError(f"{label}: cannot read {path}: {error.strerror or error}") from None


def cmd_import(args: argparse.Namespace) -> int:
    """Import days from a CSV or JSON export, all or nothing."""
    from focusapp.formats.csv_json import ImportFormatError, read_days

    data = _read_file(args.file, "import")
    context = _context(args)
    try:
        days = read_days(data, args.file, today=context.checkins.today())
    except ImportFormatError as error:
        for problem in error.problems:
            print(f"focusapp import: {problem}", file=sys.stderr)
        print("focusapp import: nothing was imported", file=sys.stderr)
        return EXIT_USAGE
    count = context.checkins.import_days((d.checkin, d.given) for d in days)
    print(f"Imported {count} days from {args.file}")
    return EXIT_OK


# --- parser -----------------------------------------------------------------------------------


def _add_range(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="from_", metavar="DATE", help="first day (YYYY-MM-DD)")
    parser.add_argument("--to", metavar="DATE", help="last day (YYYY-MM-DD)")


def build_parser() -> argparse.ArgumentParser:
    """Return the parser for every command."""
    parser = _Parser(
        prog="focusapp",
        description="FocusApp: a 20-second daily check-in of energy, coding and meeting time, "
        "with an explainable burnout-risk signal. Without a command it opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"FocusApp {__version__}")
    parser.add_argument(
        "--data-dir", metavar="DIR", help="keep data and settings in DIR ($FOCUSAPP_DATA_DIR)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    log = commands.add_parser("log", help="create or update a day's check-in")
    log.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default: today)")
    log.add_argument("--energy", metavar="N", help="1 Drained, 2 Low, 3 Okay, 4 Good, 5 Energised")
    log.add_argument("--coding", metavar="DUR", help="coding / deep work, e.g. 1h30, 90m, 1.5h")
    log.add_argument("--meetings", metavar="DUR", help="time in meetings, e.g. 2h")
    log.add_argument("--sleep", metavar="HOURS", help="hours slept, e.g. 7.5")
    log.add_argument("--stress", metavar="N", help="1 (calm) to 5 (very stressed)")
    log.add_argument("--note", metavar="TEXT", help="a short note (never used for scoring)")
    log.set_defaults(handler=cmd_log)

    show = commands.add_parser("show", help="show recorded days")
    _add_range(show)
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=cmd_show)

    export = commands.add_parser("export", help="export every day as CSV or JSON")
    export.add_argument("--format", choices=("csv", "json"), default="csv")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    export.set_defaults(handler=cmd_export)

    imp = commands.add_parser("import", help="import days from a CSV or JSON export")
    imp.add_argument("file", metavar="FILE")
    imp.set_defaults(handler=cmd_import)
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    from focusapp.app import run_gui

    return run_gui(args.data_dir)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status. Errors are one line on stderr."""
    from focusapp.domain.validation import CheckInInvalidError
    from focusapp.storage.migrate import DatabaseTooNewError

    logging.basicConfig(level=logging.WARNING, format="focusapp: %(message)s")
    args = build_parser().parse_args(argv)
    prog = f"focusapp {args.command}" if args.command else "focusapp"
    handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", _run_gui)
    try:
        return handler(args)
    except UserError as error:
        print(f"{prog}: {error}", file=sys.stderr)
    except CheckInInvalidError as error:
        print(f"{prog}: {error}; nothing was changed", file=sys.stderr)
    except DatabaseTooNewError as error:
        print(f"{prog}: {error}", file=sys.stderr)
    except KeyboardInterrupt:
        print(f"{prog}: interrupted", file=sys.stderr)
    except OSError as error:
        print(f"{prog}: {error.strerror or error} ({error.filename or 'file'})", file=sys.stderr)
    except Exception as error:
        logger.debug("unexpected error", exc_info=True)
        print(f"{prog}: unexpected error: {type(error).__name__}: {error}", file=sys.stderr)
    return EXIT_USAGE
