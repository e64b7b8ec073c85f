"""Which address in a calendar is the user's: suggest from the file, keep only what they confirm.

Declined invitations are recognised by the user's address (``calendar.my_addresses``). At the
first import FocusApp does not know it, so the import's owner tally
(:mod:`focusapp.domain.identity`) is turned into a suggestion for the command line and the
window. Nothing is ever set silently: a wrong address would hide someone else's declines and
count the user's own, so the user confirms (``--me``, or the window's question).
"""

from __future__ import annotations

import dataclasses
import shlex
from typing import TYPE_CHECKING, Final

from focusapp.domain.calendar import CalendarRules, normalize_address
from focusapp.domain.identity import IdentityTally, OwnerGuess, rank_owners
from focusapp.formats.ics.read import MAX_ICS_BYTES, read_calendar
from focusapp.formats.ics.report import CalendarFormatError
from focusapp.system.files import read_regular_file
from focusapp.wording.translate import translate

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable
    from pathlib import Path
    from zoneinfo import ZoneInfo

    from focusapp.settings.store import SettingsStore
    from focusapp.settings.values import Settings

#: How many addresses the command line names after "seen:".
SEEN_LIMIT: Final = 3
_CONTEXT: Final = "CalendarIdentity"


def knows_me(settings: Settings, extras: Iterable[str] = ()) -> bool:
    """Return whether any address of the user's is known (settings or given for one file)."""
    return bool(settings.calendar_my_addresses) or any(normalize_address(a) for a in extras)


def read_owner_tally(data: bytes, zone: ZoneInfo, day: dt.date) -> IdentityTally:
    """Return a file's owner tally without importing it (one day is expanded, so it is quick).

    An unreadable file gives an empty tally: the import itself reports why it failed.
    """
    try:
        result = read_calendar(data, first_day=day, last_day=day, rules=CalendarRules(zone=zone))
    except CalendarFormatError:
        return IdentityTally()
    return result.identity


def file_owner_tally(path: Path, zone: ZoneInfo, day: dt.date) -> IdentityTally:
    """Return the owner tally of the file at ``path`` (empty when it cannot be read)."""
    try:
        data = read_regular_file(path, MAX_ICS_BYTES)
    except OSError:
        return IdentityTally()
    return read_owner_tally(data, zone, day)


def guess_owner(tally: IdentityTally) -> OwnerGuess:
    """Return the ranked candidates for the user's address (see :func:`rank_owners`)."""
    return rank_owners(tally)


def remember_my_addresses(store: SettingsStore, addresses: Iterable[str]) -> Settings:
    """Add ``addresses`` to ``calendar.my_addresses``, writing only that key; return the result.

    Addresses already there are kept (in their order); new ones follow, normalised.

    Raises:
        OSError: If the settings file cannot be written; it is then unchanged.
    """
    base = store.load()
    known = list(base.calendar_my_addresses)
    for address in addresses:
        cleaned = normalize_address(address)
        if cleaned and cleaned not in known:
            known.append(cleaned)
    changed = dataclasses.replace(base, calendar_my_addresses=tuple(known))
    if changed != base:
        store.update(changed, base)
    return store.load()


def owner_hint(file_text: str, guess: OwnerGuess) -> str | None:
    """Return the one line saying which address to confirm, or ``None`` when there is none.

    Args:
        file_text: The file as the user typed it, repeated in the suggested command.
        guess: The ranked candidates of that file.
    """
    best = guess.best
    if best is None:
        return None  # no addresses at all: there is no decline to recognise either
    command = f"focusapp calendar import {shlex.quote(file_text)} --me {shlex.quote(best.address)}"
    if guess.certain:
        return translate(
            _CONTEXT,
            "This calendar seems to be {address}'s (it is named so and that address is in "
            "{events} events); declined meetings are recognised once you confirm: {command}",
        ).format(address=best.address, events=best.events, command=command)
    seen = ", ".join(
        translate(_CONTEXT, "{address} in {events} events").format(
            address=c.address, events=c.events
        )
        if index == 0 and c.events != 1
        else translate(_CONTEXT, "{address} in 1 event").format(address=c.address)
        if index == 0
        else translate(_CONTEXT, "{address} in {events}").format(address=c.address, events=c.events)
        for index, c in enumerate(guess.candidates[:SEEN_LIMIT])
    )
    return translate(
        _CONTEXT,
        "Declined meetings cannot be recognised until you say which address is yours: "
        "{command} (seen: {seen})",
    ).format(command=command, seen=seen)
