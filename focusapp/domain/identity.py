"""Who the calendar belongs to: rank the addresses a file names as its likely owner.

Declined meetings can only be recognised once FocusApp knows which ATTENDEE is the user, and
people rarely know to set ``calendar.my_addresses``. A calendar export says a lot about its
owner without saying it outright: the owner is on (almost) every invitation, organises their
own meetings, and Google names an export by its owner's address (X-WR-CALNAME). This module
turns a small tally of those facts into a ranked list to *suggest*; it never decides, because
a wrong guess would silently drop someone else's declines.

The tally holds addresses and counts only (no names, titles or times), so it can be shown and
thrown away without keeping anything about the people in the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from focusapp.domain.calendar import normalize_address

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

#: Domains whose addresses name calendars, rooms or robots, never a person (Google writes
#: shared calendars as ``...@group.calendar.google.com`` and unknown organisers as
#: ``unknownorganizer@calendar.google.com``).
_NOT_A_PERSON_DOMAINS: Final = ("calendar.google.com",)
_NOT_A_PERSON_LOCAL: Final = ("noreply", "no-reply", "donotreply", "do-not-reply")


@dataclass(frozen=True, slots=True)
class AddressSeen:
    """How often one address appears in a file's events.

    Attributes:
        events: Events listing it as ATTENDEE or ORGANIZER (each event once).
        organised: Events it organises.
        named_like_calendar: Events where its CN equals the calendar's name (X-WR-CALNAME).
    """

    events: int = 0
    organised: int = 0
    named_like_calendar: int = 0


@dataclass(frozen=True, slots=True)
class IdentityTally:
    """What a calendar file says about its owner: addresses and counts, nothing else.

    Attributes:
        seen: Each normalised address and how often it appears.
        calendar_address: The calendar's name when it is an e-mail address (normalised),
            else ``""``; a name that is not an address is never kept.
        events: How many events the file has.
    """

    seen: Mapping[str, AddressSeen] = field(default_factory=dict)
    calendar_address: str = ""
    events: int = 0


@dataclass(frozen=True, slots=True)
class OwnerCandidate:
    """One address that may be the user's, with what speaks for it.

    Attributes:
        address: The normalised address.
        events: Events it appears in.
        names_calendar: The calendar is named by this address (X-WR-CALNAME).
        named_like_calendar: Its CN matches the calendar's name in some event.
    """

    address: str
    events: int
    names_calendar: bool = False
    named_like_calendar: bool = False


@dataclass(frozen=True, slots=True)
class OwnerGuess:
    """The ranked candidates for "which address is yours?".

    Attributes:
        candidates: Most likely first; empty when the file names no address.
        certain: The evidence agrees: the calendar is named by the address that also
            appears in the most events. Still only a suggestion for the user to confirm.
    """

    candidates: tuple[OwnerCandidate, ...] = ()
    certain: bool = False

    @property
    def best(self) -> OwnerCandidate | None:
        """Return the most likely candidate, or ``None`` when there is none."""
        return self.candidates[0] if self.candidates else None


def is_address(text: str) -> bool:
    """Return whether ``text`` (normalised or not) looks like an e-mail address.

    Only the shape matters (something@domain, no spaces): ATTENDEE values are also
    ``urn:uuid:`` or bare names, which can never be the user's address.
    """
    cleaned = normalize_address(text)
    local, at, domain = cleaned.partition("@")
    return (
        bool(local and at and domain)
        and "@" not in domain
        and not any(c.isspace() for c in cleaned)
    )


def tally_event(
    counts: dict[str, AddressSeen],
    *,
    organizer: str | None,
    attendees: Iterable[tuple[str, str]],
    calendar_name: str = "",
) -> None:
    """Add one event's ORGANIZER and ``(address, CN)`` attendees to ``counts``, in place.

    An address listed twice in one event counts once; values that are not addresses are
    ignored. ``calendar_name`` is the X-WR-CALNAME, compared with each CN case-insensitively.
    """
    name = calendar_name.strip().casefold()
    found: dict[str, tuple[bool, bool]] = {}
    people = [(raw, cn, False) for raw, cn in attendees]
    if organizer is not None:
        people.append((organizer, "", True))
    for raw, cn, is_organizer in people:
        address = normalize_address(raw)
        if not is_address(raw) or not could_be_a_person(address):
            continue
        organises, named = found.get(address, (False, False))
        named = named or bool(name and cn.strip().casefold() == name)
        found[address] = (organises or is_organizer, named)
    for address, (organises, named) in found.items():
        old = counts.get(address, AddressSeen())
        counts[address] = AddressSeen(
            events=old.events + 1,
            organised=old.organised + int(organises),
            named_like_calendar=old.named_like_calendar + int(named),
        )


def could_be_a_person(address: str) -> bool:
    """Return whether a normalised address may belong to a person (not a room or robot)."""
    local, _, domain = address.partition("@")
    if any(domain == d or domain.endswith("." + d) for d in _NOT_A_PERSON_DOMAINS):
        return False
    return not local.startswith(_NOT_A_PERSON_LOCAL)


def calendar_address_of(calendar_name: str) -> str:
    """Return the calendar's name as a normalised address, or ``""`` when it is not one."""
    address = normalize_address(calendar_name)
    return address if is_address(address) and could_be_a_person(address) else ""


def rank_owners(tally: IdentityTally) -> OwnerGuess:
    """Return the file's addresses ranked by how likely each is the user's.

    The order, strongest evidence first: the address the calendar is named by; an address
    whose CN matches the calendar's name; then the number of events an address appears in,
    then how many it organises; ties by address, so the result never depends on the order
    the file lists things in.
    """
    seen = dict(tally.seen)
    if tally.calendar_address and tally.calendar_address not in seen:
        # A personal calendar without invitations still names its owner.
        seen[tally.calendar_address] = AddressSeen()
    candidates = [
        OwnerCandidate(
            address=address,
            events=counts.events,
            names_calendar=address == tally.calendar_address,
            named_like_calendar=counts.named_like_calendar > 0,
        )
        for address, counts in seen.items()
    ]
    candidates.sort(
        key=lambda c: (
            not c.names_calendar,
            not c.named_like_calendar,
            -c.events,
            -seen[c.address].organised,
            c.address,
        )
    )
    most = max((c.events for c in candidates), default=0)
    certain = bool(
        candidates and candidates[0].names_calendar and candidates[0].events == most and most
    )
    return OwnerGuess(tuple(candidates), certain)
