"""Delete every file FocusApp made for one profile, and nothing else.

"Every file FocusApp made" is a list of names, not "everything in the folder": with
``--data-dir`` the folder is the user's and may hold their own files. Features that add a
file must add its pattern to :data:`DATA_FILES` or :data:`CONFIG_FILES`
(``tests/ui/test_recovery.py`` checks that a whole GUI session leaves nothing behind, and
``tests/test_privacy.py`` that docs/privacy.md names every pattern).
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final

from focusapp import APP_ID
from focusapp.domain.errors import StorageError
from focusapp.storage.backup.integrity import database_in_use as _database_in_use
from focusapp.storage.backup.names import BACKUP_PREFIX, BACKUP_SUFFIX, LOCK_NAME, TEMP_PREFIX
from focusapp.system.paths import APP_NAME

if TYPE_CHECKING:
    from collections.abc import Iterable

    from focusapp.system.paths import AppPaths

logger = logging.getLogger(__name__)

#: Glob patterns, relative to the data folder, of the files FocusApp writes there.
DATA_FILES: Final = (
    "focusapp.sqlite3",
    "focusapp.sqlite3-wal",
    "focusapp.sqlite3-shm",
    "focusapp.sqlite3-journal",
    "focusapp.sqlite3.damaged-*",  # set aside at start, with their -wal/-shm
    "focusapp.sqlite3.newer-*",
    "state.json",
    ".state-*.json",  # AppStateStore's temporary file
    f"backups/{BACKUP_PREFIX}*{BACKUP_SUFFIX}",
    f"backups/{TEMP_PREFIX}*",
    f"backups/{LOCK_NAME}",
)
#: Glob patterns, relative to the settings folder, of the files FocusApp writes there.
CONFIG_FILES: Final = (
    "settings.toml",
    "settings.toml.broken*",
    ".settings.toml.*.tmp",
    "window.ini",
    "window.ini.lock",
)
#: The login entry's file name (see ``focusapp.system.autostart``).
LOGIN_ENTRY_ID: Final = APP_ID


@dataclass(frozen=True, slots=True)
class WipeResult:
    """What a wipe did.

    Attributes:
        deleted: Files that are gone.
        removed_folders: FocusApp's own folders, removed once empty.
        failed: One line per file that could not be deleted, with the reason.
        left: Other files found in FocusApp's folders, which were not FocusApp's to delete.
    """

    deleted: list[Path] = field(default_factory=list)
    removed_folders: list[Path] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    left: list[Path] = field(default_factory=list)


class DataWiper:
    """Deletes one profile's FocusApp files: database, backups, settings, window state.

    With ``login_entry`` (the default) the "start at login" entry goes too, when it starts
    this profile.

    Attributes:
        paths: The profile's folders.
    """

    def __init__(self, paths: AppPaths, *, login_entry: bool = True) -> None:
        self.paths = paths
        self._login_entry = login_entry

    @property
    def own_folders(self) -> bool:
        """Whether the folders are FocusApp's platform folders (not a ``--data-dir``).

        Only those folders are removed once empty: a folder given with ``--data-dir`` is
        the user's.
        """
        return is_platform_profile(self.paths)

    def plan(self) -> list[Path]:
        """Return the files a wipe would delete now, sorted."""
        found: set[Path] = set()
        found.update(_matching(self.paths.data_dir, DATA_FILES))
        found.update(_matching(self.paths.config_file.parent, CONFIG_FILES))
        if self._login_entry:
            found.update(login_entry_files(self.paths))
        return sorted(found)

    def wipe(self) -> WipeResult:
        """Delete every file of :meth:`plan`, then FocusApp's emptied folders.

        Raises:
            StorageError: If another FocusApp still has the database open (nothing is
                deleted then: a running window would write it all back).
        """
        if _database_in_use(self.paths.db_path):
            raise StorageError(
                "FocusApp is still running with this data (a window or another command); "
                "quit it first. Nothing was deleted"
            )
        result = WipeResult()
        for path in self.plan():
            try:
                path.unlink(missing_ok=True)
            except OSError as error:
                result.failed.append(f"{path}: {error.strerror or error}")
            else:
                result.deleted.append(path)
        backups = self.paths.backups_dir
        folders = [backups]
        if self.own_folders:
            folders += [self.paths.config_file.parent, self.paths.data_dir]
        for folder in folders:
            with contextlib.suppress(OSError):  # not empty, or already gone: leave it
                folder.rmdir()
                result.removed_folders.append(folder)
        for folder in {self.paths.data_dir, self.paths.config_file.parent, backups}:
            if folder.is_dir():
                result.left.extend(sorted(p for p in folder.iterdir() if p != backups))
        logger.info("wiped %d files", len(result.deleted))
        return result


def is_platform_profile(paths: AppPaths) -> bool:
    """Tell whether ``paths`` are the platform's FocusApp folders rather than a ``--data-dir``.

    Compared with the platform folder itself: on macOS and Windows the settings live in the
    data folder too, so "settings beside the data" does not mean ``--data-dir``.
    """
    import platformdirs

    default = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))
    return default.resolve() == paths.data_dir.resolve()


def _matching(folder: Path, patterns: Iterable[str]) -> set[Path]:
    found: set[Path] = set()
    for pattern in patterns:
        found.update(path for path in folder.glob(pattern) if path.is_file())
    return found


def login_entry_files(paths: AppPaths) -> list[Path]:
    """Return the login entry file if it starts FocusApp on this profile's data folder.

    The entry of a ``--data-dir`` profile names that folder; the default profile's names
    none. An entry for another profile is left alone.
    """
    from focusapp.system.autostart.choose import for_platform

    entry = for_platform(runner=None)
    path = getattr(entry, "path", None)
    if path is None or not path.is_file():
        return []
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    if LOGIN_ENTRY_ID not in path.name:
        return []
    ours = "--data-dir" not in text if is_platform_profile(paths) else str(paths.data_dir) in text
    return [path] if ours else []
