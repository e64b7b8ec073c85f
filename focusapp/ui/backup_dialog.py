"""The backups dialog and the File-menu actions for backups, restore and deleting all data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction
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
from focusapp.ui.locale_text import day_text, moment_text

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable
    from pathlib import Path

    from focusapp.services.backups import BackupInfo, BackupService, RestoreResult
    from focusapp.services.wipe import DataWiper

#: Column of the backup itself in each row (kept as item data).
_INFO_ROLE = Qt.ItemDataRole.UserRole


def describe_created(info: BackupInfo) -> str:
    """Return when a backup was made, in local time, e.g. ``Sat 28 Nov 2026 19:30``."""
    return moment_text(
        info.created.astimezone(),
        QCoreApplication.translate("BackupDialog", "ddd dd MMM yyyy HH:mm"),
    )


def describe_range(first: dt.date, last: dt.date) -> str:
    """Return a date range the way people write it: ``19 Oct to 30 Nov 2026``.

    What the two ends share is said once: ``1 to 14 Oct 2026``, ``30 Nov 2026``, and the
    year twice only when it changes (``19 Dec 2025 to 3 Jan 2026``).
    """
    full = QCoreApplication.translate("BackupDialog", "d MMM yyyy")
    if first == last:
        return day_text(last, full)
    if (first.year, first.month) == (last.year, last.month):
        start = day_text(first, QCoreApplication.translate("BackupDialog", "d"))
    elif first.year == last.year:
        start = day_text(first, QCoreApplication.translate("BackupDialog", "d MMM"))
    else:
        start = day_text(first, full)
    return QCoreApplication.translate("BackupDialog", "{first} to {last}").format(
        first=start, last=day_text(last, full)
    )


def describe_days(info: BackupInfo) -> str:
    """Return the date range a backup covers, or why it cannot be read."""
    if info.problem is not None:
        return QCoreApplication.translate("BackupDialog", "unreadable: {problem}").format(
            problem=info.problem
        )
    if info.first_day is None or info.last_day is None:
        return QCoreApplication.translate("BackupDialog", "no check-ins")
    return describe_range(info.first_day, info.last_day)


def describe_contents(info: BackupInfo) -> str:
    """Return e.g. ``42 days (19 Oct to 30 Nov 2026)``, ``no check-ins`` or why unreadable."""
    if info.problem is not None or info.first_day is None or info.last_day is None:
        return describe_days(info)
    return _WORDS.days(info.days, describe_days(info))


class _Words(QObject):
    """Plural sentences of this module's functions (lupdate reads plurals only from tr())."""

    def days(self, count: int, range_text: str) -> str:
        return self.tr("%n days ({range})", "", count).format(range=range_text)


_WORDS: Final = _Words()


def backed_up_text(info: BackupInfo) -> str:
    """Return the sentence that confirms "Back up now"."""
    return QCoreApplication.translate(
        "BackupDialog", "Backed up {contents} to {name}. Earlier backups are kept."
    ).format(contents=describe_contents(info), name=info.name)


class BackupDialog(QDialog):
    """Lists the backups with their date range and number of days; picks one to restore.

    ``exec()`` returns ``Accepted`` when the user chose a backup to restore
    (:meth:`selected_backup`).

    Signals:
        backup_requested: The user asked for a backup now; the owner makes it and calls
            :meth:`set_backups`.
    """

    backup_requested = Signal()

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        layout.addWidget(buttons)

        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.backup_button.clicked.connect(self.backup_requested.emit)
        buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        self.table.itemDoubleClicked.connect(self._on_table_item_double_clicked)
        self.set_backups(backups)

    def set_backups(self, backups: list[BackupInfo]) -> None:
        """Show ``backups`` (newest first) and select the newest readable one."""
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
        self._on_table_item_selection_changed()

    def selected_backup(self) -> BackupInfo | None:
        """Return the backup the user selected, if any."""
        items = self.table.selectedItems()
        if not items:
            return None
        info = items[0].data(0, _INFO_ROLE)
        return info if info is not None and info.problem is None else None

    @Slot()
    def _on_table_item_selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected_backup() is not None)

    @Slot(QTreeWidgetItem, int)
    def _on_table_item_double_clicked(self, _item: QTreeWidgetItem, _column: int) -> None:
        if self.selected_backup() is not None:
            self.accept()

    @Slot()
    def _on_restore_button_clicked(self) -> None:
        if self.selected_backup() is not None:
            self.accept()


