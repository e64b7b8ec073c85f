"""The backups dialog as a keyboard user meets it (issue 12, item 8)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from focusapp.storage.backup.write import backup_if_due
from focusapp.ui.backup_dialog import BackupDialog
from focusapp.ui.backup_texts import describe_range
from tests.conftest import BERLIN
from tests.safety_support import table_dump
from tests.ui.test_recovery import Answers, fill, make_window

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]
DAYS = [dt.date(2026, 9, 19) + dt.timedelta(days=i) for i in range(43)]  # 19 Sep to 31 Oct


@pytest.mark.parametrize(
    ("first", "last", "text"),
    [
        (dt.date(2026, 10, 19), dt.date(2026, 11, 30), "19 Oct to 30 Nov 2026"),
        (dt.date(2026, 10, 1), dt.date(2026, 10, 14), "1 to 14 Oct 2026"),
        (dt.date(2026, 11, 30), dt.date(2026, 11, 30), "30 Nov 2026"),
        (dt.date(2025, 12, 19), dt.date(2026, 1, 3), "19 Dec 2025 to 3 Jan 2026"),
    ],
)
def test_date_ranges_read_naturally(first, last, text):
    assert describe_range(first, last) == text


def test_enter_never_restores(qtbot, context, clock):
    fill(context, DAYS[:3])
    context.backups.back_up()
    clock.advance(dt.timedelta(minutes=1))
    context.checkins.record(DAYS[5], {"energy": 1})
    before = table_dump(context.paths.db_path)
    dialog = BackupDialog(context.backups.list_backups())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.selected_backup() is not None  # a backup is selected, Restore enabled
    assert dialog.restore_button.isEnabled()
    assert not dialog.restore_button.isDefault()
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.isVisible()  # Enter closed the dialog (Close is the default)
    assert table_dump(context.paths.db_path) == before


def test_restore_still_works_when_clicked(qtbot, context):
    fill(context, DAYS[:3])
    context.backups.back_up()
    dialog = BackupDialog(context.backups.list_backups())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_back_up_now_keeps_earlier_backups_and_says_what_it_did(
    qtbot, context, clock, tmp_path, monkeypatch
):
    fill(context, DAYS)
    daily = backup_if_due(context.paths.db_path, context.backups.backups_dir, clock.now(), BERLIN)
    assert daily is not None
    window = make_window(qtbot, context, tmp_path)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    clock.advance(dt.timedelta(minutes=5))
    answers = Answers("Back up now", "Back up now", "Close")
    window.safety.restore_action.trigger()
    answers.finish()
    backups = context.backups.list_backups()
    assert daily.name in {b.name for b in backups}  # not replaced by "Back up now"
    assert sorted(b.kind for b in backups) == ["daily", "manual", "manual"]
    assert len(told) == 2
    assert told[0].startswith("Backed up 43 days (19 Sep to 31 Oct 2026) to focusapp-")
    assert ".sqlite3." in told[0]
