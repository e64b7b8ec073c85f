"""Write an ActivityWatch database with the real aw-server, through aw-client.

Run with a Python that has aw-server and aw-client (``pip install aw-server aw-client
'peewee<3.17'``: aw-server 0.12 breaks on peewee 4), as
``python write_with_aw_server.py OUT.db``. The server runs on 127.0.0.1 with HOME and the
XDG folders in a temporary folder, in testing mode; its database file is copied to OUT.db.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

UTC = dt.UTC
DAY = dt.datetime(2026, 11, 2, tzinfo=UTC)


def at(hour: int, minute: int = 0) -> dt.datetime:
    return DAY + dt.timedelta(hours=hour, minutes=minute)


def window(hour: int, minute: int, minutes: int, app: str, title: str) -> tuple:
    return at(hour, minute), dt.timedelta(minutes=minutes), {"app": app, "title": title}


# Berlin is UTC+1 on 2 Nov 2026; all of it lies on that day.
WINDOWS = [
    window(9, 0, 40, "code", "api.py - Visual Studio Code"),
    window(9, 40, 20, "Slack", "general"),
    window(10, 0, 30, "firefox", "analysis.ipynb - JupyterLab"),
    window(10, 30, 30, "firefox", "News"),
    window(13, 0, 60, "nvim", "main.rs"),
]
AFK = [
    (at(9), dt.timedelta(hours=2), {"status": "not-afk"}),
    (at(13), dt.timedelta(minutes=30), {"status": "not-afk"}),
    (at(13, 30), dt.timedelta(minutes=30), {"status": "afk"}),
]


def main(out: Path) -> None:
    from aw_client import ActivityWatchClient
    from aw_core.models import Event

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    home = Path(tempfile.mkdtemp(prefix="aw-home-"))
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    server_bin = Path(sys.executable).parent / "aw-server"
    server = subprocess.Popen(
        [str(server_bin), "--testing", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        os.environ.update(env)
        client = ActivityWatchClient("focusapp-test", testing=True, port=port)
        deadline = time.monotonic() + 30
        while True:
            try:
                client.get_info()
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        client.create_bucket("aw-watcher-window_test", "currentwindow", queued=False)
        client.create_bucket("aw-watcher-afk_test", "afkstatus", queued=False)
        for bucket, events in (("aw-watcher-window_test", WINDOWS), ("aw-watcher-afk_test", AFK)):
            for start, duration, data in events:
                client.insert_event(bucket, Event(timestamp=start, duration=duration, data=data))
    finally:
        server.terminate()
        server.wait(timeout=20)
    [database] = (home / "data" / "activitywatch" / "aw-server").glob("peewee-sqlite*.db")
    import sqlite3

    # Fold the write-ahead log in, so one file holds everything.
    with sqlite3.connect(database) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")
    shutil.copyfile(database, out)
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
