"""The settings key table: each key's attribute, accepted form, parser and text form.

One canonical text form per setting is what ``focusapp config get`` prints and what
:func:`with_value` accepts; the TOML form (``[checkin]`` / ``reminder_time = "17:30"``) is
built from the same table, so the command line, the dialog and the file never disagree.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from focusapp.domain.durations import DurationError, format_duration, parse_duration
from focusapp.domain.forecast import MAX_DAYS as MAX_FORECAST_DAYS
from focusapp.domain.forecast import MIN_DAYS as MIN_FORECAST_DAYS
from focusapp.domain.review_schedule import ReviewMoment

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

from focusapp.settings.values import (
    MAX_MEETING_BUDGET_MINUTES,
    THEMES,
    WEEKDAY_NAMES,
    Settings,
    SettingsError,
)

_WEEKDAY_FULL_NAMES: Final = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
_TRUE: Final = frozenset({"true", "yes", "on", "1"})
_FALSE: Final = frozenset({"false", "no", "off", "0"})
_TIME = re.compile(r"(?P<h>\d{1,2}):(?P<m>\d{2})")
_TIME_RANGE = re.compile(r"(?P<start>\d{1,2}:\d{2})\s*-\s*(?P<end>\d{1,2}:\d{2})")
_INTEGER = re.compile(r"[+-]?\d{1,9}")
_EMAIL = re.compile(r"[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+")
_MAILTO = "mailto:"


# --- Text forms ------------------------------------------------------------------------------
# Parsers raise ValueError with just the problem ("'25:00' is not a time"); the caller adds
# the key and the accepted form so every message has the same shape.


def _shown(text: str) -> str:
    stripped = text.strip()
    return f"'{stripped}'" if stripped else "an empty value"


def _parse_time(text: str) -> dt.time:
    match = _TIME.fullmatch(text.strip())
    if match is None or int(match["h"]) > 23 or int(match["m"]) > 59:
        raise ValueError(f"{_shown(text)} is not a time")
    return dt.time(int(match["h"]), int(match["m"]))


def _time_text(value: dt.time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def _split(text: str, separators: str = ",") -> list[str]:
    items = re.split(f"[{re.escape(separators)}]", text)
    return [item.strip() for item in items if item.strip()]


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _parse_workdays(text: str) -> frozenset[int]:
    days: set[int] = set()
    for item in _split(text):
        name = item.lower()
        if name in WEEKDAY_NAMES:
            days.add(WEEKDAY_NAMES.index(name))
        elif name in _WEEKDAY_FULL_NAMES:
            days.add(_WEEKDAY_FULL_NAMES.index(name))
        else:
            raise ValueError(f"'{item}' is not a weekday")
    return frozenset(days)


def _workdays_text(value: frozenset[int]) -> str:
    return ",".join(WEEKDAY_NAMES[day] for day in sorted(value))


def _parse_review_moment(text: str) -> ReviewMoment | None:
    words = text.strip().lower().split()
    if words == ["off"]:
        return None
    if len(words) != 2:
        raise ValueError(f"{_shown(text)} is not a weekday and a time")
    day, time = words
    if day in WEEKDAY_NAMES:
        weekday = WEEKDAY_NAMES.index(day)
    elif day in _WEEKDAY_FULL_NAMES:
        weekday = _WEEKDAY_FULL_NAMES.index(day)
    else:
        raise ValueError(f"'{day}' is not a weekday")
    return ReviewMoment(weekday, _parse_time(time))


def _review_moment_text(value: ReviewMoment | None) -> str:
    if value is None:
        return "off"
    return f"{WEEKDAY_NAMES[value.weekday]} {_time_text(value.time)}"


def _int_parser(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        if _INTEGER.fullmatch(text.strip()) is None:
            raise ValueError(f"{_shown(text)} is not a whole number")
        number = int(text.strip())
        if not low <= number <= high:
            raise ValueError(f"{number} is outside {low}-{high}")
        return number

    return parse


def _parse_budget(text: str) -> int:
    try:
        minutes = parse_duration(text)
    except DurationError as error:
        raise ValueError(f"{_shown(text)} is not a duration") from error
    if minutes > MAX_MEETING_BUDGET_MINUTES:
        raise ValueError(f"{_shown(text)} is more than 24h")
    return minutes


def _parse_theme(text: str) -> str:
    theme = text.strip().lower()
    if theme not in THEMES:
        raise ValueError(f"{_shown(text)} is not a theme")
    return theme


def _parse_bool(text: str) -> bool:
    word = text.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ValueError(f"{_shown(text)} is not true or false")


def _bool_text(value: bool) -> str:
    return "true" if value else "false"


def _parse_addresses(text: str) -> tuple[str, ...]:
    addresses: list[str] = []
    for item in _split(text, ",;"):
        address = item[len(_MAILTO) :] if item.lower().startswith(_MAILTO) else item
        if _EMAIL.fullmatch(address) is None:
            raise ValueError(f"'{item}' is not an e-mail address")
        addresses.append(address.lower())
    return _unique(addresses)


def _parse_work_hours(text: str) -> tuple[dt.time, dt.time]:
    match = _TIME_RANGE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{_shown(text)} is not a time range")
    start, end = _parse_time(match["start"]), _parse_time(match["end"])
    if start >= end:
        raise ValueError(f"{_shown(text)} does not start before it ends")
    return start, end


def _work_hours_text(value: tuple[dt.time, dt.time]) -> str:
    return f"{_time_text(value[0])}-{_time_text(value[1])}"


def _parse_patterns(text: str) -> tuple[str, ...]:
    return _unique(item.lower() for item in _split(text))


def _parse_paths(text: str) -> tuple[str, ...]:
    separators = os.pathsep if os.pathsep in text else ","
    return _check_paths(_split(text, separators))


def _check_paths(paths: Iterable[str]) -> tuple[str, ...]:
    cleaned: list[str] = []
    for path in paths:
        if "\0" in path:
            raise ValueError("a file path contains a NUL character")
        if path.strip():
            cleaned.append(path.strip())
    return _unique(cleaned)


def _paths_text(value: tuple[str, ...]) -> str:
    # Commas are the friendly separator; a path containing one needs the OS path separator,
    # with a trailing one when alone so that reading the text back splits it the same way.
    if not any("," in path for path in value):
        return ",".join(value)
    return os.pathsep.join(value) + (os.pathsep if len(value) == 1 else "")


def _join(value: tuple[str, ...]) -> str:
    return ",".join(value)


# --- The key table ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Key:
    name: str
    attr: str
    accepted: str
    parse: Callable[[str], Any]
    text: Callable[[Any], str]
    #: Value as written to TOML; ``None`` means the canonical text.
    to_toml: Callable[[Any], object] | None = None
    #: Parser for a TOML array of strings; ``None`` means arrays are not accepted.
    parse_list: Callable[[list[str]], Any] | None = None


def _list_via_text(parse: Callable[[str], Any]) -> Callable[[list[str]], Any]:
    def parse_list(items: list[str]) -> Any:
        for item in items:
            if "," in item:
                raise ValueError(f"'{item}' contains a comma")
        return parse(",".join(items))

    return parse_list


SPECS: Final = (
    _Key(
        "checkin.reminder_time",
        "reminder_time",
        "a 24-hour time HH:MM, e.g. 17:30",
        _parse_time,
        _time_text,
    ),
    _Key(
        "checkin.workdays",
        "workdays",
        "a comma-separated list of mon, tue, wed, thu, fri, sat, sun (may be empty)",
        _parse_workdays,
        _workdays_text,
        parse_list=_list_via_text(_parse_workdays),
    ),
    _Key(
        "checkin.snooze_minutes",
        "snooze_minutes",
        "a whole number of minutes from 1 to 720",
        _int_parser(1, 720),
        str,
        to_toml=int,
    ),
    _Key(
        "day.start_hour",
        "day_start_hour",
        "a whole hour from 0 to 12",
        _int_parser(0, 12),
        str,
        to_toml=int,
    ),
    _Key(
        "meetings.daily_budget",
        "meeting_budget_minutes",
        "a duration up to 24h such as 4h, 3h30, 90m or 1.5h (0 turns the nudge off)",
        _parse_budget,
        format_duration,
    ),
    _Key(
        "focus.length_minutes",
        "focus_length_minutes",
        "a whole number of minutes from 5 to 480",
        _int_parser(5, 480),
        str,
        to_toml=int,
    ),
    _Key("ui.theme", "theme", "system, light or dark", _parse_theme, str),
    _Key(
        "app.start_at_login",
        "start_at_login",
        "true or false",
        _parse_bool,
        _bool_text,
        to_toml=bool,
    ),
    _Key("ui.tray_icon", "tray_icon", "true or false", _parse_bool, _bool_text, to_toml=bool),
    _Key(
        "calendar.my_addresses",
        "calendar_my_addresses",
        "comma-separated e-mail addresses, e.g. me@example.com,me@work.example (may be empty)",
        _parse_addresses,
        _join,
        parse_list=_list_via_text(_parse_addresses),
    ),
    _Key(
        "calendar.work_hours",
        "calendar_work_hours",
        "a range HH:MM-HH:MM whose start is before its end, e.g. 09:00-17:00",
        _parse_work_hours,
        _work_hours_text,
    ),
    _Key(
        "calendar.not_meeting_patterns",
        "calendar_not_meeting_patterns",
        "comma-separated event-title words, e.g. focus,lunch,ooo (may be empty)",
        _parse_patterns,
        _join,
        parse_list=_list_via_text(_parse_patterns),
    ),
    _Key(
        "calendar.only_with_attendees",
        "calendar_only_with_attendees",
        "true or false",
        _parse_bool,
        _bool_text,
        to_toml=bool,
    ),
    _Key(
        "calendar.watch_files",
        "calendar_watch_files",
        f"calendar file paths separated by commas or '{os.pathsep}' (may be empty)",
        _parse_paths,
        _paths_text,
        to_toml=list,
        parse_list=_check_paths,
    ),
    _Key(
        "calendar.keep_titles",
        "calendar_keep_titles",
        "true or false",
        _parse_bool,
        _bool_text,
        to_toml=bool,
    ),
    _Key(
        "forecast.days",
        "forecast_days",
        f"a whole number of days from {MIN_FORECAST_DAYS} to {MAX_FORECAST_DAYS}",
        _int_parser(MIN_FORECAST_DAYS, MAX_FORECAST_DAYS),
        str,
        to_toml=int,
    ),
    _Key(
        "review.moment",
        "review_moment",
        "a weekday and a 24-hour time, e.g. fri 16:00, or off",
        _parse_review_moment,
        _review_moment_text,
    ),
)

BY_NAME: Final = {spec.name: spec for spec in SPECS}

#: Every setting key, in the order shown to the user.
KEYS: Final = tuple(spec.name for spec in SPECS)


def _spec(key: str) -> _Key:
    try:
        return BY_NAME[key]
    except KeyError:
        close = difflib.get_close_matches(key, KEYS, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise SettingsError(
            f"unknown setting '{key}'; {hint}valid settings are: {', '.join(KEYS)}"
        ) from None


def accepted_form(key: str) -> str:
    """Return, in words, what ``key`` accepts (for help texts and forms).

    Raises:
        SettingsError: If ``key`` is not a setting.
    """
    return _spec(key).accepted


def get_text(settings: Settings, key: str) -> str:
    """Return the canonical text of ``key``; :func:`with_value` accepts it back unchanged.

    Raises:
        SettingsError: If ``key`` is not a setting.
    """
    spec = _spec(key)
    return spec.text(getattr(settings, spec.attr))


def with_value(settings: Settings, key: str, text: str) -> Settings:
    """Return ``settings`` with ``key`` set from the text a person typed.

    Raises:
        SettingsError: Naming the key, what is wrong and what is accepted.
    """
    spec = _spec(key)
    try:
        value = spec.parse(text)
    except ValueError as error:
        raise SettingsError(f"{key}: {error}; use {spec.accepted}") from None
    return dataclasses.replace(settings, **{spec.attr: value})


def from_toml(spec: _Key, raw: object) -> Any:
    """Return the value of ``raw`` (read from TOML) for ``spec``; ValueError if unusable."""
    if isinstance(raw, list):
        if spec.parse_list is None:
            raise ValueError("is a list but takes a single value")
        if not all(isinstance(item, str) for item in raw):
            raise ValueError("is a list with non-text items")
        return spec.parse_list([str(item) for item in raw])
    if isinstance(raw, bool):
        return spec.parse(_bool_text(raw))
    if isinstance(raw, int | str):
        return spec.parse(str(raw))
    raise ValueError(f"has an unsupported value of type {type(raw).__name__}")


def _to_toml(settings: Settings, spec: _Key) -> object:
    value = getattr(settings, spec.attr)
    return spec.text(value) if spec.to_toml is None else spec.to_toml(value)


def to_document(settings: Settings) -> dict[str, dict[str, object]]:
    """Return ``settings`` as nested TOML tables (``{"checkin": {"reminder_time": ...}}``)."""
    document: dict[str, dict[str, object]] = {}
    for spec in SPECS:
        section, name = spec.name.split(".", 1)
        document.setdefault(section, {})[name] = _to_toml(settings, spec)
    return document
