"""One line of text per message over a local socket: the tray and its window process talk so.

The messages are few and fixed (:class:`Message`); a day, when one goes with a message,
follows it after a space. Nothing here can reach the network: QLocalSocket is a Unix-domain
socket private to the user.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtNetwork import QLocalSocket


class Message(StrEnum):
    """What the tray and its window say to each other."""

    #: tray -> window: come to the front (with what to show).
    SHOW_DASHBOARD = "dashboard"
    SHOW_CHECKIN = "checkin"
    SHOW_REVIEW = "review"
    SHOW_SETTINGS = "settings"
    #: either way: end (the tray quits, or the user chose Quit in the window).
    QUIT = "quit"
    #: window -> tray: the user closed the window; FocusApp keeps running in the tray.
    CLOSED = "closed"


class LineChannel(QObject):
    """Sends and receives :class:`Message` lines over ``socket``.

    Signals:
        received: A message arrived (its kind and the text after it, maybe empty).
        ended: The other side went away.
    """

    received = Signal(str, str)
    ended = Signal()

    def __init__(self, socket: QLocalSocket, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.socket = socket
        socket.setParent(self)  # the channel owns the socket: it goes when the channel goes
        socket.readyRead.connect(self._on_socket_ready_read)
        socket.disconnected.connect(self.ended)
        if socket.canReadLine():
            self._on_socket_ready_read()

    def send(self, message: Message, argument: str = "") -> None:
        """Send one message (nothing happens once the other side is gone)."""
        if self.socket.state() != QLocalSocket.LocalSocketState.ConnectedState:
            return
        line = f"{message} {argument}".strip() + "\n"
        self.socket.write(line.encode())
        self.socket.flush()

    @Slot()
    def _on_socket_ready_read(self) -> None:
        while self.socket.canReadLine():
            words = bytes(self.socket.readLine().data()).decode(errors="replace").split()
            if words and words[0] in Message.__members__.values():
                self.received.emit(words[0], " ".join(words[1:]))
