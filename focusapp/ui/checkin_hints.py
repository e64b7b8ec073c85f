"""What the check-in form says around its fields: the title and where derived times come from.

Texts keep the ``CheckInForm`` translation context: they are the form's words.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication

from focusapp.domain.durations import format_duration
from focusapp.domain.sources import Source
from focusapp.ui.locale_text import day_text
from focusapp.wording.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QLabel

_ORIGINS: Final = {
    "coding": QT_TRANSLATE_NOOP("CheckInForm", "focus sessions"),
    "meetings": QT_TRANSLATE_NOOP("CheckInForm", "your calendar"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("CheckInForm", text)


def title_texts(day: dt.date, today: dt.date, *, exists: bool) -> tuple[str, str]:
    """Return the form's title for ``day`` and its Save button's text."""
    short = day_text(day, QCoreApplication.translate("CheckInForm", "ddd dd MMM"))
    if day == today:
        title = (
            QCoreApplication.translate("CheckInForm", "Edit today's check-in ({day})")
            if exists
            else QCoreApplication.translate("CheckInForm", "How was today ({day})?")
        )
    elif day == today - dt.timedelta(days=1):
        title = (
            QCoreApplication.translate("CheckInForm", "Edit yesterday's check-in ({day})")
            if exists
            else QCoreApplication.translate("CheckInForm", "How was yesterday ({day})?")
        )
    else:
        short = day_text(day, QCoreApplication.translate("CheckInForm", "ddd dd MMM yyyy"))
        title = (
            QCoreApplication.translate("CheckInForm", "Edit the check-in of {day}")
            if exists
            else QCoreApplication.translate("CheckInForm", "How was {day}?")
        )
    button = (
        QCoreApplication.translate("CheckInForm", "Update check-in")
        if exists
        else QCoreApplication.translate("CheckInForm", "Save check-in")
    )
    return title.format(day=short), button


def set_hint(
    label: QLabel, source: Source | None, derived: int | None, field: str, link: QColor
) -> None:
    """Say whether a field uses the typed value and offer to switch back to the derived one.

    Links carry the palette's link colour in the markup: Qt fixes a link's colour when the
    text is parsed, so a theme switched later would otherwise leave it dark blue on grey.
    """
    if derived is None:
        label.hide()
        return
    origin = _tr(_ORIGINS[field])
    style = f'style="color: {link.name()}"'
    details = (
        f' <a href="calendar:day" {style}>'
        + QCoreApplication.translate("CheckInForm", "Details")
        + "</a>"
        if field == "meetings"
        else ""
    )
    if source is Source.TYPED:
        label.setText(
            "<small>"
            + QCoreApplication.translate(
                "CheckInForm", "Typed value used. {link}Use {origin} ({time}){end}"
            ).format(
                link=f'<a href="use:{field}" {style}>',
                origin=origin,
                time=format_duration(derived),
                end="</a>",
            )
            + f"{details}</small>"
        )
    else:
        label.setText(
            "<small>"
            + QCoreApplication.translate("CheckInForm", "From {origin}: {time}").format(
                origin=origin, time=format_duration(derived)
            )
            + f"{details}</small>"
        )
    label.show()
