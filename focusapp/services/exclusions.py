"""Exclude an event or a series from counting, or count it again: the day numbers follow.

The exclusion and the day numbers it changes are written in one ``BEGIN IMMEDIATE``
transaction (``Sessions.begin()``), so the numbers never disagree with the audit. Days are
re-summarised by :func:`~focusapp.services.calendar.store.recompute_days`, which applies the
exclusions on every import too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from focusapp.domain.calendar import event_days
from focusapp.domain.exclusions import overlaps
from focusapp.services.calendar.store import merge_ranges, recompute_days
from focusapp.storage.calendar_repository import CalendarRepository
from focusapp.storage.errors import storage_errors
from focusapp.storage.exclusions_repository import ExclusionRepository
from focusapp.wording.translate import translate

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence
    from zoneinfo import ZoneInfo

    from focusapp.domain.calendar import CalendarEvent, CalendarRules
    from focusapp.domain.exclusions import UserExclusion
    from focusapp.storage.db import Sessions

_CONTEXT: Final = "CalendarAudit"


def _affected_days(
    repo: CalendarRepository, exclusion: UserExclusion, rules: CalendarRules
) -> list[tuple[dt.date, dt.date]]:
    """Return the day ranges of every stored event the exclusion covers, in any file."""
    spans = [
        event_days(event, rules)
        for _, event in repo.events_with_uids({exclusion.uid})
        if exclusion.covers(event)
    ]
    return merge_ranges(spans)


def change_exclusion(
    sessions: Sessions,
    rules: CalendarRules,
    exclusion: UserExclusion,
    *,
    excluded: bool,
    now: dt.datetime,
) -> set[dt.date] | None:
    """Add (``excluded``) or remove an exclusion and rewrite the days it changes.

    Returns:
        The days whose stored numbers changed, or ``None`` when the exclusion was already
        as asked (nothing was written).

    Raises:
        StorageError: If the database cannot be written. Nothing was written.
    """
    with storage_errors(), sessions.begin() as session:
        store = ExclusionRepository(session)
        done = store.add(exclusion, now) if excluded else store.remove(exclusion)
        if not done:
            return None
        repo = CalendarRepository(session)
        return recompute_days(repo, rules, _affected_days(repo, exclusion, rules))


def exclusions(sessions: Sessions) -> frozenset[UserExclusion]:
    """Return every exclusion the user made."""
    with storage_errors(), sessions() as session:
        return ExclusionRepository(session).all()


def exclusions_document(sessions: Sessions) -> list[dict[str, object]]:
    """Return the exclusions as plain JSON values, for the export (oldest first)."""
    with storage_errors(), sessions() as session:
        listed = ExclusionRepository(session).listed()
    return [
        {
            "uid": exclusion.uid,
            "recurrence_id": exclusion.recurrence_id,
            "series": exclusion.series,
            "excluded_at": when.isoformat(),
        }
        for exclusion, when in listed
    ]


def overlap_notes(events: Sequence[CalendarEvent], zone: ZoneInfo, untitled: str) -> list[str]:
    """Return, per event, a note on the counted events it overlaps ("" when none).

    For example "overlaps 10:00-10:30 with Standup; counted once": the shared time adds to
    the day's meeting time only once, which is what people wonder about when two rows
    together seem to exceed the day's total.
    """
    notes = []
    for found in overlaps(events):
        if not found:
            notes.append("")
            continue
        parts = [
            translate(_CONTEXT, "{start}-{end} with {title}").format(
                start=f"{o.start.astimezone(zone):%H:%M}",
                end=f"{o.end.astimezone(zone):%H:%M}",
                title=o.other.summary or untitled,
            )
            for o in found
        ]
        notes.append(
            translate(_CONTEXT, "overlaps {parts}; counted once").format(parts=", ".join(parts))
        )
    return notes
