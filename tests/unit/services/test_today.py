"""Today's facts: what the tray and the reminders are shown, read in one go."""

import datetime as dt

from focusapp.services.today import read_today


def test_nothing_logged_yet(context):
    facts = read_today(context.checkins, context.focus, context.risk)
    assert facts.day == context.checkins.today()
    assert not facts.checked_in and facts.day_record is None and facts.meeting_minutes == 0
    assert facts.running is None
    assert facts.assessment.date == facts.day and facts.assessment.score is None


def test_meeting_time_alone_is_not_a_check_in(context):
    context.checkins.record(None, {"meeting_minutes": 90})
    facts = read_today(context.checkins, context.focus, context.risk)
    assert not facts.checked_in  # energy is what makes a check-in
    assert facts.meeting_minutes == 90


def test_a_check_in_and_a_running_focus_session(context, clock):
    context.checkins.record(None, {"energy": 4, "coding_minutes": 30})
    session = context.focus.start()
    clock.advance(dt.timedelta(minutes=25))
    facts = read_today(context.checkins, context.focus, context.risk)
    assert facts.checked_in and facts.day_record is not None
    assert facts.day_record.energy == 4 and facts.day_record.coding_minutes == 30
    assert facts.running == session
