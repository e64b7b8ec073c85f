"""The days a person may name: the accepted window of dates and the words for a day.

A check-in date far outside a human lifetime (``0001-01-01``, ``9999-12-31``) is never a
real entry, and date arithmetic near ``datetime.date.min``/``max`` overflows (the risk
window, chart ranges, calendar look-ups all add days). Every place where a user gives a
day (the command line, import files, the window) checks it against one window, declared
here once.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Final

from focusapp.domain.phrases import QT_TRANSLATE_NOOP, Phrase

if TYPE_CHECKING:
    from collections.abc import Callable

# The message comes first: lupdate gives a marker the "#:" comments above it as notes.
#: Follows the day as typed ("2300-01-01 is outside ...").
_OUTSIDE_WINDOW: Final = QT_TRANSLATE_NOOP("Validation", "is outside {first} to {last}")

#: The first and last day a check-in, a range or a calendar day may name.
FIRST_DAY: Final = dt.date(1900, 1, 1)
LAST_DAY: Final = dt.date(2200, 12, 31)

#: Words for a relative day, besides weekday names.
_RELATIVE: Final = {"today": 0, "yesterday": 1}
#: The weekdays by their full English names, Monday first (``date.weekday()`` order).
WEEKDAY_FULL_NAMES: Final = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
_ISO_DAY: Final = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
#: Fewer letters than this could name two weekdays ("t", "s").
_MIN_ABBREVIATION: Final = 2
#: What :func:`parse_day` accepts, for help texts and messages.
DAY_FORMS: Final = "YYYY-MM-DD, today, yesterday or a weekday name (mon, monday ...)"


class DayError(ValueError):
    """A day that cannot be used; the message is a phrase for people, without the field."""


def outside_window(day: dt.date) -> str | None:
    """Return why ``day`` is outside the accepted window, or ``None`` when it is inside.

    The phrase leaves the day out ("is outside 1900-01-01 to 2200-12-31"): callers put
    the day, as the user typed it, in front.
    """
    if FIRST_DAY <= day <= LAST_DAY:
        return None
    return Phrase(
        "Validation", _OUTSIDE_WINDOW, first=FIRST_DAY.isoformat(), last=LAST_DAY.isoformat()
    )


def check_day(day: dt.date) -> dt.date:
    """Return ``day`` if it lies in the accepted window.

    Raises:
        DayError: Naming the window.
    """
    problem = outside_window(day)
    if problem is not None:
        raise DayError(problem)
    return day


def _weekday(word: str) -> int | None:
    """Return the weekday number (Monday 0) of a name or an abbreviation of 2+ letters."""
    if len(word) < _MIN_ABBREVIATION:
        return None
    matches = [index for index, name in enumerate(WEEKDAY_FULL_NAMES) if name.startswith(word)]
    return matches[0] if len(matches) == 1 else None


def parse_day(text: str, today: dt.date | Callable[[], dt.date]) -> dt.date:
    """Return the day ``text`` names, relative to the user's ``today``.

    ``today`` may be a function returning it, called only for a relative word, so that
    a caller with an ISO day never has to find out what day it is.

    Accepts ``YYYY-MM-DD``, ``today``, ``yesterday`` and weekday names or unambiguous
    abbreviations (``mon``, ``monday``, ``th``, ``thu``). A weekday means the most recent
    such day, **today included**: on a Monday ``mon`` is today, and ``tue`` the day six days
    before. A check-in is about a day that happened, so a weekday never reaches forward.

    Raises:
        DayError: For anything else, or a day outside :data:`FIRST_DAY`..:data:`LAST_DAY`.
    """
    word = text.strip().lower()
    weekday = _weekday(word)
    if word in _RELATIVE or weekday is not None:
        current = today if isinstance(today, dt.date) else today()
        if weekday is None:
            return check_day(current - dt.timedelta(days=_RELATIVE[word]))
        return check_day(current - dt.timedelta(days=(current.weekday() - weekday) % 7))
    # fromisoformat alone would also take 20261103 and 2026-W45-2, forms nobody is told of.
    if _ISO_DAY.fullmatch(word) is None:
        raise DayError(f"is not a date; use {DAY_FORMS}")
    try:
        day = dt.date.fromisoformat(word)
    except ValueError:
        raise DayError(f"is not a date (no such day); use {DAY_FORMS}") from None
    return check_day(day)
