"""Turn SQLAlchemy and file-system failures into the domain StorageError, with plain words."""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from focusapp.domain.errors import StorageError

if TYPE_CHECKING:
    from collections.abc import Iterator


def _explain(error: SQLAlchemyError) -> str:
    detail = str(getattr(error, "orig", None) or error).lower()
    if "readonly" in detail or "read-only" in detail:
        return "the database is read-only; check the data folder's permissions"
    if "disk is full" in detail or "database or disk is full" in detail:
        return "the disk is full; free some space and try again"
    if "locked" in detail or "busy" in detail:
        return "the database is busy in another FocusApp; try again in a moment"
    if "malformed" in detail or "not a database" in detail:
        return "the database file is damaged; restart FocusApp to recover from a backup"
    if "unable to open" in detail:
        return "the database file cannot be opened; check the data folder"
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
