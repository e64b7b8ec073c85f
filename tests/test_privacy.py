"""Nothing leaves the machine: the package contains and imports no networking code."""

import ast
import subprocess
import sys
from pathlib import Path

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
