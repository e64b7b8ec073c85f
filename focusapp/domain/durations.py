"""Parse and format durations as a person types them: ``90``, ``1h30``, ``45 minutes``, ``1:30``.

Units may be written short or in words (``h``, ``hr``, ``hrs``, ``hour``, ``hours``; ``m``,
``min``, ``mins``, ``minute``, ``minutes``), with or without spaces, in any case.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Final

from focusapp.domain.phrases import QT_TRANSLATE_NOOP, Phrase

# The messages come first: lupdate gives a marker the "#:" comments above it as notes.
#: {text} is what was typed, quoted; {forms} lists the accepted forms, which stay in English.
_NOT_A_DURATION: Final = QT_TRANSLATE_NOOP("Validation", "{text} is not a duration; use {forms}")
_NOT_HOURS: Final = QT_TRANSLATE_NOOP("Validation", "{text} is not a number of hours; use {forms}")
_EMPTY: Final = QT_TRANSLATE_NOOP("Validation", "'(empty)'")

#: Every form listed here parses (a test holds it to that); shown in messages and tooltips.
ACCEPTED_FORMS: Final = "90, 90m, 45 minutes, 1h, 2 hours, 1h30, 1h30m, 2 h 30, 1.5h, 1:30 or 0"

_HOUR_UNIT: Final = r"(?:h|hrs?|hours?)"
_MINUTE_UNIT: Final = r"(?:m|mins?|minutes?)"
#: The most digits a number of minutes may have; bounded digit counts keep absurd inputs
#: (a 10,000-digit number) out of the arithmetic.
MAX_MINUTE_DIGITS: Final = 5
_MINUTES = re.compile(rf"(?P<m>\d{{1,{MAX_MINUTE_DIGITS}}})\s*{_MINUTE_UNIT}?")
_HOURS_MINUTES = re.compile(
    rf"(?P<h>\d{{1,3}})\s*{_HOUR_UNIT}\s*(?:(?:and\s+)?(?P<m>\d{{1,2}})\s*{_MINUTE_UNIT}?)?"
)
_DECIMAL_HOURS = re.compile(rf"(?P<h>\d{{0,3}}[.,]\d{{1,4}})\s*{_HOUR_UNIT}")
_CLOCK = re.compile(r"(?P<h>\d{1,3}):(?P<m>[0-5]\d)")
_PLAIN_HOURS = re.compile(rf"(?P<h>\d{{1,3}}(?:[.,]\d{{1,20}})?)\s*{_HOUR_UNIT}?")
#: Every form of hours (sleep) listed here parses; shown in messages.
ACCEPTED_HOURS: Final = "7.5, 7.5h, 7,5, 7h30, 7 hours 30, 7:30"


class DurationError(ValueError):
    """Raised when a text is not one of the accepted duration forms.

    Attributes:
        message: What was typed and the forms accepted (a
            :class:`~focusapp.domain.phrases.Phrase` the window shows translated).
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _shown(text: str) -> str:
    """Return what was typed, quoted as a message shows it.

    ``repr`` keeps a pasted newline or control character from breaking a one-line message.
    """
    shown = text.strip()
    return repr(shown) if shown else Phrase("Validation", _EMPTY)


def parse_duration(text: str) -> int:
    """Return the whole minutes in ``text``.

    Decimal hours round to the nearest minute (``1.33h`` is 80 minutes) because people
    type hours loosely and a minute either way is noise for a daily log.

    Raises:
        DurationError: With a message listing the accepted forms.
    """
    cleaned = text.strip().lower()
    if match := _MINUTES.fullmatch(cleaned):
        return int(match["m"])
    if match := _HOURS_MINUTES.fullmatch(cleaned):
        minutes = int(match["m"] or 0)
        if minutes < 60:
            return int(match["h"]) * 60 + minutes
    if match := _DECIMAL_HOURS.fullmatch(cleaned):
        try:
            hours = Decimal(match["h"].replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the pattern only admits valid decimals
            hours = Decimal(-1)
        if hours >= 0:
            return int((hours * 60).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if match := _CLOCK.fullmatch(cleaned):
        return int(match["h"]) * 60 + int(match["m"])
    raise DurationError(
        Phrase("Validation", _NOT_A_DURATION, text=_shown(text), forms=ACCEPTED_FORMS)
    )


def format_duration(minutes: int) -> str:
    """Return ``minutes`` the way the app shows durations: ``45m``, ``2h``, ``1h30``.

    Raises:
        ValueError: If ``minutes`` is negative; a duration never is.
    """
    if minutes < 0:
        raise ValueError("a duration cannot be negative")
    hours, rest = divmod(minutes, 60)
    if hours == 0:
        return f"{rest}m"
    if rest == 0:
        return f"{hours}h"
    return f"{hours}h{rest:02d}"


def parse_hours(text: str) -> float:
    """Return the hours in ``text``: a bare number is hours here (``7.5``), not minutes.

    Sleep is thought of in hours, so ``7``, ``7.5``, ``7,5`` and ``7.5h`` are hours; the
    duration forms (``7h30``, ``7:30``, ``7 hours 30``) are read as :func:`parse_duration`
    reads them. One parser for the window, the command line and import files.

    Raises:
        DurationError: With a message listing the accepted forms.
    """
    cleaned = text.strip().lower()
    if match := _PLAIN_HOURS.fullmatch(cleaned):
        return float(match["h"].replace(",", "."))
    try:
        return parse_duration(cleaned) / 60
    except DurationError:
        raise DurationError(
            Phrase("Validation", _NOT_HOURS, text=_shown(text), forms=ACCEPTED_HOURS)
        ) from None
