"""Turn SQLAlchemy and file-system failures into the domain StorageError, with plain words."""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Final

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from focusapp.domain.errors import StorageError
from focusapp.storage.sqlite_trouble import SqliteTrouble, sqlite_trouble

if TYPE_CHECKING:
    from collections.abc import Iterator


_TROUBLE_WORDS: Final = {
    SqliteTrouble.READ_ONLY: "the database is read-only; check the data folder's permissions",
    SqliteTrouble.DISK_FULL: "the disk is full; free some space and try again",
    SqliteTrouble.BUSY: "the database is busy in another FocusApp; try again in a moment",
    SqliteTrouble.DAMAGED: (
        "the database file is damaged; restart FocusApp to recover from a backup"
    ),
    SqliteTrouble.CANNOT_OPEN: "the database file cannot be opened; check the data folder",
}


def _explain(error: SQLAlchemyError) -> str:
    detail = str(getattr(error, "orig", None) or error).lower()
    trouble = sqlite_trouble(detail)
    if trouble is not None:
        return _TROUBLE_WORDS[trouble]
    return f"the database could not be written ({detail.splitlines()[0] if detail else 'error'})"


@contextmanager
def storage_errors() -> Iterator[None]:
    """Turn SQLAlchemy and file-system errors inside the block into :class:`StorageError`."""
    try:
        yield
    except (DBAPIError, SQLAlchemyError) as error:
        raise StorageError(_explain(error)) from error
    except OSError as error:
        raise StorageError(f"a file could not be written: {error.strerror or error}") from error
