"""Backups of the database file with SQLite's online backup API: write, verify, list, rotate.

Why the backup API rather than copying the file: a copy taken while another FocusApp (the
window, a ``focusapp log``) writes can mix two states of the database, and a WAL database is
two files anyway. ``sqlite3.Connection.backup`` copies one consistent snapshot inside a read
transaction, and restoring through it writes the live database in one transaction, so every
other connection sees either the old data or the restored data, never a mixture.

A backup is a standalone SQLite file (rollback journal, not WAL) named
``focusapp-YYYYMMDD-HHMMSSZ-KIND.sqlite3`` (UTC, so names sort by time), mode 0600, in the
``backups`` folder beside the database. It is written under a temporary name, checked with a
full ``PRAGMA integrity_check`` and only then given its final name, so a listed backup is
always complete.

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
never deletes the backups from before it. Only files whose names match the pattern above are
ever deleted; anything else in the folder is left alone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeVar

from focusapp.system.files import PRIVATE_DIR_MODE as DIR_MODE
from focusapp.system.files import PRIVATE_FILE_MODE as FILE_MODE

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

logger = logging.getLogger(__name__)

K = TypeVar("K")

#: Why a backup was made; part of its file name.
BACKUP_KINDS: Final = ("daily", "quit", "manual", "pre-restore", "pre-migrate")
#: Kinds kept for :data:`PROTECTED_DAYS` whatever rotation says.
PROTECTED_KINDS: Final = frozenset({"manual", "pre-restore", "pre-migrate"})
PROTECTED_DAYS: Final = 30
KEEP_DAILY: Final = 7
KEEP_WEEKLY: Final = 4
KEEP_MONTHLY: Final = 12
BACKUP_SUFFIX: Final = ".sqlite3"
BACKUP_PREFIX: Final = "focusapp-"
TEMP_PREFIX: Final = ".focusapp-"
LOCK_NAME: Final = ".lock"
#: How long a backup waits for another process to finish its own (a restore, say).
LOCK_TIMEOUT_S: Final = 30.0
#: How long any connection waits for another writer (SQLite's busy timeout), declared once.
BUSY_TIMEOUT_MS: Final = 10_000
#: A temporary backup file older than this belongs to a process that was killed.
ORPHAN_AGE_S: Final = 60.0

_NAME = re.compile(
    r"^focusapp-(?P<stamp>\d{8}-\d{6})Z-(?P<kind>"
    + "|".join(re.escape(kind) for kind in BACKUP_KINDS)
    + r")(?:-(?P<n>\d+))?\.sqlite3$"
)
_STAMP_FORMAT: Final = "%Y%m%d-%H%M%S"
# SQLite's primary result codes that mean "this file is not a sound database" rather than
# "the disk, the permissions or another process are in the way".
SQLITE_CORRUPT: Final = 11
SQLITE_NOTADB: Final = 26


class BackupError(RuntimeError):
    """A backup could not be written, read or restored; the message is for people."""


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """What a backup file holds, read from the file itself.

    Attributes:
        path: The backup file.
        created: When it was made (aware, UTC), from its name or else its modification time.
        kind: Why it was made (one of :data:`BACKUP_KINDS`, or ``"file"`` for another file).
        first_day: The earliest check-in in it, if any.
        last_day: The latest check-in in it, if any.
        days: How many days have a check-in.
        schema: The Alembic revision stamped in it (``None`` when it has none).
        problem: Why it cannot be read, or ``None`` when it can.
    """

    path: Path
    created: dt.datetime
    kind: str
    first_day: dt.date | None = None
    last_day: dt.date | None = None
    days: int = 0
    schema: str | None = None
    problem: str | None = None

    @property
    def name(self) -> str:
        """The file name, which ``focusapp backup restore`` accepts."""
        return self.path.name

    def describe(self) -> str:
        """Return e.g. ``42 days, 2026-01-01 to 2026-11-28`` (or why it is unreadable)."""
        if self.problem is not None:
            return f"unreadable: {self.problem}"
        if self.first_day is None or self.last_day is None:
            return "no check-ins"
        unit = "day" if self.days == 1 else "days"
        return f"{self.days} {unit}, {self.first_day.isoformat()} to {self.last_day.isoformat()}"


# --- names ------------------------------------------------------------------------------------


def backup_name(created: dt.datetime, kind: str, attempt: int = 0) -> str:
    """Return the file name of a backup made at ``created`` (aware) for ``kind``."""
    if kind not in BACKUP_KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    stamp = created.astimezone(dt.UTC).strftime(_STAMP_FORMAT)
    suffix = f"-{attempt + 1}" if attempt else ""
    return f"{BACKUP_PREFIX}{stamp}Z-{kind}{suffix}{BACKUP_SUFFIX}"


def parse_backup_name(name: str) -> tuple[dt.datetime, str] | None:
    """Return (created in UTC, kind) of a backup file name, or ``None`` for other names."""
    match = _NAME.match(name)
    if match is None:
        return None
    try:
        created = dt.datetime.strptime(match["stamp"], _STAMP_FORMAT).replace(tzinfo=dt.UTC)
    except ValueError:
        return None
    return created, match["kind"]


def backup_files(backups_dir: Path) -> list[tuple[Path, dt.datetime, str]]:
    """Return (path, created, kind) of every backup in the folder, newest first."""
    try:
        entries = list(backups_dir.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    found: list[tuple[Path, dt.datetime, str]] = []
    for path in entries:
        parsed = parse_backup_name(path.name)
        if parsed is not None:
            found.append((path, *parsed))
    found.sort(key=lambda entry: (entry[1], entry[0].name), reverse=True)
    return found


# --- connections and checks -------------------------------------------------------------------


def connect_readonly(path: Path) -> sqlite3.Connection:
    """Open ``path`` read-only, so reading a backup or a user's file can never change it."""
    if not path.is_file():
        raise BackupError(f"{path} does not exist or is not a file")
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return connection


