"""One day's calendar audit: its meeting numbers and every event behind them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt, Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from focusapp.domain.durations import format_duration
from focusapp.ui.calendar_exclusion_buttons import ExclusionButtons
from focusapp.ui.calendar_report import _muted
from focusapp.wording.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from focusapp.domain.calendar import CalendarDay
    from focusapp.services.calendar.audit import DayAudit
    from focusapp.services.calendar.service import CalendarService
    from focusapp.ui.change_hub import ChangeHub


class CalendarDayDialog(QDialog):
    """One day's meeting numbers and every calendar event behind them, counted or not.

    The audit is read on the database worker (through the window's change hub); the day
    shown is the last one asked for, so stepping quickly never shows an older answer.

    Attributes:
        date_edit: The day shown; the arrows step a day at a time.
        summary_label: The day's numbers, or why there are none.
        table: Time, title, counted or left out (with the reason), source file.

    Signals:
        loaded: The audit of the day shown has arrived and is on screen.
    """

    loaded = Signal()

    COLUMNS: Final = (
        QT_TRANSLATE_NOOP("CalendarDayDialog", "Time"),
        QT_TRANSLATE_NOOP("CalendarDayDialog", "Title"),
        QT_TRANSLATE_NOOP("CalendarDayDialog", "Counted?"),
        QT_TRANSLATE_NOOP("CalendarDayDialog", "Calendar file"),
        QT_TRANSLATE_NOOP("CalendarDayDialog", "Overlaps"),
    )

    def __init__(
        self,
        calendar: CalendarService,
        day: dt.date,
        hub: ChangeHub,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calendar_day_dialog")
        self.setWindowTitle(self.tr("Calendar for this day"))
        self._calendar = calendar
        self._hub = hub

        self.previous_button = QToolButton(self)
        self.previous_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous_button.setToolTip(self.tr("Previous day"))
        self.previous_button.setAccessibleName(self.tr("Previous day"))
        self.next_button = QToolButton(self)
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setToolTip(self.tr("Next day"))
        self.next_button.setAccessibleName(self.tr("Next day"))
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setAccessibleName(self.tr("Day"))
        navigation = QHBoxLayout()
        navigation.addWidget(self.previous_button)
        navigation.addWidget(self.date_edit)
        navigation.addWidget(self.next_button)
        navigation.addStretch(1)

        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setObjectName("events_table")
        self.table.setHorizontalHeaderLabels([self.tr(title) for title in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel(self.tr("No calendar events on this day."), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        hint = QLabel(
            self.tr(
                "<small>Meeting time is the union of the counted events (overlaps count once). "
                "A time you type in the check-in form is used instead.</small>"
            ),
            self,
        )
        hint.setWordWrap(True)

        self.exclusion_buttons = ExclusionButtons(calendar, hub, self)
        self.exclusion_buttons.changed.connect(self._on_exclusion_buttons_changed)
        self.table.currentCellChanged.connect(self._on_table_current_cell_changed)
        self._audit: DayAudit | None = None
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(navigation)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.exclusion_buttons)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)

        self.previous_button.clicked.connect(self._on_previous_button_clicked)
        self.next_button.clicked.connect(self._on_next_button_clicked)
        self.date_edit.dateChanged.connect(self._on_date_edit_date_changed)
        self.resize(820, 520)
        self.show_day(day)

    def day(self) -> dt.date:
        """Return the day shown."""
        date = self.date_edit.date()
        return dt.date(date.year(), date.month(), date.day())

    def show_day(self, day: dt.date) -> None:
        """Show ``day``'s numbers and events."""
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.blockSignals(False)
        self._read(day)

    def _read(self, day: dt.date, keep_row: int = -1) -> None:
        """Read ``day``'s audit on the worker; show it if that day is still the one asked for."""
        calendar = self._calendar

        def show(audit: DayAudit) -> None:
            if audit.date != self.day():
                return  # the user stepped on meanwhile: that day's answer follows
            self._load(audit)
            if 0 <= keep_row < self.table.rowCount():
                self.table.setCurrentCell(keep_row, 0)
            self.loaded.emit()

        self._hub.run(lambda: calendar.audit(day), show, self._on_read_failed)

    def _on_read_failed(self, error: Exception) -> None:
        self.summary_label.setText(
            self.tr("This day's calendar could not be read: {error}").format(error=error)
        )

    def _untitled(self, audit: DayAudit) -> str:
        """Return what stands in for a missing title: "Meeting" when none are kept."""
        return self.tr("Meeting") if not audit.titles_kept else self.tr("(no title)")

    def _untitled_tip(self, audit: DayAudit) -> str:
        if audit.titles_kept:
            return ""
        return self.tr("Event titles are not kept (setting calendar.keep_titles is off).")

    def _load(self, audit: DayAudit) -> None:
        from focusapp.services.calendar.audit import (
            describe_reason,
            event_time_text,
            explain_reason,
        )

        self.summary_label.setText(_summary_html(audit.summary, len(audit.left_out)))
        zone = self._calendar.zone
        from focusapp.services.exclusions import overlap_notes

        self._audit = audit
        muted = _muted(self.palette())
        notes = overlap_notes(audit.events, zone, self._untitled(audit))
        self.table.setRowCount(len(audit.events))
        for row, event in enumerate(audit.events):
            status = (
                self.tr("Counted")
                if event.counted
                else self.tr("Left out: {reason}").format(reason=describe_reason(event.reason))
            )
            values = (
                event_time_text(event, audit.date, zone),
                event.summary or self._untitled(audit),
                status,
                Path(event.source).name,
                notes[row],
            )
            tips = (
                values[0],
                event.summary or self._untitled_tip(audit),
                explain_reason(event.reason),
                event.source,
                notes[row],
            )
            for column, (value, tip) in enumerate(zip(values, tips, strict=True)):
                item = QTableWidgetItem(value)
                item.setToolTip(tip)
                if not event.counted:
                    item.setForeground(muted)
                elif column == 2:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(audit.events))
        self.exclusion_buttons.setVisible(bool(audit.events))
        self.empty_label.setVisible(not audit.events)
        self._on_table_current_cell_changed(self.table.currentRow(), 0, -1, -1)

    @Slot(int, int, int, int)
    def _on_table_current_cell_changed(self, row: int, _c: int, _pr: int, _pc: int) -> None:
        audit = self._audit
        event = audit.events[row] if audit is not None and 0 <= row < len(audit.events) else None
        self.exclusion_buttons.show_event(event, audit)

    @Slot()
    def _on_exclusion_buttons_changed(self) -> None:
        self._read(self.day(), keep_row=self.table.currentRow())

    @Slot()
    def _on_previous_button_clicked(self) -> None:
        self.show_day(self.day() - dt.timedelta(days=1))

    @Slot()
    def _on_next_button_clicked(self) -> None:
        self.show_day(self.day() + dt.timedelta(days=1))

    @Slot(QDate)
    def _on_date_edit_date_changed(self, date: QDate) -> None:
        self._read(dt.date(date.year(), date.month(), date.day()))


