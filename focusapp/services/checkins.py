"""Check-in use cases: record a day, edit, delete, list and import, each in one transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from focusapp.domain.days import local_day
from focusapp.domain.models import VALUE_FIELDS, CheckIn
from focusapp.domain.validation import CheckInInvalidError, Problem, validate
from focusapp.services.errors import storage_errors
from focusapp.storage.repositories import CheckInRepository

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable, Mapping
    from zoneinfo import ZoneInfo

    from sqlalchemy.orm import Session, sessionmaker

    from focusapp.domain.clock import Clock


class CheckInService:
    """Records and reads daily check-ins.

    Attributes:
        clock: Where "now" comes from.
        zone: The user's IANA time zone.
    """

    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock,
        zone: ZoneInfo,
        day_start_hour: Callable[[], int],
    ) -> None:
        self._sessions = sessions
        self.clock = clock
        self.zone = zone
        self._day_start_hour = day_start_hour
        self._listeners: list[Callable[[], None]] = []

    def today(self) -> dt.date:
        """Return the user's current day under the day-start rule."""
        return local_day(self.clock.now(), self.zone, self._day_start_hour())

    def on_change(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after every committed change (for views that must refresh)."""
        self._listeners.append(listener)

    def get(self, day: dt.date) -> CheckIn | None:
        """Return the day's check-in, if any."""
        with storage_errors(), self._sessions() as session:
            return CheckInRepository(session).get(day)

    def record(self, day: dt.date | None, changes: Mapping[str, object]) -> CheckIn:
        """Create or update a day; fields not in ``changes`` keep their stored value.

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
            stored = repo.put(merged, self.zone.key, self.clock.now())
        self._notify()
        return stored

    def replace(self, checkin: CheckIn) -> CheckIn:
        """Store ``checkin`` as the whole record of its day (a form save).

        Raises:
            CheckInInvalidError: If invalid; nothing is written.
        """
        validate(checkin, self.today())
        with storage_errors(), self._sessions.begin() as session:
            stored = CheckInRepository(session).put(checkin, self.zone.key, self.clock.now())
        self._notify()
        return stored

    def delete(self, day: dt.date) -> bool:
        """Delete a day; return whether it existed."""
        with storage_errors(), self._sessions.begin() as session:
            existed = CheckInRepository(session).delete(day)
        if existed:
            self._notify()
        return existed

    def days(self, first: dt.date | None = None, last: dt.date | None = None) -> list[CheckIn]:
        """Return recorded days in ``[first, last]`` by date."""
        with storage_errors(), self._sessions() as session:
            return CheckInRepository(session).between(first, last)

    def span(self) -> tuple[dt.date, dt.date] | None:
        """Return the first and last recorded day, or ``None``."""
        with storage_errors(), self._sessions() as session:
            return CheckInRepository(session).span()

    def import_days(self, rows: Iterable[tuple[CheckIn, frozenset[str]]]) -> int:
        """Upsert imported days all or nothing; return how many days were written.

        Each row carries the fields the file gave; other fields of an existing day are kept.

        Raises:
            CheckInInvalidError: If any merged day is invalid; nothing is written.
        """
        today = self.today()
        count = 0
        with storage_errors(), self._sessions.begin() as session:
            repo = CheckInRepository(session)
            now = self.clock.now()
            for incoming, given in rows:
                current = repo.get(incoming.date) or CheckIn(date=incoming.date)
                merged = current.merged({name: getattr(incoming, name) for name in given})
                try:
                    validate(merged, today)
                except CheckInInvalidError as error:
                    label = incoming.date.isoformat()
                    raise CheckInInvalidError(
                        [Problem(p.field, f"{label}: {p.message}") for p in error.problems]
                    ) from error
                repo.put(merged, self.zone.key, now)
                count += 1
        if count:
            self._notify()
        return count

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()
