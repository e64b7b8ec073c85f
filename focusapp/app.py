"""Composition root of the GUI: context, QApplication, main window. Heavy imports stay lazy."""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

logger = logging.getLogger(__name__)

EXIT_AFTER_READY_ENV = "FOCUSAPP_EXIT_AFTER_READY"
APP_ID = "io.github.focusapp.FocusApp"


def _make_application() -> QApplication:
    # pyqtgraph would pick PyQt6 first if both were installed.
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName("FocusApp")
    app.setOrganizationName("FocusApp")
    app.setApplicationDisplayName("FocusApp")
    app.setDesktopFileName(APP_ID)
    return app


def _show_fatal(message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None, "FocusApp cannot start", message)


def run_gui(data_dir: str | Path | None = None) -> int:
    """Start the window; return the process exit status."""
    from focusapp.context import open_context
    from focusapp.services.errors import StorageError
    from focusapp.storage.migrate import DatabaseTooNewError

    app = _make_application()
    exit_after_ready = os.environ.get(EXIT_AFTER_READY_ENV) == "1"
    try:
        context = open_context(data_dir)
    except (DatabaseTooNewError, StorageError, OSError) as error:
        print(f"focusapp: {error}", file=sys.stderr)  # noqa: T201 - also shown in a dialog
        if not exit_after_ready:
            _show_fatal(str(error))
        return 2

    from focusapp.ui.main_window import MainWindow

    window = MainWindow(context.checkins, context.paths.config_file.parent / "window.ini")
    if exit_after_ready:
        window.ready.connect(app.quit)
    window.show()
    status = app.exec()
    window.save_geometry()
    context.close()
    return status
