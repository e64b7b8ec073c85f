"""What the settings dialog shows: field names, day and theme words, the file chooser."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtWidgets import QFileDialog, QWidget

from focusapp.wording.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import datetime as dt


#: How each setting is named on screen, in messages and for screen readers.
FIELD_LABELS: Final = {
    "checkin.reminder_time": QT_TRANSLATE_NOOP("SettingsDialog", "Reminder time"),
    "checkin.workdays": QT_TRANSLATE_NOOP("SettingsDialog", "Work days"),
    "checkin.snooze_minutes": QT_TRANSLATE_NOOP("SettingsDialog", "Snooze for"),
    "day.start_hour": QT_TRANSLATE_NOOP("SettingsDialog", "Day starts at"),
    "meetings.daily_budget": QT_TRANSLATE_NOOP("SettingsDialog", "Daily budget"),
    "focus.length_minutes": QT_TRANSLATE_NOOP("SettingsDialog", "Focus length"),
    "ui.theme": QT_TRANSLATE_NOOP("SettingsDialog", "Theme"),
    "app.start_at_login": QT_TRANSLATE_NOOP("SettingsDialog", "Start at login"),
    "ui.tray_icon": QT_TRANSLATE_NOOP("SettingsDialog", "Show the tray icon"),
    "calendar.my_addresses": QT_TRANSLATE_NOOP("SettingsDialog", "My e-mail addresses"),
    "calendar.work_hours": QT_TRANSLATE_NOOP("SettingsDialog", "Work hours"),
    "calendar.not_meeting_patterns": QT_TRANSLATE_NOOP("SettingsDialog", "Not-a-meeting patterns"),
    "calendar.only_with_attendees": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Count only events with other attendees"
    ),
    "calendar.watch_files": QT_TRANSLATE_NOOP("SettingsDialog", "Watched calendar files"),
    "forecast.days": QT_TRANSLATE_NOOP("SettingsDialog", "Look ahead"),
    "review.moment": QT_TRANSLATE_NOOP("SettingsDialog", "Weekly review"),
}
_DAY_SHORT: Final = (
    QT_TRANSLATE_NOOP("SettingsDialog", "Mon"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Tue"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Wed"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Thu"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Fri"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Sat"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Sun"),
)
_DAY_LONG: Final = (
    QT_TRANSLATE_NOOP("SettingsDialog", "Monday"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Tuesday"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Wednesday"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Thursday"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Friday"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Saturday"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Sunday"),
)
_THEME_LABELS: Final = {
    "system": QT_TRANSLATE_NOOP("SettingsDialog", "System"),
    "light": QT_TRANSLATE_NOOP("SettingsDialog", "Light"),
    "dark": QT_TRANSLATE_NOOP("SettingsDialog", "Dark"),
}
_TIME_FORMAT: Final = "HH:mm"
_ERROR_STYLE: Final = "color: #b3541e;"
_CALENDAR_FILTER: Final = QT_TRANSLATE_NOOP(
    "SettingsDialog", "Calendar files (*.ics);;All files (*)"
)


def choose_calendar_files(parent: QWidget, start_dir: str) -> list[str]:
    """Ask for ``.ics`` files with the platform's file dialog."""
    names, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("SettingsDialog", "Add calendar files"),
        start_dir,
        QCoreApplication.translate("SettingsDialog", _CALENDAR_FILTER),
    )
    return names


def _qtime(value: dt.time) -> QTime:
    return QTime(value.hour, value.minute)


def _bool_text(value: bool) -> str:
    return "true" if value else "false"
