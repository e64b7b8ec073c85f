"""Reading single iCalendar property values the way :mod:`focusapp.formats.ics` needs them.

Files put all sorts of values where a type is expected (a list where one value belongs, a
text where a date belongs), so every helper here checks what it got and never raises for
an odd value unless it says so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING, Any, Final

from focusapp.formats.ics.parse import shorten

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from icalendar import Component

#: Properties whose parse errors make an event's timing untrustworthy.
TIMING_PROPERTIES: Final = frozenset(
    {"DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID"}
)
#: Stands in for a missing DTSTAMP, so a version without one never wins a tie.
NO_STAMP: Final = dt.datetime.min.replace(tzinfo=dt.UTC)


def timing_problem(component: Component) -> str | None:
    """Return why the event's time cannot be trusted, or ``None`` when it can."""
    for name, message in component.errors:
        if name in TIMING_PROPERTIES:
            return f"its {name} could not be read ({shorten(str(message))})"
    start = prop(component, "DTSTART")
    if start is None:
        lost = [str(message) for name, message in component.errors if name is None]
        detail = f" ({shorten(lost[0])})" if lost else ""
        return f"it has no start time (DTSTART){detail}"
    for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
        if isinstance(component.get(name), list):
            return f"it has more than one {name}"
    if not isinstance(getattr(start, "dt", None), dt.date):
        return "its start (DTSTART) is not a date or date-time"
    end = prop(component, "DTEND")
    if end is not None and not isinstance(getattr(end, "dt", None), dt.date):
        return "its end (DTEND) is not a date or date-time"
    return None


def tzids_of(value: Any) -> Iterator[str]:
    """Yield the TZID parameters of a property value (or list of values)."""
    if value is None:
        return
    for item in value if isinstance(value, list) else (value,):
        params = getattr(item, "params", None)
        tzid = params.get("TZID") if params is not None else None
        if tzid:
            yield str(tzid)


def event_uid(component: Component) -> str:
    """Return the UID, or a stable stand-in derived from the event's content."""
    uid = prop(component, "UID")
    text = str(uid).strip() if uid is not None and not isinstance(uid, list) else ""
    if text:
        return text
    try:
        content = component.to_ical()
    except Exception:  # an odd value; the summary and start still identify it well enough
        content = f"{prop_text(component, 'SUMMARY')}|{component.get('DTSTART')}".encode()
    return "no-uid-" + hashlib.sha256(content).hexdigest()[:16]


def zone_key(tzid: str) -> str:
    """Return a TZID in the form used to match references to definitions.

    Exporters decorate TZIDs (a leading ``/``, a stray trailing ``:``, odd case) while
    icalendar still pairs them up, so the check for missing VTIMEZONEs ignores that too.
    """
    return tzid.strip().strip("/:").strip().casefold()


def known_zone(tzid: str) -> dt.tzinfo | None:
    """Return the zone icalendar knows by this TZID (IANA, Windows or vendor-prefixed)."""
    from icalendar.timezone import tzp  # heavy: loaded only when importing

    # icalendar 7 annotates the result in a way mypy reads as None; it is tzinfo | None.
    lookup: Callable[[str], dt.tzinfo | None] = tzp.timezone
    return lookup(tzid)


def prop(component: Component, name: str) -> Any:
    """Return a property's parsed value (a list when it is repeated), or ``None``.

    Typed ``Any`` on purpose: files put all sorts of values where a type is expected,
    and every caller checks what it got.
    """
    return component.get(name)


def prop_text(component: Component, name: str) -> str:
    """Return a property as stripped text (the first of a repeated one; "" when absent)."""
    value = prop(component, name)
    if isinstance(value, list):
        value = value[0] if value else None
    return "" if value is None else str(value).strip()


def prop_upper(component: Component, name: str) -> str:
    """Return :func:`prop_text` upper-cased, for comparing keywords such as STATUS."""
    return prop_text(component, name).upper()


def is_free(component: Component) -> bool:
    """Return whether the event leaves the user free (it does not block time)."""
    return (
        prop_upper(component, "TRANSP") == "TRANSPARENT"
        or prop_upper(component, "X-MICROSOFT-CDO-BUSYSTATUS") == "FREE"
        or prop_upper(component, "X-MICROSOFT-CDO-INTENDEDSTATUS") == "FREE"
    )


def attendees_of(value: Any) -> Iterable[tuple[str, str]]:
    """Yield each ATTENDEE as (address, PARTSTAT), NEEDS-ACTION when it has none."""
    if value is None:
        return
    for attendee in value if isinstance(value, list) else (value,):
        params = getattr(attendee, "params", None) or {}
        yield str(attendee), str(params.get("PARTSTAT", "NEEDS-ACTION"))


def sequence_of(value: Any) -> int | None:
    """Return a SEQUENCE as a number, 0 when absent, ``None`` when it is not a number."""
    if value is None:
        return 0
    if isinstance(value, (list, bool)) or not isinstance(value, int):
        return None
    return int(value)


def dtstamp_of(component: Component) -> dt.datetime:
    """Return the DTSTAMP as an aware UTC instant; the earliest instant when unreadable.

    A floating DTSTAMP is read as UTC, which RFC 5545 requires it to be anyway.
    """
    value = getattr(prop(component, "DTSTAMP"), "dt", None)
    if not isinstance(value, dt.datetime):
        return NO_STAMP
    if value.tzinfo is None or value.utcoffset() is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def is_date(value: object) -> bool:
    """Tell a date (an all-day value) from a date-time, which is also a ``date``."""
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def instant(value: Any, zone: dt.tzinfo) -> dt.datetime:
    """Return an aware UTC instant for a date, floating or zoned date-time.

    A date means local midnight; a floating time is the user's wall clock (a time inside
    a DST gap moves forward, as for day boundaries).
    """
    if isinstance(value, dt.datetime):
        moment: dt.datetime = value
        if moment.tzinfo is None or moment.utcoffset() is None:
            moment = moment.replace(tzinfo=zone)
        return moment.astimezone(dt.UTC)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(0), tzinfo=zone).astimezone(dt.UTC)
    raise TypeError(f"not a date or date-time: {value!r}")


def format_time(value: Any) -> str:
    """Return a date or date-time in iCalendar text form, zoned times in UTC (``...Z``)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        return value.strftime("%Y%m%dT%H%M%S")
    if isinstance(value, dt.date):
        return value.strftime("%Y%m%d")
    return str(value)


def recurrence_key_of(value: Any) -> str | None:
    """Return a RECURRENCE-ID in the text form occurrences are matched by."""
    if value is None:
        return None
    return format_time(getattr(value, "dt", value))


def ends_before_start(component: Component, zone: dt.tzinfo) -> bool:
    """Tell whether DTEND lies before DTSTART (read as the interval between them)."""
    end = prop(component, "DTEND")
    if end is None:
        return False
    try:
        return instant(end.dt, zone) < instant(prop(component, "DTSTART").dt, zone)
    except (TypeError, ValueError, AttributeError):
        return False
