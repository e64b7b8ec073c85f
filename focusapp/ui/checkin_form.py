"""The daily check-in form: energy, coding and meeting time, optional sleep, stress and note."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from focusapp.domain.checked_in import is_checked_in
from focusapp.domain.durations import ACCEPTED_FORMS, format_duration
from focusapp.domain.models import CheckIn
from focusapp.domain.sources import DaySources, merge
from focusapp.ui.checkin_draft import read_draft
from focusapp.ui.checkin_edits import field_values
from focusapp.ui.checkin_hints import set_hint, title_texts
from focusapp.ui.checkin_layout import FieldRows, chain_tab_order, source_hint
from focusapp.ui.checkin_widgets import DayEdit, EnergyPicker
from focusapp.ui.locale_text import day_text
from focusapp.ui.theme import error_color, link_color
from focusapp.wording.numbers import number
from focusapp.wording.phrases import say
from focusapp.wording.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from focusapp.domain.validation import Problem

STRESS_LABELS: Final = {
    1: QT_TRANSLATE_NOOP("CheckInForm", "1 Calm"),
    2: QT_TRANSLATE_NOOP("CheckInForm", "2 Mild"),
    3: QT_TRANSLATE_NOOP("CheckInForm", "3 Moderate"),
    4: QT_TRANSLATE_NOOP("CheckInForm", "4 High"),
    5: QT_TRANSLATE_NOOP("CheckInForm", "5 Very high"),
}


def stress_text(stress: int) -> str:
    """Return the label of a stress value ("2 Mild"), translated."""
    label = STRESS_LABELS.get(stress)
    return str(stress) if label is None else QCoreApplication.translate("CheckInForm", label)


class CheckInForm(QWidget):
    """Collects one day's check-in; the window saves it through the service.

    The form parses what was typed and marks each bad field inline; it never stores
    anything itself.

    Signals:
        save_requested(object): A :class:`CheckIn` the user asked to save.
        date_changed(object): The user picked another day (``datetime.date``).
        calendar_details_requested(object): Show which meetings counted on this day.
    """

    save_requested = Signal(object)
    date_changed = Signal(object)
    calendar_details_requested = Signal(object)

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)

        self.date_edit = DayEdit(self)
        self.energy = EnergyPicker(self)
        self.coding = self._duration_field(self.tr("Coding / deep work, e.g. 2h or 1h30"))
        self.meetings = self._duration_field(self.tr("Time in meetings, e.g. 3h"))
        self.sleep = QLineEdit(self)
        self.sleep.setPlaceholderText(self.tr("Optional, hours, e.g. 7.5"))
        self.sleep.setAccessibleName(self.tr("Sleep hours"))
        self.stress = QComboBox(self)
        self.stress.addItem(self.tr("Not recorded"), None)
        for value, label in STRESS_LABELS.items():
            self.stress.addItem(self.tr(label), value)
        self.stress.setAccessibleName(self.tr("Stress"))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Optional, stays on this computer"))
        self.note.setAccessibleName(self.tr("Note"))
        self.save_button = QPushButton(self.tr("Save check-in"), self)
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        #: The widget to focus for a problem with each field.
        self._fields: dict[str, QWidget] = {
            "date": self.date_edit,
            "energy": self.energy,
            "coding_minutes": self.coding,
            "meeting_minutes": self.meetings,
            "sleep_hours": self.sleep,
            "stress": self.stress,
            "note": self.note,
        }
        rows = FieldRows(self)
        self._errors = rows.errors
        rows.layout.addRow(self.tr("Da&y"), self.date_edit)
        rows.add(self.tr("&Energy"), "energy", self.energy)
        self.coding_source = source_hint(self, "coding", self._on_source_link_activated)
        self.meetings_source = source_hint(self, "meetings", self._on_source_link_activated)
        rows.add(self.tr("&Coding"), "coding_minutes", self.coding, self.coding_source)
        rows.add(self.tr("&Meetings"), "meeting_minutes", self.meetings, self.meetings_source)
        rows.add(self.tr("S&leep"), "sleep_hours", self.sleep)
        rows.add(self.tr("S&tress"), "stress", self.stress)
        rows.add(self.tr("&Note"), "note", self.note)
        self._date_error = rows.error_label("date")

        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(rows.layout)
        layout.addWidget(self._date_error)
        layout.addLayout(buttons)
        layout.addStretch(1)

        chain_tab_order(
            self.date_edit,
            *self.energy.buttons(),
            self.coding,
            self.meetings,
            self.sleep,
            self.stress,
            self.note,
            self.save_button,
        )
        # Enter in a text field saves through keyPressEvent: a QLineEdit passes the key on
        # after its returnPressed, so connecting that as well saved every day twice.
        self.save_button.clicked.connect(self.submit)
        self.date_edit.dateChanged.connect(self._on_date_edit_date_changed)
        for widget in (self.date_edit, self.energy, *self.energy.buttons(), self.stress):
            widget.installEventFilter(self)
        self.set_today(today)
        self.load(CheckIn(date=today))
        self._apply_colors()

    # --- building ---------------------------------------------------------------------------

    def _duration_field(self, placeholder: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setPlaceholderText(placeholder)
        field.setAccessibleName(placeholder.split(",")[0])
        field.setToolTip(self.tr("Accepted: {forms}").format(forms=ACCEPTED_FORMS))
        return field

    def _apply_colors(self) -> None:
        """Colour the inline errors and links from the current palette (light or dark)."""
        color = error_color(self.palette())
        for label in self._errors.values():
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, color)
            label.setPalette(palette)
        if hasattr(self, "_sources"):
            self._show_sources()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Follow a theme switched at run time."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_colors()

    # --- public API -------------------------------------------------------------------------

    def set_today(self, today: dt.date) -> None:
        """Tell the form which day is today (the date field allows one day ahead)."""
        self._today = today
        self.date_edit.setMaximumDate(_qdate(today + dt.timedelta(days=1)))

    def day(self) -> dt.date:
        """Return the day the form is editing."""
        return _pydate(self.date_edit.date())

    def loaded_record(self) -> CheckIn | None:
        """Return the typed record the form was filled with (``None`` for a new day).

        Saving writes only the fields that differ from it, so a value another program
        changed meanwhile survives unless the user changed the same field here.
        """
        return self._sources.typed if hasattr(self, "_sources") else None

    def load(self, day: CheckIn | DaySources) -> None:
        """Fill the form with what the user typed for a day (an empty check-in for a new day).

        Given the day's sources, derived values (focus sessions, calendar) show as hints, so
        saving never turns a derived value into a typed one by accident.
        """
        sources = day if isinstance(day, DaySources) else merge(day.date, day, None)
        self._sources = sources
        checkin = sources.typed or CheckIn(date=sources.effective.date)
        if self.date_edit.date() != _qdate(checkin.date):  # else typing in it is under way
            self.date_edit.blockSignals(True)
            self.date_edit.setDate(_qdate(checkin.date))
            self.date_edit.blockSignals(False)
        self.energy.set_value(checkin.energy)
        self.coding.setText(_minutes_text(checkin.coding_minutes))
        self.meetings.setText(_minutes_text(checkin.meeting_minutes))
        self.sleep.setText("" if checkin.sleep_hours is None else number(checkin.sleep_hours, "g"))
        index = self.stress.findData(checkin.stress)
        self.stress.setCurrentIndex(max(index, 0))
        self.note.setText(checkin.note or "")
        self._base = checkin
        self.clear_problems()
        self._show_sources()
        self._update_title(exists=is_checked_in(sources.typed))
        if sources.typed is not None and not is_checked_in(sources.typed):
            self.status.setText(self.not_checked_in_text())
        self.loaded_values = field_values(self)

    def _show_sources(self) -> None:
        derived = self._sources.derived
        sessions = derived.coding_minutes if derived else None
        calendar = derived.meeting_minutes if derived else None
        self.coding.setPlaceholderText(
            self.tr("{time} from focus sessions").format(time=format_duration(sessions))
            if sessions is not None
            else self.tr("Coding / deep work, e.g. 2h or 1h30")
        )
        self.meetings.setPlaceholderText(
            self.tr("{time} from your calendar").format(time=format_duration(calendar))
            if calendar is not None
            else self.tr("Time in meetings, e.g. 3h")
        )
        link = link_color(self.palette())
        set_hint(self.coding_source, self._sources.coding_source, sessions, "coding", link)
        set_hint(self.meetings_source, self._sources.meeting_source, calendar, "meetings", link)

    @Slot(str)
    def _on_source_link_activated(self, link: str) -> None:
        if link == "calendar:day":
            self.calendar_details_requested.emit(self.day())
            return
        field = self.coding if link == "use:coding" else self.meetings
        field.clear()
        field.setFocus()
        self.status.setText(self.tr("Cleared: save to use the derived time again."))

    def show_problems(self, problems: list[Problem]) -> None:
        """Mark each field named in ``problems`` with its message."""
        self.clear_problems()
        for problem in problems:
            label = self._errors.get(problem.field, self._errors["date"])
            message = say(problem.message)
            text = message if label.isHidden() else f"{label.text()}; {message}"
            label.setText(text)
            label.show()
        fields = [self._fields.get(problem.field, self.date_edit) for problem in problems]
        if fields:
            fields[0].setFocus(Qt.FocusReason.OtherFocusReason)
        count = len({id(label) for label in self._errors.values() if not label.isHidden()})
        self.status.setText(
            self.tr("Not saved: please fix the marked field.")
            if count == 1
            else self.tr("Not saved: please fix the {count} marked fields.").format(count=count)
        )

    def clear_problems(self) -> None:
        """Hide every inline message."""
        for label in self._errors.values():
            label.clear()
            label.hide()
        self.status.clear()

    def show_saved(self, stored: CheckIn) -> str:
        """Confirm what was saved next to the Save button, and return the sentence.

        A day saved without energy is stored but not checked in (the tray and the
        reminder say the same), so the confirmation says what is still missing.
        """
        if is_checked_in(stored):
            message = self.tr("Saved {day}.").format(
                day=day_text(stored.date, self.tr("ddd dd MMM"))
            )
        else:
            message = self.tr("Kept what you typed for {day}. {missing}").format(
                day=day_text(stored.date, self.tr("ddd dd MMM")), missing=self.not_checked_in_text()
            )
        self.status.setText(message)
        return message

    def not_checked_in_text(self) -> str:
        """Say that the day still needs its energy to count as checked in."""
        return self.tr("Not checked in yet: choose your energy (keys 1-5) to finish.")

    def draft(self) -> CheckIn | list[Problem]:
        """Return the check-in typed so far, or every problem preventing it.

        Fields that do not parse are left out and the rest still go through the domain's
        rules, so one attempt marks every field at fault, not one per try.
        """
        return read_draft(
            self._base,
            self._today,
            {
                "date": self.day(),
                "energy": self.energy.value(),
                "stress": self.stress.currentData(),
                "note": self.note.text().strip() or None,
            },
            {"coding_minutes": self.coding.text(), "meeting_minutes": self.meetings.text()},
            self.sleep.text(),
        )

    @Slot()
    def submit(self) -> None:
        """Parse the form and ask to save it, or mark what is wrong."""
        result = self.draft()
        if isinstance(result, list):
            self.show_problems(result)
            return
        self.clear_problems()
        self.save_requested.emit(result)

    # --- events -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Let keys 1-5 pick energy and Enter save while focus is off the text fields."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self._handle_key(event)
        ):
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Handle 1-5 and Enter when the form itself has focus."""
        if not self._handle_key(event):
            super().keyPressEvent(event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        focus = self.focusWidget()
        if isinstance(focus, QDateEdit) and plain and Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            return False  # digits type the date
        if plain and Qt.Key.Key_1 <= key <= Qt.Key.Key_5:
            self.energy.choose(key - Qt.Key.Key_0)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            return True
        return False

    @Slot(QDate)
    def _on_date_edit_date_changed(self, date: QDate) -> None:
        self.date_changed.emit(_pydate(date))

    def _update_title(self, *, exists: bool) -> None:
        title, button = title_texts(self.day(), self._today, exists=exists)
        self.title.setText(title)
        self.save_button.setText(button)


def _minutes_text(minutes: int | None) -> str:
    return "" if minutes is None else format_duration(minutes)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())
