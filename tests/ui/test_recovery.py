"""The window after a troubled start, the backups dialog, "Delete all my data" and a full disk.

In-process tests drive the dialogs with qtbot; the end-to-end ones start the real GUI in a
process (``gui_autopilot.py``) on a damaged data folder and answer its dialogs.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

from focusapp.bootstrap import open_context
from focusapp.services.backups import StartupReport
from focusapp.services.wipe import DataWiper
from focusapp.ui.backup_dialog import BackupDialog
from focusapp.ui.main_window import MainWindow
from focusapp.ui.recovery import (
    RecoveryChoice,
    RecoveryDialog,
    ask_set_aside_newer_database,
    show_startup_report,
)
from tests.safety_support import DAMAGE_KINDS, damage, limit_pages, table_dump
from tests.ui.settle import settle

pytestmark = [
    pytest.mark.gui,
    # The offscreen platform says so for every dialog that Qt sizes (QMessageBox): harmless.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]
BERLIN_DAYS = [dt.date(2026, 10, d) for d in range(1, 15)]
AUTOPILOT = Path(__file__).with_name("gui_autopilot.py")


class Answers:
    """Clicks buttons of modal dialogs, by label, in order, as they appear.

    The click runs in its own timer event, so this poller keeps running inside the nested
    event loop of any dialog the click opens.
    """

    def __init__(self, *labels: str) -> None:
        self.left = list(labels)
        self.seen: list[str] = []
        self.pending = False
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    @staticmethod
    def _find(label: str) -> QAbstractButton | None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            return None
        for button in modal.findChildren(QAbstractButton):
            # Enabled too: a user waits for a button that is greyed out while work runs.
            if (
                button.isVisible()
                and button.isEnabled()
                and button.text().replace("&", "") == label
            ):
                return button
        return None

    def _tick(self) -> None:
        if self.pending or not self.left or self._find(self.left[0]) is None:
            return
        self.pending = True
        QTimer.singleShot(0, self._click)

    def _click(self) -> None:
        self.pending = False
        modal = QApplication.activeModalWidget()
        title = modal.windowTitle() if modal is not None else "?"
        # Look the button up last: PySide may wrap a stack-allocated QMessageBox afresh on
        # each call, which invalidates wrappers of its buttons taken before.
        button = self._find(self.left[0])
        if button is None:
            return
        self.seen.append(f"{title}: {self.left.pop(0)}")
        button.click()

    def wait(self, qtbot, timeout: int = 10_000) -> None:
        """Wait until every label was clicked (dialogs that open after background work)."""
        qtbot.waitUntil(lambda: not self.left, timeout=timeout)

    def finish(self) -> list[str]:
        self.timer.stop()
        assert self.left == [], f"never asked: {self.left}; answered: {self.seen}"
        return self.seen


def fill(context, days=BERLIN_DAYS) -> None:
    for i, day in enumerate(days):
        context.checkins.record(day, {"energy": i % 5 + 1, "note": "x" * 400})


@pytest.fixture
def used(data_dir, clock):
    context = open_context(data_dir, clock=clock)
    fill(context)
    context.backups.back_up()
    context.close()
    return data_dir


def make_window(qtbot, context, tmp_path) -> MainWindow:
    window = MainWindow(context.checkins, tmp_path / "window.ini")
    qtbot.addWidget(window)
    window.safety.attach(context.backups, DataWiper(context.paths, login_entry=False))
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot, window)
    return window


# --- the recovery dialog ------------------------------------------------------------------------


def test_recovery_dialog_buttons_follow_the_report(qtbot, tmp_path):
    plain = RecoveryDialog(StartupReport(messages=["Today's automatic backup failed."]), True)
    qtbot.addWidget(plain)
    assert plain.restore_button.isHidden() and plain.choose_button.isHidden()
    assert plain.continue_button.text().replace("&", "") == "Continue"

    damaged = StartupReport(
        messages=["damaged", "newest"], moved_aside=tmp_path / "x", offer_restore=True
    )
    dialog = RecoveryDialog(damaged, True)
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isHidden() and not dialog.choose_button.isHidden()
    assert dialog.continue_button.text().replace("&", "") == "Continue with an empty database"
    assert dialog.restore_button.isDefault()
    assert dialog.text.text() == "<p>damaged</p><p>newest</p>"
    dialog.choose_button.click()
    assert dialog.choice is RecoveryChoice.CHOOSE


def test_nothing_to_tell_shows_nothing(qtbot, context, tmp_path):
    window = make_window(qtbot, context, tmp_path)
    assert show_startup_report(window, StartupReport(), context.backups) is None


@pytest.mark.parametrize("kind", DAMAGE_KINDS)
def test_each_damage_starts_keeps_original_and_restore_works(qtbot, used, clock, tmp_path, kind):
    db_path = used / "focusapp.sqlite3"
    damage(db_path, kind)
    original = db_path.read_bytes()
    if kind == "newer-schema":
        # The window asks first; nothing moves unless the user agrees.
        answers = Answers("Set it aside and start anew")
        assert ask_set_aside_newer_database("This database was written by a newer FocusApp")
        answers.finish()
    context = open_context(used, clock=clock, newer_database="set_aside")
    try:
        report = context.startup_report
        assert report.moved_aside is not None and report.moved_aside.read_bytes() == original
        assert report.offer_restore
        window = make_window(qtbot, context, tmp_path)
        settle(qtbot, window)
        assert window.history_model.rowCount() == 0
        answers = Answers("Restore newest backup", "OK")
        choice = show_startup_report(window, report, context.backups)
        answers.wait(qtbot)  # the restore runs on the database worker, then says so
        seen = answers.finish()
        assert choice is RecoveryChoice.RESTORE_NEWEST
        assert seen[-1].startswith("Backup restored")
        assert [d.date for d in context.checkins.days()] == BERLIN_DAYS
        settle(qtbot, window)
        assert window.history_model.rowCount() == len(BERLIN_DAYS)  # the window refreshed
    finally:
        context.close()


def test_choose_an_older_backup(qtbot, used, clock, tmp_path):
    context = open_context(used, clock=clock)
    context.checkins.record(dt.date(2026, 10, 20), {"energy": 2})
    clock.advance(dt.timedelta(days=1))
    context.backups.back_up()  # newer backup with 15 days
    context.close()
    damage(used / "focusapp.sqlite3", "truncated")
    context = open_context(used, clock=clock)
    try:
        window = make_window(qtbot, context, tmp_path)
        older = context.backups.list_backups()[-1]
        assert older.days == len(BERLIN_DAYS)

        def pick_older() -> None:
            dialog = QApplication.activeModalWidget()
            # The backups are listed on the database worker, after the dialog opens.
            if isinstance(dialog, BackupDialog) and dialog.table.topLevelItemCount():
                picker.stop()
                item = dialog.table.topLevelItem(dialog.table.topLevelItemCount() - 1)
                assert item is not None
                dialog.table.setCurrentItem(item)
                assert item.text(2) == str(len(BERLIN_DAYS))  # the days column
                assert item.text(1) == "1 to 14 Oct 2026"  # the date range
                dialog.restore_button.click()

        picker = QTimer()
        picker.timeout.connect(pick_older)
        picker.start(20)
        answers = Answers("Choose backup...", "OK")
        assert show_startup_report(window, context.startup_report, context.backups) is (
            RecoveryChoice.CHOOSE
        )
        answers.finish()
        assert [d.date for d in context.checkins.days()] == BERLIN_DAYS
    finally:
        context.close()


def test_continue_with_an_empty_database(qtbot, used, clock, tmp_path):
    damage(used / "focusapp.sqlite3", "zeroed-page")
    context = open_context(used, clock=clock)
    try:
        window = make_window(qtbot, context, tmp_path)
        answers = Answers("Continue with an empty database")
        assert show_startup_report(window, context.startup_report, context.backups) is (
            RecoveryChoice.CONTINUE
        )
        answers.finish()
        assert context.checkins.days() == []
        assert context.startup_report.moved_aside is not None
        assert context.startup_report.moved_aside.exists()
    finally:
        context.close()


def test_newer_database_stays_when_the_user_declines(qtbot):
    answers = Answers("Close")
    assert not ask_set_aside_newer_database("This database was written by a newer FocusApp")
    answers.finish()


# --- File menu: restore, back up now, delete all my data ---------------------------------------


def test_restore_from_the_file_menu(qtbot, context, tmp_path, clock):
    fill(context, BERLIN_DAYS[:3])
    context.backups.back_up()
    clock.advance(dt.timedelta(minutes=1))
    context.checkins.record(dt.date(2026, 10, 30), {"energy": 1})
    window = make_window(qtbot, context, tmp_path)
    settle(qtbot, window)
    assert window.history_model.rowCount() == 4
    assert window.safety.restore_action.isEnabled()
    answers = Answers("Back up now", "OK", "Restore", "Yes", "OK")
    window.safety.restore_action.trigger()
    answers.finish()
    # "Back up now" made a second backup; the dialog selected the newest (4 days) by default.
    kinds = sorted(b.kind for b in context.backups.list_backups())
    assert kinds == ["manual", "manual", "pre-restore"]
    settle(qtbot, window)
    assert window.history_model.rowCount() == 4


def test_restore_cancelled_changes_nothing(qtbot, context, tmp_path):
    fill(context, BERLIN_DAYS[:3])
    context.backups.back_up()
    context.checkins.record(dt.date(2026, 10, 30), {"energy": 1})
    window = make_window(qtbot, context, tmp_path)
    before = table_dump(context.paths.db_path)
    answers = Answers("Restore", "Cancel")
    window.safety.restore_action.trigger()
    answers.finish()
    assert table_dump(context.paths.db_path) == before


def test_delete_all_data_asks_then_quits_for_the_wipe(qtbot, context, tmp_path, monkeypatch):
    fill(context, BERLIN_DAYS[:2])
    window = make_window(qtbot, context, tmp_path)
    quits: list[bool] = []
    window.quit_requested.connect(lambda: quits.append(True))
    answers = Answers("Cancel")
    window.safety.wipe_action.trigger()
    answers.finish()

    def requested() -> bool:  # read afresh: the dialog's answer changes it
        return window.safety.wipe_requested

    assert not requested() and quits == []
    answers = Answers("Delete everything")
    window.safety.wipe_action.trigger()
    answers.finish()
    assert requested() and quits == [True]
    assert context.paths.db_path.exists()  # deleted only after the event loop has ended


# --- a full disk while running --------------------------------------------------------------------


def test_full_disk_keeps_what_was_typed_and_the_window_running(
    qtbot, context, tmp_path, monkeypatch
):
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    window = make_window(qtbot, context, tmp_path)
    lift = limit_pages(context.engine)
    form = window.form
    form.energy.choose(4)
    form.coding.setText("2h")
    form.note.setText("n" * 4000)
    form.submit()
    settle(qtbot, window)
    assert warnings and "disk is full" in warnings[0]
    assert "What you typed is kept" in form.status.text()
    assert form.coding.text() == "2h" and form.energy.value() == 4
    assert context.checkins.days() == []
    lift()
    form.submit()  # space again: the same form saves
    settle(qtbot, window)
    assert len(context.checkins.days()) == 1


# --- the real GUI, in a process -------------------------------------------------------------------


def autopilot(data_dir: Path, *steps: str, exit_after_ready: bool = False):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("FOCUSAPP_DATA_DIR", None)
    if exit_after_ready:
        env["FOCUSAPP_EXIT_AFTER_READY"] = "1"
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, str(AUTOPILOT), str(data_dir), *steps],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert "stuck" not in result.stdout, result.stdout + result.stderr
    return result, time.monotonic() - started


def cli_days(data_dir: Path) -> list[dt.date]:
    context = open_context(data_dir)
    try:
        return [d.date for d in context.checkins.days()]
    finally:
        context.close()


@pytest.mark.parametrize("kind", DAMAGE_KINDS)
def test_real_gui_starts_on_damage_and_restores(used, kind):
    damage(used / "focusapp.sqlite3", kind)
    original = (used / "focusapp.sqlite3").read_bytes()
    steps = ["click:Restore newest backup", "click:OK", "quit"]
    if kind == "newer-schema":
        steps.insert(0, "click:Set it aside and start anew")
    result, _ = autopilot(used, *steps)
    assert "status: 0" in result.stdout, result.stdout + result.stderr
    assert "steps left: []" in result.stdout
    label = "newer" if kind == "newer-schema" else "damaged"
    kept = list(used.glob(f"focusapp.sqlite3.{label}-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == original
    assert cli_days(used) == BERLIN_DAYS


def test_real_gui_exit_after_ready_starts_on_damage(used):
    damage(used / "focusapp.sqlite3", "random-bytes")
    result, _ = autopilot(used, exit_after_ready=True)
    assert "status: 0" in result.stdout, result.stdout + result.stderr
    assert "damaged" in result.stderr
    assert len(list(used.glob("focusapp.sqlite3.damaged-*"))) == 1


def test_real_gui_refuses_newer_database_without_asking_when_unattended(used):
    damage(used / "focusapp.sqlite3", "newer-schema")
    before = (used / "focusapp.sqlite3").read_bytes()
    result, _ = autopilot(used, exit_after_ready=True)
    assert "status: 2" in result.stdout
    assert "newer FocusApp" in result.stderr
    assert (used / "focusapp.sqlite3").read_bytes() == before


def test_real_gui_backs_up_on_quit(used):
    result, _ = autopilot(used, "quit")
    assert "status: 0" in result.stdout, result.stdout + result.stderr
    assert any("-quit" in p.name for p in (used / "backups").iterdir())


def test_real_gui_delete_all_my_data(used):
    (used / "my-notes.txt").write_text("mine")
    result, _ = autopilot(used, "trigger:wipe_action", "click:Delete everything", "click:OK")
    assert "status: 0" in result.stdout, result.stdout + result.stderr
    assert "steps left: []" in result.stdout
    left = sorted(str(p.relative_to(used)) for p in used.rglob("*"))
    assert left == ["my-notes.txt"], left  # no database, backups, window.ini, state, settings
