"""Drive the settings dialog with keyboard and mouse and check the Settings it returns."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTimeEdit,
    QWidget,
)

from focusapp.domain.review_schedule import ReviewMoment
from focusapp.settings.specs import accepted_form
from focusapp.settings.values import DEFAULT_SETTINGS, Settings
from focusapp.ui.settings.dialog import SettingsDialog
from focusapp.ui.settings.fields import FIELD_LABELS

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

pytestmark = [
    pytest.mark.gui,
    # The offscreen platform cannot pass a dialog's minimum size to a window manager and
    # says so whenever the layout sets it; xcb, Wayland, Windows and macOS all can.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

CUSTOM = dataclasses.replace(
    DEFAULT_SETTINGS,
    reminder_time=dt.time(16, 45),
    workdays=frozenset({0, 2, 4}),
    snooze_minutes=20,
    day_start_hour=5,
    meeting_budget_minutes=150,
    focus_length_minutes=50,
    theme="light",
    start_at_login=True,
    tray_icon=False,
    calendar_my_addresses=("me@example.com",),
    calendar_work_hours=(dt.time(8), dt.time(16, 30)),
    calendar_not_meeting_patterns=("lunch",),
    calendar_only_with_attendees=True,
    calendar_watch_files=("/cal/a.ics", "/cal/with,comma.ics", "/cal/c.ics"),
    forecast_days=21,
    review_moment=ReviewMoment(6, dt.time(18, 30)),
)


class FakeChooser:
    """Stands in for the file dialog: returns prepared answers and records the start folder."""

    def __init__(self, *answers: list[str]) -> None:
        self.answers = list(answers)
        self.start_dirs: list[str] = []

    def __call__(self, parent: QWidget, start_dir: str) -> list[str]:
        assert isinstance(parent, SettingsDialog)
        self.start_dirs.append(start_dir)
        return self.answers.pop(0)


def make_dialog(
    qtbot: QtBot, settings: Settings = DEFAULT_SETTINGS, chooser: FakeChooser | None = None
) -> SettingsDialog:
    dialog = SettingsDialog(settings, choose_files=chooser or FakeChooser())
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    return dialog


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def ok_button(dialog: SettingsDialog) -> QPushButton:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def error_label(dialog: SettingsDialog, key: str) -> QLabel:
    label = dialog.findChild(QLabel, f"error_{key}")
    assert isinstance(label, QLabel)
    return label


def replace_text(widget: QWidget, text: str) -> None:
    """Select everything in a text field or spin box and type ``text`` over it."""
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(widget, text)


def click(button: QAbstractButton) -> None:
    """Click a button; a check box on its box, as a check box spanning a row is wide."""
    if isinstance(button, QCheckBox):
        position = QPoint(8, button.height() // 2)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=position)
    else:
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press_alt(letter: str) -> None:
    """Press Alt and ``letter`` where the keyboard focus is, as a person would."""
    QTest.keyClick(focused(), Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier)


def type_time(qtbot: QtBot, edit: QTimeEdit, digits: str) -> None:
    """Move into a time field (which selects its hours) and type ``HHMM``."""
    focus(qtbot, edit)
    QTest.keyClicks(edit, digits)


def test_fields_show_the_given_settings(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, CUSTOM)
    assert dialog.reminder_time.time().toString("HH:mm") == "16:45"
    assert [box.isChecked() for box in dialog.workdays] == [1, 0, 1, 0, 1, 0, 0]
    assert (dialog.snooze.value(), dialog.day_start.value()) == (20, 5)
    assert dialog.budget.text() == "2h30"
    assert dialog.focus_length.value() == 50
    assert dialog.theme.currentText() == "Light"
    assert (dialog.tray_icon.isChecked(), dialog.start_at_login.isChecked()) == (False, True)
    assert dialog.addresses.text() == "me@example.com"
    assert dialog.work_start.time().toString("HH:mm") == "08:00"
    assert dialog.work_end.time().toString("HH:mm") == "16:30"
    assert dialog.patterns.text() == "lunch"
    assert dialog.only_with_attendees.isChecked()
    assert dialog.file_paths() == ["/cal/a.ics", "/cal/with,comma.ics", "/cal/c.ics"]
    assert ok_button(dialog).isEnabled()
    assert not any(error_label(dialog, key).isVisible() for key in FIELD_LABELS)


def test_ok_without_changes_returns_the_same_settings(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, CUSTOM)
    with qtbot.waitSignal(dialog.settings_submitted) as blocker:
        click(ok_button(dialog))
    assert blocker.args == [CUSTOM]
    assert dialog.result_settings() == CUSTOM
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_typing_and_clicking_every_field(qtbot: QtBot, tmp_path: Path) -> None:
    chooser = FakeChooser([str(tmp_path / "work.ics"), str(tmp_path / "team.ics")])
    dialog = make_dialog(qtbot, chooser=chooser)

    type_time(qtbot, dialog.reminder_time, "0815")
    click(dialog.workdays[0])  # Monday off
    click(dialog.workdays[5])  # Saturday on
    replace_text(dialog.snooze, "30")
    replace_text(dialog.day_start, "6")
    replace_text(dialog.budget, "1h45")
    replace_text(dialog.focus_length, "120")
    QTest.keyClick(dialog.theme, Qt.Key.Key_End)  # the last choice: Dark
    click(dialog.tray_icon)
    click(dialog.start_at_login)
    QTest.keyClicks(dialog.addresses, "Me@Example.com, me@work.example")
    type_time(qtbot, dialog.work_start, "0730")
    type_time(qtbot, dialog.work_end, "1600")
    replace_text(dialog.patterns, "Lunch, standup break")
    click(dialog.only_with_attendees)
    click(dialog.add_file_button)

    with qtbot.waitSignal(dialog.settings_submitted) as blocker:
        click(ok_button(dialog))
    expected = Settings(
        reminder_time=dt.time(8, 15),
        workdays=frozenset({1, 2, 3, 4, 5}),
        snooze_minutes=30,
        day_start_hour=6,
        meeting_budget_minutes=105,
        focus_length_minutes=120,
        theme="dark",
        start_at_login=True,
        tray_icon=False,
        calendar_my_addresses=("me@example.com", "me@work.example"),
        calendar_work_hours=(dt.time(7, 30), dt.time(16)),
        calendar_not_meeting_patterns=("lunch", "standup break"),
        calendar_only_with_attendees=True,
        calendar_watch_files=(str(tmp_path / "work.ics"), str(tmp_path / "team.ics")),
    )
    assert blocker.args == [expected]
    assert dialog.result_settings() == expected
    assert not dialog.isVisible()


def test_invalid_budget_shows_a_message_and_does_not_accept(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    replace_text(dialog.budget, "lots")
    message = error_label(dialog, "meetings.daily_budget")
    assert message.isVisible()
    assert message.text().startswith("Daily budget: 'lots' is not a duration")
    assert accepted_form("meetings.daily_budget") in message.text()
    assert not ok_button(dialog).isEnabled()

    with qtbot.assertNotEmitted(dialog.settings_submitted):
        QTest.keyClick(dialog.budget, Qt.Key.Key_Return)
        dialog.accept()  # even when asked directly, e.g. by a default-button press
    assert dialog.isVisible()
    assert dialog.result_settings() is None

    replace_text(dialog.budget, "25h")
    assert "more than 24h" in message.text()
    replace_text(dialog.budget, "90m")
    assert not message.isVisible()
    assert ok_button(dialog).isEnabled()
    with qtbot.waitSignal(dialog.settings_submitted) as blocker:
        QTest.keyClick(dialog.budget, Qt.Key.Key_Return)
    assert blocker.args[0].meeting_budget_minutes == 90


def test_work_hours_must_start_before_they_end(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    type_time(qtbot, dialog.work_start, "1800")
    message = error_label(dialog, "calendar.work_hours")
    assert message.isVisible()
    assert message.text().startswith("Work hours: '18:00-17:00' does not start before it ends")
    assert not ok_button(dialog).isEnabled()
    type_time(qtbot, dialog.work_end, "1900")
    assert not message.isVisible()
    assert ok_button(dialog).isEnabled()


def test_bad_address_is_named(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    QTest.keyClicks(dialog.addresses, "me@example.com, nobody")
    message = error_label(dialog, "calendar.my_addresses")
    assert message.isVisible()
    assert message.text().startswith("My e-mail addresses: 'nobody' is not an e-mail address")
    assert not ok_button(dialog).isEnabled()
    result = dialog.edited_settings()
    assert isinstance(result, dict)
    assert list(result) == ["calendar.my_addresses"]


def test_no_workdays_is_allowed(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    for box in dialog.workdays:
        if box.isChecked():
            click(box)
    dialog.accept()
    result = dialog.result_settings()
    assert result is not None
    assert result.workdays == frozenset()


def test_add_files_skips_duplicates_and_cancel(qtbot: QtBot) -> None:
    chooser = FakeChooser(["/cal/new.ics", "/cal/a.ics"], [])
    dialog = make_dialog(qtbot, CUSTOM, chooser)
    click(dialog.add_file_button)
    assert dialog.file_paths() == [
        "/cal/a.ics",
        "/cal/with,comma.ics",
        "/cal/c.ics",
        "/cal/new.ics",
    ]
    click(dialog.add_file_button)  # cancelled: nothing chosen
    assert len(dialog.file_paths()) == 4
    assert chooser.start_dirs == ["/cal", "/cal"]


def test_add_starts_in_the_home_folder_without_files(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    chooser = FakeChooser([])
    dialog = make_dialog(qtbot, chooser=chooser)
    click(dialog.add_file_button)
    assert chooser.start_dirs == [str(tmp_path)]


def test_remove_selected_files(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, CUSTOM)
    assert not dialog.remove_file_button.isEnabled()
    dialog.files.setCurrentRow(1)
    assert dialog.remove_file_button.isEnabled()
    click(dialog.remove_file_button)
    assert dialog.file_paths() == ["/cal/a.ics", "/cal/c.ics"]
    assert dialog.files.currentRow() == 1  # the next file, ready for another Remove
    dialog.files.clearSelection()
    assert not dialog.remove_file_button.isEnabled()
    dialog.accept()
    result = dialog.result_settings()
    assert result is not None
    assert result.calendar_watch_files == ("/cal/a.ics", "/cal/c.ics")


def test_delete_key_is_the_remove_shortcut(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, CUSTOM)
    actions = dialog.files.actions()
    assert [action.shortcut().toString() for action in actions] == ["Del"]
    assert actions[0].shortcutContext() == Qt.ShortcutContext.WidgetShortcut
    dialog.files.setCurrentRow(0)
    actions[0].trigger()
    assert dialog.file_paths() == ["/cal/with,comma.ics", "/cal/c.ics"]


def test_restore_defaults(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, CUSTOM)
    restore = dialog.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
    click(restore)
    assert dialog.isVisible()
    assert dialog.budget.text() == "4h"
    dialog.accept()
    assert dialog.result_settings() == DEFAULT_SETTINGS


def test_cancel_returns_nothing(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    replace_text(dialog.budget, "2h")
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    with qtbot.assertNotEmitted(dialog.settings_submitted):
        click(cancel)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.result_settings() is None


def test_every_mnemonic_is_unique_and_moves_focus(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    targets: dict[str, QWidget] = {}
    for label in dialog.findChildren(QLabel):
        match = re.search(r"&(\w)", label.text())
        if match:
            buddy = label.buddy()
            assert buddy is not None, label.text()
            assert match[1].lower() not in targets, label.text()
            targets[match[1].lower()] = buddy
    for button in dialog.findChildren(QAbstractButton):
        match = re.search(r"&(\w)", button.text())
        if match:
            assert match[1].lower() not in targets, button.text()
            targets[match[1].lower()] = button
    assert len(targets) == 18
    assert targets["v"] is dialog.review_on
    assert targets["k"] is dialog.forecast_days
    assert targets["b"] is dialog.budget
    assert targets["d"] is dialog.workdays[0]
    assert targets["c"] is dialog.files
    for letter, target in targets.items():
        if isinstance(target, QAbstractButton):
            continue  # Alt+letter clicks a button or check box; see the next test
        focus(qtbot, dialog.reminder_time if target is not dialog.reminder_time else dialog.theme)
        press_alt(letter)
        assert QApplication.focusWidget() is target, letter


def test_mnemonic_toggles_a_check_box(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    # A button's mnemonic animates a click, so the change lands a moment later.
    press_alt("l")
    qtbot.waitUntil(dialog.start_at_login.isChecked)
    press_alt("o")
    qtbot.waitUntil(dialog.only_with_attendees.isChecked)
    assert dialog.tray_icon.isChecked() is DEFAULT_SETTINGS.tray_icon  # the others untouched


def test_tab_moves_down_the_left_column_then_the_right(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, CUSTOM)
    dialog.files.setCurrentRow(0)  # makes Remove reachable
    expected: list[QWidget] = [
        dialog.reminder_time,
        *dialog.workdays,
        dialog.snooze,
        dialog.day_start,
        dialog.budget,
        dialog.focus_length,
        dialog.start_at_login,
        dialog.review_on,
        dialog.review_day,
        dialog.review_time,
        dialog.forecast_days,
        dialog.theme,
        dialog.tray_icon,
        dialog.addresses,
        dialog.work_start,
        dialog.work_end,
        dialog.patterns,
        dialog.only_with_attendees,
        dialog.files,
        dialog.add_file_button,
        dialog.remove_file_button,
        *dialog.buttons.buttons(),
    ]
    assert QApplication.focusWidget() is dialog.reminder_time
    seen: list[QWidget | None] = [dialog.reminder_time]
    for _ in expected[1:]:
        # Tab first steps through the hours and minutes of a time field, as in every Qt app.
        for _press in range(3):
            QTest.keyClick(focused(), Qt.Key.Key_Tab)
            if QApplication.focusWidget() is not seen[-1]:
                break
        seen.append(QApplication.focusWidget())
    assert seen == expected


def test_keyboard_only_edit(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    QTest.keyClicks(dialog.reminder_time, "0745")  # focus starts here, hours selected
    press_alt("b")
    QTest.keyClick(dialog.budget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(dialog.budget, "3h")
    press_alt("w")
    QTest.keyClicks(dialog.work_start, "0800")
    QTest.keyClick(dialog.work_start, Qt.Key.Key_Tab)
    QTest.keyClicks(dialog.work_end, "1630")
    with qtbot.waitSignal(dialog.settings_submitted) as blocker:
        QTest.keyClick(dialog.work_end, Qt.Key.Key_Return)
    assert blocker.args == [
        dataclasses.replace(
            DEFAULT_SETTINGS,
            reminder_time=dt.time(7, 45),
            meeting_budget_minutes=180,
            calendar_work_hours=(dt.time(8), dt.time(16, 30)),
        )
    ]


def test_first_field_has_focus_when_shown(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    assert dialog.focusWidget() is dialog.reminder_time


def test_the_weekly_review_can_be_moved_or_turned_off(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, CUSTOM)
    assert dialog.review_on.isChecked()
    assert dialog.review_day.currentIndex() == 6 and dialog.forecast_days.value() == 21
    dialog.review_day.setCurrentIndex(0)
    dialog.review_time.setTime(QTime(9, 15))
    settings = dialog.edited_settings()
    assert isinstance(settings, Settings)
    assert settings.review_moment == ReviewMoment(0, dt.time(9, 15))
    click(dialog.review_on)
    assert not dialog.review_day.isEnabled() and not dialog.review_time.isEnabled()
    settings = dialog.edited_settings()
    assert isinstance(settings, Settings) and settings.review_moment is None
