"""Storing one calendar read: its events replace the source's, and the day numbers follow.

Shared by every way events reach FocusApp (an imported or watched .ics file, a vdir, an
Evolution cache), so all of them are stored, de-duplicated and summarised the same way: in
one ``BEGIN IMMEDIATE`` transaction that replaces the source's events (tagged with its
path in ``calendar_sources``) and rewrites the day numbers the change touches.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from focusapp.domain.calendar import (
    CalendarDay,
    CalendarEvent,
    CalendarRules,
    Exclusion,
    event_days,
    summarise_days,
)
from focusapp.domain.days import day_bounds
from focusapp.domain.exclusions import apply_exclusions
from focusapp.domain.identity import IdentityTally
from focusapp.formats.ics.report import SkippedEvent
from focusapp.storage.calendar_repository import CalendarRepository, StoredSource
from focusapp.storage.errors import storage_errors
from focusapp.storage.exclusions_repository import ExclusionRepository

if TYPE_CHECKING:
    from collections.abc import Iterable

    from focusapp.formats.ics.report import CalendarReadResult
    from focusapp.storage.db import Sessions

#: Bumped when reading or classifying changes, so stored imports are redone once.
IMPORT_FORMAT: Final = 1
#: Padding around a day when fetching events, wide enough for the day-start hour and for
#: all-day events, which begin at local midnight.
EVENT_PAD: Final = dt.timedelta(days=1)
#: Reasons decided within one file that take an event out of the cross-file comparison.
_NOT_LIVE: Final = frozenset({Exclusion.DUPLICATE, Exclusion.OUTSIDE_RANGE, Exclusion.UNREADABLE})


class RangeOrigin(StrEnum):
    """Where an import's range came from."""

    GIVEN = "given"
    DEFAULT = "default"
    WIDENED = "widened"


@dataclass(frozen=True, slots=True)
class CalendarImportReport:
    """What one import read and changed.

    Attributes:
        path: The file's resolved absolute path (it names the source).
        first_day: First local day read.
        last_day: Last local day read.
        range_origin: Whether the range was given, the default, or the default widened to
            cover an earlier import of the same file.
        unchanged: The file, settings and range were as at the last import: nothing was
            read or written (the counts are those of that import).
        replaced: The file had been imported before and its events were replaced.
        meetings_counted: Occurrences from this file that count as meetings.
        meeting_days: Local days with at least one of those meetings.
        days_changed: Days whose meeting figures this import changed (a day that only
            became covered, without meetings before or after, is not one of them).
        left_out: Occurrences left out, by reason (every reason present, in a fixed order).
        skipped: Events that could not be read or expanded (UID, summary, problem).
        warnings: Things worth knowing that did not stop the import.
        identity: Who the file seems to belong to (addresses and counts; never stored);
            empty when the file was not read (``unchanged``).
    """

    path: str
    first_day: dt.date
    last_day: dt.date
    range_origin: RangeOrigin
    unchanged: bool
    replaced: bool
    meetings_counted: int
    meeting_days: int
    days_changed: int
    left_out: dict[Exclusion, int]
    skipped: tuple[SkippedEvent, ...]
    warnings: tuple[str, ...]
    identity: IdentityTally = field(default_factory=IdentityTally)

    @property
    def left_out_total(self) -> int:
        """Return how many occurrences were left out, whatever the reason."""
        return sum(self.left_out.values())

    @property
    def name(self) -> str:
        """Return the file name, for short messages."""
        return Path(self.path).name


@dataclass(frozen=True, slots=True)
class ReadToStore:
    """One source's fresh read, with what identifies it.

    Attributes:
        key: The source's resolved absolute path (names its ``calendar_sources`` row).
        result: The events, skipped events and warnings read.
        first_day: First local day read.
        last_day: Last local day read.
        origin: Where the range came from.
        digest: A fingerprint of what was read (file hash, or a vdir's item stamps).
        rules_key: Fingerprint of the settings the events were classified with.
        extras: The user's addresses given for this source only.
    """

    key: str
    result: CalendarReadResult
    first_day: dt.date
    last_day: dt.date
    origin: RangeOrigin
    digest: str
    rules_key: str
    extras: tuple[str, ...] = ()


