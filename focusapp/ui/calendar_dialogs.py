"""Calendar in the window: the menu actions, the import result and one day's audit."""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from focusapp.domain.durations import format_duration
from focusapp.ui.calendar_exclusion_buttons import ExclusionButtons
from focusapp.ui.calendar_owner import OwnerDialog
from focusapp.ui.locale_text import day_text
from focusapp.wording.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from focusapp.domain.calendar import CalendarDay
    from focusapp.formats.ics.report import SkippedEvent
    from focusapp.services.calendar.audit import DayAudit
    from focusapp.services.calendar.service import CalendarService
    from focusapp.services.calendar.store import CalendarImportReport
    from focusapp.ui.calendar_owner import OwnerQuestion
    from focusapp.ui.calendar_watch import CalendarImporter, CalendarJobResult

# The main window imports this module before the database is open, so the calendar service
# (and SQLAlchemy behind it) is imported only inside the dialogs, keeping first paint fast.
#: Keyed by RangeOrigin's values.
_RANGE_ORIGIN: Final = {
    "given": QT_TRANSLATE_NOOP("CalendarDialogs", "as chosen"),
    "default": QT_TRANSLATE_NOOP("CalendarDialogs", "one year back to four weeks ahead"),
    "widened": QT_TRANSLATE_NOOP("CalendarDialogs", "widened to keep this file's earlier import"),
}
#: Rows shown for skipped events and warnings before "... and N more".
_LIST_LIMIT: Final = 200
#: Rows a result table shows before it scrolls.
_VISIBLE_ROWS: Final = 8
_ICS_FILTER: Final = QT_TRANSLATE_NOOP(
    "CalendarDialogs", "Calendar files (*.ics *.ical *.icalendar);;All files (*)"
)
#: How long a calendar message stays in the status bar.
_STATUS_MS: Final = 15_000


