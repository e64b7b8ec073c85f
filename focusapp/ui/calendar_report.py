"""The calendar import's result dialog, and the table helpers the calendar dialogs share."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from focusapp.ui.locale_text import day_text
from focusapp.wording.translate import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from focusapp.formats.ics.report import SkippedEvent
    from focusapp.services.calendar.store import CalendarImportReport


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


def _problem(skipped: SkippedEvent) -> str:
    """Return a skipped event's problem, led by the file line it begins on when known."""
    if not skipped.line:
        return skipped.problem
    return QCoreApplication.translate("CalendarDialogs", "Line {line}: {problem}").format(
        line=skipped.line, problem=skipped.problem
    )