def rules_key(rules: CalendarRules) -> str:
    """Return a fingerprint of everything that decides how a file's events are stored."""
    parts: tuple[str, ...] = (
        f"format={IMPORT_FORMAT}",
        f"zone={rules.zone.key}",
        f"day_start={rules.day_start_hour}",
        f"work={rules.work_hours[0].isoformat()}-{rules.work_hours[1].isoformat()}",
        "patterns=" + "\x1f".join(sorted(rules.not_meeting_patterns)),
        f"attendees={rules.only_with_attendees}",
        "me=" + "\x1f".join(sorted(rules.my_addresses)),
    )
    if not rules.keep_titles:
        # Only when off, so turning it on again (or never touching it) re-reads nothing
        # that was stored with titles; turning it off re-reads every file at the next sync.
        parts = (*parts, "titles=none")
    return hashlib.sha256("\x1e".join(parts).encode()).hexdigest()


def store_read(
    sessions: Sessions, read: ReadToStore, rules: CalendarRules, now: dt.datetime
) -> CalendarImportReport:
    """Replace the source's stored events with ``read`` and rewrite the changed days.

    Raises:
        StorageError: If the database cannot be written. Nothing was written.
    """
    first, last, result = read.first_day, read.last_day, read.result
    with storage_errors(), sessions.begin() as session:
        repo = CalendarRepository(session)
        # The user's exclusions change the counts reported, never the events stored.
        seen = apply_exclusions(result.events, ExclusionRepository(session).all())
        counted = [e for e in seen if e.counted]
        meeting_days = {
            day for event in counted for day in _days_of(event, rules) if first <= day <= last
        }
        left_out = _ordered_counts(e.reason for e in seen if e.reason is not None)
        summary_json = json.dumps(
            {
                "meetings_counted": len(counted),
                "meeting_days": len(meeting_days),
                "left_out": {str(k): v for k, v in left_out.items()},
                "skipped": [[s.uid, s.summary, s.problem, s.line] for s in result.skipped],
                "warnings": list(result.warnings),
            },
            ensure_ascii=False,
        )
        before = repo.source(read.key)
        source = repo.save_source(
            path=read.key,
            imported_at=now,
            first_day=first,
            last_day=last,
            content_sha256=read.digest,
            rules_key=read.rules_key,
            extra_addresses=read.extras,
            report=summary_json,
        )
        repo.replace_events(source.id, result.events)
        ranges = [(first, last)]
        if before is not None:
            ranges.append((before.first_day, before.last_day))
        changed: set[dt.date] = set()
        recompute_days(repo, rules, ranges, figures=changed)
    return CalendarImportReport(
        path=read.key,
        first_day=first,
        last_day=last,
        range_origin=read.origin,
        unchanged=False,
        replaced=before is not None,
        meetings_counted=len(counted),
        meeting_days=len(meeting_days),
        days_changed=len(changed),
        left_out=left_out,
        skipped=tuple(result.skipped),
        warnings=tuple(result.warnings),
        identity=result.identity,
    )


def load_report(text: str) -> dict[str, Any]:
    """Return a stored import report as a dict (empty when it is not valid JSON)."""
    try:
        loaded = json.loads(text)
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def report_from_json(stored: StoredSource, origin: RangeOrigin) -> CalendarImportReport:
    """Return the report of the stored import, for a re-read that found nothing new."""
    data = load_report(stored.report)
    left_out: dict[Exclusion, int] = {}
    raw_left_out = data.get("left_out", {})
    for reason in Exclusion:
        count = raw_left_out.get(str(reason), 0) if isinstance(raw_left_out, dict) else 0
        if count:
            left_out[reason] = int(count)
    skipped = tuple(
        SkippedEvent(
            uid=str(item[0]),
            summary=str(item[1]),
            problem=str(item[2]),
            line=item[3] if len(item) == 4 and isinstance(item[3], int) else 0,
        )
        for item in data.get("skipped", [])
        if isinstance(item, list) and len(item) in (3, 4)
    )
    return CalendarImportReport(
        path=stored.path,
        first_day=stored.first_day,
        last_day=stored.last_day,
        range_origin=origin,
        unchanged=True,
        replaced=True,
        meetings_counted=int(data.get("meetings_counted", 0)),
        meeting_days=int(data.get("meeting_days", 0)),
        days_changed=0,
        left_out=left_out,
        skipped=skipped,
        warnings=tuple(str(w) for w in data.get("warnings", [])),
    )


