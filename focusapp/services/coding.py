"""Coding time from local work: add git folders, re-scan them, and explain any day.

A coding source is a git repository or a folder whose repositories are all scanned (see
:mod:`focusapp.formats.git_log`: git itself, through a subprocess with a timeout, offline).
Only the user's commits are kept, and of each only its hash, author time and repository:
never a message, a file name or a diff. The per-day estimate is worked out when days are
read (:func:`focusapp.domain.sources.derive_days`), so a changed day start or zone needs no
re-scan; a re-scan (:meth:`CodingService.sync`) picks up new commits.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from focusapp.domain.calendar import normalize_address
from focusapp.domain.coding import CodingSession, Commit, coding_days, coding_sessions
from focusapp.domain.days import day_bounds
from focusapp.domain.intervals import Interval, clip, to_minutes, total_duration, union
from focusapp.domain.sources import COMMIT_PAD
from focusapp.formats.activitywatch import (
    DEFAULT_APPS,
    ActivityFormatError,
    find_database,
    read_activity,
)
from focusapp.formats.git_log import GitError, configured_email, scan
from focusapp.services.changes import ChangeKind, Changes
from focusapp.services.profile import Profile, ProfileService
from focusapp.storage.errors import storage_errors
from focusapp.storage.sources_repository import CodingRepository, CodingSource
from focusapp.system.files import FileRefusedError
from focusapp.wording.translate import translate

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Mapping


GIT: Final = "git"
ACTIVITYWATCH: Final = "activitywatch"
_CONTEXT: Final = "Coding sources"


class CodingSourceError(ValueError):
    """A coding source cannot be added or read; nothing was written. For people."""


@dataclass(frozen=True, slots=True)
class CodingSourceInfo:
    """A coding source as listed for the user.

    Attributes:
        path: Resolved absolute path.
        kind: ``git`` (or ``activitywatch``).
        authors: The addresses whose commits count: those given, plus git config's.
        repositories: The repositories found at the last scan.
        commits: The user's commits stored from it (for ActivityWatch: editor stretches).
        added_at: When it was added (aware UTC).
        scanned_at: When it was last scanned (aware UTC), if ever.
        warnings: Repositories that could not be read at the last scan, and the like.
    """

    path: str
    kind: str
    authors: tuple[str, ...]
    repositories: tuple[str, ...]
    commits: int
    added_at: dt.datetime
    scanned_at: dt.datetime | None
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CodingAudit:
    """One day's coding estimate from commits, with everything behind it.

    Attributes:
        date: The user's day.
        minutes: The commits' estimate for the day (``None`` without commits).
        sessions: The estimated sessions with time on the day, oldest first.
        sources: The coding sources (paths) the day's commits were found in.
        activity_minutes: ActivityWatch's editor time on the day (``None`` without any).
        activity_sources: The ActivityWatch databases added.
    """

    date: dt.date
    minutes: int | None
    sessions: tuple[CodingSession, ...]
    sources: tuple[str, ...]
    activity_minutes: int | None = None
    activity_sources: tuple[str, ...] = ()


def resolve_folder(text: str) -> Path:
    """Return the absolute folder a user typed.

    Raises:
        CodingSourceError: If it is empty, not there or not a folder.
    """
    stripped = text.strip()
    if not stripped:
        raise CodingSourceError(translate(_CONTEXT, "No folder was given."))
    try:
        path = Path(stripped).expanduser().resolve()
    except (OSError, RuntimeError) as error:
        text = translate(_CONTEXT, "{path} cannot be read ({problem}).")
        raise CodingSourceError(text.format(path=stripped, problem=error)) from None
    if not path.is_dir():
        text = translate(_CONTEXT, "{path} is not a folder (give a git repository or a folder).")
        raise CodingSourceError(text.format(path=path))
    return path


class CodingService(ProfileService):
    """Coding sources and their commits; every method opens its own session."""

    def __init__(self, profile: Profile, environ: Mapping[str, str] | None = None) -> None:
        super().__init__(profile)
        # ``None``: git sees the environment of the moment (HOME decides its config).
        self._environ = None if environ is None else dict(environ)

    def default_author(self) -> str | None:
        """Return ``git config user.email`` (global), the address used when none is given.

        Raises:
            CodingSourceError: If git cannot be run.
        """
        try:
            return configured_email(environ=self._environ)
        except GitError as error:
            raise CodingSourceError(str(error)) from None

    def add(self, path_text: str, authors: Iterable[str] = ()) -> CodingSourceInfo:
        """Add a repository (or a folder of them), scan it now and store the user's commits.

        Raises:
            CodingSourceError: If the path is not a folder, holds no repository, git cannot
                be run, or no address says which commits are the user's. Nothing written.
            StorageError: If the database cannot be written.
        """
        path = resolve_folder(path_text)
        given = tuple(sorted({normalize_address(a) for a in authors} - {""}))
        if not given and self.default_author() is None:
            raise CodingSourceError(
                translate(
                    _CONTEXT,
                    "Say which commits are yours: git config user.email is not set, so give "
                    "--author EMAIL.",
                )
            )
        return self._scan(str(path), given)

    def add_activitywatch(
        self, path_text: str | None = None, apps: Iterable[str] = ()
    ) -> CodingSourceInfo:
        """Add ActivityWatch's database (found in the usual place when not given) and read it.

        Args:
            path_text: The database file; ``None`` looks under ``$XDG_DATA_HOME``.
            apps: The editors and notebooks to count (default :data:`DEFAULT_APPS`);
                ``title:NAME`` matches window titles.

        Raises:
            CodingSourceError: If there is no such database or it cannot be read.
        """
        if path_text is None or not path_text.strip():
            found = find_database(_data_home())
            if found is None:
                raise CodingSourceError(
                    translate(
                        _CONTEXT,
                        "No ActivityWatch database was found (aw-server-rust's sqlite.db or "
                        "aw-server's peewee-sqlite.v2.db); give its path.",
                    )
                )
            path = found.resolve()
        else:
            path = Path(path_text.strip()).expanduser().resolve()
        chosen = tuple(a.strip().lower() for a in apps if a.strip()) or DEFAULT_APPS
        return self._read_activity(str(path), chosen)

    def sync(self) -> list[tuple[str, CodingSourceInfo | None, str | None]]:
        """Re-read every coding source; return ``(path, info or None, error or None)`` each."""
        with storage_errors(), self._sessions() as session:
            stored = CodingRepository(session).sources()
        outcomes: list[tuple[str, CodingSourceInfo | None, str | None]] = []
        for source in stored:
            try:
                if source.kind == ACTIVITYWATCH:
                    info = self._read_activity(source.path, source.authors)
                else:
                    info = self._scan(source.path, source.authors)
                outcomes.append((source.path, info, None))
            except CodingSourceError as error:
                outcomes.append((source.path, None, str(error)))
        return outcomes

    def remove(self, path_text: str) -> bool:
        """Forget a coding source and its commits; return whether it had been added."""
        stripped = path_text.strip()
        candidates = {stripped, str(Path(stripped).expanduser().resolve())} if stripped else set()
        with storage_errors(), self._sessions.begin() as session:
            repo = CodingRepository(session)
            removed = False
            for path in sorted(candidates):
                removed = repo.delete_source(path) or removed
        if removed:
            self._notify()
        return removed

    def sources(self) -> list[CodingSourceInfo]:
        """Return every coding source, in the order added."""
        with storage_errors(), self._sessions() as session:
            repo = CodingRepository(session)
            return [
                _info(
                    source,
                    repo.interval_count(source.id)
                    if source.kind == ACTIVITYWATCH
                    else repo.commit_count(source.id),
                )
                for source in repo.sources()
            ]

    def audit(self, day: dt.date) -> CodingAudit:
        """Return the commits' estimate for ``day`` and the sessions and sources behind it."""
        hour = self._day_start_hour()
        start, end = day_bounds(day, self.zone, hour)
        with storage_errors(), self._sessions() as session:
            repo = CodingRepository(session)
            commits = repo.commits_between(start - COMMIT_PAD, end + COMMIT_PAD)
            activity = clip(repo.intervals_between(start, end), Interval(start, end))
            sources = repo.sources()
        paths = [s.path for s in sources if s.kind == GIT]
        watched = tuple(s.path for s in sources if s.kind == ACTIVITYWATCH)
        active = to_minutes(total_duration(union(activity))) if activity else None
        estimate = coding_days(commits, self.zone, hour).get(day)
        if estimate is None:
            return CodingAudit(day, None, (), (), active, watched)
        sessions = tuple(s for s in coding_sessions(commits) if s.start < end and s.end >= start)
        behind = {_owner(commit, paths) for s in sessions for commit in s.commits}
        behind_paths = tuple(sorted(behind))
        return CodingAudit(day, estimate.minutes, sessions, behind_paths, active, watched)

    def _scan(self, path: str, given: tuple[str, ...]) -> CodingSourceInfo:
        try:
            found = scan(Path(path), given, environ=self._environ)
            global_email = configured_email(environ=self._environ)
        except GitError as error:
            raise CodingSourceError(str(error)) from None
        if not found.repositories:
            text = translate(_CONTEXT, "No git repository was found at or below {path}.")
            raise CodingSourceError(text.format(path=path))
        addresses = sorted({*given, *((normalize_address(global_email),) if global_email else ())})
        report = json.dumps(
            {
                "repositories": [str(r) for r in found.repositories],
                "warnings": found.warnings,
                "addresses": addresses,
            },
            ensure_ascii=False,
        )
        now = self.clock.now()
        with storage_errors(), self._sessions.begin() as session:
            repo = CodingRepository(session)
            source = repo.save_source(
                path=path, kind=GIT, authors=given, added_at=now, scanned_at=now, report=report
            )
            count = repo.replace_commits(source.id, found.commits)
        self._notify()
        return _info(source, count)

    def _read_activity(self, path: str, apps: tuple[str, ...]) -> CodingSourceInfo:
        try:
            found = read_activity(Path(path), apps)
        except (FileRefusedError, ActivityFormatError) as error:
            raise CodingSourceError(str(error)) from None
        report = json.dumps({"warnings": found.warnings, "addresses": list(apps)})
        now = self.clock.now()
        with storage_errors(), self._sessions.begin() as session:
            repo = CodingRepository(session)
            source = repo.save_source(
                path=path,
                kind=ACTIVITYWATCH,
                authors=apps,
                added_at=now,
                scanned_at=now,
                report=report,
            )
            count = repo.replace_intervals(source.id, found.intervals)
        self._notify()
        return _info(source, count)

    def _notify(self) -> Changes:
        return self.feed.publish(Changes.of(ChangeKind.CODING))


def _data_home() -> Path:
    """Return ``$XDG_DATA_HOME`` (when absolute) or ``~/.local/share``, as of now."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local/share"


def _owner(commit: Commit, paths: list[str]) -> str:
    """Return the source a commit was found in: the longest source path holding its repo."""
    repository = Path(commit.repository)
    holding = [p for p in paths if repository == Path(p) or Path(p) in repository.parents]
    return max(holding, key=len) if holding else commit.repository


def _info(source: CodingSource, commits: int) -> CodingSourceInfo:
    try:
        report = json.loads(source.report)
    except ValueError:
        report = {}
    if not isinstance(report, dict):
        report = {}
    return CodingSourceInfo(
        path=source.path,
        kind=source.kind,
        authors=tuple(str(a) for a in report.get("addresses", source.authors)),
        repositories=tuple(str(r) for r in report.get("repositories", [])),
        commits=commits,
        added_at=source.added_at,
        scanned_at=source.scanned_at,
        warnings=tuple(str(w) for w in report.get("warnings", [])),
    )
