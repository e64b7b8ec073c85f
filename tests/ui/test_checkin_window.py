"""Drive the main window as a user would and assert on what lands in the database."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from focusapp.domain.models import CheckIn
from focusapp.ui.main_window import MainWindow
from tests.ui.settle import settle

pytestmark = pytest.mark.gui
TODAY = dt.date(2026, 11, 3)


@pytest.fixture
def window(qtbot, context, tmp_path):
    win = MainWindow(context.checkins, tmp_path / "window.ini")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot, win)
    return win


def test_type_and_press_enter_saves_today(qtbot, window, context):
    form = window.form
    qtbot.keyClick(form.energy.buttons()[0], Qt.Key.Key_4)
    qtbot.keyClicks(form.coding, "1h30")
    qtbot.keyClicks(form.meetings, "2h")
    qtbot.keyClicks(form.note, "good day")
    with qtbot.waitSignals([window.saved, window.history_loaded]):
        qtbot.keyClick(form.note, Qt.Key.Key_Return)
    assert context.checkins.get(TODAY) == CheckIn(
        TODAY, energy=4, coding_minutes=90, meeting_minutes=120, note="good day"
    )
    assert window.history_model.rowCount() == 1
    assert "Saved" in form.status.text()


def test_enter_in_a_text_field_saves_once(qtbot, window, context, monkeypatch):
    saves = []
    real = context.checkins.save_edit
    monkeypatch.setattr(context.checkins, "save_edit", lambda *a: saves.append(a) or real(*a))
    for field in (window.form.coding, window.form.meetings, window.form.sleep, window.form.note):
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_Return)
        settle(qtbot, window)
    assert len(saves) == 4


def test_keys_one_to_five_pick_energy(qtbot, window):
    form = window.form
    form.energy.buttons()[0].setFocus()
    for key, value in ((Qt.Key.Key_2, 2), (Qt.Key.Key_5, 5), (Qt.Key.Key_1, 1)):
        qtbot.keyClick(form.energy.buttons()[0], key)
        assert form.energy.value() == value


def test_digits_in_a_text_field_are_text(qtbot, window):
    qtbot.keyClicks(window.form.coding, "45")
    assert window.form.coding.text() == "45"
    assert window.form.energy.value() is None


def test_invalid_duration_shows_message_and_writes_nothing(qtbot, window, context):
    form = window.form
    qtbot.keyClicks(form.coding, "lots")
    qtbot.keyClick(form.coding, Qt.Key.Key_Return)
    error = form.findChild(type(form.title), "error_coding_minutes")
    assert error.isVisible()
    assert "1h30" in error.text()
    assert context.checkins.get(TODAY) is None
    assert form.coding.text() == "lots"  # what the user typed is kept


def test_service_rule_violation_marks_the_field(qtbot, window, context):
    form = window.form
    qtbot.keyClicks(form.coding, "20h")
    qtbot.keyClicks(form.meetings, "5h")
    qtbot.keyClick(form.meetings, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert form.findChild(type(form.title), "error_coding_minutes").isVisible()
    assert context.checkins.get(TODAY) is None


def test_existing_day_is_prefilled_and_updated(qtbot, context, tmp_path):
    context.checkins.record(TODAY, {"energy": 2, "coding_minutes": 60, "note": "old"})
    win = MainWindow(context.checkins, tmp_path / "w.ini")
    qtbot.addWidget(win)
    settle(qtbot, win)
    assert win.form.energy.value() == 2
    assert win.form.coding.text() == "1h"
    assert "Edit" in win.form.title.text()
    win.form.meetings.setText("30m")
    win.form.save_button.click()
    settle(qtbot, win)
    assert context.checkins.get(TODAY) == CheckIn(
        TODAY, energy=2, coding_minutes=60, meeting_minutes=30, note="old"
    )


def test_backfill_another_day(qtbot, window, context):
    yesterday = TODAY - dt.timedelta(days=1)
    window.form.date_edit.setDate(window.form.date_edit.date().addDays(-1))
    assert window.form.day() == yesterday
    settle(qtbot, window)
    window.form.energy.choose(3)
    window.form.submit()
    settle(qtbot, window)
    assert context.checkins.get(yesterday).energy == 3
    assert context.checkins.get(TODAY) is None


def test_date_cannot_go_more_than_a_day_ahead(window):
    window.form.date_edit.setDate(window.form.date_edit.date().addDays(10))
    assert window.form.day() == TODAY + dt.timedelta(days=1)


def test_double_click_history_loads_day(qtbot, context, tmp_path):
    day = TODAY - dt.timedelta(days=3)
    context.checkins.record(day, {"energy": 5, "meeting_minutes": 240})
    win = MainWindow(context.checkins, tmp_path / "w.ini")
    qtbot.addWidget(win)
    win.show()
    settle(qtbot, win)
    row = win.history_model.row_of(day)
    rect = win.history.visualRect(win.history_model.index(row, 0))
    # Qt 6 item views need the press of the first click before a double click counts.
    qtbot.mouseClick(win.history.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(win.history.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(qtbot, win)
    assert win.form.day() == day
    assert win.form.meetings.text() == "4h"


def test_delete_with_confirmation(qtbot, context, tmp_path, monkeypatch):
    context.checkins.record(TODAY, {"energy": 3})
    win = MainWindow(context.checkins, tmp_path / "w.ini")
    qtbot.addWidget(win)
    win.show()
    settle(qtbot, win)
    win.history.selectRow(0)
    win.history.setFocus()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(win.history, Qt.Key.Key_Delete)
    assert context.checkins.get(TODAY) is not None
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(win.history, Qt.Key.Key_Delete)
    settle(qtbot, win)
    assert context.checkins.get(TODAY) is None
    assert win.history_model.rowCount() == 0


def test_welcome_on_first_run(window):
    assert window.welcome.isVisible()
    assert "Welcome" in window.welcome.text()


def test_geometry_is_remembered(qtbot, context, tmp_path):
    ini = tmp_path / "geom.ini"
    first = MainWindow(context.checkins, ini)
    qtbot.addWidget(first)
    first.resize(760, 530)  # the offscreen screen is 800x600
    first.show()
    first.close()
    second = MainWindow(context.checkins, ini)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (760, 530)


def test_storage_failure_keeps_what_was_typed(qtbot, window, context, monkeypatch):
    from focusapp.domain.errors import StorageError

    def fail(_original, _checkin):
        raise StorageError("the disk is full; free some space and try again")

    monkeypatch.setattr(context.checkins, "save_edit", fail)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    qtbot.keyClicks(window.form.coding, "2h")
    window.form.submit()
    settle(qtbot, window)
    assert window.form.coding.text() == "2h"
    assert "disk is full" in window.form.status.text()


def test_ready_signal_after_paint(qtbot, context, tmp_path):
    win = MainWindow(context.checkins, tmp_path / "w.ini")
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.ready, timeout=5000):
        win.show()
