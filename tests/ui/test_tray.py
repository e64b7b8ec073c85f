import datetime as dt

import pytest

from focusapp.ui.tray import TrayIcon, TrayStatus, icon_name, tooltip_text

pytestmark = pytest.mark.gui


def test_tooltip_reads_like_the_spec():
    status = TrayStatus(
        checked_in=True, energy=3, coding_minutes=130, meeting_minutes=180, risk_level="moderate"
    )
    assert tooltip_text(status) == "Today: energy 3, coding 2h10, meetings 3h, risk moderate"


def test_tooltip_when_not_checked_in_and_focusing():
    status = TrayStatus(coding_minutes=25, focus_elapsed=dt.timedelta(minutes=25, seconds=3))
    assert tooltip_text(status) == "Today: not checked in yet, coding 25m\nFocus session: 0:25:03"


def test_very_high_is_written_in_words():
    assert tooltip_text(TrayStatus(checked_in=True, energy=1, risk_level="very_high")).endswith(
        "risk very high"
    )


@pytest.mark.parametrize(
    ("status", "name"),
    [
        (TrayStatus(), "tray-pending.svg"),
        (TrayStatus(checked_in=True), "tray-done-none.svg"),
        (TrayStatus(checked_in=True, risk_level="high"), "tray-done-high.svg"),
        (TrayStatus(checked_in=True, focus_elapsed=dt.timedelta(0)), "tray-focus.svg"),
    ],
)
def test_icon_shows_state(status, name):
    assert icon_name(status) == name


def test_every_state_icon_exists():
    from focusapp.system.resources import icon_path

    for level in ("none", "low", "moderate", "high", "very_high"):
        assert icon_path(f"tray-done-{level}.svg").is_file()
    assert icon_path("tray-pending.svg").is_file()
    assert icon_path("tray-focus.svg").is_file()


def test_menu_is_rebuilt_from_current_status(qtbot):
    current = {"status": TrayStatus()}
    tray = TrayIcon(lambda: current["status"])
    texts = tray.menu_texts()
    assert "Check in now..." in texts
    assert "Start focus session" in texts
    assert "Add meeting time..." in texts
    assert "Open dashboard" in texts
    assert "Pause reminders" in texts
    assert "Settings..." in texts
    assert texts[-1] == "Quit FocusApp"
    current["status"] = TrayStatus(
        checked_in=True,
        focus_elapsed=dt.timedelta(minutes=12, seconds=5),
        paused_until=dt.datetime(2026, 11, 3, 19, 0),
    )
    texts = tray.menu_texts()
    assert "Stop focus session (0:12:05)" in texts
    assert "Edit today's check-in..." in texts
    assert "Resume reminders (paused until 19:00)" in texts


def test_menu_actions_emit_intents(qtbot):
    tray = TrayIcon(TrayStatus)
    menu = tray.menu()
    tray.menu_texts()
    actions = {a.text(): a for a in menu.actions()}
    with qtbot.waitSignal(tray.checkin_requested):
        actions["Check in now..."].trigger()
    with qtbot.waitSignal(tray.focus_start_requested):
        actions["Start focus session"].trigger()
    with qtbot.waitSignal(tray.quit_requested):
        actions["Quit FocusApp"].trigger()
    pause_menu = actions["Pause reminders"].menu()
    with qtbot.waitSignal(tray.pause_requested) as blocker:
        pause_menu.actions()[1].trigger()
    assert blocker.args == ["today"]
