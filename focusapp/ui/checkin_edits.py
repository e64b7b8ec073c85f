"""What was typed into the check-in form and not saved, kept across a load of the day.

A window started from the tray shows its form at once and reads the day in its first
second; what the user typed meanwhile (energy 4, say, before pressing Enter) must stay in
the form, not be replaced by the day read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLineEdit

    from focusapp.ui.checkin_form import CheckInForm


@dataclass(frozen=True, slots=True)
class FieldValues:
    """The form's fields as they stand: the energy, the stress index and the texts by name."""

    energy: int | None
    stress_index: int
    texts: dict[str, str]


def _text_fields(form: CheckInForm) -> dict[str, QLineEdit]:
    return {
        "coding": form.coding,
        "meetings": form.meetings,
        "sleep": form.sleep,
        "note": form.note,
    }


def field_values(form: CheckInForm) -> FieldValues:
    """Return what the form's fields hold now."""
    texts = {name: field.text() for name, field in _text_fields(form).items()}
    return FieldValues(form.energy.value(), form.stress.currentIndex(), texts)


def typed_since(loaded: FieldValues, now: FieldValues) -> FieldValues | None:
    """Return ``now`` where it differs from ``loaded``, or ``None`` when nothing was typed."""
    texts = {name: text for name, text in now.texts.items() if text != loaded.texts.get(name)}
    if now.energy == loaded.energy and now.stress_index == loaded.stress_index and not texts:
        return None
    return FieldValues(
        now.energy if now.energy != loaded.energy else None,
        now.stress_index if now.stress_index != loaded.stress_index else -1,
        texts,
    )


def reapply(form: CheckInForm, typed: FieldValues) -> None:
    """Put what was typed back into the form (``None`` energy, index -1: left as loaded)."""
    if typed.energy is not None:
        form.energy.set_value(typed.energy)
    if typed.stress_index >= 0:
        form.stress.setCurrentIndex(typed.stress_index)
    fields = _text_fields(form)
    for name, text in typed.texts.items():
        fields[name].setText(text)
