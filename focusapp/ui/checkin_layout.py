"""The check-in form's rows: a labelled field with an optional hint and an inline error."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from collections.abc import Callable


class FieldRows:
    """Builds the form's rows and keeps each field's inline error label.

    Attributes:
        layout: The form layout the rows go into.
        errors: The error label of each field, by the field's name in a ``Problem``.
    """

    def __init__(self, owner: QWidget) -> None:
        self._owner = owner
        self.layout = QFormLayout()
        self.layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors: dict[str, QLabel] = {}

    def add(self, text: str, name: str, field: QWidget, hint: QWidget | None = None) -> None:
        """Add ``field`` (with ``hint`` and an error label below it) under the label ``text``.

        The label's buddy is ``field`` itself, not the row around it: the buddy is what a
        screen reader announces the label for (AT-SPI's labelled-by), and what the label's
        Alt key moves to.
        """
        label = QLabel(text, self._owner)
        label.setBuddy(field)
        self.layout.addRow(label, self._with_error(name, field, hint))

    def error_label(self, name: str) -> QLabel:
        """Return a new, hidden error label for the field ``name``."""
        label = QLabel(self._owner)
        label.setObjectName(f"error_{name}")
        label.setWordWrap(True)
        label.hide()
        self.errors[name] = label
        return label

    def _with_error(self, name: str, widget: QWidget, hint: QWidget | None) -> QWidget:
        box = QWidget(self._owner)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        if hint is not None:
            column.addWidget(hint)
        column.addWidget(self.error_label(name))
        box.setFocusProxy(widget)  # the row label's mnemonic lands in the field
        return box


def source_hint(owner: QWidget, name: str, on_link: Callable[[str], None]) -> QLabel:
    """Return a quiet line saying where a value comes from, with a link to switch back."""
    label = QLabel(owner)
    label.setObjectName(f"source_{name}")
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.linkActivated.connect(on_link)
    label.hide()
    return label


def chain_tab_order(*widgets: QWidget) -> None:
    """Make Tab move through ``widgets`` in the order given."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)
