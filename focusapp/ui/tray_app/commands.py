"""The light tray's writes: each one a ``focusapp`` command, run as a child process.

Every write keeps its one locked path through the services (one ``BEGIN IMMEDIATE``
transaction, only the fields given), without loading that stack into the tray: the child
loads it, writes, and ends. Its one-line error (``focusapp log: ...``) is what the tray
shows when a write is refused.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, QProcess

from focusapp.wording.translate import translate

if TYPE_CHECKING:
    from collections.abc import Callable

logger = logging.getLogger(__name__)

#: How long quitting waits for a write still under way: it is let finish, never killed.
_FINISH_WAIT_MS: Final = 30_000


class CommandRunner(QObject):
    """Runs ``focusapp`` commands for one profile without blocking the event loop."""

    def __init__(self, command: list[str], parent: QObject | None = None) -> None:
        """``command`` starts FocusApp with the profile's ``--data-dir``."""
        super().__init__(parent)
        self._command = command
        self._running: set[QProcess] = set()
        # Ended processes, deleted at the next run: deleting one from its own ``finished``
        # (deleteLater there) crashed the process once the runner went (seen at quit).
        self._ended: list[QProcess] = []

    def run(
        self,
        arguments: list[str],
        done: Callable[[str], None],
        failed: Callable[[str], None],
    ) -> None:
        """Run ``focusapp ARGUMENTS``; then ``done(output)`` or ``failed(why, in one line)``."""
        for ended in self._ended:
            ended.deleteLater()
        self._ended.clear()
        process = QProcess(self)
        self._running.add(process)

        def finished(code: int, _status: QProcess.ExitStatus) -> None:
            output = bytes(process.readAllStandardOutput().data()).decode(errors="replace")
            errors = bytes(process.readAllStandardError().data()).decode(errors="replace")
            self._end(process)
            if code == 0:
                done(output)
            else:
                ended = translate("Companion", "focusapp {command} ended with status {code}")
                failed(_problem(errors) or ended.format(command=arguments[0], code=code))

        def error_occurred(error: QProcess.ProcessError) -> None:
            if error == QProcess.ProcessError.FailedToStart:
                self._end(process)
                failed(
                    translate("Companion", "{program} could not be started").format(
                        program=self._command[0]
                    )
                )

        process.finished.connect(finished)
        process.errorOccurred.connect(error_occurred)
        process.start(self._command[0], [*self._command[1:], *arguments])

    def _end(self, process: QProcess) -> None:
        self._running.discard(process)
        self._ended.append(process)

    def finish(self) -> None:
        """At quit: let every command still running finish (a write is never cut short)."""
        for process in list(self._running):
            if not process.waitForFinished(_FINISH_WAIT_MS):
                logger.warning("a focusapp command did not finish; it goes on alone")


def _problem(errors: str) -> str:
    """The last line a command printed on stderr, without its ``focusapp COMMAND:`` prefix."""
    lines = [line for line in errors.splitlines() if line.strip()]
    if not lines:
        return ""
    last = lines[-1]
    prefix, colon, rest = last.partition(": ")
    return rest if colon and prefix.startswith("focusapp") else last
