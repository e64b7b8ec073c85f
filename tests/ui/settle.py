"""Wait until the window's database worker and what it delivered have all run."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from focusapp.ui.main_window import MainWindow


def settle(qtbot: QtBot, window: MainWindow, rounds: int = 4) -> None:
    """Let every read and write asked of ``window``'s worker finish and be shown.

    The worker runs tasks in order and delivers their results in order, so once a marker
    task's result arrives, everything asked before it has been shown; a few rounds cover the
    reads a delivered change asks for in turn (a save, then the history and the charts).
    """
    for _ in range(rounds):
        _one_round(qtbot, window)


def _one_round(qtbot: QtBot, window: MainWindow) -> None:
    done: list[bool] = []
    window.runner.run_in_background(lambda: None, lambda _result: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=20_000)
