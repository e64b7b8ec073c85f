"""One FocusApp per user and data folder: a second launch raises the first and exits.

The same socket carries the light tray's link to its window process: the window connects,
says :data:`WINDOW_HELLO` and keeps the connection, one line per message each way (see
:mod:`focusapp.ui.tray_app.window_process`). Uses QLocalServer, which on Linux is a
Unix-domain socket private to the user: nothing here can reach the network.
"""

from __future__ import annotations

import getpass
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from focusapp.domain.digest import sha256_hex

if TYPE_CHECKING:
    from pathlib import Path

_ACTIVATE = b"activate\n"
#: The first line of the window process's lasting connection to its tray.
WINDOW_HELLO: Final = b"window\n"
_TIMEOUT_MS = 500


def server_name(data_dir: Path) -> str:
    """Return the socket name for this user and data folder."""
    digest = sha256_hex(str(data_dir.resolve()).encode())[:16]
    return f"focusapp-{getpass.getuser()}-{digest}"


def activate_running(name: str) -> bool:
    """Ask a running FocusApp to come to the front; return whether one answered."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(_TIMEOUT_MS):
        return False
    socket.write(_ACTIVATE)
    socket.flush()
    socket.waitForBytesWritten(_TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


class SingleInstance(QObject):
    """Listens for later launches.

    Signals:
        activation_requested: Another launch wants this instance's window in front.
        window_attached: The window process connected (the socket, kept open).
    """

    activation_requested = Signal()
    window_attached = Signal(QLocalSocket)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self._server.listen(name):
            # A stale socket file from a crash: nobody answered, so it is safe to remove.
            QLocalServer.removeServer(name)
            self._server.listen(name)
        self._server.newConnection.connect(self._on_server_new_connection)

    @property
    def listening(self) -> bool:
        """Whether this instance owns the name."""
        return self._server.isListening()

    @Slot()
    def _on_server_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(self._on_socket_ready_read)
            socket.disconnected.connect(self._on_socket_disconnected)
            self._first_line(socket)

    @Slot()
    def _on_socket_ready_read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._first_line(socket)

    @Slot()
    def _on_socket_disconnected(self) -> None:
        """Gone before a whole line: a launch that said nothing (an older FocusApp)."""
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._stop_listening_to(socket)
            socket.deleteLater()
            self.activation_requested.emit()

    def _first_line(self, socket: QLocalSocket) -> None:
        """The window's hello hands the socket on; any other line means "come forward"."""
        if not socket.canReadLine():
            return
        self._stop_listening_to(socket)
        if bytes(socket.readLine().data()) == WINDOW_HELLO:
            self.window_attached.emit(socket)  # the receiver owns it from now on
        else:
            socket.disconnected.connect(socket.deleteLater)
            self.activation_requested.emit()

    def _stop_listening_to(self, socket: QLocalSocket) -> None:
        socket.readyRead.disconnect(self._on_socket_ready_read)
        socket.disconnected.disconnect(self._on_socket_disconnected)

    def close(self) -> None:
        """Stop listening (at quit)."""
        self._server.close()
