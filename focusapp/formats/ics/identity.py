"""The part of a calendar file that says who owns it: ORGANIZER, ATTENDEE and X-WR-CALNAME.

Read alongside the events (see :mod:`focusapp.formats.ics`) and reduced at once to an
:class:`~focusapp.domain.identity.IdentityTally`: addresses and counts only. Names (CN) are
compared with the calendar's name while reading and then forgotten, and nothing here is
stored; the user decides which address, if any, is kept in ``calendar.my_addresses``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from focusapp.domain.identity import (
    AddressSeen,
    IdentityTally,
    calendar_address_of,
    tally_event,
)
from focusapp.formats.ics.values import event_uid, prop, prop_text

if TYPE_CHECKING:
    from icalendar import Component


def _people(value: Any) -> list[tuple[str, str]]:
    """Return each ORGANIZER/ATTENDEE value as ``(address, CN)``."""
    if value is None:
        return []
    found = []
    for person in value if isinstance(value, list) else (value,):
        params = getattr(person, "params", None) or {}
        found.append((str(person), str(params.get("CN", ""))))
    return found


class IdentityCollector:
    """Collects ORGANIZER and ATTENDEE values per event (UID), then tallies them."""

    def __init__(self) -> None:
        self._events: dict[str, tuple[str | None, list[tuple[str, str]], str]] = {}
        self._calendar_name = ""

    def add_calendar(self, calendar: Component) -> str:
        """Note one calendar's X-WR-CALNAME (the first non-empty one wins); return it."""
        name = prop_text(calendar, "X-WR-CALNAME")
        if name and not self._calendar_name:
            self._calendar_name = name
        return name

    def add_event(self, component: Component, calendar_name: str) -> None:
        """Note one VEVENT's people; copies and overrides of one UID are one event."""
        organizers = _people(prop(component, "ORGANIZER"))
        uid = event_uid(component)
        organizer, attendees, _ = self._events.get(uid, (None, [], calendar_name))
        if organizer is None and organizers:
            organizer = organizers[0][0]
        attendees = attendees + _people(prop(component, "ATTENDEE"))
        self._events[uid] = (organizer, attendees, calendar_name)

    def tally(self) -> IdentityTally:
        """Return the addresses seen and how often; no names are kept."""
        counts: dict[str, AddressSeen] = {}
        for organizer, attendees, name in self._events.values():
            tally_event(counts, organizer=organizer, attendees=attendees, calendar_name=name)
        return IdentityTally(
            seen=counts,
            calendar_address=calendar_address_of(self._calendar_name),
            events=len(self._events),
        )
