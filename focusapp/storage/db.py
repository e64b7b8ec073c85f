"""Engine and session factory for the local SQLite file, with the pragmas that keep it safe.

Every write is one ``BEGIN IMMEDIATE`` transaction: the write lock is taken before the first
read, so a write that reads a day, checks it and updates it can never interleave with another
process doing the same (a deferred transaction would read, then fail or lose an update when
it tried to write). Reads use plain deferred transactions and never block writers (WAL).
"""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy import create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from focusapp.storage.backup.integrity import BUSY_TIMEOUT_MS

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from sqlalchemy.engine import Connection, Engine

logger = logging.getLogger(__name__)

#: Execution option naming how a transaction begins (``DEFERRED`` or ``IMMEDIATE``).
BEGIN_OPTION: Final = "focusapp_begin"


def _set_pragmas(dbapi_connection: Any, _record: object) -> None:
    # The driver must not open transactions of its own: SQLAlchemy's "begin" event below
    # emits BEGIN with the mode each transaction needs.
    dbapi_connection.isolation_level = None
    # WAL lets the CLI write while the GUI reads; FULL sync makes an acknowledged commit durable
    # even across power loss, which matters more than speed for a few writes a day.
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # Deleted and replaced rows are zeroed, so a title dropped for privacy does not linger
    # in the file's free pages (docs/privacy.md).
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def _begin(connection: Connection) -> None:
    mode = connection.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


def make_engine(db_path: Path) -> Engine:
    """Return an engine on ``db_path`` with WAL, foreign keys and a busy timeout."""
    engine = create_engine(
        f"sqlite:///{db_path}",
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def writing(engine: Engine) -> Engine:
    """Return ``engine`` whose transactions begin with ``BEGIN IMMEDIATE``."""
    return engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})


def checkpoint(engine: Engine) -> None:
    """Fold the write-ahead log into the database file as far as readers allow.

    Called after every write, so a committed change lives in the main file within
    moments: a ``-wal`` file deleted behind FocusApp's back then costs nothing. PASSIVE
    never waits for readers, so it cannot stall a writer.
    """
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
    except Exception:  # a checkpoint is an optimisation; the commit already happened
        logger.debug("checkpoint failed", exc_info=True)


class Sessions:
    """The session factory services use: reads by calling it, writes through :meth:`begin`.

    ``sessions()`` gives a session for reading (deferred transaction); ``sessions.begin()``
    gives one inside a ``BEGIN IMMEDIATE`` transaction that commits when the block ends and
    then checkpoints. Objects stay readable after commit.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(writing(engine), expire_on_commit=False)

    def __call__(self) -> Session:
        """Return a session for reading."""
        return self._read()

    @contextlib.contextmanager
    def begin(self) -> Iterator[Session]:
        """Run the block in one ``BEGIN IMMEDIATE`` transaction; commit, then checkpoint."""
        with self._write.begin() as session:
            yield session
        checkpoint(self.engine)


def make_sessions(engine: Engine) -> Sessions:
    """Return the session factory services use (see :class:`Sessions`)."""
    return Sessions(engine)