class _Words(QObject):
    """Plural sentences of this module's functions (lupdate reads plurals only from tr())."""

    def meetings(self, count: int) -> str:
        return self.tr("<b>{time}</b> in meetings (%n meetings)", "", count)

    def left_out(self, count: int) -> str:
        return self.tr("%n events left out, each with its reason.", "", count)


_WORDS: Final = _Words()


def _summary_html(summary: CalendarDay | None, left_out: int) -> str:
    """Return the day's numbers as one readable paragraph."""
    if summary is None:
        return QCoreApplication.translate(
            "CalendarDialogs",
            "No imported calendar covers this day, so its meeting time is whatever you type. "
            "Import a calendar from <i>File \u203a Import calendar...</i>",
        )
    parts = [
        _WORDS.meetings(summary.meeting_count).format(
            time=format_duration(summary.meeting_minutes)
        ),
        QCoreApplication.translate("CalendarDialogs", "{count} back-to-back").format(
            count=summary.back_to_back_count
        ),
        QCoreApplication.translate("CalendarDialogs", "longest free block {time}").format(
            time=format_duration(summary.longest_free_block_minutes)
        ),
    ]
    if summary.after_hours_minutes:
        parts.append(
            QCoreApplication.translate("CalendarDialogs", "{time} outside working hours").format(
                time=format_duration(summary.after_hours_minutes)
            )
        )
    if summary.double_booked_minutes:
        parts.append(
            QCoreApplication.translate("CalendarDialogs", "{time} double-booked").format(
                time=format_duration(summary.double_booked_minutes)
            )
        )
    text = " \u00b7 ".join(parts)
    if left_out:
        text += "<br><small>" + _WORDS.left_out(left_out) + "</small>"
    return text
