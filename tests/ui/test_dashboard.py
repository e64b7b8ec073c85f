"""The dashboard on a seeded database: chart items hold exactly the data, hover, keys, ranges."""

import datetime as dt
import os
import subprocess
import sys
import threading

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtGui import QImage, QPalette

from focusapp.domain.durations import format_duration
from focusapp.domain.models import CheckIn
from focusapp.domain.risk import ABOUT_TEXT, DISCLAIMER, LEVEL_MESSAGES, Level
from focusapp.services.stats import ChartRange, epoch_day, from_epoch_day
from focusapp.ui.dashboard.view import Dashboard
from focusapp.ui.help_dialog import CRISIS_TEXT, HelpDialog, help_text
from focusapp.ui.theme import ThemeController, chart_palette, dark_palette, is_dark
from focusapp.ui.workers import BackgroundRunner

pytestmark = pytest.mark.gui
TODAY = dt.date(2026, 11, 3)
FIELDS = frozenset({"energy", "coding_minutes", "meeting_minutes"})
DAY = 86400.0


def long_date(day):
    return f"{day:%A} {day.day} {day:%B %Y}"


def x_of(day):
    return epoch_day(day) * DAY


def seeded_records(days=40):
    """A varied history ending today, with gaps (every 9th day) and rest days (Sundays)."""
    start = TODAY - dt.timedelta(days=days - 1)
    records = []
    for i in range(days):
        day = start + dt.timedelta(days=i)
        if i % 9 == 4:
            continue
        if day.weekday() == 6:
            records.append(CheckIn(day, energy=4, coding_minutes=0, meeting_minutes=0))
        else:
            records.append(
                CheckIn(
                    day,
                    energy=1 + (i * 7) % 5,
                    coding_minutes=60 + (i * 37) % 300,
                    meeting_minutes=(i * 53) % 240,
                )
            )
    return records


def seed(context, records):
    context.checkins.import_days((r, FIELDS) for r in records)


def make_dashboard(qtbot, context, settings):
    dash = Dashboard(context.stats, settings)
    qtbot.addWidget(dash)
    # An explicit minimum keeps the layout from changing the top-level's size hints, which
    # the offscreen platform reports as a warning ("does not support propagateSizeHints").
    dash.setMinimumSize(900, 700)
    dash.resize(1100, 820)
    dash.show()
    with qtbot.waitSignal(dash.updated, timeout=10_000):
        dash.start()
    return dash


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def records(context):
    records = seeded_records()
    seed(context, records)
    return records


@pytest.fixture
def dashboard(qtbot, context, settings, records):
    settings.setValue("dashboard/range", "2w")
    dash = make_dashboard(qtbot, context, settings)
    yield dash
    dash.shutdown()


def in_range(records, first, last):
    return [r for r in records if first <= r.date <= last]


def assert_same(actual, expected):
    np.testing.assert_allclose(np.asarray(actual, dtype=float), expected, equal_nan=True)


# --- each chart holds exactly the data --------------------------------------------------------


def test_range_is_the_last_two_weeks(dashboard):
    series = dashboard.data.series
    assert (series.first, series.last) == (TODAY - dt.timedelta(days=13), TODAY)
    assert dashboard.chart_range is ChartRange.TWO_WEEKS


def test_risk_chart_holds_the_scores_solid_and_dashed(dashboard, context):
    first = TODAY - dt.timedelta(days=13)
    expected = context.risk.series(first, TODAY)
    days = [first + dt.timedelta(days=i) for i in range(14)]
    x, firm = dashboard.charts.risk.firm.getData()
    assert_same(x, [x_of(day) for day in days])
    _, provisional = dashboard.charts.risk.provisional.getData()
    for i, assessment in enumerate(expected):
        if assessment.score is None:
            assert np.isnan(firm[i]) and np.isnan(provisional[i])
        elif assessment.provisional:
            assert provisional[i] == assessment.score and np.isnan(firm[i])
        else:
            assert firm[i] == assessment.score
    assert any(a.score is not None for a in expected)
    # Short ranges mark every scored day with a dot.
    dot_x, dot_y = dashboard.charts.risk.dots.getData()
    scored = [(x_of(a.date), a.score) for a in expected if a.score is not None]
    assert list(zip(dot_x.tolist(), dot_y.tolist(), strict=True)) == scored


