"""File > Add calendar...: pick a calendar another program keeps on this computer, in one click.

The dialog lists what discovery found (vdirsyncer and khal folders, Evolution, Thunderbird)
with the calendars' names and event counts; the first one not yet added is selected, so
Enter (or a double click, or "Add") adds it. "Choose file..." and "Choose folder..." add
anything else by path. Discovery and the add run on a worker thread
(:class:`~focusapp.ui.workers.BackgroundRunner`); the dialog only shows their answers.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from focusapp.formats.calendar_kind import CalendarKind, SourceError
from focusapp.ui.workers import BackgroundRunner

if TYPE_CHECKING:
    from collections.abc import Callable

    from focusapp.services.calendar.importer import SyncOutcome
    from focusapp.services.sources.listing import SourceInfo
    from focusapp.services.sources.service import SourcesService

logger = logging.getLogger(__name__)

#: The list item's role holding the source's path.
PATH_ROLE: Final = Qt.ItemDataRole.UserRole


def choose_path(parent: QWidget, folder: bool) -> str:
    """Ask for a calendar file or folder with the platform's dialog."""
    home = str(Path.home())
    if folder:
        return QFileDialog.getExistingDirectory(
            parent,
            QCoreApplication.translate("AddCalendarDialog", "Choose a calendar folder"),
            home,
        )
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("AddCalendarDialog", "Choose a calendar file"),
        home,
        QCoreApplication.translate(
            "AddCalendarDialog", "Calendars (*.ics *.db *.sqlite);;All files (*)"
        ),
    )
    return path


