"""Backup use cases for the window and the command line: back up, list, restore.

The value types :class:`BackupInfo` and :class:`StartupReport` are plain dataclasses of the
storage layer, re-exported here so the ui can name them without importing storage.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import SQLAlchemyError

from focusapp.domain.errors import StorageError
from focusapp.storage import migrate
from focusapp.storage.backup.contents import BackupInfo, list_backups, read_info
from focusapp.storage.backup.integrity import integrity_problems
from focusapp.storage.backup.names import BackupError
from focusapp.storage.backup.restore import restore_into
from focusapp.storage.backup.write import write_backup
from focusapp.storage.safety import StartupReport, newest_good_backup

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from sqlalchemy.engine import Engine

    from focusapp.domain.clock import Clock

__all__ = ["BackupInfo", "BackupService", "RestoreResult", "StartupReport"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """What a restore did.

    Attributes:
        restored: The backup whose contents are now the database.
        safety_backup: The backup of the data that was replaced (``None`` if it was empty).
    """

    restored: BackupInfo
    safety_backup: BackupInfo | None


class BackupService:
    """Backs up and restores the database; every failure is a :class:`StorageError`.

    Attributes:
        backups_dir: The folder of backups.
    """

    def __init__(
        self,
        engine: Engine,
        db_path: Path,
        backups_dir: Path,
        clock: Clock,
        zone: dt.tzinfo,
        *,
        after_restore: Callable[[], object] | None = None,
    ) -> None:
        self._engine = engine
        self._db_path = db_path
        self.backups_dir = backups_dir
        self._clock = clock
        self._zone = zone
        self._after_restore = after_restore

    def list_backups(self) -> list[BackupInfo]:
        """Return every backup, newest first, with the days each one holds."""
        return list_backups(self.backups_dir)

    def back_up(self) -> BackupInfo:
        """Make a backup now (verified, rotated).

        Raises:
            StorageError: If it failed, or the database holds nothing to back up yet.
        """
        try:
            info = write_backup(
                self._db_path, self.backups_dir, "manual", self._clock.now(), self._zone
            )
        except (BackupError, OSError) as error:
            raise StorageError(_reason(error)) from None
        if info is None:
            raise StorageError("there is nothing to back up yet: the database holds no data")
        return info

    def backup_on_quit(self) -> BackupInfo | None:
        """Make the quit backup; never raises, because quitting must always work.

        Returns:
            The backup, or ``None`` when there was nothing to back up or it failed (logged).
        """
        try:
            return write_backup(
                self._db_path, self.backups_dir, "quit", self._clock.now(), self._zone
            )
        except (BackupError, OSError) as error:
            logger.warning("the backup on quit could not be made: %s", _reason(error))
            return None

    def newest_good_backup(self) -> BackupInfo | None:
        """Return the newest backup a restore would accept."""
        return newest_good_backup(self.backups_dir)

    def find(self, text: str | Path) -> Path:
        """Return the backup a user named: a file name from the list, or a path.

        Raises:
            StorageError: If there is no such file.
        """
        given = Path(text).expanduser()
        candidates = [given]
        if len(given.parts) == 1:
            candidates.insert(0, self.backups_dir / given.name)
        for candidate in candidates:
            if candidate.is_file():
                return candidate.resolve()
        raise StorageError(
            f"there is no backup named {text}; 'focusapp backup list' shows the backups"
        )

    def restore(self, backup: str | Path) -> RestoreResult:
        """Replace the database with a backup, after backing the current data up.

        The backup is fully integrity-checked first and must come from this or an older
        FocusApp. The replacement is one transaction: other FocusApp processes see the old
        data or the restored data, never a mixture.

        Raises:
            StorageError: If the backup is unusable or the restore failed; the database is
                then unchanged.
        """
        path = self.find(backup)
        info = read_info(path)
        if info.problem is not None:
            raise StorageError(f"{path.name} cannot be restored: {info.problem}")
        if info.schema is None:
            raise StorageError(f"{path.name} is not a FocusApp backup")
        if info.schema not in migrate.known_revisions():
            raise StorageError(
                f"{path.name} was written by a newer FocusApp; update FocusApp to restore it"
            )
        problems = integrity_problems(path, full=True)
        if problems:
            raise StorageError(
                f"{path.name} is damaged ({'; '.join(problems[:2])}); choose another backup"
            )
        try:
            safety = write_backup(
                self._db_path,
                self.backups_dir,
                "pre-restore",
                self._clock.now(),
                self._zone,
                keep=(path,),
            )
        except (BackupError, OSError) as error:
            raise StorageError(
                f"your current data could not be backed up first ({_reason(error)}); "
                "nothing was restored"
            ) from None
        try:
            restore_into(path, self._db_path)
            migrate.upgrade(self._engine)
        except (BackupError, SQLAlchemyError) as error:
            raise StorageError(_reason(error)) from None
        logger.info("restored %s", path)
        if self._after_restore is not None:
            self._after_restore()
        return RestoreResult(restored=info, safety_backup=safety)


def _reason(error: Exception) -> str:
    if isinstance(error, OSError):
        return f"{error.strerror or error}"
    return str(error)
