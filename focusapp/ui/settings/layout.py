"""The settings dialog's groups: check-in reminder, day, meetings, focus, weeks, calendar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from focusapp.ui.settings.dialog import SettingsDialog


def lay_out(dialog: SettingsDialog) -> None:
    """Arrange the dialog's fields in their groups, in two columns above the buttons.

    The words keep the SettingsDialog context they had as the dialog's own ``tr()`` calls.
    """
    workdays = QHBoxLayout()
    workdays.setContentsMargins(0, 0, 0, 0)
    for box in dialog.workdays:
        workdays.addWidget(box)
    workdays.addStretch(1)
    reminder, reminder_form = _group(
        dialog,
        QCoreApplication.translate("SettingsDialog", "Check-in reminder"),
        [
            _field(
                dialog,
                QCoreApplication.translate("SettingsDialog", "Reminder &time:"),
                "checkin.reminder_time",
                dialog.reminder_time,
            ),
            (
                # Above the seven day boxes, so longer day names still fit.
                QCoreApplication.translate("SettingsDialog", "Work &days:") + "\n",
                dialog.workdays[0],
                dialog._with_error("checkin.workdays", workdays),
            ),
            _field(
                dialog,
                QCoreApplication.translate("SettingsDialog", "S&nooze for:"),
                "checkin.snooze_minutes",
                dialog.snooze,
            ),
        ],
    )
    day, day_form = _group(
        dialog,
        QCoreApplication.translate("SettingsDialog", "Day"),
        [
            _field(
                dialog,
                QCoreApplication.translate("SettingsDialog", "Day &starts at:"),
                "day.start_hour",
                dialog.day_start,
            )
        ],
    )
    meetings, meetings_form = _group(
        dialog,
        QCoreApplication.translate("SettingsDialog", "Meetings"),
        [
            (
                QCoreApplication.translate("SettingsDialog", "Daily &budget:"),
                dialog.budget,
                dialog._with_error(
                    "meetings.daily_budget",
                    _row(
                        dialog.budget,
                        QCoreApplication.translate("SettingsDialog", "a day (0 = no nudge)"),
                    ),
                ),
            )
        ],
    )
    focus, focus_form = _group(
        dialog,
        QCoreApplication.translate("SettingsDialog", "Focus"),
        [
            _field(
                dialog,
                QCoreApplication.translate("SettingsDialog", "&Focus length:"),
                "focus.length_minutes",
                dialog.focus_length,
            )
        ],
    )
    start, start_form = _group(
        dialog,
        QCoreApplication.translate("SettingsDialog", "Start"),
        [(None, None, dialog._with_error("app.start_at_login", dialog.start_at_login))],
    )
    weeks, weeks_form = _group(
        dialog,
        QCoreApplication.translate("SettingsDialog", "Weeks"),
        [
            (
                QCoreApplication.translate("SettingsDialog", "Weekly re&view:"),
                dialog.review_on,
                dialog._with_error(
                    "review.moment",
                    _row(
                        dialog.review_on,
                        dialog.review_day,
                        QCoreApplication.translate("SettingsDialog", "at"),
                        dialog.review_time,
                    ),
                ),
            ),
            _field(
                dialog,
                QCoreApplication.translate("SettingsDialog", "Loo&k ahead:"),
                "forecast.days",
                dialog.forecast_days,
            ),
        ],
    )
    appearance, appearance_form = _group(
        dialog,
        QCoreApplication.translate("SettingsDialog", "Appearance"),
        [
            (
                QCoreApplication.translate("SettingsDialog", "T&heme:"),
                dialog.theme,
                dialog._with_error("ui.theme", _row(dialog.theme)),
            ),
            ("", None, dialog._with_error("ui.tray_icon", dialog.tray_icon)),
        ],
    )
    file_buttons = QVBoxLayout()
    file_buttons.setContentsMargins(0, 0, 0, 0)
    file_buttons.addWidget(dialog.add_file_button)
    file_buttons.addWidget(dialog.remove_file_button)
    file_buttons.addStretch(1)
    files_row = QHBoxLayout()
    files_row.setContentsMargins(0, 0, 0, 0)
    files_row.addWidget(dialog.files, 1)
    files_row.addLayout(file_buttons)
    calendar, calendar_form = _group(
        dialog,
        QCoreApplication.translate("SettingsDialog", "Calendar"),
        [
            (
                # Above their wide fields, so long translations leave them room.
                QCoreApplication.translate("SettingsDialog", "My e-&mail addresses:") + "\n",
                dialog.addresses,
                dialog._with_error("calendar.my_addresses", dialog.addresses),
            ),
            (
                QCoreApplication.translate("SettingsDialog", "&Work hours:"),
                dialog.work_start,
                dialog._with_error(
                    "calendar.work_hours",
                    _row(
                        dialog.work_start,
                        QCoreApplication.translate("SettingsDialog", "to"),
                        dialog.work_end,
                    ),
                ),
            ),
            _field(
                dialog,
                QCoreApplication.translate("SettingsDialog", "Not-a-meeting &patterns:") + "\n",
                "calendar.not_meeting_patterns",
                dialog.patterns,
            ),
            (
                "",
                None,
                dialog._with_error("calendar.only_with_attendees", dialog.only_with_attendees),
            ),
            (
                QCoreApplication.translate("SettingsDialog", "Watched &calendar files:\n"),
                dialog.files,
                dialog._with_error("calendar.watch_files", files_row),
            ),
        ],
    )
    _align_labels([reminder_form, day_form, meetings_form, focus_form, start_form, weeks_form])
    _align_labels([appearance_form, calendar_form])

    left = QVBoxLayout()
    for group in (reminder, day, meetings, focus, start, weeks):
        left.addWidget(group)
    left.addStretch(1)
    right = QVBoxLayout()
    right.addWidget(appearance)
    right.addWidget(calendar, 1)
    columns = QHBoxLayout()
    columns.addLayout(left, 1)
    columns.addLayout(right, 1)
    layout = QVBoxLayout(dialog)
    layout.addLayout(columns)
    layout.addWidget(dialog.buttons)


def _align_labels(forms: list[QFormLayout]) -> None:
    """Give every label of ``forms`` the widest one's width, so the fields line up in a column.

    Each group box has its own form layout; without this, fields of stacked groups start at
    different places.
    """
    labels: list[QWidget] = []
    for form in forms:
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if label is not None:
                labels.append(label)
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)


Row = tuple[str | None, "QWidget | None", "QWidget"]


def _field(dialog: SettingsDialog, text: str, key: str, field: QWidget) -> Row:
    """Return the row of a setting shown in one widget, labelled ``text``, with its error."""
    return (text, field, dialog._with_error(key, field))


def _row(*widgets: QWidget | str) -> QHBoxLayout:
    """Return widgets (and plain words) side by side, left-aligned."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    for item in widgets:
        row.addWidget(QLabel(item) if isinstance(item, str) else item)
    row.addStretch(1)
    return row


def _group(dialog: SettingsDialog, title: str, rows: list[Row]) -> tuple[QGroupBox, QFormLayout]:
    """Return a titled group of ``(label, buddy, field)`` rows.

    A label ending in a newline stands above a field that spans the group's width; a
    ``None`` label lets the field span the whole row.
    """
    group = QGroupBox(title, dialog)
    form = QFormLayout(group)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    for text, buddy, field in rows:
        if text is None:
            form.addRow(field)
            continue
        label = QLabel(text.rstrip("\n"), group)
        if buddy is not None:
            label.setBuddy(buddy)
        if text.endswith("\n"):
            form.addRow(label)
            form.addRow(field)
        else:
            form.addRow(label, field)
    return group, form
