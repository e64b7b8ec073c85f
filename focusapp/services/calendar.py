"""Calendar use cases: import .ics files, keep per-day meeting numbers and explain any day.

What an import does, in the words the command line and the window use:

* **Local files only.** A path is resolved to an absolute path (symbolic links followed),
  which names the file's *source*; ``http(s)://`` and ``webcal://`` are refused, because
  FocusApp has no network code and must not grow any.
* **Range.** Events are read for a range of local days. Without ``--from``/``--to`` it is
  :data:`DEFAULT_DAYS_BACK` days back to :data:`DEFAULT_DAYS_AHEAD` days ahead of today; a
  re-import of a known file without a range widens that to cover the earlier import too,
  so a rolling re-import never drops history. The range is the span of days the file
  speaks for: a day inside it without meetings has zero meetings, a day outside has none.
* **Replacement.** An import replaces everything stored for its source, in one transaction
  together with the day numbers it changes. A re-import of the same bytes under the same
  settings and range writes nothing at all.
* **Several files.** Per-day numbers come from the union of every source's counted events.
  Copies of one event (same UID and RECURRENCE-ID) in several files count once: the copy
  with the highest SEQUENCE wins, then the file whose events changed most recently; the
  others are listed as duplicates. Different events overlapping in time are merged as
  intervals anyway (see :mod:`focusapp.domain.intervals`).
* **Day numbers** are cached in a table and rewritten for the days an import touches, so
  reading years of history never re-summarises events.

Listeners added with :meth:`CalendarService.on_change` run in the thread that imported,
which may be a worker thread; the ones wired in :mod:`focusapp.bootstrap` are thread-safe.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from focusapp.domain.calendar import (
    CalendarDay,
    CalendarEvent,
    CalendarRules,
    Exclusion,
    events_on,
    normalize_address,
    summarise_days,
)
from focusapp.domain.days import day_bounds, local_day
from focusapp.domain.exclusions import UserExclusion, apply_exclusions
from focusapp.formats.ics import MAX_ICS_BYTES, CalendarFormatError, read_calendar
from focusapp.formats.ics_expand import MAX_RANGE_YEARS
from focusapp.services.calendar_store import (
    EVENT_PAD,
    ReadToStore,
    load_report,
    recompute_days,
    report_from_json,
    rules_key,
    store_read,
)
from focusapp.services.calendar_store import CalendarImportReport as CalendarImportReport
from focusapp.services.calendar_store import RangeOrigin as RangeOrigin
from focusapp.services.calendar_store import resolve_copies as resolve_copies
from focusapp.services.exclusions import change_exclusion, exclusions, exclusions_document
from focusapp.storage.calendar_repository import CalendarRepository, StoredSource
from focusapp.storage.errors import storage_errors
from focusapp.storage.exclusions_repository import ExclusionRepository
from focusapp.system.files import FileRefusedError, read_regular_file

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from zoneinfo import ZoneInfo

    from focusapp.domain.clock import Clock
    from focusapp.settings.values import Settings
    from focusapp.storage.db import Sessions

#: Days before today that an import without ``--from`` reads (one year of history).
DEFAULT_DAYS_BACK: Final = 365
#: Days after today that an import without ``--to`` reads (meetings already booked).
DEFAULT_DAYS_AHEAD: Final = 28

_URL = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://")
_REMOTE_SCHEMES: Final = frozenset({"http", "https", "webcal", "webcals", "ftp", "ftps"})

_REASON_TEXT: Final = {
    Exclusion.DECLINED: "declined",
    Exclusion.CANCELLED: "cancelled",
    Exclusion.FREE: "free (not busy)",
    Exclusion.ALL_DAY: "all-day",
    Exclusion.NOT_MEETING: "not a meeting",
    Exclusion.DUPLICATE: "duplicate",
    Exclusion.OUTSIDE_RANGE: "outside the range",
    Exclusion.NO_ATTENDEES: "no other attendees",
    Exclusion.UNREADABLE: "unreadable",
    Exclusion.BY_YOU: "excluded by you",
}
_REASON_DETAIL: Final = {
    Exclusion.DECLINED: "You declined it (your address has PARTSTAT=DECLINED).",
    Exclusion.CANCELLED: "It is cancelled (STATUS:CANCELLED or a cancellation).",
    Exclusion.FREE: "It does not block time (free, transparent or zero length).",
    Exclusion.ALL_DAY: "All-day events (holidays, leave) are not meetings.",
    Exclusion.NOT_MEETING: "Its title matches calendar.not_meeting_patterns.",
    Exclusion.DUPLICATE: "Another copy of it (same UID) is counted instead.",
    Exclusion.OUTSIDE_RANGE: "No occurrence falls inside the imported range.",
    Exclusion.NO_ATTENDEES: "No one else is invited (calendar.only_with_attendees).",
    Exclusion.UNREADABLE: "It could not be read.",
    Exclusion.BY_YOU: "You excluded it in the day audit; Count it again undoes that.",
}


class CalendarImportError(ValueError):
    """A calendar file cannot be imported; nothing was written. The message is for people."""


@dataclass(frozen=True, slots=True)
class SyncOutcome:
    """One file's result in :meth:`CalendarService.sync`.

    Attributes:
        path: The path as given (or as stored).
        report: The import report, or ``None`` when it failed.
        error: Why it failed, for people; ``None`` on success.
    """

    path: str
    report: CalendarImportReport | None
    error: str | None = None


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


@dataclass(frozen=True, slots=True)
class DayAudit:
    """One day as the calendars see it: the numbers and every event that explains them.

    Attributes:
        date: The local day.
        summary: The day's stored numbers; ``None`` when no imported range covers the day.
        events: Events touching the day, counted or left out with the reason, by start;
            ``source`` is the file's path.
        titles_kept: Whether titles are kept (``calendar.keep_titles``); when not, every
            event's summary is empty, also one stored before the setting changed.
        exclusions: The user's exclusions covering these events (for "Count it again").
    """

    date: dt.date
    summary: CalendarDay | None
    events: tuple[CalendarEvent, ...]
    titles_kept: bool = True
    exclusions: frozenset[UserExclusion] = frozenset()

    @property
    def counted(self) -> list[CalendarEvent]:
        """Return the events that make up the day's numbers."""
        return [e for e in self.events if e.counted]

    @property
    def left_out(self) -> list[CalendarEvent]:
        """Return the events that do not count, each with its reason."""
        return [e for e in self.events if not e.counted]