def connect_live(path: Path) -> sqlite3.Connection:
    """Open the live database the way the app does (busy timeout), for backup and restore."""
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return connection


def check_rows(connection: sqlite3.Connection, *, full: bool) -> list[str]:
    """Run ``integrity_check`` (``full``) or ``quick_check``; return the problems, ``[]`` if ok.

    Raises:
        sqlite3.DatabaseError: When SQLite cannot even read the file (not a database...).
    """
    pragma = "integrity_check" if full else "quick_check"
    rows = connection.execute(f"PRAGMA {pragma}").fetchall()
    problems = [str(row[0]) for row in rows]
    return [] if problems == ["ok"] else problems


def is_damage(error: sqlite3.Error) -> bool:
    """Tell whether SQLite said the file is damaged or not a database (not an I/O problem)."""
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return (code & 0xFF) in (SQLITE_CORRUPT, SQLITE_NOTADB)
    text = str(error).lower()
    return "malformed" in text or "not a database" in text


def describe_sqlite_error(error: sqlite3.Error) -> str:
    """Return a plain reason for a SQLite failure (what to do about it where possible)."""
    text = str(error).lower()
    if "readonly" in text or "read-only" in text:
        return "the file or its folder is read-only"
    if "disk is full" in text or "database or disk is full" in text:
        return "the disk is full"
    if "locked" in text or "busy" in text:
        return "another FocusApp is using the database; try again in a moment"
    if "unable to open" in text:
        return "the file or its folder cannot be opened (check the permissions)"
    if is_damage(error):
        return f"the file is damaged ({error})"
    return str(error) or type(error).__name__


def integrity_problems(path: Path, *, full: bool = True) -> list[str]:
    """Check a database file read-only; return its problems, ``[]`` when it is sound."""
    try:
        connection = connect_readonly(path)
    except sqlite3.Error as error:
        return [describe_sqlite_error(error)]
    try:
        return check_rows(connection, full=full)
    except sqlite3.Error as error:
        return [describe_sqlite_error(error)]
    finally:
        connection.close()


