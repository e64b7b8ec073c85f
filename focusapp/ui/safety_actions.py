"""The File-menu actions for backups, restore and deleting all data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from focusapp.ui.backup_dialog import BackupDialog, BackupRestore, list_into
from focusapp.ui.backup_texts import backed_up_text, describe_created, describe_days

if TYPE_CHECKING:
    from focusapp.services.backups import BackupInfo, BackupService
    from focusapp.services.wipe import DataWiper
    from focusapp.ui.change_hub import ChangeHub
    from focusapp.ui.main_window import MainWindow


class SafetyActions(QObject):
    """File-menu actions: "Restore from backup..." and "Delete all my data...".

    The window adds :meth:`actions` to its File menu and :meth:`attach` hands over the
    services once the database is open. Backups are listed, made and restored on the
    window's database worker (through its hub) while the backups dialog stays open and
    shows what is under way; a restore then refreshes the window.

    Attributes:
        restore_action: Opens the backups dialog.
        wipe_action: Asks, then quits so that the composition root deletes every file.
        wipe_requested: The user confirmed deleting all data; the app deletes it after the
            event loop has ended, when nothing can write a file back any more.

    Signals:
        restored: A backup was restored (the data changed).
    """

    restored = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._attached: tuple[BackupService, DataWiper] | None = None
        self._dialog: BackupDialog | None = None
        self.wipe_requested = False
        self.restore_action = QAction(self.tr("&Restore from backup..."), window)
        self.restore_action.setObjectName("restore_action")
        self.wipe_action = QAction(self.tr("&Delete all my data..."), window)
        self.wipe_action.setObjectName("wipe_action")
        self.restore_action.triggered.connect(self._on_restore_action_triggered)
        self.wipe_action.triggered.connect(self._on_wipe_action_triggered)
        self.restore_action.setEnabled(False)
        self.wipe_action.setEnabled(False)

    def actions(self) -> list[QAction]:
        """Return the actions, in menu order."""
        return [self.restore_action, self.wipe_action]

    def attach(self, backups: BackupService, wiper: DataWiper) -> None:
        """Enable the actions with the services they call."""
        self._attached = (backups, wiper)
        self.restore_action.setEnabled(True)
        self.wipe_action.setEnabled(True)

    def _services(self) -> tuple[BackupService, ChangeHub] | None:
        hub = self._window.hub
        return None if self._attached is None or hub is None else (self._attached[0], hub)

    @Slot()
    def _on_restore_action_triggered(self) -> None:
        services = self._services()
        if services is None:
            return
        dialog = BackupDialog(None, self._window, restores_here=True)
        dialog.backup_requested.connect(self._on_dialog_backup_requested)
        dialog.restore_requested.connect(self._on_dialog_restore_requested)
        self._dialog = dialog
        list_into(dialog, services[1], services[0])
        try:
            dialog.exec()
        finally:
            self._dialog = None
            dialog.deleteLater()

    @Slot(object)
    def _on_dialog_restore_requested(self, chosen: BackupInfo) -> None:
        services, dialog = self._services(), self._dialog
        if services is None or dialog is None:
            return
        answer = QMessageBox.question(
            dialog,
            self.tr("Restore backup"),
            self.tr(
                "Replace your current data with the backup of {created} ({range})? "
                "Your current data is backed up first."
            ).format(created=describe_created(chosen), range=describe_days(chosen)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            dialog.reject()
            return
        dialog.set_busy(self.tr("Restoring the backup..."))
        restore = BackupRestore(dialog, services[1], services[0])
        restore.finished.connect(self._on_restore_finished)
        restore.start(chosen.path)

    @Slot(bool)
    def _on_restore_finished(self, worked: bool) -> None:
        if self._dialog is not None:
            self._dialog.set_busy(None)
            self._dialog.accept()
        if worked:
            self._window.refresh()
            self.restored.emit()

    @Slot()
    def _on_dialog_backup_requested(self) -> None:
        services, dialog = self._services(), self._dialog
        if services is None or dialog is None:
            return
        backups, hub = services

        def back_up() -> tuple[BackupInfo, list[BackupInfo]]:
            return backups.back_up(), backups.list_backups()

        def made(result: tuple[BackupInfo, list[BackupInfo]]) -> None:
            info, listed = result
            dialog.set_backups(listed)
            QMessageBox.information(dialog, self.tr("Backup made"), backed_up_text(info))

        def failed(error: Exception) -> None:
            dialog.set_busy(None)
            QMessageBox.warning(
                dialog,
                self.tr("No backup made"),
                self.tr("No backup was made: {error}.").format(error=error),
            )

        dialog.set_busy(self.tr("Backing up..."))
        hub.run(back_up, made, failed)

    @Slot()
    def _on_wipe_action_triggered(self) -> None:
        if self._attached is None:
            return
        planned = self._attached[1].plan()
        box = QMessageBox(self._window)
        box.setObjectName("wipe_confirmation")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete all my data"))
        box.setText(
            self.tr(
                "Delete all your FocusApp data from this computer: every check-in and focus "
                "session, all backups, your settings and the window layout?"
            )
        )
        box.setInformativeText(
            self.tr(
                "%n files will be deleted and FocusApp will close. This cannot be "
                "undone; export your check-ins first if you want to keep them.",
                "",
                len(planned),
            )
        )
        box.setDetailedText("\n".join(str(path) for path in planned))
        delete = box.addButton(self.tr("Delete everything"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        if box.clickedButton() is not delete:
            return
        self.wipe_requested = True
        self._window.quit_requested.emit()
