"""Pieces the look-ahead's three views share: a scrolling page, a text label, newest-only reads.

Each view reads on the window's database worker and may ask again before an answer came
back (a tick, a new week, a change elsewhere); :class:`NewestOnly` shows only the answer
to the latest question, so an older figure never replaces a newer one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLayout, QScrollArea, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from collections.abc import Callable

    from focusapp.services.lookahead import LookaheadService
    from focusapp.ui.workers import BackgroundRunner

T = TypeVar("T")


class LookaheadPage(QWidget):
    """A view of the look-ahead window, reading the look-ahead service on the window's worker.

    Signals:
        updated: A result has been shown (tests wait on it).
        failed(str): Reading or keeping failed; the text says what happened.
    """

    updated = Signal()
    failed = Signal(str)

    def __init__(
        self, service: LookaheadService, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service, self._runner = service, runner


class NewestOnly(Generic[T]):
    """Runs reads on ``runner`` and hands on only the newest one's result."""

    def __init__(self, runner: BackgroundRunner) -> None:
        self._runner = runner
        self._generation = 0

    def run(
        self,
        task: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        """Run ``task``; call ``on_done`` with its result unless a newer run was asked for."""
        self._generation += 1
        generation = self._generation

        def done(result: T) -> None:
            if generation == self._generation:
                on_done(result)

        self._runner.run_in_background(task, done, on_error)

    def supersede(self) -> None:
        """Drop the result of any run still under way (a newer answer is already shown)."""
        self._generation += 1


def text_label(parent: QWidget, name: str) -> QLabel:
    """Return a wrapping, selectable label named ``name`` (for figures and sentences)."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def scrolling_page(owner: QWidget, top: QLayout | None, *parts: QWidget | QLayout) -> QWidget:
    """Lay out ``parts`` in one column that scrolls below ``top`` (fixed) on ``owner``.

    On a small screen the page scrolls instead of squashing its charts and tables.
    """
    body = QWidget(owner)
    column = QVBoxLayout(body)
    for part in parts:
        if isinstance(part, QLayout):
            column.addLayout(part)
        else:
            column.addWidget(part)
    column.addStretch(1)
    scroll = QScrollArea(owner)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(body)
    layout = QVBoxLayout(owner)
    if top is not None:
        layout.addLayout(top)
    layout.addWidget(scroll, 1)
    return body
