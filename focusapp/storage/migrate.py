"""Bring a database file to the schema this FocusApp expects, never recreating it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class DatabaseTooNewError(RuntimeError):
    """The database was written by a newer FocusApp; it is left untouched."""


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """Return the newest schema revision this code knows."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships revisions
        raise RuntimeError("no migrations shipped")
    return head


def known_revisions() -> set[str]:
    """Return every revision id this code can upgrade from."""
    return {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """Return the revision stamped in the database, or ``None`` for an empty one."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


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
    return current != head_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply every pending migration in one transaction per revision step.

    Raises:
        DatabaseTooNewError: If the database is from a newer FocusApp.
    """
    needs_upgrade(engine)  # refuses a newer schema before touching anything
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
