"""The calendar service: import, sync and forget calendar files; serve days and audits.

The rules of an import live in :mod:`.importer`, the refusal of anything but a local file in
:mod:`.local_files`, storing a read in :mod:`.store` and the day audit in :mod:`.audit`; see
:mod:`focusapp.services.calendar` for what an import does, in the user's words.

Every change is published on the profile's :class:`~focusapp.services.changes.ChangeFeed`
in the thread that imported, which may be a worker thread; the feed is thread-safe.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from focusapp.domain.calendar import CalendarDay, CalendarRules, normalize_address
from focusapp.formats.ics.read import read_calendar
from focusapp.formats.ics.report import CalendarFormatError
from focusapp.services.calendar.audit import DayAudit, audit_day
from focusapp.services.calendar.importer import (
    SyncOutcome,
    calendar_rules,
    forget_titles,
    import_range,
)
from focusapp.services.calendar.local_files import (
    CalendarImportError,
    read_calendar_bytes,
    resolve_local_path,
)
from focusapp.services.calendar.store import (
    CalendarImportReport,
    ReadToStore,
    load_report,
    recompute_days,
    report_from_json,
    rules_key,
    store_read,
)
from focusapp.services.changes import ChangeKind, Changes
from focusapp.services.exclusions import change_exclusion, exclusions, exclusions_document
from focusapp.services.profile import Profile, ProfileService
from focusapp.storage.calendar_repository import CalendarRepository
from focusapp.storage.errors import storage_errors

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable

    from focusapp.domain.exclusions import UserExclusion
    from focusapp.settings.values import Settings


@dataclass(frozen=True, slots=True)
class CalendarSourceInfo:
    """An imported calendar file as listed for the user.

    Attributes:
        path: Resolved absolute path.
        imported_at: When its events were last rewritten (aware UTC).
        first_day: First day of the imported range.
        last_day: Last day of the imported range.
        meetings_counted: Meetings counted at the last import.
        exists: Whether the file is still there.
    """

    path: str
    imported_at: dt.datetime
    first_day: dt.date
    last_day: dt.date
    meetings_counted: int
    exists: bool


class CalendarService(ProfileService):
    """Imports calendar files and serves per-day meeting numbers and audits.

    Every method opens its own session, so it may run on a worker thread.
    """

    def __init__(self, profile: Profile, settings: Callable[[], Settings]) -> None:
        """Keep the profile and the settings the meeting rules come from (read at each use)."""
        super().__init__(profile)
        self._settings = settings

    def rules(self, extra_addresses: Iterable[str] = ()) -> CalendarRules:
        """Return the meeting rules of the current settings."""
        return calendar_rules(self._settings(), self.zone, extra_addresses)

    # --- importing ----------------------------------------------------------------------------

    def import_file(
        self,
        path_text: str | Path,
        first: dt.date | None = None,
        last: dt.date | None = None,
        my_addresses: Iterable[str] | None = None,
        *,
        force: bool = False,
    ) -> CalendarImportReport:
        """Import one .ics file, replacing what was imported from it before; all or nothing.

        Args:
            path_text: The file, as typed (``~`` and relative paths allowed).
            first: First day to read; missing ends come from :func:`default_range`.
            last: Last day to read.
            my_addresses: The user's addresses for this file in addition to the settings
                (``--me``); ``None`` keeps those given at the file's last import.
            force: Read and store even when nothing changed (benchmarks, repairs).

        Raises:
            CalendarImportError: If the path is a URL, the file cannot be read, is not a
                calendar, or the range is unusable. Nothing was written.
            StorageError: If the database cannot be written. Nothing was written.
        """
        path = resolve_local_path(str(path_text))
        key = str(path)
        data = read_calendar_bytes(path)
        with storage_errors(), self._sessions() as session:
            stored = CalendarRepository(session).source(key)
        first, last, origin = import_range(first, last, stored, self.today())
        if my_addresses is None:
            extras = stored.extra_addresses if stored is not None else ()
        else:
            extras = tuple(sorted({normalize_address(a) for a in my_addresses} - {""}))
        rules = self.rules(extras)
        digest = hashlib.sha256(data).hexdigest()
        fingerprint = rules_key(rules)
        if (
            not force
            and stored is not None
            and (stored.content_sha256, stored.rules_key) == (digest, fingerprint)
            and (stored.first_day, stored.last_day) == (first, last)
        ):
            return report_from_json(stored, origin)
        try:
            result = read_calendar(data, first_day=first, last_day=last, rules=rules, source=key)
        except CalendarFormatError as error:
            raise CalendarImportError(f"{path.name}: {error}") from None
        read = ReadToStore(key, result, first, last, origin, digest, fingerprint, extras)
        report = store_read(self._sessions, read, rules, self.clock.now())
        self._notify()
        return report

    def sync(self, watch_files: Iterable[str], others: Iterable[str] = ()) -> list[SyncOutcome]:
        """Re-import the watched files, then bring every other source up to the settings.

        Watched files are imported as by :meth:`import_file` without a range (unchanged
        ones cost a hash). Other sources whose settings fingerprint is stale are re-read
        over their stored range when the file still exists; when it is gone, only their
        days are re-summarised (working hours and the day start still apply). Sources in
        ``others`` (vdirs, Evolution caches: not .ics files) are left to their reader.
        """
        outcomes: list[SyncOutcome] = []
        done: set[str] = set(others)
        for text in watch_files:
            try:
                report = self.import_file(text)
            except CalendarImportError as error:
                outcomes.append(SyncOutcome(text, None, str(error)))
                continue
            done.add(report.path)
            outcomes.append(SyncOutcome(text, report))
        with storage_errors(), self._sessions() as session:
            sources = CalendarRepository(session).sources()
        for source in sources:
            if source.path in done:
                continue
            if source.rules_key == rules_key(self.rules(source.extra_addresses)):
                continue
            if Path(source.path).is_file():
                try:
                    report = self.import_file(source.path, source.first_day, source.last_day)
                except CalendarImportError as error:
                    outcomes.append(SyncOutcome(source.path, None, str(error)))
                else:
                    outcomes.append(SyncOutcome(source.path, report))
                continue
            with storage_errors(), self._sessions.begin() as session:
                repo = CalendarRepository(session)
                if not self.rules().keep_titles:
                    # The file cannot be re-read, but its stored titles must go all the same.
                    forget_titles(repo, source)
                changed = self._recompute(repo, [(source.first_day, source.last_day)])
            if changed:
                self._notify()
        return outcomes

    def remove(self, path_text: str | Path) -> bool:
        """Forget an imported file and its events; return whether it had been imported.

        Raises:
            CalendarImportError: If the path is a URL.
        """
        key = str(resolve_local_path(str(path_text)))
        with storage_errors(), self._sessions.begin() as session:
            repo = CalendarRepository(session)
            gone = repo.delete_source(key)
            if gone is None:
                return False
            self._recompute(repo, [(gone.first_day, gone.last_day)])
        self._notify()
        return True

    # --- reading ------------------------------------------------------------------------------

    def sources(self) -> list[CalendarSourceInfo]:
        """Return every imported file, in the order first imported."""
        with storage_errors(), self._sessions() as session:
            stored = CalendarRepository(session).sources()
        return [
            CalendarSourceInfo(
                path=s.path,
                imported_at=s.imported_at,
                first_day=s.first_day,
                last_day=s.last_day,
                meetings_counted=int(load_report(s.report).get("meetings_counted", 0)),
                exists=Path(s.path).exists(),
            )
            for s in stored
        ]

    def days(
        self, first: dt.date | None = None, last: dt.date | None = None
    ) -> dict[dt.date, CalendarDay]:
        """Return the stored numbers of every covered day in ``[first, last]``."""
        with storage_errors(), self._sessions() as session:
            return CalendarRepository(session).days_between(first, last)

    def audit(self, day: dt.date) -> DayAudit:
        """Return ``day``'s numbers and every event touching it, counted or left out."""
        return audit_day(self._sessions, self.rules(), day)

    # --- the user's exclusions (see focusapp.services.exclusions) ---------------------------

    def exclude(self, exclusion: UserExclusion) -> bool:
        """Stop counting an event or series, now and after every re-import; return if new."""
        return self._change_exclusion(exclusion, excluded=True)

    def count_again(self, exclusion: UserExclusion) -> bool:
        """Undo :meth:`exclude`; return whether the exclusion was there."""
        return self._change_exclusion(exclusion, excluded=False)

    def exclusions(self) -> frozenset[UserExclusion]:
        """Return every event and series the user excluded from counting."""
        return exclusions(self._sessions)

    def exclusions_document(self) -> list[dict[str, object]]:
        """Return the user's exclusions as JSON values, for the export."""
        return exclusions_document(self._sessions)

    def _change_exclusion(self, exclusion: UserExclusion, *, excluded: bool) -> bool:
        changed = change_exclusion(
            self._sessions, self.rules(), exclusion, excluded=excluded, now=self.clock.now()
        )
        if changed is None:
            return False
        self._notify()
        return True

    # --- internals ----------------------------------------------------------------------------

    def _recompute(
        self, repo: CalendarRepository, ranges: list[tuple[dt.date, dt.date]]
    ) -> set[dt.date]:
        """Re-summarise every day in ``ranges`` from all sources; return the changed days."""
        return recompute_days(repo, self.rules(), ranges)

    def _notify(self) -> Changes:
        return self.feed.publish(Changes.of(ChangeKind.CALENDAR))
