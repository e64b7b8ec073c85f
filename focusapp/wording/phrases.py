"""The domain's sentences in the user's language, numbers written the user's way.

The domain builds its sentences as :class:`~focusapp.domain.phrases.Phrase` values: English
text that remembers its template. :func:`say` renders such a sentence again from its
template through :func:`~focusapp.wording.translate.translate` and
:func:`~focusapp.wording.numbers.number`; on the command line (nothing installed) that is
the very English text. :func:`format_text` fills a template translated elsewhere (``tr()``,
:func:`~focusapp.wording.translate.translate`) the same way.
"""

from __future__ import annotations

from typing import Final

from focusapp.domain.phrases import English, fill_in, say_in
from focusapp.wording.numbers import number
from focusapp.wording.translate import translate

#: What a translation says to keep a quoted sentence's case (see ``clause`` below).
_KEEP: Final = "keep"


class _UsersLanguage(English):
    """English, unless the window installed a translator and a decimal sign."""

    def text(self, context: str, template: str) -> str:
        return translate(context, template)

    def number(self, value: float, spec: str) -> str:
        return number(value, spec)

    def clause(self, sentence: str) -> str:
        # A rule of the language, in Qt's pattern (as QT_LAYOUT_DIRECTION is).
        #: Translate as keep where a sentence quoted after a colon keeps its capital letter
        #: (German: its nouns start with one); anything else lowers the first letter.
        if translate("Phrases", "QUOTED_SENTENCE_CASE") == _KEEP:
            return sentence
        return super().clause(sentence)


_LANGUAGE: Final = _UsersLanguage()


def say(text: str) -> str:
    """Return a sentence of the domain in the user's language; other text comes back as is."""
    return say_in(_LANGUAGE, text)


def format_text(template: str, **values: object) -> str:
    """Return ``template`` (already translated) filled in like ``str.format``.

    Numbers are written the user's way: ``{hours:.1f} h`` gives "4,5 h" in a German window.
    """
    return fill_in(_LANGUAGE, template, values)
