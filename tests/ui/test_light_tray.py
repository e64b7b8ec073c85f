"""The light tray process's companion: today read with sqlite3, writes as real child commands,
the window as a real child process (offscreen), and no database stack in this process."""

import subprocess
import sys

import pytest

from focusapp.bootstrap import open_context
from focusapp.domain.clock import SystemClock
from focusapp.services.app_state import AppStateStore
from focusapp.services.light_days import LightDays
from focusapp.system.paths import resolve_paths
from focusapp.system.zone import detect_zone
from focusapp.ui.line_channel import Message
from focusapp.ui.single_instance import SingleInstance, server_name
from focusapp.ui.tray_app.commands import CommandRunner
from focusapp.ui.tray_app.companion import LightCompanion
from focusapp.ui.tray_app.window_process import WindowProcess

pytestmark = pytest.mark.gui

#: The child commands start FocusApp the way the tests' interpreter does.
COMMAND = [sys.executable, "-m", "focusapp"]
#: A child command's start, from a cold interpreter, on a loaded machine.
CHILD_MS = 30_000


@pytest.fixture
def profile(data_dir):
    """Today's check-in on the real clock (the children read the real clock too)."""
    context = open_context(data_dir, zone=detect_zone())
    context.checkins.record(None, {"energy": 4, "coding_minutes": 90, "meeting_minutes": 60})
    context.close()
    return data_dir


@pytest.fixture
def light(qtbot, profile, tmp_path):
    paths = resolve_paths(profile)
    instance = SingleInstance(server_name(paths.data_dir))  # the name the window looks for
    windows = WindowProcess(COMMAND, instance)
    days = LightDays(paths.db_path, SystemClock(), detect_zone(), lambda: 4)
    from focusapp.settings.values import Settings

    companion = LightCompanion(
        days,
        CommandRunner(COMMAND),
        windows,
        Settings,
        AppStateStore(tmp_path / "state.json"),
        SystemClock(),
    )
    told: list[str] = []
    companion.tell = lambda _title, text: told.append(text)  # type: ignore[method-assign]
    companion.told = told  # type: ignore[attr-defined]
    yield companion
    companion.reminders.stop()
    windows.end()
    instance.close()


def read(qtbot, companion):
    with qtbot.waitSignal(companion.facts_shown, timeout=CHILD_MS):
        companion.start()  # reads today (the tray's start does it once the data is checked)


def test_nothing_is_read_before_the_start(qtbot, light):
    """Reminders may ask early; the data may still be upgrading in the start's check."""
    light.refresh_soon()
    qtbot.wait(300)
    assert light.facts_of_today() is None


def test_today_is_read_without_the_database_stack(qtbot, light):
    read(qtbot, light)
    status = light.status()
    assert (status.checked_in, status.energy, status.coding_minutes) == (True, 4, 90)
    assert status.focus_elapsed is None


def test_a_focus_session_started_from_the_tray_is_stored_and_shown(qtbot, light, profile):
    read(qtbot, light)
    with qtbot.waitSignal(light.facts_shown, timeout=CHILD_MS):
        light.start_focus()  # runs `focusapp focus start`, then reads again
    assert light.status().focus_elapsed is not None
    context = open_context(profile)
    try:
        assert context.focus.running() is not None
    finally:
        context.close()
    with qtbot.waitSignal(light.facts_shown, timeout=CHILD_MS):
        light.stop_focus()
    assert light.status().focus_elapsed is None


def test_a_refused_focus_change_is_said_in_one_sentence(qtbot, light):
    read(qtbot, light)
    light.stop_focus()  # nothing runs: the command refuses
    qtbot.waitUntil(lambda: bool(light.told), timeout=CHILD_MS)
    assert light.told == ["No focus session is running."]


def test_meeting_time_added_from_the_tray_lands_in_the_day(qtbot, light, profile):
    read(qtbot, light)
    answers: list[str | None] = []
    light.add_meeting_minutes(30, answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=CHILD_MS)
    assert answers == [None]
    context = open_context(profile)
    try:
        assert context.checkins.get(context.checkins.today()).meeting_minutes == 90
    finally:
        context.close()


def test_meeting_time_over_a_day_is_refused_before_any_command(qtbot, light):
    read(qtbot, light)
    answers: list[str | None] = []
    light.add_meeting_minutes(24 * 60, answers.append)
    assert len(answers) == 1 and answers[0].startswith("Not added: ")  # at once: no child ran


