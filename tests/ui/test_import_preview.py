"""The window's import shows what a file would change and asks when stored days differ.

Issue 15 item 2: re-importing last week's export replaced today's edited check-in. In the
window the file's differences now come with a choice, and Enter keeps the stored days.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from focusapp.ui.main_window import MainWindow
from tests.ui.settle import settle

pytestmark = pytest.mark.gui
DAY = dt.date(2026, 11, 2)


@pytest.fixture
def window(qtbot, context, tmp_path):
    win = MainWindow(context.checkins, tmp_path / "window.ini")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot, win)
    return win


def _export_file(tmp_path, note: str):
    path = tmp_path / "last-week.csv"
    path.write_text(
        "date,energy,coding_minutes,meeting_minutes,note\n"
        f"{DAY.isoformat()},2,60,30,{note}\n2026-11-01,4,30,0,new\n"
    )
    return path


def _answer_with(button_text: str | None, seen: list[str]) -> None:
    """Click ``button_text`` in the question box once it is up (``None``: press Enter)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        if button_text is None:
            box.defaultButton().click()
            return
        for button in box.findChildren(QPushButton):
            if button.text() == button_text:
                button.click()
                return

    QTimer.singleShot(20, click)


@pytest.mark.parametrize(
    ("answer", "expected_note"),
    [
        (None, "edited today"),
        ("Keep what is stored", "edited today"),
        ("Use the file's values", "old"),
    ],
)
def test_differences_are_a_choice(
    qtbot, window, context, tmp_path, monkeypatch, answer, expected_note
):
    context.checkins.record(DAY, {"energy": 5, "note": "edited today"})
    path = _export_file(tmp_path, "old")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    seen: list[str] = []
    _answer_with(answer, seen)
    window.menus.import_action.trigger()  # File > Import check-ins...
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)  # the question, after reading the file
    settle(qtbot, window)
    assert seen and "1 days in last-week.csv differ" in seen[0]
    assert context.checkins.sources(DAY).typed.note == expected_note
    assert context.checkins.sources(dt.date(2026, 11, 1)).typed.note == "new"


def test_a_file_of_new_days_imports_without_a_question(
    qtbot, window, context, tmp_path, monkeypatch
):
    path = _export_file(tmp_path, "first")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.menus.import_action.trigger()  # File > Import check-ins...
    settle(qtbot, window)
    assert context.checkins.sources(DAY).typed.note == "first"
    assert "Imported 2 days" in window.statusBar().currentMessage()
