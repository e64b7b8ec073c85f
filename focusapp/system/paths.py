"""Where FocusApp keeps its files, resolved once: the platform folders or ``--data-dir``."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from focusapp.domain.errors import StorageError
from focusapp.system.files import PRIVATE_DIR_MODE

APP_NAME: Final = "FocusApp"
DATA_DIR_ENV: Final = "FOCUSAPP_DATA_DIR"
DB_NAME: Final = "focusapp.sqlite3"


@dataclass(frozen=True, slots=True)
class AppPaths:
    """Every path FocusApp writes to.

    Attributes:
        data_dir: Folder holding the database and backups (0700).
        config_file: The settings TOML (inside ``data_dir`` when one was given).
    """

    data_dir: Path
    config_file: Path

    @property
    def db_path(self) -> Path:
        """The SQLite database file."""
        return self.data_dir / DB_NAME

    @property
    def backups_dir(self) -> Path:
        """The folder of automatic and manual backups."""
        return self.data_dir / "backups"

    @property
    def state_file(self) -> Path:
        """Small runtime state (reminders shown) that must survive restarts."""
        return self.data_dir / "state.json"

    def ensure(self) -> list[Path]:
        """Create missing folders private to the user (0700); never change an existing one.

        A folder the user already has is theirs: a shared folder keeps its sticky bit and a
        folder made read-only stays read-only (writes then fail with a clear message).

        Returns:
            The existing folders that others can read, to warn about once.

        Raises:
            DataFolderError: If a folder cannot be created or is not a folder.
        """
        open_to_others: list[Path] = []
        for folder in sorted({self.data_dir, self.config_file.parent}):
            if folder.is_dir():
                if folder.stat().st_mode & 0o077:
                    open_to_others.append(folder)
                continue
            try:
                folder.mkdir(parents=True, mode=PRIVATE_DIR_MODE)
                folder.chmod(PRIVATE_DIR_MODE)  # mkdir's mode is filtered by the umask
            except FileExistsError:
                raise DataFolderError(f"{folder} exists but is not a folder") from None
            except OSError as error:
                reason = error.strerror or str(error)
                raise DataFolderError(f"the folder {folder} cannot be created: {reason}") from None
        return open_to_others


class DataFolderError(StorageError):
    """The data folder named (``--data-dir``) cannot be used; the message says why."""


def resolve_paths(data_dir: str | Path | None = None) -> AppPaths:
    """Return the paths for ``--data-dir``, ``$FOCUSAPP_DATA_DIR`` or the platform folders.

    An explicit data folder also holds the settings, so a test or a second profile never
    touches the user's real configuration.
    """
    chosen = data_dir if data_dir is not None else os.environ.get(DATA_DIR_ENV) or None
    if chosen is not None and not str(chosen).strip():
        raise DataFolderError("--data-dir is empty; give the path of a folder")
    if chosen is not None:
        folder = Path(chosen).expanduser().resolve()
        return AppPaths(data_dir=folder, config_file=folder / "settings.toml")
    import platformdirs

    data = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))
    config = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False, roaming=True))
    return AppPaths(data_dir=data, config_file=config / "settings.toml")
