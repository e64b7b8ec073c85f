"""The values people type on the command line: days, ranges, durations, hours, numbers.

Every message names the field. Kept apart from :mod:`focusapp.cli.support` so that starting
the window (``focusapp`` without a command) does not load the parsers it never uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from focusapp.cli.support import QUOTE_LIMIT, UserError, escape_text, quoted
from focusapp.domain.dates import DAY_FORMS, DayError, parse_day
from focusapp.domain.durations import ACCEPTED_HOURS, DurationError, parse_duration
from focusapp.domain.durations import parse_hours as parse_hours_text

if TYPE_CHECKING:
    import argparse
    import datetime as dt
    from collections.abc import Callable


def default_today() -> dt.date:
    """Return today on the system clock and zone, with the default day start (04:00).

    For commands that name a day before any profile is opened; :func:`profile_today`
    also honours the profile's day-start setting.
    """
    from focusapp.domain.clock import SystemClock
    from focusapp.domain.days import local_day
    from focusapp.system.zone import detect_zone

    return local_day(SystemClock().now(), detect_zone())


def profile_today(args: argparse.Namespace) -> dt.date:
    """Return the user's today for ``--data-dir``'s profile, reading only its settings.

    The database is not opened: a mistyped day must be refused before anything is created.
    """
    from focusapp.domain.clock import SystemClock
    from focusapp.domain.days import local_day
    from focusapp.settings.store import SettingsStore
    from focusapp.system.paths import resolve_paths
    from focusapp.system.zone import detect_zone

    settings = SettingsStore(resolve_paths(args.data_dir).config_file).load()
    return local_day(SystemClock().now(), detect_zone(), settings.day_start_hour)


def parse_date(
    text: str,
    field: str = "date",
    today: dt.date | Callable[[], dt.date] | None = None,
) -> dt.date:
    """Return the day in ``text``: YYYY-MM-DD, today, yesterday or a weekday name.

    A weekday means the most recent such day, today included (see
    :func:`focusapp.domain.dates.parse_day`); days outside 1900-01-01..2200-12-31 are
    refused. ``today`` (a day, or a function giving it, called only for a relative word)
    defaults to :func:`default_today`.
    """
    try:
        return parse_day(text, default_today if today is None else today)
    except DayError as error:
        raise UserError(f"{field}: {quoted(text)} {error}") from None


def parse_int(text: str, field: str, low: int, high: int) -> int:
    """Return the whole number in ``text``; the message names ``field`` and its range."""
    try:
        return int(text.strip())
    except ValueError:  # also a number of more than 4,300 digits
        raise UserError(f"{field}: {quoted(text)} is not a whole number {low}-{high}") from None


def parse_minutes(text: str, field: str) -> int:
    """Return the minutes of a typed duration; the message lists the accepted forms."""
    if len(text) > QUOTE_LIMIT:  # the parser's message would quote all of it
        raise UserError(f"{field}: {quoted(text)} is too long to be a duration, e.g. 1h30")
    try:
        return parse_duration(text)
    except DurationError as error:
        raise UserError(f"{field}: {escape_text(str(error))}") from None


def parse_hours(text: str, field: str) -> float:
    """Return hours typed as ``7.5``, ``7.5h``, ``7h30`` or ``7:30`` (the one hours parser)."""
    try:
        return parse_hours_text(text)
    except DurationError:
        raise UserError(
            f"{field}: {quoted(text)} is not a number of hours; use {ACCEPTED_HOURS}"
        ) from None


def date_range(args: argparse.Namespace) -> tuple[dt.date | None, dt.date | None]:
    """Return the ``--from``/``--to`` days, refusing a reversed range."""

    def today() -> dt.date:
        return profile_today(args)

    first = parse_date(args.from_, "--from", today) if args.from_ else None
    last = parse_date(args.to, "--to", today) if args.to else None
    if first and last and first > last:
        raise UserError(f"--from {first} is after --to {last}")
    return first, last


def add_range(parser: argparse.ArgumentParser) -> None:
    """Add ``--from DATE`` and ``--to DATE``."""
    parser.add_argument("--from", dest="from_", metavar="DATE", help=f"first day ({DAY_FORMS})")
    parser.add_argument("--to", metavar="DATE", help=f"last day ({DAY_FORMS})")
