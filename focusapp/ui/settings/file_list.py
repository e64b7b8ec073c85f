"""The settings dialog's list of watched calendar files, with its Add and Remove buttons."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget


class CalendarFileList(QObject):
    """The paths of the watched calendar files, one per row, added and removed by the user.

    Attributes:
        files: The list of paths (Delete removes the selected ones).
        add_button: Asks for more files.
        remove_button: Removes the selected files.
    """

    def __init__(self, owner: QWidget, choose_files: Callable[[QWidget, str], list[str]]) -> None:
        super().__init__(owner)
        self._owner = owner
        self._choose_files = choose_files
        self.files = QListWidget(owner)
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.files.setAccessibleName(self.tr("Watched calendar files"))
        # Long paths keep their start and file name; the tooltip shows the whole path.
        self.files.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.files.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.files.setToolTip(self.tr("Calendar files (.ics) that FocusApp reads for meeting time"))
        # Room for at least four paths; the list takes whatever height the left column leaves.
        row_height = owner.fontMetrics().height() + 6
        self.files.setMinimumHeight(4 * row_height + 2 * self.files.frameWidth())
        self.files.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.add_button = QPushButton(self.tr("&Add..."), owner)
        self.add_button.setToolTip(self.tr("Add calendar files (.ics)"))
        self.remove_button = QPushButton(self.tr("&Remove"), owner)
        self.remove_button.setToolTip(self.tr("Stop reading the selected files (Delete)"))
        remove_action = QAction(self.tr("Remove"), self.files)
        remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.files.addAction(remove_action)
        self.files.itemSelectionChanged.connect(self._on_files_item_selection_changed)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._remove_selected)
        remove_action.triggered.connect(self._remove_selected)

    def paths(self) -> list[str]:
        """Return the watched calendar files, in the order shown."""
        return [self.files.item(row).text() for row in range(self.files.count())]

    def set_paths(self, paths: tuple[str, ...]) -> None:
        """Show ``paths`` instead of what the list held."""
        self.files.clear()
        for path in paths:
            self._add(path)
        self._on_files_item_selection_changed()

    @Slot()
    def _on_files_item_selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.files.selectedItems()))

    @Slot()
    def _on_add_button_clicked(self) -> None:
        paths = self.paths()
        start_dir = str(Path(paths[-1]).parent) if paths else str(Path.home())
        for name in self._choose_files(self._owner, start_dir):
            self._add(name)

    @Slot()
    def _remove_selected(self) -> None:
        """Remove the selected files (the Remove button and the Delete key)."""
        selected = self.files.selectedItems()
        if not selected:
            return
        row = self.files.row(selected[0])
        for item in selected:
            self.files.takeItem(self.files.row(item))
        if self.files.count():
            self.files.setCurrentRow(min(row, self.files.count() - 1))
        self._on_files_item_selection_changed()

    def _add(self, path: str) -> None:
        if path in self.paths():
            return
        item = QListWidgetItem(path, self.files)
        item.setToolTip(path)
