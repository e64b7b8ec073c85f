"""One translation function for text built outside Qt widgets.

Wording modules call :func:`translate` with a context and an English source text, the same
shape as ``QCoreApplication.translate``, so ``pyside6-lupdate`` extracts them into the
``.ts`` files. The command line leaves the English text as it is; the window installs Qt's
translator with :func:`install`, so the same sentence appears in the user's language there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# One marker for the whole package: tables of English text (level words, weekday names) are
# declared with it and translated where they are shown, with :func:`translate` and the same
# context; the domain marks its sentence templates with it too.
from focusapp.domain.phrases import QT_TRANSLATE_NOOP as QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from collections.abc import Callable


def _english(_context: str, text: str) -> str:
    return text


_backend: Callable[[str, str], str] = _english


def translate(context: str, text: str) -> str:
    """Return ``text`` (an English source string) in the user's language, when known."""
    return _backend(context, text)


def install(backend: Callable[[str, str], str] | None) -> None:
    """Use ``backend(context, text)`` for every later :func:`translate`; ``None`` resets."""
    global _backend  # one process-wide choice, made once at start-up
    _backend = backend if backend is not None else _english