def test_energy_chart_holds_daily_points_and_means(dashboard, records):
    first = TODAY - dt.timedelta(days=13)
    shown = [r for r in in_range(records, first, TODAY) if r.energy is not None]
    x, y = dashboard.charts.energy.points.getData()
    assert x.tolist() == [x_of(r.date) for r in shown]
    assert y.tolist() == [r.energy for r in shown]
    _, mean7 = dashboard.charts.energy.mean7.getData()
    by_day = {r.date: r.energy for r in records}
    for i in range(14):
        day = first + dt.timedelta(days=i)
        window = [by_day[w] for w in (day - dt.timedelta(days=k) for k in range(7)) if w in by_day]
        assert mean7[i] == pytest.approx(sum(window) / len(window))


def test_work_mix_chart_stacks_coding_and_meetings_per_day(dashboard, records):
    first = TODAY - dt.timedelta(days=13)
    shown = in_range(records, first, TODAY)
    coding = dashboard.charts.work_mix.coding
    meetings = dashboard.charts.work_mix.meetings
    x, heights = coding.getData()
    assert x.tolist() == [x_of(r.date) for r in shown]
    assert_same(heights, [r.coding_minutes / 60 for r in shown])
    _, meeting_heights = meetings.getData()
    assert_same(meeting_heights, [r.meeting_minutes / 60 for r in shown])
    assert_same(meetings.opts["y0"], [r.coding_minutes / 60 for r in shown])
    assert coding.opts["width"] == pytest.approx(0.8 * DAY)


def test_hours_and_streak_charts(dashboard, records):
    first = TODAY - dt.timedelta(days=13)
    work = {r.date: r.coding_minutes + r.meeting_minutes for r in records}
    _, hours = dashboard.charts.hours.hours.getData()
    streak_x, streak = dashboard.charts.streak.streak.getData()
    assert dashboard.charts.hours.reference.value() == 55
    run = 0
    for i in range(-40, 14):
        day = first + dt.timedelta(days=i)
        run = run + 1 if work.get(day, 0) >= 60 else 0
        if i < 0:
            continue
        window = [work[w] for w in (day - dt.timedelta(days=k) for k in range(7)) if w in work]
        assert hours[i] == pytest.approx(sum(window) / 60)
        assert streak[i] == run
    # Step edges half a day either side of each date.
    assert streak_x[0] == (epoch_day(first) - 0.5) * DAY and len(streak_x) == 15


def test_charts_share_one_linked_date_axis(dashboard):
    charts = dashboard.charts
    lo = (epoch_day(TODAY - dt.timedelta(days=13)) - 0.5) * DAY
    hi = (epoch_day(TODAY) + 0.5) * DAY
    for chart in charts.charts():
        (x0, x1), _ = chart.plot.getViewBox().viewRange()
        assert (x0, x1) == pytest.approx((lo, hi))
    charts.risk.plot.setXRange(lo + 3 * DAY, hi - 3 * DAY, padding=0)
    for chart in charts.charts():
        (x0, x1), _ = chart.plot.getViewBox().viewRange()
        assert (x0, x1) == pytest.approx((lo + 3 * DAY, hi - 3 * DAY))
    assert charts.visible_days() == (TODAY - dt.timedelta(days=10), TODAY - dt.timedelta(days=3))


# --- ranges -----------------------------------------------------------------------------------


