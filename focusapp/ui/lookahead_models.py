"""Table models of the look-ahead: the booked days and the meeting series with their plan.

Both models only hold what the last forecast returned; the series model also holds the
user's "what if" choice per series and reports each change as a :class:`PlanChoice` (or
``None`` for "as booked"), which the view keeps through the look-ahead service.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import IntEnum
from typing import TYPE_CHECKING, Any, ClassVar, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from focusapp.domain.durations import format_duration
from focusapp.domain.forecast import Choice, PlanChoice
from focusapp.ui.locale_text import day_text as locale_day_text
from focusapp.ui.theme import is_dark
from focusapp.wording.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from PySide6.QtWidgets import QStyleOptionViewItem

    from focusapp.domain.forecast import ForecastDay, MeetingSeries

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY: Final = Qt.ItemDataRole.DisplayRole
_EDIT: Final = Qt.ItemDataRole.EditRole
_CHECK: Final = Qt.ItemDataRole.CheckStateRole
#: A shortened meeting is never proposed shorter than this.
MIN_SHORTEN_MINUTES: Final = 5
_ROUND_TO: Final = 5


class Tab(IntEnum):
    """The look-ahead window's tabs, in order (here, so menus need not load the charts)."""

    NEXT_WEEKS = 0
    REVIEW = 1
    INSIGHTS = 2


def _tr(text: str) -> str:
    return QCoreApplication.translate("Lookahead", text)


def day_text(day: dt.date) -> str:
    """Return a day as the look-ahead writes every date ("Mon 07 Dec"), in the UI locale."""
    return locale_day_text(day, QCoreApplication.translate("Lookahead", "ddd dd MMM"))


def _duration(minutes: int) -> str:
    return format_duration(minutes) if minutes else "-"


class _ColumnsModel(QAbstractTableModel):
    """A flat table whose columns are ``HEADERS`` (titles translated when shown)."""

    HEADERS: ClassVar[tuple[str, ...]] = ()

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Qt override: the fixed columns."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY
    ) -> Any:
        """Qt override: the column titles."""
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return _tr(self.HEADERS[section])
        return None


