"""The window asks "Which address is yours?" at the first import; the audit excludes events."""

from __future__ import annotations

import datetime as dt
import tomllib
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt

from focusapp.ui.calendar_importer import CalendarImporter
from focusapp.ui.calendar_owner import OwnerDialog, OwnerQuestion
from focusapp.ui.main_window import MainWindow

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QTableWidget

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]
MONDAY = dt.date(2026, 11, 2)  # the clock fixture's day before


def invitation(uid: str, start: str, end: str, partstat: str, other: str = "boss") -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:{uid}\r\nDTSTART:{start}\r\nDTEND:{end}\r\n"
        f"ORGANIZER:mailto:{other}@example.org\r\n"
        f"ATTENDEE;PARTSTAT={partstat};CN=Me:mailto:me@example.org\r\n"
        f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{other}@example.org\r\n"
        "END:VEVENT\r\n"
    )


@pytest.fixture
def cal(tmp_path: Path) -> Path:
    # Monday in Berlin (UTC+1): 09:00-10:00 declined, 10:00-10:30 accepted, 10:15-11:00 accepted.
    body = (
        invitation("declined", "20261102T080000Z", "20261102T090000Z", "DECLINED")
        + invitation("standup", "20261102T090000Z", "20261102T093000Z", "ACCEPTED")
        + invitation("review", "20261102T091500Z", "20261102T100000Z", "ACCEPTED")
        + invitation("later", "20261103T090000Z", "20261103T093000Z", "ACCEPTED", "ann")
    )
    path = tmp_path / "work.ics"
    path.write_text(
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n{body}END:VCALENDAR\r\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def window(qtbot, context, tmp_path):
    importer = CalendarImporter(context.calendar)
    win = MainWindow(context.checkins, tmp_path / "window.ini")
    qtbot.addWidget(win)
    win.calendar.attach(context.calendar, importer, win.hub)
    win.calendar.ask_owner_with(OwnerQuestion(context))
    win.show()
    qtbot.waitExposed(win)
    yield win
    importer.wait()


def ask(qtbot, window, cal: Path) -> OwnerDialog:
    window.calendar.import_file(str(cal))
    dialog = window.calendar.owner_dialog
    assert isinstance(dialog, OwnerDialog)
    qtbot.waitExposed(dialog)
    return dialog


def minutes(context) -> int:
    return context.calendar.days(MONDAY, MONDAY)[MONDAY].meeting_minutes


def test_enter_confirms_the_first_address_and_declines_then_count(
    qtbot, window, context, data_dir, cal
):
    dialog = ask(qtbot, window, cal)
    assert not context.calendar.sources()  # nothing is stored before the answer
    items = [dialog.addresses.item(i).text() for i in range(dialog.addresses.count())]
    assert items == [
        "me@example.org (in 4 events)",
        "boss@example.org (in 3 events)",
        "ann@example.org (in 1 event)",
    ]
    assert dialog.addresses.currentRow() == 0  # preselected: Enter confirms it
    with qtbot.waitSignal(window.calendar.imported, timeout=20_000):
        qtbot.keyClick(dialog.addresses, Qt.Key.Key_Return)
    stored = tomllib.loads((data_dir / "settings.toml").read_text(encoding="utf-8"))
    assert stored["calendar"]["my_addresses"] == "me@example.org"
    assert context.settings.calendar_my_addresses == ("me@example.org",)
    assert minutes(context) == 60  # 10:00-11:00; the declined 09:00-10:00 is left out
    # Known now: the next import asks nothing.
    window.calendar.result_dialog.close()
    window.calendar.import_file(str(cal))
    assert window.calendar.owner_dialog is None


def test_none_of_these_leaves_the_setting_unset(qtbot, window, context, data_dir, cal):
    dialog = ask(qtbot, window, cal)
    with qtbot.waitSignal(window.calendar.imported, timeout=20_000):
        qtbot.keyClick(dialog.addresses, Qt.Key.Key_Escape)
    assert not (data_dir / "settings.toml").exists()
    assert context.settings.calendar_my_addresses == ()
    assert minutes(context) == 120  # the declined meeting counts: no address is known


def status(table: QTableWidget, title: str, column: int = 2) -> str:
    for row in range(table.rowCount()):
        if table.item(row, 1).text() == title:
            return table.item(row, column).text()
    raise AssertionError(title)


def test_the_audit_excludes_an_event_marks_overlaps_and_counts_it_again(
    qtbot, window, context, cal
):
    context.calendar.import_file(cal)
    assert minutes(context) == 120
    dialog = window.calendar.open_day(MONDAY)
    with qtbot.waitSignal(dialog.loaded):
        qtbot.waitExposed(dialog)
    table = dialog.table
    assert status(table, "standup", 4) == "overlaps 10:15-10:30 with review; counted once"
    assert status(table, "declined", 4) == ""
    buttons = dialog.exclusion_buttons
    row = next(r for r in range(table.rowCount()) if table.item(r, 1).text() == "review")
    table.setCurrentCell(row, 0)
    assert buttons.exclude_button.isEnabled() and not buttons.include_button.isEnabled()
    with qtbot.waitSignals([window.calendar.imported, dialog.loaded]):
        qtbot.mouseClick(buttons.exclude_button, Qt.MouseButton.LeftButton)
    assert minutes(context) == 90
    assert status(table, "review") == "Left out: excluded by you"
    assert status(table, "standup", 4) == ""
    assert buttons.include_button.isEnabled() and not buttons.exclude_button.isEnabled()
    # A re-import of the file does not bring it back.
    context.calendar.import_file(cal, force=True)
    assert minutes(context) == 90
    with qtbot.waitSignal(dialog.loaded):
        qtbot.mouseClick(buttons.include_button, Qt.MouseButton.LeftButton)
    assert minutes(context) == 120
    assert status(table, "review") == "Counted"
    dialog.close()
