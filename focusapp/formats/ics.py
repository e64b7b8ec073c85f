"""Reading iCalendar (.ics) files into classified calendar events, all or nothing per event.

A file that is not a calendar, or cannot be parsed at all, raises :class:`CalendarFormatError`
and yields nothing. In a file that parses, each event is read on its own: one that cannot be
read or expanded is listed in :attr:`CalendarReadResult.skipped` with its UID, summary and
line while the rest imports. Every occurrence that touches the requested days comes back as a
:class:`~focusapp.domain.calendar.CalendarEvent`, counted or with the reason it is not, so
the numbers can always be audited.

Decisions worth knowing (they follow RFC 5545 where it has an answer):

* Repeats (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides including RANGE=THISANDFUTURE) are
  expanded by ``recurring-ical-events``, lazily and only around the requested days, at most
  :data:`~focusapp.formats.ics_expand.MAX_OCCURRENCES_PER_EVENT` per event (a warning
  names an event cut short; see :mod:`focusapp.formats.ics_expand`); calendars with
  X-WR-TIMEZONE (Google) are first brought into standard form with ``x-wr-timezone``.
* With ``CalendarRules.keep_titles`` off, titles are used only to classify while reading:
  events, skipped events and warnings carry none.
* Floating times (no zone) are the user's wall-clock time. A TZID that names a known zone
  (IANA, or Windows such as "W. Europe Standard Time") is used even without its VTIMEZONE;
  an unknown TZID without VTIMEZONE falls back to the user's zone. Both are warned about.
* A date-time start without DTEND or DURATION lasts zero time (RFC 5545 3.6.1); a date
  start without them lasts one day. Zero-length events take no time, so they are listed
  as ``free`` and never add minutes or meetings.
* An end before the start is treated as the two times in the right order (the interval
  between them), with a warning, as ``recurring-ical-events`` does for repeats.
* Duplicates share a UID and RECURRENCE-ID; the highest SEQUENCE wins, on a tie the later
  DTSTAMP (RFC 5546), then the first in the file; the others are listed as ``duplicate``.
  Events without a UID get a stable one derived from their content, so identical copies
  are duplicates too.
* A faulty part that is not an event (a VTODO, VJOURNAL, VALARM or VTIMEZONE rule that
  cannot be read) is left out with a warning naming its line (see
  :mod:`focusapp.formats.ics_parse`); a faulty event is skipped on its own.
* A cancelled occurrence (STATUS:CANCELLED, or a file sent with METHOD:CANCEL) is listed
  as ``cancelled``; TRANSP:TRANSPARENT and Microsoft's BUSYSTATUS/INTENDEDSTATUS FREE as
  ``free``; an ATTENDEE with one of the user's addresses and PARTSTAT=DECLINED as
  ``declined``.
* An event none of whose occurrences touch the requested days, and whose own start lies
  outside them, is listed once (at its own start) as ``outside_range``.

The parsing libraries are imported inside the functions: they take a noticeable time to
load and the app must start fast.
"""

from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from focusapp.domain.calendar import (
    CalendarEvent,
    CalendarRules,
    Exclusion,
    classify,
    span_days,
)
from focusapp.domain.days import day_bounds
from focusapp.domain.identity import IdentityTally
from focusapp.formats.ics_expand import (
    MAX_OCCURRENCES_PER_EVENT,
    Expanded,
    Expansion,
    between,
    expansion,
)
from focusapp.formats.ics_identity import IdentityCollector
from focusapp.formats.ics_parse import (
    CalendarParseError,
    describe_error,
    parse_calendars,
)
from focusapp.formats.ics_values import (
    attendees_of,
    dtstamp_of,
    ends_before_start,
    event_uid,
    format_time,
    instant,
    is_date,
    is_free,
    known_zone,
    prop,
    prop_text,
    prop_upper,
    recurrence_key_of,
    sequence_of,
    timing_problem,
    tzids_of,
    zone_key,
)
from focusapp.wording.translate import translate

if TYPE_CHECKING:
    from icalendar import Component

#: Larger files are refused before parsing; a year of a busy calendar is a few megabytes.
MAX_ICS_BYTES: Final = 50 * 1024 * 1024

