"""The check-in form's own controls: the energy choice and the day field.

Both are built for the keyboard: the energy choice is one Tab stop with arrows and 1-5, and
the day field is left by Tab at once, so a digit meant for energy never lands in its year.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QEvent, QObject, QPoint, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QRadioButton,
    QSizePolicy,
    QWidget,
)

from focusapp.domain.models import ENERGY_LABELS
from focusapp.ui.theme import choice_colors
from focusapp.wording.levels import energy_word

#: The day field's format: digits for the day, the month by name (no day/month order to
#: guess), the full year; the weekday is in the form's title instead of an editable section.
DAY_FORMAT: Final = "dd MMM yyyy"
_YEAR_DIGITS: Final = 4


class DayEdit(QDateEdit):
    """The day a check-in is for, typed or picked from a calendar.

    A date edit rather than a free-text field: it can never hold an impossible date and
    Up/Down step through days. Two changes make it behave like any other field: Tab (and
    Shift+Tab) always move to the next (previous) field instead of walking the date's
    sections (Left/Right and typing do that), and typing the last digit of the year hands
    focus on, as a completed field does.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(DAY_FORMAT)
        self.setCalendarPopup(True)
        self.setAccessibleName(self.tr("Day"))
        self.setToolTip(self.tr("Type the day or use Up/Down; Ctrl+[ and Ctrl+] step a day"))

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 - Qt override
        """Leave the field, whichever section the cursor is in."""
        return QWidget.focusNextPrevChild(self, next)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Hand focus on once the year is typed in full."""
        super().keyPressEvent(event)
        year = QDateTimeEdit.Section.YearSection
        if (
            event.text().isdigit()
            and self.currentSection() == year
            and len(self.sectionText(year)) == _YEAR_DIGITS
        ):
            self.focusNextPrevChild(True)


class EnergyButton(QRadioButton):
    """One energy choice drawn as a tile: filled when chosen, outlined when focused.

    A radio button (not a check box) so that assistive technology announces one choice
    of five; painted by hand so the chosen tile reads the same in every style and theme.
    """

    def __init__(self, value: int, label: str, parent: QWidget | None = None) -> None:
        super().__init__(f"{value}\n{label}", parent)
        self.value = value
        self.setAccessibleName(self.tr("Energy {value}: {label}").format(value=value, label=label))
        self.setToolTip(
            self.tr("Energy {value}: {label} (key {value}; arrow keys move)").format(
                value=value, label=label
            )
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(48)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Two lines of text with room around them."""
        metrics = self.fontMetrics()
        width = max(metrics.horizontalAdvance(line) for line in self.text().splitlines())
        return QSize(width + 20, max(48, 2 * metrics.height() + 16))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """As narrow as the longest word allows."""
        return self.sizeHint()

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802 - Qt override
        """The whole tile is clickable, not only the text."""
        return self.rect().contains(pos)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Paint the tile from :func:`choice_colors` of the current palette."""
        colors = choice_colors(self.palette())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        tile = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        chosen = self.isChecked()
        painter.setPen(QPen(colors.selected_background if chosen else colors.border, 1))
        painter.setBrush(colors.selected_background if chosen else colors.background)
        painter.drawRoundedRect(tile, 5, 5)
        if self.hasFocus():
            ring = colors.focus_on_selected if chosen else colors.focus
            painter.setPen(QPen(ring, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(tile.adjusted(3, 3, -3, -3), 3, 3)
        font = self.font()
        font.setBold(chosen)
        painter.setFont(font)
        painter.setPen(colors.selected_text if chosen else colors.text)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.text())
        painter.end()


class EnergyPicker(QWidget):
    """Five energy choices in one exclusive group: one Tab stop, arrows and 1-5 choose.

    Only the chosen tile (or the first, while none is) takes Tab focus, as in any radio
    group; Left/Right (and Up/Down) choose the neighbour, 1-5 choose directly, and Delete
    or Backspace clears the choice (energy "not recorded").

    Signals:
        changed(object): The chosen energy (int) or ``None``.
    """

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Energy"))
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for value in ENERGY_LABELS:
            button = EnergyButton(value, energy_word(value), self)
            button.installEventFilter(self)
            self._group.addButton(button, value)
            layout.addWidget(button, 1)
        self._group.buttonClicked.connect(self._on_group_button_clicked)
        self._update_tab_stop()

    def value(self) -> int | None:
        """Return the chosen energy or ``None``."""
        checked = self._group.checkedId()
        return None if checked < 0 else checked

    def set_value(self, value: int | None) -> None:
        """Select ``value`` (or nothing) without emitting ``changed``."""
        if value is None:
            # An exclusive group keeps one button checked; lift that rule to clear it.
            self._group.setExclusive(False)
            for button in self._group.buttons():
                button.setChecked(False)
            self._group.setExclusive(True)
        else:
            chosen = self._group.button(value)
            if chosen is not None:
                chosen.setChecked(True)
        self._update_tab_stop()

    def buttons(self) -> list[QAbstractButton]:
        """Return the five buttons in order (for focus and tests)."""
        return [self._group.button(value) for value in ENERGY_LABELS]

    def tab_stop(self) -> QAbstractButton:
        """Return the one button Tab lands on: the chosen one, else the first."""
        chosen = self._group.checkedButton()
        return chosen if chosen is not None else self.buttons()[0]

    def choose(self, value: int | None) -> None:
        """Select ``value`` as if clicked, move focus with it and emit ``changed``."""
        had_focus = any(button.hasFocus() for button in self.buttons())
        self.set_value(value)
        if had_focus:
            self.tab_stop().setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit(self.value())

    def _update_tab_stop(self) -> None:
        stop = self.tab_stop()
        for button in self.buttons():
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if button is stop else Qt.FocusPolicy.ClickFocus
            )
        self.setFocusProxy(stop)

    @Slot(QAbstractButton)
    def _on_group_button_clicked(self, _button: QAbstractButton) -> None:
        self._update_tab_stop()
        self.changed.emit(self.value())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Arrow keys move the choice within the group instead of leaving it."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and watched in self.buttons()
        ):
            step = _ARROW_STEPS.get(event.key())
            if step is not None:
                self.choose(_stepped(self.value(), step))
                return True
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.choose(None)
                return True
        return super().eventFilter(watched, event)


def _stepped(value: int | None, step: int) -> int:
    """Return the energy an arrow key moves to from ``value`` (the ends stay put)."""
    low, high = min(ENERGY_LABELS), max(ENERGY_LABELS)
    if value is None:
        return low if step > 0 else high
    return min(max(value + step, low), high)


#: Keyed by the key code as ``QKeyEvent.key()`` gives it (an int, which may be no ``Qt.Key``).
_ARROW_STEPS: Final = {
    Qt.Key.Key_Left.value: -1,
    Qt.Key.Key_Up.value: -1,
    Qt.Key.Key_Right.value: 1,
    Qt.Key.Key_Down.value: 1,
}
