"""End the GUI cleanly on Ctrl-C (SIGINT) or SIGTERM: the usual quit, backup included.

Python runs a signal handler only between bytecodes, and Qt's event loop runs in C++, so a
Ctrl-C would wait for the next Python slot and then raise ``KeyboardInterrupt`` wherever that
was. Instead the signal wakes the event loop through a pipe (``signal.set_wakeup_fd``)
watched by a :class:`QSocketNotifier`, and the handler asks the application to quit.
"""

from __future__ import annotations

import contextlib
import os
import signal
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Slot

if TYPE_CHECKING:
    from types import FrameType

    from PySide6.QtCore import QCoreApplication

_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class QuitOnSignals(QObject):
    """Quit ``app`` the normal way when the process gets SIGINT or SIGTERM."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._read, write = os.pipe()
        os.set_blocking(self._read, False)
        os.set_blocking(write, False)
        self._write = write
        self._previous_fd = signal.set_wakeup_fd(write)
        self._notifier = QSocketNotifier(self._read, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notifier_activated)
        for number in _SIGNALS:
            signal.signal(number, self._on_signal)

    def _on_signal(self, _number: int, _frame: FrameType | None) -> None:
        # Posted, not called: a quit() before the event loop runs is lost, and a signal can
        # arrive while FocusApp is still starting; the timer fires once the loop runs.
        QTimer.singleShot(0, self._app, self._app.quit)

    @Slot()
    def _on_notifier_activated(self) -> None:
        # Reading empties the pipe; running this Python slot lets the handler above run.
        with contextlib.suppress(BlockingIOError):
            os.read(self._read, 512)

    def restore(self) -> None:
        """Give the signals back their default handling (after the event loop ended)."""
        for number in _SIGNALS:
            signal.signal(
                number, signal.SIG_DFL if number == signal.SIGTERM else signal.default_int_handler
            )
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        for descriptor in (self._read, self._write):
            with contextlib.suppress(OSError):
                os.close(descriptor)
