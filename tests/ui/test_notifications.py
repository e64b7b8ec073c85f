"""Notifier against a fake notify-send on PATH that records its arguments and answers as told.

The fake reads FAKE_NOTIFY_MODES (one word per call, in order): ``action:KEY`` prints the id
and then KEY, ``close`` prints the id and exits 0, ``hang`` prints the id and waits to be
killed, ``fail`` exits 1 without an id (no daemon), ``fail-shown`` prints the id and exits 1.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtDBus import QDBusConnection
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon

from focusapp.ui import notifications
from focusapp.ui.notifications import DESKTOP_ENTRY, Notifier, notification_service_registered

if TYPE_CHECKING:
    from collections.abc import Iterator

    from PySide6.QtCore import QObject
    from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.gui

FAKE = r"""#!/bin/bash
log="$FAKE_NOTIFY_LOG"
n=$(grep -c '^---$' "$log" 2>/dev/null || true)
printf '%s\n' "$@" --- >> "$log"  # one append: two calls at once never interleave
read -r -a modes <<< "$FAKE_NOTIFY_MODES"
mode=${modes[$n]:-close}
id=$((41 + n))
case "$mode" in
  action:*) echo "$id"; sleep 0.05; echo "${mode#action:}" ;;
  close) echo "$id" ;;
  hang) echo "$id"; exec sleep 30 ;;
  fail) echo "GDBus.Error: no notification service" >&2; exit 1 ;;
  fail-shown) echo "$id"; exit 1 ;;
esac
"""
ACTIONS = [("checkin", "Check in"), ("snooze", "In 30 min")]
# Generous: each call starts a process, and a loaded machine may take seconds for two.
WAIT_MS = 15_000


@pytest.fixture
def fake_bin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder first on PATH holding the fake notify-send; its calls go to ``calls.log``."""
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "notify-send"
    script.write_text(FAKE)
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_NOTIFY_LOG", str(tmp_path / "calls.log"))
    return folder


def calls(tmp_path: Path) -> list[list[str]]:
    """Return the argument lists notify-send was called with, in order."""
    text = (tmp_path / "calls.log").read_text()
    return [chunk.strip("\n").split("\n") for chunk in text.split("---\n") if chunk.strip()]


@pytest.fixture
def notifier(qtbot: QtBot) -> Iterator[Notifier]:
    """A Notifier that believes the notification service is on the bus."""
    made = Notifier(service_check=lambda: True)
    yield made
    made.shutdown()


def modes(monkeypatch: pytest.MonkeyPatch, *words: str) -> None:
    monkeypatch.setenv("FAKE_NOTIFY_MODES", " ".join(words))


def test_the_chosen_action_is_delivered_with_the_key(
    qtbot: QtBot, notifier: Notifier, fake_bin: Path, tmp_path: Path, monkeypatch
):
    modes(monkeypatch, "action:snooze")
    with qtbot.waitSignal(notifier.action_invoked, timeout=WAIT_MS) as blocker:
        notifier.notify("reminder", "Time for your check-in", "b", ACTIONS, timeout_ms=9000)
    assert blocker.args == ["reminder", "snooze"]
    args = calls(tmp_path)[0]
    assert "--app-name=FocusApp" in args
    assert f"--hint=string:desktop-entry:{DESKTOP_ENTRY}" in args
    assert "--action=checkin=Check in" in args
    assert "--action=snooze=In 30 min" in args
    assert "--expire-time=9000" in args
    assert {"--wait", "--print-id"} <= set(args)
    icon = next(arg.removeprefix("--icon=") for arg in args if arg.startswith("--icon="))
    assert Path(icon).is_file()
    assert not QIcon(icon).isNull()
    assert args[-3:] == ["--", "Time for your check-in", "b"]


def test_an_action_does_not_also_report_closed(
    qtbot: QtBot, notifier: Notifier, fake_bin: Path, monkeypatch
):
    modes(monkeypatch, "action:checkin")
    closed: list[str] = []
    notifier.closed.connect(closed.append)
    with qtbot.waitSignal(notifier.action_invoked, timeout=WAIT_MS):
        notifier.notify("reminder", "t", "b", ACTIONS, timeout_ms=1000)
    qtbot.wait(300)
    assert closed == []


def test_closing_without_an_action_reports_closed(
    qtbot: QtBot, notifier: Notifier, fake_bin: Path, monkeypatch
):
    modes(monkeypatch, "close")
    actions: list[tuple[str, str]] = []
    notifier.action_invoked.connect(lambda key, action: actions.append((key, action)))
    with qtbot.waitSignal(notifier.closed, timeout=WAIT_MS) as blocker:
        notifier.notify("risk", "t", "b", [("show", "Show me")], timeout_ms=1000)
    assert blocker.args == ["risk"]
    assert actions == []


def test_a_title_or_body_starting_with_a_dash_and_markup_stays_text(
    qtbot: QtBot, notifier: Notifier, fake_bin: Path, tmp_path: Path, monkeypatch
):
    modes(monkeypatch, "close")
    with qtbot.waitSignal(notifier.closed, timeout=WAIT_MS):
        notifier.notify("k", "-t", "--help & <b>", [], timeout_ms=1000)
    assert calls(tmp_path)[0][-3:] == ["--", "-t", "--help &amp; &lt;b&gt;"]


