"""An in-window notice with a dismiss button, for reminders when no tray exists."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


def _first_sentence(text: str) -> str:
    """Return the first sentence of ``text`` (all of it when it has only one)."""
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


class Banner(QFrame):
    """An in-window notice with a dismiss button, for reminders when no tray exists.

    It shows the title and the first sentence, so a long notice takes one or two lines
    above the form; "More" shows the rest.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = ""
        self._body = ""
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.AlternateBase))
        self.setPalette(palette)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.more = QPushButton(self.tr("More"), self)
        self.more.setCheckable(True)
        self.more.toggled.connect(self._on_more_toggled)
        close = QPushButton(self.tr("Dismiss"), self)
        close.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 6, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.more)
        row.addWidget(close)
        self.hide()

    def show_message(self, title: str, text: str) -> None:
        """Show ``title`` in bold beside the first sentence of ``text``."""
        self._title, self._body = title, text
        self.more.setVisible(_first_sentence(text) != text)
        self.more.setChecked(False)
        self._on_more_toggled(False)
        self.show()

    @Slot(bool)
    def _on_more_toggled(self, full: bool) -> None:
        body = self._body if full else _first_sentence(self._body)
        self.text.setText(f"<b>{escape(self._title)}</b>: {escape(body)}")
        self.more.setText(self.tr("Less") if full else self.tr("More"))
