"""The check-in window at 1024x640, light and dark (issue 12, item 3 as far as it goes here)."""

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from focusapp.ui.main_window import MainWindow
from focusapp.ui.recent_days import RECENT_ROWS_SHOWN
from focusapp.ui.theme import MIN_TEXT_CONTRAST, contrast_ratio, dark_palette, light_palette

pytestmark = pytest.mark.gui
TODAY = dt.date(2026, 11, 3)
LONG_NOTICE = (
    "Your energy was at the lowest level on 3 or more work days this week. Several strain "
    "signals have lined up for at least a week: energy on work days averaged 1.2/5. This is "
    "a good moment to act: talk with your manager or team about priorities and meeting load."
)


@pytest.fixture(params=["light", "dark"])
def small(request, qtbot, context, clock, tmp_path):
    app = QApplication.instance()
    original = QPalette(app.palette())
    app.setPalette(light_palette() if request.param == "light" else dark_palette())
    for i in range(1, 30):
        context.checkins.record(TODAY - dt.timedelta(days=i), {"energy": i % 5 + 1})
    # The check-in side at this size; the dashboard's own small-screen layout is issue 12's
    # remaining part (tests/ui/test_dashboard.py covers the charts themselves).
    win = MainWindow(context.checkins, tmp_path / "w.ini")
    qtbot.addWidget(win)
    win.resize(1024, 640)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(50)
    yield win
    win.close()
    app.setPalette(original)
    app.processEvents()


def _inside_window(window: MainWindow, widget: QWidget) -> bool:
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


def test_recent_days_shows_its_rows(small):
    assert (small.width(), small.height()) == (1024, 640)
    history = small.history
    visible_rows = {
        history.rowAt(y) for y in range(0, history.viewport().height(), 4) if history.rowAt(y) >= 0
    }
    assert len(visible_rows) >= RECENT_ROWS_SHOWN


def test_every_form_field_is_on_screen_and_uncut(small):
    form = small.form
    for widget in (
        form.date_edit,
        *form.energy.buttons(),
        form.coding,
        form.meetings,
        form.sleep,
        form.stress,
        form.note,
        form.save_button,
    ):
        assert widget.isVisible()
        assert _inside_window(small, widget), widget.accessibleName()
        assert widget.width() >= widget.minimumSizeHint().width()
    for label in form.findChildren(QLabel):
        if label.isVisible() and not label.wordWrap():
            assert label.width() >= label.sizeHint().width(), label.text()  # not cut off


def test_side_panel_text_reads_on_its_background(small):
    """No grey-on-grey: every visible label of the form reaches the text contrast."""
    small.form.show_problems([])  # the status line shows too
    for label in small.form.findChildren(QLabel):
        palette = label.palette()
        text = palette.color(label.foregroundRole())
        background = palette.color(QPalette.ColorRole.Window)
        assert contrast_ratio(text, background) >= MIN_TEXT_CONTRAST, label.objectName()


def test_a_long_notice_takes_one_line_until_asked(qtbot, small):
    form_top = small.form.mapTo(small, QPoint(0, 0)).y()
    small.show_banner("Your burnout-risk signal", LONG_NOTICE)
    qtbot.waitUntil(small.banner.isVisible)
    qtbot.wait(20)
    line = small.banner.text.fontMetrics().lineSpacing()
    assert small.banner.height() <= 2 * line + 24
    assert "Several strain" not in small.banner.text.text()
    assert small.form.mapTo(small, QPoint(0, 0)).y() - form_top <= 2 * line + 30
    small.banner.more.click()
    assert "Several strain" in small.banner.text.text()
    assert small.banner.more.text() == "Less"
