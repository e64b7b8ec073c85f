"""The tray's "Add meeting time" dialog: what was typed stays until it is right or cancelled."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from focusapp.domain.durations import ACCEPTED_FORMS, DurationError, format_duration, parse_duration
from focusapp.ui.theme import error_color
from focusapp.wording.phrases import say

if TYPE_CHECKING:
    from collections.abc import Callable


class AddMeetingTimeDialog(QDialog):
    """Asks how much meeting time to add to today and adds it through ``add``.

    An entry that does not parse, or that ``add`` refuses, keeps the dialog open with the
    text as typed and the reason beside it, so nothing typed is lost to a message box.

    Attributes:
        field: Where the duration is typed.
        error: The inline message (hidden while there is nothing to say).
    """

    def __init__(
        self,
        current_minutes: int | None,
        add: Callable[[int, Callable[[str | None], None]], None],
        parent: QWidget | None = None,
    ) -> None:
        """Build the dialog.

        Args:
            current_minutes: Today's meeting time so far, shown for reference.
            add: Adds the minutes (on the database worker), then answers ``None`` when
                stored, else why not (for people).
            parent: The window the dialog belongs to.
        """
        super().__init__(parent)
        self._add = add
        self._adding = False
        self._current = current_minutes or 0
        self.setWindowTitle(self.tr("Add meeting time"))
        prompt = QLabel(self.tr("Meeting time to add to &today:"), self)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("e.g. 30m, 45 minutes, 1h30"))
        self.field.setToolTip(self.tr("Accepted: {forms}").format(forms=ACCEPTED_FORMS))
        self.field.setAccessibleName(self.tr("Meeting time to add"))
        prompt.setBuddy(self.field)
        self.summary = QLabel(self)
        self.summary.setObjectName("meeting_summary")
        self.error = QLabel(self)
        self.error.setObjectName("meeting_error")
        self.error.setWordWrap(True)
        self.error.hide()
        palette = self.error.palette()
        palette.setColor(QPalette.ColorRole.WindowText, error_color(self.palette()))
        self.error.setPalette(palette)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Add"))
        ok.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.field)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.field.textChanged.connect(self._on_field_text_changed)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 52)
        self._on_field_text_changed("")

    @Slot(str)
    def _on_field_text_changed(self, text: str) -> None:
        """Say what today's total becomes; a stale error goes once the text changes."""
        self.error.hide()
        try:
            added = parse_duration(text) if text.strip() else 0
        except DurationError:
            added = 0
        so_far = format_duration(self._current)
        if added:
            self.summary.setText(
                self.tr("Today: {so_far}, then {total}").format(
                    so_far=so_far, total=format_duration(self._current + added)
                )
            )
        else:
            self.summary.setText(self.tr("Today so far: {so_far}").format(so_far=so_far))

    def show_error(self, text: str) -> None:
        """Show why the entry was not added, keep the text and select it for retyping."""
        self.error.setText(text)
        self.error.show()
        self.adjustSize()  # a reason over two lines gets its room instead of overlapping
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.field.selectAll()

    def accept(self) -> None:
        """Add the typed time and close, or stay open and say what is wrong."""
        text = self.field.text()
        if not text.strip():
            self.show_error(self.tr("Type how much meeting time to add, e.g. 30m."))
            return
        try:
            minutes = parse_duration(text)
        except DurationError as error:
            self.show_error(say(error.message))
            return
        if self._adding:  # a second Enter while the first is being stored adds nothing
            return
        self._adding = True
        self._add(minutes, self._on_answered)

    def _on_answered(self, problem: str | None) -> None:
        self._adding = False
        if problem is not None:
            self.show_error(problem)
            return
        super().accept()


class MeetingTimeOpener:
    """Keeps one "Add meeting time" dialog at a time: asking again brings it to the front.

    Attributes:
        dialog: The dialog while it is open, else ``None``.
    """

    def __init__(self, add: Callable[[int, Callable[[str | None], None]], None]) -> None:
        """``add(minutes, answer)`` adds the minutes and answers why not, or ``None``."""
        self._add = add
        self.dialog: AddMeetingTimeDialog | None = None

    def open(self, current_minutes: int | None, parent: QWidget | None) -> None:
        """Show the dialog over ``parent`` with today's ``current_minutes`` beside the entry."""
        if self.dialog is None:
            dialog = AddMeetingTimeDialog(current_minutes, self._add, parent)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(self._forget)
            self.dialog = dialog
            dialog.open()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def _forget(self) -> None:
        self.dialog = None
