"""What kind of calendar source FocusApp follows, and the error a source gives people.

Kept apart from :mod:`focusapp.formats.source_kind`, which tells the kind by looking at a
path: that needs every reader (vdir, Evolution, Thunderbird), and the window's menus, which
only name the kinds, would otherwise load them all before the window is painted.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from focusapp.wording.translate import translate

#: The translation context of the sources' sentences.
CONTEXT: Final = "Calendar sources"


class CalendarKind(StrEnum):
    """What an added calendar source is; the values are stored."""

    ICS = "ics"
    VDIR = "vdir"
    EVOLUTION = "evolution"
    THUNDERBIRD = "thunderbird"

    def is_read(self) -> bool:
        """Return whether FocusApp reads this kind's events (Thunderbird's it does not)."""
        return self is not CalendarKind.THUNDERBIRD


class SourceError(ValueError):
    """A calendar source cannot be added or read; nothing was written. For people."""


def thunderbird_note(path: str) -> str:
    """Return the sentence saying a Thunderbird file is kept but its events are not read."""
    text = translate(
        CONTEXT,
        "{path} is a Thunderbird calendar: it is listed and its events counted, but FocusApp "
        "cannot read Thunderbird's events yet (they are stored taken apart, not as iCalendar). "
        "Use Thunderbird's Export to an .ics file, or sync the calendar with vdirsyncer, and "
        "add that instead.",
    )
    return text.format(path=path)
