"""A sentence of the domain sent between processes as one line, said in the user's language.

The light tray learns what a start found from ``focusapp check``, a child process that
speaks English. With ``--phrases`` the child writes each sentence as one JSON line: its
translation context, its English template and the values filled in (a phrase inside a
phrase travels the same way). The tray then says it in the user's language, as the window
says the same report.
"""

from __future__ import annotations

import json
from typing import Final

from focusapp.domain.phrases import Phrase
from focusapp.wording.phrases import format_text
from focusapp.wording.translate import translate

_KEPT_TYPES: Final = (str, int, float, bool)


def phrase_line(text: str) -> str:
    """Return ``text`` as one JSON line; plain text (not a phrase) travels as it is."""
    if not isinstance(text, Phrase):
        return json.dumps({"text": str(text)}, ensure_ascii=False)
    return json.dumps(_document(text), ensure_ascii=False)


def said_line(line: str) -> str:
    """Return the sentence of a :func:`phrase_line` in the user's language.

    A line that is no such sentence (an older FocusApp's plain output) comes back as it is.
    """
    try:
        document = json.loads(line)
        if "text" in document:
            return str(document["text"])
        return _said(document)
    except (ValueError, TypeError, KeyError, AttributeError):
        return line


def _document(phrase: Phrase) -> dict[str, object]:
    values = {name: _value(value) for name, value in phrase.values.items()}
    return {"context": phrase.context, "template": phrase.template, "values": values}


def _value(value: object) -> object:
    if isinstance(value, Phrase):
        return _document(value)
    return value if isinstance(value, _KEPT_TYPES) else str(value)


def _said(document: dict[str, object]) -> str:
    context, english = str(document["context"]), str(document["template"])
    values = {
        str(name): _said(value) if isinstance(value, dict) else value
        for name, value in dict(document["values"]).items()  # type: ignore[call-overload]
    }
    try:
        return format_text(translate(context, english), **values)
    except (ValueError, KeyError, IndexError):  # a translation that names another field
        return format_text(english, **values)
