"""Writing a backup: copy the live database, check the copy, name it, then rotate the folder.

The copy is written under a unique temporary name, fsynced, checked with a full
``PRAGMA integrity_check`` and only then linked to its final name (never replacing another
backup), so a listed backup is always complete. The folder lock keeps two FocusApps from
writing or rotating at once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING, Final

from focusapp.storage.backup.contents import BackupInfo, checkin_span, schema_revision
from focusapp.storage.backup.integrity import (
    check_rows,
    connect_live,
    describe_sqlite_error,
    has_data,
)
from focusapp.storage.backup.names import (
    LOCK_NAME,
    STAMP_FORMAT,
    TEMP_PREFIX,
    BackupError,
    backup_files,
    backup_name,
)
from focusapp.storage.backup.retention import rotate
from focusapp.system.files import PRIVATE_DIR_MODE as DIR_MODE
from focusapp.system.files import PRIVATE_FILE_MODE as FILE_MODE

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

logger = logging.getLogger(__name__)

#: How long a backup waits for another process to finish its own (a restore, say).
LOCK_TIMEOUT_S: Final = 30.0
#: A temporary backup file older than this belongs to a process that was killed.
ORPHAN_AGE_S: Final = 60.0


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
    stamp = now.astimezone(dt.UTC).strftime(STAMP_FORMAT)
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
                first, last, days = checkin_span(target)
                schema = schema_revision(target)
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
