"""Check-in use cases: record a day, edit, delete, list and import, each in one transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from focusapp.domain.days import local_day
from focusapp.domain.imports import ImportChoice, ImportPlan, plan_import
from focusapp.domain.models import VALUE_FIELDS, CheckIn
from focusapp.domain.phrases import Phrase
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
from focusapp.domain.validation import (
    CONTEXT,
    CheckInInvalidError,
    Problem,
    problems_in,
    validate,
)
from focusapp.services.changes import DAY_FIGURE_KINDS, ChangeKind, Changes
from focusapp.services.day_cache import DayCache, DaysRead
from focusapp.services.profile import Profile, ProfileService
from focusapp.storage.calendar_repository import CalendarRepository
from focusapp.storage.errors import storage_errors
from focusapp.storage.repositories import CheckInRepository, FocusSessionRepository
from focusapp.storage.sources_repository import CodingRepository

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Collection, Iterable, Mapping

    from sqlalchemy.orm import Session


#: A problem of an imported day, the day in front (no words to translate).
_DAY_PROBLEM = "{day}: {problem}"


class ImportConflictError(ValueError):
    """Stored days differ from the file and no choice was made; nothing was written.

    Attributes:
        plan: What the import found (new, same and different days).
    """

    def __init__(self, plan: ImportPlan) -> None:
        super().__init__(f"{len(plan.different)} stored days differ from the file")
        self.plan = plan


class CheckInService(ProfileService):
    """Records and reads daily check-ins."""

    def __init__(self, profile: Profile, *, keep_days: bool = False) -> None:
        """Keep the profile's database and rules.

        ``keep_days`` keeps what was read in memory (:class:`DayCache`) for a long-running
        process that hears about every change on ``feed``: the window. A command reads once
        and ends, so it reads straight from the database.
        """
        super().__init__(profile)
        self._cache = DayCache(self._read_days) if keep_days else None
        self.feed.subscribe(self._on_changes)
        #: Called before an import overwrites stored days (a backup; see bootstrap).
        self.backup_before_overwrite: Callable[[], object] | None = None

    def get(self, day: dt.date) -> CheckIn | None:
        """Return the day's effective record (typed values over derived ones), if any."""
        sources = self.sources(day)
        if sources.typed is None and sources.derived is None:
            return None
        return sources.effective

    def kept_sources(self, day: dt.date) -> DaySources | None:
        """Return :meth:`sources` from memory when the day is kept, else ``None`` (no SQL).

        The window answers from here on the GUI thread and reads on its worker otherwise.
        """
        return None if self._cache is None else self._cache.kept_sources(day)

    def kept_days(self, first: dt.date, last: dt.date) -> list[CheckIn] | None:
        """Return :meth:`days` from memory when every day is kept, else ``None`` (no SQL)."""
        return None if self._cache is None else self._cache.kept_days(first, last)

    def sources(self, day: dt.date) -> DaySources:
        """Return what was typed for ``day``, what was derived, and the merged record."""
        if self._cache is not None:
            return self._cache.sources(day)
        with storage_errors(), self._sessions() as session:
            typed = CheckInRepository(session).get(day)
            derived = self._derived(session, day, day, keep={day}).get(day)
        return merge(day, typed, derived)

    def record(
        self,
        day: dt.date | None,
        changes: Mapping[str, object],
        *,
        meeting_minutes_added: int | None = None,
    ) -> CheckIn:
        """Create or update a day, changing exactly the fields in ``changes``.

        One ``BEGIN IMMEDIATE`` transaction: the stored day is read under the write lock,
        the merged day is validated, and only the given fields are written, so a concurrent
        writer of other fields (the window, another command, the tray) never loses a value.
        ``meeting_minutes_added`` (the tray's "Add meeting time") adds to the meeting time
        the day shows, typed or from calendars, summed under the lock so two additions at
        once both count.

        Raises:
            CheckInInvalidError: If the merged day is invalid; nothing is written.
        """
        unknown = set(changes) - set(VALUE_FIELDS)
        if unknown:
            raise ValueError(f"unknown check-in fields: {', '.join(sorted(unknown))}")
        if meeting_minutes_added is None:
            return self._write(day, lambda _session, _day, _typed: changes)
        added = meeting_minutes_added

        def summed(session: Session, target: dt.date, typed: CheckIn | None) -> dict[str, object]:
            derived = self._derived(session, target, target, keep={target}).get(target)
            shown = merge(target, typed, derived).effective.meeting_minutes or 0
            return {**changes, "meeting_minutes": shown + added}

        return self._write(day, summed)

    def _write(
        self,
        day: dt.date | None,
        changes_of: Callable[[Session, dt.date, CheckIn | None], Mapping[str, object]],
    ) -> CheckIn:
        """Write the fields ``changes_of`` gives for the stored day, in one locked transaction."""
        target = self.today() if day is None else day
        with storage_errors(), self._sessions.begin() as session:
            repo = CheckInRepository(session)
            stored = repo.get(target)
            changes = changes_of(session, target, stored)
            current = stored or CheckIn(date=target)
            merged = validate(current.merged(dict(changes)), self.today())
            repo.update_fields(target, changes, self.zone.key, self.clock.now())
            typed = next(iter(repo.between(target, target)), None)
        if self._cache is not None:  # after the commit: a read meanwhile may not keep old data
            self._cache.put_typed(target, typed)
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
        if existed and self._cache is not None:
            self._cache.put_typed(day, None)
        if existed:
            self._notify(day)
        return existed

    def days(self, first: dt.date | None = None, last: dt.date | None = None) -> list[CheckIn]:
        """Return effective records of days in ``[first, last]`` with any data, by date."""
        if self._cache is not None and first is not None and last is not None:
            return self._cache.days(first, last)
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
        keep: Collection[dt.date] | None = (),
    ) -> dict[dt.date, DerivedDay]:
        """Work out coding time (focus sessions, commits) and meeting figures (calendars).

        Calendar days without meetings are kept only for days with other data or in
        ``keep`` (see :func:`focusapp.domain.sources.with_calendar_days`); ``None`` keeps
        them all.
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
        kept = calendar.keys() if keep is None else keep
        return derive_days(focus, calendar, rules, now, span, kept, commits, activity)

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
                    Problem(
                        p.field,
                        Phrase(CONTEXT, _DAY_PROBLEM, day=day.isoformat(), problem=p.message),
                    )
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
            if self._cache is not None:
                self._cache.forget()
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

    def _read_days(self, first: dt.date, last: dt.date) -> DaysRead:
        """Read the days ``first`` .. ``last`` for the :class:`DayCache`, quiet days included."""
        with storage_errors(), self._sessions() as session:
            typed = {c.date: c for c in CheckInRepository(session).between(first, last)}
            derived = self._derived(session, first, last, keep=None)
            running = FocusSessionRepository(session).running()
        live_from = None
        if running is not None:
            live_from = local_day(running.started_at, self.zone, self._day_start_hour())
        return DaysRead(first, last, typed, derived, live_from)

    def _on_changes(self, changes: Changes) -> None:
        """Forget kept days after any change but this service's own check-in writes."""
        own = changes.kinds == {ChangeKind.CHECKINS} and changes.days is not None
        moved = changes.touches(*DAY_FIGURE_KINDS)
        if self._cache is not None and moved and (changes.external or not own):
            self._cache.forget()

    def _notify(self, day: dt.date | None) -> Changes:
        return self.feed.publish(Changes.of(ChangeKind.CHECKINS, None if day is None else [day]))
