"""Run the real GUI (``focusapp.app.run_gui``) and answer its dialogs like a person would.

Usage: python gui_autopilot.py DATA_DIR STEP...

Steps run in order:

- ``click:TEXT``: wait for a modal dialog with a button labelled TEXT (``&`` ignored) and
  click it;
- ``trigger:NAME``: trigger the main window's action with object name NAME;
- ``quit``: once the window shows the data and no dialog is open, quit like the File menu.

Each step done is printed (``step: ...``); ``status: N`` is printed at the end. If a step
cannot be done within 30 s, the process prints ``stuck: ...`` and exits with status 3.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from focusapp.app import make_application, run_gui
from focusapp.ui.main_window import MainWindow

STEP_TIMEOUT_S = 30.0


def _window() -> MainWindow | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            return widget
    return None


def _button(dialog: QWidget, text: str) -> QAbstractButton | None:
    for button in dialog.findChildren(QAbstractButton):
        if button.isVisible() and button.text().replace("&", "") == text:
            return button
    return None


class Autopilot:
    """Does the steps one by one; each action runs in its own timer event, so this poller
    keeps running inside the nested event loop of any dialog the action opens."""

    def __init__(self, steps: list[str]) -> None:
        self.steps = steps
        self.started = time.monotonic()
        self.pending = False
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        if not self.steps or self.pending:
            return
        if time.monotonic() - self.started > STEP_TIMEOUT_S:
            modal = QApplication.activeModalWidget()
            seen = [b.text() for b in modal.findChildren(QAbstractButton)] if modal else []
            print(f"stuck: {self.steps[0]} (dialog buttons: {seen})", flush=True)
            os._exit(3)
        if self.ready(self.steps[0]):
            self.pending = True
            QTimer.singleShot(0, self.act)

    def ready(self, step: str) -> bool:
        modal = QApplication.activeModalWidget()
        kind, _, argument = step.partition(":")
        if kind == "click":
            return modal is not None and _button(modal, argument) is not None
        window = _window()
        if modal is not None or window is None or not window.attached:
            return False
        return kind == "quit" or window.findChild(QAction, argument) is not None

    def act(self) -> None:
        self.pending = False
        step = self.steps[0]
        if not self.ready(step):
            return
        self.steps.pop(0)
        self.started = time.monotonic()
        kind, _, argument = step.partition(":")
        modal = QApplication.activeModalWidget()
        where = f" in {type(modal).__name__} {modal.windowTitle()!r}" if modal else ""
        print(f"step: {step}{where}", flush=True)
        window = _window()
        if kind == "click":
            # A fresh lookup right before the click: PySide may wrap a stack-allocated
            # QMessageBox anew on each call, invalidating button wrappers taken before.
            current = QApplication.activeModalWidget()
            button = _button(current, argument) if current is not None else None
            if button is not None:
                button.click()
        elif kind == "trigger" and window is not None:
            action = window.findChild(QAction, argument)
            if action is not None:
                action.trigger()
        elif kind == "quit" and window is not None:
            window.quit_requested.emit()


def main() -> int:
    data_dir, *steps = sys.argv[1:]
    make_application()
    pilot = Autopilot(steps)
    status = run_gui(data_dir)
    pilot.timer.stop()
    print(f"status: {status}", flush=True)
    print(f"steps left: {pilot.steps}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