# --- helpers other modules use -----------------------------------------------------------------


def describe_reason(reason: Exclusion | None) -> str:
    """Return a short phrase for why an event is left out ("counted" when it is not)."""
    return "counted" if reason is None else _REASON_TEXT[reason]


def explain_reason(reason: Exclusion | None) -> str:
    """Return a sentence on what a reason means, for tooltips and help."""
    if reason is None:
        return "It counts towards the day's meeting time."
    return _REASON_DETAIL[reason]


def event_time_text(event: CalendarEvent, day: dt.date, zone: ZoneInfo) -> str:
    """Return an event's local time as listed for ``day`` ("09:00-10:00", "all day").

    Times on another date than ``day`` carry the weekday, so an event from the evening
    before (or running past midnight) reads unambiguously.
    """
    if event.all_day:
        return "all day"
    start, end = event.start.astimezone(zone), event.end.astimezone(zone)
    begin = f"{start:%H:%M}" if start.date() == day else f"{start:%a %H:%M}"
    if event.start == event.end:
        return begin
    finish = f"{end:%H:%M}" if end.date() in (day, start.date()) else f"{end:%a %H:%M}"
    return f"{begin}-{finish}"


def calendar_rules(
    settings: Settings, zone: ZoneInfo, extra_addresses: Iterable[str] = ()
) -> CalendarRules:
    """Return the meeting rules the settings describe, plus addresses given for one file."""
    return CalendarRules(
        zone=zone,
        my_addresses=frozenset(settings.calendar_my_addresses) | frozenset(extra_addresses),
        work_hours=settings.calendar_work_hours,
        not_meeting_patterns=settings.calendar_not_meeting_patterns,
        only_with_attendees=settings.calendar_only_with_attendees,
        day_start_hour=settings.day_start_hour,
        keep_titles=settings.calendar_keep_titles,
    )


