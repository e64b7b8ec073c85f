"""Engine and session factory for the local SQLite file, with the pragmas that keep it safe."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, event
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.engine import Engine

BUSY_TIMEOUT_MS = 10_000


def _set_pragmas(dbapi_connection: Any, _record: object) -> None:
    # WAL lets the CLI write while the GUI reads; FULL sync makes an acknowledged commit durable
    # even across power loss, which matters more than speed for a few writes a day.
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(db_path: Path) -> Engine:
    """Return an engine on ``db_path`` with WAL, foreign keys and a busy timeout."""
    engine = create_engine(
        f"sqlite:///{db_path}",
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )
    event.listen(engine, "connect", _set_pragmas)
    return engine


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    """Return the session factory services use; objects stay readable after commit."""
    return sessionmaker(engine, expire_on_commit=False)
