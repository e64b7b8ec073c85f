"""Editing days in the main window: loading a day into the form, saving it, deleting one."""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QMessageBox

from focusapp.domain.errors import StorageError
from focusapp.domain.validation import CheckInInvalidError
from focusapp.ui.checkin_edits import field_values, reapply, typed_since
from focusapp.ui.locale_text import day_text
from focusapp.ui.lookahead_parts import NewestOnly

if TYPE_CHECKING:
    from collections.abc import Callable

    from focusapp.domain.models import CheckIn
    from focusapp.domain.sources import DaySources
    from focusapp.services.checkins import CheckInService
    from focusapp.ui.change_hub import ChangeHub
    from focusapp.ui.main_window import MainWindow

logger = logging.getLogger(__name__)


class DayEditor(QObject):
    """Moves days between the database worker and the check-in form.

    Reads run on the worker (or come from memory when kept); saves and deletes go through
    the change hub, so every view hears of them.

    Signals:
        day_loaded: The form shows the day read for it.
        saved: A check-in typed in the form was stored (the form shows it).
    """

    day_loaded = Signal()
    saved = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._form = form = window.form
        self._history = history = window.history
        self._status_bar = window.statusBar()
        self._reads: NewestOnly[DaySources] = NewestOnly(window.runner)
        self._checkins: CheckInService | None = None
        self._hub: ChangeHub | None = None
        # A check-in saved before the data was open, saved once it is (see show_first()).
        self._save_when_open: CheckIn | None = None
        form.save_requested.connect(self._on_form_save_requested)
        form.date_changed.connect(self._on_form_date_changed)
        history.edit_requested.connect(self._on_history_edit_requested)
        history.delete_requested.connect(self._on_history_delete_requested)

    def attach(self, checkins: CheckInService, hub: ChangeHub) -> None:
        """Start reading and writing days through ``checkins`` and ``hub``."""
        self._checkins = checkins
        self._hub = hub

    def show_day(self, day: dt.date) -> None:
        """Load ``day`` into the form (pre-filled when it already has a check-in)."""
        self._read_day(day, self._show_sources)

    def show_first(self, today: dt.date) -> None:
        """Once the data is open: save what was saved meanwhile, else show ``today``.

        What was typed while the data was opening is saved, or, not saved yet, kept in the
        form on top of the day read: never replaced by it.
        """
        pending, self._save_when_open = self._save_when_open, None
        if pending is not None:
            self._on_form_save_requested(pending)
            return
        typed = typed_since(self._form.loaded_values, field_values(self._form))
        if typed is None:
            self.show_day(today)
            return

        def show_keeping_typed(sources: DaySources) -> None:
            self._show_sources(sources)
            reapply(self._form, typed)

        self._read_day(today, show_keeping_typed)

    def step_day(self, days: int) -> None:
        """Show the day ``days`` before or after the form's (never past tomorrow)."""
        latest = self._attached()[0].today() + dt.timedelta(days=1)
        target = min(self._form.day() + dt.timedelta(days=days), latest)
        if target != self._form.day():
            self.show_day(target)

    def report_read_failure(self, error: Exception) -> None:
        """Say in the status bar that the data could not be read."""
        message = self.tr("Could not read your data: {error}").format(error=error)
        self._status_bar.showMessage(message, 8000)

    def _attached(self) -> tuple[CheckInService, ChangeHub]:
        if self._checkins is None or self._hub is None:
            raise RuntimeError("the window has no data yet")
        return self._checkins, self._hub

    def _show_sources(self, sources: DaySources) -> None:
        self._form.load(sources)
        self._form.energy.tab_stop().setFocus()
        self.day_loaded.emit()

    def _read_day(self, day: dt.date, show: Callable[[DaySources], None]) -> None:
        """Hand ``day``'s sources to ``show``: at once when kept in memory, else from the worker."""
        checkins = self._attached()[0]
        kept = checkins.kept_sources(day)
        if kept is not None:
            self._reads.supersede()
            show(kept)
        else:
            self._reads.run(lambda: checkins.sources(day), show, self.report_read_failure)

    @Slot(object)
    def _on_form_save_requested(self, checkin: CheckIn) -> None:
        if self._checkins is None:
            self._save_when_open = checkin
            self._form.status.setText(self.tr("Opening your data: saving in a moment."))
            return
        (checkins, hub), original = self._attached(), self._form.loaded_record()

        def save() -> tuple[CheckIn, DaySources]:
            stored = checkins.save_edit(original, checkin)
            return stored, checkins.sources(stored.date)

        hub.run(save, self._on_saved, self._on_save_failed, initiator=self._form)

    def _on_saved(self, result: tuple[CheckIn, DaySources]) -> None:
        stored, sources = result
        self._form.load(sources)
        self._status_bar.showMessage(self._form.show_saved(stored), 5000)
        self.saved.emit()

    def _on_save_failed(self, error: Exception) -> None:
        if isinstance(error, CheckInInvalidError):
            self._form.show_problems(error.problems)
            return
        self._form.status.setText(
            self.tr("Not saved: {error}. What you typed is kept.").format(error=error)
        )
        if isinstance(error, StorageError):
            QMessageBox.warning(
                self._window,
                self.tr("Check-in not saved"),
                self.tr("Not saved: {error}.").format(error=error),
            )
        else:  # not caused by the user; say so without a traceback, keep what was typed
            logger.error("check-in not saved", exc_info=error)

    @Slot(object)
    def _on_form_date_changed(self, day: dt.date) -> None:
        if self._checkins is not None:
            self._read_day(day, self._form.load)

    @Slot(object)
    def _on_history_edit_requested(self, day: dt.date) -> None:
        self.show_day(day)

    @Slot(object)
    def _on_history_delete_requested(self, day: dt.date) -> None:
        answer = QMessageBox.question(
            self._window,
            self.tr("Delete check-in"),
            self.tr("Delete the check-in for {day}? This cannot be undone.").format(
                day=day_text(day, self.tr("dddd dd MMMM yyyy"))
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        checkins, hub = self._attached()

        def deleted(_existed: bool) -> None:
            if self._form.day() == day:
                self.show_day(day)
            self._status_bar.showMessage(
                self.tr("Check-in for {day} deleted.").format(
                    day=day_text(day, self.tr("dddd dd MMMM"))
                ),
                5000,
            )

        def failed(error: Exception) -> None:
            QMessageBox.warning(
                self._window,
                self.tr("Not deleted"),
                self.tr("Not deleted: {error}.").format(error=error),
            )

        hub.run(lambda: checkins.delete(day), deleted, failed, initiator=self._history)
