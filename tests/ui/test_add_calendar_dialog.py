import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from focusapp.ui.add_calendar_dialog import AddCalendarDialog
from focusapp.ui.calendar_importer import CalendarImporter
from focusapp.ui.calendar_watch import CalendarWatch
from focusapp.ui.main_window import MainWindow
from focusapp.ui.workers import BackgroundRunner

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]
TODAY = dt.date(2026, 11, 3)


def item(uid: str, hour: int, minutes: int) -> str:
    start = dt.datetime(2026, 11, 3, hour, tzinfo=dt.UTC)
    end = start + dt.timedelta(minutes=minutes)
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:{start:%Y%m%dT%H%M%S}Z\r\n"
        f"DTEND:{end:%Y%m%dT%H%M%S}Z\r\nSUMMARY:{uid}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def put(folder: Path, uid: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{uid}.tmp"
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(folder / f"{uid}.ics")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder / ".cache"))
    return folder


@pytest.fixture
def sources(home, context):
    return context.sources


@pytest.fixture
def vdir(home: Path) -> Path:
    root = home / ".calendars" / "work"
    (root / "team").mkdir(parents=True)
    (root / "team" / "displayname").write_text("Team", encoding="utf-8")
    put(root / "team", "a", item("a", 9, 30))
    return root


@pytest.fixture
def runner(qtbot):
    runner = BackgroundRunner()
    yield runner
    runner.shutdown()


def added_rows(context) -> list[tuple[str, str]]:
    with sqlite3.connect(context.paths.db_path) as connection:
        return connection.execute("SELECT path, kind FROM added_calendars").fetchall()


def meeting_minutes(context) -> int | None:
    summary = context.calendar.days(TODAY, TODAY).get(TODAY)
    return None if summary is None else summary.meeting_minutes


def open_dialog(qtbot, sources, runner, **kwargs) -> AddCalendarDialog:
    dialog = AddCalendarDialog(sources, runner, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: "Looking" not in dialog.status.text(), timeout=10_000)
    return dialog


def test_enter_adds_the_found_calendar_off_the_gui_thread(qtbot, context, sources, vdir, runner):
    dialog = open_dialog(qtbot, sources, runner)
    assert dialog.found_list.count() == 1
    first = dialog.found_list.item(0)
    assert first.text().startswith("Team (vdir, 1 events)")
    assert dialog.found_list.currentItem() is first
    with qtbot.waitSignal(dialog.added, timeout=10_000) as blocker:
        qtbot.keyClick(dialog.found_list, Qt.Key.Key_Return)
    assert blocker.args[0].report.meetings_counted == 1
    assert added_rows(context) == [(str(vdir), "vdir")]
    assert meeting_minutes(context) == 30
    assert dialog.status.text() == f"Added {vdir}: 1 meetings."
    # Listed again: now marked added and no longer offered.
    qtbot.waitUntil(lambda: "added)" in dialog.found_list.item(0).text(), timeout=10_000)
    assert not dialog.add_button.isEnabled()


def test_the_add_button_is_one_click(qtbot, context, sources, vdir, runner):
    dialog = open_dialog(qtbot, sources, runner)
    with qtbot.waitSignal(dialog.added, timeout=10_000):
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert added_rows(context) == [(str(vdir), "vdir")]


def test_choose_folder_adds_any_vdir_and_refuses_a_non_calendar(
    qtbot, context, sources, runner, tmp_path
):
    elsewhere = tmp_path / "elsewhere"
    put(elsewhere, "b", item("b", 10, 45))
    empty = tmp_path / "empty"
    empty.mkdir()
    picks = [str(empty), str(elsewhere)]
    dialog = open_dialog(qtbot, sources, runner, chooser=lambda _parent, folder: picks.pop(0))
    assert dialog.found_list.count() == 0
    assert "Nothing new found" in dialog.status.text()
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Not added"), timeout=10_000)
    assert "holds no calendar items" in dialog.status.text()
    assert added_rows(context) == []
    with qtbot.waitSignal(dialog.added, timeout=10_000):
        qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert added_rows(context) == [(str(elsewhere), "vdir")]
    assert meeting_minutes(context) == 45


def test_the_menu_entry_waits_for_the_service_then_opens_the_dialog(
    qtbot, context, sources, vdir, tmp_path
):
    window = MainWindow(context.checkins, tmp_path / "window.ini")
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    names = [a.text() for a in file_menu.actions()]
    assert names.index("&Add calendar...") == names.index("Import &calendar...") + 1
    assert not window.add_calendar.action.isEnabled()
    window.add_calendar.attach(sources)
    window.add_calendar.action.trigger()
    dialog = window.add_calendar.dialog
    assert dialog is not None
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.found_list.count() == 1, timeout=10_000)
    qtbot.keyClick(dialog.found_list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: added_rows(context) == [(str(vdir), "vdir")], timeout=10_000)
    dialog.close()
    assert window.add_calendar.open() is dialog  # shown again, looking again


def test_the_watch_follows_an_added_vdir_and_rereads_it_when_it_changes(
    qtbot, context, sources, vdir
):
    importer = CalendarImporter(context.calendar, sources=sources)
    watch = CalendarWatch(importer, lambda: context.settings, debounce_ms=50)
    sources.add(str(vdir))
    with qtbot.waitSignal(importer.finished, timeout=10_000):
        watch.sources_changed()
    assert watch.watched_sources() == [str(vdir)]
    assert {str(vdir), str(vdir / "team")} <= set(watch._watcher.directories())
    with qtbot.waitSignal(watch.changed, timeout=20_000):
        put(vdir / "team", "c", item("c", 11, 15))
    assert meeting_minutes(context) == 45
    with qtbot.waitSignal(watch.changed, timeout=20_000):
        (vdir / "team" / "a.ics").unlink()
    assert meeting_minutes(context) == 15
    # A calendar folder created later is watched after the next read.
    with qtbot.waitSignal(watch.changed, timeout=20_000):
        put(vdir / "home", "d", item("d", 14, 60))
    qtbot.waitUntil(lambda: str(vdir / "home") in watch._watcher.directories(), timeout=5000)
    assert meeting_minutes(context) == 75
    importer.wait()


def test_the_watch_rereads_an_evolution_cache_when_eds_writes_it(qtbot, context, sources, home):
    import shutil

    eds = Path(__file__).resolve().parents[1] / "data" / "evolution" / "webcal-cache.db"
    cache = home / ".cache" / "evolution" / "calendar" / "webcal-test" / "cache.db"
    cache.parent.mkdir(parents=True)
    shutil.copy(eds, cache)
    importer = CalendarImporter(context.calendar, sources=sources)
    watch = CalendarWatch(importer, lambda: context.settings, debounce_ms=50)
    sources.add(str(cache))
    with qtbot.waitSignal(importer.finished, timeout=10_000):
        watch.sources_changed()
    assert str(cache) in watch._watcher.files()
    with sqlite3.connect(context.paths.db_path) as connection:
        before = connection.execute("SELECT count(*) FROM calendar_events").fetchone()[0]
    # EDS writes its cache in place (rollback journal): mark one event locally deleted.
    with qtbot.waitSignal(watch.changed, timeout=20_000), sqlite3.connect(cache) as connection:
        connection.execute(
            "UPDATE ECacheObjects SET ECacheState = 3 WHERE rowid = "
            "(SELECT min(rowid) FROM ECacheObjects)"
        )
    with sqlite3.connect(context.paths.db_path) as connection:
        after = connection.execute("SELECT count(*) FROM calendar_events").fetchone()[0]
    assert after < before
    importer.wait()
