"""What an import of check-ins would do to the stored days, decided before anything is written.

An import never silently replaces what the user typed since the file was made: days the file
adds are added, days it holds exactly as stored are left alone, and a day whose stored values
differ from the file is a *difference* the user must decide on (the file wins, or the stored
days win). Comparison is with the day's effective values (typed over derived), so re-importing
one's own export changes nothing, and a day that only has derived values (focus sessions,
calendar) counts as new: nothing the user typed can be lost there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Mapping

    from focusapp.domain.models import CheckIn
    from focusapp.domain.sources import DaySources


class ImportChoice(StrEnum):
    """What to do with days whose stored values differ from the file."""

    ASK = "ask"  # change nothing and report the differences
    OVERWRITE = "overwrite"  # the file wins, field by field
    KEEP = "keep"  # the stored days win; only new days are added


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """The import's effect, day by day.

    Attributes:
        new: Days to add, each with the fields to write.
        same: Days the file holds exactly as stored.
        different: Days whose stored values differ, each with the file's differing fields.
    """

    new: dict[dt.date, dict[str, object]] = field(default_factory=dict)
    same: list[dt.date] = field(default_factory=list)
    different: dict[dt.date, dict[str, object]] = field(default_factory=dict)

    def writes(self, choice: ImportChoice) -> dict[dt.date, dict[str, object]]:
        """Return the fields to write per day under ``choice``.

        Raises:
            ValueError: For :attr:`ImportChoice.ASK` while there are differences.
        """
        if self.different and choice is ImportChoice.ASK:
            raise ValueError("differences need a choice")
        if choice is ImportChoice.OVERWRITE:
            return {**self.new, **self.different}
        return dict(self.new)


def plan_import(
    rows: Iterable[tuple[CheckIn, frozenset[str]]], stored: Mapping[dt.date, DaySources]
) -> ImportPlan:
    """Return what importing ``rows`` (each a day and the fields the file gave) would do.

    ``stored`` holds the sources of every stored day the file names; a day missing from it
    has no data at all.
    """
    plan = ImportPlan()
    for incoming, given in rows:
        sources = stored.get(incoming.date)
        effective = sources.effective if sources is not None else None
        changed = {
            name: getattr(incoming, name)
            for name in sorted(given)
            if effective is None or getattr(effective, name) != getattr(incoming, name)
        }
        if not changed:
            plan.same.append(incoming.date)
        elif sources is None or sources.typed is None:
            plan.new[incoming.date] = changed
        else:
            plan.different[incoming.date] = changed
    return plan
