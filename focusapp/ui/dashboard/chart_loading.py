"""Loading pyqtgraph and building the dashboard's charts without freezing the window."""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from focusapp.ui.dashboard.pages import qt_type_warmup

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from PySide6.QtWidgets import QWidget

    from focusapp.ui.charts.panel import ChartPanel
    from focusapp.ui.workers import BackgroundRunner

logger = logging.getLogger(__name__)


class ChartLoader(QObject):
    """Imports the chart module on the worker and builds the panel one chart per turn.

    Importing pyqtgraph costs about half a second, most of it creating every PySide6 class
    it copies: that part runs on the GUI thread first, in slices of a few milliseconds per
    event-loop turn. Then the worker imports the rest, and the charts are built here, one
    per event-loop turn. The worker starts only after the slices because every slice needs
    the GIL, which a busy worker would hold for up to the interpreter's switch interval
    (5 ms) per slice.

    Signals:
        warmed: The Qt types are ready; the import is queued on the worker right after, so
            work asked for now (the dashboard's data) runs before it.
        built(object): The :class:`ChartPanel`, every chart built.
        failed(object): The exception that stopped the import.
    """

    warmed = Signal()
    built = Signal(object)
    failed = Signal(object)

    def __init__(self, holder: QWidget, runner: BackgroundRunner) -> None:
        super().__init__(holder)
        self._holder = holder
        self._runner = runner
        self._warm_steps: Iterator[Callable[[], None]] = iter(())
        self._building: ChartPanel | None = None
        self._done = False

    def start(self) -> None:
        """Begin: warm the Qt types in slices, then import and build."""
        self._warm_steps = qt_type_warmup()
        QTimer.singleShot(0, self, self._on_self_warm_step)

    def build_now(self) -> None:
        """Import and build every chart at once, if not done yet (emits :attr:`built`)."""
        if self._done:
            return
        from focusapp.ui.charts.panel import ChartPanel

        panel = self._building or ChartPanel(self._holder, stepwise=True)
        while not panel.build_next():
            pass
        self._finish(panel)

    def _finish(self, panel: ChartPanel) -> None:
        self._building = None
        self._done = True
        self.built.emit(panel)

    @Slot()
    def _on_self_warm_step(self) -> None:
        step = next(self._warm_steps, None)
        if step is not None:
            step()
            QTimer.singleShot(0, self, self._on_self_warm_step)
            return
        # The Qt types pyqtgraph copies are ready, so pyqtgraph (and numpy) can load on the
        # worker thread while this thread keeps the window responsive.
        self.warmed.emit()
        self._runner.run_in_background(
            lambda: importlib.import_module("focusapp.ui.charts.panel"),
            self._on_charts_imported,
            self._on_charts_import_failed,
        )

    def _on_charts_imported(self, _module: object) -> None:
        if self._done:
            return
        from focusapp.ui.charts.panel import ChartPanel

        self._building = ChartPanel(self._holder, stepwise=True)
        self._building.hide()
        QTimer.singleShot(0, self, self._on_self_build_step)

    @Slot()
    def _on_self_build_step(self) -> None:
        panel = self._building
        if panel is None or self._done:
            return
        if panel.build_next():
            self._finish(panel)
        else:
            QTimer.singleShot(0, self, self._on_self_build_step)

    def _on_charts_import_failed(self, error: Exception) -> None:
        logger.warning("charts could not be loaded: %s", error)
        self.failed.emit(error)
