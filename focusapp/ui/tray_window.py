"""The window's side of the light tray: a window process started by the tray, linked to it.

The tray (:mod:`focusapp.ui.tray_app`) starts this process to show the window and tells it,
one line at a time, what to show; this side says when the user closed the window (the tray
then says, once, that FocusApp keeps running) or chose Quit (the tray ends too). When the
link breaks, the tray has ended, and so does the window.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication

from focusapp.ui.line_channel import LineChannel, Message
from focusapp.ui.single_instance import WINDOW_HELLO

if TYPE_CHECKING:
    from focusapp.ui.shell import Shell

logger = logging.getLogger(__name__)

_CONNECT_MS: Final = 2000


class TrayLink(QObject):
    """Links the window of ``shell`` to the tray process listening on ``name``."""

    def __init__(self, name: str, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shell = shell
        self._quitting = False
        socket = QLocalSocket(self)
        socket.connectToServer(name)
        self.channel = LineChannel(socket, self)
        self.channel.received.connect(self._on_channel_received)
        self.channel.ended.connect(self._on_channel_ended)
        if not socket.waitForConnected(_CONNECT_MS):
            logger.warning("the tray that started this window is gone")
            QTimer.singleShot(0, self._on_channel_ended)
            return
        socket.write(WINDOW_HELLO)
        socket.flush()
        shell.window.quit_requested.connect(self._on_window_quit_requested)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.lastWindowClosed.connect(self._on_app_last_window_closed)

    @Slot(str, str)
    def _on_channel_received(self, message: str, argument: str) -> None:
        companion = self._shell.companion
        if message == Message.SHOW_DASHBOARD:
            companion.open_dashboard()
        elif message == Message.SHOW_CHECKIN:
            companion.open_checkin()
        elif message == Message.SHOW_REVIEW:
            companion.open_review(dt.date.fromisoformat(argument) if argument else None)
        elif message == Message.SHOW_SETTINGS:
            companion.open_dashboard()
            self._shell.open_settings()
        elif message == Message.QUIT:
            self._quit()

    @Slot()
    def _on_window_quit_requested(self) -> None:
        """Quit in the window ends FocusApp: the tray too."""
        self.channel.send(Message.QUIT)
        self._quit()

    @Slot()
    def _on_app_last_window_closed(self) -> None:
        if not self._quitting:
            self.channel.send(Message.CLOSED)
            self.channel.socket.waitForBytesWritten(_CONNECT_MS)

    @Slot()
    def _on_channel_ended(self) -> None:
        self._quit()

    def _quit(self) -> None:
        self._quitting = True
        QApplication.quit()
