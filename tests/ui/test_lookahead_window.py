"""The look-ahead window, driven as a user would: the Weeks menu, ticks, choices, a reflection.

Issue 11 items 2-5 in the window; every assertion is on what the user sees or on what the
services read back from the database.
"""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from focusapp.domain.forecast import Choice, PlanChoice, series_id
from focusapp.ui.lookahead_models import SeriesPlanModel, Tab
from focusapp.ui.main_window import MainWindow
from tests.unit.services.test_lookahead import vevent, write_calendar

pytestmark = pytest.mark.gui

TODAY = dt.date(2026, 11, 3)  # the conftest clock: Tuesday 18:00 in Berlin
TOMORROW = TODAY + dt.timedelta(days=1)


@pytest.fixture
def booked(context, tmp_path):
    path = write_calendar(
        tmp_path / "work.ics",
        vevent("daily", TOMORROW, "0930", "1030", "Daily", rrule="FREQ=DAILY;COUNT=30"),
        vevent("big", TOMORROW, "1300", "1600", "Quarterly planning"),
    )
    context.calendar.import_file(
        str(path), TODAY - dt.timedelta(days=60), TODAY + dt.timedelta(days=40)
    )
    for i in range(1, 57):
        day = TODAY - dt.timedelta(days=i)
        context.checkins.record(day, {"energy": 2 + i % 3, "coding_minutes": 120 + 10 * (i % 5)})
    return context


@pytest.fixture
def window(qtbot, booked, tmp_path):
    main = MainWindow(booked.checkins, tmp_path / "w.ini")
    qtbot.addWidget(main)
    main.attach_lookahead(booked.lookahead, lambda: booked.settings.forecast_days)
    main.show()
    yield main
    if main.lookahead_window is not None:
        main.lookahead_window.close()
    main.shutdown_workers()


def open_next_weeks(qtbot, window):
    action = window.menus.weeks_actions[Tab.NEXT_WEEKS]
    assert action.isEnabled()
    assert action.shortcut().toString() == "Ctrl+Shift+N"
    ahead = window.ensure_lookahead()
    with qtbot.waitSignal(ahead.next_weeks.updated, timeout=10_000):
        action.trigger()
    return ahead


def test_menu_is_off_until_the_services_are_attached(qtbot, booked, tmp_path):
    main = MainWindow(booked.checkins, tmp_path / "w.ini")
    qtbot.addWidget(main)
    assert [a.isEnabled() for a in main.menus.weeks_actions] == [False, False, False]
    assert main.open_lookahead(Tab.NEXT_WEEKS) is None


def test_next_weeks_shows_the_booked_days_from_tomorrow(qtbot, window):
    ahead = open_next_weeks(qtbot, window)
    view = ahead.next_weeks
    assert ahead.isVisible() and ahead.tabs.currentIndex() == Tab.NEXT_WEEKS
    model = view.days_model
    assert model.rowCount() == 14
    assert model.index(0, 0).data() == f"{TOMORROW:%a %d %b}"  # forecast starts tomorrow
    assert model.index(0, 1).data() == "4h"  # 09:30-10:30 and 13:00-16:00
    assert model.index(1, 1).data() == "1h"
    assert model.index(0, 6).data() == "yes"  # 10:30-13:00 is free: a 2-h block is left
    titles = [row.series.title for row in view.series_model.rows]
    assert titles == ["Daily", "Quarterly planning"]  # heaviest first
    assert "Projection" in view.projection.text() and "assumes" in view.projection.text()
    assert not view.plan_note.isVisible()
    # The measured signal ends today; the projection starts from today's score.
    measured = view.charts.signal.measured.getData()[0]
    assert max(measured) == (TODAY - dt.date(1970, 1, 1)).days * 86400.0


def test_ticking_a_series_keeps_the_plan_and_lowers_its_day(qtbot, window, booked):
    view = open_next_weeks(qtbot, window).next_weeks
    big = next(r for r, row in enumerate(view.series_model.rows) if row.series.uid == "big")
    tick = view.series_model.index(big, SeriesPlanModel.TICK)
    rect = view.series_table.visualRect(tick)
    with qtbot.waitSignal(view.updated, timeout=10_000):
        # A click on the check box, as a user ticks it.
        qtbot.mouseClick(
            view.series_table.viewport(),
            Qt.MouseButton.LeftButton,
            pos=rect.center(),
        )
    assert view.days_model.index(0, 1).data() == "1h"  # 4h less the 3-hour planning
    assert booked.lookahead.kept_plan() == [PlanChoice(series_id("big"), Choice.SKIP)]
    assert view.plan_note.isVisible() and "1 series" in view.plan_note.text()
    assert view.clear_button.isEnabled()

    with qtbot.waitSignal(view.updated, timeout=10_000):
        qtbot.mouseClick(view.clear_button, Qt.MouseButton.LeftButton)
    assert booked.lookahead.kept_plan() == []
    assert view.days_model.index(0, 1).data() == "4h"


