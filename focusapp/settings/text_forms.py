"""The text forms of the settings: one parser and one canonical text per kind of value.

Each parser reads what a person types (on the command line, in the settings dialog, or as a
string in the TOML file) and raises :class:`ValueError` with just the problem
("'25:00' is not a time"); :mod:`focusapp.settings.specs` adds the key and the accepted form,
so every message has the same shape. Each ``..._text`` function writes the canonical form,
which its parser reads back to the same value.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import TYPE_CHECKING, Final

from focusapp.domain.dates import WEEKDAY_FULL_NAMES
from focusapp.domain.durations import DurationError, parse_duration
from focusapp.domain.review_schedule import ReviewMoment
from focusapp.settings.values import MAX_MEETING_BUDGET_MINUTES, THEMES, WEEKDAY_NAMES

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

_TRUE: Final = frozenset({"true", "yes", "on", "1"})
_FALSE: Final = frozenset({"false", "no", "off", "0"})
_TIME = re.compile(r"(?P<h>\d{1,2}):(?P<m>\d{2})")
_TIME_RANGE = re.compile(r"(?P<start>\d{1,2}:\d{2})\s*-\s*(?P<end>\d{1,2}:\d{2})")
_INTEGER = re.compile(r"[+-]?\d{1,9}")
_EMAIL = re.compile(r"[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+")
_MAILTO = "mailto:"


def shown(text: str) -> str:
    """Return how a message quotes what was typed: ``'25:00'``, or "an empty value"."""
    stripped = text.strip()
    return f"'{stripped}'" if stripped else "an empty value"


def parse_time(text: str) -> dt.time:
    """Return the 24-hour time ``HH:MM`` (or ``H:MM``) in ``text``.

    Raises:
        ValueError: If it is not a time of day.
    """
    match = _TIME.fullmatch(text.strip())
    if match is None or int(match["h"]) > 23 or int(match["m"]) > 59:
        raise ValueError(f"{shown(text)} is not a time")
    return dt.time(int(match["h"]), int(match["m"]))


def time_text(value: dt.time) -> str:
    """Return ``value`` as its canonical text, ``HH:MM``."""
    return f"{value.hour:02d}:{value.minute:02d}"


def split_items(text: str, separators: str = ",") -> list[str]:
    """Return the non-empty items of a list typed with ``separators``, stripped."""
    items = re.split(f"[{re.escape(separators)}]", text)
    return [item.strip() for item in items if item.strip()]


def unique(items: Iterable[str]) -> tuple[str, ...]:
    """Return ``items`` without repeats, in the order first given."""
    return tuple(dict.fromkeys(items))


def parse_workdays(text: str) -> frozenset[int]:
    """Return the weekdays (0 = Monday) of a comma-separated list such as ``mon,tue``.

    Short (``mon``) and full (``monday``) names are accepted, in any case; an empty list is
    no workday at all.

    Raises:
        ValueError: Naming the first item that is not a weekday.
    """
    return frozenset(parse_weekday(item) for item in split_items(text))


def parse_weekday(text: str) -> int:
    """Return the weekday (0 = Monday) named ``mon`` or ``monday``, in any case.

    Raises:
        ValueError: Quoting ``text`` as typed when it names no weekday.
    """
    name = text.lower()
    if name in WEEKDAY_NAMES:
        return WEEKDAY_NAMES.index(name)
    if name in WEEKDAY_FULL_NAMES:
        return WEEKDAY_FULL_NAMES.index(name)
    raise ValueError(f"'{text}' is not a weekday")


def workdays_text(value: frozenset[int]) -> str:
    """Return the canonical text of a set of weekdays: short names, Monday first."""
    return ",".join(WEEKDAY_NAMES[day] for day in sorted(value))


def parse_review_moment(text: str) -> ReviewMoment | None:
    """Return the moment of the weekly review in ``text`` (``fri 16:00``), ``None`` for off.

    Raises:
        ValueError: If it is neither ``off`` nor a weekday and a time.
    """
    words = text.strip().lower().split()
    if words == ["off"]:
        return None
    if len(words) != 2:
        raise ValueError(f"{shown(text)} is not a weekday and a time")
    day, time = words
    return ReviewMoment(parse_weekday(day), parse_time(time))


def review_moment_text(value: ReviewMoment | None) -> str:
    """Return the canonical text of a review moment: ``fri 16:00``, or ``off``."""
    if value is None:
        return "off"
    return f"{WEEKDAY_NAMES[value.weekday]} {time_text(value.time)}"


def int_parser(low: int, high: int) -> Callable[[str], int]:
    """Return a parser of whole numbers from ``low`` to ``high``, for the numeric settings.

    The parser raises :class:`ValueError` for text that is not a whole number or is out of
    range.
    """

    def parse(text: str) -> int:
        if _INTEGER.fullmatch(text.strip()) is None:
            raise ValueError(f"{shown(text)} is not a whole number")
        number = int(text.strip())
        if not low <= number <= high:
            raise ValueError(f"{number} is outside {low}-{high}")
        return number

    return parse


def parse_budget(text: str) -> int:
    """Return the minutes of a meeting budget such as ``4h``, ``3h30`` or ``90m``.

    Raises:
        ValueError: If it is not a duration or is more than a day.
    """
    try:
        minutes = parse_duration(text)
    except DurationError as error:
        raise ValueError(f"{shown(text)} is not a duration") from error
    if minutes > MAX_MEETING_BUDGET_MINUTES:
        raise ValueError(f"{shown(text)} is more than 24h")
    return minutes


def parse_theme(text: str) -> str:
    """Return the theme named in ``text`` (``system``, ``light`` or ``dark``).

    Raises:
        ValueError: For any other word.
    """
    theme = text.strip().lower()
    if theme not in THEMES:
        raise ValueError(f"{shown(text)} is not a theme")
    return theme


def parse_bool(text: str) -> bool:
    """Return the truth value of ``true/false``, ``yes/no``, ``on/off`` or ``1/0``.

    Raises:
        ValueError: For any other word.
    """
    word = text.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ValueError(f"{shown(text)} is not true or false")


def bool_text(value: bool) -> str:
    """Return the canonical text of a truth value, ``true`` or ``false``."""
    return "true" if value else "false"


def parse_addresses(text: str) -> tuple[str, ...]:
    """Return the e-mail addresses of a list separated by commas or semicolons, lower-case.

    A ``mailto:`` prefix (as calendar files write addresses) is dropped; repeats are
    dropped too.

    Raises:
        ValueError: Naming the first item that is not an e-mail address.
    """
    addresses: list[str] = []
    for item in split_items(text, ",;"):
        address = item[len(_MAILTO) :] if item.lower().startswith(_MAILTO) else item
        if _EMAIL.fullmatch(address) is None:
            raise ValueError(f"'{item}' is not an e-mail address")
        addresses.append(address.lower())
    return unique(addresses)


def parse_work_hours(text: str) -> tuple[dt.time, dt.time]:
    """Return the start and end of working hours typed as ``HH:MM-HH:MM``.

    Raises:
        ValueError: If it is not a time range or does not start before it ends.
    """
    match = _TIME_RANGE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{shown(text)} is not a time range")
    start, end = parse_time(match["start"]), parse_time(match["end"])
    if start >= end:
        raise ValueError(f"{shown(text)} does not start before it ends")
    return start, end


def work_hours_text(value: tuple[dt.time, dt.time]) -> str:
    """Return the canonical text of working hours, ``09:00-17:00``."""
    return f"{time_text(value[0])}-{time_text(value[1])}"


def parse_patterns(text: str) -> tuple[str, ...]:
    """Return the lower-case title words of a comma-separated list, without repeats."""
    return unique(item.lower() for item in split_items(text))


def parse_paths(text: str) -> tuple[str, ...]:
    """Return the file paths of a list separated by commas, or by the OS path separator.

    The OS path separator (``:`` or ``;``) wins when it is present, so a path containing a
    comma can still be given.

    Raises:
        ValueError: If a path contains a NUL character.
    """
    separators = os.pathsep if os.pathsep in text else ","
    return check_paths(split_items(text, separators))


def check_paths(paths: Iterable[str]) -> tuple[str, ...]:
    """Return ``paths`` stripped, without empty ones or repeats.

    Raises:
        ValueError: If a path contains a NUL character.
    """
    cleaned: list[str] = []
    for path in paths:
        if "\0" in path:
            raise ValueError("a file path contains a NUL character")
        if path.strip():
            cleaned.append(path.strip())
    return unique(cleaned)


def paths_text(value: tuple[str, ...]) -> str:
    """Return the canonical text of file paths, which :func:`parse_paths` reads back."""
    # Commas are the friendly separator; a path containing one needs the OS path separator,
    # with a trailing one when alone so that reading the text back splits it the same way.
    if not any("," in path for path in value):
        return ",".join(value)
    return os.pathsep.join(value) + (os.pathsep if len(value) == 1 else "")


def join_items(value: tuple[str, ...]) -> str:
    """Return the canonical text of a list of words or addresses: comma-separated."""
    return ",".join(value)