def test_range_switch_updates_items_in_place_and_is_remembered(qtbot, dashboard, context, settings):
    charts = dashboard.charts
    items = [charts.risk.firm, charts.energy.points, charts.work_mix.coding, charts.hours.hours]
    button = dashboard._button_for(ChartRange.ONE_YEAR)
    with qtbot.waitSignal(dashboard.updated, timeout=10_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dashboard.charts is charts
    assert [charts.risk.firm, charts.energy.points, charts.work_mix.coding, charts.hours.hours] == (
        items
    )
    assert len(charts.risk.firm.getData()[0]) == 365
    assert dashboard.data.series.bars.weekly  # longer than about six months: per week
    assert charts.work_mix.coding.opts["width"] == pytest.approx(0.86 * 7 * DAY)
    week_x = charts.work_mix.coding.getData()[0]
    assert {from_epoch_day(round(x / DAY)).weekday() for x in week_x} == {3}  # mid-week
    assert settings.value("dashboard/range") == "1y"
    again = make_dashboard(qtbot, context, settings)
    assert again.chart_range is ChartRange.ONE_YEAR
    assert again.data.series.days == 365
    again.shutdown()


def test_all_starts_at_the_first_checkin(qtbot, dashboard):
    with qtbot.waitSignal(dashboard.updated, timeout=10_000):
        dashboard.set_range(ChartRange.ALL)
    assert dashboard.data.series.first == TODAY - dt.timedelta(days=39)


# --- hover, click and keys --------------------------------------------------------------------


def hover(qtbot, chart, day):
    box = chart.plot.getViewBox()
    scene = box.mapViewToScene(QPointF(x_of(day), 3.0))
    qtbot.mouseMove(chart.view.viewport(), chart.view.mapFromScene(scene))


def test_hover_shows_the_days_values_score_points_and_reasons(qtbot, dashboard, context):
    day = TODAY - dt.timedelta(days=5)
    record = context.checkins.get(day)
    assessment = context.risk.assess(day)
    assert assessment.score is not None
    hover(qtbot, dashboard.charts.energy, day)
    text = dashboard.detail.text()
    assert long_date(day) in text
    assert f"Energy {record.energy} " in text
    assert f"Burnout-risk signal: {assessment.score}" in text
    for reading in assessment.factors.values():
        assert f"{reading.points:.1f} points. {reading.explanation}" in text
    assert dashboard.charts.energy.day_line.value() == x_of(day)
    # Leaving the charts shows the selected day (today) again.
    dashboard.charts.energy.hovered.emit(None)
    assert long_date(TODAY) in dashboard.detail.text()


def test_a_day_without_checkin_says_so(qtbot, dashboard, records):
    recorded = {r.date for r in records}
    gap = next(
        TODAY - dt.timedelta(days=k)
        for k in range(14)
        if TODAY - dt.timedelta(days=k) not in recorded
    )
    hover(qtbot, dashboard.charts.risk, gap)
    assert "No check-in on this day." in dashboard.detail.text()


def test_click_selects_and_arrow_keys_move_the_day(qtbot, dashboard):
    day = TODAY - dt.timedelta(days=6)
    chart = dashboard.charts.hours
    scene = chart.plot.getViewBox().mapViewToScene(QPointF(x_of(day), 10.0))
    qtbot.mouseClick(
        chart.view.viewport(), Qt.MouseButton.LeftButton, pos=chart.view.mapFromScene(scene)
    )
    assert dashboard.selected_day == day
    chart.hovered.emit(None)
    qtbot.keyClick(dashboard, Qt.Key.Key_Left)
    assert dashboard.selected_day == day - dt.timedelta(days=1)
    assert long_date(day - dt.timedelta(days=1)) in dashboard.detail.text()
    qtbot.keyClick(dashboard, Qt.Key.Key_Right)
    qtbot.keyClick(dashboard, Qt.Key.Key_Right)
    assert dashboard.selected_day == day + dt.timedelta(days=1)
    qtbot.keyClick(dashboard, Qt.Key.Key_End)
    assert dashboard.selected_day == TODAY
    qtbot.keyClick(dashboard, Qt.Key.Key_Right)
    assert dashboard.selected_day == TODAY  # clamped to the range
    qtbot.keyClick(dashboard, Qt.Key.Key_Home)
    assert dashboard.selected_day == TODAY - dt.timedelta(days=13)
    assert dashboard.charts.risk.day_line.value() == x_of(TODAY - dt.timedelta(days=13))


# --- header, empty and early states -----------------------------------------------------------


def test_header_shows_today(dashboard, context):
    today = context.checkins.get(TODAY)
    assessment = context.risk.assess(TODAY)
    header = dashboard.header
    assert header.energy.value.text().startswith(str(today.energy))
    assert header.coding.value.text() == format_duration(today.coding_minutes)
    assert assessment.level is not None
    assert str(assessment.level).replace("_", " ") in header.risk.value.text().lower()
    assert not header.risk_dot.pixmap().isNull()


def test_first_run_shows_the_welcome(qtbot, context, settings):
    dash = make_dashboard(qtbot, context, settings)
    assert dash.stack.currentWidget() is dash.welcome
    assert not dash.range_bar.isVisible()
    assert "Welcome" in dash.welcome.findChild(type(dash.header.day), "dashboard_welcome").text()
    assert dash.header.risk.value.text() == "Not yet (3 more check-ins)"
    dash.shutdown()


def test_too_few_checkins_say_how_many_more_are_needed(qtbot, context, settings):
    context.checkins.record(TODAY, {"energy": 3, "coding_minutes": 120})
    dash = make_dashboard(qtbot, context, settings)
    message = dash.charts.risk.message
    assert dash.stack.currentWidget() is dash.detail_splitter
    assert message.isVisible()
    assert message.text() == "Check in on 2 more days to see your signal."
    assert np.isnan(dash.charts.risk.firm.getData()[1]).all()
    with qtbot.waitSignal(dash.updated, timeout=10_000):
        for offset in (1, 2):
            context.checkins.record(TODAY - dt.timedelta(days=offset), {"energy": 3})
        dash.refresh()
    assert not message.isVisible()
    assert not np.isnan(dash.charts.risk.provisional.getData()[1]).all()
    dash.shutdown()


def test_disclaimer_and_help_are_always_under_the_risk_chart(qtbot, dashboard, monkeypatch):
    charts = dashboard.charts
    assert charts.disclaimer.text() == DISCLAIMER and charts.disclaimer.isVisible()
    assert charts.help_button.isVisible()
    below = charts.disclaimer.mapTo(charts, charts.disclaimer.rect().topLeft()).y()
    assert below > charts.risk.mapTo(charts, charts.risk.rect().bottomLeft()).y()
    shown = []
    monkeypatch.setattr(HelpDialog, "exec", lambda self: shown.append(self.text.toPlainText()))
    qtbot.mouseClick(charts.help_button, Qt.MouseButton.LeftButton)
    assert CRISIS_TEXT in shown[0]
    assert ABOUT_TEXT.partition(". ")[2] in shown[0]


def test_help_text_is_the_spec_wording_without_links():
    assert CRISIS_TEXT in LEVEL_MESSAGES[Level.VERY_HIGH]
    html = help_text()
    assert "<a " not in html and "href" not in html
    dialog = HelpDialog()
    assert not dialog.text.openLinks() and not dialog.text.openExternalLinks()
    dialog.deleteLater()


# --- updates in place, off the GUI thread -----------------------------------------------------


def test_checkin_in_the_window_updates_charts_in_place(qtbot, context, tmp_path, records):
    from focusapp.ui.main_window import MainWindow

    window = MainWindow(context.checkins, tmp_path / "w.ini", stats=context.stats)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.dashboard is not None, timeout=5000)
    dash = window.dashboard
    assert dash is not None
    qtbot.waitUntil(lambda: dash.data is not None and dash.charts is not None, timeout=10_000)
    charts = dash.ensure_charts()
    points = charts.energy.points
    before = points.getData()[1].tolist()
    window.form.energy.choose(1)
    with qtbot.waitSignal(dash.updated, timeout=10_000):
        window.form.submit()
    assert charts.energy.points is points
    after = points.getData()[1].tolist()
    assert after[:-1] == before[:-1] and after[-1] == 1
    assert window.menus.export_charts_action.isEnabled()
    path = tmp_path / "charts.png"
    assert dash.export_png(path)
    assert QImage(str(path)).width() == charts.width() * dash.devicePixelRatioF()
    window.save_geometry()
    dash.shutdown()


