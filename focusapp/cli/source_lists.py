"""How ``calendar sources|sync`` and ``coding list|sync`` print the sources they read.

Both commands keep a list of added sources (calendars, coding folders): listing prints it
as JSON or lines, syncing re-reads each one, reporting what failed on stderr and the rest
on stdout, and exits 2 when anything failed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from focusapp.cli.support import EXIT_OK, UserError, print_error, write_json, write_lines

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

_Source = TypeVar("_Source")


def print_sources(
    sources: Sequence[_Source],
    *,
    as_json: bool,
    to_json: Callable[[_Source], object],
    to_lines: Callable[[_Source], Sequence[str]],
    none_yet: str,
) -> int:
    """Print ``sources`` as ``{"sources": [...]}`` or as lines; ``none_yet`` for none (text).

    Args:
        sources: What the service lists, in its order.
        as_json: Print JSON (``--json``).
        to_json: One source as a JSON value.
        to_lines: One source as lines of text.
        none_yet: The line that says how to add one, printed when there is none.
    """
    if as_json:
        write_json({"sources": [to_json(source) for source in sources]})
    elif not sources:
        write_lines([none_yet])
    else:
        write_lines([line for source in sources for line in to_lines(source)])
    return EXIT_OK


def print_sync(
    prog: str,
    outcomes: Sequence[tuple[Sequence[str] | None, str]],
    *,
    nothing_to_do: str,
    could_not: str,
) -> int:
    """Print what a sync read; each failure goes to stderr, and any failure exits 2.

    Args:
        prog: The command, in front of each failure (``focusapp coding sync``).
        outcomes: Per source, the lines of what was read, or ``None`` and why it failed.
        nothing_to_do: The line printed when there was no source to sync.
        could_not: What the closing error says of the failed ones ("coding sources could
            not be read"), after "N of M".

    Raises:
        UserError: Counting the failures, after everything else was printed.
    """
    lines: list[str] = []
    failed = 0
    for read, error in outcomes:
        if read is None:
            failed += 1
            print_error(prog, error)
        else:
            lines.extend(read)
    if not outcomes:
        lines.append(nothing_to_do)
    write_lines(lines)
    if failed:
        raise UserError(f"{failed} of {len(outcomes)} {could_not}")
    return EXIT_OK
