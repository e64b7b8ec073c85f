"""Storage of the kept "what if" plan and the weekly reflections (a session in, no commit)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import delete, select

from focusapp.domain.forecast import Choice, PlanChoice
from focusapp.storage.tables import PlanChoiceRow, WeekReflectionRow

if TYPE_CHECKING:
    import datetime as dt

    from sqlalchemy.orm import Session


class PlanRepository:
    """The kept plan: at most one choice per meeting series."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def choices(self) -> list[PlanChoice]:
        """Return the kept choices, oldest first."""
        rows = self._session.scalars(select(PlanChoiceRow).order_by(PlanChoiceRow.id))
        return [PlanChoice(r.series_id, Choice(r.choice), r.minutes) for r in rows]

    def put(self, choice: PlanChoice, now: dt.datetime) -> None:
        """Keep ``choice``, replacing an earlier choice about the same series."""
        row = self._session.scalar(
            select(PlanChoiceRow).where(PlanChoiceRow.series_id == choice.series_id)
        )
        if row is None:
            row = PlanChoiceRow(series_id=choice.series_id)
            self._session.add(row)
        row.choice = str(choice.choice)
        row.minutes = choice.minutes
        row.updated_at = now

    def remove(self, series_id: str) -> bool:
        """Forget the choice about ``series_id``; return whether there was one."""
        result = self._session.execute(
            delete(PlanChoiceRow).where(PlanChoiceRow.series_id == series_id)
        )
        return bool(getattr(result, "rowcount", 0))

    def clear(self) -> int:
        """Forget every choice; return how many there were."""
        result = self._session.execute(delete(PlanChoiceRow))
        return int(getattr(result, "rowcount", 0) or 0)


class ReflectionRepository:
    """One short reflection per ISO week, keyed by its Monday."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, week_start: dt.date) -> str | None:
        """Return the reflection on the week starting ``week_start``, if any."""
        return self._session.scalar(
            select(WeekReflectionRow.text).where(WeekReflectionRow.week_start == week_start)
        )

    def put(self, week_start: dt.date, text: str, now: dt.datetime) -> None:
        """Keep ``text`` as the week's reflection, replacing an earlier one."""
        row = self._session.scalar(
            select(WeekReflectionRow).where(WeekReflectionRow.week_start == week_start)
        )
        if row is None:
            row = WeekReflectionRow(week_start=week_start)
            self._session.add(row)
        row.text = text
        row.updated_at = now

    def delete(self, week_start: dt.date) -> bool:
        """Remove the week's reflection; return whether there was one."""
        result = self._session.execute(
            delete(WeekReflectionRow).where(WeekReflectionRow.week_start == week_start)
        )
        return bool(getattr(result, "rowcount", 0))

    def all(self) -> dict[dt.date, str]:
        """Return every reflection by week, oldest first (for the export)."""
        rows = self._session.execute(
            select(WeekReflectionRow.week_start, WeekReflectionRow.text).order_by(
                WeekReflectionRow.week_start
            )
        )
        return {row.week_start: row.text for row in rows}
