"""The settings dialog's fields: their names and words, the file chooser, values in and out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtWidgets import QFileDialog, QWidget

from focusapp.domain.durations import format_duration
from focusapp.settings.values import DEFAULT_REVIEW_MOMENT, WEEKDAY_NAMES
from focusapp.wording.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import datetime as dt

    from focusapp.settings.values import Settings
    from focusapp.ui.settings.dialog import SettingsDialog


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


def show_values(dialog: SettingsDialog, settings: Settings) -> None:
    """Show ``settings`` in every field of ``dialog`` but the file list."""
    dialog.reminder_time.setTime(_qtime(settings.reminder_time))
    for day, box in enumerate(dialog.workdays):
        box.setChecked(day in settings.workdays)
    dialog.snooze.setValue(settings.snooze_minutes)
    dialog.day_start.setValue(settings.day_start_hour)
    dialog.budget.setText(format_duration(settings.meeting_budget_minutes))
    dialog.focus_length.setValue(settings.focus_length_minutes)
    dialog.theme.setCurrentIndex(max(dialog.theme.findData(settings.theme), 0))
    dialog.tray_icon.setChecked(settings.tray_icon)
    dialog.start_at_login.setChecked(settings.start_at_login)
    dialog.addresses.setText(", ".join(settings.calendar_my_addresses))
    dialog.addresses.setCursorPosition(0)
    dialog.work_start.setTime(_qtime(settings.calendar_work_hours[0]))
    dialog.work_end.setTime(_qtime(settings.calendar_work_hours[1]))
    dialog.patterns.setText(", ".join(settings.calendar_not_meeting_patterns))
    dialog.patterns.setCursorPosition(0)
    dialog.only_with_attendees.setChecked(settings.calendar_only_with_attendees)
    moment = settings.review_moment
    dialog.review_on.setChecked(moment is not None)
    dialog.review_day.setEnabled(moment is not None)
    dialog.review_time.setEnabled(moment is not None)
    shown = moment or DEFAULT_REVIEW_MOMENT
    dialog.review_day.setCurrentIndex(shown.weekday)
    dialog.review_time.setTime(_qtime(shown.time))
    dialog.forecast_days.setValue(settings.forecast_days)


def typed_texts(dialog: SettingsDialog) -> dict[str, str]:
    """Return each setting of ``dialog`` as typed, in the form ``focusapp config set`` takes."""
    return {
        "checkin.reminder_time": dialog.reminder_time.time().toString(_TIME_FORMAT),
        "checkin.workdays": ",".join(
            WEEKDAY_NAMES[day] for day, box in enumerate(dialog.workdays) if box.isChecked()
        ),
        "checkin.snooze_minutes": str(dialog.snooze.value()),
        "day.start_hour": str(dialog.day_start.value()),
        "meetings.daily_budget": dialog.budget.text(),
        "focus.length_minutes": str(dialog.focus_length.value()),
        "ui.theme": str(dialog.theme.currentData()),
        "app.start_at_login": _bool_text(dialog.start_at_login.isChecked()),
        "ui.tray_icon": _bool_text(dialog.tray_icon.isChecked()),
        "calendar.my_addresses": dialog.addresses.text(),
        "calendar.work_hours": (
            f"{dialog.work_start.time().toString(_TIME_FORMAT)}"
            f"-{dialog.work_end.time().toString(_TIME_FORMAT)}"
        ),
        "calendar.not_meeting_patterns": dialog.patterns.text(),
        "calendar.only_with_attendees": _bool_text(dialog.only_with_attendees.isChecked()),
        "forecast.days": str(dialog.forecast_days.value()),
        "review.moment": (
            f"{WEEKDAY_NAMES[dialog.review_day.currentIndex()]} "
            f"{dialog.review_time.time().toString(_TIME_FORMAT)}"
            if dialog.review_on.isChecked()
            else "off"
        ),
    }
