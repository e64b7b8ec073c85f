"""Parsing an .ics file so that one faulty component never costs the others.

icalendar tolerates a bad value inside a VEVENT (it records the error on the event, which
:mod:`focusapp.formats.ics` then skips or reads around) but raises for the same fault in
any other component, refusing the whole file. Real exports carry such faults in parts that
say nothing about meeting time: a VTODO with an impossible date (Sunbird), a VALARM with a
malformed TRIGGER duration (ticket exports), an 1893 VTIMEZONE rule with an offset of 53
hours (iCloud). Here such a component is left out, with a warning naming its line and the
reason, and the rest of the file is read. Only a file whose structure is broken (no
complete VCALENDAR, END without BEGIN) is still refused.

The parser is icalendar's own, refined through its documented template methods
(``handle_property_parse_error``, ``handle_line_parse_error``, ``handle_end_component``);
with an icalendar that lacks them the file is parsed as before, all or nothing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from focusapp.wording.translate import translate

if TYPE_CHECKING:
    from icalendar import Component

_NEWLINE: Final = re.compile(r"\r?\n")
_CONTEXT: Final = "CalendarFile"
_MAX_PROBLEM_CHARS: Final = 200


class CalendarParseError(ValueError):
    """The file's structure is broken; the message is for people."""


@dataclass(slots=True)
class ParsedFile:
    """The VCALENDARs of a file and what was left out of them.

    Attributes:
        calendars: The file's VCALENDAR components (faulty non-event parts removed).
        lines: The file line on which each component begins, by ``id(component)``.
        left_out: One warning per component left out, naming its line and the reason.
    """

    calendars: list[Component]
    lines: dict[int, int] = field(default_factory=dict)
    left_out: list[str] = field(default_factory=list)


def content_line_numbers(text: str, offset: int = 0) -> list[int]:
    """Return the file line (1-based) on which each unfolded content line begins.

    Mirrors how icalendar unfolds: a line starting with a space or tab continues the one
    before it, and empty lines are dropped.
    """
    starts: list[int] = []
    for number, line in enumerate(_NEWLINE.split(text), start=1 + offset):
        if not line:
            continue
        if line[0] in " \t" and starts:
            continue
        starts.append(number)
    return starts


def parse_calendars(text: str, offset: int = 0) -> ParsedFile:
    """Parse ``text`` into its VCALENDARs, leaving out faulty parts that are not events.

    Args:
        text: The file's text, starting with ``BEGIN:VCALENDAR``.
        offset: File lines before ``text`` (stripped blank lines), for line numbers.

    Raises:
        CalendarParseError: If the file's structure is broken (the message names why).
    """
    import icalendar  # heavy: loaded only when a file is imported

    parser_class = _tolerant_parser_class()
    lines = content_line_numbers(text, offset)
    try:
        if parser_class is None:
            components = icalendar.Calendar.from_ical(text, multiple=True)
            parsed = ParsedFile(calendars=list(components))
        else:
            parser = parser_class(
                text,
                icalendar.Calendar._get_component_factory(),
                icalendar.Calendar.types_factory,
            )
            parser.line_numbers = lines
            components = parser.parse()
            parsed = ParsedFile(
                calendars=list(components), lines=parser.begin_lines, left_out=parser.left_out
            )
    except Exception as exc:  # the parser raises many types; all mean "unreadable file"
        raise CalendarParseError(_parse_failure(text, exc)) from exc
    parsed.calendars = [c for c in parsed.calendars if c.name == "VCALENDAR"]
    if not parsed.calendars:
        raise CalendarParseError(_parse_failure(text, None))
    return parsed