def recompute_days(
    repo: CalendarRepository,
    rules: CalendarRules,
    ranges: list[tuple[dt.date, dt.date]],
    *,
    figures: set[dt.date] | None = None,
) -> set[dt.date]:
    """Re-summarise every day in ``ranges`` from all sources; return the changed days.

    Days no source covers lose their numbers; only rows that differ are written. The
    user's exclusions are applied here, so every import, re-import and removal honours them.

    Args:
        repo: The calendar tables, in the caller's transaction.
        rules: The settings the numbers are worked out with.
        ranges: The days to re-summarise.
        figures: When given, receives the days whose meeting figures changed for people:
            a day that merely becomes covered (or uncovered) without any meeting is not
            one of them, so a first import of a quiet range reports only its meeting days.
    """
    coverage = repo.coverage()
    exclusions = ExclusionRepository(repo.session).all()
    changed: set[dt.date] = set()
    for first, last in merge_ranges(ranges):
        start = day_bounds(first, rules.zone, rules.day_start_hour)[0]
        end = day_bounds(last, rules.zone, rules.day_start_hour)[1]
        # Only counted events make numbers; copies that outrank them (a cancellation in a
        # newer file) are looked up by UID whatever their status.
        window = repo.events_between(start - EVENT_PAD, end + EVENT_PAD, counted_only=True)
        events = apply_exclusions(resolve_copies(repo, window), exclusions)
        fresh = summarise_days(events, rules, first, last)
        empty = summarise_days((), rules, first, last)
        old = repo.days_between(first, last)
        updates: dict[dt.date, CalendarDay | None] = {}
        for day, summary in fresh.items():
            wanted = summary if any(a <= day <= b for a, b in coverage) else None
            if old.get(day) != wanted:
                updates[day] = wanted
                if figures is not None and (old.get(day) or empty[day]) != (wanted or empty[day]):
                    figures.add(day)
        repo.set_days(updates)
        changed.update(updates)
    return changed


def _days_of(event: CalendarEvent, rules: CalendarRules) -> Iterable[dt.date]:
    first, last = event_days(event, rules)
    day = first
    while day <= last:
        yield day
        day += dt.timedelta(days=1)


def _ordered_counts(reasons: Iterable[Exclusion]) -> dict[Exclusion, int]:
    counts = Counter(reasons)
    return {reason: counts[reason] for reason in Exclusion if counts[reason]}


def merge_ranges(ranges: Iterable[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    """Return the ranges sorted, with overlapping and adjacent ones joined."""
    merged: list[tuple[dt.date, dt.date]] = []
    for first, last in sorted(ranges):
        if merged and first <= merged[-1][1] + dt.timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def resolve_copies(
    repo: CalendarRepository, pairs: list[tuple[int, CalendarEvent]]
) -> list[CalendarEvent]:
    """Return the events with copies from other files marked as duplicates.

    A copy is the same UID and RECURRENCE-ID in another source. The winner has the highest
    SEQUENCE, then comes from the source whose events changed most recently (the newest
    export knows best); copies are looked up in every source, wherever they lie in time,
    so a meeting moved in a newer file is not also counted at its old time.
    """
    if not pairs:
        return []
    sources = repo.sources()
    if len(sources) < 2:
        return [event for _, event in pairs]
    rank = {
        s.id: position
        for position, s in enumerate(sorted(sources, key=lambda s: (s.imported_at, s.id)))
    }
    uids = {event.uid for _, event in pairs if event.reason not in _NOT_LIVE}
    best: dict[tuple[str, str | None], tuple[int, int, int]] = {}
    sources_of: dict[tuple[str, str | None], set[int]] = {}
    for source_id, event in repo.events_with_uids(uids):
        if event.reason in _NOT_LIVE:
            continue
        key = (event.uid, event.recurrence_id)
        sources_of.setdefault(key, set()).add(source_id)
        candidate = (event.sequence, rank[source_id], source_id)
        if key not in best or candidate > best[key]:
            best[key] = candidate
    resolved: list[CalendarEvent] = []
    for source_id, event in pairs:
        key = (event.uid, event.recurrence_id)
        if (
            event.reason not in _NOT_LIVE
            and len(sources_of.get(key, ())) > 1
            and best[key][2] != source_id
        ):
            event = dataclasses.replace(event, counted=False, reason=Exclusion.DUPLICATE)
        resolved.append(event)
    return resolved