def test_refreshes_while_busy_are_merged(qtbot, dashboard):
    with qtbot.waitSignal(dashboard.updated, timeout=10_000):
        for _ in range(5):
            dashboard.refresh()
    qtbot.waitUntil(lambda: not dashboard._busy, timeout=10_000)
    assert dashboard.status.text() == ""


def test_background_runner_works_off_the_gui_thread_and_reports_back_on_it(qtbot):
    runner = BackgroundRunner()
    seen: dict[str, object] = {}

    def task():
        seen["task"] = threading.current_thread()
        return 42

    def done(value):
        seen["done"] = (threading.current_thread(), value)

    with qtbot.waitCallback() as error_callback:
        runner.run_in_background(task, done)
        runner.run_in_background(lambda: 1 / 0, lambda _v: None, error_callback)
    assert seen["task"] is not threading.main_thread()
    assert seen["done"] == (threading.main_thread(), 42)
    assert isinstance(error_callback.args[0], ZeroDivisionError)
    runner.shutdown()
    assert runner.run_in_background(task, done) is None


def test_a_failed_computation_is_reported_not_raised(qtbot, dashboard, monkeypatch):
    def fail(*_args):
        raise OSError("disk unplugged")

    monkeypatch.setattr(dashboard._stats, "dashboard", fail)
    dashboard.refresh()
    qtbot.waitUntil(lambda: "disk unplugged" in dashboard.status.text(), timeout=10_000)