def test_the_same_key_replaces_the_shown_notification(
    qtbot: QtBot, notifier: Notifier, fake_bin: Path, tmp_path: Path, monkeypatch
):
    modes(monkeypatch, "hang", "action:checkin")
    closed: list[str] = []
    notifier.closed.connect(closed.append)
    got: list[tuple[str, str]] = []
    notifier.action_invoked.connect(lambda key, action: got.append((key, action)))
    notifier.notify("reminder", "first", "b", ACTIONS, timeout_ms=60000)
    qtbot.waitUntil(lambda: notifier._shown["reminder"].notification_id == 41, timeout=WAIT_MS)
    first_pid = notifier._shown["reminder"].process.processId()
    with qtbot.waitSignal(notifier.action_invoked, timeout=WAIT_MS):
        notifier.notify("reminder", "second", "b", ACTIONS, timeout_ms=60000)
    qtbot.waitUntil(lambda: "reminder" not in notifier._shown, timeout=WAIT_MS)
    first_call, second_call = calls(tmp_path)
    assert not any(arg.startswith("--replace-id") for arg in first_call)
    assert "--replace-id=41" in second_call
    assert second_call[-2] == "second"
    assert got == [("reminder", "checkin")]
    assert closed == []
    qtbot.waitUntil(lambda: not Path(f"/proc/{first_pid}").exists(), timeout=WAIT_MS)


def test_different_keys_are_shown_side_by_side(
    qtbot: QtBot, notifier: Notifier, fake_bin: Path, tmp_path: Path, monkeypatch
):
    modes(monkeypatch, "hang", "hang")
    notifier.notify("reminder", "t", "b", ACTIONS, timeout_ms=60000)
    notifier.notify("break", "t", "b", [("stop", "Stop session")], timeout_ms=60000)
    log = tmp_path / "calls.log"
    qtbot.waitUntil(lambda: log.exists() and len(calls(tmp_path)) == 2, timeout=WAIT_MS)
    assert not any(arg.startswith("--replace-id") for call in calls(tmp_path) for arg in call)
    assert set(notifier._shown) == {"reminder", "break"}


def test_without_a_service_and_tray_the_window_is_asked_for_a_banner(
    qtbot: QtBot, fake_bin: Path, tmp_path: Path
):
    notifier = Notifier(service_check=lambda: False)
    assert not notifier.available()
    with qtbot.waitSignal(notifier.fallback_requested, timeout=WAIT_MS) as blocker:
        notifier.notify("reminder", "Title", "Body", ACTIONS, timeout_ms=1000)
    assert blocker.args == ["reminder", "Title", "Body"]
    assert not (tmp_path / "calls.log").exists()


def test_a_missing_notify_send_falls_back(qtbot: QtBot, monkeypatch, tmp_path: Path):
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    notifier = Notifier(service_check=lambda: True)
    assert not notifier.available()
    with qtbot.waitSignal(notifier.fallback_requested, timeout=WAIT_MS):
        notifier.notify("reminder", "Title", "Body", ACTIONS, timeout_ms=1000)


@pytest.mark.parametrize("through_stdbuf", [True, False])
def test_a_notify_send_that_cannot_start_falls_back(
    qtbot: QtBot, notifier: Notifier, fake_bin: Path, monkeypatch, through_stdbuf: bool
):
    """Started directly, QProcess reports FailedToStart; through stdbuf, stdbuf exits 127."""
    (fake_bin / "notify-send").write_text("#!/nonexistent/interpreter\n")
    stdbuf = shutil.which("stdbuf")
    if through_stdbuf:
        if stdbuf is None:
            pytest.skip("needs stdbuf (coreutils)")
        (fake_bin / "stdbuf").symlink_to(stdbuf)
    monkeypatch.setenv("PATH", str(fake_bin))  # no real notify-send further on PATH
    assert notifier.available()
    with qtbot.waitSignal(notifier.fallback_requested, timeout=WAIT_MS) as blocker:
        notifier.notify("reminder", "Title", "Body", ACTIONS, timeout_ms=1000)
    assert blocker.args == ["reminder", "Title", "Body"]
    assert notifier._shown == {}


def test_a_notify_send_that_fails_before_showing_falls_back(
    qtbot: QtBot, notifier: Notifier, fake_bin: Path, monkeypatch
):
    modes(monkeypatch, "fail")
    closed: list[str] = []
    notifier.closed.connect(closed.append)
    with qtbot.waitSignal(notifier.fallback_requested, timeout=WAIT_MS) as blocker:
        notifier.notify("reminder", "Title", "Body", ACTIONS, timeout_ms=1000)
    assert blocker.args == ["reminder", "Title", "Body"]
    assert closed == []


