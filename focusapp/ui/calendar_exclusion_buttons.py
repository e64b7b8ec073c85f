"""The day audit's buttons that exclude an event or its series from counting, or count it again.

An exclusion is kept across re-imports (see :mod:`focusapp.domain.exclusions`); the audit
lists an excluded event as "excluded by you" and "Count it again" undoes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QWidget

from focusapp.domain.calendar import Exclusion
from focusapp.domain.exclusions import excluded_by, exclusion_for

if TYPE_CHECKING:
    from collections.abc import Callable

    from focusapp.domain.calendar import CalendarEvent
    from focusapp.services.calendar.audit import DayAudit
    from focusapp.services.calendar.service import CalendarService
    from focusapp.ui.change_hub import ChangeHub


class ExclusionButtons(QWidget):
    """Three buttons acting on the audit row selected.

    Attributes:
        exclude_button: "Don't count this event" (this occurrence only).
        series_button: "Don't count the series" (every occurrence, same UID).
        include_button: "Count it again" (removes the exclusion covering the row).

    The write runs on the database worker; the buttons wait, disabled, until it is stored.

    Signals:
        changed: An exclusion was added or removed; the day's numbers changed.
    """

    changed = Signal()

    def __init__(
        self, calendar: CalendarService, hub: ChangeHub, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._calendar = calendar
        self._hub = hub
        self._event: CalendarEvent | None = None
        self._audit: DayAudit | None = None
        self.exclude_button = QPushButton(self.tr("Don't count this event"), self)
        self.exclude_button.setObjectName("exclude_event_button")
        self.series_button = QPushButton(self.tr("Don't count the series"), self)
        self.series_button.setObjectName("exclude_series_button")
        self.include_button = QPushButton(self.tr("Count it again"), self)
        self.include_button.setObjectName("count_again_button")
        for button in (self.exclude_button, self.series_button, self.include_button):
            button.setAutoDefault(False)
        self.exclude_button.setToolTip(
            self.tr("Leave this event out of the day's meeting time, also after re-imports")
        )
        self.series_button.setToolTip(
            self.tr("Leave every occurrence of this event out, also after re-imports")
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.exclude_button)
        layout.addWidget(self.series_button)
        layout.addWidget(self.include_button)
        layout.addStretch(1)
        self.exclude_button.clicked.connect(self._on_exclude_button_clicked)
        self.series_button.clicked.connect(self._on_series_button_clicked)
        self.include_button.clicked.connect(self._on_include_button_clicked)
        self.show_event(None, None)

    def show_event(self, event: CalendarEvent | None, audit: DayAudit | None) -> None:
        """Enable the buttons that apply to ``event`` (``None``: no row selected)."""
        self._event, self._audit = event, audit
        counted = event is not None and event.counted
        excluded = (
            event is not None
            and audit is not None
            and event.reason is Exclusion.BY_YOU
            and excluded_by(event, audit.exclusions) is not None
        )
        self.exclude_button.setEnabled(counted)
        self.series_button.setEnabled(counted)
        self.include_button.setEnabled(excluded)

    def _write(self, change: Callable[[], object]) -> None:
        """Store ``change`` on the worker; then say the day changed (or why it did not)."""
        for button in (self.exclude_button, self.series_button, self.include_button):
            button.setEnabled(False)

        def failed(error: Exception) -> None:
            self.show_event(self._event, self._audit)
            QMessageBox.warning(
                self, self.tr("Not changed"), self.tr("Not changed: {error}").format(error=error)
            )

        self._hub.run(change, lambda _result: self.changed.emit(), failed, initiator=self)

    @Slot()
    def _on_exclude_button_clicked(self) -> None:
        if self._event is not None:
            exclusion = exclusion_for(self._event, series=False)
            self._write(lambda: self._calendar.exclude(exclusion))

    @Slot()
    def _on_series_button_clicked(self) -> None:
        if self._event is not None:
            exclusion = exclusion_for(self._event, series=True)
            self._write(lambda: self._calendar.exclude(exclusion))

    @Slot()
    def _on_include_button_clicked(self) -> None:
        if self._event is None or self._audit is None:
            return
        exclusion = excluded_by(self._event, self._audit.exclusions)
        if exclusion is not None:
            self._write(lambda: self._calendar.count_again(exclusion))
