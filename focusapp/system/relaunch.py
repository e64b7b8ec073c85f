"""How to start FocusApp again as another process: the light tray's window and commands.

The tray process runs the window and every write as child processes of the same program,
started the way this one was: the frozen bundle's executable, ``python -m focusapp``, or the
script that was run (the ``focusapp`` entry point, or a wrapper such as a test's shifted
clock), with the same interpreter.
"""

from __future__ import annotations

import sys
from typing import Final

#: Interpreter options that take a value, so the script comes after it.
_OPTIONS_WITH_VALUE: Final = frozenset({"-W", "-X", "--check-hash-based-pycs"})
_FALLBACK: Final = ("-m", "focusapp")
#: The command-line flag that starts the window as a light tray's child (hidden from --help).
TRAY_WINDOW_FLAG: Final = "--tray-window"
#: The flag of ``focusapp check`` that writes the report for the light tray: one JSON line
#: per sentence (:mod:`focusapp.wording.phrase_lines`), nothing when all is well (hidden).
CHECK_PHRASES_FLAG: Final = "--phrases"


def own_command(orig_argv: list[str] | None = None, *, frozen: bool | None = None) -> list[str]:
    """Return the command line that starts this program again, without its arguments."""
    if getattr(sys, "frozen", False) if frozen is None else frozen:
        return [sys.executable]
    argv = list(sys.orig_argv if orig_argv is None else orig_argv)
    index = 1
    while index < len(argv):
        word = argv[index]
        if word == "-m" and index + 1 < len(argv):
            return [sys.executable, *argv[1 : index + 2]]
        if word in ("-c", "-"):
            break
        if not word.startswith("-"):
            return [sys.executable, *argv[1 : index + 1]]
        index += 2 if word in _OPTIONS_WITH_VALUE else 1
    return [sys.executable, *_FALLBACK]
