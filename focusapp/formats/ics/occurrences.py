"""Expanding collected events over the requested days and classifying every occurrence.

Each UID's series is expanded once (its duplicates dropped first, the highest SEQUENCE
winning), every occurrence touching the requested days becomes a
:class:`~focusapp.domain.calendar.CalendarEvent` counted or with the reason it is not, and an
event with no occurrence there is listed once as ``outside_range``. What cannot be expanded
is skipped, salvaging the parts of a series that can.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Final

from focusapp.domain.calendar import (
    CalendarEvent,
    CalendarRules,
    Exclusion,
    classify,
    span_days,
)
from focusapp.domain.days import day_bounds
from focusapp.formats.ics.collect import RawEvent, label
from focusapp.formats.ics.expand import (
    MAX_OCCURRENCES_PER_EVENT,
    Expanded,
    Expansion,
    between,
    expansion,
)
from focusapp.formats.ics.parse import describe_error
from focusapp.formats.ics.values import (
    attendees_of,
    format_time,
    instant,
    is_free,
    prop,
    prop_upper,
)
from focusapp.wording.translate import translate

if TYPE_CHECKING:
    from icalendar import Component

    from focusapp.formats.ics.report import ReadReport

_RANGE_PADDING: Final = dt.timedelta(days=2)


class OccurrenceReader:
    """Expands and classifies the events of one file over the local days requested."""

    def __init__(
        self,
        rules: CalendarRules,
        first_day: dt.date,
        last_day: dt.date,
        source: str,
        report: ReadReport,
    ) -> None:
        self.rules = rules
        self.zone = rules.zone
        self.first_day = first_day
        self.last_day = last_day
        self.source = source
        self.report = report
        self.range_start = day_bounds(first_day, rules.zone, rules.day_start_hour)[0]
        self.range_end = day_bounds(last_day, rules.zone, rules.day_start_hour)[1]
        self.by_component: dict[int, RawEvent] = {}

    def expand(self, groups: dict[str, list[RawEvent]], event_count: int) -> None:
        """Expand every UID's series over the requested days and classify the occurrences.

        Args:
            groups: The events collected, by UID (see :class:`~.collect.EventCollector`).
            event_count: How many VEVENTs the file has, readable or not.
        """
        if event_count == 0:
            self.report.warn("The calendar has no events.")
        query_start = self.range_start - _RANGE_PADDING
        query_end = self.range_end + _RANGE_PADDING
        for raws in groups.values():
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
                        self.report.skip(source.component, _unreadable(exc))
            for raw in winners:
                if not raw.seen:
                    self._add_unseen(raw)

    def _drop_duplicates(self, raws: list[RawEvent]) -> list[RawEvent]:
        """Keep one version per RECURRENCE-ID; list the others as duplicates.

        The highest SEQUENCE wins; on a tie the later DTSTAMP (RFC 5546 3.2: the newer
        message knows best), then the first in the file.
        """
        best: dict[str | None, RawEvent] = {}
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
        self, winners: list[RawEvent], start: dt.datetime, end: dt.datetime
    ) -> Expanded | None:
        """Return the occurrences of one UID, salvaging what can be when some are bad."""
        kit = expansion()
        try:
            return _between(kit, [r.component for r in winners], start, end)
        except Exception as exc:
            failure = exc
        if len(winners) > 1:
            # Find the components that fail on their own and expand the rest together.
            good: list[RawEvent] = []
            for raw in winners:
                try:
                    _between(kit, [raw.component], start, end)
                except Exception as exc:
                    self.report.skip(raw.component, _expansion_problem(exc))
                else:
                    good.append(raw)
            if good and len(good) < len(winners):
                try:
                    return _between(kit, [r.component for r in good], start, end)
                except Exception as exc:
                    failure = exc
            winners = good
        for raw in winners:
            self.report.skip(raw.component, _expansion_problem(failure))
        return None

    def _warn_cut(self, raw: RawEvent, expanded: Expanded) -> None:
        """Say so when an event repeats too often to be read in full."""
        if expanded.capped:
            self.report.warn(
                translate(
                    "CalendarFile",
                    "Event {event} repeats more than {cap} times in and around the imported "
                    "range; only its first {cap} occurrences there were read.",
                ).format(event=label(raw), cap=f"{MAX_OCCURRENCES_PER_EVENT:,}")
            )
        if expanded.cut_short:
            self.report.warn(
                translate(
                    "CalendarFile",
                    "Event {event} repeats too densely to work out in full; only part of it "
                    "was read.",
                ).format(event=label(raw))
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

    def _add_unseen(self, raw: RawEvent) -> None:
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

    def _add_duplicate(self, raw: RawEvent) -> None:
        try:
            adapter = expansion().adapter(raw.component)
            start, end = self._span(adapter.start, adapter.end)
        except Exception as exc:
            self.report.skip(raw.component, f"it could not be read ({describe_error(exc)})")
            return
        all_day = raw.all_day
        self._add_event(raw, start, end, raw.recurrence_key, Exclusion.DUPLICATE, all_day=all_day)

    def _add_event(
        self,
        raw: RawEvent,
        start: dt.datetime,
        end: dt.datetime,
        recurrence_id: str | None,
        reason: Exclusion | None,
        *,
        all_day: bool,
    ) -> None:
        self.report.result.events.append(
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

    def _reason(self, raw: RawEvent, *, all_day: bool, zero_length: bool) -> Exclusion | None:
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


def _between(
    kit: Expansion, components: list[Component], start: dt.datetime, end: dt.datetime
) -> Expanded:
    return between(kit, components, start, end)


def _expansion_problem(exc: BaseException) -> str:
    return f"its repetition could not be worked out ({describe_error(exc)})"


def _unreadable(exc: BaseException) -> str:
    return f"it could not be read ({describe_error(exc)})"