def test_shortening_a_series_by_typing_its_length(qtbot, window, booked):
    view = open_next_weeks(qtbot, window).next_weeks
    daily = next(r for r, row in enumerate(view.series_model.rows) if row.series.uid == "daily")
    table = view.series_table
    table.setFocus()
    table.setCurrentIndex(view.series_model.index(daily, SeriesPlanModel.WHAT_IF))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.findChild(QComboBox)
    assert editor is not None
    with qtbot.waitSignal(view.updated, timeout=10_000):
        editor.setCurrentIndex(3)  # Shorten
        editor.activated.emit(3)
    row = view.series_model.rows[daily]
    assert row.ticked and row.choice is Choice.SHORTEN and row.minutes == 30
    table.setCurrentIndex(view.series_model.index(daily, SeriesPlanModel.LENGTH))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    with qtbot.waitSignal(view.updated, timeout=10_000):
        qtbot.keyClicks(table.focusWidget(), "15")
        qtbot.keyClick(table.focusWidget(), Qt.Key.Key_Return)
    assert booked.lookahead.kept_plan() == [PlanChoice(series_id("daily"), Choice.SHORTEN, 15)]
    # Day 2 had only the hour-long daily: now 15 minutes.
    assert view.days_model.index(1, 1).data() == "15m"


def test_changing_the_days_ahead_reads_again(qtbot, window):
    view = open_next_weeks(qtbot, window).next_weeks
    view.days_box.setFocus()
    with qtbot.waitSignal(view.updated, timeout=10_000):
        view.days_box.setValue(7)
    assert view.days_model.rowCount() == 7


def test_the_review_shows_the_last_finished_week_and_keeps_a_reflection(qtbot, window, booked):
    with qtbot.waitSignal(window.ensure_lookahead().review.updated, timeout=10_000):
        window.menus.weeks_actions[Tab.REVIEW].trigger()
    view = window.lookahead_window.review
    monday = dt.date(2026, 10, 26)  # the last finished ISO week before Tue 3 Nov
    assert view.data.review.week_start == monday
    days = booked.checkins.days(monday, monday + dt.timedelta(days=6))
    coding = sum(d.coding_minutes or 0 for d in days)
    assert view.data.review.figures.coding_minutes == coding  # sums of the logged week
    assert view.coding.text().startswith(f"{coding // 60}h")
    assert "Suggestion" in view.suggestion.text()
    assert not view.next_button.isEnabled() or view.data.review.week_end < TODAY

    view.reflection.setFocus()
    qtbot.keyClicks(view.reflection, "Two quiet mornings helped.")
    assert view.save_button.isEnabled()
    with qtbot.waitSignal(view.saved, timeout=10_000):
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert booked.lookahead.reflection(monday) == "Two quiet mornings helped."

    with qtbot.waitSignal(view.updated, timeout=10_000):
        qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    assert view.data.review.week_start == monday - dt.timedelta(days=7)
    assert view.reflection.toPlainText() == ""


def test_a_too_long_reflection_cannot_be_kept(qtbot, window):
    with qtbot.waitSignal(window.ensure_lookahead().review.updated, timeout=10_000):
        window.open_review()
    view = window.lookahead_window.review
    view.reflection.setPlainText("x" * 2001)
    assert not view.save_button.isEnabled()
    assert "Too long" in view.status.text()


def test_insights_show_five_cards(qtbot, window):
    ahead = open_next_weeks(qtbot, window)
    with qtbot.waitSignal(ahead.insights.updated, timeout=20_000):
        qtbot.keyClick(ahead, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # the tab's &Insights
    codes = [answer.code for answer in ahead.insights.answers]
    assert codes == ["after_meeting_heavy", "focus_block", "short_sleep", "back_to_back", "weekday"]
    assert len(ahead.insights.cards) == 5
    assert "not proof of cause" in ahead.insights.method.text()


def test_a_check_in_marks_the_views_stale_and_the_shown_one_reads_again(qtbot, window, booked):
    view = open_next_weeks(qtbot, window).next_weeks
    booked.checkins.record(TODAY, {"energy": 1})
    with qtbot.waitSignal(view.updated, timeout=10_000):
        window.refresh()


def test_the_try_boxes_have_a_visible_outline_in_the_dark_theme(qtbot, window):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QStyleOptionViewItem

    from focusapp.ui.lookahead_models import TickDelegate
    from focusapp.ui.theme import contrast_ratio, dark_palette

    view = open_next_weeks(qtbot, window).next_weeks
    delegate = view.series_table.itemDelegateForColumn(SeriesPlanModel.TICK)
    assert isinstance(delegate, TickDelegate)
    option = QStyleOptionViewItem()
    option.palette = dark_palette()
    delegate.initStyleOption(option, view.series_model.index(0, SeriesPlanModel.TICK))
    # Fusion outlines the box in Window.darker(140); on the dark base it must stand out.
    outline = option.palette.color(QPalette.ColorRole.Window).darker(140)
    assert contrast_ratio(outline, option.palette.color(QPalette.ColorRole.Base)) >= 3.0
