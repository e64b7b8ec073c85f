"""The window as a process of its own: started from the tray on demand, ended when it closes.

Python cannot give back the memory of SQLAlchemy, numpy and pyqtgraph once a process loaded
them, so the window lives in a child process: closing it returns that memory, and the tray
stays light all day. The child connects back to the tray's single-instance socket
(:data:`~focusapp.ui.single_instance.WINDOW_HELLO`) and keeps that link; when the link
breaks (the tray ended) the window ends too.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, QProcess, Signal, Slot
from PySide6.QtNetwork import QLocalSocket

from focusapp.system.relaunch import TRAY_WINDOW_FLAG
from focusapp.ui.line_channel import LineChannel, Message

if TYPE_CHECKING:
    from focusapp.ui.single_instance import SingleInstance

logger = logging.getLogger(__name__)

#: How long the window may take to save and back up after the tray asked it to end.
_END_WAIT_MS: Final = 10_000


class WindowProcess(QObject):
    """Starts the window process, tells it what to show, and hears what the user did there.

    Signals:
        closed: The user closed the window (FocusApp keeps running in the tray).
        quit_requested: The user chose Quit in the window.
    """

    closed = Signal()
    quit_requested = Signal()

    def __init__(
        self, command: list[str], instance: SingleInstance, parent: QObject | None = None
    ) -> None:
        """``command`` starts FocusApp with the profile's ``--data-dir`` (no other option)."""
        super().__init__(parent)
        self._command = command
        self._process: QProcess | None = None
        self._channel: LineChannel | None = None
        self._pending: list[tuple[Message, str]] = []
        # What an ended window left, deleted at the next start: not from the process's own
        # ``finished`` (see :class:`~focusapp.ui.tray_app.commands.CommandRunner`).
        self._ended: list[QObject] = []
        instance.window_attached.connect(self._on_instance_window_attached)

    def is_open(self) -> bool:
        """Whether the window process runs."""
        return self._process is not None

    def show(self, message: Message, argument: str = "") -> None:
        """Bring the window to the front showing ``message``'s view; start it when needed."""
        if self._channel is not None:
            self._channel.send(message, argument)
            return
        self._pending.append((message, argument))
        if self._process is None:
            self._start()

    def end(self) -> None:
        """Ask the window to end (it saves and backs up), and wait for it a while."""
        process = self._process
        if process is None:
            return
        if self._channel is not None:
            self._channel.send(Message.QUIT)
        else:
            process.terminate()
        if not process.waitForFinished(_END_WAIT_MS):
            process.kill()

    def _start(self) -> None:
        for ended in self._ended:
            ended.deleteLater()
        self._ended.clear()
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedChannels)
        process.finished.connect(self._on_process_finished)
        process.errorOccurred.connect(self._on_process_error_occurred)
        self._process = process
        process.start(self._command[0], [*self._command[1:], TRAY_WINDOW_FLAG])

    @Slot(QLocalSocket)
    def _on_instance_window_attached(self, socket: QLocalSocket) -> None:
        channel = LineChannel(socket, self)
        channel.received.connect(self._on_channel_received)
        self._channel = channel
        for message, argument in self._pending:
            channel.send(message, argument)
        self._pending.clear()

    @Slot(str, str)
    def _on_channel_received(self, message: str, _argument: str) -> None:
        if message == Message.CLOSED:
            self.closed.emit()
        elif message == Message.QUIT:
            self.quit_requested.emit()

    @Slot(int, QProcess.ExitStatus)
    def _on_process_finished(self, code: int, _status: QProcess.ExitStatus) -> None:
        if code not in (0, 15):
            logger.warning("the window ended with status %s", code)
        self._forget()

    @Slot(QProcess.ProcessError)
    def _on_process_error_occurred(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            logger.error("the window could not be started: %s", " ".join(self._command))
            self._forget()

    def _forget(self) -> None:
        self._ended += [part for part in (self._channel, self._process) if part is not None]
        self._channel = None
        self._pending.clear()
        self._process = None
