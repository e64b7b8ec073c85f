"""The daily check-in form: energy, coding and meeting time, optional sleep, stress and note."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise
from typing import Final

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from focusapp.domain.checked_in import is_checked_in
from focusapp.domain.durations import (
    ACCEPTED_FORMS,
    DurationError,
    format_duration,
    parse_duration,
    parse_hours,
)
from focusapp.domain.models import CheckIn
from focusapp.domain.sources import DaySources, Source, merge
from focusapp.domain.validation import Problem, problems_in
from focusapp.ui.checkin_widgets import DayEdit, EnergyPicker
from focusapp.ui.locale_text import day_text
from focusapp.ui.theme import error_color, link_color
from focusapp.wording.numbers import number
from focusapp.wording.phrases import say
from focusapp.wording.translate import QT_TRANSLATE_NOOP

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

        self._errors: dict[str, QLabel] = {}
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
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Da&y"), self.date_edit)
        self._add_row(
            form, self.tr("&Energy"), self.energy, self._with_error("energy", self.energy)
        )
        self.coding_source = self._source_hint("coding")
        self.meetings_source = self._source_hint("meetings")
        self._add_row(
            form,
            self.tr("&Coding"),
            self.coding,
            self._with_error("coding_minutes", self.coding, self.coding_source),
        )
        self._add_row(
            form,
            self.tr("&Meetings"),
            self.meetings,
            self._with_error("meeting_minutes", self.meetings, self.meetings_source),
        )
        self._add_row(
            form, self.tr("S&leep"), self.sleep, self._with_error("sleep_hours", self.sleep)
        )
        self._add_row(
            form, self.tr("S&tress"), self.stress, self._with_error("stress", self.stress)
        )
        self._add_row(form, self.tr("&Note"), self.note, self._with_error("note", self.note))
        self._date_error = self._error_label("date")

        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self._date_error)
        layout.addLayout(buttons)
        layout.addStretch(1)

        chain = (
            self.date_edit,
            *self.energy.buttons(),
            self.coding,
            self.meetings,
            self.sleep,
            self.stress,
            self.note,
            self.save_button,
        )
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
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

    def _add_row(self, form: QFormLayout, text: str, field: QWidget, row: QWidget) -> None:
        """Add ``row`` under a label whose buddy is ``field`` itself, not the row around it.

        The buddy is what a screen reader announces the label for (AT-SPI's labelled-by),
        and what the label's Alt key moves to.
        """
        label = QLabel(text, self)
        label.setBuddy(field)
        form.addRow(label, row)

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

    def _error_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"error_{name}")
        label.setWordWrap(True)
        label.hide()
        self._errors[name] = label
        return label

    def _with_error(self, name: str, widget: QWidget, hint: QWidget | None = None) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        if hint is not None:
            column.addWidget(hint)
        column.addWidget(self._error_label(name))
        box.setFocusProxy(widget)  # the row label's mnemonic lands in the field
        return box

    def _source_hint(self, name: str) -> QLabel:
        """A quiet line saying where a value comes from, with a link to switch back."""
        label = QLabel(self)
        label.setObjectName(f"source_{name}")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.linkActivated.connect(self._on_source_link_activated)
        label.hide()
        return label

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
        _set_hint(self.coding_source, self._sources.coding_source, sessions, "coding", link)
        _set_hint(self.meetings_source, self._sources.meeting_source, calendar, "meetings", link)

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
        problems: list[Problem] = []
        values: dict[str, object] = {"energy": self.energy.value()}
        for name, field in (("coding_minutes", self.coding), ("meeting_minutes", self.meetings)):
            text = field.text().strip()
            if not text:
                values[name] = None
                continue
            try:
                values[name] = parse_duration(text)
            except DurationError as error:
                values[name] = None
                problems.append(Problem(name, error.message))
        sleep_text = self.sleep.text().strip()
        try:
            values["sleep_hours"] = parse_hours(sleep_text) if sleep_text else None
        except DurationError as error:
            values["sleep_hours"] = None
            problems.append(Problem("sleep_hours", error.message))
        values["stress"] = self.stress.currentData()
        values["note"] = self.note.text().strip() or None
        candidate = self._base.merged({**values, "date": self.day()})
        unparsed = {problem.field for problem in problems}
        problems += [p for p in problems_in(candidate, self._today) if p.field not in unparsed]
        return problems or candidate

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
        day = self.day()
        short = day_text(day, self.tr("ddd dd MMM"))
        if day == self._today:
            title = (
                self.tr("Edit today's check-in ({day})")
                if exists
                else self.tr("How was today ({day})?")
            )
        elif day == self._today - dt.timedelta(days=1):
            title = (
                self.tr("Edit yesterday's check-in ({day})")
                if exists
                else self.tr("How was yesterday ({day})?")
            )
        else:
            short = day_text(day, self.tr("ddd dd MMM yyyy"))
            title = self.tr("Edit the check-in of {day}") if exists else self.tr("How was {day}?")
        self.title.setText(title.format(day=short))
        self.save_button.setText(self.tr("Update check-in") if exists else self.tr("Save check-in"))


def _minutes_text(minutes: int | None) -> str:
    return "" if minutes is None else format_duration(minutes)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())


_ORIGINS: Final = {
    "coding": QT_TRANSLATE_NOOP("CheckInForm", "focus sessions"),
    "meetings": QT_TRANSLATE_NOOP("CheckInForm", "your calendar"),
}


def _set_hint(
    label: QLabel, source: Source | None, derived: int | None, field: str, link: QColor
) -> None:
    """Say whether a field uses the typed value and offer to switch back to the derived one.

    Links carry the palette's link colour in the markup: Qt fixes a link's colour when the
    text is parsed, so a theme switched later would otherwise leave it dark blue on grey.
    """
    if derived is None:
        label.hide()
        return
    origin = QCoreApplication.translate("CheckInForm", _ORIGINS[field])
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
