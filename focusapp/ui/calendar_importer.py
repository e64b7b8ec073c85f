"""Calendar imports run one at a time on the window's database worker, results by Signal.

Reading a year of a busy calendar takes seconds, so imports run on the window's one
database worker (one at a time, in order with every other read and write). The calendar
service is Qt-free and opens its own session per call, so the worker can use it directly;
results come back to the GUI thread through a queued signal and no widget is touched from
the worker.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from focusapp.domain.errors import StorageError
from focusapp.services.calendar.importer import SyncOutcome
from focusapp.services.calendar.local_files import CalendarImportError
from focusapp.ui.workers import shared_or_own

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping
    from concurrent.futures import Future

    from focusapp.formats.calendar_kind import CalendarKind
    from focusapp.services.calendar.service import CalendarService
    from focusapp.services.sources.service import SourcesService
    from focusapp.ui.workers import BackgroundRunner

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CalendarJobResult:
    """What one background calendar job did.

    Attributes:
        origin: Who asked: ``"manual"`` (the Import menu), ``"watch"`` (a watched file
            changed) or ``"sync"`` (start-up or changed settings).
        outcomes: One entry per file: its report, or the message saying why it failed.
        added: The added calendar sources (path, kind) after the job, so the watch can
            follow them without reading the database on the GUI thread.
    """

    origin: str
    outcomes: tuple[SyncOutcome, ...]
    added: tuple[tuple[str, CalendarKind], ...] = ()

    @property
    def changed(self) -> bool:
        """Whether any import stored something new."""
        return any(o.report is not None and not o.report.unchanged for o in self.outcomes)

    @property
    def errors(self) -> list[str]:
        """Return the failures' messages."""
        return [o.error for o in self.outcomes if o.error is not None]


class CalendarImporter(QObject):
    """Runs calendar imports one at a time on the window's database worker.

    Imports share the one worker with every other read and write of the window (as Anki's
    ``taskman`` does), so SQLite access stays serialised and results arrive in order.

    Signals:
        finished(object): A :class:`CalendarJobResult`, delivered on the GUI thread.
    """

    finished = Signal(object)

    def __init__(
        self,
        service: CalendarService,
        parent: QObject | None = None,
        sources: SourcesService | None = None,
        runner: BackgroundRunner | None = None,
    ) -> None:
        super().__init__(parent)
        # The window's worker; without one (tests, a tool), a worker of its own.
        self._worker = shared_or_own(runner, self, "focusapp-ics")
        self._service, self._sources = service, sources
        self._pending = 0
        self._last: Future[None] | None = None
        app = QCoreApplication.instance()
        if app is not None and self._worker.owned:
            app.aboutToQuit.connect(self.shutdown)

    @property
    def busy(self) -> bool:
        """Whether a job is queued or running."""
        return self._pending > 0

    def import_files(self, paths: Iterable[str], origin: str = "manual") -> None:
        """Import each file (as :meth:`CalendarService.import_file` without a range)."""
        chosen = list(paths)
        self._submit(origin, lambda: [self._import(path) for path in chosen])

    def sync(self, watch_files: Iterable[str], origin: str = "sync") -> None:
        """Re-import the watched files and bring stale imports up to the settings."""
        chosen = list(watch_files)
        self._submit(origin, lambda: self._sync(chosen))

    def read_sources(self, changes: Mapping[str, list[Path] | None], origin: str = "watch") -> None:
        """Re-read added sources; for a vdir, only the calendar folders given (``None``: all)."""
        chosen = dict(changes)
        self._submit(origin, lambda: [self._read_source(p, c) for p, c in chosen.items()])

    def list_sources(self, origin: str = "sources") -> None:
        """Report the added sources (after one was added or removed), reading nothing."""
        self._submit(origin, list)

    def wait(self, msecs: int = -1) -> bool:
        """Block until every job asked for is done; return whether they are.

        The worker runs jobs in order, so the last one finishing means all have; their
        results still arrive through the event loop.
        """
        last = self._last
        if last is None:
            return True
        try:
            last.result(timeout=None if msecs < 0 else msecs / 1000)
        except TimeoutError:
            return False
        return True

    @Slot()
    def shutdown(self) -> None:
        """Drop queued jobs and wait for the running one, so quitting never cuts a write.

        A shared worker is shut down by its owner (the window) instead.
        """
        self._worker.shutdown()

    def _submit(self, origin: str, work: Callable[[], list[SyncOutcome]]) -> None:
        self._pending += 1

        def job() -> CalendarJobResult:
            outcomes = work()
            try:
                added = tuple(self._added())
            except Exception:  # the list only guides the watch; the next job tries again
                logger.exception("listing the added calendar sources failed")
                added = ()
            return CalendarJobResult(origin, tuple(outcomes), added)

        self._last = self._worker.runner.run_in_background(
            job, self._on_job_done, self._on_job_failed
        )

    def _added(self) -> list[tuple[str, CalendarKind]]:
        return [] if self._sources is None else self._sources.added()

    def _read_source(self, path: str, changed: list[Path] | None) -> SyncOutcome:
        assert self._sources is not None, "sources are only watched when given"
        try:
            return self._sources.read_source(path, changed)
        except StorageError as error:
            return SyncOutcome(path, None, str(error))
        except Exception as error:  # the worker must always answer; the log has the details
            logger.exception("reading calendar source %s failed", path)
            return SyncOutcome(path, None, f"{Path(path).name}: unexpected error ({error})")

    def _import(self, path: str) -> SyncOutcome:
        try:
            return SyncOutcome(path, self._service.import_file(path))
        except (CalendarImportError, StorageError) as error:
            return SyncOutcome(path, None, str(error))
        except Exception as error:  # the worker must always answer; the log has the details
            logger.exception("calendar import of %s failed", path)
            return SyncOutcome(path, None, f"{Path(path).name}: unexpected error ({error})")

    def _sync(self, watch_files: list[str]) -> list[SyncOutcome]:
        try:
            if self._sources is not None:
                return self._sources.sync(watch_files)
            return self._service.sync(watch_files)
        except StorageError as error:
            return [SyncOutcome("", None, str(error))]
        except Exception as error:  # the worker must always answer; the log has the details
            logger.exception("calendar sync failed")
            return [SyncOutcome("", None, f"Calendar files could not be updated ({error})")]

    def _on_job_done(self, result: CalendarJobResult) -> None:
        self._pending -= 1
        self.finished.emit(result)

    def _on_job_failed(self, error: Exception) -> None:  # the job catches all but bugs
        self._pending -= 1
        logger.error("calendar job failed", exc_info=error)
