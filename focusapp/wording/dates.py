"""How a day is written for people: one format everywhere it is shown outside a sentence.

"Tue 24 Nov 2026" reads at a glance, sorts by eye within a month and never leaves the year
in doubt; the command line's tables keep ISO dates (``2026-11-24``), which scripts parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from focusapp.wording.translate import translate

if TYPE_CHECKING:
    import datetime as dt


def day_text(day: dt.date) -> str:
    """Return ``day`` as e.g. ``Tue 24 Nov 2026``."""
    return f"{day:%a %d %b %Y}"


def range_text(first: dt.date, last: dt.date) -> str:
    """Return a range of days as e.g. ``Tue 01 Sep 2026 to Mon 30 Nov 2026``."""
    return translate("Dates", "{first} to {last}").format(
        first=day_text(first), last=day_text(last)
    )


def charts_title(first: dt.date, last: dt.date) -> str:
    """Return the heading of exported charts: what they are and which days they show."""
    return translate("Dates", "FocusApp charts, {days}").format(days=range_text(first, last))
