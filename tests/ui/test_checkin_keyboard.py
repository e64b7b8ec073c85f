"""The check-in window from the keyboard, and its energy choice in every theme (issue 12)."""

import datetime as dt
import re
from collections import Counter

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDateTimeEdit,
    QLabel,
    QMenu,
    QRadioButton,
)

from focusapp.domain.models import CheckIn
from focusapp.ui.main_window import MainWindow
from focusapp.ui.theme import (
    MIN_TEXT_CONTRAST,
    choice_colors,
    contrast_ratio,
    dark_palette,
    high_contrast_palette,
    light_palette,
    link_color,
)
from tests.ui.settle import settle

pytestmark = pytest.mark.gui
TODAY = dt.date(2026, 11, 3)
PALETTES = {"light": light_palette, "dark": dark_palette, "high contrast": high_contrast_palette}


@pytest.fixture
def window(qtbot, context, tmp_path):
    win = MainWindow(context.checkins, tmp_path / "window.ini")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot, win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return win


@pytest.fixture
def themed():
    """Switch the application palette for one test and put the original back."""
    app = QApplication.instance()
    original = QPalette(app.palette())

    def apply(name: str) -> QPalette:
        palette = PALETTES[name]()
        app.setPalette(palette)
        app.processEvents()  # Qt delivers the change to each widget through the event loop
        return palette

    yield apply
    app.setPalette(original)
    app.processEvents()


def focused():
    return QApplication.focusWidget()


# --- item 1: the selection is visible in every theme ---------------------------------------


