"""What the window says after a troubled start: damage set aside, backups to restore."""

from __future__ import annotations

import enum
from functools import partial
from html import escape
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from focusapp.ui.backup_dialog import BackupDialog, BackupRestore, list_into
from focusapp.wording.phrases import say

if TYPE_CHECKING:
    from focusapp.services.backups import BackupInfo, BackupService, StartupReport
    from focusapp.services.wipe import WipeResult
    from focusapp.ui.change_hub import ChangeHub


class RecoveryChoice(enum.Enum):
    """What the user chose in the recovery dialog."""

    RESTORE_NEWEST = "restore-newest"
    CHOOSE = "choose"
    CONTINUE = "continue"


@runtime_checkable
class Refreshable(Protocol):
    """A window that reloads its data after a restore.

    Attributes:
        hub: The window's change path, whose database worker lists and restores backups.
    """

    hub: ChangeHub | None

    def refresh(self) -> None:
        """Reload the data shown."""


class RecoveryDialog(QDialog):
    """Tells what opening the database found and offers the way back.

    Buttons: "Restore newest backup" (when a good backup exists), "Choose backup..." (when
    any backup exists) and "Continue with an empty database" (just "Continue" when nothing
    was set aside). ``choice`` holds the answer after ``exec()``.

    Attributes:
        choice: The user's answer (``CONTINUE`` until one is given).
    """

    def __init__(
        self, report: StartupReport, has_backups: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.choice = RecoveryChoice.CONTINUE
        trouble = report.moved_aside is not None
        self.setWindowTitle(
            self.tr("FocusApp recovered your data file") if trouble else self.tr("FocusApp")
        )
        self.text = QLabel(self)
        self.text.setObjectName("recovery_text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setText("".join(f"<p>{escape(say(message))}</p>" for message in report.messages))
        self.text.setMinimumWidth(480)
        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(self.tr("&Restore newest backup"), self)
        self.choose_button = QPushButton(self.tr("&Choose backup..."), self)
        self.continue_button = QPushButton(
            self.tr("Continue with an &empty database") if trouble else self.tr("&Continue"), self
        )
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.choose_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.continue_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setVisible(report.offer_restore)
        self._trouble = trouble
        self.set_has_backups(has_backups)
        (self.restore_button if report.offer_restore else self.continue_button).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.continue_button.clicked.connect(self._on_continue_button_clicked)

    def set_has_backups(self, has_backups: bool) -> None:
        """Offer "Choose backup..." when something was set aside and any backup exists."""
        self.choose_button.setVisible(self._trouble and has_backups)

    @Slot()
    def _on_restore_button_clicked(self) -> None:
        self.choice = RecoveryChoice.RESTORE_NEWEST
        self.accept()

    @Slot()
    def _on_choose_button_clicked(self) -> None:
        self.choice = RecoveryChoice.CHOOSE
        self.accept()

    @Slot()
    def _on_continue_button_clicked(self) -> None:
        self.choice = RecoveryChoice.CONTINUE
        self.reject()


def show_startup_report(
    window: QWidget, report: StartupReport, backups: BackupService
) -> RecoveryChoice | None:
    """Show what the start found, if anything, and carry out the user's choice.

    ``window`` is :class:`Refreshable`: backups are listed and restored on its database
    worker, and a restore of the newest backup is confirmed (and the window refreshed)
    once the worker is done.

    Returns:
        The choice, or ``None`` when there was nothing to tell (or no worker to do it).
    """
    hub = window.hub if isinstance(window, Refreshable) else None
    if not report.messages or hub is None:
        return None
    dialog = RecoveryDialog(report, False, window)

    def listed(found: list[BackupInfo]) -> None:
        if shiboken6.isValid(dialog):
            dialog.set_has_backups(bool(found))

    hub.run(backups.list_backups, listed)
    dialog.exec()
    choice = dialog.choice
    dialog.deleteLater()
    if choice is RecoveryChoice.RESTORE_NEWEST and report.newest_good_backup is not None:
        restore = BackupRestore(window, hub, backups)
        restore.finished.connect(partial(_refresh_if, window=window))
        restore.start(report.newest_good_backup.path)
    elif choice is RecoveryChoice.CHOOSE:
        _choose_and_restore(window, hub, backups)
    return choice


def _refresh_if(worked: bool, window: QWidget) -> None:
    if worked and isinstance(window, Refreshable):
        window.refresh()


def _choose_and_restore(window: QWidget, hub: ChangeHub, backups: BackupService) -> None:
    """Let the user pick a backup and restore it while the chooser waits for the worker."""
    chooser = BackupDialog(None, window, restores_here=True)
    chooser.backup_button.hide()  # backing up the new, empty database makes no sense here
    restore = BackupRestore(chooser, hub, backups)

    def chosen(info: BackupInfo) -> None:
        chooser.set_busy(QCoreApplication.translate("Recovery", "Restoring the backup..."))
        restore.start(info.path)

    def finished(worked: bool) -> None:
        chooser.set_busy(None)
        chooser.accept()
        _refresh_if(worked, window)

    chooser.restore_requested.connect(chosen)
    restore.finished.connect(finished)
    list_into(chooser, hub, backups)
    chooser.exec()
    chooser.deleteLater()


def ask_set_aside_newer_database(message: str, parent: QWidget | None = None) -> bool:
    """Ask whether to set a newer FocusApp's database aside and start anew.

    Nothing is moved unless the user says so: quitting keeps the file in place for the
    newer FocusApp.
    """
    box = QMessageBox(parent)
    box.setObjectName("newer_database")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Recovery", "Database from a newer FocusApp"))
    box.setText(message)
    box.setInformativeText(
        QCoreApplication.translate(
            "Recovery",
            "Quit and install the newer FocusApp to keep using it, or set the file aside "
            "(unchanged) and start this FocusApp with an empty database, from which you can "
            "restore a backup.",
        )
    )
    set_aside = box.addButton(
        QCoreApplication.translate("Recovery", "Set it aside and start anew"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    quit_button = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(quit_button)
    box.exec()
    return box.clickedButton() is set_aside


def show_wipe_result(result: WipeResult) -> None:
    """Confirm that the data is gone, and list what could not be deleted."""
    text = (
        f"Deleted {len(result.deleted)} FocusApp files. FocusApp has no data left on this computer."
    )
    if result.failed:
        text = "Some files could not be deleted:\n" + "\n".join(result.failed)
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("Recovery", "FocusApp data deleted"),
        text,
    )
    if result.left:
        box.setDetailedText(
            "Left alone (not made by FocusApp):\n" + "\n".join(str(p) for p in result.left)
        )
    box.exec()
