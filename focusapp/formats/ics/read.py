"""Reading one .ics file: its bytes decoded, its events collected, expanded and classified.

See :mod:`focusapp.formats.ics` for the decisions an import follows. A file that is not a
calendar, or cannot be parsed at all, raises :class:`~.report.CalendarFormatError`; in one
that parses, each event is read on its own.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Final

from focusapp.formats.ics.collect import EventCollector
from focusapp.formats.ics.occurrences import OccurrenceReader
from focusapp.formats.ics.parse import CalendarParseError, describe_error, parse_calendars
from focusapp.formats.ics.report import (
    CalendarFormatError,
    CalendarReadResult,
    ReadReport,
    add_warning,
)

if TYPE_CHECKING:
    import datetime as dt

    from focusapp.domain.calendar import CalendarRules

#: Larger files are refused before parsing; a year of a busy calendar is a few megabytes.
MAX_ICS_BYTES: Final = 50 * 1024 * 1024

_UTF16_BOMS: Final = (b"\xff\xfe", b"\xfe\xff")
_UTF8_BOM: Final = b"\xef\xbb\xbf"
_QUIET_WARNINGS: Final = (DeprecationWarning, PendingDeprecationWarning, ResourceWarning)


def read_calendar(
    data: bytes,
    *,
    first_day: dt.date,
    last_day: dt.date,
    rules: CalendarRules,
    source: str = "",
) -> CalendarReadResult:
    """Read an .ics file and classify its events for the local days ``first_day``-``last_day``.

    Args:
        data: The file's bytes.
        first_day: First local day of interest (inclusive).
        last_day: Last local day of interest (inclusive).
        rules: The user's zone, addresses and meeting rules.
        source: A label stored on every event (such as the file name) for the audit.

    Raises:
        CalendarFormatError: If the file is not an iCalendar calendar or cannot be parsed.
        ValueError: If ``last_day`` is before ``first_day``.
    """
    if last_day < first_day:
        raise ValueError("the last day is before the first day")
    result = CalendarReadResult()
    text, offset = _decode(data, result.warnings)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            parsed = parse_calendars(text, offset)
        except CalendarParseError as error:
            raise CalendarFormatError(str(error)) from None
        for message in parsed.left_out:
            add_warning(result.warnings, message)
        try:
            report = ReadReport(result, parsed.lines, keep_titles=rules.keep_titles)
            occurrences = OccurrenceReader(rules, first_day, last_day, source, report)
            collector = EventCollector(rules, report)
            for calendar in parsed.calendars:
                collector.collect(calendar)
            occurrences.expand(collector.groups, collector.event_count)
            result.identity = collector.identity.tally()
        except CalendarFormatError:
            raise
        except Exception as exc:  # last resort: the user gets a message, never a traceback
            raise CalendarFormatError(
                f"The calendar could not be read ({describe_error(exc)}). Nothing was imported."
            ) from exc
    for warning in caught:
        if not issubclass(warning.category, _QUIET_WARNINGS):
            add_warning(result.warnings, str(warning.message))
    result.events.sort(key=lambda e: (e.start, e.end, e.uid, e.recurrence_id or ""))
    return result


def _decode(data: bytes, found: list[str]) -> tuple[str, int]:
    """Return the file's text from ``BEGIN:VCALENDAR`` and the lines stripped before it.

    Raises:
        CalendarFormatError: Explaining why the bytes cannot be a calendar.
    """
    if len(data) > MAX_ICS_BYTES:
        raise CalendarFormatError(
            f"The file is larger than {MAX_ICS_BYTES // (1024 * 1024)} MB; "
            "export a shorter period from your calendar."
        )
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise CalendarFormatError("The file is not a text file, so not a calendar.") from None
    else:
        data = data.removeprefix(_UTF8_BOM)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            # Old Outlook exports are Windows-1252; a wrong guess only garbles titles.
            text = data.decode("cp1252", errors="replace")
            add_warning(found, "The file is not UTF-8; it was read as Windows-1252 text.")
    if "\x00" in text:
        raise CalendarFormatError("The file is not a text file, so not a calendar.")
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped:
        raise CalendarFormatError("The file is empty.")
    if not stripped[:15].upper().startswith("BEGIN:VCALENDAR"):
        raise CalendarFormatError(
            "This is not an iCalendar (.ics) file: it should start with BEGIN:VCALENDAR."
        )
    return stripped, text[: len(text) - len(stripped)].count("\n")