def restore_with_feedback(parent: QWidget, backups: BackupService, path: Path) -> bool:
    """Restore ``path``, then tell the user what happened; return whether it worked."""
    try:
        result = backups.restore(path)
    except StorageError as error:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("BackupDialog", "Not restored"),
            f"Nothing was restored: {error}.",
        )
        return False
    QMessageBox.information(
        parent, QCoreApplication.translate("BackupDialog", "Backup restored"), restored_text(result)
    )
    return True


def restored_text(result: RestoreResult) -> str:
    """Return the sentence that confirms a restore."""
    info = result.restored
    text = QCoreApplication.translate(
        "BackupDialog", "Restored the backup of {created}: {contents}."
    ).format(created=describe_created(info), contents=describe_contents(info))
    if result.safety_backup is not None:
        text += " " + QCoreApplication.translate(
            "BackupDialog", "The data it replaced was backed up as {name}; restore that to undo."
        ).format(name=result.safety_backup.name)
    return text


class SafetyActions(QObject):
    """File-menu actions: "Restore from backup..." and "Delete all my data...".

    Self-contained so any window can host it: the window adds :meth:`actions` to its File
    menu and :meth:`attach` hands over the services once the database is open.

    Attributes:
        restore_action: Opens the backups dialog.
        wipe_action: Asks, then quits so that the composition root deletes every file.
        wipe_requested: The user confirmed deleting all data; the app deletes it after the
            event loop has ended, when nothing can write a file back any more.

    Signals:
        restored: A backup was restored (the data changed).
    """

    restored = Signal()

    def __init__(
        self,
        window: QWidget,
        *,
        refresh: Callable[[], None],
        quit_app: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._refresh = refresh
        self._quit = quit_app
        self._backups: BackupService | None = None
        self._wiper: DataWiper | None = None
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
        self._backups = backups
        self._wiper = wiper
        self.restore_action.setEnabled(True)
        self.wipe_action.setEnabled(True)

    @Slot()
    def _on_restore_action_triggered(self) -> None:
        if self._backups is None:
            return
        dialog = BackupDialog(self._backups.list_backups(), self._window)
        dialog.backup_requested.connect(self._on_dialog_backup_requested)
        self._dialog = dialog
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            chosen = dialog.selected_backup()
        finally:
            self._dialog = None
            dialog.deleteLater()
        if not accepted or chosen is None:
            return
        answer = QMessageBox.question(
            self._window,
            self.tr("Restore backup"),
            self.tr(
                "Replace your current data with the backup of {created} ({range})? "
                "Your current data is backed up first."
            ).format(created=describe_created(chosen), range=describe_days(chosen)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if restore_with_feedback(self._window, self._backups, chosen.path):
            self._refresh()
            self.restored.emit()

    @Slot()
    def _on_dialog_backup_requested(self) -> None:
        if self._backups is None or self._dialog is None:
            return
        try:
            info = self._backups.back_up()
        except StorageError as error:
            QMessageBox.warning(
                self._dialog,
                self.tr("No backup made"),
                self.tr("No backup was made: {error}.").format(error=error),
            )
            return
        self._dialog.set_backups(self._backups.list_backups())
        QMessageBox.information(self._dialog, self.tr("Backup made"), backed_up_text(info))

    @Slot()
    def _on_wipe_action_triggered(self) -> None:
        if self._wiper is None:
            return
        planned = self._wiper.plan()
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
        self._quit()
