"""Desktop notifications a person can act on ("Check in", "In 30 min"), for the tray companion.

Notifications go to the freedesktop notification service (dunst, GNOME Shell, Plasma, ...)
with FocusApp's icon, its desktop-entry hint and action buttons. Where that service or
``notify-send`` is missing, the tray's balloon message is used, and without a tray the window
is asked to show a banner (:attr:`Notifier.fallback_requested`).

This module runs in the always-on tray process, so it imports Qt and the stdlib only.
"""

from __future__ import annotations

import html
import shutil
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QProcess, Signal
from PySide6.QtDBus import QDBusConnection
from PySide6.QtGui import QIcon

from focusapp import APP_ID
from focusapp.system.resources import icon_path

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtWidgets import QSystemTrayIcon

PROGRAM = "notify-send"
SERVICE = "org.freedesktop.Notifications"
APP_NAME = "FocusApp"
DESKTOP_ENTRY = APP_ID
DEFAULT_ACTION = "default"
"""The action key a daemon invokes when the notification body itself is clicked."""
SHUTDOWN_WAIT_MS = 1000
LINE_BUFFERED = ("stdbuf", "-oL")
_NOT_RUNNING = QProcess.ProcessState.NotRunning


def app_icon_path() -> str:
    """Return the icon file daemons show: the 64 px PNG (every daemon reads PNG), else the SVG."""
    png = icon_path(f"hicolor/64x64/{DESKTOP_ENTRY}.png")
    if png.is_file():
        return str(png)
    return str(icon_path("focusapp.svg"))


def notification_service_registered(bus: QDBusConnection | None = None) -> bool:
    """Tell whether the session bus has (or can start) an owner of the notification service.

    A daemon that D-Bus would start on the first call (dunst usually is) counts as present.
    """
    bus = QDBusConnection.sessionBus() if bus is None else bus
    if not bus.isConnected():
        return False
    interface = bus.interface()
    if bool(interface.isServiceRegistered(SERVICE).value()):
        return True
    names = interface.activatableServiceNames().value() or []
    return SERVICE in names


def build_arguments(
    title: str,
    body: str,
    actions: Sequence[tuple[str, str]],
    *,
    timeout_ms: int,
    replaces_id: int | None,
    icon: str,
) -> list[str]:
    """Return notify-send's arguments; ``--`` keeps a title or body starting with "-" as text.

    The body is escaped because most daemons read it as markup ("a & b" would be refused).
    """
    args = [
        f"--app-name={APP_NAME}",
        f"--icon={icon}",
        f"--hint=string:desktop-entry:{DESKTOP_ENTRY}",
        f"--expire-time={timeout_ms}",
        "--print-id",
        "--wait",
    ]
    args += [f"--action={action_key}={label}" for action_key, label in actions]
    if replaces_id is not None:
        args.append(f"--replace-id={replaces_id}")
    return [*args, "--", title, html.escape(body, quote=False)]


def command_line(arguments: list[str]) -> tuple[str, list[str]]:
    """Return the program and arguments that run notify-send with line-buffered output.

    notify-send prints the id with stdio, which a pipe makes block-buffered: without
    ``stdbuf -oL`` the id would arrive only at exit, too late to replace the notification.
    """
    if shutil.which(LINE_BUFFERED[0]) is not None:
        return LINE_BUFFERED[0], [*LINE_BUFFERED[1:], PROGRAM, *arguments]
    return PROGRAM, arguments


@dataclass(frozen=True)
class _Notice:
    """What one notification says, and for how long."""

    title: str
    body: str
    timeout_ms: int
    actions: tuple[tuple[str, str], ...]


@dataclass
class _Shown:
    """One running notify-send: the notification it shows and what has happened to it."""

    process: QProcess
    notice: _Notice
    notification_id: int | None = None
    delivered: bool = False
    replaced: bool = False
    pending: str = ""


