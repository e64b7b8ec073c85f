"""The window's File menu actions for check-in files: import, export, and the charts as PNG.

Reads and writes run on the window's database worker through the change hub; the dialogs
(which file, which days win) stay on the GUI thread between them. Exports are written
atomically, so a full disk never leaves half a file in place of the previous one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from focusapp.system.atomic import write_atomically

if TYPE_CHECKING:
    from collections.abc import Callable

    from focusapp.domain.imports import ImportChoice, ImportPlan
    from focusapp.domain.models import CheckIn
    from focusapp.services.checkins import CheckInService
    from focusapp.ui.main_window import MainWindow

_STATUS_MS = 8000
_PROBLEMS_SHOWN = 15
_EXPORT_FILE_MODE = 0o644  # a file the user chose to share, readable like any other document

Rows = list[tuple["CheckIn", frozenset[str]]]


class CheckInFiles(QObject):
    """Import check-ins, export them, export the charts.

    Attributes:
        import_action: File > Import check-ins...
        export_action: File > Export check-ins... (Ctrl+E)
        export_charts_action: File > Export charts as PNG... (enabled with the dashboard)

    Signals:
        exported: The check-ins were written to the chosen file.
    """

    exported = Signal()

    def __init__(self, window: MainWindow, checkins: Callable[[], CheckInService]) -> None:
        super().__init__(window)
        self._window = window
        self._checkins = checkins
        self.import_action = QAction(self.tr("&Import check-ins..."), window)
        self.import_action.triggered.connect(self._on_import_action_triggered)
        self.export_action = QAction(self.tr("&Export check-ins..."), window)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self._on_export_action_triggered)
        self.export_charts_action = QAction(self.tr("Export charts as &PNG..."), window)
        self.export_charts_action.setEnabled(False)
        self.export_charts_action.triggered.connect(self._on_export_charts_action_triggered)

    def actions(self) -> list[QAction]:
        """Return the actions in menu order."""
        return [self.import_action, self.export_action, self.export_charts_action]

    # --- import -------------------------------------------------------------------------------

    @Slot()
    def _on_import_action_triggered(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Import check-ins"),
            str(Path.home()),
            self.tr("Check-ins (*.csv *.json)"),
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        """Read ``path``, show what it would change, import what the user chose."""
        from focusapp.formats.csv_json import MAX_IMPORT_BYTES, read_days
        from focusapp.system.files import read_regular_file

        checkins, hub = self._checkins(), self._window.hub
        assert hub is not None, "attach() builds the hub"

        def plan() -> tuple[Rows, ImportPlan]:
            data = read_regular_file(path, MAX_IMPORT_BYTES)
            rows = [(d.checkin, d.given) for d in read_days(data, str(path), checkins.today())]
            return rows, checkins.plan_import(rows)

        hub.run(plan, lambda planned: self._ask(path, *planned), self._show_import_problem)

    def _ask(self, path: Path, rows: Rows, plan: ImportPlan) -> None:
        from focusapp.ui.import_dialog import ask_import_choice

        choice = ask_import_choice(self._window, path.name, plan)
        if choice is None:
            return
        checkins, hub = self._checkins(), self._window.hub
        assert hub is not None, "attach() builds the hub"
        hub.run(
            lambda: checkins.import_days(rows, choice),
            lambda done: self._imported(path, done, choice),
            self._show_import_problem,
            initiator=self,
        )

    def _imported(self, path: Path, plan: ImportPlan, choice: ImportChoice) -> None:
        from focusapp.ui.import_dialog import import_summary

        self._window.show_day(self._window.form.day())
        self._window.statusBar().showMessage(import_summary(path.name, plan, choice), _STATUS_MS)

    def _show_import_problem(self, error: Exception) -> None:
        from focusapp.domain.validation import CheckInInvalidError
        from focusapp.formats.csv_json import ImportFormatError
        from focusapp.services.checkins import ImportConflictError
        from focusapp.wording.phrases import say

        title = self.tr("Nothing imported")
        if isinstance(error, ImportFormatError | CheckInInvalidError):
            problems = (
                [say(problem) for problem in error.problems]
                if isinstance(error, ImportFormatError)
                else [say(problem.text) for problem in error.problems]
            )
            shown = "\n".join(problems[:_PROBLEMS_SHOWN])
            more = len(problems) - _PROBLEMS_SHOWN
            if more > 0:
                shown += "\n" + self.tr("... and %n more", "", more)
            text = self.tr("Nothing was imported:") + "\n\n" + shown
        elif isinstance(error, ImportConflictError):
            text = self.tr(
                "Nothing was imported: %n days changed meanwhile. Please import again.",
                "",
                len(error.plan.different),
            )
        else:  # a file, storage or rule problem; nothing was changed either way
            text = self.tr("Nothing was imported: {error}").format(error=error)
        QMessageBox.warning(self._window, title, text)

    # --- export -------------------------------------------------------------------------------

    @Slot()
    def _on_export_action_triggered(self) -> None:
        name, chosen = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Export check-ins"),
            str(Path.home() / "focusapp-checkins.csv"),
            self.tr("CSV (*.csv);;JSON (*.json)"),
        )
        if name:
            self.export_file(Path(name), as_json=name.endswith(".json") or "JSON" in chosen)

    def export_file(self, path: Path, *, as_json: bool) -> None:
        """Write every day to ``path`` as CSV (or JSON), atomically."""
        from focusapp.formats.csv_json import write_csv, write_json

        checkins, hub = self._checkins(), self._window.hub
        assert hub is not None, "attach() builds the hub"

        def export() -> int:
            days = checkins.days()
            text = write_json(days) if as_json else write_csv(days)
            write_atomically(path, text.encode("utf-8"), mode=_EXPORT_FILE_MODE)
            return len(days)

        def failed(error: Exception) -> None:
            reason = error.strerror if isinstance(error, OSError) else error
            QMessageBox.warning(
                self._window,
                self.tr("Not exported"),
                self.tr("Could not write {name}: {error}").format(name=path, error=reason),
            )

        def done(count: int) -> None:
            self._window.statusBar().showMessage(
                self.tr("Exported %n days to {name}.", "", count).format(name=path), _STATUS_MS
            )
            self.exported.emit()

        hub.run(export, done, failed)

    @Slot()
    def _on_export_charts_action_triggered(self) -> None:
        dashboard = self._window.ensure_dashboard()
        if dashboard is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Export charts"),
            str(Path.home() / "focusapp-charts.png"),
            self.tr("PNG image (*.png)"),
        )
        if not name:
            return
        path = Path(name) if name.lower().endswith(".png") else Path(name + ".png")
        if not dashboard.export_png(path):
            QMessageBox.warning(
                self._window,
                self.tr("Not exported"),
                self.tr("Could not write {path}.").format(path=path),
            )
            return
        self._window.statusBar().showMessage(
            self.tr("Charts saved to {path}.").format(path=path), _STATUS_MS
        )
