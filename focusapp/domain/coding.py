"""Coding time estimated from commits, the way git-hours does, split into the user's days.

A commit says someone was working at that moment, not for how long. git-hours
(https://github.com/kimmobrunfeldt/git-hours) turns commits into sessions with two rules,
used here with the same defaults, both adjustable:

* commits less than ``max_gap`` (2 hours) apart belong to one session, which runs from the
  first commit to the last;
* each session starts ``first_commit`` (30 minutes) before its first commit, the work that
  led up to it.

Sessions that would overlap (possible only when ``first_commit`` exceeds ``max_gap``) are
merged, so no minute is counted twice. Sessions are cut at the user's day start
(:func:`focusapp.domain.intervals.split_by_day`, built on :mod:`focusapp.domain.days`); a
day's minutes are the exact time covered on that day, rounded once. Each day also lists
the commits behind it, for the audit. Commit messages are never part of this model.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from focusapp.domain.days import DEFAULT_DAY_START_HOUR, local_day
from focusapp.domain.intervals import Interval, split_by_day, to_minutes

if TYPE_CHECKING:
    from collections.abc import Iterable
    from zoneinfo import ZoneInfo

#: Commits closer together than this are one session (git-hours' ``--max-commit-diff``).
DEFAULT_MAX_GAP: Final = dt.timedelta(hours=2)
#: Time credited before a session's first commit (git-hours' ``--first-commit-add``).
DEFAULT_FIRST_COMMIT: Final = dt.timedelta(minutes=30)
_ZERO: Final = dt.timedelta(0)


@dataclass(frozen=True, slots=True)
class Commit:
    """One commit by the user, as much as the estimate and the audit need.

    Attributes:
        sha: The full commit hash; the same commit reached twice counts once.
        authored_at: When it was authored (aware; stored in UTC).
        repository: The repository it was found in, for the audit.
    """

    sha: str
    authored_at: dt.datetime
    repository: str = ""

    def __post_init__(self) -> None:
        """Store the time in UTC.

        Raises:
            ValueError: If ``authored_at`` is naive.
        """
        if self.authored_at.tzinfo is None:
            raise ValueError("a commit time must be timezone-aware")
        object.__setattr__(self, "authored_at", self.authored_at.astimezone(dt.UTC))


@dataclass(frozen=True, slots=True)
class CodingSession:
    """A stretch of work inferred from commits.

    Attributes:
        start: ``first_commit`` before the first commit.
        end: The last commit.
        commits: The commits in it, oldest first.
    """

    start: dt.datetime
    end: dt.datetime
    commits: tuple[Commit, ...]

    @property
    def interval(self) -> Interval:
        """Return the session as an interval."""
        return Interval(self.start, self.end)


@dataclass(frozen=True, slots=True)
class CodingDay:
    """The coding time estimated for one user-day, with what it is based on.

    Attributes:
        day: The user's day.
        minutes: Whole minutes of session time on that day.
        commits: The commits of every session that has time on that day, oldest first.
    """

    day: dt.date
    minutes: int
    commits: tuple[Commit, ...]


def _check(max_gap: dt.timedelta, first_commit: dt.timedelta) -> None:
    if max_gap <= _ZERO:
        raise ValueError("max_gap must be positive")
    if first_commit < _ZERO:
        raise ValueError("first_commit must not be negative")


def coding_sessions(
    commits: Iterable[Commit],
    *,
    max_gap: dt.timedelta = DEFAULT_MAX_GAP,
    first_commit: dt.timedelta = DEFAULT_FIRST_COMMIT,
) -> list[CodingSession]:
    """Group commits into sessions, oldest first; see the module docstring for the rules.

    Raises:
        ValueError: If ``max_gap`` is not positive or ``first_commit`` is negative.
    """
    _check(max_gap, first_commit)
    unique = {commit.sha: commit for commit in commits}
    ordered = sorted(unique.values(), key=lambda c: (c.authored_at, c.sha))
    sessions: list[CodingSession] = []
    group: list[Commit] = []
    for commit in ordered:
        if group and commit.authored_at - group[-1].authored_at >= max_gap:
            sessions = _add(sessions, group, first_commit)
            group = []
        group.append(commit)
    if group:
        sessions = _add(sessions, group, first_commit)
    return sessions


def _add(
    sessions: list[CodingSession], group: list[Commit], first_commit: dt.timedelta
) -> list[CodingSession]:
    start = group[0].authored_at - first_commit
    end = group[-1].authored_at
    if sessions and start <= sessions[-1].end:
        previous = sessions[-1]
        merged = CodingSession(
            previous.start, max(previous.end, end), previous.commits + tuple(group)
        )
        return [*sessions[:-1], merged]
    return [*sessions, CodingSession(start, end, tuple(group))]


def coding_days(
    commits: Iterable[Commit],
    zone: ZoneInfo,
    day_start_hour: int = DEFAULT_DAY_START_HOUR,
    *,
    max_gap: dt.timedelta = DEFAULT_MAX_GAP,
    first_commit: dt.timedelta = DEFAULT_FIRST_COMMIT,
) -> dict[dt.date, CodingDay]:
    """Return the estimated coding time per user-day, in day order.

    Days with commits but no time (a lone commit with ``first_commit`` zero) are listed
    with 0 minutes, so the audit can still show the commit.

    Raises:
        ValueError: If ``max_gap`` is not positive or ``first_commit`` is negative.
    """
    sessions = coding_sessions(commits, max_gap=max_gap, first_commit=first_commit)
    covered: dict[dt.date, dt.timedelta] = {}
    behind: dict[dt.date, list[Commit]] = {}
    for session in sessions:
        pieces = split_by_day([session.interval], zone, day_start_hour)
        if not pieces:  # a zero-length session still belongs to its commit's day
            pieces = {local_day(session.start, zone, day_start_hour): []}
        for day, parts in pieces.items():
            covered[day] = covered.get(day, _ZERO) + sum((p.duration for p in parts), _ZERO)
            behind.setdefault(day, []).extend(session.commits)
    return {
        day: CodingDay(day, to_minutes(covered[day]), tuple(behind[day])) for day in sorted(covered)
    }
