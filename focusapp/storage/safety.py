"""Opening the database safely at start: checks, recovery, migration and what to tell the user.

Every start, in the window and on the command line, runs these steps:

1. **Quick check.** ``PRAGMA quick_check`` on the file (a few milliseconds for years of
   check-ins). The file is *damaged* when its header is not SQLite's, when SQLite reports it
   corrupt or not a database, or when the check lists problems: truncated, a zeroed page,
   random bytes. (The header is read first because SQLite deletes the ``-wal`` beside a
   file that is no database when it closes it. On a file with a sound header SQLite may fold
   the write-ahead log into the file while checking it; that keeps every committed change.)
2. **Damage is moved aside, never deleted.** The file and its ``-wal``/``-shm``/``-journal``
   are renamed ``focusapp.sqlite3.damaged-YYYYMMDD-HHMMSS`` (local time; the sidecar files
   keep SQLite's naming, so the set still opens as one database for a repair attempt), a new
   empty database is created and the report offers the newest backup that passes a full
   integrity check. FocusApp always starts.
3. **Trouble that is not damage is never "repaired".** A read-only file or folder, a full
   disk, a lock held by another program: moving a sound file aside because of those would
   hide the user's data, so :class:`DatabaseUnavailableError` says plainly what is wrong and
   the file stays where it is.
4. **A 0-byte file** is a valid empty database to SQLite. It is what a crash during the very
   first start leaves, and then it holds nothing to lose: with no backup in the folder it is
   simply used as the new database. When backups exist, FocusApp has held data before, so
   an empty file means the data went missing (a sync tool, a full disk): it is treated as
   damage, set aside and a restore offered. A 0-byte file with a non-empty ``-wal`` is not
   empty at all (the data is still in the log) and goes through the quick check.
5. **A database from a newer FocusApp** is refused with :class:`DatabaseTooNewError` and left
   untouched: the usual cause is an older ``focusapp`` command beside a newer app, and
   moving the file behind a script's back would make the newer app look empty. Only when the
   person at the window agreed (``newer="set_aside"``) is it renamed, byte for byte
   unchanged, to ``focusapp.sqlite3.newer-YYYYMMDD-HHMMSS``, a new database started and a
   backup offered.
6. **Migrations back up first.** A database with data at an older schema is backed up
   (``pre-migrate``) before ``alembic upgrade``; if that backup fails, nothing is upgraded.
7. **The day's backup.** The first start of each local day makes the automatic backup; a
   failure is reported but does not stop the start.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from sqlalchemy.exc import SQLAlchemyError

from focusapp.domain.errors import StorageError
from focusapp.domain.phrases import Phrase
from focusapp.storage import migrate
from focusapp.storage.backup.contents import BackupInfo, list_backups
from focusapp.storage.backup.integrity import (
    BUSY_TIMEOUT_MS,
    check_rows,
    database_has_data,
    describe_sqlite_error,
    integrity_problems,
    is_damage,
)
from focusapp.storage.backup.names import BackupError, backup_files
from focusapp.storage.backup.write import backup_if_due, write_backup
from focusapp.storage.db import make_engine
from focusapp.storage.startup_words import (
    CONTEXT,
    DAMAGED,
    LOST_WAL,
    NEWEST_BACKUP,
    NO_BACKUP,
    NO_DAILY_BACKUP,
    SET_ASIDE,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

logger = logging.getLogger(__name__)

#: What to do with a database written by a newer FocusApp.
NewerDatabase = Literal["refuse", "set_aside"]
BACKUPS_DIR_NAME: Final = "backups"
#: Files SQLite keeps beside a database; they travel with it when it is set aside.
SIDECAR_SUFFIXES: Final = ("-wal", "-shm", "-journal")
_ASIDE_STAMP: Final = "%Y%m%d-%H%M%S"
#: The first 16 bytes of every SQLite 3 database file.
SQLITE_HEADER: Final = b"SQLite format 3\x00"


class DatabaseUnavailableError(StorageError):
    """The database cannot be opened for a reason that is not damage (permissions, disk full).

    The file was left exactly where and as it was; the message says what to do. A
    :class:`StorageError`, so every front end already shows it as one plain line.
    """


@dataclass
class StartupReport:
    """What happened while opening the database, for the front end to tell the user.

    Attributes:
        messages: Plain sentences for the user, one line each (empty when all was well).
        moved_aside: Where a damaged or too-new database was moved, if it was.
        newest_good_backup: The newest backup that passed a full integrity check, looked
            up when a database was moved aside.
        offer_restore: Whether to offer restoring ``newest_good_backup``.
        daily_backup: The automatic backup made by this start, if one was due.
    """

    messages: list[str] = field(default_factory=list)
    moved_aside: Path | None = None
    newest_good_backup: BackupInfo | None = None
    offer_restore: bool = False
    daily_backup: BackupInfo | None = None


def lost_wal(db_path: Path) -> bool:
    """Tell whether the database's ``-wal`` file vanished while its ``-shm`` remains.

    SQLite removes both when the last connection closes cleanly, and a crash leaves both (or
    the WAL alone), so a shared-memory index without its log means the log was deleted
    behind SQLite's back, taking any change not yet folded into the database with it.
    """
    shm = db_path.with_name(db_path.name + "-shm")
    wal = db_path.with_name(db_path.name + "-wal")
    return db_path.exists() and shm.exists() and not wal.exists()


def open_database(
    db_path: Path,
    backups_dir: Path | None = None,
    *,
    now: dt.datetime | None = None,
    zone: dt.tzinfo | None = None,
    newer: NewerDatabase = "refuse",
) -> tuple[Engine, StartupReport]:
    """Check, recover if needed, migrate and back up the database at ``db_path``.

    Args:
        db_path: The database file (created when missing).
        backups_dir: The backups folder (default: ``backups`` beside the database).
        now: The current instant (aware; default: the system clock).
        zone: The user's zone, for local dates of backups and names (default: the system's).
        newer: ``"refuse"`` a database from a newer FocusApp, or ``"set_aside"`` to move it
            aside untouched and start anew (only after the user agreed).

    Returns:
        The engine on a sound, current database and what the user should be told.

    Raises:
        DatabaseTooNewError: With ``newer="refuse"``, for a newer FocusApp's database.
        DatabaseUnavailableError: If the file cannot be used for a reason other than damage.
    """
    folder = backups_dir if backups_dir is not None else db_path.parent / BACKUPS_DIR_NAME
    moment = now if now is not None else dt.datetime.now(dt.UTC)
    report = StartupReport()
    # Before anything opens the file: opening it would create a new, empty log.
    if lost_wal(db_path):
        report.messages.append(Phrase(CONTEXT, LOST_WAL))
    damage = inspect_file(db_path, has_backups=bool(backup_files(folder)))
    if damage is not None:
        moved = move_aside(db_path, "damaged", moment, zone)
        report.moved_aside = moved
        report.messages.append(
            Phrase(CONTEXT, DAMAGED, damage=damage, name=moved.name, folder=str(moved.parent))
        )
        _offer_backup(folder, report, zone)
    engine = make_engine(db_path)
    try:
        engine = _bring_to_head(engine, db_path, folder, moment, zone, newer, report)
    except BaseException:
        engine.dispose()
        raise
    try:
        report.daily_backup = backup_if_due(db_path, folder, moment, zone)
    except BackupError as error:
        report.messages.append(Phrase(CONTEXT, NO_DAILY_BACKUP, error=str(error)))
    except OSError as error:
        report.messages.append(Phrase(CONTEXT, NO_DAILY_BACKUP, error=error.strerror or str(error)))
    except sqlite3.Error as error:
        report.messages.append(Phrase(CONTEXT, NO_DAILY_BACKUP, error=describe_sqlite_error(error)))
    for message in report.messages:
        logger.warning("%s", message)
    if report.offer_restore and report.newest_good_backup is not None:
        logger.warning(
            "restore it with: focusapp backup restore %s", report.newest_good_backup.name
        )
    return engine, report


def inspect_file(db_path: Path, *, has_backups: bool) -> str | None:
    """Quick-check the database file; return why it is damaged, or ``None`` if usable.

    Raises:
        DatabaseUnavailableError: If SQLite cannot read it for a reason other than damage.
    """
    wal = Path(f"{db_path}-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    if not db_path.exists():
        if wal_size > 0:
            return "the database file is missing but its write-ahead log is still there"
        return None
    size = db_path.stat().st_size
    if size == 0 and wal_size == 0:
        return "the database file is empty (0 bytes)" if has_backups else None
    if size > 0:
        # Checked before SQLite opens the file: on a file that is not a database, SQLite
        # deletes the -wal and -shm beside it when the connection closes, and the log may
        # hold the latest check-ins.
        try:
            with db_path.open("rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
        except OSError as error:
            raise DatabaseUnavailableError(
                f"FocusApp cannot read its database {db_path}: {error.strerror or error}. "
                "Nothing was changed."
            ) from None
        if header != SQLITE_HEADER:
            return "file is not a database"
    try:
        connection = sqlite3.connect(db_path, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as error:
        raise _unavailable(db_path, error) from None
    try:
        connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        problems = check_rows(connection, full=False)
    except sqlite3.Error as error:
        if is_damage(error):
            return str(error)
        raise _unavailable(db_path, error) from None
    finally:
        connection.close()
    if problems:
        shown = "; ".join(" ".join(p.split()) for p in problems[:2])
        return f"the quick check found: {shown}"
    return None


def move_aside(db_path: Path, label: str, now: dt.datetime, zone: dt.tzinfo | None) -> Path:
    """Rename the database and its sidecar files to ``<name>.<label>-<local time>``.

    Nothing is copied or deleted. If a sidecar cannot follow, the database is moved back,
    because a new database would otherwise replay the old write-ahead log.

    Raises:
        DatabaseUnavailableError: If the files could not be renamed (all are then in place).
    """
    stamp = now.astimezone(zone).strftime(_ASIDE_STAMP)
    target = db_path
    for attempt in range(1000):
        suffix = f"-{attempt + 1}" if attempt else ""
        target = db_path.with_name(f"{db_path.name}.{label}-{stamp}{suffix}")
        if not any(Path(f"{target}{s}").exists() for s in ("", *SIDECAR_SUFFIXES)):
            break
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in ("", *SIDECAR_SUFFIXES):
            source = Path(f"{db_path}{suffix}")
            if source.exists():
                destination = Path(f"{target}{suffix}")
                source.rename(destination)
                moved.append((source, destination))
    except OSError as error:
        for source, destination in reversed(moved):
            with contextlib.suppress(OSError):
                destination.rename(source)
        raise DatabaseUnavailableError(
            f"FocusApp's database {db_path} could not be used and could not be moved aside "
            f"({error.strerror or error}); nothing was changed. Check the folder's permissions."
        ) from None
    logger.info("moved %s aside to %s", db_path, target)
    return target


def newest_good_backup(backups_dir: Path) -> BackupInfo | None:
    """Return the newest backup that a restore would accept (sound, schema known)."""
    known = migrate.known_revisions()
    for info in list_backups(backups_dir):
        if info.problem is not None or info.schema not in known:
            continue
        if integrity_problems(info.path, full=True):
            logger.warning("backup %s fails its integrity check; skipped", info.name)
            continue
        return info
    return None


def _offer_backup(backups_dir: Path, report: StartupReport, zone: dt.tzinfo | None) -> None:
    good = newest_good_backup(backups_dir)
    report.newest_good_backup = good
    report.offer_restore = good is not None
    if good is None:
        report.messages.append(Phrase(CONTEXT, NO_BACKUP))
        return
    made = good.created.astimezone(zone)
    report.messages.append(
        Phrase(CONTEXT, NEWEST_BACKUP, made=f"{made:%Y-%m-%d %H:%M}", what=good.describe())
    )


def _bring_to_head(
    engine: Engine,
    db_path: Path,
    backups_dir: Path,
    now: dt.datetime,
    zone: dt.tzinfo | None,
    newer: NewerDatabase,
    report: StartupReport,
) -> Engine:
    try:
        try:
            needed = migrate.needs_upgrade(engine)
        except migrate.DatabaseTooNewError as error:
            if newer == "refuse":
                raise
            engine.dispose()
            moved = move_aside(db_path, "newer", now, zone)
            report.moved_aside = moved
            report.messages.append(
                Phrase(
                    CONTEXT,
                    SET_ASIDE,
                    why=str(error).split(";")[0],
                    name=moved.name,
                    folder=str(moved.parent),
                )
            )
            _offer_backup(backups_dir, report, zone)
            engine = make_engine(db_path)
            needed = migrate.needs_upgrade(engine)
        if not needed:
            return engine
        if migrate.current_revision(engine) is not None and database_has_data(db_path):
            try:
                write_backup(db_path, backups_dir, "pre-migrate", now, zone)
            except (BackupError, OSError) as error:
                raise DatabaseUnavailableError(
                    "FocusApp needs to upgrade its database but could not back it up first "
                    f"({error}); nothing was changed. Free some disk space or check the "
                    "backups folder's permissions."
                ) from None
        migrate.upgrade(engine)
    except SQLAlchemyError as error:
        original = getattr(error, "orig", None)
        if isinstance(original, sqlite3.Error):
            raise _unavailable(db_path, original) from None
        raise DatabaseUnavailableError(
            f"FocusApp cannot open its database {db_path}: {error}"
        ) from None
    except sqlite3.Error as error:
        raise _unavailable(db_path, error) from None
    return engine


def _unavailable(db_path: Path, error: sqlite3.Error) -> DatabaseUnavailableError:
    return DatabaseUnavailableError(
        f"FocusApp cannot open its database {db_path}: {describe_sqlite_error(error)}. "
        "Nothing was changed."
    )
