"""Dates in the window, in the user's language.

Qt's locale names the days and months; the caller passes the order as a Qt date format that
went through ``tr()``, so a translation can say "Montag, 1. Dezember" where English says
"Monday 01 December". Under the C or an English locale the text is what ``strftime`` gave.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

if TYPE_CHECKING:
    import datetime as dt


def day_text(day: dt.date, qt_format: str) -> str:
    """Return ``day`` written with ``qt_format`` (``"dddd dd MMMM yyyy"``) in the UI locale."""
    return QLocale().toString(QDate(day.year, day.month, day.day), qt_format)


def moment_text(moment: dt.datetime, qt_format: str) -> str:
    """Return the wall-clock ``moment`` written with ``qt_format`` (``"ddd HH:mm"``)."""
    date = QDate(moment.year, moment.month, moment.day)
    return QLocale().toString(QDateTime(date, QTime(moment.hour, moment.minute)), qt_format)
