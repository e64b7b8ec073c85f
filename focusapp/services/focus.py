"""Focus-session use cases: start, stop, status and crash recovery, each in one transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from focusapp.domain.focus import FocusSession, split_by_day
from focusapp.storage.errors import storage_errors
from focusapp.storage.repositories import FocusSessionRepository

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable
    from zoneinfo import ZoneInfo

    from focusapp.domain.clock import Clock
    from focusapp.storage.db import Sessions


class FocusError(RuntimeError):
    """A focus action that does not fit the current state (already running, none running)."""


class FocusService:
    """Times focus sessions; a running session is stored, so it survives restarts."""

    def __init__(
        self,
        sessions: Sessions,
        clock: Clock,
        zone: ZoneInfo,
        day_start_hour: Callable[[], int],
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._zone = zone
        self._day_start_hour = day_start_hour
        self._listeners: list[Callable[[], None]] = []

    def on_change(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after a session starts or stops."""
        self._listeners.append(listener)

    def running(self) -> FocusSession | None:
        """Return the running session, if any."""
        with storage_errors(), self._sessions() as session:
            return FocusSessionRepository(session).running()

    def start(self) -> FocusSession:
        """Start a session now.

        Raises:
            FocusError: If one is already running.
        """
        with storage_errors(), self._sessions.begin() as session:
            repo = FocusSessionRepository(session)
            current = repo.running()
            if current is not None:
                started = current.started_at.astimezone(self._zone)
                raise FocusError(f"a focus session is already running (since {started:%H:%M})")
            started_session = repo.start(self._clock.now(), self._zone.key)
        self._notify()
        return started_session

    def stop(self, ended_at: dt.datetime | None = None) -> FocusSession:
        """Stop the running session now (or at ``ended_at``, e.g. the last time the app ran).

        Raises:
            FocusError: If no session is running.
        """
        with storage_errors(), self._sessions.begin() as session:
            repo = FocusSessionRepository(session)
            current = repo.running()
            if current is None or current.id is None:
                raise FocusError("no focus session is running")
            end = ended_at or self._clock.now()
            stopped = repo.end(current.id, end)
        self._notify()
        return stopped

    def discard(self) -> None:
        """Forget the running session (started by mistake)."""
        with storage_errors(), self._sessions.begin() as session:
            repo = FocusSessionRepository(session)
            current = repo.running()
            if current is not None and current.id is not None:
                repo.delete(current.id)
        self._notify()

    def minutes_by_day(self, session: FocusSession) -> dict[dt.date, int]:
        """Return how a session's minutes are booked onto days (split at the day start)."""
        end = session.ended_at or self._clock.now()
        return split_by_day(session.started_at, end, self._zone, self._day_start_hour())

    def elapsed(self, session: FocusSession) -> dt.timedelta:
        """Return how long ``session`` has run so far."""
        return session.elapsed(self._clock.now())

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()
