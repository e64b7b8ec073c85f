"""The window's one change path and one database worker (Anki's ``CollectionOp``/``taskman``).

Every read and write the window, the tray and the dialogs make runs through :meth:`run` on
the one database worker, never on the GUI thread. Every write a service makes is published
on the profile's :class:`~focusapp.services.changes.ChangeFeed`; the hub moves that news to
the GUI thread (with the worker's next result, so the worker emits nothing of its own) and
emits :attr:`ChangeHub.changes_applied` once per write, with whoever asked
for it (the *initiator*), so each view decides from the :class:`Changes` alone what to
redraw. A write by another process arrives the same way: :meth:`note_external` publishes
"anything may have changed" for the file watcher.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from focusapp.services.changes import Changes

if TYPE_CHECKING:
    from collections.abc import Callable
    from concurrent.futures import Future

    from focusapp.services.changes import ChangeFeed
    from focusapp.ui.workers import BackgroundRunner

T = TypeVar("T")


class ChangeHub(QObject):
    """Runs database work on the worker and announces every change on the GUI thread.

    Signals:
        changes_applied(Changes, object): Stored data changed; the second argument is the
            object that asked for the write through :meth:`run` (``None``: a write nobody in
            this window asked for, such as a calendar sync or another process's).
    """

    changes_applied = Signal(object, object)

    def __init__(
        self, feed: ChangeFeed, runner: BackgroundRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.feed = feed
        self._runner = runner
        self._local = threading.local()
        self._own_write_listeners: list[Callable[[], None]] = []
        # What was published and not yet announced. A write on the worker is announced just
        # before the worker's next result is handed on (no signal from the worker thread);
        # a write on this thread at the next turn of the event loop.
        self._pending: list[tuple[Changes, object | None]] = []
        self._lock = threading.Lock()
        self._gui_thread = threading.get_ident()
        runner.before_delivery(self._announce)
        feed.subscribe(self._on_feed_published)

    def run(
        self,
        task: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[Exception], None] | None = None,
        initiator: object | None = None,
    ) -> Future[None] | None:
        """Run ``task`` on the database worker, then ``on_done(result)`` here.

        Changes ``task`` publishes reach :attr:`changes_applied` (before ``on_done``) with
        ``initiator``, so a view can tell its own write from anybody else's.
        """

        def work() -> T:
            self._local.initiator = initiator
            try:
                return task()
            finally:
                self._local.initiator = None

        return self._runner.run_in_background(work, on_done, on_error)

    def on_own_write(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` (on the writing thread) right after each write of this process.

        The file watcher uses it to take the database's new state as known, so FocusApp's
        own writes never come back as "changed by another program".
        """
        self._own_write_listeners.append(listener)

    def note_external(self) -> None:
        """Publish that another process may have changed anything (the file watcher saw it)."""
        self.feed.publish(Changes.anything())

    def _on_feed_published(self, changes: Changes) -> None:
        if not shiboken6.isValid(self):  # its window was deleted; the feed outlives it
            return
        if not changes.external:
            for listener in list(self._own_write_listeners):
                listener()
        with self._lock:
            self._pending.append((changes, getattr(self._local, "initiator", None)))
        if threading.get_ident() == self._gui_thread:
            QTimer.singleShot(0, self, self._announce)

    @Slot()
    def _announce(self) -> None:
        """Emit :attr:`changes_applied` for each change published since the last time."""
        with self._lock:
            pending, self._pending = self._pending, []
        for changes, initiator in pending:
            self.changes_applied.emit(changes, initiator)
