"""The settings dialog: a copy of the settings, edited and validated as it is typed."""

from __future__ import annotations

import dataclasses
import itertools
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from focusapp.domain.forecast_range import MAX_DAYS as MAX_FORECAST_DAYS
from focusapp.domain.forecast_range import MIN_DAYS as MIN_FORECAST_DAYS
from focusapp.settings.specs import accepted_form, with_value
from focusapp.settings.values import DEFAULT_SETTINGS, THEMES, Settings, SettingsError
from focusapp.ui.settings.fields import (
    _DAY_LONG,
    _DAY_SHORT,
    _ERROR_STYLE,
    _THEME_LABELS,
    _TIME_FORMAT,
    FIELD_LABELS,
    choose_calendar_files,
    show_values,
    typed_texts,
)
from focusapp.ui.settings.file_list import CalendarFileList
from focusapp.ui.settings.layout import lay_out

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QShowEvent


W = TypeVar("W", bound=QWidget)


class SettingsDialog(QDialog):
    """Edits a copy of the settings; OK is only possible while every field is valid.

    The field widgets (``reminder_time``, ``workdays``, ``budget``, ``files``...) are public
    so the window and tests can reach them; their values only leave the dialog through
    :meth:`edited_settings`, ``settings_submitted`` and :meth:`result_settings`.

    Attributes:
        buttons: OK, Cancel and Restore Defaults.
        files: The watched calendar files, one path per row.

    Signals:
        settings_submitted(object): The new :class:`Settings`, when the user pressed OK.
    """

    settings_submitted = Signal(object)

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        choose_files: Callable[[QWidget, str], list[str]] = choose_calendar_files,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("FocusApp Settings"))
        self._base = settings
        self._result: Settings | None = None
        self._choose_files = choose_files
        self._errors: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self._build_widgets()
        lay_out(self)
        self._connect()
        self.load(settings)

    # --- building ---------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.reminder_time = self._time_edit("checkin.reminder_time", self.tr("Reminder time"))
        self.workdays = [QCheckBox(self.tr(name), self) for name in _DAY_SHORT]
        for box, name in zip(self.workdays, _DAY_LONG, strict=True):
            box.setAccessibleName(self.tr(name))
        self._fields["checkin.workdays"] = self.workdays[0]
        self.snooze = self._spin_box("checkin.snooze_minutes", 1, 720, self.tr(" min"))
        self.day_start = self._spin_box("day.start_hour", 0, 12, ":00")
        self.day_start.setToolTip(
            self.tr("Check-ins and focus time before this hour count for the day before.")
        )
        self.budget = self._line_edit("meetings.daily_budget", self.tr("e.g. 4h, 3h30 or 0"))
        self.budget.setMaximumWidth(self.fontMetrics().horizontalAdvance("M" * 12))
        self.focus_length = self._spin_box("focus.length_minutes", 5, 480, self.tr(" min"))
        self.theme = QComboBox(self)
        for theme in THEMES:
            self.theme.addItem(self.tr(_THEME_LABELS[theme]), theme)
        self._register("ui.theme", self.theme)
        self.tray_icon = self._check_box("ui.tray_icon", self.tr("Show the tray &icon"))
        self.start_at_login = self._check_box(
            "app.start_at_login", self.tr("Start FocusApp when I &log in")
        )
        self.addresses = self._line_edit(
            "calendar.my_addresses", self.tr("me@example.com, me@work.example")
        )
        self.work_start = self._time_edit("calendar.work_hours", self.tr("Work hours start"))
        self.work_end = self._time_field(self.tr("Work hours end"))
        self.work_end.setToolTip(self.work_start.toolTip())
        self.patterns = self._line_edit(
            "calendar.not_meeting_patterns", self.tr("focus, lunch, ooo")
        )
        wide = self.fontMetrics().averageCharWidth() * 44
        for edit in (self.addresses, self.patterns):
            edit.setMinimumWidth(wide)
        self.only_with_attendees = self._check_box(
            "calendar.only_with_attendees", self.tr("Count only events with &other attendees")
        )
        self.file_list = CalendarFileList(self, self._choose_files)
        self.files = self.file_list.files
        self._register("calendar.watch_files", self.files)
        self.add_file_button = self.file_list.add_button
        self.remove_file_button = self.file_list.remove_button
        self.review_on = QCheckBox(self.tr("on"), self)
        self._register("review.moment", self.review_on)
        self.review_day = QComboBox(self)
        self.review_day.addItems([self.tr(name) for name in _DAY_LONG])
        self.review_day.setAccessibleName(self.tr("Weekly review day"))
        self.review_time = self._time_field(self.tr("Weekly review time"))
        self.forecast_days = self._spin_box(
            "forecast.days", MIN_FORECAST_DAYS, MAX_FORECAST_DAYS, self.tr(" days")
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )

    def _register(self, key: str, widget: W) -> W:
        """Make ``widget`` the field of setting ``key``, named and explained; return it."""
        widget.setToolTip(
            widget.toolTip() or self.tr("Accepted: {forms}").format(forms=accepted_form(key))
        )
        widget.setAccessibleName(widget.accessibleName() or self.tr(FIELD_LABELS[key]))
        self._fields[key] = widget
        return widget

    def _time_field(self, name: str) -> QTimeEdit:
        edit = QTimeEdit(self)
        edit.setDisplayFormat(_TIME_FORMAT)
        edit.setAccessibleName(name)
        return edit

    def _time_edit(self, key: str, name: str) -> QTimeEdit:
        return self._register(key, self._time_field(name))

    def _spin_box(self, key: str, low: int, high: int, suffix: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        spin.setAccelerated(True)
        return self._register(key, spin)

    def _line_edit(self, key: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        return self._register(key, edit)

    def _check_box(self, key: str, text: str) -> QCheckBox:
        return self._register(key, QCheckBox(text, self))

    def _error_label(self, key: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"error_{key}")
        label.setWordWrap(True)
        label.setStyleSheet(_ERROR_STYLE)
        label.hide()
        self._errors[key] = label
        return label

    def _with_error(self, key: str, field: QWidget | QHBoxLayout) -> QWidget:
        """Return ``field`` with its (hidden) inline message underneath."""
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if isinstance(field, QWidget):
            column.addWidget(field)
        else:
            column.addLayout(field)
        column.addWidget(self._error_label(key))
        return box

    def _tab_chain(self) -> list[QWidget]:
        """Return the fields in reading order: left column top to bottom, then the right."""
        return [
            self.reminder_time,
            *self.workdays,
            self.snooze,
            self.day_start,
            self.budget,
            self.focus_length,
            self.start_at_login,
            self.review_on,
            self.review_day,
            self.review_time,
            self.forecast_days,
            self.theme,
            self.tray_icon,
            self.addresses,
            self.work_start,
            self.work_end,
            self.patterns,
            self.only_with_attendees,
            self.files,
            self.add_file_button,
            self.remove_file_button,
            *self.buttons.buttons(),
        ]

    def _connect(self) -> None:
        chain = self._tab_chain()
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        # Typed fields are checked as they change; the other fields cannot hold bad values.
        for changed in (
            self.budget.textChanged,
            self.addresses.textChanged,
            self.patterns.textChanged,
            self.work_start.timeChanged,
            self.work_end.timeChanged,
        ):
            changed.connect(self._on_field_edited)
        self.review_on.toggled.connect(self.review_day.setEnabled)
        self.review_on.toggled.connect(self.review_time.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.clicked.connect(self._on_buttons_clicked)

    # --- public API -------------------------------------------------------------------------

    def load(self, settings: Settings) -> None:
        """Show ``settings`` in every field (the starting point, or Restore Defaults)."""
        show_values(self, settings)
        self.file_list.set_paths(settings.calendar_watch_files)
        self.validate()

    def field_texts(self) -> dict[str, str]:
        """Return each setting as typed, in the text form ``focusapp config set`` takes."""
        return typed_texts(self)

    def edited_settings(self) -> Settings | dict[str, str]:
        """Return the settings as edited, or a message per invalid setting key.

        Everything except the file list is checked by :func:`with_value`. The file list
        holds paths chosen in a file dialog, which need no parsing and could not all be
        written as one comma-separated text.
        """
        settings = self._base
        problems: dict[str, str] = {}
        for key, text in self.field_texts().items():
            try:
                settings = with_value(settings, key, text)
            except SettingsError as error:
                reason = str(error).removeprefix(f"{key}: ")
                problems[key] = self.tr("{setting}: {reason}").format(
                    setting=self.tr(FIELD_LABELS[key]), reason=reason
                )
        if problems:
            return problems
        return dataclasses.replace(settings, calendar_watch_files=tuple(self.file_paths()))

    def validate(self) -> bool:
        """Show a message under each invalid field, enable OK accordingly; return validity."""
        result = self.edited_settings()
        problems = result if isinstance(result, dict) else {}
        for key, label in self._errors.items():
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problems)
        ok.setToolTip(self.tr("Fix the marked fields first") if problems else "")
        return not problems

    def file_paths(self) -> list[str]:
        """Return the watched calendar files, in the order shown."""
        return self.file_list.paths()

    def result_settings(self) -> Settings | None:
        """Return the settings accepted with OK, or ``None`` before that (or after Cancel)."""
        return self._result

    def accept(self) -> None:
        """Close with the new settings, or refuse and point at the first invalid field."""
        result = self.edited_settings()
        if isinstance(result, dict):
            self.validate()
            first = next(iter(result))
            self._fields[first].setFocus()
            return
        self._result = result
        self.settings_submitted.emit(result)
        super().accept()

    # --- slots ------------------------------------------------------------------------------

    @Slot()
    def _on_field_edited(self) -> None:
        self.validate()

    @Slot(QAbstractButton)
    def _on_buttons_clicked(self, button: QAbstractButton) -> None:
        role = self.buttons.buttonRole(button)
        if role == QDialogButtonBox.ButtonRole.ResetRole:
            self.load(DEFAULT_SETTINGS)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Start in the first field, so the keyboard works at once."""
        super().showEvent(event)
        self.reminder_time.setFocus()
