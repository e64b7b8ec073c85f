"""Calendar in the window: the menu actions, the file chooser and the import's messages."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from focusapp.ui.calendar_day import CalendarDayDialog
from focusapp.ui.calendar_owner import OwnerDialog
from focusapp.ui.calendar_report import CalendarImportDialog
from focusapp.wording.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from focusapp.services.calendar.service import CalendarService
    from focusapp.ui.calendar_importer import CalendarImporter, CalendarJobResult
    from focusapp.ui.calendar_owner import OwnerQuestion
    from focusapp.ui.change_hub import ChangeHub


# The main window imports this module before the database is open, so the calendar service
# (and SQLAlchemy behind it) is imported only inside the dialogs, keeping first paint fast.
_ICS_FILTER: Final = QT_TRANSLATE_NOOP(
    "CalendarDialogs", "Calendar files (*.ics *.ical *.icalendar);;All files (*)"
)
#: How long a calendar message stays in the status bar.
_STATUS_MS: Final = 15_000


def choose_calendar_file(parent: QWidget, start_dir: str) -> str:
    """Ask for one calendar file; return its path, or "" when the user cancelled."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("CalendarDialogs", "Import calendar"),
        start_dir,
        QCoreApplication.translate("CalendarDialogs", _ICS_FILTER),
    )
    return name