def has_data(connection: sqlite3.Connection) -> bool:
    """Tell whether any table but Alembic's bookkeeping holds a row.

    Every table counts, so data added by later features (focus sessions...) counts too.
    """
    tables = [
        str(row[0])
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
        )
    ]
    for table in tables:
        quoted = '"' + table.replace('"', '""') + '"'
        if connection.execute(f"SELECT 1 FROM {quoted} LIMIT 1").fetchone() is not None:
            return True
    return False


def database_has_data(db_path: Path) -> bool:
    """Tell whether the live database exists and holds any row worth backing up."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        wal = Path(f"{db_path}-wal")
        if not wal.exists() or wal.stat().st_size == 0:
            return False
    connection = connect_live(db_path)
    try:
        return has_data(connection)
    finally:
        connection.close()


def _summary(connection: sqlite3.Connection) -> tuple[dt.date | None, dt.date | None, int]:
    try:
        row = connection.execute("SELECT min(day), max(day), count(*) FROM checkins").fetchone()
    except sqlite3.OperationalError:  # no check-ins table: an empty or foreign database
        return None, None, 0
    first = dt.date.fromisoformat(str(row[0])) if row[0] is not None else None
    last = dt.date.fromisoformat(str(row[1])) if row[1] is not None else None
    return first, last, int(row[2])


def _schema(connection: sqlite3.Connection) -> str | None:
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    return None if row is None else str(row[0])


def read_info(path: Path, created: dt.datetime | None = None, kind: str = "file") -> BackupInfo:
    """Describe a backup (or any FocusApp database file); never raises.

    Args:
        path: The file.
        created: When it was made; default: parsed from its name, else its modification time.
        kind: Why it was made; default: parsed from its name, else ``"file"``.
    """
    parsed = parse_backup_name(path.name)
    if created is None:
        if parsed is not None:
            created, kind = parsed
        else:
            try:
                created = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
            except OSError:
                created = dt.datetime.fromtimestamp(0, dt.UTC)
    try:
        connection = connect_readonly(path)
    except (sqlite3.Error, BackupError) as error:
        reason = describe_sqlite_error(error) if isinstance(error, sqlite3.Error) else str(error)
        return BackupInfo(path, created, kind, problem=reason)
    try:
        first, last, days = _summary(connection)
        schema = _schema(connection)
    except (sqlite3.Error, ValueError) as error:
        reason = describe_sqlite_error(error) if isinstance(error, sqlite3.Error) else str(error)
        return BackupInfo(path, created, kind, problem=reason)
    finally:
        connection.close()
    return BackupInfo(path, created, kind, first, last, days, schema)


def list_backups(backups_dir: Path) -> list[BackupInfo]:
    """Return every backup in the folder, newest first, each described from its contents."""
    return [read_info(path, created, kind) for path, created, kind in backup_files(backups_dir)]


# --- writing ----------------------------------------------------------------------------------


@contextlib.contextmanager
def backup_lock(backups_dir: Path, *, wait: bool = True) -> Iterator[bool]:
    """Hold the folder's lock while writing or rotating, so two processes never race.

    Yields whether the lock was taken: with ``wait=False`` a busy lock yields ``False`` at
    once (the start-up backup then leaves the work to the process that holds it). Platforms
    without ``fcntl`` run unlocked; the unique temporary names keep that safe, only wasteful.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield True
        return
    descriptor = os.open(backups_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, FILE_MODE)
    try:
        deadline = time.monotonic() + LOCK_TIMEOUT_S
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not wait:
                    yield False
                    return
                if time.monotonic() > deadline:
                    raise BackupError(
                        "another FocusApp has been making a backup for 30 s; try again later"
                    ) from None
                time.sleep(0.05)
        try:
            yield True
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
    finally:
        os.close(descriptor)


