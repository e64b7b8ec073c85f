"""What the tray menu and the reminder schedule see of today's facts, as last read.

Two plain functions of :class:`~focusapp.domain.today.TodayFacts`, so the tray companion
holds the wiring and these hold the reading: unknown facts show nothing and make nothing due.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from focusapp.domain.reminders.model import ReminderInputs
from focusapp.ui.tray import TrayStatus

if TYPE_CHECKING:
    import datetime as dt
    from zoneinfo import ZoneInfo

    from focusapp.domain.focus import FocusSession
    from focusapp.domain.today import TodayFacts
    from focusapp.settings.values import Settings


def tray_status(
    facts: TodayFacts | None, now: dt.datetime, paused_until: dt.datetime | None
) -> TrayStatus:
    """Today's numbers, risk level and focus state for the tray menu."""
    if facts is None:
        return TrayStatus(paused_until=paused_until)
    day, running, level = facts.day_record, facts.running, facts.assessment.level
    return TrayStatus(
        checked_in=facts.checked_in,
        energy=None if day is None else day.energy,
        coding_minutes=None if day is None else day.coding_minutes,
        meeting_minutes=None if day is None else day.meeting_minutes,
        risk_level=None if level is None else str(level),
        focus_elapsed=None if running is None else running.elapsed(now),
        paused_until=paused_until,
    )


def reminder_inputs(
    now: dt.datetime,
    settings: Settings,
    zone: ZoneInfo,
    facts: TodayFacts | None,
    running: FocusSession | None,
    risk_not_before: dt.datetime | None,
) -> ReminderInputs:
    """The scheduler's inputs: the settings, and today's facts (``None``: not read yet)."""
    level = None if facts is None else facts.assessment.level
    return ReminderInputs(
        now=now,
        zone=zone,
        day_start_hour=settings.day_start_hour,
        reminder_time=settings.reminder_time,
        workdays=settings.workdays,
        snooze_minutes=settings.snooze_minutes,
        focus_length_minutes=settings.focus_length_minutes,
        meeting_budget_minutes=settings.meeting_budget_minutes,
        # Until today's facts are back, today counts as checked in: no reminder is shown on
        # a guess; the read that is under way checks again.
        today_checked_in=True if facts is None else facts.checked_in,
        today_meeting_minutes=0 if facts is None else facts.meeting_minutes,
        focus_session_started_at=None if running is None else running.started_at,
        focus_session_id=None if running is None else running.id,
        risk_level=None if level is None else str(level),
        risk_not_before=risk_not_before,
        review_moment=settings.review_moment,
    )
