"""Asking "Which address is yours?" once, at the first calendar import from the window.

Declined invitations are recognised by the user's address, which the calendar file only
suggests (see :mod:`focusapp.domain.identity`). The dialog lists the candidates, the most
likely first and preselected, so Enter confirms it; "None of these" leaves the setting unset.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from focusapp.bootstrap import AppContext
    from focusapp.domain.identity import OwnerGuess


class OwnerDialog(QDialog):
    """Ask which of a calendar's addresses is the user's.

    Attributes:
        addresses: The candidates, most likely first (the first is selected).
        buttons: "This is me" (default) and "None of these".
    """

    def __init__(self, guess: OwnerGuess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendar_owner_dialog")
        self.setWindowTitle(self.tr("Which address is yours?"))
        intro = QLabel(
            self.tr(
                "FocusApp leaves out meetings you declined, once it knows which address in "
                "this calendar is yours. Only the address you choose is kept."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.addresses = QListWidget(self)
        self.addresses.setObjectName("owner_addresses")
        self.addresses.setAccessibleName(self.tr("Addresses in this calendar"))
        for candidate in guess.candidates:
            if candidate.names_calendar:
                text = self.tr("{address} (the calendar's name; in {events} events)")
            elif candidate.events == 1:
                text = self.tr("{address} (in 1 event)")
            else:
                text = self.tr("{address} (in {events} events)")
            item = QListWidgetItem(text.format(address=candidate.address, events=candidate.events))
            item.setData(Qt.ItemDataRole.UserRole, candidate.address)
            self.addresses.addItem(item)
        self.addresses.setCurrentRow(0)
        self.buttons = QDialogButtonBox(self)
        confirm = self.buttons.addButton(
            self.tr("This is me"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("None of these"), QDialogButtonBox.ButtonRole.RejectRole)
        confirm.setDefault(True)
        self._confirmed = False
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.addresses)
        layout.addWidget(self.buttons)
        self.addresses.setFocus()

    @Slot()
    def _on_buttons_accepted(self) -> None:
        self._confirmed = True
        self.accept()

    def chosen(self) -> str | None:
        """Return the address confirmed, or ``None`` when the user said none of these."""
        if not self._confirmed:
            return None
        row = self.addresses.currentRow()
        if row < 0:
            return None
        return str(self.addresses.item(row).data(Qt.ItemDataRole.UserRole))


class OwnerQuestion:
    """Ask "Which address is yours?" before the first import, and keep the answer.

    Asked only while ``calendar.my_addresses`` is empty and the file names addresses; the
    answer is written through the settings store's ``update`` (that key only) and put in
    the app's settings at once, so the import that follows counts declines accordingly.
    """

    def __init__(self, context: AppContext) -> None:
        self._context = context

    def needed(self) -> bool:
        """Return whether no address of the user's is known yet."""
        return not self._context.settings.calendar_my_addresses

    def guess(self, path: str) -> OwnerGuess:
        """Return the ranked candidates of the file at ``path`` (read, not imported)."""
        from focusapp.services.calendar.identity import file_owner_tally, guess_owner

        calendar = self._context.calendar
        return guess_owner(file_owner_tally(Path(path), calendar.zone, calendar.today()))

    def remember(self, address: str) -> None:
        """Add ``address`` to ``calendar.my_addresses`` and use it from now on.

        Raises:
            OSError: If the settings file cannot be written.
        """
        from focusapp.services.calendar.identity import remember_my_addresses

        self._context.settings = remember_my_addresses(self._context.settings_store, [address])