def ensure_backups_dir(backups_dir: Path) -> None:
    """Create the backups folder private to the user (0700)."""
    backups_dir.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if backups_dir.stat().st_mode & 0o077:
        backups_dir.chmod(DIR_MODE)


def _fsync_dir(folder: Path) -> None:
    # The rename is only durable once the folder's entry is on disk (POSIX); Windows has no
    # directory handles to sync, and there the rename is journaled by NTFS anyway.
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows
        return
    try:
        os.fsync(descriptor)
    except OSError:  # pragma: no cover - file systems without directory fsync
        pass
    finally:
        os.close(descriptor)


def _claim_final_name(temporary: Path, backups_dir: Path, created: dt.datetime, kind: str) -> Path:
    """Give the checked temporary file its final name without ever replacing another backup."""
    for attempt in range(100):
        final = backups_dir / backup_name(created, kind, attempt)
        try:
            os.link(temporary, final)
        except FileExistsError:
            continue
        except OSError:
            # File systems without hard links: a plain rename after an existence check (the
            # folder lock makes the check and the rename one step for FocusApp processes).
            if final.exists():
                continue
            temporary.replace(final)
            return final
        temporary.unlink()
        return final
    raise BackupError(f"too many backups named {backup_name(created, kind)}")


def write_backup(
    db_path: Path,
    backups_dir: Path,
    kind: str,
    now: dt.datetime,
    zone: dt.tzinfo | None = None,
    *,
    allow_empty: bool = False,
    keep: Sequence[Path] = (),
) -> BackupInfo | None:
    """Back the live database up, verify the copy, then rotate the folder.

    Args:
        db_path: The live database.
        backups_dir: Where backups go (created 0700).
        kind: Why (one of :data:`BACKUP_KINDS`).
        now: The current instant (aware); names the file.
        zone: The user's zone for rotation by local date (default: the system's).
        allow_empty: Also back up a database without any row. Off by default: an empty
            backup would be the newest of its day and rotate out a useful one.
        keep: Backups rotation must spare this time (the one about to be restored).

    Returns:
        The new backup, or ``None`` when the database holds nothing to back up.

    Raises:
        BackupError: If the copy could not be written or failed its integrity check; no
            partial file is left behind.
    """
    ensure_backups_dir(backups_dir)
    with backup_lock(backups_dir):
        info = _write_locked(db_path, backups_dir, kind, now, allow_empty=allow_empty)
        if info is not None:
            rotate(backups_dir, now, zone, keep=(info.path, *keep))
        return info


