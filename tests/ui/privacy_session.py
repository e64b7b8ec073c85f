"""A whole GUI session, driven like a person would, for the strace privacy test.

Usage: python privacy_session.py DATA_DIR IMPORT_CSV EXPORT_CSV

Starts the real app (``run_gui``: window, tray companion, single-instance socket, file
watcher), then, once the data is shown: checks in through the form, opens the dashboard
if there is one, imports a CSV and exports one through the File menu (the file dialogs
answered with the given paths), opens "Restore from backup...", makes a backup there, and
quits (which makes the quit backup). Prints ``session: ...`` lines and exits 0 when all
steps ran.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from focusapp.app import make_application, run_gui
from focusapp.ui.backup_dialog import BackupDialog
from focusapp.ui.main_window import MainWindow

done: list[str] = []


def say(step: str) -> None:
    done.append(step)
    print(f"session: {step}", flush=True)


def window() -> MainWindow | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.attached:
            return widget
    return None


def main() -> int:
    data_dir, import_csv, export_csv = sys.argv[1:4]
    make_application()
    # File dialogs and message boxes answer themselves; everything else is the real code.
    QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: (import_csv, ""))  # type: ignore[method-assign]
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (export_csv, "CSV (*.csv)"))  # type: ignore[method-assign]
    for name in ("information", "warning", "critical"):
        setattr(QMessageBox, name, staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok))
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)  # type: ignore[method-assign]

    def in_backup_dialog() -> None:
        # The backups are listed (and made) on the database worker; the dialog waits.
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, BackupDialog) or not dialog.close_button.isEnabled():
            QTimer.singleShot(50, in_backup_dialog)
            return
        dialog.backup_requested.emit()
        after_backup(dialog)

    def after_backup(dialog: BackupDialog) -> None:
        if not dialog.close_button.isEnabled():
            QTimer.singleShot(50, lambda: after_backup(dialog))
            return
        say(f"backups listed: {dialog.table.topLevelItemCount()}")
        dialog.reject()

    def drive() -> None:
        win = window()
        if win is None or win.hub is None:  # the data is not attached yet
            QTimer.singleShot(50, drive)
            return

        def saved() -> None:
            win.saved.disconnect(saved)
            say(f"checked in: {win.form.status.text()}")
            wait_for_dashboard(win, 100)

        win.saved.connect(saved)
        win.form.energy.choose(4)
        win.form.coding.setText("1h30")
        win.form.meetings.setText("2h")
        win.form.submit()

    def wait_for_dashboard(win: MainWindow, tries: int) -> None:
        # The dashboard (charts) loads after the first paint, when the window has one.
        if getattr(win, "dashboard", None) is None and tries > 0:
            QTimer.singleShot(50, lambda: wait_for_dashboard(win, tries - 1))
            return
        if getattr(win, "dashboard", None) is not None:
            say("dashboard shown")
        win.menus.import_action.trigger()
        wait_for_import(win, 200)

    def wait_for_import(win: MainWindow, tries: int) -> None:
        # The file is read and stored on the database worker; the status bar says when.
        if not win.statusBar().currentMessage().startswith("Imported") and tries > 0:
            QTimer.singleShot(50, lambda: wait_for_import(win, tries - 1))
            return
        say("imported")

        def exported() -> None:
            win.files.exported.disconnect(exported)
            say("exported")
            QTimer.singleShot(0, in_backup_dialog)
            win.safety.restore_action.trigger()
            say("restore dialog closed")
            QTimer.singleShot(200, win.quit_requested.emit)

        win.files.exported.connect(exported)
        win.menus.export_action.trigger()

    QTimer.singleShot(0, drive)
    status = run_gui(data_dir)
    say(f"status {status}")
    return 0 if status == 0 and len(done) >= 6 else 1


if __name__ == "__main__":
    sys.exit(main())
