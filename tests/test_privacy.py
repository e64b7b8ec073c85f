"""Nothing leaves the machine (no networking code), and docs/privacy.md says what is stored."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import focusapp

PACKAGE = Path(focusapp.__file__).parent
NETWORK_MODULES = (
    "socket",
    "ssl",
    "http",
    "urllib",
    "requests",
    "httpx",
    "aiohttp",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "telnetlib",
    "xmlrpc",
    "websocket",
    "websockets",
    "asyncio",
    "PySide6.QtNetwork",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebSockets",
)
# QtNetwork's QLocalServer/QLocalSocket (a Unix socket for single-instance) is the one exception,
ALLOWED_MODULES: set[str] = set()
ALLOWED_QT_NETWORK_NAMES = {"QLocalServer", "QLocalSocket"}


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, None
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                yield node.module, alias.name


def test_no_module_of_focusapp_imports_network_code():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        for module, name in _imports(path):
            if module == "PySide6.QtNetwork" and name in ALLOWED_QT_NETWORK_NAMES:
                continue
            if module in ALLOWED_MODULES:
                continue
            if any(module == m or module.startswith(m + ".") for m in NETWORK_MODULES):
                offenders.append(f"{path.relative_to(PACKAGE)}: {module}.{name or ''}")
    assert offenders == []


def test_no_qt_network_access_classes_in_source():
    forbidden = ("QNetworkAccessManager", "QTcpSocket", "QUdpSocket", "QSslSocket", "QWebEngine")
    hits = [
        f"{p.relative_to(PACKAGE)}: {word}"
        for p in PACKAGE.rglob("*.py")
        for word in forbidden
        if word in p.read_text(encoding="utf-8")
    ]
    assert hits == []


def test_importing_every_focusapp_module_loads_no_network_module():
    script = (
        "import sys, pkgutil, importlib, focusapp\n"
        "before = set(sys.modules)\n"
        "for m in pkgutil.walk_packages(focusapp.__path__, 'focusapp.'):\n"
        "    if m.name.endswith('__main__') or '.migrations' in m.name: continue\n"
        "    importlib.import_module(m.name)\n"
        # ssl is absent on purpose: SQLAlchemy imports asyncio, which imports ssl, without
        # ever opening a connection (the strace test proves that).
        "net = {'http.client', 'urllib.request', 'requests', 'httpx', 'ftplib', 'smtplib',"
        " 'socketserver'}\n"
        "print(sorted(net & set(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=False,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr[-800:]
    assert result.stdout.strip() == "[]"


def test_privacy_doc_names_every_file_focusapp_writes():
    """docs/privacy.md lists each file pattern the wipe deletes, so the two never drift."""
    from focusapp.services.wipe import CONFIG_FILES, DATA_FILES

    doc = (PACKAGE.parent / "docs" / "privacy.md").read_text(encoding="utf-8")
    missing = [pattern for pattern in (*DATA_FILES, *CONFIG_FILES) if f"`{pattern}`" not in doc]
    assert missing == []


# --- calendar event titles (issue 15 item 8) --------------------------------------------------

DOC = PACKAGE.parent / "docs" / "privacy.md"
SECRET = "Zebra-Reorg-Layoffs"


def _doc() -> str:
    return DOC.read_text(encoding="utf-8")


def test_privacy_doc_lists_exactly_the_stored_event_fields():
    """The field list under the marker is the calendar_events table, column for column."""
    import re

    from focusapp.storage.tables import CalendarEventRow

    doc = _doc()
    marker = "<!-- calendar-event-fields:"
    assert marker in doc
    listed_line = doc.split(marker, 1)[1].splitlines()[1]
    listed = re.findall(r"`([a-z_]+)`", listed_line)
    columns = [
        c.name for c in CalendarEventRow.__table__.columns if c.name not in {"id", "source_id"}
    ]
    assert listed == columns
    assert "never event titles" not in doc


def test_privacy_doc_names_the_title_setting_and_its_default():
    from focusapp.settings.specs import KEYS, get_text
    from focusapp.settings.values import DEFAULT_SETTINGS

    doc = _doc()
    assert "calendar.keep_titles" in KEYS
    assert "focusapp config set calendar.keep_titles false" in doc
    assert f"The default is `{get_text(DEFAULT_SETTINGS, 'calendar.keep_titles')}`." in doc
    assert "Titles already in backups stay there." in doc


def _calendar(tmp_path):
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
        f"BEGIN:VEVENT\r\nUID:secret@t\r\nSUMMARY:{SECRET}\r\nDTSTART:20240506T080000Z\r\n"
        "DTEND:20240506T090000Z\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:lunch@t\r\nSUMMARY:Lunch\r\nDTSTART:20240506T110000Z\r\n"
        "DTEND:20240506T120000Z\r\nEND:VEVENT\r\n"
        f"BEGIN:VEVENT\r\nUID:odd@t\r\nSUMMARY:{SECRET} 2\r\nDTSTART:20240506T250000Z\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    path = tmp_path / "work.ics"
    path.write_text(text, encoding="utf-8")
    return path


def _database_bytes(data_dir: Path) -> bytes:
    import sqlite3

    database = data_dir / "focusapp.sqlite3"
    with sqlite3.connect(database) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    files = [database, database.with_name(database.name + "-wal")]
    return b"".join(f.read_bytes() for f in files if f.exists())


@pytest.mark.parametrize("keep", [True, False])
def test_no_title_reaches_the_database_when_titles_are_not_kept(keep, tmp_path, data_dir, capsys):
    from focusapp.cli.main import main

    assert main(["config", "set", "calendar.keep_titles", str(keep).lower()]) == 0
    path = _calendar(tmp_path)
    assert (
        main(["calendar", "import", str(path), "--from", "2024-05-06", "--to", "2024-05-06"]) == 0
    )
    imported = capsys.readouterr().out
    assert "Left out: 1 (1 not a meeting)" in imported  # the title still classified "Lunch"
    assert (SECRET.encode() in _database_bytes(data_dir)) is keep
    assert (SECRET in imported) is keep
    assert main(["calendar", "show", "2024-05-06"]) == 0
    shown = capsys.readouterr().out
    assert (SECRET in shown) is keep
    assert ("Meeting" in shown) is not keep


def test_turning_titles_off_blanks_stored_titles_at_the_next_sync(tmp_path, data_dir, capsys):
    import sqlite3

    from focusapp.cli.main import main

    path = _calendar(tmp_path)
    gone = tmp_path / "gone.ics"
    gone.write_text(path.read_text(encoding="utf-8").replace("secret@t", "gone@t"), "utf-8")
    for file in (path, gone):
        main(["calendar", "import", str(file), "--from", "2024-05-06", "--to", "2024-05-06"])
    gone.unlink()  # cannot be re-read: its titles must be blanked in place

    def titles() -> set[str]:
        with sqlite3.connect(data_dir / "focusapp.sqlite3") as connection:
            rows = connection.execute("SELECT summary FROM calendar_events").fetchall()
            reports = connection.execute("SELECT report FROM calendar_sources").fetchall()
        found = {row[0] for row in rows if row[0]}
        return found | {SECRET for (report,) in reports if SECRET in report}

    assert SECRET in titles()
    main(["config", "set", "calendar.keep_titles", "false"])
    capsys.readouterr()
    # Until the sync, the audit already hides the stored titles.
    main(["calendar", "show", "2024-05-06"])
    assert SECRET not in capsys.readouterr().out
    main(["calendar", "sync"])
    assert titles() == set()
