"""Run slow work (database reads, statistics) on one worker thread; results come back by Signal.

One thread, not a pool: SQLite access stays serialised and results arrive in the order the
work was asked for (as Anki's ``taskman.run_in_background`` does). A callback never runs on
the worker: the worker emits a queued signal carrying a closure, and the closure runs on the
GUI thread, where widgets may be touched.
"""

from __future__ import annotations

import gc
import logging
import time
import weakref
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

if TYPE_CHECKING:
    from collections.abc import Callable

logger = logging.getLogger(__name__)

T = TypeVar("T")


class _Relay(QObject):
    """Carries a closure from the worker to the GUI thread.

    It has no Qt parent, so deleting the runner's widget (and the runner with it) never
    deletes it while the worker may still emit on it: a signal emitted on a deleted C++
    object crashes the process rather than raising.

    Signals:
        done(object): A closure to run on the GUI thread.
    """

    done = Signal(object)


def _collect_garbage_on_this_thread() -> None:
    """Turn Python's automatic cyclic garbage collection off; :func:`_collect_if_due` runs it.

    The collector runs in whichever thread happens to allocate. Run on a worker, it may free a
    Qt object's wrapper there and destroy the object on the wrong thread, which deadlocks
    with the GUI thread (seen: a worker's collection destroying a QObject while the GUI
    thread deleted widgets, each waiting for the other's lock). So once workers exist, only
    the GUI thread collects, each time a worker's result arrives, by the usual thresholds.
    """
    if gc.isenabled():
        gc.disable()


#: The least time between two full collections. The interpreter holds a full collection
#: back until a quarter of the long-lived objects are new, which code cannot see; a clock
#: stands in for that, so the start (a few hundred thousand objects) is not walked again on
#: every result delivered.
FULL_COLLECTION_EVERY_S: Final = 60.0
_last_full = time.monotonic()


def _collect_if_due() -> None:
    global _last_full  # one collector per process, as the interpreter's own
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):  # the oldest generation over its threshold, as Python does
        if thresholds[generation] and counts[generation] > thresholds[generation]:
            if generation == 2:
                if time.monotonic() - _last_full < FULL_COLLECTION_EVERY_S:
                    continue
                _last_full = time.monotonic()
            gc.collect(generation)
            return


class BackgroundRunner(QObject):
    """A single worker thread whose results are delivered on the GUI thread."""

    def __init__(self, parent: QObject | None = None, name: str = "focusapp-worker") -> None:
        super().__init__(parent)
        _collect_garbage_on_this_thread()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._closed = False
        self._before_delivery: list[Callable[[], None]] = []
        self._relay = _Relay()
        runner = weakref.ref(self)  # no cycle through the relay's connection

        def deliver(closure: Callable[[], None]) -> None:
            alive = runner()
            if alive is not None and shiboken6.isValid(alive):  # else it was deleted
                alive._on_self_done(closure)

        # Queued: the emit happens on the worker and the closure must run on the GUI thread.
        self._relay.done.connect(deliver, Qt.ConnectionType.QueuedConnection)

    def run_in_background(
        self,
        task: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[Exception], None] | None = None,
    ) -> Future[None] | None:
        """Run ``task`` on the worker; then ``on_done(result)`` or ``on_error(exc)`` on this thread.

        Returns the future of the work (for tests and shutdown), or ``None`` once closed.
        """
        if self._closed:
            return None

        def work() -> None:
            try:
                result = task()
            except Exception as error:  # delivered to the caller, who decides what to show
                logger.debug("background task failed", exc_info=True)
                failure = error  # ``error`` is unbound after the except block
                self._deliver(lambda: _report(failure, on_error))
            else:
                self._deliver(lambda: on_done(result))

        return self._executor.submit(work)

    def _deliver(self, closure: Callable[[], None]) -> None:
        if self._closed:
            return
        try:
            self._relay.done.emit(closure)
        except RuntimeError:  # the relay went with the interpreter's shutdown
            logger.debug("background result dropped: relay deleted")

    def before_delivery(self, hook: Callable[[], None]) -> None:
        """Call ``hook()`` on this thread before each result is handed on.

        The change hub hands on what a task wrote this way, so the news of a write arrives
        before the write's own result, with no signal of its own from the worker.
        """
        self._before_delivery.append(hook)

    def _on_self_done(self, closure: Callable[[], None]) -> None:
        if not self._closed:
            for hook in list(self._before_delivery):
                hook()
            closure()
        _collect_if_due()

    def shutdown(self, wait: bool = True) -> None:
        """Stop accepting work; pending results are dropped. Waits for the running task."""
        self._closed = True
        self._executor.shutdown(wait=wait, cancel_futures=True)


@dataclass(frozen=True, slots=True)
class WorkerHandle:
    """The worker a view runs on: the window's one (shared) or a worker of its own.

    Attributes:
        runner: The worker.
        owned: Whether the view made it (and so stops it); the window stops a shared one.
    """

    runner: BackgroundRunner
    owned: bool

    def shutdown(self) -> None:
        """Stop the worker if it is the view's own (waits for the running task)."""
        if self.owned:
            self.runner.shutdown(wait=True)


def shared_or_own(runner: BackgroundRunner | None, owner: QObject, name: str) -> WorkerHandle:
    """Return ``runner`` (the window's worker), or a worker of ``owner``'s own named ``name``.

    An own worker is a child of ``owner``, deleted with it, so no result ever reaches a
    deleted widget.
    """
    if runner is not None:
        return WorkerHandle(runner, owned=False)
    return WorkerHandle(BackgroundRunner(owner, name=name), owned=True)


def _report(error: Exception, on_error: Callable[[Exception], None] | None) -> None:
    if on_error is None:
        logger.warning("background task failed: %s", error)
    else:
        on_error(error)