class Notifier(QObject):
    """Show notifications by key; report the button a person pressed or that it was closed.

    # WORKAROUND: notifications go through the ``notify-send`` program rather than QtDBus
    # because PySide6 marshals every Python int as int32, while ``Notify``'s ``replaces_id``
    # must be a uint32 (GDBus daemons such as dunst refuse "(sisssasa{sv}i)"), PySide6 has no
    # QVariant to force the type, and QDBusInterface cannot pass the ``a{sv}`` hints. A helper
    # process cannot relay actions either: ``ActionInvoked`` is sent only to the connection
    # that created the notification, so notify-send itself must wait for it (``--wait``).
    # Remove when PySide6 can send a uint32 and an a{sv} (e.g. a typed QDBusArgument/QVariant):
    # then call Notify directly and listen to ActionInvoked/NotificationClosed.

    Signals:
        action_invoked(key, action_key): the person pressed that action's button (or clicked
            the body, for the action ``"default"``).
        closed(key): the notification went away without an action (closed, expired, or the
            service failed after showing it).
        fallback_requested(key, title, body): neither the service nor a tray can show it;
            the window should show a banner.
    """

    action_invoked = Signal(str, str)
    closed = Signal(str)
    fallback_requested = Signal(str, str, str)

    def __init__(
        self,
        tray: QSystemTrayIcon | None = None,
        parent: QObject | None = None,
        *,
        service_check: Callable[[], bool] = notification_service_registered,
    ) -> None:
        """Use ``tray`` for the fallback message; ``service_check`` tells if a daemon is there."""
        super().__init__(parent)
        self._tray: QSystemTrayIcon | None = None
        self._service_check = service_check
        self._shown: dict[str, _Shown] = {}
        # Processes replaced or finished, kept until notify()/shutdown() drops them: a QProcess
        # must outlive its own signals, and deleteLater() on a PySide-owned child can crash.
        self._retired: list[_Shown] = []
        self._tray_message_key: str | None = None
        if tray is not None:
            self.set_tray(tray)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def set_tray(self, tray: QSystemTrayIcon) -> None:
        """Use ``tray``'s balloon for the fallback (a tray host may appear after start)."""
        if tray is self._tray:
            return
        self._tray = tray
        tray.messageClicked.connect(self._on_tray_message_clicked)

    def available(self) -> bool:
        """Tell whether notify-send exists and the session bus has a notification service."""
        return shutil.which(PROGRAM) is not None and self._service_check()

    def notify(
        self,
        key: str,
        title: str,
        body: str,
        actions: Sequence[tuple[str, str]],
        *,
        timeout_ms: int,
    ) -> None:
        """Show a notification; one with the same ``key`` replaces the one shown before.

        The replaced one's notify-send is stopped and its id reused (``--replace-id``), so the
        desktop shows one notification per key. Never blocks: notify-send runs in a QProcess
        whose output arrives as signals.
        """
        self._retired = [old for old in self._retired if old.process.state() != _NOT_RUNNING]
        previous = self._shown.pop(key, None)
        replaces_id = None
        if previous is not None:
            replaces_id = previous.notification_id
            previous.replaced = True
            previous.process.kill()
            self._retired.append(previous)
        notice = _Notice(title, body, timeout_ms, tuple(actions))
        if not self.available():
            self._fall_back(key, notice)
            return
        process = QProcess()
        shown = _Shown(process, notice)
        self._shown[key] = shown
        process.readyReadStandardOutput.connect(lambda: self._on_output(key, shown))
        process.finished.connect(lambda code, status: self._on_finished(key, shown, code, status))
        process.errorOccurred.connect(lambda error: self._on_error(key, shown, error))
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        arguments = build_arguments(
            title,
            body,
            actions,
            timeout_ms=timeout_ms,
            replaces_id=replaces_id,
            icon=app_icon_path(),
        )
        process.start(*command_line(arguments))

    def shutdown(self) -> None:
        """Stop every notify-send (called at quit); the notifications stay, no signals follow."""
        for shown in [*self._shown.values(), *self._retired]:
            shown.replaced = True
            if shown.process.state() != _NOT_RUNNING:
                shown.process.kill()
                shown.process.waitForFinished(SHUTDOWN_WAIT_MS)
        self._shown.clear()
        self._retired.clear()

    def _on_output(self, key: str, shown: _Shown, *, final: bool = False) -> None:
        """Read the id line (first) and then the key of the action the person chose."""
        shown.pending += bytes(shown.process.readAllStandardOutput().data()).decode(
            "utf-8", "replace"
        )
        *lines, shown.pending = (shown.pending + ("\n" if final else "")).split("\n")
        for raw in lines:
            line = raw.strip()
            if not line:
                continue
            if shown.notification_id is None and line.isdigit():
                shown.notification_id = int(line)
            elif not shown.replaced and not shown.delivered:
                shown.delivered = True
                self.action_invoked.emit(key, line)

    def _on_finished(self, key: str, shown: _Shown, code: int, status: QProcess.ExitStatus) -> None:
        """Report a close without action; fall back if notify-send failed before showing."""
        self._on_output(key, shown, final=True)
        if shown.replaced:
            return
        if self._shown.get(key) is shown:
            del self._shown[key]
        failed = status != QProcess.ExitStatus.NormalExit or code != 0
        if shown.delivered:
            pass
        elif failed and shown.notification_id is None:
            self._fall_back(key, shown.notice)
        else:
            self.closed.emit(key)
        self._retired.append(shown)  # after the signals: a slot calling notify() prunes these

    def _on_error(self, key: str, shown: _Shown, error: QProcess.ProcessError) -> None:
        """A notify-send that cannot start (removed, not executable) gives the fallback."""
        if error != QProcess.ProcessError.FailedToStart or shown.replaced:
            return
        if self._shown.get(key) is shown:
            del self._shown[key]
        self._fall_back(key, shown.notice)
        self._retired.append(shown)

    def _fall_back(self, key: str, notice: _Notice) -> None:
        """Use the tray's balloon (a click is the default action), else ask for a banner."""
        tray = self._tray
        if tray is not None and tray.isVisible() and tray.isSystemTrayAvailable():
            has_default = any(action_key == DEFAULT_ACTION for action_key, _ in notice.actions)
            self._tray_message_key = key if has_default else None
            icon = QIcon(app_icon_path())
            tray.showMessage(notice.title, notice.body, icon, notice.timeout_ms)
            return
        self.fallback_requested.emit(key, notice.title, notice.body)

    def _on_tray_message_clicked(self) -> None:
        """A click on the tray balloon acts like a click on a notification's body."""
        key, self._tray_message_key = self._tray_message_key, None
        if key is not None:
            self.action_invoked.emit(key, DEFAULT_ACTION)
