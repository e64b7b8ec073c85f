"""The settings key table: each key's attribute, accepted form, parser and text form.

One canonical text form per setting is what ``focusapp config get`` prints and what
:func:`with_value` accepts (the parsers are in :mod:`focusapp.settings.text_forms`); the TOML
form (``[checkin]`` / ``reminder_time = "17:30"``) is built from the same table, so the
command line, the dialog and the file never disagree.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from focusapp.domain.durations import format_duration
from focusapp.domain.forecast_range import MAX_DAYS as MAX_FORECAST_DAYS
from focusapp.domain.forecast_range import MIN_DAYS as MIN_FORECAST_DAYS
from focusapp.settings.text_forms import (
    bool_text,
    check_paths,
    int_parser,
    join_items,
    parse_addresses,
    parse_bool,
    parse_budget,
    parse_paths,
    parse_patterns,
    parse_review_moment,
    parse_theme,
    parse_time,
    parse_work_hours,
    parse_workdays,
    paths_text,
    review_moment_text,
    time_text,
    work_hours_text,
    workdays_text,
)
from focusapp.settings.values import SettingsError

if TYPE_CHECKING:
    from collections.abc import Callable

    from focusapp.settings.values import Settings


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
        parse_time,
        time_text,
    ),
    _Key(
        "checkin.workdays",
        "workdays",
        "a comma-separated list of mon, tue, wed, thu, fri, sat, sun (may be empty)",
        parse_workdays,
        workdays_text,
        parse_list=_list_via_text(parse_workdays),
    ),
    _Key(
        "checkin.snooze_minutes",
        "snooze_minutes",
        "a whole number of minutes from 1 to 720",
        int_parser(1, 720),
        str,
        to_toml=int,
    ),
    _Key(
        "day.start_hour",
        "day_start_hour",
        "a whole hour from 0 to 12",
        int_parser(0, 12),
        str,
        to_toml=int,
    ),
    _Key(
        "meetings.daily_budget",
        "meeting_budget_minutes",
        "a duration up to 24h such as 4h, 3h30, 90m or 1.5h (0 turns the nudge off)",
        parse_budget,
        format_duration,
    ),
    _Key(
        "focus.length_minutes",
        "focus_length_minutes",
        "a whole number of minutes from 5 to 480",
        int_parser(5, 480),
        str,
        to_toml=int,
    ),
    _Key("ui.theme", "theme", "system, light or dark", parse_theme, str),
    _Key(
        "app.start_at_login",
        "start_at_login",
        "true or false",
        parse_bool,
        bool_text,
        to_toml=bool,
    ),
    _Key("ui.tray_icon", "tray_icon", "true or false", parse_bool, bool_text, to_toml=bool),
    _Key(
        "calendar.my_addresses",
        "calendar_my_addresses",
        "comma-separated e-mail addresses, e.g. me@example.com,me@work.example (may be empty)",
        parse_addresses,
        join_items,
        parse_list=_list_via_text(parse_addresses),
    ),
    _Key(
        "calendar.work_hours",
        "calendar_work_hours",
        "a range HH:MM-HH:MM whose start is before its end, e.g. 09:00-17:00",
        parse_work_hours,
        work_hours_text,
    ),
    _Key(
        "calendar.not_meeting_patterns",
        "calendar_not_meeting_patterns",
        "comma-separated event-title words, e.g. focus,lunch,ooo (may be empty)",
        parse_patterns,
        join_items,
        parse_list=_list_via_text(parse_patterns),
    ),
    _Key(
        "calendar.only_with_attendees",
        "calendar_only_with_attendees",
        "true or false",
        parse_bool,
        bool_text,
        to_toml=bool,
    ),
    _Key(
        "calendar.watch_files",
        "calendar_watch_files",
        f"calendar file paths separated by commas or '{os.pathsep}' (may be empty)",
        parse_paths,
        paths_text,
        to_toml=list,
        parse_list=check_paths,
    ),
    _Key(
        "calendar.keep_titles",
        "calendar_keep_titles",
        "true or false",
        parse_bool,
        bool_text,
        to_toml=bool,
    ),
    _Key(
        "forecast.days",
        "forecast_days",
        f"a whole number of days from {MIN_FORECAST_DAYS} to {MAX_FORECAST_DAYS}",
        int_parser(MIN_FORECAST_DAYS, MAX_FORECAST_DAYS),
        str,
        to_toml=int,
    ),
    _Key(
        "review.moment",
        "review_moment",
        "a weekday and a 24-hour time, e.g. fri 16:00, or off",
        parse_review_moment,
        review_moment_text,
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
        return spec.parse(bool_text(raw))
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