class AddCalendarDialog(QDialog):
    """Lists the calendar sources found here and adds the one the user picks.

    Signals:
        added(object): A source was added; carries its :class:`SyncOutcome`.
    """

    added = Signal(object)

    def __init__(
        self,
        sources: SourcesService,
        runner: BackgroundRunner,
        parent: QWidget | None = None,
        *,
        chooser: Callable[[QWidget, bool], str] = choose_path,
    ) -> None:
        super().__init__(parent)
        self._sources = sources
        self._runner = runner
        self._chooser = chooser
        self._busy = False
        self.setWindowTitle(self.tr("Add calendar"))
        self.setObjectName("add_calendar_dialog")
        intro = QLabel(
            self.tr(
                "Calendars other programs keep on this computer. FocusApp only reads them "
                "and follows their changes; it never downloads anything."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.found_list = QListWidget(self)
        self.found_list.setObjectName("found_list")
        self.found_list.setWordWrap(True)
        self.found_list.itemActivated.connect(self._on_found_list_item_activated)
        self.status = QLabel(self.tr("Looking for calendars..."), self)
        self.status.setWordWrap(True)
        self.status.setObjectName("status")
        buttons = QDialogButtonBox(self)
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.add_button.setDefault(True)
        self.add_button.setEnabled(False)
        self.file_button = QPushButton(self.tr("Choose &file..."), self)
        self.folder_button = QPushButton(self.tr("Choose f&older..."), self)
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.file_button.clicked.connect(self._on_file_button_clicked)
        self.folder_button.clicked.connect(self._on_folder_button_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.found_list, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(560, 380)
        self.refresh()

    def refresh(self) -> None:
        """Look for calendars again (off the GUI thread) and list them."""
        self._runner.run_in_background(self._sources.sources, self._show, self._on_failed)

    def add_path(self, path: str) -> None:
        """Add ``path`` off the GUI thread; the answer shows in the status line."""
        if self._busy or not path:
            return
        self._set_busy(True)
        self.status.setText(self.tr("Adding {path}...").format(path=path))
        self._runner.run_in_background(
            lambda: self._sources.add(path), self._on_added, self._on_failed
        )

    # --- answers from the worker -----------------------------------------------------------

    def _show(self, listed: list[SourceInfo]) -> None:
        self.found_list.clear()
        first_free: QListWidgetItem | None = None
        for source in listed:
            item = QListWidgetItem(self._describe(source), self.found_list)
            item.setData(PATH_ROLE, source.path)
            item.setToolTip("\n".join([source.path, *source.warnings]))
            if source.added:
                flags = item.flags() & ~Qt.ItemFlag.ItemIsEnabled
                item.setFlags(flags)
            elif first_free is None:
                first_free = item
        if first_free is not None:
            self.found_list.setCurrentItem(first_free)
        self.found_list.setFocus()
        self.add_button.setEnabled(first_free is not None and not self._busy)
        if not self._busy:
            self.status.setText(
                self.tr("Pick one and press Enter, or choose a file or folder.")
                if first_free is not None
                else self.tr("Nothing new found here: choose a file or folder.")
            )

    def _describe(self, source: SourceInfo) -> str:
        names = ", ".join(source.names) or Path(source.path).name
        kind = {
            CalendarKind.VDIR: self.tr("vdir"),
            CalendarKind.EVOLUTION: self.tr("Evolution"),
            CalendarKind.THUNDERBIRD: self.tr("Thunderbird, events not read"),
            CalendarKind.ICS: self.tr(".ics file"),
        }[source.kind]
        parts = [kind]
        if source.event_count is not None:
            parts.append(self.tr("{count} events").format(count=source.event_count))
        if source.added:
            parts.append(self.tr("added"))
        return f"{names} ({', '.join(parts)})\n{source.path}"

    def _on_added(self, outcome: SyncOutcome) -> None:
        self._set_busy(False)
        if outcome.report is not None:
            text = self.tr("Added {path}: {count} meetings.").format(
                path=outcome.path, count=outcome.report.meetings_counted
            )
        else:
            text = self.tr("Added {path}. {note}").format(path=outcome.path, note=outcome.error)
        self.status.setText(text)
        self.added.emit(outcome)
        self.refresh()

    def _on_failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, SourceError):
            text = self.tr("Not added: {problem}").format(problem=error)
        else:
            logger.warning("add calendar: %s", error)
            text = self.tr("Something went wrong: {problem}").format(problem=error)
        self.status.setText(text)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in (self.file_button, self.folder_button):
            button.setEnabled(not busy)
        self.add_button.setEnabled(not busy and self._current_path() is not None)

    def _current_path(self) -> str | None:
        item: QListWidgetItem | None = self.found_list.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        path = item.data(PATH_ROLE)
        return path if isinstance(path, str) else None

    # --- the user's actions ------------------------------------------------------------------

    @Slot(QListWidgetItem)
    def _on_found_list_item_activated(self, _item: QListWidgetItem) -> None:
        self.add_path(self._current_path() or "")

    @Slot()
    def _on_add_button_clicked(self) -> None:
        self.add_path(self._current_path() or "")

    @Slot()
    def _on_file_button_clicked(self) -> None:
        self.add_path(self._chooser(self, False))

    @Slot()
    def _on_folder_button_clicked(self) -> None:
        self.add_path(self._chooser(self, True))


class AddCalendarAction(QObject):
    """The File > Add calendar... action; opens the dialog once :meth:`attach` gave a service.

    Attributes:
        action: The menu action (disabled until attached).
        dialog: The dialog last opened, if any.

    Signals:
        added(object): A source was added (its :class:`SyncOutcome`).
    """

    added = Signal(object)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._sources: SourcesService | None = None
        self._runner: BackgroundRunner | None = None
        self.dialog: AddCalendarDialog | None = None
        self.action = QAction(self.tr("&Add calendar..."), window)
        self.action.setObjectName("add_calendar_action")
        self.action.setStatusTip(
            self.tr("Follow a calendar vdirsyncer, khal, Evolution or Thunderbird keeps here")
        )
        self.action.setEnabled(False)
        self.action.triggered.connect(self._on_action_triggered)

    def attach(self, sources: SourcesService) -> None:
        """Hand over the sources service; the action works from now on."""
        self._sources = sources
        self._runner = BackgroundRunner(self, name="focusapp-add-calendar")
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._runner.shutdown)
        self.action.setEnabled(True)

    def open(self) -> AddCalendarDialog | None:
        """Show the dialog (non-modal, so the window keeps updating); return it.

        One dialog is kept and shown again (looking again each time), so an answer from
        the worker never reaches a deleted widget.
        """
        if self._sources is None or self._runner is None:
            return None
        if self.dialog is None:
            self.dialog = AddCalendarDialog(self._sources, self._runner, self._window)
            self.dialog.added.connect(self.added.emit)
        elif not self.dialog.isVisible():
            self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    @Slot()
    def _on_action_triggered(self) -> None:
        self.open()
