"""A sentence of the domain as one line between processes, said in the user's language."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from focusapp.domain.phrases import Phrase
from focusapp.wording import translate as translation
from focusapp.wording.phrase_lines import phrase_line, said_line

TEMPLATE = "Today's automatic backup could not be made: {error}."


@pytest.fixture
def german():
    words = {
        TEMPLATE: "Die Sicherung von heute fehlt: {error}.",
        "{n} of {total}": "{n} von {total}",
    }
    translation.install(lambda context, text: words.get(text, text))
    yield
    translation.install(None)


def test_a_phrase_travels_as_its_template_and_values():
    line = phrase_line(Phrase("StartupReport", TEMPLATE, error="disk full"))
    assert "\n" not in line
    assert json.loads(line) == {
        "context": "StartupReport",
        "template": TEMPLATE,
        "values": {"error": "disk full"},
    }
    assert said_line(line) == "Today's automatic backup could not be made: disk full."


def test_the_tray_says_it_in_the_users_language(german):
    line = phrase_line(Phrase("StartupReport", TEMPLATE, error="disk full"))
    assert said_line(line) == "Die Sicherung von heute fehlt: disk full."


def test_numbers_stay_numbers_and_are_written_the_users_way(german):
    line = phrase_line(Phrase("X", "{n} of {total}", n=3, total=4.5))
    assert json.loads(line)["values"] == {"n": 3, "total": 4.5}
    assert said_line(line) == "3 von 4.5"


def test_a_phrase_inside_a_phrase_is_said_in_the_same_language(german):
    inner = Phrase("X", "{n} of {total}", n=2, total=3)
    line = phrase_line(Phrase("StartupReport", TEMPLATE, error=inner))
    assert said_line(line) == "Die Sicherung von heute fehlt: 2 von 3."
    translation.install(None)
    assert said_line(line) == "Today's automatic backup could not be made: 2 of 3."


def test_plain_text_travels_as_it_is():
    assert said_line(phrase_line("Your data is in order.")) == "Your data is in order."


def test_a_translation_naming_another_field_falls_back_to_english():
    translation.install(lambda context, text: "Kaputt: {fehler}.")
    try:
        line = phrase_line(Phrase("StartupReport", TEMPLATE, error="disk full"))
        assert said_line(line) == "Today's automatic backup could not be made: disk full."
    finally:
        translation.install(None)


@pytest.mark.parametrize("line", ["", "not json", "[1, 2]", '{"context": "X"}', "42", "null"])
def test_a_line_that_is_no_sentence_comes_back_as_it_is(line):
    assert said_line(line) == line


@given(st.text(), st.text(alphabet=st.characters(blacklist_characters="{}")))
def test_any_value_and_template_text_survive_the_trip(value, words):
    template = words + " {value}"
    line = phrase_line(Phrase("X", template, value=value))
    assert "\n" not in line
    assert said_line(line) == f"{words} {value}"