def default_range(today: dt.date) -> tuple[dt.date, dt.date]:
    """Return the days an import reads when none are given: a year back to 4 weeks ahead."""
    return today - dt.timedelta(days=DEFAULT_DAYS_BACK), today + dt.timedelta(
        days=DEFAULT_DAYS_AHEAD
    )


def resolve_local_path(text: str) -> Path:
    """Return the absolute path a user typed, refusing anything that is not a local file.

    ``file://`` URLs are accepted (file managers copy them); every other URL is refused
    with a message saying what to do instead.

    Raises:
        CalendarImportError: For a URL or an empty path.
    """
    stripped = text.strip()
    if not stripped:
        raise CalendarImportError("No calendar file was given.")
    match = _URL.match(stripped)
    if match is not None:
        scheme = match["scheme"].lower()
        if scheme == "file":
            stripped = _file_url_path(stripped)
        elif scheme in _REMOTE_SCHEMES:
            raise CalendarImportError(
                f"{stripped} is a web address. FocusApp reads only calendar files on this "
                "computer and never downloads anything: save the calendar as an .ics file "
                "(your calendar's export, or open the link in a browser) and import that file."
            )
        else:
            raise CalendarImportError(f"{stripped} is not a file on this computer.")
    try:
        return Path(stripped).expanduser().resolve()
    except RuntimeError:  # Python 3.11 reports a loop of symbolic links this way
        raise CalendarImportError(f"{stripped} is a loop of symbolic links.") from None
    except OSError as error:
        raise CalendarImportError(
            f"{stripped} cannot be read ({error.strerror or error})."
        ) from None


def _file_url_path(url: str) -> str:
    """Return the local path of a ``file://`` URL (``file:///a%20b`` is ``/a b``).

    Written out rather than taken from urllib, so no module of FocusApp even names a
    networking library; a file URL's host can only be empty or ``localhost``.
    """
    rest = url.split(":", 1)[1]
    if rest.startswith("//"):
        host, _, path = rest[2:].partition("/")
        rest = "/" + path if host.lower() in ("", "localhost") else rest
    raw = re.sub(rb"%([0-9A-Fa-f]{2})", lambda m: bytes([int(m[1], 16)]), rest.encode())
    return raw.decode("utf-8", errors="replace")


# --- the service --------------------------------------------------------------------------------


