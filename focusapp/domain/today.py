"""What the tray and the reminders know about today, in one value.

The tray menu, the reminder schedule and the notification texts all ask the same few
questions: is today checked in, today's numbers, the focus session running, today's risk.
:class:`TodayFacts` answers them together; the services read it on the database worker
(:func:`focusapp.services.today.read_today`), the light tray with ``sqlite3``
(:meth:`focusapp.services.light_days.LightDays.read_today`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from focusapp.domain.focus import FocusSession
    from focusapp.domain.models import CheckIn
    from focusapp.domain.risk import RiskAssessment


@dataclass(frozen=True)
class TodayFacts:
    """Today's check-in state, numbers, running focus session and risk, as last read.

    Attributes:
        day: The local day these facts are about.
        checked_in: Whether today's check-in is complete (energy given).
        day_record: Today's effective numbers (typed over derived), or ``None``.
        running: The focus session running, if any.
        assessment: Today's burnout-risk assessment.
    """

    day: dt.date
    checked_in: bool
    day_record: CheckIn | None
    running: FocusSession | None
    assessment: RiskAssessment

    @property
    def meeting_minutes(self) -> int:
        """Today's meeting time so far (0 when nothing is known)."""
        if self.day_record is None:
            return 0
        return self.day_record.meeting_minutes or 0
