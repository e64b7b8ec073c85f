"""The "Add meeting time" dialog makes room for a reason that wraps over two lines."""

import pytest

from focusapp.ui.meeting_dialog import AddMeetingTimeDialog

pytestmark = pytest.mark.gui


def test_a_long_reason_does_not_overlap_the_field_or_the_summary(qtbot):
    dialog = AddMeetingTimeDialog(60, lambda _minutes, answer: answer(None))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.field.setText("abc")
    dialog.accept()  # not a duration: the accepted forms are listed, over two lines
    qtbot.wait(50)
    error, field, summary = (
        dialog.error.geometry(),
        dialog.field.geometry(),
        dialog.summary.geometry(),
    )
    assert dialog.error.isVisible() and error.height() >= dialog.error.heightForWidth(error.width())
    assert field.bottom() < error.top() and error.bottom() < summary.top()
    assert dialog.field.text() == "abc"  # kept for retyping
