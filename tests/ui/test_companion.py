import datetime as dt

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from focusapp.services.app_state import AppStateStore
from focusapp.ui.companion import Companion
from focusapp.ui.main_window import MainWindow

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
    companion.window.focus_action.trigger()
    assert context.focus.running() is not None
    assert "Focus session running since" in companion.window.focus_label.text()
    assert companion.window.focus_action.text() == "Stop &focus session"
    clock.advance(dt.timedelta(minutes=50))
    companion.window.focus_action.trigger()
    assert context.focus.running() is None
    assert context.checkins.get(context.checkins.today()).coding_minutes == 50
    assert companion.window.form.coding.placeholderText() == "50m from focus sessions"


def test_reminder_without_tray_shows_an_in_window_banner(qtbot, companion, clock):
    clock.current = dt.datetime(2026, 11, 3, 16, 45, tzinfo=dt.UTC)  # 17:45 in Berlin, Tuesday
    companion.start()
    assert companion.window.banner.isVisible() or not companion.window.isVisible()
    assert "check-in" in companion.window.banner.text.text()


def test_status_reflects_today(companion, context):
    context.checkins.record(None, {"energy": 3, "coding_minutes": 130, "meeting_minutes": 180})
    status = companion.status()
    assert (status.checked_in, status.energy, status.coding_minutes, status.meeting_minutes) == (
        True,
        3,
        130,
        180,
    )


def test_add_meeting_time(qtbot, companion, context, monkeypatch):
    context.checkins.record(None, {"meeting_minutes": 60})
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("1h30", True))
    companion.add_meeting_time()
    assert context.checkins.get(context.checkins.today()).meeting_minutes == 150


def test_add_meeting_time_rejects_nonsense(qtbot, companion, context, monkeypatch):
    told = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("lots", True))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    companion.add_meeting_time()
    assert context.checkins.get(context.checkins.today()) is None
    assert "not a duration" in told[0]


def test_focus_session_left_running_is_recovered(qtbot, companion, context, clock, monkeypatch):
    context.focus.start()
    clock.advance(dt.timedelta(minutes=40))
    companion.reminders.remember()  # the app was last alive here
    clock.advance(dt.timedelta(hours=10))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda self: None)  # "It ended at ..."
    companion.start()
    assert context.focus.running() is None
    assert context.checkins.get(dt.date(2026, 11, 3)).coding_minutes == 40


def test_meeting_budget_nudge(qtbot, companion, context, clock):
    shown = []
    companion.reminders.reminder_due.connect(shown.append)
    context.checkins.record(None, {"meeting_minutes": 5 * 60, "energy": 3})
    companion.refresh()
    assert [r.kind.value for r in shown] == ["meeting_budget"]
    title, body = companion.reminder_text(shown[0])
    assert "5h" in body and "4h" in body


def test_a_check_in_without_energy_is_not_checked_in_anywhere(qtbot, companion, context):
    """Item 5 of issue 12: the window and the tray agree on what "checked in" means."""
    from PySide6.QtCore import Qt

    from focusapp.ui.tray import tooltip_text

    form = companion.window.form
    qtbot.keyClicks(form.meetings, "2h")
    with qtbot.waitSignal(companion.window.data_changed):
        qtbot.keyClick(form.meetings, Qt.Key.Key_Return)
    assert context.checkins.get(context.checkins.today()).meeting_minutes == 120
    assert "Saved" not in form.status.text()
    assert "not checked in yet" in form.status.text().lower()
    assert form.title.text().startswith("How was today")
    assert not companion.status().checked_in
    assert "not checked in yet" in tooltip_text(companion.status())
    assert not companion._reminder_inputs(context.clock.now()).today_checked_in

    form.energy.choose(3)
    with qtbot.waitSignal(companion.window.data_changed):
        form.save_button.click()
    assert form.status.text().startswith("Saved")
    assert companion.status().checked_in
    assert "not checked in yet" not in tooltip_text(companion.status())