def choose_calendar_file(parent: QWidget, start_dir: str) -> str:
    """Ask for one calendar file; return its path, or "" when the user cancelled."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("CalendarDialogs", "Import calendar"),
        start_dir,
        QCoreApplication.translate("CalendarDialogs", _ICS_FILTER),
    )
    return name


class CalendarActions(QObject):
    """The window's calendar actions: "Import calendar..." and "Calendar for this day...".

    Self-contained so any window can host it: the window puts the actions in its menus and
    :meth:`attach` hands over the calendar service and the background importer once the
    database is open. Imports run on the importer's worker thread; the result dialog
    opens when the result arrives.

    Attributes:
        import_action: Asks for an .ics file and imports it.
        day_action: Opens the audit of the day in the check-in form.
        result_dialog: The last import's result dialog (kept for tests).
        day_dialog: The open day audit, if any.
        error_box: The last "not imported" message, if any.
        owner_dialog: The open "Which address is yours?" question, if any.

    Signals:
        imported: A calendar import from this window stored new data.
    """

    imported = Signal()

    def __init__(
        self,
        window: QMainWindow,
        *,
        current_day: Callable[[], dt.date],
        choose_file: Callable[[QWidget, str], str] = choose_calendar_file,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._current_day = current_day
        self._choose_file = choose_file
        self._calendar: CalendarService | None = None
        self._importer: CalendarImporter | None = None
        self._last_dir = str(Path.home())
        self.result_dialog: CalendarImportDialog | None = None
        self.day_dialog: CalendarDayDialog | None = None
        self.error_box: QMessageBox | None = None
        self.owner_dialog: OwnerDialog | None = None
        self._owner_question: OwnerQuestion | None = None
        self.import_action = QAction(self.tr("Import &calendar..."), window)
        self.import_action.setObjectName("calendar_import_action")
        self.import_action.setStatusTip(self.tr("Read meeting time from a calendar file (.ics)"))
        self.day_action = QAction(self.tr("&Calendar for this day..."), window)
        self.day_action.setObjectName("calendar_day_action")
        self.day_action.setStatusTip(self.tr("Which calendar events count for this day, and why"))
        self.import_action.triggered.connect(self._on_import_action_triggered)
        self.day_action.triggered.connect(self._on_day_action_triggered)
        self.import_action.setEnabled(False)
        self.day_action.setEnabled(False)

    def attach(self, calendar: CalendarService, importer: CalendarImporter) -> None:
        """Enable the actions with the service they read and the importer they use."""
        self._calendar = calendar
        self._importer = importer
        importer.finished.connect(self._on_importer_finished)
        self.import_action.setEnabled(True)
        self.day_action.setEnabled(True)

    def ask_owner_with(self, question: OwnerQuestion) -> None:
        """Ask "Which address is yours?" at the first import (see :class:`OwnerQuestion`)."""
        self._owner_question = question

    def import_file(self, path: str) -> None:
        """Import ``path`` in the background; the result dialog follows.

        While no address of the user's is known, the file's addresses are offered first
        (:class:`~focusapp.ui.calendar_owner.OwnerDialog`) and the import waits for the answer.
        """
        if self._importer is None:
            return
        question = self._owner_question
        if question is not None and question.needed():
            guess = question.guess(path)
            if guess.candidates:
                dialog = OwnerDialog(guess, self._window)
                dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                dialog.finished.connect(lambda _r: self._on_owner_answered(dialog, path))
                self.owner_dialog = dialog
                dialog.open()
                return
        self._start_import(path)

    def _on_owner_answered(self, dialog: OwnerDialog, path: str) -> None:
        self.owner_dialog = None
        address = dialog.chosen()
        if address is not None and self._owner_question is not None:
            try:
                self._owner_question.remember(address)
            except OSError as error:
                self._window.statusBar().showMessage(
                    self.tr("Your address was not saved: {error}").format(error=error),
                    _STATUS_MS,
                )
        self._start_import(path)

    def _start_import(self, path: str) -> None:
        assert self._importer is not None
        self._last_dir = str(Path(path).parent)
        self.import_action.setEnabled(False)
        self._window.statusBar().showMessage(
            self.tr("Importing {name}...").format(name=Path(path).name)
        )
        self._importer.import_files([path], origin="manual")

    @Slot(object)
    def open_day(self, day: dt.date) -> CalendarDayDialog | None:
        """Show the calendar audit of ``day`` (reusing an open one)."""
        if self._calendar is None:
            return None
        if self.day_dialog is None:
            self.day_dialog = CalendarDayDialog(self._calendar, day, self._window)
            self.day_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.day_dialog.finished.connect(self._on_day_dialog_finished)
            # Excluding an event changes the day's meeting time, as an import does.
            self.day_dialog.exclusion_buttons.changed.connect(self.imported)
        else:
            self.day_dialog.show_day(day)
            # Bring the open dialog forward (there is no stacking order offscreen).
            if QGuiApplication.platformName() != "offscreen":
                self.day_dialog.raise_()
                self.day_dialog.activateWindow()
        self.day_dialog.show()
        return self.day_dialog

    @Slot(str)
    def show_problem(self, text: str) -> None:
        """Show a problem with a watched calendar file in the status bar."""
        self._window.statusBar().showMessage(
            self.tr("Calendar: {problem}").format(problem=text), _STATUS_MS
        )

    @Slot()
    def _on_import_action_triggered(self) -> None:
        name = self._choose_file(self._window, self._last_dir)
        if name:
            self.import_file(name)

    @Slot()
    def _on_day_action_triggered(self) -> None:
        self.open_day(self._current_day())

    @Slot(int)
    def _on_day_dialog_finished(self, _result: int) -> None:
        self.day_dialog = None

    @Slot(object)
    def _on_importer_finished(self, result: CalendarJobResult) -> None:
        if result.origin != "manual":
            return
        self.import_action.setEnabled(True)
        self._window.statusBar().clearMessage()
        for outcome in result.outcomes:
            if outcome.report is None:
                self._show_error(outcome.error or self.tr("The calendar could not be imported."))
                continue
            if not outcome.report.unchanged:
                self.imported.emit()
            dialog = CalendarImportDialog(outcome.report, self._window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.result_dialog = dialog
            dialog.open()

    def _show_error(self, message: str) -> None:
        nothing = self.tr("Nothing was imported.")
        if not message.endswith(("Nothing was imported.", nothing)):
            message += " " + nothing
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Calendar not imported"),
            message,
            QMessageBox.StandardButton.Close,
            self._window,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.error_box = box
        box.open()


def _day_text(day: dt.date) -> str:
    return day_text(day, QCoreApplication.translate("CalendarDialogs", "ddd d MMM yyyy"))


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], parent: QWidget) -> QTableWidget:
    """Return a read-only table of text, sized to its contents, last column stretching."""
    table = QTableWidget(len(rows), len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            table.setItem(row, column, item)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    # Long values are elided (the tooltip has them whole), so rows never scroll sideways.
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    _fit_rows(table, _VISIBLE_ROWS)
    return table


def _fit_rows(table: QTableWidget, most: int) -> None:
    """Make ``table`` exactly as tall as its rows, up to ``most`` rows (then it scrolls)."""
    shown = max(1, min(table.rowCount(), most))
    row = table.verticalHeader().defaultSectionSize()
    height = table.horizontalHeader().sizeHint().height() + shown * row + 2 * table.frameWidth()
    table.setFixedHeight(height)


def _muted(palette: QPalette) -> QColor:
    """Return a text colour between text and background that still reads well (about 5:1)."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    return QColor(
        round(text.red() * 0.6 + base.red() * 0.4),
        round(text.green() * 0.6 + base.green() * 0.4),
        round(text.blue() * 0.6 + base.blue() * 0.4),
    )


