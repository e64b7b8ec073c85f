"""The history table: a Qt model over recorded days and the view that edits and deletes them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from focusapp.domain.durations import format_duration
from focusapp.ui.checkin_form import stress_text
from focusapp.wording.dates import day_text
from focusapp.wording.levels import energy_word
from focusapp.wording.phrases import format_text
from focusapp.wording.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import datetime as dt

    from PySide6.QtGui import QKeyEvent

    from focusapp.domain.models import CheckIn

COLUMNS: Final = (
    QT_TRANSLATE_NOOP("HistoryModel", "Day"),
    QT_TRANSLATE_NOOP("HistoryModel", "Energy"),
    QT_TRANSLATE_NOOP("HistoryModel", "Coding"),
    QT_TRANSLATE_NOOP("HistoryModel", "Meetings"),
    QT_TRANSLATE_NOOP("HistoryModel", "Sleep"),
    QT_TRANSLATE_NOOP("HistoryModel", "Stress"),
    QT_TRANSLATE_NOOP("HistoryModel", "Note"),
)
_ModelIndex = QModelIndex | QPersistentModelIndex


def _display(day: CheckIn, column: int) -> str:
    match column:
        case 0:
            return day_text(day.date)
        case 1:
            return "" if day.energy is None else f"{day.energy} {energy_word(day.energy)}"
        case 2:
            return "" if day.coding_minutes is None else format_duration(day.coding_minutes)
        case 3:
            return "" if day.meeting_minutes is None else format_duration(day.meeting_minutes)
        case 4:
            return (
                "" if day.sleep_hours is None else format_text("{hours:g} h", hours=day.sleep_hours)
            )
        case 5:
            return "" if day.stress is None else stress_text(day.stress)
        case _:
            return (day.note or "").replace("\n", " ")


class HistoryModel(QAbstractTableModel):
    """Recorded days, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._days: list[CheckIn] = []

    def set_days(self, days: list[CheckIn], today: dt.date | None = None) -> None:
        """Replace the rows (newest first); with ``today``, days after it are left out.

        A day after today has not happened (a calendar import books it ahead), so it is
        never a recent day.
        """
        if today is not None:
            days = [day for day in days if day.date <= today]
        self.beginResetModel()
        self._days = sorted(days, key=lambda d: d.date, reverse=True)
        self.endResetModel()

    def day_at(self, row: int) -> CheckIn:
        """Return the check-in shown in ``row``."""
        return self._days[row]

    def row_of(self, day: dt.date) -> int | None:
        """Return the row showing ``day``, if any."""
        for row, checkin in enumerate(self._days):
            if checkin.date == day:
                return row
        return None

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Qt override: one row per day."""
        return 0 if parent.isValid() else len(self._days)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Qt override: the fixed columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Qt override: text, alignment and the raw date for each cell."""
        if not index.isValid():
            return None
        day = self._days[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(day, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == len(COLUMNS) - 1:
            return day.note
        if role == Qt.ItemDataRole.TextAlignmentRole and 1 <= index.column() <= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return day.date
        return None

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Qt override: column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(COLUMNS[section])
        return None


#: How many rows the column widths are measured on (the visible ones count too).
SIZED_FROM_ROWS: Final = 20


class HistoryView(QTableView):
    """Table of recent days: Enter or double-click edits a day, Delete asks to remove it.

    Signals:
        edit_requested(object): The user wants to edit this ``datetime.date``.
        delete_requested(object): The user wants to delete this ``datetime.date``.
    """

    edit_requested = Signal(object)
    delete_requested = Signal(object)

    def __init__(self, model: HistoryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Widths from the first rows, not all of them: every cell of 120 days would be read
        # (about 19,000 data() calls, 60 ms on the GUI thread) and the values are alike.
        header.setResizeContentsPrecision(SIZED_FROM_ROWS)
        header.setStretchLastSection(True)
        self.setAccessibleName(self.tr("History of check-ins"))
        self.doubleClicked.connect(self._on_double_clicked)

    def selected_day(self) -> dt.date | None:
        """Return the day of the current row, if any."""
        index = self.currentIndex()
        return self._model.day_at(index.row()).date if index.isValid() else None

    @Slot(QModelIndex)
    def _on_double_clicked(self, index: QModelIndex) -> None:
        self.edit_requested.emit(self._model.day_at(index.row()).date)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter edits the selected day; Delete asks to remove it."""
        day = self.selected_day()
        if day is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_requested.emit(day)
            return
        if day is not None and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_requested.emit(day)
            return
        super().keyPressEvent(event)