# --- theme ------------------------------------------------------------------------------------


def test_charts_follow_a_live_palette_change(qtbot, qapp, dashboard):
    app = qapp
    original = QPalette(app.palette())
    light_background = dashboard.charts.risk.view.backgroundBrush().color()
    try:
        app.setPalette(dark_palette())
        qtbot.waitUntil(
            lambda: dashboard.charts.risk.view.backgroundBrush().color() != light_background
        )
        assert dashboard.charts.risk.view.backgroundBrush().color() == dark_palette().color(
            QPalette.ColorRole.Window
        )
        assert chart_palette(dashboard.charts.palette()).dark
    finally:
        app.setPalette(original)


def test_theme_controller_switches_and_restores(qapp):
    app = qapp
    style, palette = app.style().name(), QPalette(app.palette())
    controller = ThemeController(app)
    try:
        controller.apply("dark")
        assert is_dark(app.palette()) and app.style().name().lower() == "fusion"
        controller.apply("system")
        assert app.style().name() == style
        assert app.palette().color(QPalette.ColorRole.Window) == palette.color(
            QPalette.ColorRole.Window
        )
    finally:
        controller.apply("system")
        controller.deleteLater()


# --- start-up cost ----------------------------------------------------------------------------


def test_window_with_dashboard_loads_neither_pyqtgraph_nor_numpy_before_painting(tmp_path):
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from focusapp.bootstrap import open_context\n"
        "from focusapp.ui.main_window import MainWindow\n"
        f"context = open_context({str(tmp_path / 'data')!r})\n"
        f"w = MainWindow(context.checkins, {str(tmp_path / 'w.ini')!r}, stats=context.stats)\n"
        "print(sorted({'pyqtgraph', 'numpy'} & set(sys.modules)))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, env=env
    )
    assert result.returncode == 0, result.stderr[-800:]
    assert result.stdout.strip() == "[]"


