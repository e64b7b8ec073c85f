"""Sentences the domain builds, kept as a template and its values so they can be translated.

The domain speaks English: the command line, the JSON exports and the logs read its
sentences as they are. The window shows them in the user's language, so a sentence is a
:class:`Phrase`: the English text itself (a ``str``, so every reader of a plain string keeps
working byte for byte), which also remembers the template it was made from and the values
filled in. ``focusapp.wording.phrases`` renders the same template translated, with numbers
written the user's way ("4,5 h" in German); the domain cannot do that itself because the
translations live above it.

Templates are declared once, as module constants marked with :func:`QT_TRANSLATE_NOOP`,
which ``pyside6-lupdate`` extracts into the ``.ts`` catalogues.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate knows)
    """Return ``text`` unchanged: marks a template for ``pyside6-lupdate`` to extract."""
    del context
    return text


class Language(Protocol):
    """How a phrase is put into words: its template, its numbers and a quoted clause."""

    def text(self, context: str, template: str) -> str:
        """Return ``template`` in this language (the same ``{name}`` fields)."""

    def number(self, value: float, spec: str) -> str:
        """Return ``value`` written with the format ``spec`` (``.1f``, ``.0%``)."""

    def clause(self, sentence: str) -> str:
        """Return ``sentence`` (without its full stop) as it reads quoted inside another."""


class English:
    """The domain's own language: templates as written, numbers as Python writes them."""

    def text(self, context: str, template: str) -> str:
        """Return ``template`` itself: the templates are English."""
        del context
        return template

    def number(self, value: float, spec: str) -> str:
        """Return ``format(value, spec)``: a decimal point, as the command line prints."""
        return format(value, spec)

    def clause(self, sentence: str) -> str:
        """Lower the first letter: an English sentence quoted after a colon reads as a clause."""
        return sentence[:1].lower() + sentence[1:]


ENGLISH = English()


@dataclass(frozen=True, slots=True)
class Clause:
    """A value that quotes the first sentence of ``sentence`` (a phrase or plain text)."""

    sentence: str

    def __format__(self, format_spec: str) -> str:
        """Quote the sentence in English (how ``str.format`` fills a template with it)."""
        return _quoted(ENGLISH, self)


def first_sentence(text: str) -> str:
    """Return the first sentence of ``text`` (up to the first ". "), without its full stop."""
    text = text.strip()
    end = text.find(". ")
    return (text if end < 0 else text[:end]).rstrip(".")


def _quoted(language: Language, clause: Clause) -> str:
    return language.clause(first_sentence(say_in(language, clause.sentence)))


class _Filler(string.Formatter):
    """Fills a template's fields in one language: phrases and clauses rendered, numbers too."""

    def __init__(self, language: Language) -> None:
        self.language = language

    def format_field(self, value: object, format_spec: str) -> str:
        if isinstance(value, Phrase):
            return value.render(self.language)
        if isinstance(value, Clause):
            return _quoted(self.language, value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return self.language.number(value, format_spec)
        return str(super().format_field(value, format_spec))


def fill_in(language: Language, template: str, values: Mapping[str, object]) -> str:
    """Return ``template`` (already in ``language``) with ``values`` written in ``language``."""
    if language is ENGLISH:
        # The fast path (sentences are built for every day of a long series): ``str.format``
        # writes numbers as English does, a phrase is its English text already and a clause
        # formats itself in English.
        return template.format_map(values)
    return _Filler(language).vformat(template, (), values)


def say_in(language: Language, text: str) -> str:
    """Return ``text`` in ``language``: a phrase rendered from its template, other text as is."""
    return text.render(language) if isinstance(text, Phrase) else text


class Phrase(str):
    """A sentence of the domain: its English text, with the template and values behind it.

    Attributes:
        context: The translation context of the template (``Risk``, ``Validation``...).
        template: The English template, as marked with :func:`QT_TRANSLATE_NOOP`.
        values: The fields filled in: numbers, plain text, other phrases or clauses.
    """

    context: str
    template: str
    values: Mapping[str, object]

    def __new__(cls, context: str, template: str, **values: object) -> Phrase:
        """Fill ``template`` with ``values`` in English; keep all three for translation."""
        self = super().__new__(cls, fill_in(ENGLISH, template, values))
        self.context = context
        self.template = template
        self.values = values
        return self

    def __getnewargs_ex__(self) -> tuple[tuple[str, str], dict[str, object]]:
        return (self.context, self.template), dict(self.values)

    def render(self, language: Language) -> str:
        """Return the sentence in ``language``, its values rendered in the same language."""
        if language is ENGLISH:
            return str.__str__(self)  # filled in English when made
        return fill_in(language, language.text(self.context, self.template), self.values)


#: Sentences set side by side, as every language here does.
_JOINED = "{first}{separator}{second}"


def joined(parts: Iterable[str], separator: str = " ") -> str:
    """Return ``parts`` (sentences) side by side, separated by ``separator``; ``""`` when none."""
    result = ""
    for part in parts:
        if result:
            result = Phrase("", _JOINED, first=result, separator=separator, second=part)
        else:
            result = part
    return result