class CalendarImportDialog(QDialog):
    """Says what an import did: days, meetings counted, what was left out and why, problems.

    Attributes:
        left_out_table: Reasons with their counts (hidden when nothing was left out).
        skipped_table: Events that could not be read (UID, title, problem), if any.
        warnings_label: Warnings about the file, if any.
    """

    def __init__(self, report: CalendarImportReport, parent: QWidget | None = None) -> None:
        from focusapp.services.calendar.audit import describe_reason, explain_reason

        super().__init__(parent)
        self.setObjectName("calendar_import_dialog")
        name = Path(report.path).name
        if report.unchanged:
            self.setWindowTitle(self.tr("Calendar unchanged"))
            title = self.tr("<b>{name} is already imported</b>").format(name=escape(name))
            note = self.tr(
                "The file and your calendar settings are as at its last import: nothing changed."
            )
        else:
            self.setWindowTitle(self.tr("Calendar imported"))
            title = (
                self.tr("<b>Updated from {name}</b>")
                if report.replaced
                else self.tr("<b>Imported {name}</b>")
            ).format(name=escape(name))
            note = self.tr(
                "Meeting time now comes from this calendar on the days it covers, except where "
                "you typed your own."
            )
        heading = QLabel(f"{title}<br><small>{escape(report.path)}</small>", self)
        heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        heading.setWordWrap(True)
        explanation = QLabel(note, self)
        explanation.setWordWrap(True)

        figures = QFormLayout()
        figures.addRow(
            self.tr("Days covered:"),
            QLabel(
                self.tr("{first} to {last} ({origin})").format(
                    first=_day_text(report.first_day),
                    last=_day_text(report.last_day),
                    origin=self.tr(_RANGE_ORIGIN[report.range_origin]),
                ),
                self,
            ),
        )
        counted = (
            self.tr("{meetings} on %n days", "", report.meeting_days).format(
                meetings=report.meetings_counted
            )
            if report.meetings_counted
            else self.tr("none")
        )
        figures.addRow(self.tr("Meetings counted:"), QLabel(counted, self))
        if not report.unchanged:
            figures.addRow(
                self.tr("Days changed:"),
                QLabel(self.tr("%n days with new meeting numbers", "", report.days_changed), self),
            )
        figures.addRow(
            self.tr("Left out:"),
            QLabel(
                self.tr("nothing")
                if not report.left_out
                else self.tr("%n events", "", report.left_out_total),
                self,
            ),
        )

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addLayout(figures)

        self.left_out_table = _table(
            (self.tr("Reason"), self.tr("Events"), self.tr("What it means")),
            [
                (describe_reason(reason).capitalize(), str(count), explain_reason(reason))
                for reason, count in report.left_out.items()
            ],
            self,
        )
        self.left_out_table.setObjectName("left_out_table")
        if report.left_out:
            layout.addWidget(self._group(self.tr("Left out, by reason"), self.left_out_table))
        else:
            self.left_out_table.hide()  # a child outside any layout would paint at (0, 0)

        skipped = report.skipped[:_LIST_LIMIT]
        self.skipped_table = _table(
            (self.tr("UID"), self.tr("Title"), self.tr("Problem")),
            [
                (s.uid or self.tr("(no UID)"), s.summary or self.tr("(no title)"), _problem(s))
                for s in skipped
            ],
            self,
        )
        self.skipped_table.setObjectName("skipped_table")
        if report.skipped:
            more = len(report.skipped) - len(skipped)
            title = self.tr("Skipped: %n events could not be read", "", len(report.skipped))
            if more > 0:
                title += " " + self.tr("(first {shown} of {total})").format(
                    shown=len(skipped), total=len(report.skipped)
                )
            layout.addWidget(self._group(title, self.skipped_table))
        else:
            self.skipped_table.hide()

        self.warnings_label = QLabel(self)
        self.warnings_label.setObjectName("warnings_label")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setTextFormat(Qt.TextFormat.RichText)
        if report.warnings:
            items = "".join(f"<li>{escape(w)}</li>" for w in report.warnings[:_LIST_LIMIT])
            self.warnings_label.setText(f"<ul style='margin-left: -20px'>{items}</ul>")
            layout.addWidget(self._group(self.tr("Warnings"), self.warnings_label))
        else:
            self.warnings_label.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addStretch(1)
        layout.addWidget(buttons)
        # Focus on Close, not on a table cell: Enter or Esc dismisses the summary.
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        close.setFocus()
        self.resize(760, self.sizeHint().height())

    def _group(self, title: str, content: QWidget) -> QGroupBox:
        box = QGroupBox(title, self)
        column = QVBoxLayout(box)
        column.addWidget(content)
        return box


