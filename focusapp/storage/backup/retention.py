"""Which backups to keep: a few per day, week and month, and every one the user may need back.

Rotation (:func:`select_kept`) keeps, by the local date each backup was made:

- the newest automatic (``daily`` or ``quit``) backup of each of the 7 most recent days that
  have one ("daily"), so that "Back up now" adds a backup and never displaces the day's
  automatic one,
- the newest of each of the 4 most recent ISO weeks that have a backup ("weekly"),
- the newest of each of the 12 most recent months that have a backup ("monthly"),
- and every ``manual``, ``pre-restore`` or ``pre-migrate`` backup younger than 30 days: the
  user asked for the first, and the others are the only way back from a restore or a schema
  upgrade, so a later automatic backup the same day must not push them out.

Counting days *that have a backup* rather than calendar days means a month without FocusApp
never deletes the backups from before it. Only files whose names match
:func:`~focusapp.storage.backup.names.parse_backup_name` are ever deleted.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Final, TypeVar

from focusapp.storage.backup.names import backup_files

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from pathlib import Path

logger = logging.getLogger(__name__)

K = TypeVar("K")

#: Kinds kept for :data:`PROTECTED_DAYS` whatever rotation says.
PROTECTED_KINDS: Final = frozenset({"manual", "pre-restore", "pre-migrate"})
PROTECTED_DAYS: Final = 30
KEEP_DAILY: Final = 7
KEEP_WEEKLY: Final = 4
KEEP_MONTHLY: Final = 12


def _day(local: dt.date) -> object:
    return local


def _iso_week(local: dt.date) -> object:
    year, week, _ = local.isocalendar()
    return (year, week)


def _month(local: dt.date) -> object:
    return (local.year, local.month)


#: (period of a local date, how many periods, whether only automatic backups count).
_RULES: Final = (
    (_day, KEEP_DAILY, True),
    (_iso_week, KEEP_WEEKLY, False),
    (_month, KEEP_MONTHLY, False),
)


def select_kept(
    backups: Iterable[tuple[K, dt.datetime, str]],
    now: dt.datetime,
    zone: dt.tzinfo | None = None,
) -> set[K]:
    """Return the keys of the backups rotation keeps (see the module docstring).

    Args:
        backups: (key, created (aware), kind) of every backup.
        now: The current instant, for the age of protected backups.
        zone: The zone whose local dates make days, weeks and months (default: the system's).
    """
    ordered = sorted(backups, key=lambda entry: entry[1], reverse=True)
    kept: set[K] = set()
    for period_of, limit, automatic_only in _RULES:
        seen: set[object] = set()
        for key, created, kind in ordered:
            if automatic_only and kind in PROTECTED_KINDS:
                continue  # kept on its own below; must not push the day's automatic one out
            period = period_of(created.astimezone(zone).date())
            if period in seen:
                continue  # an older backup of a period already kept
            if len(seen) == limit:
                break
            seen.add(period)
            kept.add(key)
    horizon = now - dt.timedelta(days=PROTECTED_DAYS)
    kept.update(
        key for key, created, kind in ordered if kind in PROTECTED_KINDS and created >= horizon
    )
    return kept


def rotate(
    backups_dir: Path,
    now: dt.datetime,
    zone: dt.tzinfo | None = None,
    *,
    keep: Sequence[Path] = (),
) -> list[Path]:
    """Delete the backups rotation does not keep; return what was deleted.

    ``keep`` names files to spare whatever their date says (the backup just written, even
    if the clock was turned back).
    """
    files = backup_files(backups_dir)
    kept = select_kept(((path, created, kind) for path, created, kind in files), now, zone)
    kept.update(keep)
    deleted: list[Path] = []
    for path, _created, _kind in files:
        if path in kept:
            continue
        try:
            path.unlink(missing_ok=True)
        except OSError as error:
            logger.warning("could not delete the old backup %s: %s", path, error.strerror)
            continue
        deleted.append(path)
    if deleted:
        logger.info("rotation deleted %d old backups", len(deleted))
    return deleted