def test_the_window_runs_in_its_own_process_and_ends_when_asked(qtbot, light):
    windows = light.windows
    assert not windows.is_open()
    light.open_checkin()
    assert windows.is_open()
    qtbot.waitUntil(lambda: windows._channel is not None, timeout=CHILD_MS)
    process = windows._process
    windows.show(Message.SHOW_DASHBOARD)  # a running window is told, not started again
    assert windows._process is process
    windows.end()
    qtbot.waitUntil(lambda: not windows.is_open(), timeout=CHILD_MS)


def test_the_light_tray_loads_no_database_stack():
    code = (
        "import sys; import focusapp.ui.tray_app.light_tray, focusapp.app;"
        "heavy = {'sqlalchemy', 'alembic', 'numpy', 'pyqtgraph', 'icalendar'} & set(sys.modules);"
        "sys.exit(f'loaded: {sorted(heavy)}' if heavy else 0)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# Showing a tray icon on the offscreen platform, which has no tray window to report.
@pytest.mark.qt_log_ignore("No such signal QPlatformNativeInterface::systemTrayWindowChanged")
def test_the_light_tray_checks_the_data_then_shows_today(qtbot, profile, monkeypatch):
    """Its start runs `focusapp check` (integrity, upgrades, the day's backup) in a child."""
    from focusapp.settings.store import SettingsStore
    from focusapp.ui.tray import TrayIcon, TrayStatus
    from focusapp.ui.tray_app import light_tray

    monkeypatch.setattr(light_tray, "own_command", lambda: list(COMMAND))
    paths = resolve_paths(profile)
    backups_before = set(paths.backups_dir.iterdir()) if paths.backups_dir.exists() else set()
    instance = SingleInstance(server_name(paths.data_dir))
    tray = TrayIcon(TrayStatus)
    store = SettingsStore(paths.config_file)
    light = light_tray.LightTray(None, paths, store, store.load(), tray, instance)
    try:
        with qtbot.waitSignal(light.ready, timeout=CHILD_MS):
            light.start(show_window=False)
        assert light.companion.status().energy == 4
        assert not light.windows.is_open()
        assert set(paths.backups_dir.iterdir()) >= backups_before
    finally:
        light.companion.reminders.stop()
        light.finish()
        instance.close()


def test_quitting_lets_a_write_under_way_finish(qtbot, profile):
    """A focus session started just before Quit is stored, not cut short with its child."""
    runner = CommandRunner(COMMAND)
    answers: list[str] = []
    runner.run(["focus", "start"], answers.append, answers.append)
    runner.finish()  # at once: the child is still starting
    assert len(answers) == 1 and "started" in answers[0]
    context = open_context(profile)
    try:
        assert context.focus.running() is not None
    finally:
        context.close()


# Showing a tray icon on the offscreen platform, which has no tray window to report.
@pytest.mark.qt_log_ignore("No such signal QPlatformNativeInterface::systemTrayWindowChanged")
def test_what_the_start_found_is_told_in_the_users_language(qtbot, profile, monkeypatch):
    """The check's child speaks English; the tray says its report in the window's language."""
    from focusapp.settings.store import SettingsStore
    from focusapp.ui.tray import TrayIcon, TrayStatus
    from focusapp.ui.tray_app import light_tray
    from focusapp.wording import translate as translation
    from tests.safety_support import damage

    monkeypatch.setattr(light_tray, "own_command", lambda: list(COMMAND))
    paths = resolve_paths(profile)
    damage(paths.db_path, "truncated")
    instance = SingleInstance(server_name(paths.data_dir))
    tray = TrayIcon(TrayStatus)
    store = SettingsStore(paths.config_file)
    light = light_tray.LightTray(None, paths, store, store.load(), tray, instance)
    told = []
    monkeypatch.setattr(
        light.companion.notifier, "notify", lambda key, title, body, *a, **k: told.append(body)
    )
    translation.install(lambda context, text: f"[{context}] {text}")
    try:
        with qtbot.waitSignal(light.ready, timeout=CHILD_MS):
            light.start(show_window=False)
        (body,) = told
        damaged, no_backup = body.splitlines()
        assert damaged.startswith("[StartupReport] FocusApp's database was damaged (")
        assert no_backup == "[StartupReport] There is no backup to restore from."
        assert list(paths.data_dir.glob("focusapp.sqlite3.damaged-*"))
    finally:
        translation.install(None)
        light.companion.reminders.stop()
        light.finish()
        instance.close()