class CalendarDayDialog(QDialog):
    """One day's meeting numbers and every calendar event behind them, counted or not.

    Reads through the calendar service on the GUI thread: one day is a single indexed
    query (milliseconds), far below the point where a worker would pay off.

    Attributes:
        date_edit: The day shown; the arrows step a day at a time.
        summary_label: The day's numbers, or why there are none.
        table: Time, title, counted or left out (with the reason), source file.
    """

    COLUMNS: Final = (
        QT_TRANSLATE_NOOP("CalendarDayDialog", "Time"),
        QT_TRANSLATE_NOOP("CalendarDayDialog", "Title"),
        QT_TRANSLATE_NOOP("CalendarDayDialog", "Counted?"),
        QT_TRANSLATE_NOOP("CalendarDayDialog", "Calendar file"),
        QT_TRANSLATE_NOOP("CalendarDayDialog", "Overlaps"),
    )

    def __init__(
        self, calendar: CalendarService, day: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calendar_day_dialog")
        self.setWindowTitle(self.tr("Calendar for this day"))
        self._calendar = calendar

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

        self.exclusion_buttons = ExclusionButtons(calendar, self)
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
        self._load(self._calendar.audit(day))

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
        row = self.table.currentRow()
        self._load(self._calendar.audit(self.day()))
        if 0 <= row < self.table.rowCount():
            self.table.setCurrentCell(row, 0)

    @Slot()
    def _on_previous_button_clicked(self) -> None:
        self.show_day(self.day() - dt.timedelta(days=1))

    @Slot()
    def _on_next_button_clicked(self) -> None:
        self.show_day(self.day() + dt.timedelta(days=1))

    @Slot(QDate)
    def _on_date_edit_date_changed(self, date: QDate) -> None:
        self._load(self._calendar.audit(dt.date(date.year(), date.month(), date.day())))


def _problem(skipped: SkippedEvent) -> str:
    """Return a skipped event's problem, led by the file line it begins on when known."""
    if not skipped.line:
        return skipped.problem
    return QCoreApplication.translate("CalendarDialogs", "Line {line}: {problem}").format(
        line=skipped.line, problem=skipped.problem
    )


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