class ForecastDaysModel(_ColumnsModel):
    """The booked numbers of each forecast day (read-only)."""

    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("Lookahead", "Day (forecast)"),
        QT_TRANSLATE_NOOP("Lookahead", "Meetings"),
        QT_TRANSLATE_NOOP("Lookahead", "Count"),
        QT_TRANSLATE_NOOP("Lookahead", "Back-to-back"),
        QT_TRANSLATE_NOOP("Lookahead", "Longest free block"),
        QT_TRANSLATE_NOOP("Lookahead", "Outside work hours"),
        QT_TRANSLATE_NOOP("Lookahead", "2-h focus block"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._days: list[ForecastDay] = []

    def set_days(self, days: Sequence[ForecastDay]) -> None:
        """Show ``days`` (replacing what was shown)."""
        self.beginResetModel()
        self._days = list(days)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Qt override: one row per item."""
        return 0 if parent.isValid() else len(self._days)

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        """Qt override: text, check state and edit values per cell."""
        if not index.isValid() or role not in (_DISPLAY, Qt.ItemDataRole.TextAlignmentRole):
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            left = index.column() == 0
            if left:
                return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            return Qt.AlignmentFlag.AlignCenter
        day = self._days[index.row()]
        values = (
            day_text(day.date),
            _duration(day.meeting_minutes),
            str(day.meeting_count) if day.meeting_count else "-",
            str(day.back_to_back_count) if day.back_to_back_count else "-",
            _duration(day.longest_free_block_minutes),
            _duration(day.after_hours_minutes),
            QCoreApplication.translate("Lookahead", "yes")
            if day.has_focus_block
            else QCoreApplication.translate("Lookahead", "no"),
        )
        return values[index.column()]


@dataclass(frozen=True, slots=True)
class SeriesRow:
    """One series as booked, with what the user would do with it.

    Attributes:
        series: The series as booked.
        choice: The chosen way to change it (kept while unticked, for ticking again).
        minutes: The new length when shortened.
        ticked: Whether the choice applies.
    """

    series: MeetingSeries
    choice: Choice
    minutes: int
    ticked: bool

    def plan_choice(self) -> PlanChoice | None:
        """Return the plan entry of this row, ``None`` when it stays as booked."""
        if not self.ticked:
            return None
        minutes = self.minutes if self.choice is Choice.SHORTEN else None
        return PlanChoice(self.series.id, self.choice, minutes)


def proposed_length(series: MeetingSeries) -> int:
    """Return the length first proposed for shortening: half a meeting, in 5-minute steps."""
    each = series.minutes / max(series.occurrences, 1)
    return max(MIN_SHORTEN_MINUTES, round(each / 2 / _ROUND_TO) * _ROUND_TO)


#: The choices in the order the "What if" box lists them.
CHOICES: Final = (Choice.SKIP, Choice.DECLINE, Choice.DELEGATE, Choice.SHORTEN)
_CHOICE_WORDS: Final = {
    Choice.SKIP: QT_TRANSLATE_NOOP("Lookahead", "Skip"),
    Choice.DECLINE: QT_TRANSLATE_NOOP("Lookahead", "Decline"),
    Choice.DELEGATE: QT_TRANSLATE_NOOP("Lookahead", "Delegate"),
    Choice.SHORTEN: QT_TRANSLATE_NOOP("Lookahead", "Shorten"),
}


def choice_word(choice: Choice) -> str:
    """Return the word shown for ``choice``."""
    return _tr(_CHOICE_WORDS[choice])


class SeriesPlanModel(_ColumnsModel):
    """The coming meeting series, heaviest first; tick one to try life without it.

    Signals:
        choice_changed(str, object): A series id and its new :class:`PlanChoice`, or
            ``None`` when it is back to as booked.
    """

    choice_changed = Signal(str, object)

    TICK, TITLE, WHAT_IF, LENGTH, OCCURRENCES, BOOKED, FOCUS_COST = range(7)
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("Lookahead", "Try"),
        QT_TRANSLATE_NOOP("Lookahead", "Series"),
        QT_TRANSLATE_NOOP("Lookahead", "What if"),
        QT_TRANSLATE_NOOP("Lookahead", "New length"),
        QT_TRANSLATE_NOOP("Lookahead", "Times"),
        QT_TRANSLATE_NOOP("Lookahead", "Booked"),
        QT_TRANSLATE_NOOP("Lookahead", "Focus cost"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[SeriesRow] = []

    def set_series(self, booked: Sequence[MeetingSeries], plan: Sequence[PlanChoice]) -> None:
        """Show the booked series with the plan's choices ticked."""
        chosen = {c.series_id: c for c in plan}
        self.beginResetModel()
        self.rows = []
        for series in booked:
            choice = chosen.get(series.id)
            self.rows.append(
                SeriesRow(
                    series=series,
                    choice=Choice.SKIP if choice is None else choice.choice,
                    minutes=(choice.minutes if choice and choice.minutes else None)
                    or proposed_length(series),
                    ticked=choice is not None,
                )
            )
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Qt override: one row per item."""
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Qt override: what each cell lets the user do."""
        flags = super().flags(index)
        if not index.isValid():
            return flags
        column = index.column()
        if column == self.TICK:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if column == self.WHAT_IF:
            return flags | Qt.ItemFlag.ItemIsEditable
        if column == self.LENGTH and self.rows[index.row()].choice is Choice.SHORTEN:
            return flags | Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        """Qt override: text, check state and edit values per cell."""
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == _CHECK and column == self.TICK:
            return Qt.CheckState.Checked if row.ticked else Qt.CheckState.Unchecked
        if role == _EDIT and column == self.WHAT_IF:
            return CHOICES.index(row.choice)
        if role == _EDIT and column == self.LENGTH:
            return row.minutes
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.TICK:
            return QCoreApplication.translate("Lookahead", "Try changing {series}").format(
                series=row.series.title
            )
        if role != _DISPLAY:
            return None
        series = row.series
        shortened = row.choice is Choice.SHORTEN
        values = {
            self.WHAT_IF: choice_word(row.choice),
            self.LENGTH: format_duration(row.minutes) if shortened else "",
            self.TITLE: series.title,
            self.OCCURRENCES: str(series.occurrences),
            self.BOOKED: _duration(series.minutes),
            self.FOCUS_COST: _duration(series.focus_cost_minutes),
        }
        return values.get(column)

    def setData(self, index: _Index, value: Any, role: int = _EDIT) -> bool:  # noqa: N802
        """Qt override: a tick, a choice or a new length from the user."""
        if not index.isValid():
            return False
        row = self.rows[index.row()]
        column = index.column()
        if column == self.TICK and role == _CHECK:
            ticked = Qt.CheckState(value) == Qt.CheckState.Checked
            changed = replace(row, ticked=ticked)
        elif column == self.WHAT_IF and role == _EDIT:
            # Choosing what to do is trying it: the row ticks itself.
            changed = replace(row, choice=CHOICES[int(value)], ticked=True)
        elif column == self.LENGTH and role == _EDIT:
            minutes = int(value)
            if minutes < 1:
                return False
            changed = replace(row, minutes=minutes, ticked=True)
        else:
            return False
        if changed == row:
            return False
        self.rows[index.row()] = changed
        first, last = self.index(index.row(), 0), self.index(index.row(), self.FOCUS_COST)
        self.dataChanged.emit(first, last)
        self.choice_changed.emit(row.series.id, changed.plan_choice())
        return True

    def untick_all(self) -> None:
        """Set every series back to as booked (the plan was cleared)."""
        if not any(row.ticked for row in self.rows):
            return
        self.rows = [replace(row, ticked=False) for row in self.rows]
        self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, self.FOCUS_COST))


