"""Check-in use cases: record a day, edit, delete, list and import, each in one transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from focusapp.domain.days import local_day
from focusapp.domain.imports import ImportChoice, ImportPlan, plan_import
from focusapp.domain.models import VALUE_FIELDS, CheckIn
from focusapp.domain.sources import (
    COMMIT_PAD,
    DayRules,
    DaySources,
    DerivedDay,
    derive_days,
    focus_window,
    merge,
    merge_all,
)
from focusapp.domain.validation import CheckInInvalidError, Problem, problems_in, validate
from focusapp.storage.calendar_repository import CalendarRepository
from focusapp.storage.errors import storage_errors
from focusapp.storage.repositories import CheckInRepository, FocusSessionRepository
from focusapp.storage.sources_repository import CodingRepository

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Collection, Iterable, Mapping
    from zoneinfo import ZoneInfo

    from sqlalchemy.orm import Session

    from focusapp.domain.clock import Clock
    from focusapp.storage.db import Sessions


class ImportConflictError(ValueError):
    """Stored days differ from the file and no choice was made; nothing was written.

    Attributes:
        plan: What the import found (new, same and different days).
    """

    def __init__(self, plan: ImportPlan) -> None:
        super().__init__(f"{len(plan.different)} stored days differ from the file")
        self.plan = plan


class CheckInService:
    """Records and reads daily check-ins.

    Attributes:
        clock: Where "now" comes from.
        zone: The user's IANA time zone.
    """

    def __init__(
        self,
        sessions: Sessions,
        clock: Clock,
        zone: ZoneInfo,
        day_start_hour: Callable[[], int],
    ) -> None:
        self._sessions = sessions
        self.clock = clock
        self.zone = zone
        self._day_start_hour = day_start_hour
        self._listeners: list[Callable[[dt.date | None], None]] = []
        #: Called before an import overwrites stored days (a backup; see bootstrap).
        self.backup_before_overwrite: Callable[[], object] | None = None

    def today(self) -> dt.date:
        """Return the user's current day under the day-start rule."""
        return local_day(self.clock.now(), self.zone, self._day_start_hour())

    def on_change(self, listener: Callable[[dt.date | None], None]) -> None:
        """Call ``listener(day)`` after every committed change; ``None`` means many days."""
        self._listeners.append(listener)

    @property
    def day_start_hour(self) -> int:
        """The hour at which the user's day begins."""
        return self._day_start_hour()

    def get(self, day: dt.date) -> CheckIn | None:
        """Return the day's effective record (typed values over derived ones), if any."""
        sources = self.sources(day)
        if sources.typed is None and sources.derived is None:
            return None
        return sources.effective

    def sources(self, day: dt.date) -> DaySources:
        """Return what was typed for ``day``, what was derived, and the merged record."""
        with storage_errors(), self._sessions() as session:
            typed = CheckInRepository(session).get(day)
            derived = self._derived(session, day, day, keep={day}).get(day)
        return merge(day, typed, derived)

    def record(self, day: dt.date | None, changes: Mapping[str, object]) -> CheckIn:
        """Create or update a day, changing exactly the fields in ``changes``.

        One ``BEGIN IMMEDIATE`` transaction: the stored day is read under the write lock,
        the merged day is validated, and only the given fields are written, so a concurrent
        writer of other fields (the window, another command, the tray) never loses a value.

        Raises:
            CheckInInvalidError: If the merged day is invalid; nothing is written.
        """
        unknown = set(changes) - set(VALUE_FIELDS)
        if unknown:
            raise ValueError(f"unknown check-in fields: {', '.join(sorted(unknown))}")
        target = self.today() if day is None else day
        with storage_errors(), self._sessions.begin() as session:
            repo = CheckInRepository(session)
            current = repo.get(target) or CheckIn(date=target)
            merged = validate(current.merged(dict(changes)), self.today())
            repo.update_fields(target, changes, self.zone.key, self.clock.now())
        self._notify(target)
        return self.get(target) or merged

    def save_edit(self, original: CheckIn | None, edited: CheckIn) -> CheckIn:
        """Save a form: write only the fields the user changed from what the form showed.

        ``original`` is the typed record the form was filled with (``None`` for a new day).
        A field changed meanwhile by another process and left alone in the form keeps that
        other value.

        Raises:
            CheckInInvalidError: If the merged day is invalid; nothing is written.
        """
        base = original if original is not None and original.date == edited.date else None
        base = base or CheckIn(date=edited.date)
        changes = {
            name: getattr(edited, name)
            for name in VALUE_FIELDS
            if getattr(edited, name) != getattr(base, name)
        }
        return self.record(edited.date, changes)

    def delete(self, day: dt.date) -> bool:
        """Delete a day; return whether it existed."""
        with storage_errors(), self._sessions.begin() as session:
            existed = CheckInRepository(session).delete(day)
        if existed:
            self._notify(day)
        return existed

    def days(self, first: dt.date | None = None, last: dt.date | None = None) -> list[CheckIn]:
        """Return effective records of days in ``[first, last]`` with any data, by date."""
        with storage_errors(), self._sessions() as session:
            typed = {c.date: c for c in CheckInRepository(session).between(first, last)}
            derived = self._derived(session, first, last, keep=typed.keys())
        return merge_all(typed, derived)

    def span(self) -> tuple[dt.date, dt.date] | None:
        """Return the first and last day with any data, or ``None``."""
        days = self.days()
        if not days:
            return None
        return days[0].date, days[-1].date

    def _derived(
        self,
        session: Session,
        first: dt.date | None,
        last: dt.date | None,
        keep: Collection[dt.date] = (),
    ) -> dict[dt.date, DerivedDay]:
        """Work out coding time (focus sessions, commits) and meeting figures (calendars).

        Calendar days without meetings are kept only for days with other data or in
        ``keep`` (see :func:`focusapp.domain.sources.with_calendar_days`).
        """
        rules = DayRules(self.zone, self._day_start_hour())
        now = self.clock.now()
        repo = FocusSessionRepository(session)
        coding = CodingRepository(session)
        if first is None and last is None:
            focus = repo.all()
            commits = coding.commits_between()
            activity = coding.intervals_between()
        else:
            lo, hi = focus_window(first, last, rules, now)
            focus = repo.overlapping(lo, hi)
            commits = coding.commits_between(
                None if first is None else lo - COMMIT_PAD,
                None if last is None else hi + COMMIT_PAD,
            )
            activity = coding.intervals_between(
                None if first is None else lo, None if last is None else hi
            )
        calendar = CalendarRepository(session).days_between(first, last)
        span = (first, last)
        return derive_days(focus, calendar, rules, now, span, keep, commits, activity)

    def plan_import(self, rows: Iterable[tuple[CheckIn, frozenset[str]]]) -> ImportPlan:
        """Return what importing ``rows`` would do, changing nothing."""
        listed = list(rows)
        with storage_errors(), self._sessions() as session:
            return plan_import(listed, self._stored_sources(session, listed))

    def import_days(
        self,
        rows: Iterable[tuple[CheckIn, frozenset[str]]],
        choice: ImportChoice = ImportChoice.ASK,
    ) -> ImportPlan:
        """Import days all or nothing in one locked transaction; return what it decided.

        The plan is made under the write lock, so it is exactly what gets written. With
        :attr:`ImportChoice.ASK`, differences from stored days change nothing.

        Raises:
            ImportConflictError: Stored days differ and ``choice`` is ASK; nothing written.
            CheckInInvalidError: If any merged day is invalid; nothing is written.
        """
        listed = list(rows)
        today = self.today()
        with storage_errors(), self._sessions.begin() as session:
            repo = CheckInRepository(session)
            stored = self._stored_sources(session, listed)
            plan = plan_import(listed, stored)
            if plan.different and choice is ImportChoice.ASK:
                raise ImportConflictError(plan)
            writes = plan.writes(choice)
            problems: list[Problem] = []
            for day, fields in writes.items():
                typed = stored[day].typed if day in stored else None
                merged = (typed or CheckIn(date=day)).merged(fields)
                problems += [
                    Problem(p.field, f"{day.isoformat()}: {p.message}")
                    for p in problems_in(merged, today)
                ]
            if problems:
                raise CheckInInvalidError(problems)
            if plan.different and choice is ImportChoice.OVERWRITE and self.backup_before_overwrite:
                # Inside the write lock and before writing: the backup holds exactly the
                # days the import is about to change.
                self.backup_before_overwrite()
            repo.update_many(writes, self.zone.key, self.clock.now())
        if writes:
            self._notify(None)
        return plan

    def _stored_sources(
        self, session: Session, rows: list[tuple[CheckIn, frozenset[str]]]
    ) -> dict[dt.date, DaySources]:
        if not rows:
            return {}
        days = [row[0].date for row in rows]
        first, last = min(days), max(days)
        typed = {c.date: c for c in CheckInRepository(session).between(first, last)}
        derived = self._derived(session, first, last, keep=typed.keys())
        wanted = set(days)
        return {
            day: merge(day, typed.get(day), derived.get(day))
            for day in (set(typed) | set(derived)) & wanted
        }

    def notify_external_change(self) -> None:
        """Tell listeners that another process changed the data (any day)."""
        self._notify(None)

    def _notify(self, day: dt.date | None) -> None:
        for listener in list(self._listeners):
            listener(day)
