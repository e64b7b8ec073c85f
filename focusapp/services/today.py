"""What the tray and the reminders know about today, read in one go off the GUI thread.

The tray menu, the reminder schedule and the notification texts all ask the same few
questions: is today checked in, today's numbers, the focus session running, today's risk.
:func:`read_today` answers them together, on the database worker; the tray companion keeps
the answer and asks again only after a change, so showing the menu or waking for a reminder
never reads the database on the GUI thread. It is also the whole of what a tray needs from
the data, which keeps the tray's side of the database one small value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from focusapp.domain.checked_in import is_checked_in
from focusapp.domain.today import TodayFacts

if TYPE_CHECKING:
    from focusapp.services.checkins import CheckInService
    from focusapp.services.focus import FocusService
    from focusapp.services.risk import RiskService


def read_today(checkins: CheckInService, focus: FocusService, risk: RiskService) -> TodayFacts:
    """Read :class:`TodayFacts` for the day the clock says it is (runs SQL: a worker's job)."""
    day = checkins.today()
    sources = checkins.sources(day)
    record = None if sources.typed is None and sources.derived is None else sources.effective
    return TodayFacts(
        day=day,
        checked_in=is_checked_in(sources.typed),
        day_record=record,
        running=focus.running(),
        assessment=risk.assess(day),
    )
