import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from focusapp.services.app_state import AppStateStore
from focusapp.ui.companion import Companion
from focusapp.ui.main_window import MainWindow
from tests.ui.settle import settle

pytestmark = pytest.mark.gui


@pytest.fixture
def companion(qtbot, context, tmp_path):
    window = MainWindow(context.checkins, tmp_path / "w.ini")
    qtbot.addWidget(window)
    comp = Companion(
        window,
        context.checkins,
        context.focus,
        context.risk,
        lambda: context.settings,
        AppStateStore(tmp_path / "state.json"),
        context.clock,
        use_tray=False,
    )
    yield comp
    comp.reminders.stop()


def test_focus_from_the_window_adds_coding_time(qtbot, companion, context, clock):
    companion.window.menus.focus_action.trigger()
    settle(qtbot, companion.window)
    assert context.focus.running() is not None
    assert "Focus session since 18:00" in companion.window.focus_indicator.label.text()
    assert companion.window.menus.focus_action.text() == "Stop &focus session"
    clock.advance(dt.timedelta(minutes=50))
    companion.window.menus.focus_action.trigger()
    settle(qtbot, companion.window)
    assert context.focus.running() is None
    assert context.checkins.get(context.checkins.today()).coding_minutes == 50
    assert companion.window.form.coding.placeholderText() == "50m from focus sessions"


def test_reminder_without_tray_shows_an_in_window_banner(qtbot, companion, clock):
    clock.current = dt.datetime(2026, 11, 3, 16, 45, tzinfo=dt.UTC)  # 17:45 in Berlin, Tuesday
    companion.start()
    settle(qtbot, companion.window)
    assert companion.window.banner.isVisible() or not companion.window.isVisible()
    assert "check-in" in companion.window.banner.text.text()


def test_status_reflects_today(qtbot, companion, context):
    assert companion.status().energy is None  # nothing read yet: nothing shown
    context.checkins.record(None, {"energy": 3, "coding_minutes": 130, "meeting_minutes": 180})
    settle(qtbot, companion.window)  # the change is read on the worker, not in status()
    status = companion.status()
    assert (status.checked_in, status.energy, status.coding_minutes, status.meeting_minutes) == (
        True,
        3,
        130,
        180,
    )


def _open_meeting_dialog(qtbot, companion):
    companion.add_meeting_time()
    dialog = companion.meeting_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.field.setFocus()
    return dialog


def test_add_meeting_time(qtbot, companion, context):
    context.checkins.record(None, {"meeting_minutes": 60})
    settle(qtbot, companion.window)
    dialog = _open_meeting_dialog(qtbot, companion)
    assert "1h" in dialog.summary.text()
    qtbot.keyClicks(dialog.field, "1h30")
    assert "2h30" in dialog.summary.text()  # what today's total becomes
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    settle(qtbot, companion.window)
    assert context.checkins.get(context.checkins.today()).meeting_minutes == 150
    assert companion.meeting_dialog is None  # closed (and deleted)


@pytest.mark.parametrize(("typed", "minutes"), [("45 minutes", 45), ("2hours", 120), ("1 hr", 60)])
def test_add_meeting_time_as_people_type_it(qtbot, companion, context, typed, minutes):
    dialog = _open_meeting_dialog(qtbot, companion)
    qtbot.keyClicks(dialog.field, typed)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    settle(qtbot, companion.window)
    assert context.checkins.get(context.checkins.today()).meeting_minutes == minutes


def test_add_meeting_time_keeps_a_wrong_entry_open_inline(qtbot, companion, context, monkeypatch):
    boxes = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: boxes.append(a))
    dialog = _open_meeting_dialog(qtbot, companion)
    qtbot.keyClicks(dialog.field, "lots")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    settle(qtbot, companion.window)
    assert dialog.isVisible()
    assert dialog.field.text() == "lots"  # what was typed is kept
    assert dialog.error.isVisible()
    assert "not a duration" in dialog.error.text() and "45 minutes" in dialog.error.text()
    assert boxes == []  # no modal message box
    assert context.checkins.get(context.checkins.today()) is None

    qtbot.keyClicks(dialog.field, "25h")  # replaces the selected text; more than a day
    assert not dialog.error.isVisible()  # a stale message goes as soon as one types
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    settle(qtbot, companion.window)
    assert dialog.isVisible()
    assert dialog.field.text() == "25h"
    assert "more than a day" in dialog.error.text()
    assert context.checkins.get(context.checkins.today()) is None

    dialog.field.clear()
    qtbot.keyClicks(dialog.field, "2 h 30")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    settle(qtbot, companion.window)
    assert companion.meeting_dialog is None  # closed (and deleted)
    assert context.checkins.get(context.checkins.today()).meeting_minutes == 150


def test_enter_twice_while_adding_adds_once(qtbot, companion, context):
    dialog = _open_meeting_dialog(qtbot, companion)
    qtbot.keyClicks(dialog.field, "30m")
    dialog.accept()
    dialog.accept()  # before the first one was stored
    settle(qtbot, companion.window)
    assert context.checkins.get(context.checkins.today()).meeting_minutes == 30


def test_add_meeting_time_cancel_changes_nothing(qtbot, companion, context):
    dialog = _open_meeting_dialog(qtbot, companion)
    qtbot.keyClicks(dialog.field, "30m")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert context.checkins.get(context.checkins.today()) is None


