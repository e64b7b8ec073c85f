"""What reading one calendar file yields: its events, what was skipped and what to know.

Shared by the modules that read a file (:mod:`.read`, :mod:`.collect`, :mod:`.occurrences`),
so every skipped event and warning is recorded the same way: once, and without a title when
titles are not kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from focusapp.domain.identity import IdentityTally
from focusapp.formats.ics.values import prop, prop_text

if TYPE_CHECKING:
    from icalendar import Component

    from focusapp.domain.calendar import CalendarEvent


class CalendarFormatError(ValueError):
    """The file as a whole is not a readable calendar; nothing from it may be imported.

    The message is written for the person importing the file.
    """


@dataclass(frozen=True, slots=True)
class SkippedEvent:
    """An event that could not be read or expanded and was left out of the import.

    Attributes:
        uid: The event's UID as written (empty when it has none).
        summary: Its title as written (may be empty).
        problem: What is wrong, in words for people.
        line: The file line on which the event begins (0 when not known).
    """

    uid: str
    summary: str
    problem: str
    line: int = 0


@dataclass(slots=True)
class CalendarReadResult:
    """Everything read from one file.

    Attributes:
        events: Every occurrence touching the requested days (counted or excluded, sorted
            by start) plus duplicates and once-per-event ``outside_range`` entries.
        skipped: Events that could not be read or expanded.
        warnings: Things the user should know that did not stop the import.
        identity: Who the file seems to belong to: addresses and counts only, never stored
            (see :mod:`focusapp.domain.identity`).
    """

    events: list[CalendarEvent] = field(default_factory=list)
    skipped: list[SkippedEvent] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    identity: IdentityTally = field(default_factory=IdentityTally)


def add_warning(found: list[str], message: str) -> None:
    """Add ``message`` to ``found`` unless it is there already (each warning shows once)."""
    if message not in found:
        found.append(message)


class ReadReport:
    """Records skipped events and warnings into a :class:`CalendarReadResult` while reading.

    Attributes:
        result: The result being filled.
        lines: The file line on which each parsed component begins, by ``id(component)``.
        keep_titles: Whether skipped events keep their title (``calendar.keep_titles``).
    """

    def __init__(
        self, result: CalendarReadResult, lines: dict[int, int], *, keep_titles: bool
    ) -> None:
        self.result = result
        self.lines = lines
        self.keep_titles = keep_titles
        self._skipped_components: set[int] = set()

    def skip(self, component: Component, problem: str) -> None:
        """List ``component`` as skipped (once, however many of its occurrences failed)."""
        if id(component) in self._skipped_components:
            return
        self._skipped_components.add(id(component))
        uid = prop(component, "UID")
        self.result.skipped.append(
            SkippedEvent(
                uid="" if uid is None else str(uid),
                summary=prop_text(component, "SUMMARY") if self.keep_titles else "",
                problem=problem,
                line=self.lines.get(id(component), 0),
            )
        )

    def warn(self, message: str) -> None:
        """Tell the user something that did not stop the import (each message once)."""
        add_warning(self.result.warnings, message)
