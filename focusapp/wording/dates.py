"""How a day is written for people: one format everywhere it is shown outside a sentence.

"Tue 24 Nov 2026" reads at a glance, sorts by eye within a month and never leaves the year
in doubt; the command line's tables keep ISO dates (``2026-11-24``), which scripts parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from focusapp.wording.translate import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    import datetime as dt


_WEEKDAYS: Final = (
    QT_TRANSLATE_NOOP("Dates", "Mon"),
    QT_TRANSLATE_NOOP("Dates", "Tue"),
    QT_TRANSLATE_NOOP("Dates", "Wed"),
    QT_TRANSLATE_NOOP("Dates", "Thu"),
    QT_TRANSLATE_NOOP("Dates", "Fri"),
    QT_TRANSLATE_NOOP("Dates", "Sat"),
    QT_TRANSLATE_NOOP("Dates", "Sun"),
)
_MONTHS: Final = (
    QT_TRANSLATE_NOOP("Dates", "Jan"),
    QT_TRANSLATE_NOOP("Dates", "Feb"),
    QT_TRANSLATE_NOOP("Dates", "Mar"),
    QT_TRANSLATE_NOOP("Dates", "Apr"),
    QT_TRANSLATE_NOOP("Dates", "May"),
    QT_TRANSLATE_NOOP("Dates", "Jun"),
    QT_TRANSLATE_NOOP("Dates", "Jul"),
    QT_TRANSLATE_NOOP("Dates", "Aug"),
    QT_TRANSLATE_NOOP("Dates", "Sep"),
    QT_TRANSLATE_NOOP("Dates", "Oct"),
    QT_TRANSLATE_NOOP("Dates", "Nov"),
    QT_TRANSLATE_NOOP("Dates", "Dec"),
)


def day_text(day: dt.date) -> str:
    """Return ``day`` as e.g. ``Tue 24 Nov 2026`` (in the window: in the user's language).

    The names are spelled out rather than taken from ``strftime``, whose words follow the C
    library's locale, so the command line is English everywhere and the window translatable.
    """
    return translate("Dates", "{weekday} {day} {month} {year}").format(
        weekday=translate("Dates", _WEEKDAYS[day.weekday()]),
        day=f"{day.day:02d}",
        month=translate("Dates", _MONTHS[day.month - 1]),
        year=day.year,
    )


def range_text(first: dt.date, last: dt.date) -> str:
    """Return a range of days as e.g. ``Tue 01 Sep 2026 to Mon 30 Nov 2026``."""
    return translate("Dates", "{first} to {last}").format(
        first=day_text(first), last=day_text(last)
    )


def charts_title(first: dt.date, last: dt.date) -> str:
    """Return the heading of exported charts: what they are and which days they show."""
    return translate("Dates", "FocusApp charts, {days}").format(days=range_text(first, last))
