"""The risk signal in one line of words, shared by the dashboard and the risk notification.

Kept apart from the dashboard so the light tray process can word its notification without
loading the dashboard's data model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication

from focusapp.wording.levels import level_word
from focusapp.wording.phrases import say
from focusapp.wording.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from focusapp.domain.risk import RiskAssessment

#: The trend words (the arrows are the theme's).
TREND_WORDS: Final = {
    "rising": QT_TRANSLATE_NOOP("Dashboard", "rising"),
    "easing": QT_TRANSLATE_NOOP("Dashboard", "easing"),
    "steady": QT_TRANSLATE_NOOP("Dashboard", "steady"),
}


def describe_risk(assessment: RiskAssessment) -> str:
    """Return e.g. ``38 · Moderate · rising`` or the check-ins still needed."""
    if assessment.score is None or assessment.level is None:
        return say(assessment.message or "") or QCoreApplication.translate(
            "Dashboard", "No signal yet"
        )
    parts = [str(assessment.score), level_word(assessment.level)]
    if assessment.provisional:
        parts.append(QCoreApplication.translate("Dashboard", "provisional"))
    if assessment.trend is not None:
        parts.append(QCoreApplication.translate("Dashboard", TREND_WORDS[str(assessment.trend)]))
    return " \u00b7 ".join(parts)
