"""How numbers with decimals are written: "4.5 h" on the command line, "4,5 h" in a German window.

One formatter for every number FocusApp writes into a sentence. The command line keeps
Python's decimal point (scripts and tests read it); the window installs its locale's decimal
sign with :func:`install`, the same way it installs the translator
(:func:`focusapp.wording.translate.install`).
"""

from __future__ import annotations

_POINT = "."
_decimal_sign = _POINT


def number(value: float, spec: str = "") -> str:
    """Return ``format(value, spec)`` ("4.5" for ``.1f``) with the user's decimal sign.

    Only the decimal sign changes: the specs used in sentences (``.1f``, ``.0%``, ``+.0%``,
    ``g``) never group thousands, so the point is the only separator in the text.
    """
    text = format(value, spec)
    return text if _decimal_sign == _POINT else text.replace(_POINT, _decimal_sign)


def install(decimal_sign: str | None) -> None:
    """Write later numbers with ``decimal_sign`` (a locale's, e.g. ``","``); ``None`` resets."""
    global _decimal_sign  # one process-wide choice, made once at start-up
    _decimal_sign = decimal_sign or _POINT
