"""The dashboard's pieces around the charts: the welcome page, the range bar, the Qt warm-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QWidget,
)

from focusapp.domain.risk import DISCLAIMER
from focusapp.ui.dashboard.header import RANGE_LABELS
from focusapp.wording.levels import risk_text

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator


def qt_type_warmup(chunk: int = 48) -> Iterator[Callable[[], None]]:
    """Yield small steps that create the PySide6 classes pyqtgraph copies on import.

    PySide6 creates its Python classes lazily, on first attribute access; pyqtgraph reads
    every attribute of QtCore, QtGui and QtWidgets when imported (~0.2 s in one go). Done in
    steps of ``chunk`` names, the same work never blocks the event loop for long, and the
    classes exist before pyqtgraph is imported on the worker thread.
    """
    from PySide6 import QtCore, QtGui, QtWidgets

    for module in (QtCore, QtGui, QtWidgets):
        names = [name for name in dir(module) if not name.startswith("_")]
        for start in range(0, len(names), chunk):
            batch = names[start : start + chunk]

            def step(module: object = module, batch: list[str] = batch) -> None:
                for name in batch:
                    getattr(module, name, None)

            yield step


def _tr(text: str) -> str:
    # The dashboard's words keep the Dashboard context they had as its own self.tr() calls.
    return QCoreApplication.translate("Dashboard", text)


def build_range_bar(owner: QWidget, group: QButtonGroup) -> tuple[QWidget, QLabel]:
    """Return the row of range buttons (added to ``group``) and the status label at its end."""
    bar = QWidget(owner)
    range_row = QHBoxLayout(bar)
    range_row.setContentsMargins(0, 0, 0, 0)
    range_row.setSpacing(2)
    for which, label in RANGE_LABELS.items():
        button = QToolButton(owner)
        button.setText(_tr(label))
        button.setCheckable(True)
        button.setAutoRaise(False)
        button.setAccessibleName(
            QCoreApplication.translate("Dashboard", "Show {range}").format(range=_tr(label).lower())
        )
        button.setProperty("range", str(which))
        group.addButton(button)
        range_row.addWidget(button)
    range_row.addStretch(1)
    status = QLabel(owner)
    status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    range_row.addWidget(status)
    return bar, status


def welcome_page(owner: QWidget, on_help: Callable[[], None]) -> QWidget:
    """Return the page shown before the first check-in: what to do, the disclaimer, help."""
    page = QWidget(owner)
    text = QLabel(page)
    text.setWordWrap(True)
    text.setObjectName("dashboard_welcome")
    text.setText(
        QCoreApplication.translate(
            "Dashboard",
            "<h3>Welcome to FocusApp</h3>"
            "<p>Each day, take 20 seconds to note your energy, your coding or deep-work time "
            "and your meeting time: start with today's check-in on the left. Everything "
            "stays on this computer.</p>"
            "<p>After your first check-in your charts appear here. From the third check-in "
            "you also see a burnout-risk signal, and after two to three weeks it compares "
            "each week with your usual.</p>",
        )
    )
    disclaimer = QLabel(risk_text(DISCLAIMER), page)
    disclaimer.setWordWrap(True)
    disclaimer.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    help_button = QPushButton(QCoreApplication.translate("Dashboard", "Get help"), page)
    help_button.clicked.connect(on_help)
    row = QHBoxLayout()
    row.addWidget(disclaimer, 1)
    row.addWidget(help_button, 0, Qt.AlignmentFlag.AlignTop)
    layout = QGridLayout(page)
    layout.setContentsMargins(12, 12, 12, 12)
    layout.addWidget(text, 0, 0)
    layout.addLayout(row, 1, 0)
    layout.setRowStretch(2, 1)
    return page
