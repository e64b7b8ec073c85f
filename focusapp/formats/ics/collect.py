"""Collecting the VEVENTs of a calendar file: what each one is before it is expanded.

Every readable event becomes a :class:`RawEvent`, grouped by UID so the occurrences of one
series (its overrides included) are expanded together in :mod:`.occurrences`. An event that
cannot be read is skipped on its own, with the reason, and the others are read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from focusapp.formats.ics.identity import IdentityCollector
from focusapp.formats.ics.parse import describe_error
from focusapp.formats.ics.report import CalendarFormatError
from focusapp.formats.ics.values import (
    dtstamp_of,
    ends_before_start,
    event_uid,
    is_date,
    known_zone,
    prop,
    prop_text,
    recurrence_key_of,
    sequence_of,
    timing_problem,
    tzids_of,
    zone_key,
)

if TYPE_CHECKING:
    import datetime as dt

    from icalendar import Component

    from focusapp.domain.calendar import CalendarRules, Exclusion
    from focusapp.formats.ics.report import ReadReport

_TZID_PROPERTIES: Final = ("DTSTART", "DTEND", "RECURRENCE-ID", "RDATE", "EXDATE")


@dataclass(slots=True)
class RawEvent:
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


class EventCollector:
    """Collects the events of one or more calendars, grouped by UID, for expansion.

    Attributes:
        groups: Every readable event, by UID, in file order.
        event_count: How many VEVENTs were found, readable or not.
        identity: Who the file seems to belong to, tallied while collecting.
    """

    def __init__(self, rules: CalendarRules, report: ReadReport) -> None:
        self.rules = rules
        self.zone = rules.zone
        self.report = report
        self.groups: dict[str, list[RawEvent]] = {}
        self.event_count = 0
        self.identity = IdentityCollector()

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
                self.report.skip(component, f"it could not be read ({describe_error(exc)})")
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
            self.report.warn(
                f"The calendar's time zone '{zone_name}' (X-WR-TIMEZONE) is not known; "
                f"times without a zone are read in your time zone ({self.zone.key})."
            )
            return calendar, None
        import x_wr_timezone  # heavy: loaded only when importing

        try:
            standard: Component = x_wr_timezone.to_standard(calendar, timezone=zone)
        except Exception as exc:  # a bad value somewhere; fall back to floating times
            self.report.warn(
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
            self.report.skip(component, problem)
            return
        for name in _TZID_PROPERTIES:
            for tzid in tzids_of(component.get(name)):
                tzids.setdefault(zone_key(tzid), tzid)
        uid = event_uid(component)
        summary = prop_text(component, "SUMMARY")
        raw = RawEvent(
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
            self.report.warn(f"Event {label(raw)} has an unreadable SEQUENCE; it was read as 0.")
        if ends_before_start(component, self.zone):
            self.report.warn(
                f"Event {label(raw)} ends before it starts; it was read with start and end swapped."
            )
        self.groups.setdefault(uid, []).append(raw)

    def _warn_missing_zones(self, missing: list[str]) -> None:
        """Warn about each TZID without a VTIMEZONE, saying how its times were read."""
        for tzid in missing:
            zone = known_zone(tzid)
            if zone is not None:
                known = getattr(zone, "key", None) or tzid
                self.report.warn(
                    f"Time zone '{tzid}' is used but not defined in the file (no VTIMEZONE); "
                    f"it was read as {known}."
                )
            else:
                self.report.warn(
                    f"Time zone '{tzid}' is used but not defined in the file and is not a "
                    f"known zone; its times were read in your time zone ({self.zone.key})."
                )


def label(raw: RawEvent) -> str:
    """Return how warnings name an event: its title (when titles are kept) and UID."""
    return f"'{raw.title}' ({raw.uid})" if raw.title else f"({raw.uid})"