def test_energy_is_one_exclusive_radio_group(qtbot, window, context):
    energy = window.form.energy
    assert all(isinstance(button, QRadioButton) for button in energy.buttons())
    qtbot.mouseClick(energy.buttons()[1], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(energy.buttons()[3], Qt.MouseButton.LeftButton)
    assert [button.isChecked() for button in energy.buttons()] == [False] * 3 + [True, False]
    window.form.save_button.click()
    settle(qtbot, window)
    assert context.checkins.get(TODAY).energy == 4


@pytest.mark.parametrize("name", PALETTES)
def test_selected_energy_reads_and_differs_from_focus(name):
    colors = choice_colors(PALETTES[name]())
    assert contrast_ratio(colors.selected_text, colors.selected_background) >= MIN_TEXT_CONTRAST
    assert contrast_ratio(colors.text, colors.background) >= MIN_TEXT_CONTRAST
    # The chosen tile is a fill that stands out from the others; focus is an outline in
    # another colour than that fill, so focus never passes for the selection.
    assert contrast_ratio(colors.selected_background, colors.background) >= 1.5
    assert colors.focus_on_selected != colors.selected_background


@pytest.mark.parametrize("name", ["light", "dark"])
def test_selected_and_focused_tiles_paint_differently(qtbot, window, themed, name):
    palette = themed(name)
    colors = choice_colors(palette)
    energy = window.form.energy
    qtbot.keyClick(energy.tab_stop(), Qt.Key.Key_3)
    chosen, focused_other = energy.buttons()[2], energy.buttons()[0]
    focused_other.setFocus()  # click focus still exists for the mouse
    qtbot.waitUntil(focused_other.hasFocus)

    def pixel(button: QAbstractButton, x: int, y: int) -> QColor:
        return button.grab().toImage().pixelColor(QPoint(x, y))

    middle = chosen.height() // 2
    assert pixel(chosen, 7, middle) == colors.selected_background
    assert pixel(focused_other, 7, middle) == colors.background  # not filled...
    assert pixel(focused_other, 3, middle) == colors.focus  # ...only outlined


@pytest.mark.parametrize("name", ["light", "dark"])
def test_use_your_calendar_link_readable(qtbot, context, tmp_path, themed, name):
    palette = themed(name)
    calendar = tmp_path / "work.ics"
    calendar.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:sync\r\n"
        "SUMMARY:sync\r\nDTSTART:20261103T080000Z\r\nDTEND:20261103T090000Z\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    context.calendar.import_file(calendar)
    context.checkins.record(TODAY, {"meeting_minutes": 120, "energy": 3})  # typed beats it
    win = MainWindow(context.checkins, tmp_path / "w.ini")
    qtbot.addWidget(win)
    hint = win.form.meetings_source.text()
    assert "Use your calendar (1h)" in hint
    link = link_color(palette)
    assert f'style="color: {link.name()}">Use your calendar' in hint
    assert contrast_ratio(link, palette.color(QPalette.ColorRole.Window)) >= MIN_TEXT_CONTRAST


def test_link_colour_follows_a_theme_switched_at_run_time(qtbot, context, clock, tmp_path, themed):
    themed("light")
    context.focus.start()
    clock.advance(dt.timedelta(minutes=50))
    context.focus.stop()
    context.checkins.record(TODAY, {"coding_minutes": 30})
    win = MainWindow(context.checkins, tmp_path / "w.ini")
    qtbot.addWidget(win)
    dark = themed("dark")
    assert f"color: {link_color(dark).name()}" in win.form.coding_source.text()


# --- item 2: keyboard backfill ----------------------------------------------------------------


def test_energy_group_is_one_tab_stop(qtbot, window):
    form = window.form
    form.date_edit.setFocus()
    qtbot.keyClick(form.date_edit, Qt.Key.Key_Tab)
    assert focused() is form.energy.buttons()[0]
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is form.coding
    qtbot.keyClick(form.energy.buttons()[0], Qt.Key.Key_4)
    qtbot.keyClick(form.coding, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is form.energy.buttons()[3]  # Shift+Tab lands on the chosen one
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is form.date_edit


def test_arrow_keys_and_digits_choose_energy(qtbot, window, context):
    form = window.form
    form.energy.tab_stop().setFocus()
    for key, expected in (
        (Qt.Key.Key_Right, 1),
        (Qt.Key.Key_Right, 2),
        (Qt.Key.Key_Down, 3),
        (Qt.Key.Key_Left, 2),
        (Qt.Key.Key_5, 5),
        (Qt.Key.Key_Right, 5),
        (Qt.Key.Key_Up, 4),
    ):
        qtbot.keyClick(focused(), key)
        assert form.energy.value() == expected
        assert focused() is form.energy.buttons()[expected - 1]
    qtbot.keyClick(focused(), Qt.Key.Key_Delete)
    assert form.energy.value() is None
    qtbot.keyClick(focused(), Qt.Key.Key_2)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    settle(qtbot, window)
    assert context.checkins.get(TODAY) == CheckIn(TODAY, energy=2)


def test_backfill_typing_the_day_then_tab_keeps_the_energy_digit(qtbot, window, context):
    form = window.form
    form.date_edit.setFocus()
    form.date_edit.setSelectedSection(QDateTimeEdit.Section.DaySection)
    qtbot.keyClicks(form.date_edit, "02")
    qtbot.keyClick(form.date_edit, Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_2)  # meant for energy, not for the year
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "1h")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    settle(qtbot, window)
    assert form.date_edit.date() == QDate(2026, 11, 2)
    assert context.checkins.get(dt.date(2026, 11, 2)) == CheckIn(
        dt.date(2026, 11, 2), energy=2, coding_minutes=60
    )


def test_typing_a_whole_date_hands_focus_on(qtbot, window, context):
    form = window.form
    window.show_day(dt.date(2026, 10, 15))
    settle(qtbot, window)
    form.date_edit.setFocus()
    form.date_edit.setSelectedSection(QDateTimeEdit.Section.DaySection)
    qtbot.keyClicks(form.date_edit, "24sep2025")
    assert form.day() == dt.date(2025, 9, 24)
    assert focused() is form.energy.tab_stop()
    qtbot.keyClick(focused(), Qt.Key.Key_3)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    settle(qtbot, window)
    assert context.checkins.get(dt.date(2025, 9, 24)).energy == 3


def _mnemonic(text: str) -> str | None:
    match = re.search(r"&([^&])", text.replace("&&", ""))
    return match[1].lower() if match else None


def test_no_mnemonic_or_shortcut_is_bound_twice(window):
    # Alt+letter: the menu bar's titles and the form's labels and buttons share them.
    alt_keys = [
        _mnemonic(menu.title())
        for menu in window.menuBar().findChildren(QMenu)
        if menu.menuAction() in window.menuBar().actions()
    ]
    alt_keys += [
        _mnemonic(label.text())
        for label in window.findChildren(QLabel)
        if label.buddy() is not None
    ]
    alt_keys += [_mnemonic(button.text()) for button in window.findChildren(QAbstractButton)]
    alt_keys = [key for key in alt_keys if key]
    assert "y" in alt_keys  # the day field, now that Alt+D opens the Day menu
    assert [k for k, n in Counter(alt_keys).items() if n > 1] == []
    for menu in window.menuBar().findChildren(QMenu):  # within each menu, too
        keys = [_mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()]
        keys = [key for key in keys if key]
        assert [k for k, n in Counter(keys).items() if n > 1] == [], menu.title()
    shortcuts = [
        sequence.toString()
        for action in window.findChildren(type(window.menus.today_action))
        for sequence in action.shortcuts()
        if not sequence.isEmpty()
    ]
    assert [k for k, n in Counter(shortcuts).items() if n > 1] == []


def test_previous_next_and_today_keys(qtbot, window):
    form = window.form
    form.coding.setFocus()

    def press(key: Qt.Key, modifier: Qt.KeyboardModifier) -> dt.date:
        qtbot.keyClick(focused(), key, modifier)
        settle(qtbot, window)
        return form.day()

    ctrl, alt = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
    assert press(Qt.Key.Key_BracketLeft, ctrl) == TODAY - dt.timedelta(days=1)
    assert press(Qt.Key.Key_Left, alt) == TODAY - dt.timedelta(days=2)
    assert press(Qt.Key.Key_BracketRight, ctrl) == TODAY - dt.timedelta(days=1)
    assert press(Qt.Key.Key_Right, alt) == TODAY
    assert press(Qt.Key.Key_Right, alt) == TODAY + dt.timedelta(days=1)
    assert press(Qt.Key.Key_Right, alt) == TODAY + dt.timedelta(days=1)  # no further
    assert press(Qt.Key.Key_T, ctrl) == TODAY


def test_day_keys_are_shown_in_the_day_menu(window):
    day_menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Day")
    shown = {
        a.text(): a.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        for a in day_menu.actions()
    }
    assert shown["&Previous day"] == "Ctrl+["
    assert shown["&Next day"] == "Ctrl+]"
    assert shown["&Today"] == "Ctrl+T"


def test_every_error_is_shown_at_once(qtbot, window, context):
    form = window.form
    qtbot.keyClicks(form.coding, "lots")
    qtbot.keyClicks(form.meetings, "25h")
    qtbot.keyClicks(form.sleep, "plenty")
    qtbot.keyClick(form.sleep, Qt.Key.Key_Return)
    shown = {
        name: form.findChild(QLabel, f"error_{name}").isVisible()
        for name in ("coding_minutes", "meeting_minutes", "sleep_hours")
    }
    assert shown == {"coding_minutes": True, "meeting_minutes": True, "sleep_hours": True}
    assert "3 marked fields" in form.status.text()
    assert focused() is form.coding  # the first field at fault
    assert context.checkins.get(TODAY) is None
