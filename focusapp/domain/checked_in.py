"""What "checked in" means, decided once for the window, the tray and the reminders.

A day is checked in when its energy is recorded. Meeting time can come from the tray or the
calendar and coding time from focus sessions, but energy is the one answer only the person
can give; a day with meeting time alone still needs its check-in, and the reminder says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from focusapp.domain.models import CheckIn


def is_checked_in(checkin: CheckIn | None) -> bool:
    """Return whether ``checkin`` (what the user typed for a day, if anything) is complete."""
    return checkin is not None and checkin.energy is not None
