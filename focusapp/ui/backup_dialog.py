"""The backups dialog, and restoring a backup on the database worker with feedback.

Listing, making and restoring backups read and write the database files, so they run on
the window's database worker through the change hub; the dialog stays responsive, with its
buttons disabled, until the result is shown.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from focusapp.domain.errors import StorageError
from focusapp.ui.backup_texts import describe_created, describe_days, restored_text

if TYPE_CHECKING:
    from pathlib import Path

    from focusapp.services.backups import BackupInfo, BackupService, RestoreResult
    from focusapp.ui.change_hub import ChangeHub

logger = logging.getLogger(__name__)

#: Column of the backup itself in each row (kept as item data).
_INFO_ROLE = Qt.ItemDataRole.UserRole


class BackupDialog(QDialog):
    """Lists the backups with their date range and number of days; picks one to restore.

    ``exec()`` returns ``Accepted`` when the user chose a backup to restore
    (:meth:`selected_backup`). With ``restores_here`` the dialog stays open instead and
    emits :attr:`restore_requested`; its owner restores while the dialog shows it is busy.

    Signals:
        backup_requested: The user asked for a backup now; the owner makes it and calls
            :meth:`set_backups`.
        restore_requested(BackupInfo): The user chose a backup to restore (``restores_here``).
    """

    backup_requested = Signal()
    restore_requested = Signal(object)

    def __init__(
        self,
        backups: list[BackupInfo] | None,
        parent: QWidget | None = None,
        *,
        restores_here: bool = False,
    ) -> None:
        """Show ``backups``; ``None``: still being read (:meth:`set_backups` shows them)."""
        super().__init__(parent)
        self._restores_here = restores_here
        self._busy = False
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setMinimumSize(640, 360)
        intro = QLabel(
            self.tr(
                "FocusApp backs up your data when it first starts each day and when it quits, "
                "and keeps 7 daily, 4 weekly and 12 monthly backups. Restoring replaces your "
                "current data; it is backed up first, so you can undo a restore."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTreeWidget(self)
        self.table.setObjectName("backups")
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            [self.tr("Made"), self.tr("Check-ins"), self.tr("Days"), self.tr("File")]
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel(self.tr("There are no backups yet."), self)
        self.status = QLabel(self)
        self.status.setObjectName("backup_status")
        self.status.hide()
        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.backup_button = QPushButton(self.tr("&Back up now"), self)
        # Not the accept role: a button box makes its first accept button the default, and
        # Enter must never start a restore. Enter closes; Restore takes a click or Space.
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        for button in (self.restore_button, self.backup_button):
            button.setAutoDefault(False)
        self.close_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.backup_button.clicked.connect(self.backup_requested.emit)
        buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        self.table.itemDoubleClicked.connect(self._on_table_item_double_clicked)
        if backups is None:
            self.empty.hide()
            self.set_busy(self.tr("Reading the backups..."))
        else:
            self.set_backups(backups)

    def set_backups(self, backups: list[BackupInfo]) -> None:
        """Show ``backups`` (newest first), select the newest readable one, end any wait."""
        self.table.clear()
        for info in backups:
            item = QTreeWidgetItem(
                [
                    describe_created(info),
                    describe_days(info),
                    "" if info.problem is not None else str(info.days),
                    info.name,
                ]
            )
            item.setData(0, _INFO_ROLE, info)
            if info.problem is not None:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.table.addTopLevelItem(item)
        self.empty.setVisible(not backups)
        self.table.setVisible(bool(backups))
        for row in range(self.table.topLevelItemCount()):
            candidate = self.table.topLevelItem(row)
            if candidate is not None and candidate.flags() & Qt.ItemFlag.ItemIsSelectable:
                self.table.setCurrentItem(candidate)
                break
        self.set_busy(None)

    def set_busy(self, text: str | None) -> None:
        """Say what is under way (``text``) with every button disabled; ``None`` ends it."""
        self._busy = text is not None
        self.status.setText(text or "")
        self.status.setVisible(self._busy)
        for widget in (self.table, self.backup_button, self.close_button):
            widget.setEnabled(not self._busy)
        self._on_table_item_selection_changed()

    def selected_backup(self) -> BackupInfo | None:
        """Return the backup the user selected, if any."""
        items = self.table.selectedItems()
        if not items:
            return None
        info = items[0].data(0, _INFO_ROLE)
        return info if info is not None and info.problem is None else None

    def reject(self) -> None:
        """Close, unless a backup is being read, made or restored (its result is shown here)."""
        if not self._busy:
            super().reject()

    @Slot()
    def _on_table_item_selection_changed(self) -> None:
        self.restore_button.setEnabled(not self._busy and self.selected_backup() is not None)

    @Slot(QTreeWidgetItem, int)
    def _on_table_item_double_clicked(self, _item: QTreeWidgetItem, _column: int) -> None:
        self._choose()

    @Slot()
    def _on_restore_button_clicked(self) -> None:
        self._choose()

    def _choose(self) -> None:
        chosen = self.selected_backup()
        if chosen is None or self._busy:
            return
        if self._restores_here:
            self.restore_requested.emit(chosen)
        else:
            self.accept()


def list_into(dialog: BackupDialog, hub: ChangeHub, backups: BackupService) -> None:
    """Read the backups on the database worker and show them in ``dialog``."""

    def listed(found: list[BackupInfo]) -> None:
        if shiboken6.isValid(dialog):  # else it was closed while the worker read
            dialog.set_backups(found)

    def failed(error: Exception) -> None:
        logger.warning("the backups could not be listed: %s", error)
        listed([])

    hub.run(backups.list_backups, listed, failed)


class BackupRestore(QObject):
    """Restores a backup on the database worker, then tells the user what happened.

    The restore replaces the database's contents under every connection in one transaction
    (see :meth:`BackupService.restore`); on the worker it runs between the window's other
    reads and writes, never beside one, and its change notice reaches every view through the
    hub before :attr:`finished`.

    Signals:
        finished(bool): The user has seen the result; whether the backup was restored.
    """

    finished = Signal(bool)

    def __init__(self, parent: QWidget, hub: ChangeHub, backups: BackupService) -> None:
        super().__init__(parent)
        self._parent = parent
        self._hub = hub
        self._backups = backups

    def start(self, path: Path) -> None:
        """Restore ``path`` (the current data is backed up first)."""
        backups = self._backups
        self._hub.run(lambda: backups.restore(path), self._on_restored, self._on_failed)

    def _on_restored(self, result: RestoreResult) -> None:
        QMessageBox.information(self._parent, self.tr("Backup restored"), restored_text(result))
        self.finished.emit(True)

    def _on_failed(self, error: Exception) -> None:
        if not isinstance(error, StorageError):  # not the backup's fault: keep the details
            logger.error("restore failed", exc_info=error)
        QMessageBox.warning(
            self._parent,
            self.tr("Not restored"),
            self.tr("Nothing was restored: {error}.").format(error=error),
        )
        self.finished.emit(False)
