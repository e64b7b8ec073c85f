"""Phrases: English text that keeps its template, so a window can say it in another language."""

import copy
import pickle
import re

from focusapp.domain.phrases import ENGLISH, Clause, Phrase, joined, say_in


class Shouting:
    """A language for the tests: templates upper-cased, numbers with a comma, clauses as is."""

    def text(self, context, template):
        return re.sub(r"[^{}]+(?=\{|$)", lambda words: words[0].upper(), template)

    def number(self, value, spec):
        return format(value, spec).replace(".", ",")

    def clause(self, sentence):
        return sentence


def test_a_phrase_is_its_english_text_with_the_numbers_as_python_writes_them():
    phrase = Phrase("Risk", "Slept {hours:.1f} h over {days} days.", hours=6.25, days=7)
    assert phrase == "Slept 6.2 h over 7 days."
    assert isinstance(phrase, str)
    assert say_in(ENGLISH, phrase) == phrase
    assert phrase.render(Shouting()) == "SLEPT 6,2 H OVER 7 DAYS."


def test_copies_and_pickles_keep_the_template():
    phrase = Phrase("Risk", "{hours:.1f} h", hours=4.5)
    for other in (copy.copy(phrase), copy.deepcopy(phrase), pickle.loads(pickle.dumps(phrase))):
        assert other == "4.5 h"
        assert other.render(Shouting()) == "4,5 H"


def test_nested_phrases_and_clauses_render_in_the_same_language():
    first = Phrase("Risk", "Slept {hours:.1f} h.", hours=6.5)
    both = joined((first, Phrase("Risk", "Rested.")))
    assert both == "Slept 6.5 h. Rested."
    quoted = Phrase("Risk", "Note: {clause}.", clause=Clause(both))
    assert quoted == "Note: slept 6.5 h."
    assert quoted.render(Shouting()) == "NOTE: SLEPT 6,5 H."


def test_plain_text_passes_through_and_nothing_joins_to_nothing():
    assert say_in(Shouting(), "as typed") == "as typed"
    assert joined(()) == ""
    assert joined(("one",)) == "one"
