"""The words of the risk levels, declared once for the window, the tray and the command line.

The domain carries levels as :class:`~focusapp.domain.risk.Level` values; people read them
as these words, capitalised where they start a label ("High") and in lower case inside a
sentence ("risk high").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from focusapp.domain.risk import Level
from focusapp.wording.translate import translate

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
    """Return a fixed sentence of the risk domain (the disclaimer), translated when known.

    The domain marks its sentences for the translation tools (``focusapp.domain.phrases``).
    """
    return translate("Risk", text)
