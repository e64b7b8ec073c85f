"""Focus-session use cases: start, stop, status and crash recovery, each in one transaction."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from focusapp.domain.days import local_day
from focusapp.domain.focus import FocusSession, split_by_day
from focusapp.services.changes import ChangeKind, Changes
from focusapp.services.profile import Profile, ProfileService
from focusapp.storage.errors import storage_errors
from focusapp.storage.repositories import FocusSessionRepository

if TYPE_CHECKING:
    import datetime as dt


class FocusError(RuntimeError):
    """A focus action that does not fit the current state (already running, none running)."""


class FocusService(ProfileService):
    """Times focus sessions; a running session is stored, so it survives restarts."""

    def __init__(self, profile: Profile) -> None:
        super().__init__(profile)
        # The running session, read once and kept until a change of focus sessions (here or
        # in another process) is published: the tray and the reminders ask for it often.
        self._running: tuple[FocusSession | None] | None = None
        self._lock = threading.Lock()
        self.feed.subscribe(self._on_changes)

    def running(self) -> FocusSession | None:
        """Return the running session, if any."""
        with self._lock:
            known = self._running
        if known is not None:
            return known[0]
        with storage_errors(), self._sessions() as session:
            current = FocusSessionRepository(session).running()
        with self._lock:
            self._running = (current,)
        return current

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(ChangeKind.FOCUS):
            with self._lock:
                self._running = None

    def start(self) -> FocusSession:
        """Start a session now.

        Raises:
            FocusError: If one is already running.
        """
        with storage_errors(), self._sessions.begin() as session:
            repo = FocusSessionRepository(session)
            current = repo.running()
            if current is not None:
                started = current.started_at.astimezone(self.zone)
                raise FocusError(f"a focus session is already running (since {started:%H:%M})")
            started_session = repo.start(self.clock.now(), self.zone.key)
        self._notify(started_session)
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
            end = ended_at or self.clock.now()
            stopped = repo.end(current.id, end)
        self._notify(stopped)
        return stopped

    def discard(self) -> None:
        """Forget the running session (started by mistake)."""
        with storage_errors(), self._sessions.begin() as session:
            repo = FocusSessionRepository(session)
            current = repo.running()
            if current is not None and current.id is not None:
                repo.delete(current.id)
        if current is not None:
            self._notify(current)

    def minutes_by_day(self, session: FocusSession) -> dict[dt.date, int]:
        """Return how a session's minutes are booked onto days (split at the day start)."""
        end = session.ended_at or self.clock.now()
        return split_by_day(session.started_at, end, self.zone, self._day_start_hour())

    def elapsed(self, session: FocusSession) -> dt.timedelta:
        """Return how long ``session`` has run so far."""
        return session.elapsed(self.clock.now())

    def _notify(self, session: FocusSession) -> Changes:
        """Publish that ``session``'s days changed (their coding time)."""
        started = local_day(session.started_at, self.zone, self._day_start_hour())
        days = {started, *self.minutes_by_day(session)}
        return self.feed.publish(Changes.of(ChangeKind.FOCUS, days))