def test_dashed_line_joins_provisional_and_firm_days_and_gaps_stay_gaps(qtbot):
    from focusapp.domain.risk import assess_series
    from focusapp.services.stats import build_series
    from focusapp.ui.charts.risk import RiskChart

    start = dt.date(2026, 1, 1)
    records = [
        CheckIn(start + dt.timedelta(days=i), energy=3, coding_minutes=300, meeting_minutes=60)
        for i in range(60)
        if i not in range(30, 45)  # a two-week gap: unscored days, then provisional again
    ]
    first, last = start + dt.timedelta(days=10), start + dt.timedelta(days=59)
    series = build_series(records, assess_series(records, first, last), first, last)
    chart = RiskChart()
    qtbot.addWidget(chart)
    chart.set_series(series)
    _, firm = chart.firm.getData()
    _, dashed = chart.provisional.getData()
    score, provisional = series.score, series.provisional
    scored = ~np.isnan(score)
    assert scored.any() and (~scored).any()
    assert (provisional & scored).any() and (~provisional & scored).any()
    for i in range(series.days):
        if not scored[i]:
            assert np.isnan(firm[i]) and np.isnan(dashed[i])
        elif provisional[i]:
            assert dashed[i] == score[i] and np.isnan(firm[i])
        else:
            assert firm[i] == score[i]
            joins = (i > 0 and scored[i - 1] and provisional[i - 1]) or (
                i + 1 < series.days and scored[i + 1] and provisional[i + 1]
            )
            assert (dashed[i] == score[i]) if joins else np.isnan(dashed[i])


def test_main_window_puts_the_dashboard_above_recent_days(qtbot, context, tmp_path, records):
    from focusapp.ui.main_window import MainWindow

    window = MainWindow(context.checkins, tmp_path / "w.ini", stats=context.stats)
    qtbot.addWidget(window)
    built_before_paint = window.dashboard is not None
    assert not built_before_paint
    window.show()
    qtbot.waitUntil(lambda: window.dashboard is not None, timeout=5000)
    assert window.right_splitter is not None and window.dashboard is not None
    assert window.right_splitter.widget(0) is window.dashboard_holder
    assert window.right_splitter.widget(1) is window.history_box
    assert window.splitter.widget(1) is window.right_splitter
    assert window.history.isVisible() and window.history_model.rowCount() == len(
        [r for r in records if r.date >= TODAY - dt.timedelta(days=120)]
    )
    dash = window.dashboard
    qtbot.waitUntil(lambda: dash.data is not None, timeout=10_000)
    dash.shutdown()


def test_shown_again_on_a_new_day_the_dashboard_catches_up(qtbot, dashboard, clock):
    dashboard.hide()
    clock.advance(dt.timedelta(days=1))
    with qtbot.waitSignal(dashboard.updated, timeout=10_000):
        dashboard.show()
    tomorrow = TODAY + dt.timedelta(days=1)
    assert dashboard.data.today.day == tomorrow
    assert dashboard.data.series.last == tomorrow
    assert dashboard.header.day.text() == f"Today, {tomorrow:%a %d %b}"
    assert dashboard.selected_day == tomorrow  # today stays selected
    assert dashboard.charts.visible_days() == (TODAY - dt.timedelta(days=12), tomorrow)


@pytest.mark.parametrize("after_ms", [0, 5, 60, 250])
def test_deleting_the_dashboard_while_it_loads_is_safe(qtbot, context, settings, records, after_ms):
    import shiboken6

    dash = Dashboard(context.stats, settings)
    dash.start()
    qtbot.wait(after_ms)
    runner = dash._worker.runner
    shiboken6.delete(dash)
    assert not shiboken6.isValid(runner)  # the worker's results have nowhere to go
    qtbot.wait(400)  # pending steps and results are dropped; an exception would fail here


def test_a_short_dashboard_scrolls_its_charts_instead_of_squashing_them(qtbot, dashboard):
    """Issue 12 item 3: at 1024x640 the charts were 40-px strips with the Low band cut off."""
    charts = dashboard.ensure_charts()
    dashboard.setMinimumSize(600, 320)
    dashboard.resize(700, 320)
    qtbot.waitUntil(lambda: dashboard.charts_scroll.verticalScrollBar().maximum() > 0)
    for chart in charts.charts():
        assert chart.height() >= chart.minimumHeight() > 0
        assert chart.view.height() >= chart.view.minimumHeight()
    risk = charts.risk
    assert risk.view.height() >= 140  # the four bands, Low included, stay readable
