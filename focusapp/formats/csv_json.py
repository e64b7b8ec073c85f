"""The check-in export format, as CSV or JSON, and its strict all-or-nothing reader."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from focusapp.domain import import_problems as said
from focusapp.domain.dates import outside_window
from focusapp.domain.durations import (
    MAX_MINUTE_DIGITS,
    DurationError,
    parse_duration,
    parse_hours,
)
from focusapp.domain.import_problems import problem
from focusapp.domain.models import CHECKIN_FIELDS, VALUE_FIELDS, CheckIn
from focusapp.domain.phrases import Phrase, joined
from focusapp.domain.validation import CONTEXT as VALIDATION
from focusapp.domain.validation import DAY_PROBLEM, problems_in

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

JSON_SCHEMA: Final = 1
REQUIRED_COLUMNS: Final = ("date", "energy", "coding_minutes", "meeting_minutes")
MAX_IMPORT_BYTES: Final = 50 * 1024 * 1024
_INT_FIELDS: Final = frozenset({"energy", "stress", "meeting_count", "back_to_back_count"})
_MINUTE_FIELDS: Final = frozenset(
    {"coding_minutes", "meeting_minutes", "longest_free_block_minutes"}
)
#: Digits beyond any real value of a check-in field; longer numbers are refused per row
#: before Python's own limit (4,300 digits) or a float conversion can fail on them.
MAX_NUMBER_DIGITS: Final = 15
#: The outline of an export document, quoted when a JSON file has another shape.
_DOCUMENT_SHAPE: Final = '{"schema": 1, "days": [...]}'
#: How much of a bad value a problem line quotes.
_QUOTE_LIMIT: Final = 40
#: Characters JSON allows raw in a string that a terminal or an encoder trips over: DEL,
#: the C1 controls, lone surrogates, line separators and bidirectional controls.
_JSON_UNSAFE: Final = re.compile(
    "[\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]"
)


class _LongNumber(str):
    """A JSON number too long to be a value; kept as text so its row can be reported."""

    __slots__ = ()

    def __repr__(self) -> str:
        return problem(said.DIGITS, digits=len(self))


def _json_int(text: str) -> int | _LongNumber:
    return _LongNumber(text) if len(text) > MAX_NUMBER_DIGITS else int(text)


def _json_float(text: str) -> float | _LongNumber:
    return _LongNumber(text) if len(text) > MAX_NUMBER_DIGITS * 2 else float(text)


def _shown(raw: object) -> str:
    """Return ``raw`` for a problem line: its repr, cut to about 40 characters."""
    text = repr(raw)
    return text if len(text) <= _QUOTE_LIMIT else text[:_QUOTE_LIMIT] + "..."


def _message(error: ValueError) -> str:
    """Return what ``error`` says: the phrase it was raised with, or its text."""
    message = error.args[0] if len(error.args) == 1 else None
    return message if isinstance(message, str) else str(error)


class ImportFormatError(ValueError):
    """A file could not be imported; ``problems`` has one line per bad row or field.

    Each line is a :class:`~focusapp.domain.phrases.Phrase`: English on the command line,
    translated in the window.
    """

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class ImportedDay:
    """One parsed day and the fields the file actually gave for it."""

    checkin: CheckIn
    given: frozenset[str]


def to_record(checkin: CheckIn) -> dict[str, object]:
    """Return the JSON-ready mapping of a day (``None`` = not recorded)."""
    values = checkin.values()
    values["date"] = checkin.date.isoformat()
    return values


def write_json(days: Iterable[CheckIn], extra: Mapping[str, object] | None = None) -> str:
    """Return the JSON export document; ``extra`` adds top-level parts (plan, reflections)."""
    document = {"schema": JSON_SCHEMA, "days": [to_record(day) for day in days], **(extra or {})}
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    # Still valid JSON: such characters can only stand inside strings, where \\uXXXX is allowed.
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match[0]):04x}", text)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def write_csv(days: Iterable[CheckIn]) -> str:
    """Return the CSV export, header first; an empty cell means not recorded."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    # The csv module quotes only characters of the line terminator, so a lone carriage
    # return in a note would split the row on reading; such rows are written fully quoted.
    quoted = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(CHECKIN_FIELDS)
    for day in days:
        cells = [_cell(v) for v in to_record(day).values()]
        (quoted if any("\r" in c for c in cells) else writer).writerow(cells)
    return buffer.getvalue()


def _checked_int(text: str, raw: object, *, minutes: bool) -> int:
    digits = text.lstrip("+-")
    if not (digits.isascii() and digits.isdigit()):
        raise ValueError(
            problem(said.NOT_MINUTES if minutes else said.NOT_WHOLE, value=_shown(raw))
        )
    if len(digits) > MAX_NUMBER_DIGITS:
        too_large = said.MINUTES_TOO_LARGE if minutes else said.WHOLE_TOO_LARGE
        raise ValueError(problem(too_large, value=_shown(raw)))
    return int(text)


