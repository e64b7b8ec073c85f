"""Bring a database file to the schema this FocusApp expects, never recreating it.

Alembic is imported only when a migration is actually due: on an up-to-date database the
revision check is one SQL query, which keeps start-up fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

from sqlalchemy import inspect, text

from focusapp.domain.errors import DatabaseTooNewError

__all__ = ["HEAD_REVISION", "DatabaseTooNewError", "current_revision", "needs_upgrade", "upgrade"]

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def known_revisions() -> set[str]:
    """Return every revision id shipped (migration files are named ``NNNN_what.py``)."""
    return {path.name.split("_", 1)[0] for path in (MIGRATIONS_DIR / "versions").glob("0*_*.py")}


#: The newest revision shipped: revisions are numbered in order, so the largest is the head;
#: tests/unit/storage/test_storage.py checks this against Alembic's own view.
HEAD_REVISION: Final = max(known_revisions())


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """Return the newest schema revision this code knows."""
    return HEAD_REVISION


def current_revision(engine: Engine) -> str | None:
    """Return the revision stamped in the database, or ``None`` for an empty one."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def needs_upgrade(engine: Engine) -> bool:
    """Tell whether :func:`upgrade` would change the schema.

    Raises:
        DatabaseTooNewError: If the stamped revision is unknown to this version.
    """
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise DatabaseTooNewError(
            f"This database was written by a newer FocusApp (schema {current}); "
            "it was left untouched. Please update FocusApp to open it."
        )
    return current != HEAD_REVISION


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply every pending migration in one transaction.

    Raises:
        DatabaseTooNewError: If the database is from a newer FocusApp.
    """
    if not needs_upgrade(engine) and revision in ("head", HEAD_REVISION):
        return
    from alembic import command

    from focusapp.storage.db import writing

    config = _config()
    # Under the write lock, so two first starts of a new profile cannot both migrate.
    with writing(engine).begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