class CalendarActions(QObject):
    """The window's calendar actions: "Import calendar..." and "Calendar for this day...".

    Self-contained so any window can host it: the window puts the actions in its menus and
    :meth:`attach` hands over the calendar service and the background importer once the
    database is open. Imports run on the importer's worker thread; the result dialog
    opens when the result arrives.

    Attributes:
        import_action: Asks for an .ics file and imports it.
        day_action: Opens the audit of the day in the check-in form.
        result_dialog: The last import's result dialog (kept for tests).
        day_dialog: The open day audit, if any.
        error_box: The last "not imported" message, if any.
        owner_dialog: The open "Which address is yours?" question, if any.

    Signals:
        imported: A calendar import from this window stored new data.
    """

    imported = Signal()

    def __init__(
        self,
        window: QMainWindow,
        *,
        current_day: Callable[[], dt.date],
        choose_file: Callable[[QWidget, str], str] = choose_calendar_file,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._current_day = current_day
        self._choose_file = choose_file
        self._calendar: CalendarService | None = None
        self._importer: CalendarImporter | None = None
        self._hub: ChangeHub | None = None
        self._last_dir = str(Path.home())
        self.result_dialog: CalendarImportDialog | None = None
        self.day_dialog: CalendarDayDialog | None = None
        self.error_box: QMessageBox | None = None
        self.owner_dialog: OwnerDialog | None = None
        self._owner_question: OwnerQuestion | None = None
        self.import_action = QAction(self.tr("Import &calendar..."), window)
        self.import_action.setObjectName("calendar_import_action")
        self.import_action.setStatusTip(self.tr("Read meeting time from a calendar file (.ics)"))
        self.day_action = QAction(self.tr("&Calendar for this day..."), window)
        self.day_action.setObjectName("calendar_day_action")
        self.day_action.setStatusTip(self.tr("Which calendar events count for this day, and why"))
        self.import_action.triggered.connect(self._on_import_action_triggered)
        self.day_action.triggered.connect(self._on_day_action_triggered)
        self.import_action.setEnabled(False)
        self.day_action.setEnabled(False)

    def attach(self, calendar: CalendarService, importer: CalendarImporter, hub: ChangeHub) -> None:
        """Enable the actions with the service they read, the importer and the change hub."""
        self._calendar = calendar
        self._importer = importer
        self._hub = hub
        importer.finished.connect(self._on_importer_finished)
        self.import_action.setEnabled(True)
        self.day_action.setEnabled(True)

    def ask_owner_with(self, question: OwnerQuestion) -> None:
        """Ask "Which address is yours?" at the first import (see :class:`OwnerQuestion`)."""
        self._owner_question = question

    def import_file(self, path: str) -> None:
        """Import ``path`` in the background; the result dialog follows.

        While no address of the user's is known, the file's addresses are offered first
        (:class:`~focusapp.ui.calendar_owner.OwnerDialog`) and the import waits for the answer.
        """
        if self._importer is None:
            return
        question = self._owner_question
        if question is not None and question.needed():
            guess = question.guess(path)
            if guess.candidates:
                dialog = OwnerDialog(guess, self._window)
                dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                dialog.finished.connect(lambda _r: self._on_owner_answered(dialog, path))
                self.owner_dialog = dialog
                dialog.open()
                return
        self._start_import(path)

    def _on_owner_answered(self, dialog: OwnerDialog, path: str) -> None:
        self.owner_dialog = None
        address = dialog.chosen()
        if address is not None and self._owner_question is not None:
            try:
                self._owner_question.remember(address)
            except OSError as error:
                self._window.statusBar().showMessage(
                    self.tr("Your address was not saved: {error}").format(error=error),
                    _STATUS_MS,
                )
        self._start_import(path)

    def _start_import(self, path: str) -> None:
        assert self._importer is not None
        self._last_dir = str(Path(path).parent)
        self.import_action.setEnabled(False)
        self._window.statusBar().showMessage(
            self.tr("Importing {name}...").format(name=Path(path).name)
        )
        self._importer.import_files([path], origin="manual")

    @Slot(object)
    def open_day(self, day: dt.date) -> CalendarDayDialog | None:
        """Show the calendar audit of ``day`` (reusing an open one)."""
        if self._calendar is None:
            return None
        if self.day_dialog is None:
            assert self._hub is not None, "attach() gives the hub with the calendar service"
            self.day_dialog = CalendarDayDialog(self._calendar, day, self._hub, self._window)
            self.day_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.day_dialog.finished.connect(self._on_day_dialog_finished)
            # Excluding an event changes the day's meeting time, as an import does.
            self.day_dialog.exclusion_buttons.changed.connect(self.imported)
        else:
            self.day_dialog.show_day(day)
            # Bring the open dialog forward (there is no stacking order offscreen).
            if QGuiApplication.platformName() != "offscreen":
                self.day_dialog.raise_()
                self.day_dialog.activateWindow()
        self.day_dialog.show()
        return self.day_dialog

    @Slot(str)
    def show_problem(self, text: str) -> None:
        """Show a problem with a watched calendar file in the status bar."""
        self._window.statusBar().showMessage(
            self.tr("Calendar: {problem}").format(problem=text), _STATUS_MS
        )

    @Slot()
    def _on_import_action_triggered(self) -> None:
        name = self._choose_file(self._window, self._last_dir)
        if name:
            self.import_file(name)

    @Slot()
    def _on_day_action_triggered(self) -> None:
        self.open_day(self._current_day())

    @Slot(int)
    def _on_day_dialog_finished(self, _result: int) -> None:
        self.day_dialog = None

    @Slot(object)
    def _on_importer_finished(self, result: CalendarJobResult) -> None:
        if result.origin != "manual":
            return
        self.import_action.setEnabled(True)
        self._window.statusBar().clearMessage()
        for outcome in result.outcomes:
            if outcome.report is None:
                self._show_error(outcome.error or self.tr("The calendar could not be imported."))
                continue
            if not outcome.report.unchanged:
                self.imported.emit()
            dialog = CalendarImportDialog(outcome.report, self._window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.result_dialog = dialog
            dialog.open()

    def _show_error(self, message: str) -> None:
        nothing = self.tr("Nothing was imported.")
        if not message.endswith(("Nothing was imported.", nothing)):
            message += " " + nothing
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Calendar not imported"),
            message,
            QMessageBox.StandardButton.Close,
            self._window,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.error_box = box
        box.open()
