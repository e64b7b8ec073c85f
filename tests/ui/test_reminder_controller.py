import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from focusapp.domain.clock import FixedClock
from focusapp.domain.reminders.model import ReminderInputs, ReminderKind
from focusapp.services.app_state import AppStateStore
from focusapp.ui.reminders import MAX_WAIT, ReminderController

pytestmark = pytest.mark.gui
BERLIN = ZoneInfo("Europe/Berlin")


class World:
    def __init__(self):
        self.checked_in = False

    def inputs(self, now):
        return ReminderInputs(now=now, zone=BERLIN, today_checked_in=self.checked_in)


@pytest.fixture
def clock():
    return FixedClock(dt.datetime(2026, 11, 3, 17, 0, tzinfo=BERLIN))  # a Tuesday


def make(clock, world, tmp_path):
    return ReminderController(clock, world.inputs, AppStateStore(tmp_path / "state.json"))


def test_arms_one_timer_to_the_reminder_time(qtbot, clock, tmp_path):
    controller = make(clock, World(), tmp_path)
    assert controller.check_now() == []
    assert controller.planned == dt.datetime(2026, 11, 3, 16, 30, tzinfo=dt.UTC)
    assert controller.timer_interval_ms == 30 * 60 * 1000


def test_fires_once_then_one_repeat_after_snooze(qtbot, clock, tmp_path):
    world = World()
    controller = make(clock, world, tmp_path)
    shown = []
    controller.reminder_due.connect(shown.append)
    clock.current = dt.datetime(2026, 11, 3, 17, 30, 5, tzinfo=BERLIN)
    controller.check_now()
    controller.check_now()
    assert [r.kind for r in shown] == [ReminderKind.CHECKIN]
    clock.advance(dt.timedelta(minutes=45))
    controller.check_now()
    clock.advance(dt.timedelta(hours=2))
    controller.check_now()
    assert [r.kind for r in shown] == [ReminderKind.CHECKIN, ReminderKind.CHECKIN_REPEAT]


def test_no_reminder_after_check_in(qtbot, clock, tmp_path):
    world = World()
    world.checked_in = True
    controller = make(clock, world, tmp_path)
    clock.current = dt.datetime(2026, 11, 3, 18, 0, tzinfo=BERLIN)
    assert controller.check_now() == []


def test_restart_never_repeats_a_shown_reminder(qtbot, clock, tmp_path):
    world = World()
    clock.current = dt.datetime(2026, 11, 3, 17, 31, tzinfo=BERLIN)
    assert len(make(clock, world, tmp_path).check_now()) == 1
    clock.advance(dt.timedelta(minutes=5))
    assert make(clock, world, tmp_path).check_now() == []


def test_wake_after_sleep_fires_once_and_not_for_a_past_day(qtbot, clock, tmp_path):
    world = World()
    controller = make(clock, world, tmp_path)
    controller.check_now()
    clock.current = dt.datetime(2026, 11, 3, 21, 0, tzinfo=BERLIN)  # slept through 17:30
    shown = controller.check_now()
    assert [r.kind for r in shown] == [ReminderKind.CHECKIN]
    clock.current = dt.datetime(2026, 11, 5, 9, 0, tzinfo=BERLIN)  # slept through a whole day
    assert controller.check_now() == []


def test_timer_wait_is_capped(qtbot, tmp_path):
    clock = FixedClock(dt.datetime(2026, 11, 7, 10, 0, tzinfo=BERLIN))  # Saturday
    controller = make(clock, World(), tmp_path)
    controller.check_now()
    assert controller.timer_interval_ms == int(MAX_WAIT.total_seconds() * 1000)


def test_timer_actually_fires(qtbot, clock, tmp_path):
    clock.current = dt.datetime(2026, 11, 3, 17, 29, 59, 900000, tzinfo=BERLIN)
    controller = make(clock, World(), tmp_path)
    controller.check_now()
    clock.current = dt.datetime(2026, 11, 3, 17, 30, 1, tzinfo=BERLIN)
    with qtbot.waitSignal(controller.reminder_due, timeout=3000):
        pass
    assert controller.wakeups == 1


def test_pause_rest_of_today_silences(qtbot, clock, tmp_path):
    controller = make(clock, World(), tmp_path)
    controller.pause("today")
    assert controller.paused_until() is not None
    clock.current = dt.datetime(2026, 11, 3, 18, 0, tzinfo=BERLIN)
    assert controller.check_now() == []
    controller.pause("resume")
    assert controller.paused_until() is None