class TickDelegate(QStyledItemDelegate):
    """Draws the "Try" check boxes with an outline that shows on a dark base too.

    Fusion outlines an item view's check box in a shade of the window colour, which on the
    dark palette is all but the colour of the base it sits on.
    """

    def initStyleOption(  # noqa: N802 - Qt API
        self, option: QStyleOptionViewItem, index: _Index
    ) -> None:
        """Qt override: lighten the colour Fusion derives the outline from, when dark."""
        super().initStyleOption(option, index)
        palette = option.palette
        if is_dark(palette):
            palette.setColor(
                QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.PlaceholderText)
            )


class ChoiceDelegate(QStyledItemDelegate):
    """Edits the "What if" column with a box of the four choices."""

    def createEditor(  # noqa: N802 - Qt API
        self, parent: QWidget, option: QStyleOptionViewItem, index: _Index
    ) -> QWidget:
        """Qt override: a box of the four choices."""
        box = QComboBox(parent)
        box.setAccessibleName(QCoreApplication.translate("Lookahead", "What if"))
        box.addItems([choice_word(choice) for choice in CHOICES])
        # A choice counts when picked, not only when the editor loses focus.
        box.activated.connect(lambda _i: self._commit_and_close(box))
        return box

    def _commit_and_close(self, box: QComboBox) -> None:
        self.commitData.emit(box)
        self.closeEditor.emit(box, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: _Index) -> None:  # noqa: N802 - Qt API
        """Qt override: select the row's choice."""
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(int(index.data(_EDIT)))

    def setModelData(  # noqa: N802 - Qt API
        self, editor: QWidget, model: Any, index: _Index
    ) -> None:
        """Qt override: hand the picked choice to the model."""
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentIndex(), _EDIT)
