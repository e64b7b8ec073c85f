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


def test_a_save_before_the_data_is_open_lands_once_it_is(qtbot, context, tmp_path):
    context.checkins.record(None, {"meeting_minutes": 120})  # stored before: kept
    today = context.checkins.today()
    window = MainWindow(None, tmp_path / "window.ini", today=today)
    qtbot.addWidget(window)
    window.show()
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
