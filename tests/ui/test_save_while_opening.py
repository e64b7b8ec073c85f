"""A check-in typed and saved while the data is still opening is saved once it is open.

The window appears before the database is open (a window started from the tray opens its
data in the first second); what the user typed then must land, not be replaced by the day
loaded afterwards.
"""

import pytest
from PySide6.QtCore import Qt

from focusapp.ui.main_window import MainWindow
from tests.ui.settle import settle

pytestmark = pytest.mark.gui


def opening_window(qtbot, context, tmp_path) -> MainWindow:
    """A window shown on today with its data not open yet, as a tray starts it."""
    window = MainWindow(None, tmp_path / "window.ini", today=context.checkins.today())
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_save_before_the_data_is_open_lands_once_it_is(qtbot, context, tmp_path):
    context.checkins.record(None, {"meeting_minutes": 120})  # stored before: kept
    today = context.checkins.today()
    window = opening_window(qtbot, context, tmp_path)
    button = window.form.energy.buttons()[3]
    button.click()  # 4 Good
    qtbot.keyClick(button, Qt.Key.Key_Return)  # the Save button waits for the data; Return does not
    assert "saving in a moment" in window.form.status.text()
    window.attach(context.checkins)
    settle(qtbot, window)
    stored = context.checkins.get(today)
    assert stored is not None
    assert (stored.energy, stored.meeting_minutes) == (4, 120)
    window.shutdown_workers()


def test_keys_typed_before_the_data_is_open_choose_the_energy_and_save(qtbot, context, tmp_path):
    today = context.checkins.today()
    window = opening_window(qtbot, context, tmp_path)
    # What the window's focus widget gets is what a key pressed in the window reaches.
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_4)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    window.attach(context.checkins)
    settle(qtbot, window)
    stored = context.checkins.get(today)
    assert stored is not None and stored.energy == 4
    window.shutdown_workers()


def test_what_was_typed_and_not_saved_stays_in_the_form_over_the_day_read(qtbot, context, tmp_path):
    context.checkins.record(None, {"meeting_minutes": 120})  # stored before: shown
    today = context.checkins.today()
    window = opening_window(qtbot, context, tmp_path)
    window.form.energy.buttons()[1].click()  # 2 Low
    qtbot.keyClicks(window.form.note, "slow start")
    window.attach(context.checkins)
    settle(qtbot, window)
    form = window.form
    assert (form.energy.value(), form.note.text(), form.meetings.text()) == (2, "slow start", "2h")
    assert context.checkins.get(today).energy is None  # typed, not saved
    window.shutdown_workers()