_RANGE_PADDING: Final = dt.timedelta(days=2)
_UTF16_BOMS: Final = (b"\xff\xfe", b"\xfe\xff")
_UTF8_BOM: Final = b"\xef\xbb\xbf"
_TZID_PROPERTIES: Final = ("DTSTART", "DTEND", "RECURRENCE-ID", "RDATE", "EXDATE")
_QUIET_WARNINGS: Final = (DeprecationWarning, PendingDeprecationWarning, ResourceWarning)


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


def read_calendar(
    data: bytes,
    *,
    first_day: dt.date,
    last_day: dt.date,
    rules: CalendarRules,
    source: str = "",
) -> CalendarReadResult:
    """Read an .ics file and classify its events for the local days ``first_day``-``last_day``.

    Args:
        data: The file's bytes.
        first_day: First local day of interest (inclusive).
        last_day: Last local day of interest (inclusive).
        rules: The user's zone, addresses and meeting rules.
        source: A label stored on every event (such as the file name) for the audit.

    Raises:
        CalendarFormatError: If the file is not an iCalendar calendar or cannot be parsed.
        ValueError: If ``last_day`` is before ``first_day``.
    """
    if last_day < first_day:
        raise ValueError("the last day is before the first day")
    result = CalendarReadResult()
    text, offset = _decode(data, result.warnings)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            parsed = parse_calendars(text, offset)
        except CalendarParseError as error:
            raise CalendarFormatError(str(error)) from None
        for message in parsed.left_out:
            _add_warning(result.warnings, message)
        try:
            reader = _Reader(rules, first_day, last_day, source, result)
            reader.lines = parsed.lines
            for calendar in parsed.calendars:
                reader.collect(calendar)
            reader.expand()
            result.identity = reader.identity.tally()
        except CalendarFormatError:
            raise
        except Exception as exc:  # last resort: the user gets a message, never a traceback
            raise CalendarFormatError(
                f"The calendar could not be read ({describe_error(exc)}). Nothing was imported."
            ) from exc
    for warning in caught:
        if not issubclass(warning.category, _QUIET_WARNINGS):
            _add_warning(result.warnings, str(warning.message))
    result.events.sort(key=lambda e: (e.start, e.end, e.uid, e.recurrence_id or ""))
    return result


def _add_warning(found: list[str], message: str) -> None:
    if message not in found:
        found.append(message)


def _decode(data: bytes, found: list[str]) -> tuple[str, int]:
    """Return the file's text from ``BEGIN:VCALENDAR`` and the lines stripped before it.

    Raises:
        CalendarFormatError: Explaining why the bytes cannot be a calendar.
    """
    if len(data) > MAX_ICS_BYTES:
        raise CalendarFormatError(
            f"The file is larger than {MAX_ICS_BYTES // (1024 * 1024)} MB; "
            "export a shorter period from your calendar."
        )
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise CalendarFormatError("The file is not a text file, so not a calendar.") from None
    else:
        data = data.removeprefix(_UTF8_BOM)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            # Old Outlook exports are Windows-1252; a wrong guess only garbles titles.
            text = data.decode("cp1252", errors="replace")
            _add_warning(found, "The file is not UTF-8; it was read as Windows-1252 text.")
    if "\x00" in text:
        raise CalendarFormatError("The file is not a text file, so not a calendar.")
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped:
        raise CalendarFormatError("The file is empty.")
    if not stripped[:15].upper().startswith("BEGIN:VCALENDAR"):
        raise CalendarFormatError(
            "This is not an iCalendar (.ics) file: it should start with BEGIN:VCALENDAR."
        )
    return stripped, text[: len(text) - len(stripped)].count("\n")


@dataclass(slots=True)
class _Raw:
    """One readable VEVENT and what the reader worked out about it before expansion."""

    component: Component
    uid: str
    summary: str
    title: str
    recurrence_key: str | None
    sequence: int
    stamp: dt.datetime
    cancelled_file: bool
    all_day: bool
    reason: dict[bool, Exclusion | None] = field(default_factory=dict)
    seen: bool = False


