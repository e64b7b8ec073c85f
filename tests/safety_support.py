"""Helpers for the data-safety tests: real damage, real read-only files, a real full disk."""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import event

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

PAGE = 4096
DAMAGE_KINDS = ("truncated", "zeroed-page", "random-bytes", "empty-file", "newer-schema")


def checkpoint(db_path: Path) -> None:
    """Move everything from the WAL into the main file (so damage to it is damage to data)."""
    with contextlib.closing(sqlite3.connect(db_path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def data_page(db_path: Path) -> int:
    """Return a page number (1-based) that holds check-in rows, so zeroing it is real damage."""
    with contextlib.closing(sqlite3.connect(db_path)) as connection:
        rows = connection.execute(
            "SELECT pageno FROM dbstat WHERE name = 'checkins' AND pagetype = 'leaf' LIMIT 1"
        ).fetchall()
    if rows:
        return int(rows[0][0])
    return 2  # pragma: no cover - SQLite without dbstat: page 2 is a b-tree page anyway


def damage(db_path: Path, kind: str) -> None:
    """Damage the database file the way a disk, a sync tool or a careless copy would."""
    gc.collect()  # connections an in-process command line left open would undo the damage
    checkpoint(db_path)
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    size = db_path.stat().st_size
    if kind == "truncated":
        with db_path.open("r+b") as handle:
            handle.truncate(size // 2 + 100)
    elif kind == "zeroed-page":
        page = data_page(db_path)
        with db_path.open("r+b") as handle:
            handle.seek((page - 1) * PAGE)
            handle.write(b"\0" * PAGE)
    elif kind == "random-bytes":
        db_path.write_bytes(os.urandom(size))
    elif kind == "empty-file":
        db_path.write_bytes(b"")
    elif kind == "newer-schema":
        with contextlib.closing(sqlite3.connect(db_path)) as connection:
            connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
            connection.commit()
    else:  # pragma: no cover - a typo in a test
        raise ValueError(kind)


@contextlib.contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """Make files or folders read-only for real, then restore them.

    A normal user gets ``chmod``; root ignores modes, so for root the files are made
    immutable with ``chattr +i`` (CI runs as root). Skips only when neither can work.
    """
    if os.geteuid() != 0:
        modes = [(path, path.stat().st_mode) for path in paths]
        for path in paths:
            path.chmod(0o500 if path.is_dir() else 0o400)
        try:
            yield
        finally:
            for path, mode in modes:
                path.chmod(mode)
        return
    chattr = shutil.which("chattr")
    if chattr is None:
        pytest.skip("root ignores file modes and chattr is missing: cannot make a file read-only")
    done: list[Path] = []
    try:
        for path in paths:
            result = subprocess.run(
                [chattr, "+i", str(path)], capture_output=True, text=True, check=False
            )
            if result.returncode != 0:
                pytest.skip(f"root ignores file modes and chattr +i failed: {result.stderr}")
            done.append(path)
        yield
    finally:
        for path in reversed(done):
            subprocess.run([chattr, "-i", str(path)], check=False)


def limit_pages(engine: object) -> Callable[[], None]:
    """Make every new connection of ``engine`` see a full disk: no page beyond today's count.

    ``PRAGMA max_page_count`` makes SQLite fail exactly as on a full disk
    (``SQLITE_FULL: database or disk is full``). Returns a function that lifts the limit.
    """

    def on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        count = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={max(count, 1)}")

    engine.dispose()  # type: ignore[attr-defined]
    event.listen(engine, "connect", on_connect)

    def lift() -> None:
        event.remove(engine, "connect", on_connect)
        engine.dispose()  # type: ignore[attr-defined]

    return lift


def table_dump(db_path: Path) -> list[tuple[object, ...]]:
    """Return every check-in row, for "nothing changed" assertions."""
    if not db_path.exists():
        return []
    with contextlib.closing(sqlite3.connect(db_path)) as connection:
        try:
            return list(connection.execute("SELECT * FROM checkins ORDER BY day"))
        except sqlite3.OperationalError:
            return []
