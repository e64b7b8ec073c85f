"""The words of the risk levels, declared once for the window, the tray and the command line.

The domain carries levels as :class:`~focusapp.domain.risk.Level` values; people read them
as these words, capitalised where they start a label ("High") and in lower case inside a
sentence ("risk high").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from focusapp.domain.risk import Level
from focusapp.wording.translate import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from collections.abc import Callable


_WORDS: dict[Level, Callable[[], str]] = {
    Level.LOW: lambda: translate("Level", "Low"),
    Level.MODERATE: lambda: translate("Level", "Moderate"),
    Level.HIGH: lambda: translate("Level", "High"),
    Level.VERY_HIGH: lambda: translate("Level", "Very high"),
}


def level_word(level: Level | str) -> str:
    """Return the label of ``level`` ("Very high"), translated; other text comes back as is."""
    try:
        return _WORDS[Level(level)]()
    except ValueError:
        return str(level)


def level_in_sentence(level: Level | str) -> str:
    """Return ``level`` as a word inside a sentence ("very high")."""
    word = level_word(level)
    return word[:1].lower() + word[1:]


_ENERGY_WORDS: dict[int, Callable[[], str]] = {
    1: lambda: translate("Energy", "Drained"),
    2: lambda: translate("Energy", "Low"),
    3: lambda: translate("Energy", "Okay"),
    4: lambda: translate("Energy", "Good"),
    5: lambda: translate("Energy", "Energised"),
}


def energy_word(energy: int) -> str:
    """Return the word of an energy value ("Good" for 4), translated; ``""`` when unknown.

    The English words are :data:`focusapp.domain.models.ENERGY_LABELS` (a test keeps the two
    equal); they are spelled out here so the translation tools can find them.
    """
    word = _ENERGY_WORDS.get(energy)
    return "" if word is None else word()


def risk_text(text: str) -> str:
    """Return a fixed sentence of the risk domain (the disclaimer), translated when known."""
    return translate("Risk", text)


#: The risk domain's fixed sentences (:data:`~focusapp.domain.risk.DISCLAIMER` and
#: :data:`~focusapp.domain.risk.ABOUT_TEXT`), spelled out for the translation tools; a test
#: keeps them equal to the domain's.
RISK_SENTENCES: Final = (
    QT_TRANSLATE_NOOP(
        "Risk",
        "This is a self-care signal based only on what you log. It is not a medical assessment "
        "and cannot diagnose burnout, depression or any other condition.",
    ),
    QT_TRANSLATE_NOOP(
        "Risk",
        "About your burnout-risk signal. This chart turns your daily check-ins (energy, coding "
        "and meeting time, and optionally sleep, stress and calendar data) into a 0\u2013100 "
        "signal so you can notice patterns early. It is a self-care aid, not a medical device, "
        "a medical assessment or a validated clinical test. The scoring rules are simple, "
        "shown in the app, and explained factor by factor; they are informed by research on "
        "burnout, workload and recovery but have not been clinically validated for "
        "individuals. It cannot see many things that matter, such as how you feel about your "
        "work, support at work, or life outside work. A low score does not mean you are fine, "
        "and a high score does not mean you have burnout. If you feel persistently exhausted, "
        "low, anxious or unable to cope, please talk to a doctor or a mental-health "
        "professional, whatever this chart says. Your data stays on this device and is never "
        "shared with your employer or with us.",
    ),
)
