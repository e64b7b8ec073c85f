"""The one text-table printer of the command line: columns as wide as their widest cell.

Every command that prints a table (``show``, ``backup list``, ``calendar audit``,
``forecast``, ``review``) lays it out here, so columns line up the same way everywhere:
separated by two spaces, left-aligned unless named right-aligned, no trailing spaces.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

#: Between two columns.
COLUMN_GAP: Final = "  "


def table_lines(
    rows: Sequence[Sequence[str]],
    header: Sequence[str] | None = None,
    *,
    right: Collection[int] = (),
    min_widths: Sequence[int] = (),
    indent: str = "",
) -> list[str]:
    """Return the lines of a table, the header (when given) first.

    Args:
        rows: The cells, already text; every row has as many as the header.
        header: The column titles, or ``None`` for a table without them.
        right: Indexes of the columns aligned right (numbers, durations).
        min_widths: The narrowest each column may be, by index, so a short list still lines
            up under a fixed title written elsewhere; a wider cell widens its column.
        indent: Put before every line (a table inside a listing).
    """
    body = [*([header] if header is not None else []), *rows]
    if not body:
        return []
    count = len(body[0])
    floors = [*min_widths, *([0] * count)][:count]
    widths = [max(floors[i], *(len(row[i]) for row in body)) for i in range(count)]
    return [
        indent
        + COLUMN_GAP.join(
            cell.rjust(width) if index in right else cell.ljust(width)
            for index, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in body
    ]


def format_table(rows: Sequence[Sequence[str]], header: Sequence[str] | None = None) -> str:
    """Return a plain table (:func:`table_lines`) as one text, without a final newline."""
    return "\n".join(table_lines(rows, header))