def test_a_failure_after_showing_is_a_close_not_a_second_copy(
    qtbot: QtBot, notifier: Notifier, fake_bin: Path, monkeypatch
):
    modes(monkeypatch, "fail-shown")
    banners: list[str] = []
    notifier.fallback_requested.connect(lambda key, *_: banners.append(key))
    with qtbot.waitSignal(notifier.closed, timeout=WAIT_MS):
        notifier.notify("reminder", "Title", "Body", ACTIONS, timeout_ms=1000)
    assert banners == []


class FakeTray(QSystemTrayIcon):
    """A tray icon that is shown and records its balloon messages (offscreen has no tray)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.messages: list[tuple[str, str, int]] = []

    def isVisible(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def isSystemTrayAvailable(self) -> bool:  # type: ignore[override]  # noqa: N802
        return True

    def showMessage(self, title: str, body: str, icon: object, msecs: int = 10000) -> None:  # type: ignore[override]  # noqa: N802
        self.messages.append((title, body, msecs))


def test_without_a_service_the_tray_balloon_is_used_and_a_click_is_its_default_action(
    qtbot: QtBot,
):
    tray = FakeTray()
    notifier = Notifier(tray, service_check=lambda: False)
    banners: list[str] = []
    notifier.fallback_requested.connect(lambda key, *_: banners.append(key))
    notifier.notify("reminder", "Title", "Body", [("default", "Check in")], timeout_ms=7000)
    assert tray.messages == [("Title", "Body", 7000)]
    assert banners == []
    with qtbot.waitSignal(notifier.action_invoked, timeout=WAIT_MS) as blocker:
        tray.messageClicked.emit()
    assert blocker.args == ["reminder", "default"]
    got: list[str] = []
    notifier.action_invoked.connect(lambda key, action: got.append(action))
    notifier.notify("risk", "Risk", "Body", [("show", "Show me")], timeout_ms=7000)
    assert tray.messages[-1] == ("Risk", "Body", 7000)
    tray.messageClicked.emit()
    tray.messageClicked.emit()
    assert got == []


BUS_CONFIG = """<busconfig>
  <type>session</type>
  <listen>unix:tmpdir={tmp}</listen>
  {servicedir}
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/>
  </policy>
</busconfig>
"""


def private_bus(
    tmp_path: Path, name: str, servicedir: str = ""
) -> tuple[subprocess.Popen[str], QDBusConnection]:
    config = tmp_path / f"{name}.conf"
    config.write_text(BUS_CONFIG.format(tmp=tmp_path, servicedir=servicedir))
    daemon = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    return daemon, QDBusConnection.connectToBus(address, name)


@pytest.mark.skipif(shutil.which("dbus-daemon") is None, reason="needs dbus-daemon")
def test_the_service_check_asks_the_real_bus_for_an_owner(tmp_path: Path):
    daemon, bus = private_bus(tmp_path, "notify-owner")
    try:
        assert bus.isConnected()
        assert not notification_service_registered(bus)
        assert bus.registerService(notifications.SERVICE)
        assert notification_service_registered(bus)
    finally:
        QDBusConnection.disconnectFromBus("notify-owner")
        daemon.terminate()
        daemon.wait()


@pytest.mark.skipif(shutil.which("dbus-daemon") is None, reason="needs dbus-daemon")
def test_a_daemon_the_bus_would_start_counts_as_present(tmp_path: Path):
    services = tmp_path / "services"
    services.mkdir()
    (services / "notify.service").write_text(
        textwrap.dedent(f"""\
        [D-BUS Service]
        Name={notifications.SERVICE}
        Exec=/bin/false
        """)
    )
    daemon, bus = private_bus(
        tmp_path, "notify-activatable", f"<servicedir>{services}</servicedir>"
    )
    try:
        assert notification_service_registered(bus)
    finally:
        QDBusConnection.disconnectFromBus("notify-activatable")
        daemon.terminate()
        daemon.wait()


def test_no_session_bus_means_unavailable(monkeypatch):
    bus = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "notify-nobus")
    try:
        assert not notification_service_registered(bus)
    finally:
        QDBusConnection.disconnectFromBus("notify-nobus")


def test_shutdown_stops_notify_send_without_reporting_a_close(
    qtbot: QtBot, fake_bin: Path, monkeypatch
):
    modes(monkeypatch, "hang")
    notifier = Notifier(service_check=lambda: True)
    events: list[str] = []
    notifier.closed.connect(events.append)
    notifier.fallback_requested.connect(lambda key, *_: events.append(key))
    notifier.notify("reminder", "t", "b", ACTIONS, timeout_ms=60000)
    qtbot.waitUntil(lambda: notifier._shown["reminder"].notification_id == 41, timeout=WAIT_MS)
    pid = notifier._shown["reminder"].process.processId()
    notifier.shutdown()
    assert not Path(f"/proc/{pid}").exists()
    qtbot.wait(100)
    assert events == []
    assert notifier._shown == {}


def test_importing_the_notifier_loads_nothing_heavy():
    """The always-on tray process imports this module: no database, no numbers, no charts."""
    code = (
        "import sys, focusapp.ui.notifications; "
        "print(sorted(m for m in ('sqlalchemy', 'numpy', 'pyqtgraph') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
