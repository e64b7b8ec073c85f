"""The question after a crash: is the focus session FocusApp last saw running still running?"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from focusapp.ui.locale_text import moment_text
from focusapp.wording.translate import translate

if TYPE_CHECKING:
    import datetime as dt

    from PySide6.QtWidgets import QWidget


def session_still_running(parent: QWidget | None, started: dt.datetime, seen: dt.datetime) -> bool:
    """Ask about the session ``started`` that was running when FocusApp was last ``seen``.

    Returns ``False`` when the user says it ended then (its minutes are booked until then).
    The words keep the translation context ``Companion``, where they were first asked.
    """
    box = QMessageBox(parent)
    box.setWindowTitle(translate("Companion", "Focus session"))
    box.setText(
        translate(
            "Companion",
            "A focus session started at {started} was still running when FocusApp "
            "last ran ({seen}). Is it still running?",
        ).format(
            started=moment_text(started, translate("Companion", "ddd HH:mm")),
            seen=moment_text(seen, translate("Companion", "ddd HH:mm")),
        )
    )
    still = translate("Companion", "Still running")
    keep = box.addButton(still, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(
        translate("Companion", "It ended at {time}").format(time=f"{seen:%H:%M}"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.exec()
    return box.clickedButton() is keep