class _Reader:
    """Collects events from one or more calendars, then expands and classifies them."""

    def __init__(
        self,
        rules: CalendarRules,
        first_day: dt.date,
        last_day: dt.date,
        source: str,
        result: CalendarReadResult,
    ) -> None:
        self.rules = rules
        self.zone = rules.zone
        self.first_day = first_day
        self.last_day = last_day
        self.source = source
        self.result = result
        self.range_start = day_bounds(first_day, rules.zone, rules.day_start_hour)[0]
        self.range_end = day_bounds(last_day, rules.zone, rules.day_start_hour)[1]
        self.groups: dict[str, list[_Raw]] = {}
        self.by_component: dict[int, _Raw] = {}
        self.skipped_components: set[int] = set()
        #: The file line on which each parsed component begins, by ``id(component)``.
        self.lines: dict[int, int] = {}
        self.event_count = 0
        self.identity = IdentityCollector()

    # -- collecting -------------------------------------------------------------------

    def collect(self, calendar: Component) -> None:
        """Read the VEVENTs of one calendar, skipping unreadable ones."""
        scale = str(calendar.get("CALSCALE", "GREGORIAN")).strip().upper()
        if scale != "GREGORIAN":
            raise CalendarFormatError(
                f"The calendar uses the {scale} calendar scale; only Gregorian calendars "
                "can be imported."
            )
        name = self.identity.add_calendar(calendar)
        calendar, applied = self._standardise(calendar)
        cancelled_file = str(calendar.get("METHOD", "")).strip().upper() == "CANCEL"
        defined = {
            zone_key(str(c.get("TZID", "")))
            for c in calendar.subcomponents
            if c.name == "VTIMEZONE"
        }
        if applied is not None:
            # x-wr-timezone writes this TZID itself; the zone is known, so no warning.
            defined.add(zone_key(applied))
        referenced: dict[str, str] = {}
        for component in calendar.subcomponents:
            if component.name != "VEVENT":
                continue
            self.event_count += 1
            try:
                self.identity.add_event(component, name)
                self._collect_event(component, cancelled_file, referenced)
            except Exception as exc:  # one odd event must not stop the others
                self._skip(component, f"it could not be read ({describe_error(exc)})")
        self._warn_missing_zones(
            sorted(tzid for key, tzid in referenced.items() if key not in defined)
        )

    def _standardise(self, calendar: Component) -> tuple[Component, str | None]:
        """Apply X-WR-TIMEZONE (Google's calendar-wide zone for floating and UTC times).

        Returns:
            The calendar in standard form and the zone name applied (``None`` if none was).
        """
        name = prop(calendar, "X-WR-TIMEZONE")
        if name is None:
            return calendar, None
        zone_name = str(name).strip()
        zone = known_zone(zone_name) if zone_name else None
        if zone is None:
            self._warn(
                f"The calendar's time zone '{zone_name}' (X-WR-TIMEZONE) is not known; "
                f"times without a zone are read in your time zone ({self.zone.key})."
            )
            return calendar, None
        import x_wr_timezone  # heavy: loaded only when importing

        try:
            standard: Component = x_wr_timezone.to_standard(calendar, timezone=zone)
        except Exception as exc:  # a bad value somewhere; fall back to floating times
            self._warn(
                f"The calendar's time zone '{zone_name}' (X-WR-TIMEZONE) could not be "
                f"applied ({describe_error(exc)}); times without a zone are read in your time "
                f"zone ({self.zone.key})."
            )
            return calendar, None
        return standard, str(getattr(zone, "key", zone_name))

    def _collect_event(
        self, component: Component, cancelled_file: bool, tzids: dict[str, str]
    ) -> None:
        problem = timing_problem(component)
        if problem is not None:
            self._skip(component, problem)
            return
        for name in _TZID_PROPERTIES:
            for tzid in tzids_of(component.get(name)):
                tzids.setdefault(zone_key(tzid), tzid)
        uid = event_uid(component)
        summary = prop_text(component, "SUMMARY")
        raw = _Raw(
            component=component,
            uid=uid,
            summary=summary,
            title=summary if self.rules.keep_titles else "",
            recurrence_key=recurrence_key_of(prop(component, "RECURRENCE-ID")),
            sequence=sequence_of(prop(component, "SEQUENCE")) or 0,
            stamp=dtstamp_of(component),
            cancelled_file=cancelled_file,
            all_day=is_date(prop(component, "DTSTART").dt),
        )
        if "SEQUENCE" in component and sequence_of(prop(component, "SEQUENCE")) is None:
            # Only orders revisions; recurring-ical-events would fail on a non-number.
            del component["SEQUENCE"]
            self._warn(f"Event {_label(raw)} has an unreadable SEQUENCE; it was read as 0.")
        if ends_before_start(component, self.zone):
            self._warn(
                f"Event {_label(raw)} ends before it starts; "
                "it was read with start and end swapped."
            )
        self.groups.setdefault(uid, []).append(raw)

    def _warn_missing_zones(self, missing: list[str]) -> None:
        """Warn about each TZID without a VTIMEZONE, saying how its times were read."""
        for tzid in missing:
            zone = known_zone(tzid)
            if zone is not None:
                known = getattr(zone, "key", None) or tzid
                self._warn(
                    f"Time zone '{tzid}' is used but not defined in the file (no VTIMEZONE); "
                    f"it was read as {known}."
                )
            else:
                self._warn(
                    f"Time zone '{tzid}' is used but not defined in the file and is not a "
                    f"known zone; its times were read in your time zone ({self.zone.key})."
                )

    # -- expanding ----------------------------------------------------------------------

    def expand(self) -> None:
        """Expand every UID's series over the requested days and classify the occurrences."""
        if self.event_count == 0:
            self._warn("The calendar has no events.")
        query_start = self.range_start - _RANGE_PADDING
        query_end = self.range_end + _RANGE_PADDING
        for raws in self.groups.values():
            winners = self._drop_duplicates(raws)
            for raw in winners:
                self.by_component[id(raw.component)] = raw
            expanded = self._occurrences(winners, query_start, query_end)
            if expanded is None:
                continue
            self._warn_cut(winners[0], expanded)
            occurrences = expanded.occurrences
            recurring = len(winners) > 1 or any(
                "RRULE" in r.component or "RDATE" in r.component for r in winners
            )
            for occurrence in occurrences:
                try:
                    self._add_occurrence(occurrence, recurring=recurring)
                except Exception as exc:  # a value the checks above did not foresee
                    source = self.by_component.get(id(occurrence.source_adapter.source))
                    if source is not None:
                        self._skip(source.component, _unreadable(exc))
            for raw in winners:
                if not raw.seen:
                    self._add_unseen(raw)

    def _drop_duplicates(self, raws: list[_Raw]) -> list[_Raw]:
        """Keep one version per RECURRENCE-ID; list the others as duplicates.

        The highest SEQUENCE wins; on a tie the later DTSTAMP (RFC 5546 3.2: the newer
        message knows best), then the first in the file.
        """
        best: dict[str | None, _Raw] = {}
        for raw in raws:
            current = best.get(raw.recurrence_key)
            if current is None:
                best[raw.recurrence_key] = raw
                continue
            loser = raw
            if (raw.sequence, raw.stamp) > (current.sequence, current.stamp):
                best[raw.recurrence_key], loser = raw, current
            self._add_duplicate(loser)
        return list(best.values())

    def _occurrences(
        self, winners: list[_Raw], start: dt.datetime, end: dt.datetime
    ) -> Expanded | None:
        """Return the occurrences of one UID, salvaging what can be when some are bad."""
        kit = expansion()
        try:
            return _between(kit, [r.component for r in winners], start, end)
        except Exception as exc:
            failure = exc
        if len(winners) > 1:
            # Find the components that fail on their own and expand the rest together.
            good: list[_Raw] = []
            for raw in winners:
                try:
                    _between(kit, [raw.component], start, end)
                except Exception as exc:
                    self._skip(raw.component, _expansion_problem(exc))
                else:
                    good.append(raw)
            if good and len(good) < len(winners):
                try:
                    return _between(kit, [r.component for r in good], start, end)
                except Exception as exc:
                    failure = exc
            winners = good
        for raw in winners:
            self._skip(raw.component, _expansion_problem(failure))
        return None

    def _warn_cut(self, raw: _Raw, expanded: Expanded) -> None:
        """Say so when an event repeats too often to be read in full."""
        if expanded.capped:
            self._warn(
                translate(
                    "CalendarFile",
                    "Event {event} repeats more than {cap} times in and around the imported "
                    "range; only its first {cap} occurrences there were read.",
                ).format(event=_label(raw), cap=f"{MAX_OCCURRENCES_PER_EVENT:,}")
            )
        if expanded.cut_short:
            self._warn(
                translate(
                    "CalendarFile",
                    "Event {event} repeats too densely to work out in full; only part of it "
                    "was read.",
                ).format(event=_label(raw))
            )

    def _add_occurrence(self, occurrence: Any, *, recurring: bool) -> None:
        adapter = occurrence.source_adapter
        raw = self.by_component[id(adapter.source)]
        all_day = raw.all_day
        start, end = self._span(occurrence.start, occurrence.end)
        first, last = span_days(
            start, end, all_day=all_day, zone=self.zone, day_start_hour=self.rules.day_start_hour
        )
        if last < self.first_day or first > self.last_day:
            return
        raw.seen = True
        if occurrence.requested_start is None:
            recurrence_id = raw.recurrence_key
        elif recurring:
            original = occurrence.requested_start - adapter.move_recurrences_by
            recurrence_id = format_time(original)
        else:
            recurrence_id = None
        reason = self._reason(raw, all_day=all_day, zero_length=start == end)
        self._add_event(raw, start, end, recurrence_id, reason, all_day=all_day)

    def _add_unseen(self, raw: _Raw) -> None:
        """List an event with no occurrence in the range once, unless its start is inside."""
        try:
            adapter = expansion().adapter(raw.component)
            start, end = self._span(adapter.start, adapter.end)
        except Exception:  # the series expanded, so this is not worth a skip entry
            return
        all_day = raw.all_day
        first, last = span_days(
            start, end, all_day=all_day, zone=self.zone, day_start_hour=self.rules.day_start_hour
        )
        if last < self.first_day or first > self.last_day:
            self._add_event(
                raw, start, end, raw.recurrence_key, Exclusion.OUTSIDE_RANGE, all_day=all_day
            )

    def _add_duplicate(self, raw: _Raw) -> None:
        try:
            adapter = expansion().adapter(raw.component)
            start, end = self._span(adapter.start, adapter.end)
        except Exception as exc:
            self._skip(raw.component, f"it could not be read ({describe_error(exc)})")
            return
        all_day = raw.all_day
        self._add_event(raw, start, end, raw.recurrence_key, Exclusion.DUPLICATE, all_day=all_day)

    def _add_event(
        self,
        raw: _Raw,
        start: dt.datetime,
        end: dt.datetime,
        recurrence_id: str | None,
        reason: Exclusion | None,
        *,
        all_day: bool,
    ) -> None:
        self.result.events.append(
            CalendarEvent(
                uid=raw.uid,
                recurrence_id=recurrence_id,
                summary=raw.title,
                start=start,
                end=end,
                sequence=raw.sequence,
                counted=reason is None,
                reason=reason,
                all_day=all_day,
                source=self.source,
            )
        )

    def _reason(self, raw: _Raw, *, all_day: bool, zero_length: bool) -> Exclusion | None:
        """Return the component's exclusion, cached per component (and per zero length)."""
        if zero_length not in raw.reason:
            component = raw.component
            raw.reason[zero_length] = classify(
                all_day=all_day,
                cancelled=raw.cancelled_file or prop_upper(component, "STATUS") == "CANCELLED",
                free=zero_length or is_free(component),
                attendees=list(attendees_of(prop(component, "ATTENDEE"))),
                summary=raw.summary,
                rules=self.rules,
            )
        return raw.reason[zero_length]

    def _span(self, start: Any, end: Any) -> tuple[dt.datetime, dt.datetime]:
        begin = instant(start, self.zone)
        finish = instant(end, self.zone)
        return (begin, finish) if begin <= finish else (finish, begin)

    # -- reporting ----------------------------------------------------------------------

    def _skip(self, component: Component, problem: str) -> None:
        """List ``component`` as skipped (once, however many of its occurrences failed)."""
        if id(component) in self.skipped_components:
            return
        self.skipped_components.add(id(component))
        uid = prop(component, "UID")
        self.result.skipped.append(
            SkippedEvent(
                uid="" if uid is None else str(uid),
                summary=prop_text(component, "SUMMARY") if self.rules.keep_titles else "",
                problem=problem,
                line=self.lines.get(id(component), 0),
            )
        )

    def _warn(self, message: str) -> None:
        _add_warning(self.result.warnings, message)


def _between(
    kit: Expansion, components: list[Component], start: dt.datetime, end: dt.datetime
) -> Expanded:
    return between(kit, components, start, end)


def _expansion_problem(exc: BaseException) -> str:
    return f"its repetition could not be worked out ({describe_error(exc)})"


def _unreadable(exc: BaseException) -> str:
    return f"it could not be read ({describe_error(exc)})"


def _label(raw: _Raw) -> str:
    """Return how warnings name an event: its title (when titles are kept) and UID."""
    return f"'{raw.title}' ({raw.uid})" if raw.title else f"({raw.uid})"
