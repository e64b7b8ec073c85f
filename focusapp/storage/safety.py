"""Opening the database safely at start: checks, migration and what to tell the user."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from focusapp.storage import migrate
from focusapp.storage.db import make_engine

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.engine import Engine


@dataclass
class StartupReport:
    """What happened while opening the database, for the front end to tell the user.

    Attributes:
        messages: Plain sentences for the user (empty when all was well).
    """

    messages: list[str] = field(default_factory=list)


def open_database(db_path: Path) -> tuple[Engine, StartupReport]:
    """Open and migrate the database at ``db_path``."""
    engine = make_engine(db_path)
    migrate.upgrade(engine)
    return engine, StartupReport()
