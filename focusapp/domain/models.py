"""Value types for a day's check-in."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import datetime as dt

#: Fields of a check-in in the order of the CSV/JSON export (``date`` first).
CHECKIN_FIELDS: Final = (
    "date",
    "energy",
    "coding_minutes",
    "meeting_minutes",
    "sleep_hours",
    "stress",
    "meeting_count",
    "back_to_back_count",
    "longest_free_block_minutes",
    "note",
)

#: Fields a user (or an import) may set; everything but the date.
VALUE_FIELDS: Final = CHECKIN_FIELDS[1:]

ENERGY_LABELS: Final = {1: "Drained", 2: "Low", 3: "Okay", 4: "Good", 5: "Energised"}


@dataclass(frozen=True, slots=True)
class CheckIn:
    """One local day's record. ``None`` means "not recorded", never zero.

    Attributes:
        date: The local day (after the day-start rule) this record belongs to.
        energy: 1 (drained) to 5 (energised).
        coding_minutes: Coding or deep technical work.
        meeting_minutes: Time in meetings.
        sleep_hours: Hours slept the night before.
        stress: 1 (calm) to 5 (very stressed).
        meeting_count: Calendar-derived number of meetings.
        back_to_back_count: Calendar-derived meetings starting <= 5 min after the previous ended.
        longest_free_block_minutes: Calendar-derived longest free block inside working hours.
        note: Free text; never used for scoring.
    """

    date: dt.date
    energy: int | None = None
    coding_minutes: int | None = None
    meeting_minutes: int | None = None
    sleep_hours: float | None = None
    stress: int | None = None
    meeting_count: int | None = None
    back_to_back_count: int | None = None
    longest_free_block_minutes: int | None = None
    note: str | None = None

    def merged(self, changes: dict[str, object]) -> CheckIn:
        """Return a copy with ``changes`` applied; fields not in ``changes`` keep their value."""
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def values(self) -> dict[str, object]:
        """Return every field keyed by its export name, the date as a ``date``."""
        return {name: getattr(self, name) for name in CHECKIN_FIELDS}

    @property
    def work_minutes(self) -> int | None:
        """Coding plus meeting time, or ``None`` when neither is recorded."""
        if self.coding_minutes is None and self.meeting_minutes is None:
            return None
        return (self.coding_minutes or 0) + (self.meeting_minutes or 0)