@functools.cache
def _tolerant_parser_class() -> type[Any] | None:
    """Return icalendar's calendar parser refined to leave faulty components out.

    Built on first use (icalendar is heavy to import); ``None`` when this icalendar has no
    parser class to refine.
    """
    try:
        from icalendar.parser.ical.calendar import CalendarIcalParser
        from icalendar.timezone import tzp
    except ImportError:
        return None

    class TolerantParser(CalendarIcalParser):
        line_numbers: list[int]

        def initialize_parsing(self) -> None:
            super().initialize_parsing()  # type: ignore[no-untyped-call]
            # Parsing may run twice (forward TZID references); each run starts afresh.
            self.begin_lines: dict[int, int] = {}
            self.left_out: list[str] = []
            self.faults: dict[int, str] = {}
            self.index = -1
            self._content_lines_iterator = self._counted(self._content_lines_iterator)

        def _counted(self, lines: Any) -> Any:
            for self.index, line in enumerate(lines):
                yield line

        def line(self) -> int:
            if 0 <= self.index < len(self.line_numbers):
                return self.line_numbers[self.index]
            return 0

        def handle_begin_component(self, vals: str) -> None:
            super().handle_begin_component(vals)
            self.begin_lines[id(self._stack[-1])] = self.line()

        def handle_line_parse_error(self, exception: Exception) -> None:
            component = self.component
            if component is None or component.ignore_exceptions:
                super().handle_line_parse_error(exception)
                return
            self._fault(component, _line_problem(self.line(), exception))

        def handle_property_parse_error(
            self, exception: Exception, name: str, params: Any, val: str, line: Any
        ) -> None:
            component = self.component
            if component is None or component.ignore_exceptions or name[:2].upper() == "X-":
                super().handle_property_parse_error(exception, name, params, val, line)
                return
            self._fault(component, _property_problem(self.line(), name, exception))

        def _fault(self, component: Component, problem: str) -> None:
            if component.name == "VCALENDAR":
                # Not a component that can be left out: drop just the line, say so.
                self.left_out.append(problem)
            else:
                self.faults.setdefault(id(component), problem)

        def handle_end_component(self, vals: str) -> None:
            if not self._stack:
                raise ValueError("END encountered without an accompanying BEGIN!")
            component = self._stack.pop()
            problem = self.faults.pop(id(component), None)
            if problem is None and vals.upper() == "VTIMEZONE" and "TZID" in component:
                try:
                    tzp.cache_timezone_component(component)
                except Exception as exc:  # an impossible rule: the zone's name still helps
                    problem = _zone_problem(self.begin_lines.get(id(component), 0), exc)
            if problem is not None:
                begin = self.begin_lines.get(id(component), 0)
                self.left_out.append(_left_out(str(component.name), begin, problem))
                return
            if not self._stack:
                self._components.append(component)
            else:
                self._stack[-1].add_component(component)

    return TolerantParser


def _line_problem(line: int, exc: Exception) -> str:
    return translate(_CONTEXT, "line {line} could not be read ({why})").format(
        line=line, why=describe_error(exc)
    )


def _property_problem(line: int, name: str, exc: Exception) -> str:
    return translate(_CONTEXT, "its {name} on line {line} could not be read ({why})").format(
        name=name, line=line, why=describe_error(exc)
    )


def _zone_problem(line: int, exc: Exception) -> str:
    return translate(_CONTEXT, "its rules starting on line {line} cannot be used ({why})").format(
        line=line, why=describe_error(exc)
    )


def _left_out(name: str, line: int, problem: str) -> str:
    return translate(_CONTEXT, "Line {line}: a {name} was left out: {problem}.").format(
        line=line, name=name, problem=problem
    )


def shorten(text: str) -> str:
    """Return ``text`` cut to a length that fits in one message line."""
    if len(text) <= _MAX_PROBLEM_CHARS:
        return text
    return text[: _MAX_PROBLEM_CHARS - 3] + "..."


def describe_error(exc: BaseException) -> str:
    """Return the first line of an exception's message, for people (its type if empty)."""
    text = str(exc).splitlines()[0].strip() if str(exc).strip() else ""
    if isinstance(exc, KeyError) and exc.args:
        return f"{exc.args[0]} is missing"
    return shorten(text or type(exc).__name__)


def _parse_failure(text: str, exc: Exception | None) -> str:
    """Return a message for a file the parser refused, naming the likely cause."""
    depth: dict[str, int] = {}
    for line in text.splitlines():
        name, _, value = line.strip().upper().partition(":")
        if name in {"BEGIN", "END"} and value:
            depth[value] = depth.get(value, 0) + (1 if name == "BEGIN" else -1)
    for component in ("VCALENDAR", *sorted(depth)):
        if depth.get(component, 0) > 0:
            return (
                f"The calendar file is incomplete: BEGIN:{component} has no matching "
                f"END:{component} (the file may have been cut short). Nothing was imported."
            )
    if exc is None:
        return "The file holds no calendar (no complete VCALENDAR). Nothing was imported."
    return (
        "The file could not be read as an iCalendar calendar "
        f"({describe_error(exc)}). Nothing was imported."
    )
