"""The rules of an import: which settings and which range of days a calendar file is read with.

:class:`~focusapp.services.calendar.service.CalendarService` reads and stores files; this
module decides what it reads them under, so the command line, the window and the sync of
watched files all agree on the meeting rules and on the range an import speaks for.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from focusapp.domain.calendar import CalendarRules
from focusapp.formats.ics.expand import MAX_RANGE_YEARS
from focusapp.services.calendar.local_files import CalendarImportError
from focusapp.services.calendar.store import CalendarImportReport, RangeOrigin, load_report

if TYPE_CHECKING:
    from collections.abc import Iterable
    from zoneinfo import ZoneInfo

    from focusapp.settings.values import Settings
    from focusapp.storage.calendar_repository import CalendarRepository, StoredSource

#: Days before today that an import without ``--from`` reads (one year of history).
DEFAULT_DAYS_BACK: Final = 365
#: Days after today that an import without ``--to`` reads (meetings already booked).
DEFAULT_DAYS_AHEAD: Final = 28


@dataclass(frozen=True, slots=True)
class SyncOutcome:
    """One file's result in :meth:`CalendarService.sync`.

    Attributes:
        path: The path as given (or as stored).
        report: The import report, or ``None`` when it failed.
        error: Why it failed, for people; ``None`` on success.
    """

    path: str
    report: CalendarImportReport | None
    error: str | None = None


def calendar_rules(
    settings: Settings, zone: ZoneInfo, extra_addresses: Iterable[str] = ()
) -> CalendarRules:
    """Return the meeting rules the settings describe, plus addresses given for one file."""
    return CalendarRules(
        zone=zone,
        my_addresses=frozenset(settings.calendar_my_addresses) | frozenset(extra_addresses),
        work_hours=settings.calendar_work_hours,
        not_meeting_patterns=settings.calendar_not_meeting_patterns,
        only_with_attendees=settings.calendar_only_with_attendees,
        day_start_hour=settings.day_start_hour,
        keep_titles=settings.calendar_keep_titles,
    )


def default_range(today: dt.date) -> tuple[dt.date, dt.date]:
    """Return the days an import reads when none are given: a year back to 4 weeks ahead."""
    return today - dt.timedelta(days=DEFAULT_DAYS_BACK), today + dt.timedelta(
        days=DEFAULT_DAYS_AHEAD
    )


def import_range(
    first: dt.date | None, last: dt.date | None, stored: StoredSource | None, today: dt.date
) -> tuple[dt.date, dt.date, RangeOrigin]:
    """Return the days an import reads and where that range came from.

    A missing end comes from :func:`default_range`; with no end given, a file imported
    before over a wider range keeps that range too, so a rolling re-import never drops
    history.

    Raises:
        CalendarImportError: If the range ends before it starts or is too long to read.
    """
    default_first, default_last = default_range(today)
    if first is not None or last is not None:
        first = first if first is not None else default_first
        last = last if last is not None else default_last
        origin = RangeOrigin.GIVEN
    elif stored is not None and (
        stored.first_day < default_first or stored.last_day > default_last
    ):
        first = min(stored.first_day, default_first)
        last = max(stored.last_day, default_last)
        origin = RangeOrigin.WIDENED
    else:
        first, last, origin = default_first, default_last, RangeOrigin.DEFAULT
    if last < first:
        raise CalendarImportError(
            f"The range {first} to {last} ends before it starts; give both --from and --to."
        )
    if (last - first).days > MAX_RANGE_YEARS * 366:
        raise CalendarImportError(
            f"The range {first} to {last} is longer than {MAX_RANGE_YEARS} years; "
            "import a shorter period."
        )
    return first, last, origin


def forget_titles(repo: CalendarRepository, source: StoredSource) -> None:
    """Blank the titles stored for ``source``: its events, skipped events and warnings.

    Used for a file that is gone, so cannot be re-read under ``calendar.keep_titles`` off;
    the fingerprint stays as it was, so the file is still re-read should it come back.
    """
    events = repo.events_of(source.id)
    if any(event.summary for event in events):
        repo.replace_events(source.id, [dataclasses.replace(e, summary="") for e in events])
    report = load_report(source.report)
    skipped = report.get("skipped", [])
    warnings = report.get("warnings", [])
    if not isinstance(skipped, list) or not isinstance(warnings, list):
        return
    report["skipped"] = [
        [item[0], "", *item[2:]] for item in skipped if isinstance(item, list) and item
    ]
    # Warnings naming an event quote its title right after "Event ".
    report["warnings"] = [w for w in warnings if not str(w).startswith("Event '")]
    if report != load_report(source.report):
        repo.save_source(
            path=source.path,
            imported_at=source.imported_at,
            first_day=source.first_day,
            last_day=source.last_day,
            content_sha256=source.content_sha256,
            rules_key=source.rules_key,
            extra_addresses=source.extra_addresses,
            report=json.dumps(report, ensure_ascii=False),
        )
