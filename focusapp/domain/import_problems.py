"""What the reader of a check-in file reports, as phrases the window shows translated.

The reader (:mod:`focusapp.formats.csv_json`) refuses a whole file and lists every bad row;
the command line prints those lines in English as they are, and the window renders the same
:class:`~focusapp.domain.phrases.Phrase` in the user's language. Field and column names,
quoted values and the messages of Python's ``csv`` and ``json`` modules stay as written.
"""

from __future__ import annotations

from typing import Final

from focusapp.domain.phrases import QT_TRANSLATE_NOOP, Phrase

# Where a problem is: a CSV line or a JSON list index.
LINE: Final = QT_TRANSLATE_NOOP("Import", "line {line}")
#: {index} counts the entries of the file's "days" list from 0.
DAY_INDEX: Final = QT_TRANSLATE_NOOP("Import", "day {index}")
# A problem with its place, or its place and field, in front (no words to translate).
AT: Final = "{where}: {problem}"
AT_FIELD: Final = "{where}: {field}: {problem}"

# A value of a field ({value} is the value quoted, {field} a column name).
NOT_MINUTES: Final = QT_TRANSLATE_NOOP("Import", "{value} is not a number of minutes")
#: Said of a column of whole numbers (energy, stress, meeting counts).
NOT_WHOLE: Final = QT_TRANSLATE_NOOP("Import", "{value} is not a whole number")
MINUTES_TOO_LARGE: Final = QT_TRANSLATE_NOOP(
    "Import", "{value} is too large to be a number of minutes"
)
WHOLE_TOO_LARGE: Final = QT_TRANSLATE_NOOP("Import", "{value} is too large to be a whole number")
#: Stands for a number too long to quote, in place of the value ("a 20-digit number").
DIGITS: Final = QT_TRANSLATE_NOOP("Import", "a {digits}-digit number")
NUMBER_TOO_LARGE: Final = QT_TRANSLATE_NOOP("Import", "{number} is too large for {field}")
#: The note of a JSON day is a number, a list or another value that is not text.
NOT_TEXT: Final = QT_TRANSLATE_NOOP("Import", "must be text, got {value}")
NOT_A_NUMBER: Final = QT_TRANSLATE_NOOP("Import", "must be a number, got {value}")
#: Said of sleep_hours, which takes 7.5, 7h30 or 7:30.
NOT_HOURS: Final = QT_TRANSLATE_NOOP("Import", "{value} is not a number of hours")
TOO_LONG_FOR_DURATION: Final = QT_TRANSLATE_NOOP("Import", "{value} is too long to be a duration")
#: YYYY-MM-DD is the form to write, which stays as written.
NOT_A_DATE: Final = QT_TRANSLATE_NOOP("Import", "{value} is not a date; use YYYY-MM-DD")
#: {first} is where the day stood first ("line 3" or "day 0").
DATE_AGAIN: Final = QT_TRANSLATE_NOOP("Import", "{day} appears again (first at {first})")

# A row.
MORE_CELLS: Final = QT_TRANSLATE_NOOP("Import", "more cells than header columns")
NOT_AN_OBJECT: Final = QT_TRANSLATE_NOOP("Import", "expected an object with a date")
#: {fields} lists the names the JSON day has, which stay as written.
UNKNOWN_FIELDS: Final = QT_TRANSLATE_NOOP("Import", "unknown field(s) {fields}")

# The file as a whole.
NOT_UTF8: Final = QT_TRANSLATE_NOOP(
    "Import", "the file is not UTF-8 text (bad byte at offset {offset})"
)
UNCLOSED_QUOTE: Final = QT_TRANSLATE_NOOP(
    "Import", 'a quoted cell is never closed (a " is missing)'
)
#: {problems} lists what is wrong with the first line of a CSV file, separated by "; ".
HEADER: Final = QT_TRANSLATE_NOOP("Import", "{where}: header: {problems}")
#: {columns} lists column names, which stay as written.
MISSING_COLUMNS: Final = QT_TRANSLATE_NOOP("Import", "missing column(s) {columns}")
UNKNOWN_COLUMNS: Final = QT_TRANSLATE_NOOP("Import", "unknown column(s) {columns}")
COLUMN_TWICE: Final = QT_TRANSLATE_NOOP("Import", "a column appears twice")
#: A CSV file without even the header row (date,energy,...).
EMPTY_CSV: Final = QT_TRANSLATE_NOOP("Import", "the CSV file is empty; it needs a header row")
#: {message} is the JSON reader's own (English) description of the mistake.
NOT_JSON: Final = QT_TRANSLATE_NOOP("Import", "not valid JSON ({message} at line {line})")
TOO_DEEP: Final = QT_TRANSLATE_NOOP("Import", "too deeply nested")
UNSUPPORTED_SCHEMA: Final = QT_TRANSLATE_NOOP(
    "Import", "unsupported schema {schema}; this FocusApp reads {version}"
)
#: {shape} is the outline of a JSON export, which stays as written.
NOT_A_DOCUMENT: Final = QT_TRANSLATE_NOOP("Import", "expected {shape}")
TOO_LARGE: Final = QT_TRANSLATE_NOOP("Import", "the file is larger than {megabytes} MB")

#: The translation context of the problems (the markers above spell it out for lupdate).
CONTEXT: Final = "Import"


def problem(template: str, **values: object) -> Phrase:
    """Return the problem ``template`` (one of the constants above) filled with ``values``."""
    return Phrase(CONTEXT, template, **values)
