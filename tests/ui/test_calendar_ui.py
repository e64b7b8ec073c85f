import dataclasses
import datetime as dt
import os
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem

from focusapp.domain.calendar import Exclusion
from focusapp.formats.ics.report import SkippedEvent
from focusapp.services.calendar.store import CalendarImportReport, RangeOrigin
from focusapp.ui.calendar_actions import CalendarActions
from focusapp.ui.calendar_day import CalendarDayDialog
from focusapp.ui.calendar_importer import CalendarImporter, CalendarJobResult
from focusapp.ui.calendar_report import CalendarImportDialog
from focusapp.ui.calendar_watch import CalendarWatch
from focusapp.ui.main_window import MainWindow
from tests.ui.settle import settle

pytestmark = [
    pytest.mark.gui,
    # The offscreen platform says so for every dialog shown; it is not our warning.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]
TODAY = dt.date(2026, 11, 3)
DATA = Path(__file__).resolve().parents[1] / "data" / "ics"


def ics(*events: tuple[str, str, str]) -> str:
    body = "".join(
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:{uid}\r\nDTSTART:{start}\r\nDTEND:{end}\r\n"
        "END:VEVENT\r\n"
        for uid, start, end in events
    )
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n{body}END:VCALENDAR\r\n"


# Tuesday 3 Nov 2026 in Berlin (UTC+1): 09:00-10:00 and 10:00-11:30.
SYNC = ("sync", "20261103T080000Z", "20261103T090000Z")
DESIGN = ("design", "20261103T090000Z", "20261103T103000Z")
LATE = ("late", "20261103T170000Z", "20261103T180000Z")


@pytest.fixture
def importer(qtbot, context):
    importer = CalendarImporter(context.calendar)
    yield importer
    importer.wait()


@pytest.fixture
def cal(tmp_path: Path) -> Path:
    path = tmp_path / "work.ics"
    path.write_text(ics(SYNC, DESIGN), encoding="utf-8")
    return path


def finished(qtbot, importer, start) -> CalendarJobResult:
    with qtbot.waitSignal(importer.finished, timeout=20_000) as blocker:
        start()
    result = blocker.args[0]
    assert isinstance(result, CalendarJobResult)
    return result


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None
    return item


# --- the background importer ---------------------------------------------------------------------


def test_imports_run_off_the_gui_thread_and_answer_on_it(qtbot, context, importer, cal):
    threads: list[threading.Thread] = []
    real = context.calendar.import_file

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    context.calendar.import_file = spy
    answered: list[threading.Thread] = []
    importer.finished.connect(lambda _result: answered.append(threading.current_thread()))
    result = finished(qtbot, importer, lambda: importer.import_files([str(cal)]))
    assert threads and threads[0] is not threading.main_thread()
    assert answered == [threading.main_thread()]
    (outcome,) = result.outcomes
    assert result.origin == "manual" and result.changed and not importer.busy
    assert outcome.report is not None and outcome.report.meetings_counted == 2
    assert context.calendar.days(TODAY, TODAY)[TODAY].meeting_minutes == 150


def test_a_bad_file_comes_back_as_a_message(qtbot, importer):
    bad = str(DATA / "icalendar__small_bad_calendar.ics")
    result = finished(qtbot, importer, lambda: importer.import_files([bad], origin="watch"))
    (outcome,) = result.outcomes
    assert outcome.report is None and not result.changed
    assert result.errors == [outcome.error]
    assert "incomplete" in (outcome.error or "")


def test_an_unexpected_failure_still_answers(qtbot, context, importer, cal):
    def boom(*_args, **_kwargs):
        raise RuntimeError("boom")

    context.calendar.import_file = boom
    result = finished(qtbot, importer, lambda: importer.import_files([str(cal)]))
    assert result.errors == ["work.ics: unexpected error (boom)"]


# --- watched files -------------------------------------------------------------------------------


def watch_for(qtbot, context, importer, *paths: Path) -> CalendarWatch:
    context.settings = dataclasses.replace(
        context.settings, calendar_watch_files=tuple(str(p) for p in paths)
    )
    watch = CalendarWatch(importer, lambda: context.settings, debounce_ms=50)
    return watch


def meetings(context) -> int:
    return int(context.calendar.days(TODAY, TODAY)[TODAY].meeting_count)


def test_watched_files_are_imported_at_start_and_after_changes(qtbot, context, importer, cal):
    watch = watch_for(qtbot, context, importer, cal)
    with qtbot.waitSignal(watch.changed, timeout=20_000):
        watch.start()
    assert watch.watched_files() == [str(cal.resolve())]
    assert meetings(context) == 2
    # An atomic replace (write elsewhere, rename over) drops the file's watch; it comes back.
    replacement = cal.with_name("work.ics.tmp")
    replacement.write_text(ics(SYNC, DESIGN, LATE), encoding="utf-8")
    with qtbot.waitSignal(watch.changed, timeout=20_000):
        replacement.replace(cal)
    assert meetings(context) == 3
    qtbot.waitUntil(lambda: str(cal) in watch._watcher.files(), timeout=5000)
    # A plain rewrite in place is noticed too.
    with qtbot.waitSignal(watch.changed, timeout=20_000):
        cal.write_text(ics(SYNC), encoding="utf-8")
    assert meetings(context) == 1


def test_a_broken_watched_file_is_reported_once(qtbot, context, importer, tmp_path):
    missing = tmp_path / "gone.ics"
    watch = watch_for(qtbot, context, importer, missing)
    with qtbot.waitSignal(watch.failed, timeout=20_000) as blocker:
        watch.start()
    assert blocker.args == [f"{missing} does not exist."]
    reported: list[str] = []
    watch.failed.connect(reported.append)
    finished(qtbot, importer, watch.settings_changed)
    assert reported == []
    # Once the file appears and imports, a later failure is news again.
    missing.write_text(ics(SYNC), encoding="utf-8")
    with qtbot.waitSignal(watch.changed, timeout=20_000):
        watch.settings_changed()


def test_a_new_watch_list_is_followed(qtbot, context, importer, cal, tmp_path):
    watch = watch_for(qtbot, context, importer, cal)
    with qtbot.waitSignal(watch.changed, timeout=20_000):
        watch.start()
    other = tmp_path / "sub" / "other.ics"
    other.parent.mkdir()
    other.write_text(ics(LATE), encoding="utf-8")
    context.settings = dataclasses.replace(context.settings, calendar_watch_files=(str(other),))
    with qtbot.waitSignal(watch.changed, timeout=20_000):
        watch.settings_changed()
    assert watch.watched_files() == [str(other)]
    assert set(watch._watcher.files()) == {str(other)}
    assert set(watch._watcher.directories()) == {str(other.parent)}


def test_a_watched_fifo_is_never_opened_and_is_shown_as_a_problem(
    qtbot, context, importer, cal, tmp_path
):
    fifo = tmp_path / "pipe.ics"
    os.mkfifo(fifo)
    watch = watch_for(qtbot, context, importer, fifo, cal)
    problems: list[str] = []
    watch.failed.connect(problems.append)
    with qtbot.waitSignal(watch.changed, timeout=20_000):
        watch.start()
    assert problems == [f"{fifo} is not a regular file (a pipe, socket or device)."]
    assert meetings(context) == 2  # the other watched file imported
    assert str(fifo) not in watch._watcher.files()
    assert set(watch._watcher.files()) == {str(cal)}
    # A change in the folder (the FIFO's too) re-imports nothing and re-opens nothing.
    watch._on_watcher_directory_changed(str(tmp_path))
    watch._on_timer_timeout()
    assert str(fifo) not in watch._watcher.files()


# --- the window ----------------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, context, importer, tmp_path):
    win = MainWindow(context.checkins, tmp_path / "window.ini")
    qtbot.addWidget(win)
    assert not win.calendar.import_action.isEnabled()
    win.calendar.attach(context.calendar, importer, win.hub)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_menu_actions_are_in_place(window):
    file_menu, day_menu = (a.menu() for a in window.menuBar().actions()[:2])
    names = [a.text() for a in file_menu.actions()]
    assert names.index("Import &calendar...") == names.index("&Export check-ins...") + 1
    assert "&Calendar for this day..." in [a.text() for a in day_menu.actions()]
    assert window.calendar.import_action.isEnabled() and window.calendar.day_action.isEnabled()


def test_importing_from_the_window_shows_the_result_and_refreshes(qtbot, window, cal):
    with qtbot.waitSignal(window.calendar.imported, timeout=20_000):
        window.calendar.import_file(str(cal))
    dialog = window.calendar.result_dialog
    assert dialog is not None and dialog.isVisible()
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Imported work.ics" in texts
    assert "2 on 1 day" in texts
    assert window.calendar.import_action.isEnabled()
    # The day now has calendar meeting time: in the history and as the form's hint.
    settle(qtbot, window)
    assert window.history_model.rowCount() == 1
    assert "2h30 from your calendar" in window.form.meetings.placeholderText()
    dialog.close()


def test_the_import_action_asks_for_a_file(qtbot, window, importer, cal):
    asked: list[str] = []

    def choose(_parent, start_dir):
        asked.append(start_dir)
        return str(cal)

    actions = CalendarActions(window, current_day=lambda: TODAY, choose_file=choose)
    actions.attach(window.calendar._calendar, importer, window.hub)
    with qtbot.waitSignal(actions.imported, timeout=20_000):
        actions.import_action.trigger()
    assert asked == [str(Path.home())]
    qtbot.waitUntil(lambda: actions.result_dialog is not None)
    cancelled = CalendarActions(window, current_day=lambda: TODAY, choose_file=lambda *_: "")
    cancelled.attach(window.calendar._calendar, importer, window.hub)
    cancelled.import_action.trigger()
    assert not importer.busy


def test_a_failed_import_says_nothing_was_imported(qtbot, window):
    bad = str(DATA / "icalendar__big_bad_calendar.ics")
    window.calendar.import_file(bad)
    qtbot.waitUntil(lambda: window.calendar.error_box is not None, timeout=20_000)
    box = window.calendar.error_box
    assert box.isVisible()
    assert box.text().startswith("icalendar__big_bad_calendar.ics: The calendar file is incomplete")
    assert box.text().endswith("Nothing was imported.")
    assert window.calendar.result_dialog is None
    box.close()


def opened_day(qtbot, window, day: dt.date) -> CalendarDayDialog:
    """Open the day audit from the window and wait for its events (read on the worker)."""
    dialog = window.calendar.open_day(day)
    assert isinstance(dialog, CalendarDayDialog)
    # The audit arrives through the event loop, so nothing is missed by waiting only now.
    with qtbot.waitSignal(dialog.loaded):
        pass
    return dialog


def test_day_audit_lists_counted_and_left_out_events(qtbot, window, context):
    path = DATA / "focusapp__not_meetings.ics"
    context.calendar.import_file(path, dt.date(2024, 5, 1), dt.date(2024, 5, 31))
    dialog = opened_day(qtbot, window, dt.date(2024, 5, 10))
    qtbot.waitExposed(dialog)
    table = dialog.table
    assert table.rowCount() == 11
    cells = [[cell(table, r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert ["11:00-11:30", "Budget review", "Counted", path.name] in cells
    statuses = {row[1]: row[2] for row in cells}
    assert statuses["Lunch"] == "Left out: not a meeting"
    assert statuses["Company offsite"] == "Left out: all-day"
    assert statuses["Budget review (old time)"] == "Left out: duplicate"
    assert cell(table, 0, 3).toolTip() == str(path)
    assert "1h30" in dialog.summary_label.text() and "2 meetings" in dialog.summary_label.text()
    with qtbot.waitSignal(dialog.loaded):
        dialog.next_button.click()
    assert dialog.day() == dt.date(2024, 5, 11)
    assert not dialog.table.isVisible() and dialog.empty_label.isVisible()
    assert "0m" in dialog.summary_label.text()
    dialog.previous_button.click()
    with qtbot.waitSignal(dialog.loaded):
        dialog.previous_button.click()
    assert dialog.day() == dt.date(2024, 5, 9)
    assert dialog.table.rowCount() == 0
    # The menu action shows the form's day, reusing the open dialog.
    window.show_day(dt.date(2024, 4, 1))
    qtbot.waitUntil(lambda: window.form.day() == dt.date(2024, 4, 1))
    with qtbot.waitSignal(dialog.loaded):
        window.calendar.day_action.trigger()
    assert window.calendar.day_dialog is dialog and dialog.day() == dt.date(2024, 4, 1)
    assert "No imported calendar covers this day" in dialog.summary_label.text()
    dialog.close()
    qtbot.waitUntil(lambda: window.calendar.day_dialog is None)


def test_day_audit_shows_meeting_and_time_when_titles_are_not_kept(qtbot, window, context):
    context.settings = dataclasses.replace(context.settings, calendar_keep_titles=False)
    path = DATA / "focusapp__not_meetings.ics"
    context.calendar.import_file(path, dt.date(2024, 5, 1), dt.date(2024, 5, 31))
    dialog = opened_day(qtbot, window, dt.date(2024, 5, 10))
    table = dialog.table
    cells = [[cell(table, r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert ["11:00-11:30", "Meeting", "Counted"] in cells
    assert {row[1] for row in cells} == {"Meeting"}
    # Classification still saw the titles while reading.
    assert ["12:00-13:00", "Meeting", "Left out: not a meeting"] in cells
    assert "not kept" in cell(table, 0, 1).toolTip()


def test_import_dialog_lists_reasons_skipped_events_and_warnings(qtbot):
    report = CalendarImportReport(
        path="/cal/work.ics",
        first_day=dt.date(2025, 11, 3),
        last_day=dt.date(2026, 12, 1),
        range_origin=RangeOrigin.DEFAULT,
        unchanged=False,
        replaced=True,
        meetings_counted=12,
        meeting_days=5,
        days_changed=3,
        left_out={Exclusion.DECLINED: 2, Exclusion.ALL_DAY: 1},
        skipped=(SkippedEvent("u1", "Mystery", "it has no start time (DTSTART)"),),
        warnings=("Time zone 'Mars Standard Time' is not known.",),
    )
    dialog = CalendarImportDialog(report)
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Updated from work.ics" in texts and "3 days with new meeting numbers" in texts
    reasons = dialog.left_out_table
    assert [(cell(reasons, r, 0).text(), cell(reasons, r, 1).text()) for r in range(2)] == [
        ("Declined", "2"),
        ("All-day", "1"),
    ]
    skipped = dialog.skipped_table
    assert [cell(skipped, 0, c).text() for c in range(3)] == [
        "u1",
        "Mystery",
        "it has no start time (DTSTART)",
    ]
    assert "Mars Standard Time" in dialog.warnings_label.text()
    unchanged = CalendarImportDialog(
        dataclasses.replace(report, unchanged=True, left_out={}, skipped=(), warnings=())
    )
    qtbot.addWidget(unchanged)
    assert unchanged.windowTitle() == "Calendar unchanged"
    unchanged.show()
    qtbot.waitExposed(unchanged)
    assert not unchanged.left_out_table.isVisible()
    assert not unchanged.skipped_table.isVisible()
    assert not unchanged.findChildren(QLabel, "warnings_label")[0].isVisible()


def test_form_meeting_hint_opens_the_day_audit(qtbot, context, tmp_path):
    from focusapp.ui.checkin_form import CheckInForm

    form = CheckInForm(dt.date(2026, 11, 3))
    qtbot.addWidget(form)
    with qtbot.waitSignal(form.calendar_details_requested) as blocker:
        form.meetings_source.linkActivated.emit("calendar:day")
    assert blocker.args == [dt.date(2026, 11, 3)]
