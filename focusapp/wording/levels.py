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

_CONTEXT = "Level"

_WORDS: dict[Level, Callable[[], str]] = {
    Level.LOW: lambda: translate(_CONTEXT, "Low"),
    Level.MODERATE: lambda: translate(_CONTEXT, "Moderate"),
    Level.HIGH: lambda: translate(_CONTEXT, "High"),
    Level.VERY_HIGH: lambda: translate(_CONTEXT, "Very high"),
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
