"""Bring a database file to the schema this FocusApp expects, never recreating it.

Alembic is imported only when a migration is actually due: on an up-to-date database the
revision check is one SQL query, which keeps start-up fast. A new, empty database gets the
head schema from :mod:`focusapp.storage.schema`, the statements the migrations leave in such
a file (like Rails' ``schema.rb``): the same tables and indexes as running every migration,
without importing Alembic and replaying its history on a profile's first command.
``tests/unit/storage/test_storage.py`` checks the two give the same schema; after adding a
migration, regenerate it with ``make schema``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

from sqlalchemy import inspect, text

from focusapp.domain.errors import DatabaseTooNewError

__all__ = [
    "HEAD_REVISION",
    "DatabaseTooNewError",
    "current_revision",
    "needs_upgrade",
    "schema_statements",
    "upgrade",
]

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection, Engine

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


def schema_statements(connection: Connection) -> list[str]:
    """Return the SQL that creates the database's schema, in the order SQLite keeps it.

    Every table (``alembic_version`` included), index, trigger and view but SQLite's own
    objects; the automatic indexes of UNIQUE constraints come back with their tables.
    """
    rows = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "ORDER BY rowid"
    )
    return [str(row[0]) for row in rows]


def _create_at_head(engine: Engine) -> bool:
    """Give a new, empty database the head schema from the snapshot; tell whether it did.

    Under the write lock, so of two first starts only one creates the tables. ``False``
    when the file already holds tables or the snapshot is not of the head revision (a
    migration added without ``make schema``): then the migrations run as ever.
    """
    from focusapp.storage import schema
    from focusapp.storage.db import writing

    if schema.REVISION != HEAD_REVISION:
        return False
    with writing(engine).begin() as connection:
        if connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar():
            return False
        for statement in schema.STATEMENTS:
            connection.exec_driver_sql(statement)
        connection.exec_driver_sql(
            "INSERT INTO alembic_version (version_num) VALUES (?)", (HEAD_REVISION,)
        )
    return True


def upgrade(engine: Engine, revision: str = "head", *, from_snapshot: bool = True) -> None:
    """Apply every pending migration in one transaction.

    Args:
        engine: The database.
        revision: How far to go (default: the head).
        from_snapshot: Create a new, empty database at the head from
            :mod:`focusapp.storage.schema` instead of replaying each migration.

    Raises:
        DatabaseTooNewError: If the database is from a newer FocusApp.
    """
    if not needs_upgrade(engine) and revision in ("head", HEAD_REVISION):
        return
    at_head = revision in ("head", HEAD_REVISION)
    if at_head and from_snapshot and current_revision(engine) is None and _create_at_head(engine):
        return
    from alembic import command

    from focusapp.storage.db import writing

    config = _config()
    # Under the write lock, so two first starts of a new profile cannot both migrate.
    with writing(engine).begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def write_schema_module(target: Path) -> None:
    """Write :mod:`focusapp.storage.schema` from a new database the migrations brought to head."""
    import tempfile

    from focusapp.storage.db import make_engine

    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(Path(folder) / "schema.sqlite3")
        try:
            upgrade(engine, from_snapshot=False)
            with engine.connect() as connection:
                statements = schema_statements(connection)
        finally:
            engine.dispose()
    lines = [
        '"""The schema at the head revision, as the migrations leave a new database.',
        "",
        "Generated by ``make schema`` (focusapp.storage.migrate.write_schema_module); do not",
        "edit. A new, empty database is created from these statements (see migrate.py).",
        '"""',
        "",
        "# ruff: noqa: E501",
        "",
        f"REVISION = {HEAD_REVISION!r}",
        "",
        "STATEMENTS = (",
        *(f"    {statement!r}," for statement in statements),
        ")",
        "",
    ]
    target.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    write_schema_module(Path(__file__).resolve().parent / "schema.py")
