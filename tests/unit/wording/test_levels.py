"""The risk levels' words: one table for the window, the tray and the command line."""

import pytest

from focusapp.domain.risk import Level
from focusapp.wording import translate as translation
from focusapp.wording.levels import level_in_sentence, level_word


@pytest.mark.parametrize(
    ("level", "label", "inside"),
    [
        (Level.LOW, "Low", "low"),
        (Level.MODERATE, "Moderate", "moderate"),
        (Level.HIGH, "High", "high"),
        (Level.VERY_HIGH, "Very high", "very high"),
    ],
)
def test_each_level_has_a_label_and_a_word_for_sentences(level, label, inside):
    assert level_word(level) == label
    assert level_word(str(level)) == label  # as stored in JSON and settings
    assert level_in_sentence(level) == inside


def test_text_that_is_no_level_is_shown_as_it_is():
    assert level_word("") == ""
    assert level_in_sentence("pending") == "pending"


def test_the_words_go_through_the_translator():
    translation.install(lambda context, text: f"[{context}] {text}")
    try:
        assert level_word(Level.HIGH) == "[Level] High"
    finally:
        translation.install(None)
