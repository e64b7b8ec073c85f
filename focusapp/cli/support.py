"""Shared pieces of the command line: one-line errors, value parsing and the context."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import TYPE_CHECKING, Any, Final, NoReturn

from focusapp.wording.translate import translate

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from focusapp.bootstrap import AppContext

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
#: The status of a command whose reader went away (``focusapp show | head -1``): 128 plus
#: SIGPIPE, what the shell reports for a program the signal ended.
EXIT_BROKEN_PIPE = 141
#: At most this many problem lines per command; the rest are counted in one more line.
MAX_PROBLEM_LINES: Final = 20
#: How much of a typed value an error message quotes.
QUOTE_LIMIT: Final = 60
#: Bidirectional overrides and isolates, which reorder what a terminal shows.
_BIDI_CONTROLS: Final = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


class UserError(Exception):
    """An error to show the user as one line, exiting with status 2."""


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Wraps each paragraph of a description or epilog, but keeps indented lines as typed.

    Descriptions are prose (wrapped to the terminal); the examples of an epilog are command
    lines (indented), which must never be re-wrapped or joined.
    """

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        paragraphs = text.split("\n\n")
        filled = [
            paragraph
            if paragraph.startswith(" ") or "\n " in paragraph or paragraph.endswith(":")
            else argparse.HelpFormatter._fill_text(self, paragraph, width, indent)
            for paragraph in paragraphs
        ]
        return "\n\n".join(filled)


def add_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    help_text: str,
    description: str,
    *example_lines: str,
    notes: str = "",
    handler: Callable[[argparse.Namespace], int] | None = None,
) -> argparse.ArgumentParser:
    """Add a command (or an action of one) the way every command is added.

    Args:
        commands: Where it goes (``add_subparsers()`` of the program or of a command).
        name: What the user types.
        help_text: The line in the parent's list of commands.
        description: The prose at the top of its ``--help``.
        example_lines: One or more command lines for the epilog (see :func:`examples`).
        notes: Prose before the examples.
        handler: The function running it, returning the exit status; ``None`` for a
            command whose actions have handlers of their own.
    """
    parser = commands.add_parser(
        name,
        help=help_text,
        description=description,
        epilog=examples(*example_lines, notes=notes),
    )
    if handler is not None:
        parser.set_defaults(handler=handler)
    return parser


def examples(*lines: str, notes: str = "") -> str:
    """Return an ``epilog``: ``notes`` (optional prose), then ``examples:`` and the lines.

    ``tests/cli/test_help.py`` requires every command to have one, each line starting with
    ``focusapp`` and the command's own words, and parses each line with the real parser.
    """
    block = "examples:\n" + "\n".join(f"  {line}" for line in lines)
    return f"{notes}\n\n{block}" if notes else block


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line, never a usage dump."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Use :class:`HelpFormatter` unless told otherwise (subcommands inherit the class)."""
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        """Print one line naming the command and exit with status 2."""
        self.exit(EXIT_USAGE, f"{self.prog}: {escape_text(message)} (see {self.prog} --help)\n")


# --- text for the terminal -------------------------------------------------------------------


def _escaped_char(char: str) -> str:
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def _needs_escape(char: str, keep_layout: bool) -> bool:
    code = ord(char)
    if char in "\n\t":
        return not keep_layout
    return code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or char in _BIDI_CONTROLS


def escape_text(text: str, *, keep_layout: bool = False) -> str:
    r"""Return ``text`` safe to print on a terminal: control characters shown as ``\x1b``.

    User text (notes, imported values, file names, typed options quoted in errors) can hold
    escape sequences that retitle the terminal, clear the screen or hide what follows, and
    undecodable bytes (lone surrogates) that no encoder can print. Every printer of such
    text goes through here. ``keep_layout`` lets newline and tab through where the output
    has room for them; in a one-line context they are escaped as well.
    """
    if text.isprintable():
        return text  # the common case: nothing to look at twice
    return "".join(
        _escaped_char(char) if _needs_escape(char, keep_layout) else char for char in text
    )


def write_lines(lines: Iterable[str]) -> None:
    """Print lines that quote other programs' files (titles, paths, warnings), one a line.

    What a terminal would obey (escape sequences, bidirectional controls) is escaped; tabs
    and the layout of the lines are kept.
    """
    sys.stdout.write("".join(f"{escape_text(line, keep_layout=True)}\n" for line in lines))


def write_json(document: object, *, ascii_only: bool = False) -> None:
    """Print ``document`` as every ``--json`` option does: indented two spaces, one newline.

    Args:
        document: The JSON value.
        ascii_only: Escape every non-ASCII character instead of printing it.
    """
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=ascii_only) + "\n")


def quoted(text: str) -> str:
    """Return a typed value for an error message: escaped, quoted and at most ~60 characters."""
    shown = text if len(text) <= QUOTE_LIMIT else text[:QUOTE_LIMIT] + "..."
    return f"'{escape_text(shown)}'"


def print_error(prog: str, message: str) -> None:
    """Print one error line, ``prog: message``, on stderr with any control character escaped."""
    sys.stderr.write(f"{prog}: {escape_text(message)}\n")


class EscapingFormatter(logging.Formatter):
    """A log formatter for the terminal: messages quote paths and values users typed."""

    def format(self, record: logging.LogRecord) -> str:
        """Return the formatted record with control characters escaped."""
        return escape_text(super().format(record), keep_layout=True)


def print_problems(prog: str, problems: Sequence[str], limit: int = MAX_PROBLEM_LINES) -> None:
    """Print at most ``limit`` problem lines, then one line counting the rest.

    A file with 100,000 bad rows must not bury the terminal: the first lines show what is
    wrong, which is all a person can act on.
    """
    for problem in problems[:limit]:
        print_error(prog, problem)
    if len(problems) > limit:
        more = translate("cli", "... and {count} more").format(count=len(problems) - limit)
        print_error(prog, more)


# --- shared helpers ----------------------------------------------------------------------------


#: The profiles a command opened, closed by :func:`close_contexts` when it ends.
_OPENED: list[AppContext] = []


def open_context_for(args: argparse.Namespace) -> AppContext:
    """Open the data folder of ``--data-dir``; imported lazily so ``--version`` stays instant."""
    from focusapp.bootstrap import open_context

    context = open_context(args.data_dir)
    _OPENED.append(context)
    return context


def close_contexts() -> None:
    """Close every profile the command opened: its database file is complete on disk.

    SQLite folds the write-ahead log into the file and removes it when the last connection
    closes; the command does that here rather than leave it to the interpreter's exit.
    """
    while _OPENED:
        _OPENED.pop().close()


def add_json(parser: argparse.ArgumentParser) -> None:
    """Add ``--json``, which every listing and report takes to print JSON instead of text."""
    parser.add_argument("--json", action="store_true", help="print JSON")


def add_day(parser: argparse.ArgumentParser) -> None:
    """Add the positional ``DATE`` of a command about one day."""
    parser.add_argument("date", metavar="DATE", help="the day (YYYY-MM-DD, or 'today')")
