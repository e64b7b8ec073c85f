"""User settings: typed values, their text forms, and a TOML file that never loses them.

Every setting has a dotted key (``checkin.reminder_time``), a typed attribute on
:class:`Settings`, one canonical text form (what ``focusapp config get`` prints and what
:func:`with_value` accepts) and a TOML form (``[checkin]`` / ``reminder_time = "17:30"``).
A settings file is user-editable, so loading is forgiving: a bad value falls back to its
default and is reported in :attr:`SettingsStore.problems` instead of stopping the app, and a
file that could not be read cleanly is copied aside before it is ever overwritten.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import difflib
import os
import re
import tomllib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import tomli_w

from focusapp.atomic import write_atomically
from focusapp.domain.durations import DurationError, format_duration, parse_duration
from focusapp.domain.forecast import DEFAULT_DAYS as DEFAULT_FORECAST_DAYS
from focusapp.domain.forecast import MAX_DAYS as MAX_FORECAST_DAYS
from focusapp.domain.forecast import MIN_DAYS as MIN_FORECAST_DAYS
from focusapp.domain.review_schedule import ReviewMoment
from focusapp.system.files import PRIVATE_DIR_MODE as DIR_MODE
from focusapp.system.files import PRIVATE_FILE_MODE as FILE_MODE
from focusapp.system.files import FileRefusedError, read_regular_file

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from pathlib import Path

#: The largest settings file read; a real one is about 1 kB.
MAX_SETTINGS_BYTES: Final = 1024 * 1024

WEEKDAY_NAMES: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_FULL_NAMES: Final = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
#: Friday 16:00 (the domain's default moment).
DEFAULT_REVIEW_MOMENT: Final = ReviewMoment()
THEMES: Final = ("system", "light", "dark")
MAX_MEETING_BUDGET_MINUTES: Final = 24 * 60

_TRUE: Final = frozenset({"true", "yes", "on", "1"})
_FALSE: Final = frozenset({"false", "no", "off", "0"})
_TIME = re.compile(r"(?P<h>\d{1,2}):(?P<m>\d{2})")
_TIME_RANGE = re.compile(r"(?P<start>\d{1,2}:\d{2})\s*-\s*(?P<end>\d{1,2}:\d{2})")
_INTEGER = re.compile(r"[+-]?\d{1,9}")
_EMAIL = re.compile(r"[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+")
_MAILTO = "mailto:"


class SettingsError(ValueError):
    """Raised when a setting's key or text is not acceptable; the message says what to type."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Every user setting, typed; an instance with no arguments holds the defaults.

    Attributes:
        reminder_time: Local wall time of the daily check-in reminder.
        workdays: Weekdays (0 = Monday) on which to remind.
        snooze_minutes: Delay before the single repeat of an ignored check-in reminder.
        day_start_hour: Hour at which a new day starts (late nights count for the day before).
        meeting_budget_minutes: Daily meeting time above which to nudge; 0 turns it off.
        focus_length_minutes: Focus time after which to suggest a break.
        theme: ``system``, ``light`` or ``dark``.
        start_at_login: Whether to start with the desktop session.
        tray_icon: Whether to show the system-tray icon.
        calendar_my_addresses: The user's own e-mail addresses, lower-case, in calendar files.
        calendar_work_hours: Start and end of working hours, for free-block statistics.
        calendar_not_meeting_patterns: Lower-case title patterns of events that are no meeting.
        calendar_only_with_attendees: Count only events with other attendees as meetings.
        calendar_watch_files: Calendar files (``.ics``) to read, as typed by the user.
        calendar_keep_titles: Keep event titles for the day audit; when off, none is stored.
        forecast_days: How many days ahead the look-ahead shows.
        review_moment: When in the week the weekly review notification comes; ``None`` is off.
    """

    reminder_time: dt.time = dt.time(17, 30)
    workdays: frozenset[int] = frozenset(range(5))
    snooze_minutes: int = 45
    day_start_hour: int = 4
    meeting_budget_minutes: int = 4 * 60
    focus_length_minutes: int = 90
    theme: str = "system"
    start_at_login: bool = False
    tray_icon: bool = True
    calendar_my_addresses: tuple[str, ...] = ()
    calendar_work_hours: tuple[dt.time, dt.time] = (dt.time(9), dt.time(17))
    calendar_not_meeting_patterns: tuple[str, ...] = (
        "focus",
        "focus time",
        "blocked",
        "lunch",
        "ooo",
        "out of office",
    )
    calendar_only_with_attendees: bool = False
    calendar_watch_files: tuple[str, ...] = ()
    calendar_keep_titles: bool = True
    forecast_days: int = DEFAULT_FORECAST_DAYS
    review_moment: ReviewMoment | None = DEFAULT_REVIEW_MOMENT


DEFAULT_SETTINGS: Final = Settings()


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


_SPECS: Final = (
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

_BY_NAME: Final = {spec.name: spec for spec in _SPECS}

#: Every setting key, in the order shown to the user.
KEYS: Final = tuple(spec.name for spec in _SPECS)


def _spec(key: str) -> _Key:
    try:
        return _BY_NAME[key]
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


def _from_toml(spec: _Key, raw: object) -> Any:
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
    for spec in _SPECS:
        section, name = spec.name.split(".", 1)
        document.setdefault(section, {})[name] = _to_toml(settings, spec)
    return document


@dataclass(frozen=True, slots=True)
class _Reading:
    settings: Settings
    problems: list[str]
    #: Whether a value of ours was unusable (unknown keys alone do not count).
    damaged: bool
    document: dict[str, Any] | None


def _read_document(document: dict[str, Any]) -> _Reading:
    settings = DEFAULT_SETTINGS
    problems: list[str] = []
    damaged = False
    sections = {spec.name.split(".", 1)[0] for spec in _SPECS}
    for section, table in document.items():
        if section not in sections:
            problems.append(f"unknown section [{section}] ignored")
        elif not isinstance(table, dict):
            problems.append(f"'{section}' should be a table [{section}]; using defaults")
            damaged = True
        else:
            for name in table:
                if f"{section}.{name}" not in _BY_NAME:
                    problems.append(f"unknown setting '{section}.{name}' ignored")
    for spec in _SPECS:
        section, name = spec.name.split(".", 1)
        table = document.get(section)
        if not isinstance(table, dict) or name not in table:
            continue
        try:
            value = _from_toml(spec, table[name])
        except ValueError as error:
            default = get_text(DEFAULT_SETTINGS, spec.name)
            problems.append(
                f"{spec.name}: {error}; use {spec.accepted}; using the default '{default}'"
            )
            damaged = True
            continue
        settings = dataclasses.replace(settings, **{spec.attr: value})
    return _Reading(settings, problems, damaged, document)


def _read_file(path: Path) -> _Reading | None:
    """Return what ``path`` holds, or ``None`` when there is no such file.

    Read through :func:`read_regular_file`: a FIFO or device put in place of the settings
    file would otherwise hang every command, even ``focusapp show``. Such a file, or one
    over :data:`MAX_SETTINGS_BYTES`, is reported like an unreadable one and the defaults
    are used.
    """
    if not os.path.lexists(path):
        return None
    try:
        data = read_regular_file(path, MAX_SETTINGS_BYTES)
    except FileRefusedError as error:
        problem = f"cannot read {path}: it {error.reason}; using default settings"
        return _Reading(DEFAULT_SETTINGS, [problem], True, None)
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        problem = f"{path} is not UTF-8 text; using default settings"
        return _Reading(DEFAULT_SETTINGS, [problem], True, None)
    except tomllib.TOMLDecodeError as error:
        problem = f"{path} is not valid TOML ({error}); using default settings"
        return _Reading(DEFAULT_SETTINGS, [problem], True, None)
    reading = _read_document(document)
    return dataclasses.replace(reading, problems=[f"{path}: {p}" for p in reading.problems])


class SettingsStore:
    """The settings file: forgiving to read, atomic and private (0600) to write.

    Attributes:
        path: The TOML file.
        problems: What was wrong with the file at the last :meth:`load` or :meth:`save`,
            in words for the user; empty when all was well.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[str] = []

    def load(self) -> Settings:
        """Return the stored settings; defaults for a missing file or any unusable value.

        Never raises for a bad file: each problem is recorded in :attr:`problems`, and the
        file is left untouched so the user can fix it.
        """
        reading = _read_file(self.path)
        if reading is None:
            self.problems = []
            return DEFAULT_SETTINGS
        self.problems = list(reading.problems)
        return reading.settings

    def save(self, settings: Settings) -> Path | None:
        """Write ``settings`` atomically with mode 0600.

        Settings of other versions (unknown keys) in a readable file are kept. A file that
        could not be read cleanly is first copied aside (``settings.toml.broken``, then
        ``.broken-1`` ...) so that nothing the user typed is lost silently.

        Returns:
            The path of that copy, or ``None`` when none was needed.

        Raises:
            OSError: If the file cannot be written; the previous file is then unchanged.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
        reading = _read_file(self.path)
        backup: Path | None = None
        document: dict[str, Any] = {}
        if reading is not None:
            if reading.damaged:
                backup = self._keep_copy()
            if reading.document is not None:
                document = {
                    section: dict(table) if isinstance(table, dict) else table
                    for section, table in reading.document.items()
                }
        for section, values in to_document(settings).items():
            table = document.get(section)
            document[section] = {**table, **values} if isinstance(table, dict) else values
        write_atomically(self.path, tomli_w.dumps(document).encode("utf-8"), mode=FILE_MODE)
        self.problems = (
            [f"the previous settings file could not be used and was kept as {backup}"]
            if backup is not None
            else []
        )
        return backup

    def _keep_copy(self) -> Path | None:
        try:  # never blocks: a FIFO or device in its place is simply not copied
            data = read_regular_file(self.path, MAX_SETTINGS_BYTES)
        except OSError:
            return None
        for attempt in range(1000):
            suffix = ".broken" if attempt == 0 else f".broken-{attempt}"
            candidate = self.path.with_name(self.path.name + suffix)
            try:
                descriptor = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
            except FileExistsError:
                continue
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            return candidate
        raise OSError(f"cannot find a free name to keep a copy of {self.path}")

    def update(self, changed: Settings, base: Settings) -> Path | None:
        """Save only what differs between ``base`` and ``changed`` into the file as it is now.

        Another program may have saved other settings since ``base`` was loaded (a second
        ``focusapp config set``, the settings dialog): re-reading under a lock on the settings
        folder and applying just this change keeps theirs. Returns what :meth:`save` returns.

        Raises:
            OSError: If the file cannot be written; the previous file is then unchanged.
        """
        attrs = [spec.attr for spec in _SPECS]
        diff = {a: getattr(changed, a) for a in attrs if getattr(changed, a) != getattr(base, a)}
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
        with _folder_lock(self.path.parent):
            current = self.load()
            return self.save(dataclasses.replace(current, **diff))


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on ``folder`` (no lock file needed) where possible."""
    try:
        import fcntl
    except ImportError:  # Windows: settings writes are rare there; no advisory locks
        yield
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)