def _hours_of(raw: object) -> float:
    """Return sleep hours from a JSON number or a CSV text, with the window's own parser."""
    if isinstance(raw, str):
        try:
            return float(raw)  # as exported, full precision (``1.84375``, ``1e-05``)
        except (ValueError, OverflowError):
            pass
        try:
            return parse_hours(raw)
        except DurationError:
            return math.nan
    try:
        return float(raw) if isinstance(raw, int | float) else math.nan
    except OverflowError:
        return math.nan


def _minutes_text(raw: str) -> int:
    """Return the minutes of a CSV cell: a number as exported, or a duration (``1h30``)."""
    text = raw.strip()
    if text.isascii() and text.isdigit() and len(text) <= MAX_MINUTE_DIGITS:
        return int(text)  # as exported; parse_duration reads it the same way
    if text.startswith("-") and text[1:].isdigit():
        return _checked_int(text, raw, minutes=True)
    if len(text) > _QUOTE_LIMIT:
        raise ValueError(problem(said.TOO_LONG_FOR_DURATION, value=_shown(raw)))
    try:
        return parse_duration(text)
    except DurationError as error:
        raise ValueError(error.message) from None


def _whole(raw: object, *, minutes: bool) -> int:
    """Return a whole-number field (``minutes``: a duration) from a JSON number or CSV text."""
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, str):
        return _minutes_text(raw) if minutes else _checked_int(raw.strip(), raw, minutes=False)
    raise ValueError(problem(said.NOT_MINUTES if minutes else said.NOT_WHOLE, value=_shown(raw)))


def _parse_value(name: str, raw: object) -> object:
    """Return the typed value of one field, or raise ValueError with a message for people."""
    if raw is None or (isinstance(raw, str) and raw.strip() == ""):
        return None
    if isinstance(raw, _LongNumber):
        raise ValueError(problem(said.NUMBER_TOO_LARGE, number=repr(raw), field=name))
    if name == "note":
        if not isinstance(raw, str):
            raise ValueError(problem(said.NOT_TEXT, value=_shown(raw)))
        return raw
    if isinstance(raw, bool):
        raise ValueError(problem(said.NOT_A_NUMBER, value=repr(raw)))
    if isinstance(raw, int) and abs(raw) >= 10**MAX_NUMBER_DIGITS:
        number = problem(said.DIGITS, digits=len(str(abs(raw))))
        raise ValueError(problem(said.NUMBER_TOO_LARGE, number=number, field=name))
    if name == "sleep_hours":
        hours = _hours_of(raw)
        if not math.isfinite(hours):
            raise ValueError(problem(said.NOT_HOURS, value=_shown(raw)))
        return hours
    if name in _MINUTE_FIELDS or name in _INT_FIELDS:
        return _whole(raw, minutes=name in _MINUTE_FIELDS)
    raise ValueError(f"unknown field {name!r}")  # pragma: no cover - callers filter names


def _parse_date(raw: object) -> dt.date:
    if isinstance(raw, _LongNumber) or not isinstance(raw, str):
        raise ValueError(problem(said.NOT_A_DATE, value=_shown(raw)))
    try:
        day = dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise ValueError(problem(said.NOT_A_DATE, value=_shown(raw.strip()))) from None
    outside = outside_window(day)
    if outside is not None:
        raise ValueError(Phrase(VALIDATION, DAY_PROBLEM, day=day.isoformat(), problem=outside))
    return day


def _parse_row(
    where: str, row: Mapping[str, object], today: dt.date | None
) -> tuple[ImportedDay | None, list[str]]:
    problems: list[str] = []
    try:
        day = _parse_date(row.get("date"))
    except ValueError as error:
        return None, [problem(said.AT_FIELD, where=where, field="date", problem=_message(error))]
    values: dict[str, object] = {}
    for name in VALUE_FIELDS:
        if name not in row:
            continue
        raw = row[name]
        if raw is None or raw == "":  # most cells of a long history: not recorded
            values[name] = None
            continue
        try:
            values[name] = _parse_value(name, raw)
        except ValueError as error:
            problems.append(
                problem(said.AT_FIELD, where=where, field=name, problem=_message(error))
            )
    if problems:
        return None, problems
    checkin = CheckIn(date=day, **values)  # type: ignore[arg-type]
    if today is not None:
        invalid = problems_in(checkin, today)
        problems = [problem(said.AT, where=where, problem=found.text) for found in invalid]
        if problems:
            return None, problems
    return ImportedDay(checkin, frozenset(values)), []


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFormatError([problem(said.NOT_UTF8, offset=error.start)]) from None


