"""The import preview: what a file would add, and a choice when it differs from stored days."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from focusapp.domain.imports import ImportChoice
from focusapp.wording.dates import day_text as wording_day_text

if TYPE_CHECKING:
    from focusapp.domain.imports import ImportPlan


def ask_import_choice(parent: QWidget | None, name: str, plan: ImportPlan) -> ImportChoice | None:
    """Return how to import ``plan``, asking only when stored days differ; ``None`` cancels.

    Enter never overwrites: the default button keeps the stored days.
    """
    if not plan.different:
        if not plan.new:
            QMessageBox.information(
                parent,
                QCoreApplication.translate("ImportDialog", "Nothing to import"),
                QCoreApplication.translate(
                    "ImportDialog", "Every day in {name} is already stored with the same values."
                ).format(name=name),
            )
            return None
        return ImportChoice.ASK
    days = sorted(plan.different)
    shown = ", ".join(wording_day_text(day) for day in days[:5])
    if len(days) > 5:
        shown += QCoreApplication.translate("ImportDialog", " and {count} more").format(
            count=len(days) - 5
        )
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("ImportDialog", "Import check-ins"))
    box.setText(
        QCoreApplication.translate(
            "ImportDialog", "{different} days in {name} differ from what is stored."
        ).format(different=len(days), name=name)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "ImportDialog",
            "New days: {new}. Already the same: {same}. Different: {shown}.\n\n"
            "Use the file's values for the days that differ (a backup is made first), "
            "or keep what is stored and add only the new days?",
        ).format(new=len(plan.new), same=len(plan.same), shown=shown)
    )
    overwrite = box.addButton(
        QCoreApplication.translate("ImportDialog", "Use the file's values"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    keep = box.addButton(
        QCoreApplication.translate("ImportDialog", "Keep what is stored"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    box.exec()
    clicked = box.clickedButton()
    if clicked is overwrite:
        return ImportChoice.OVERWRITE
    if clicked is keep:
        return ImportChoice.KEEP
    return None


def import_summary(name: str, plan: ImportPlan, choice: ImportChoice) -> str:
    """Return the status-bar line after an import."""
    written = len(plan.new) + (len(plan.different) if choice is ImportChoice.OVERWRITE else 0)
    return QCoreApplication.translate(
        "ImportDialog", "Imported {written} days from {name} ({same} already the same)."
    ).format(written=written, name=name, same=len(plan.same))