class CalendarService:
    """Imports calendar files and serves per-day meeting numbers and audits.

    Every method opens its own session, so it may run on a worker thread.
    """

    def __init__(
        self,
        sessions: Sessions,
        clock: Clock,
        zone: ZoneInfo,
        settings: Callable[[], Settings],
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._zone = zone
        self._settings = settings
        self._listeners: list[Callable[[], None]] = []

    def on_change(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` after an import or removal changed stored data."""
        self._listeners.append(listener)

    @property
    def zone(self) -> ZoneInfo:
        """The user's time zone, in which days and event times are shown."""
        return self._zone

    def today(self) -> dt.date:
        """Return the user's current day under the day-start rule."""
        return local_day(self._clock.now(), self._zone, self._settings().day_start_hour)

    def rules(self, extra_addresses: Iterable[str] = ()) -> CalendarRules:
        """Return the meeting rules of the current settings."""
        return calendar_rules(self._settings(), self._zone, extra_addresses)

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
        data = _read_bytes(path)
        with storage_errors(), self._sessions() as session:
            stored = CalendarRepository(session).source(key)
        first, last, origin = self._range(first, last, stored)
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
        report = store_read(self._sessions, read, rules, self._clock.now())
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
                    _forget_titles(repo, source)
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
        rules = self.rules()
        start, end = day_bounds(day, self._zone, rules.day_start_hour)
        with storage_errors(), self._sessions() as session:
            repo = CalendarRepository(session)
            pairs = repo.events_between(start - EVENT_PAD, end + EVENT_PAD)
            mine = ExclusionRepository(session).all()
            events = apply_exclusions(resolve_copies(repo, pairs), mine)
            summary = repo.days_between(day, day).get(day)
            covered = any(a <= day <= b for a, b in repo.coverage())
        touching = events_on(events, day, rules)
        mine = frozenset(x for x in mine if any(x.covers(e) for e in touching))
        if summary is None and covered:
            # Not summarised yet under these settings (a sync is due): work it out now.
            summary = summarise_days(touching, rules, day, day)[day]
        if not rules.keep_titles:
            # Rows stored before the setting changed keep titles until the next sync.
            touching = [dataclasses.replace(e, summary="") for e in touching]
        return DayAudit(day, summary if covered else None, tuple(touching), rules.keep_titles, mine)

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
            self._sessions, self.rules(), exclusion, excluded=excluded, now=self._clock.now()
        )
        if changed is None:
            return False
        self._notify()
        return True

    # --- internals ----------------------------------------------------------------------------

    def _range(
        self, first: dt.date | None, last: dt.date | None, stored: StoredSource | None
    ) -> tuple[dt.date, dt.date, RangeOrigin]:
        default_first, default_last = default_range(self.today())
        if first is not None or last is not None:
            first = first if first is not None else default_first
            last = last if last is not None else default_last
            origin = RangeOrigin.GIVEN
        elif stored is not None and (
            stored.first_day < default_first or stored.last_day > default_last
        ):
            first = min(stored.first_day, default_first)
            last = max(stored.last_day, default_last)
            origin = RangeOrigin.WIDENED
        else:
            first, last, origin = default_first, default_last, RangeOrigin.DEFAULT
        if last < first:
            raise CalendarImportError(
                f"The range {first} to {last} ends before it starts; give both --from and --to."
            )
        if (last - first).days > MAX_RANGE_YEARS * 366:
            raise CalendarImportError(
                f"The range {first} to {last} is longer than {MAX_RANGE_YEARS} years; "
                "import a shorter period."
            )
        return first, last, origin

    def _recompute(
        self, repo: CalendarRepository, ranges: list[tuple[dt.date, dt.date]]
    ) -> set[dt.date]:
        """Re-summarise every day in ``ranges`` from all sources; return the changed days."""
        return recompute_days(repo, self.rules(), ranges)

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()


# --- module internals ---------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    """Return the file's bytes; a folder, FIFO, device or oversized file is refused unread.

    The size cap is decided before the first byte is read and a FIFO is never waited on,
    so a path typed by mistake (or a hostile watch list) can neither hang nor fill memory.
    """
    try:
        return read_regular_file(path, MAX_ICS_BYTES)
    except FileRefusedError as error:
        raise CalendarImportError(f"{error}.") from None


def _forget_titles(repo: CalendarRepository, source: StoredSource) -> None:
    """Blank the titles stored for ``source``: its events, skipped events and warnings.

    Used for a file that is gone, so cannot be re-read under ``calendar.keep_titles`` off;
    the fingerprint stays as it was, so the file is still re-read should it come back.
    """
    events = repo.events_of(source.id)
    if any(event.summary for event in events):
        repo.replace_events(source.id, [dataclasses.replace(e, summary="") for e in events])
    report = load_report(source.report)
    skipped = report.get("skipped", [])
    warnings = report.get("warnings", [])
    if not isinstance(skipped, list) or not isinstance(warnings, list):
        return
    report["skipped"] = [
        [item[0], "", *item[2:]] for item in skipped if isinstance(item, list) and item
    ]
    # Warnings naming an event quote its title right after "Event ".
    report["warnings"] = [w for w in warnings if not str(w).startswith("Event '")]
    if report != load_report(source.report):
        repo.save_source(
            path=source.path,
            imported_at=source.imported_at,
            first_day=source.first_day,
            last_day=source.last_day,
            content_sha256=source.content_sha256,
            rules_key=source.rules_key,
            extra_addresses=source.extra_addresses,
            report=json.dumps(report, ensure_ascii=False),
        )
