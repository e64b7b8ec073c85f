"""The settings dialog's groups: check-in reminder, day, meetings, focus, weeks, calendar."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from focusapp.wording.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from focusapp.ui.settings.dialog import SettingsDialog


#: Each setting row's label (with its mnemonic), and whether it stands above the field: so
#: the seven day boxes still fit longer day names, and long translations leave the wide
#: fields room.
_ROWS: Final = {
    "checkin.reminder_time": (QT_TRANSLATE_NOOP("SettingsDialog", "Reminder &time:"), False),
    "checkin.workdays": (QT_TRANSLATE_NOOP("SettingsDialog", "Work &days:"), True),
    "checkin.snooze_minutes": (QT_TRANSLATE_NOOP("SettingsDialog", "S&nooze for:"), False),
    "day.start_hour": (QT_TRANSLATE_NOOP("SettingsDialog", "Day &starts at:"), False),
    "meetings.daily_budget": (QT_TRANSLATE_NOOP("SettingsDialog", "Daily &budget:"), False),
    "focus.length_minutes": (QT_TRANSLATE_NOOP("SettingsDialog", "&Focus length:"), False),
    "review.moment": (QT_TRANSLATE_NOOP("SettingsDialog", "Weekly re&view:"), False),
    "forecast.days": (QT_TRANSLATE_NOOP("SettingsDialog", "Loo&k ahead:"), False),
    "ui.theme": (QT_TRANSLATE_NOOP("SettingsDialog", "T&heme:"), False),
    "calendar.my_addresses": (QT_TRANSLATE_NOOP("SettingsDialog", "My e-&mail addresses:"), True),
    "calendar.work_hours": (QT_TRANSLATE_NOOP("SettingsDialog", "&Work hours:"), False),
    "calendar.not_meeting_patterns": (
        QT_TRANSLATE_NOOP("SettingsDialog", "Not-a-meeting &patterns:"),
        True,
    ),
    "calendar.watch_files": (QT_TRANSLATE_NOOP("SettingsDialog", "Watched &calendar files:"), True),
}

Row = tuple[str | None, "QWidget | None", "QWidget"]


def lay_out(dialog: SettingsDialog) -> None:
    """Arrange the dialog's fields in their groups, in two columns above the buttons.

    The words keep the SettingsDialog context they had as the dialog's own ``tr()`` calls.
    """

    def row(key: str, content: QWidget | QHBoxLayout | None = None) -> Row:
        """Return the labelled row of setting ``key``: its field (or ``content``) and error."""
        field = dialog._fields[key]
        text, above = _ROWS[key]
        label = QCoreApplication.translate("SettingsDialog", text) + ("\n" if above else "")
        return (label, field, dialog._with_error(key, field if content is None else content))

    budget = _row(
        dialog.budget, QCoreApplication.translate("SettingsDialog", "a day (0 = no nudge)")
    )
    review = _row(
        dialog.review_on,
        dialog.review_day,
        QCoreApplication.translate("SettingsDialog", "at"),
        dialog.review_time,
    )
    left_groups: list[tuple[str, list[Row]]] = [
        (
            QCoreApplication.translate("SettingsDialog", "Check-in reminder"),
            [
                row("checkin.reminder_time"),
                row("checkin.workdays", _row(*dialog.workdays)),
                row("checkin.snooze_minutes"),
            ],
        ),
        (QCoreApplication.translate("SettingsDialog", "Day"), [row("day.start_hour")]),
        (
            QCoreApplication.translate("SettingsDialog", "Meetings"),
            [row("meetings.daily_budget", budget)],
        ),
        (QCoreApplication.translate("SettingsDialog", "Focus"), [row("focus.length_minutes")]),
        (
            QCoreApplication.translate("SettingsDialog", "Start"),
            [(None, None, dialog._with_error("app.start_at_login", dialog.start_at_login))],
        ),
        (
            QCoreApplication.translate("SettingsDialog", "Weeks"),
            [row("review.moment", review), row("forecast.days")],
        ),
    ]
    left = [_group(dialog, title, rows) for title, rows in left_groups]
    tray = dialog._with_error("ui.tray_icon", dialog.tray_icon)
    appearance = _group(
        dialog,
        QCoreApplication.translate("SettingsDialog", "Appearance"),
        [row("ui.theme", _row(dialog.theme)), ("", None, tray)],
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
    hours = _row(
        dialog.work_start, QCoreApplication.translate("SettingsDialog", "to"), dialog.work_end
    )
    hours = _row(
        dialog.work_start, QCoreApplication.translate("SettingsDialog", "to"), dialog.work_end
    )
    attendees = dialog._with_error("calendar.only_with_attendees", dialog.only_with_attendees)
    calendar = _group(
        dialog,
        QCoreApplication.translate("SettingsDialog", "Calendar"),
        [
            row("calendar.my_addresses"),
            row("calendar.work_hours", hours),
            row("calendar.not_meeting_patterns"),
            ("", None, attendees),
            row("calendar.watch_files", files_row),
        ],
    )
    _align_labels([form for _group_box, form in left])
    _align_labels([appearance[1], calendar[1]])

    column = QVBoxLayout()
    for group, _form in left:
        column.addWidget(group)
    column.addStretch(1)
    right = QVBoxLayout()
    right.addWidget(appearance[0])
    right.addWidget(calendar[0], 1)
    columns = QHBoxLayout()
    columns.addLayout(column, 1)
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