def _csv_problem(line: int, error: csv.Error) -> ImportFormatError:
    message = str(error)
    if "unexpected end of data" in message:
        message = problem(said.UNCLOSED_QUOTE)
    return ImportFormatError(
        [problem(said.AT, where=problem(said.LINE, line=line), problem=message)]
    )


def _check_header(columns: list[str]) -> None:
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    unknown = [c for c in columns if c not in CHECKIN_FIELDS]
    if missing or unknown or len(set(columns)) != len(columns):
        parts: list[str] = []
        if missing:
            parts.append(problem(said.MISSING_COLUMNS, columns=", ".join(missing)))
        if unknown:
            parts.append(problem(said.UNKNOWN_COLUMNS, columns=", ".join(map(_shown, unknown))))
        if len(set(columns)) != len(columns):
            parts.append(problem(said.COLUMN_TWICE))
        where = problem(said.LINE, line=1)
        raise ImportFormatError([problem(said.HEADER, where=where, problems=joined(parts, "; "))])


def _rows_from_csv(text: str) -> Iterable[tuple[str, Mapping[str, object]]]:
    """Yield each row with the line it starts on (a quoted note may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise _csv_problem(1, error) from None
    if not header:
        raise ImportFormatError([problem(said.EMPTY_CSV)])
    columns = [h.strip() for h in header]
    _check_header(columns)
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader, None)
        except csv.Error as error:
            raise _csv_problem(start, error) from None
        if cells is None:
            return
        where = problem(said.LINE, line=start)
        if len(cells) > len(columns):
            yield where, {"__extra__": True}
            continue
        if all(cell == "" for cell in cells):
            continue
        yield where, dict(zip(columns, cells, strict=False))


def _rows_from_json(text: str) -> Iterable[tuple[str, Mapping[str, object]]]:
    try:
        document = json.loads(text, parse_int=_json_int, parse_float=_json_float)
    except (json.JSONDecodeError, RecursionError) as error:
        message = getattr(error, "msg", None) or problem(said.TOO_DEEP)
        line = getattr(error, "lineno", "?")
        raise ImportFormatError([problem(said.NOT_JSON, message=message, line=line)]) from None
    if isinstance(document, dict):
        schema = document.get("schema", JSON_SCHEMA)
        if schema != JSON_SCHEMA:
            unsupported = problem(said.UNSUPPORTED_SCHEMA, schema=repr(schema), version=JSON_SCHEMA)
            raise ImportFormatError([unsupported])
        days = document.get("days")
    else:
        days = document
    if not isinstance(days, list):
        raise ImportFormatError([problem(said.NOT_A_DOCUMENT, shape=_DOCUMENT_SHAPE)])
    for index, item in enumerate(days):
        where = problem(said.DAY_INDEX, index=index)
        if not isinstance(item, dict):
            yield where, {"__notobject__": True}
            continue
        unknown = [k for k in item if k not in CHECKIN_FIELDS]
        if unknown:
            yield where, {"__unknown__": ", ".join(map(str, unknown))}
            continue
        yield where, item


def read_days(data: bytes, name: str = "", today: dt.date | None = None) -> list[ImportedDay]:
    """Parse an export file (CSV or JSON, told apart by name or content).

    With ``today`` each row is also validated on its own, so every bad row is reported at
    once with its position; the service still validates each day merged with what is stored.

    Raises:
        ImportFormatError: Listing every bad row with its line (CSV) or index (JSON) and field.
    """
    if len(data) > MAX_IMPORT_BYTES:
        too_large = problem(said.TOO_LARGE, megabytes=MAX_IMPORT_BYTES // 2**20)
        raise ImportFormatError([too_large])
    text = _decode(data)
    stripped = text.lstrip()
    is_json = name.lower().endswith(".json") or stripped.startswith(("{", "["))
    rows = _rows_from_json(text) if is_json else _rows_from_csv(text)
    days: list[ImportedDay] = []
    problems: list[str] = []
    first_seen: dict[dt.date, str] = {}
    for where, row in rows:
        if "__extra__" in row:
            problems.append(problem(said.AT, where=where, problem=problem(said.MORE_CELLS)))
            continue
        if "__notobject__" in row:
            problems.append(problem(said.AT, where=where, problem=problem(said.NOT_AN_OBJECT)))
            continue
        if "__unknown__" in row:
            unknown = problem(said.UNKNOWN_FIELDS, fields=row["__unknown__"])
            problems.append(problem(said.AT, where=where, problem=unknown))
            continue
        parsed, row_problems = _parse_row(where, row, today)
        problems += row_problems
        if parsed is None:
            continue
        day = parsed.checkin.date
        if day in first_seen:
            again = problem(said.DATE_AGAIN, day=day.isoformat(), first=first_seen[day])
            problems.append(problem(said.AT_FIELD, where=where, field="date", problem=again))
            continue
        first_seen[day] = where
        days.append(parsed)
    if problems:
        raise ImportFormatError(problems)
    return days
