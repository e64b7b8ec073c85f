"""Shared pieces of the command line: one-line errors, value parsing, files and the context."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from focusapp.domain.durations import DurationError, parse_duration

if TYPE_CHECKING:
    from focusapp.context import AppContext

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class UserError(Exception):
    """An error to show the user as one line, exiting with status 2."""


class Parser(argparse.ArgumentParser):
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


def parse_int(text: str, field: str, low: int, high: int) -> int:
    """Return the whole number in ``text``; the message names ``field`` and its range."""
    try:
        return int(text.strip())
    except ValueError:
        raise UserError(f"{field}: '{text}' is not a whole number {low}-{high}") from None


def parse_minutes(text: str, field: str) -> int:
    """Return the minutes of a typed duration; the message lists the accepted forms."""
    try:
        return parse_duration(text)
    except DurationError as error:
        raise UserError(f"{field}: {error}") from None


def parse_hours(text: str, field: str) -> float:
    """Return hours typed as ``7.5`` or ``7.5h``."""
    try:
        value = float(text.strip().lower().removesuffix("h"))
    except ValueError:
        raise UserError(f"{field}: '{text}' is not a number of hours, e.g. 7.5") from None
    if value != value:  # NaN
        raise UserError(f"{field}: '{text}' is not a number of hours, e.g. 7.5")
    return value


# --- shared helpers ----------------------------------------------------------------------------


def open_context_for(args: argparse.Namespace) -> AppContext:
    """Open the data folder of ``--data-dir``; imported lazily so ``--version`` stays instant."""
    from focusapp.context import open_context

    return open_context(args.data_dir)


def date_range(args: argparse.Namespace) -> tuple[dt.date | None, dt.date | None]:
    """Return the ``--from``/``--to`` days, refusing a reversed range."""
    first = parse_date(args.from_, "--from") if args.from_ else None
    last = parse_date(args.to, "--to") if args.to else None
    if first and last and first > last:
        raise UserError(f"--from {first} is after --to {last}")
    return first, last


def write_output(text: str, output: str | None) -> None:
    """Write ``text`` to the ``-o`` file, or to stdout for none or ``-``."""
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    target = Path(output).expanduser()
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        raise UserError(f"-o: cannot write {target}: {error.strerror or error}") from None


def read_file(path_text: str, label: str) -> bytes:
    """Return a file's bytes; a missing or unreadable file is a one-line :class:`UserError`."""
    path = Path(path_text).expanduser()
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{label}: {path} does not exist") from None
    except IsADirectoryError:
        raise UserError(f"{label}: {path} is a folder, not a file") from None
    except OSError as error:
        raise UserError(f"{label}: cannot read {path}: {error.strerror or error}") from None


def add_range(parser: argparse.ArgumentParser) -> None:
    """Add ``--from DATE`` and ``--to DATE``."""
    parser.add_argument("--from", dest="from_", metavar="DATE", help="first day (YYYY-MM-DD)")
    parser.add_argument("--to", metavar="DATE", help="last day (YYYY-MM-DD)")