def remove_orphans(backups_dir: Path, max_age_s: float = ORPHAN_AGE_S) -> list[Path]:
    """Delete temporary files a killed backup left behind (older than ``max_age_s``).

    Called under the folder lock; the age check also keeps it safe where there is no lock.
    """
    removed: list[Path] = []
    cutoff = time.time() - max_age_s
    for path in backups_dir.glob(f"{TEMP_PREFIX}*.tmp*"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed


def _write_locked(
    db_path: Path, backups_dir: Path, kind: str, now: dt.datetime, *, allow_empty: bool
) -> BackupInfo | None:
    remove_orphans(backups_dir)
    if not db_path.exists():
        raise BackupError(f"there is no database at {db_path} to back up")
    stamp = now.astimezone(dt.UTC).strftime(_STAMP_FORMAT)
    temporary = backups_dir / f"{TEMP_PREFIX}{stamp}-{os.getpid()}-{time.monotonic_ns()}.tmp"
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except OSError as error:
        raise BackupError(
            f"the backups folder {backups_dir} cannot be written ({error.strerror or error})"
        ) from None
    os.close(descriptor)
    try:
        source = connect_live(db_path)
        try:
            if not allow_empty and not has_data(source):
                return None
            target = sqlite3.connect(temporary)
            try:
                source.backup(target)
                # The copy inherits WAL mode from page 1; a backup must be one standalone file.
                target.execute("PRAGMA journal_mode=DELETE")
                problems = check_rows(target, full=True)
                first, last, days = _summary(target)
                schema = _schema(target)
            finally:
                target.close()
        finally:
            source.close()
        if problems:
            raise BackupError("the backup failed its integrity check: " + "; ".join(problems[:3]))
        with temporary.open("rb") as handle:
            os.fsync(handle.fileno())
        temporary.chmod(FILE_MODE)
        final = _claim_final_name(temporary, backups_dir, now, kind)
        _fsync_dir(backups_dir)
    except sqlite3.Error as error:
        raise BackupError(f"the backup could not be made: {describe_sqlite_error(error)}") from None
    except OSError as error:
        raise BackupError(f"the backup could not be written: {error.strerror or error}") from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            Path(f"{temporary}-journal").unlink(missing_ok=True)
    created = now.astimezone(dt.UTC).replace(microsecond=0)
    logger.info("backed up %s to %s", db_path, final)
    return BackupInfo(final, created, kind, first, last, days, schema)


def backup_if_due(
    db_path: Path, backups_dir: Path, now: dt.datetime, zone: dt.tzinfo | None = None
) -> BackupInfo | None:
    """Make the day's automatic backup unless one was made today (local date) or is underway.

    Returns:
        The new backup, or ``None`` when none was due or there was nothing to back up.

    Raises:
        BackupError: If a due backup could not be made.
    """
    today = now.astimezone(zone).date()
    if any(created.astimezone(zone).date() == today for _, created, _ in backup_files(backups_dir)):
        return None
    ensure_backups_dir(backups_dir)
    with backup_lock(backups_dir, wait=False) as locked:
        if not locked:
            return None  # another FocusApp is backing up right now
        # Checked again under the lock: another process may have just finished today's.
        files = backup_files(backups_dir)
        if any(created.astimezone(zone).date() == today for _, created, _ in files):
            return None
        info = _write_locked(db_path, backups_dir, "daily", now, allow_empty=False)
        if info is not None:
            rotate(backups_dir, now, zone, keep=(info.path,))
        return info


# --- rotation ---------------------------------------------------------------------------------


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


# --- restoring --------------------------------------------------------------------------------


def restore_into(source: Path, db_path: Path) -> None:
    """Replace the live database's contents with ``source`` in one write transaction.

    The caller has verified ``source``. Other connections (the window, a command line) keep
    working and see the restored data from their next transaction on.

    Raises:
        BackupError: If the restore failed; the live database is then unchanged.
    """
    try:
        reader = connect_readonly(source)
    except sqlite3.Error as error:
        raise BackupError(f"{source} cannot be read: {describe_sqlite_error(error)}") from None
    try:
        target = connect_live(db_path)
        try:
            reader.backup(target)
            problems = check_rows(target, full=False)
        finally:
            target.close()
    except sqlite3.Error as error:
        raise BackupError(f"the restore failed: {describe_sqlite_error(error)}") from None
    finally:
        reader.close()
    if problems:
        raise BackupError("the restored database failed its check: " + "; ".join(problems[:3]))


def database_in_use(db_path: Path) -> bool:
    """Tell whether another connection (another FocusApp) has the database open.

    Leaving WAL mode needs the only connection to the file, so a refused switch means another
    one exists. Only used right before deleting the file, so the switch itself does not matter.
    """
    if not db_path.exists():
        return False
    try:
        connection = sqlite3.connect(db_path, timeout=0.5)
    except sqlite3.Error:
        return False
    try:
        connection.execute("PRAGMA busy_timeout=500")
        mode = connection.execute("PRAGMA journal_mode=DELETE").fetchone()
    except sqlite3.OperationalError as error:
        return "locked" in str(error).lower() or "busy" in str(error).lower()
    except sqlite3.DatabaseError:
        return False  # a damaged file is nobody's database
    finally:
        connection.close()
    return mode is None or str(mode[0]).lower() != "delete"
