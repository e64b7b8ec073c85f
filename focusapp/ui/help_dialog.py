"""The "Get help" dialog: where to find help, and what the burnout-risk signal is and is not.

Plain text only: nothing here is a link and nothing is fetched, so the dialog works offline
and never opens a browser by accident.
"""

from __future__ import annotations

from html import escape
from typing import Final

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from focusapp.domain.risk import ABOUT_TEXT, DISCLAIMER, FACTORS, MAX_POINTS
from focusapp.wording.levels import risk_text
from focusapp.wording.translate import QT_TRANSLATE_NOOP

#: The crisis-line sentence of the spec's "very high" wording (RISK_MODEL.md 4.10).
CRISIS_TEXT: Final = QT_TRANSLATE_NOOP(
    "HelpDialog",
    "If you are struggling to cope or having thoughts of harming yourself, contact local "
    "emergency services or a crisis line now (US: call or text 988; UK & Ireland: Samaritans "
    "116 123; other countries: findahelpline.com).",
)
FACTOR_NAMES: Final = {
    "exhaustion": QT_TRANSLATE_NOOP("HelpDialog", "Exhaustion"),
    "meeting_load": QT_TRANSLATE_NOOP("HelpDialog", "Meeting load"),
    "work_volume": QT_TRANSLATE_NOOP("HelpDialog", "Work volume"),
    "deep_work": QT_TRANSLATE_NOOP("HelpDialog", "Deep work"),
    "recovery": QT_TRANSLATE_NOOP("HelpDialog", "Recovery"),
}
_FACTOR_HINTS: Final = {
    "exhaustion": QT_TRANSLATE_NOOP(
        "HelpDialog", "low energy on work days, against fixed anchors and your usual"
    ),
    "meeting_load": QT_TRANSLATE_NOOP(
        "HelpDialog", "meeting hours per work day and the meeting share of work time"
    ),
    "work_volume": QT_TRANSLATE_NOOP(
        "HelpDialog", "hours per week and per work day, against 55 h and 11 h anchors"
    ),
    "deep_work": QT_TRANSLATE_NOOP(
        "HelpDialog", "a drop in coding or deep-work time, or fragmented calendar days"
    ),
    "recovery": QT_TRANSLATE_NOOP(
        "HelpDialog", "days worked in a row without a rest day, and short sleep"
    ),
}


def factor_name(name: str) -> str:
    """Return the display name of the risk factor ``name`` ("Meeting load"), translated."""
    return QCoreApplication.translate("HelpDialog", FACTOR_NAMES[name])


def _tr(text: str) -> str:
    return QCoreApplication.translate("HelpDialog", text)


def help_text() -> str:
    """Return the dialog's content as HTML: help first, then what the signal is."""
    about = risk_text(ABOUT_TEXT)
    heading, _, body = about.partition(". ")
    rows = "".join(
        "<li>"
        + QCoreApplication.translate(
            "HelpDialog", "<b>{factor}</b> (up to {points:g} points): {hint}"
        ).format(
            factor=factor_name(name), points=MAX_POINTS[name], hint=escape(_tr(_FACTOR_HINTS[name]))
        )
        + "</li>"
        for name in FACTORS
    )
    return (
        QCoreApplication.translate(
            "HelpDialog",
            "<h3>Getting help</h3>"
            "<p>You do not need a high score to ask for help. Your doctor, a mental-health "
            "professional or your employee assistance programme (EAP) can help with exhaustion, "
            "stress or feeling unable to cope.</p>",
        )
        + f"<p><b>{escape(_tr(CRISIS_TEXT))}</b></p>"
        + f"<h3>{escape(heading)}</h3>"
        + f"<p>{escape(body)}</p>"
        + QCoreApplication.translate(
            "HelpDialog",
            "<h3>How the signal is built</h3>"
            "<p>The score (0\u2013100) is the sum of five factors' points, each shown with the "
            "sentence that explains it in the dashboard's day panel:</p>",
        )
        + f"<ul>{rows}</ul>"
        + QCoreApplication.translate(
            "HelpDialog",
            "<p>Bands: 0\u201324 low, 25\u201349 moderate, 50\u201374 high, 75\u2013100 very "
            "high. They are heuristic, not clinically validated. A dashed line means the score "
            "is provisional (your usual level is not known yet, or check-ins were sparse).</p>",
        )
        + f"<p><i>{escape(risk_text(DISCLAIMER))}</i></p>"
    )


class HelpDialog(QDialog):
    """Shows :func:`help_text`; links are neither rendered nor followed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Get help"))
        self.setModal(True)
        self.resize(560, 560)
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        self.text.setOpenExternalLinks(False)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.setHtml(help_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