def test_focus_session_left_running_is_recovered(qtbot, companion, context, clock, monkeypatch):
    context.focus.start()
    clock.advance(dt.timedelta(minutes=40))
    companion.reminders.remember()  # the app was last alive here
    clock.advance(dt.timedelta(hours=10))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda self: None)  # "It ended at ..."
    companion.start()
    settle(qtbot, companion.window)
    assert context.focus.running() is None
    assert context.checkins.get(dt.date(2026, 11, 3)).coding_minutes == 40


def test_meeting_budget_nudge(qtbot, companion, context, clock):
    shown = []
    companion.reminders.reminder_due.connect(shown.append)
    context.checkins.record(None, {"meeting_minutes": 5 * 60, "energy": 3})
    settle(qtbot, companion.window)  # the change reaches the companion, which checks again
    assert [r.kind.value for r in shown] == ["meeting_budget"]
    title, body = companion.reminder_text(shown[0])
    assert "5h" in body and "4h" in body


def test_a_check_in_without_energy_is_not_checked_in_anywhere(qtbot, companion, context):
    """Item 5 of issue 12: the window and the tray agree on what "checked in" means."""
    from focusapp.ui.tray import tooltip_text

    form = companion.window.form
    qtbot.keyClicks(form.meetings, "2h")
    with qtbot.waitSignal(companion.window.saved):
        qtbot.keyClick(form.meetings, Qt.Key.Key_Return)
    assert context.checkins.get(context.checkins.today()).meeting_minutes == 120
    assert "Saved" not in form.status.text()
    assert "not checked in yet" in form.status.text().lower()
    assert form.title.text().startswith("How was today")
    settle(qtbot, companion.window)
    assert not companion.status().checked_in
    assert "not checked in yet" in tooltip_text(companion.status())
    assert not companion._reminder_inputs(context.clock.now()).today_checked_in

    form.energy.choose(3)
    with qtbot.waitSignal(companion.window.saved):
        form.save_button.click()
    assert form.status.text().startswith("Saved")
    settle(qtbot, companion.window)
    assert companion.status().checked_in
    assert "not checked in yet" not in tooltip_text(companion.status())


@pytest.fixture
def shown(qtbot, companion):
    companion.window.show()
    qtbot.waitExposed(companion.window)
    return companion


def test_focus_session_counts_every_second_in_the_status_bar(qtbot, shown, context, clock):
    """Issue 12 item 7: live counter, time to the break, no layout shift, Stop in the window."""
    window = shown.window
    shown.reminders.pause("today")  # this test is about the session, not the reminders
    length = context.settings.focus_length_minutes
    form_top = window.form.mapTo(window, window.form.rect().topLeft())
    window.menus.focus_action.trigger()
    settle(qtbot, window)
    indicator = window.focus_indicator
    assert indicator.isVisible()
    assert window.statusBar().isAncestorOf(indicator)
    qtbot.wait(50)
    assert window.form.mapTo(window, window.form.rect().topLeft()) == form_top  # not pushed
    assert "0:00:00" in indicator.label.text()
    assert f"break in {length} min" in indicator.label.text()
    clock.advance(dt.timedelta(seconds=40))
    # No database read and no new event: the window's own one-second timer catches up.
    qtbot.waitUntil(lambda: "0:00:40" in indicator.label.text(), timeout=1500)
    assert indicator.timer.isSingleShot()
    # A coarse timer (Qt's default, the frugal one) may be moved by up to 5 % of its interval.
    assert 0 < indicator.timer.remainingTime() <= 1005 * 1.05 + 1
    clock.advance(dt.timedelta(minutes=30))
    qtbot.waitUntil(lambda: f"break in {length - 30} min" in indicator.label.text(), timeout=1500)
    clock.advance(dt.timedelta(minutes=length - 30))
    qtbot.waitUntil(lambda: "time for a break" in indicator.label.text(), timeout=1500)

    qtbot.mouseClick(indicator.stop_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert context.focus.running() is None
    assert not indicator.isVisible()
    assert context.checkins.get(context.checkins.today()).coding_minutes == length + 1  # +40 s
    assert window.form.mapTo(window, window.form.rect().topLeft()) == form_top


def test_focus_counter_does_not_tick_while_hidden(qtbot, shown, clock):
    window = shown.window
    window.menus.focus_action.trigger()
    settle(qtbot, window)
    indicator = window.focus_indicator
    assert indicator.timer.isActive()
    window.hide()
    assert not indicator.timer.isActive()  # no polling while nobody sees it
    clock.advance(dt.timedelta(minutes=3))
    qtbot.wait(1100)
    assert not indicator.timer.isActive()
    window.show()
    qtbot.waitExposed(window)
    assert "0:03:00" in indicator.label.text()  # caught up at once
    assert indicator.timer.isActive()


def test_a_reminder_wake_up_reads_today_first(qtbot, companion, clock):
    """The timer wakes at the reminder time: today's facts are read (on the worker), then due."""
    companion.start()
    settle(qtbot, companion.window)
    shown = []
    companion.reminders.reminder_due.connect(shown.append)
    clock.current = dt.datetime(2026, 11, 4, 16, 45, tzinfo=dt.UTC)  # the next day, 17:45
    companion.reminders._on_timer_timeout()
    assert shown == []  # nothing is decided from yesterday's facts
    settle(qtbot, companion.window)
    assert [(r.kind.value, r.day) for r in shown] == [("checkin", dt.date(2026, 11, 4))]
