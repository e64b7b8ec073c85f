"""The companion's reminders as notifications one can act on (issue 12, items 4 and 11).

A fake notify-send on PATH (tests/ui/test_notifications.py) records every notification and
answers with the button the test chooses, so each button's effect is checked on the data,
the reminder schedule and the window.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QGuiApplication

from focusapp.services.app_state import AppStateStore
from focusapp.ui.companion import Companion
from focusapp.ui.lookahead_models import Tab
from focusapp.ui.main_window import MainWindow
from focusapp.ui.notifications import Notifier
from focusapp.ui.reminder_notices import RISK_STARTUP_QUIET, RISK_WRITE_QUIET
from focusapp.ui.risk_text import describe_risk
from tests.ui.settle import settle
from tests.ui.test_notifications import FAKE, calls

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

pytestmark = pytest.mark.gui
WAIT_MS = 5000


@pytest.fixture
def fake_notify(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "notify-send"
    script.write_text(FAKE)
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_NOTIFY_LOG", str(tmp_path / "calls.log"))
    monkeypatch.setenv("FAKE_NOTIFY_MODES", "")
    return tmp_path


def answer(monkeypatch: pytest.MonkeyPatch, *words: str) -> None:
    """Tell the fake how to answer its calls, in order (``action:KEY``, ``close``, ``hang``)."""
    monkeypatch.setenv("FAKE_NOTIFY_MODES", " ".join(words))


def shown(tmp_path: Path) -> list[list[str]]:
    """Return every notification's arguments so far ([] when none was shown)."""
    return calls(tmp_path) if (tmp_path / "calls.log").exists() else []


def titles(tmp_path: Path) -> list[str]:
    return [args[-2] for args in shown(tmp_path)]


def make_companion(context, tmp_path: Path, *, available: bool = True) -> Companion:
    window = MainWindow(context.checkins, tmp_path / "w.ini")
    return Companion(
        window,
        context.checkins,
        context.focus,
        context.risk,
        lambda: context.settings,
        AppStateStore(tmp_path / "state.json"),
        context.clock,
        use_tray=False,
        notifier=Notifier(service_check=lambda: available),
    )


@pytest.fixture
def companion(qtbot, context, fake_notify: Path) -> Iterator[Companion]:
    made = make_companion(context, fake_notify)
    qtbot.addWidget(made.window)
    yield made
    made.reminders.stop()
    made.notifier.shutdown()
    QGuiApplication.setQuitOnLastWindowClosed(True)


def wait_for_calls(qtbot, tmp_path: Path, count: int) -> None:
    qtbot.waitUntil(lambda: len(shown(tmp_path)) >= count, timeout=WAIT_MS)


# --- the check-in reminder ---------------------------------------------------------------------


def test_the_check_in_reminder_has_the_icon_and_both_buttons(qtbot, companion, fake_notify):
    companion.start()  # 18:00 on a Tuesday, the reminder was due at 17:30; the window is hidden
    wait_for_calls(qtbot, fake_notify, 1)
    args = shown(fake_notify)[0]
    assert args[-2] == "Time for your check-in"
    assert "--action=default=Check in" in args
    assert "--action=snooze=In 30 min" in args
    assert "--app-name=FocusApp" in args
    assert "--hint=string:desktop-entry:io.github.focusapp.FocusApp" in args
    assert any(arg.startswith("--icon=/") for arg in args)


def test_check_in_opens_the_window_on_todays_check_in(
    qtbot, companion, fake_notify, context, monkeypatch
):
    answer(monkeypatch, "action:default")
    companion.window.show_day(dt.date(2026, 10, 1))
    companion.start()
    qtbot.waitUntil(companion.window.isVisible, timeout=WAIT_MS)
    assert companion.window.form.day() == context.checkins.today()


def test_in_30_min_brings_the_reminder_back_once_30_minutes_later(
    qtbot, companion, fake_notify, context, clock, monkeypatch
):
    answer(monkeypatch, "action:snooze", "close")
    start = clock.now()
    companion.start()
    wait_for_calls(qtbot, fake_notify, 1)
    qtbot.waitUntil(lambda: companion.reminders.planned == start + dt.timedelta(minutes=30))
    saved = AppStateStore(fake_notify / "state.json").load().reminders
    assert saved.checkin_snoozed_until == start + dt.timedelta(minutes=30)  # survives a restart
    assert not companion.window.isVisible()
    for minutes in (10, 29):
        clock.current = start + dt.timedelta(minutes=minutes)
        companion.reminders.check_now()
    clock.current = start + dt.timedelta(minutes=30)
    companion.reminders.check_now()
    wait_for_calls(qtbot, fake_notify, 2)
    # Never a second time: not at the automatic repeat (17:30 + 45 min), not later that day.
    for minutes in (31, 45, 46, 120, 300):
        clock.current = start + dt.timedelta(minutes=minutes)
        companion.reminders.check_now()
    qtbot.wait(200)
    assert titles(fake_notify) == ["Time for your check-in", "Still time for today's check-in"]
    assert context.checkins.get(context.checkins.today()) is None


def test_no_check_in_reminder_when_the_window_already_asks_for_it(
    qtbot, companion, fake_notify, context
):
    window = companion.window
    window.show()
    qtbot.waitExposed(window)
    assert window.form.day() == context.checkins.today()
    shown_reminders = []
    companion.reminders.reminder_due.connect(shown_reminders.append)
    companion.start()
    qtbot.wait(300)
    assert [r.kind.value for r in shown_reminders] == ["checkin"]  # due, and marked as shown
    assert shown(fake_notify) == []  # ... but not shown on top of the open check-in


def test_the_check_in_reminder_comes_when_the_window_shows_another_day(
    qtbot, companion, fake_notify
):
    window = companion.window
    window.show()
    qtbot.waitExposed(window)
    window.show_day(dt.date(2026, 10, 1))
    settle(qtbot, window)
    companion.start()
    wait_for_calls(qtbot, fake_notify, 1)


# --- the focus-session break -------------------------------------------------------------------


def start_session_until_break(qtbot, companion, context, clock, fake_notify) -> None:
    # Today's check-in reminder was shown twice already: only the break is left to come.
    companion.reminders.state.reminders = dataclasses.replace(
        companion.reminders.state.reminders, checkin_day=context.checkins.today(), checkin_count=2
    )
    companion.start_focus()
    settle(qtbot, companion.window)
    clock.advance(dt.timedelta(minutes=context.settings.focus_length_minutes))
    companion.refresh()
    wait_for_calls(qtbot, fake_notify, 1)
    args = shown(fake_notify)[0]
    assert args[-2] == "Time for a short break"
    assert "--action=stop=Stop session" in args
    assert "--action=default=Show me" in args


def test_stop_session_stops_the_running_session(
    qtbot, companion, fake_notify, context, clock, monkeypatch
):
    answer(monkeypatch, "action:stop")
    start_session_until_break(qtbot, companion, context, clock, fake_notify)
    qtbot.waitUntil(lambda: context.focus.running() is None, timeout=WAIT_MS)
    length = context.settings.focus_length_minutes
    assert context.checkins.get(context.checkins.today()).coding_minutes == length


def test_stop_session_never_stops_a_newer_session(
    qtbot, companion, fake_notify, context, clock, monkeypatch
):
    answer(monkeypatch, "hang")
    start_session_until_break(qtbot, companion, context, clock, fake_notify)
    companion.stop_focus()
    settle(qtbot, companion.window)
    clock.advance(dt.timedelta(minutes=5))
    companion.start_focus()
    settle(qtbot, companion.window)
    newer = context.focus.running()
    companion.notifier.action_invoked.emit("focus_break", "stop")  # the old notice's button
    settle(qtbot, companion.window)
    assert context.focus.running() == newer


def test_show_me_on_the_break_opens_the_window(
    qtbot, companion, fake_notify, context, clock, monkeypatch
):
    answer(monkeypatch, "action:default")
    start_session_until_break(qtbot, companion, context, clock, fake_notify)
    qtbot.waitUntil(companion.window.isVisible, timeout=WAIT_MS)
    assert context.focus.running() is not None


# --- the risk notification ---------------------------------------------------------------------


def strain(context, days: int = 14) -> None:
    """Six calm weeks, then ``days`` drained, meeting-heavy days ending today."""
    today = context.checkins.today()
    first = today - dt.timedelta(days=42 + days - 1)
    for offset in range(42 + days):
        day = first + dt.timedelta(days=offset)
        calm = offset < 42
        context.checkins.record(
            day,
            {
                "energy": 4 if calm else 1,
                "coding_minutes": 300 if calm else 60,
                "meeting_minutes": 90 if calm else 420,
                "stress": 2 if calm else 5,
            },
        )


def risk_calls(tmp_path: Path) -> list[list[str]]:
    return [args for args in shown(tmp_path) if args[-2] == "Your burnout-risk signal"]


def test_risk_waits_for_the_start_and_for_writes_to_stop_then_quotes_the_panel(
    qtbot, companion, fake_notify, context, clock, monkeypatch
):
    answer(monkeypatch, *["close"] * 4)
    context.checkins.record(None, {"energy": 1})  # checked in: no check-in reminder
    strain(context)
    assert str(context.risk.today().level) in ("high", "very_high")
    companion.start()
    qtbot.wait(200)
    assert risk_calls(fake_notify) == []  # just started
    # A backfill keeps writing every 30 s, past the start-up quiet.
    start = clock.now()
    while clock.now() < start + RISK_STARTUP_QUIET + dt.timedelta(minutes=3):
        clock.advance(dt.timedelta(seconds=30))
        today = context.checkins.get(context.checkins.today())
        context.checkins.record(None, {"stress": 5 if today.stress != 5 else 4})
        settle(qtbot, companion.window)  # the change reached the tray and the reminders
        assert companion.reminders.planned is not None
        assert risk_calls(fake_notify) == []
    last_write = clock.now()
    assert companion.reminders.planned == last_write + RISK_WRITE_QUIET
    clock.advance(RISK_WRITE_QUIET - dt.timedelta(seconds=1))
    companion.reminders.check_now()
    assert risk_calls(fake_notify) == []
    clock.advance(dt.timedelta(seconds=1))
    companion.reminders.check_now()
    qtbot.waitUntil(lambda: len(risk_calls(fake_notify)) == 1, timeout=WAIT_MS)
    args = risk_calls(fake_notify)[0]
    panel = context.stats.dashboard().today.assessment  # what the dashboard panel shows
    assert args[-1] == f"Burnout-risk signal today: {describe_risk(panel)}."
    assert args[-1].count(". ") == 0 and len(args[-1].split()) <= 12  # one short sentence
    assert [arg for arg in args if arg.startswith("--action=")] == ["--action=default=Show me"]


def test_show_me_on_the_risk_notice_opens_the_window(
    qtbot, companion, fake_notify, context, clock, monkeypatch
):
    context.checkins.record(None, {"energy": 1})
    strain(context)
    # The tray noticed the writes: the meeting-heavy day was told at once (closed here),
    # the risk waits for the quiet after them.
    answer(monkeypatch, "close", "action:default")
    settle(qtbot, companion.window)
    clock.advance(RISK_STARTUP_QUIET + RISK_WRITE_QUIET)
    companion.start()
    qtbot.waitUntil(companion.window.isVisible, timeout=WAIT_MS)
    assert len(risk_calls(fake_notify)) == 1


# --- no tray (item 11) -------------------------------------------------------------------------


def test_without_a_tray_closing_the_window_keeps_reminders_running_and_says_so_once(
    qtbot, companion, fake_notify, context, clock
):
    window = companion.window
    assert companion.tray is None
    assert not QGuiApplication.quitOnLastWindowClosed()
    window.show()
    qtbot.waitExposed(window)
    window.close()
    assert not window.isVisible()
    wait_for_calls(qtbot, fake_notify, 1)
    args = shown(fake_notify)[0]
    assert args[-2] == "FocusApp is still running"
    assert "background" not in args[-2] and "arrive" in args[-1]
    assert AppStateStore(fake_notify / "state.json").load().background_hint_shown
    window.show()
    window.close()
    qtbot.wait(200)
    assert len(shown(fake_notify)) == 1  # once
    # The reminder still comes, with its buttons.
    companion.start()
    wait_for_calls(qtbot, fake_notify, 2)
    assert "--action=snooze=In 30 min" in shown(fake_notify)[1]


def test_the_background_notice_is_remembered_across_runs(qtbot, context, fake_notify):
    first = make_companion(context, fake_notify)
    qtbot.addWidget(first.window)
    first.window.show()
    first.window.close()
    wait_for_calls(qtbot, fake_notify, 1)
    first.notifier.shutdown()
    second = make_companion(context, fake_notify)
    qtbot.addWidget(second.window)
    second.window.show()
    second.window.close()
    qtbot.wait(300)
    assert len(shown(fake_notify)) == 1
    for made in (first, second):
        made.reminders.stop()
        made.notifier.shutdown()
    QGuiApplication.setQuitOnLastWindowClosed(True)


@pytest.mark.parametrize("why", ["reminders off", "no notification service"])
def test_without_a_tray_closing_quits_when_no_reminder_could_arrive(
    qtbot, context, fake_notify, why
):
    if why == "reminders off":
        context.settings = dataclasses.replace(context.settings, workdays=frozenset())
    made = make_companion(context, fake_notify, available=why == "reminders off")
    qtbot.addWidget(made.window)
    assert not made.window.hide_on_close
    assert QGuiApplication.quitOnLastWindowClosed()
    made.reminders.stop()


def test_settings_that_turn_reminders_on_keep_it_running(qtbot, companion, context):
    context.settings = dataclasses.replace(context.settings, workdays=frozenset())
    companion.refresh()
    assert not companion.window.hide_on_close
    context.settings = dataclasses.replace(context.settings, workdays=frozenset({0}))
    companion.refresh()
    assert companion.window.hide_on_close


# --- the weekly review (issue 11 item 4) -------------------------------------------------------


@pytest.fixture
def reviewing(qtbot, context, fake_notify):
    for i in range(1, 40):
        day = dt.date(2026, 11, 3) - dt.timedelta(days=i)
        context.checkins.record(day, {"energy": 3, "coding_minutes": 60 + i})
    made = make_companion(context, fake_notify)
    made.window.attach_lookahead(context.lookahead, lambda: context.settings.forecast_days)
    # Today's check-in reminders are done: only the review is left to come.
    state = made.reminders.state.reminders
    made.reminders.state.reminders = type(state)(checkin_day=dt.date(2026, 11, 6), checkin_count=2)
    qtbot.addWidget(made.window)
    yield made
    made.reminders.stop()
    made.notifier.shutdown()
    if made.window.lookahead_window is not None:
        made.window.lookahead_window.close()
    made.window.shutdown_workers()
    QGuiApplication.setQuitOnLastWindowClosed(True)


def at(clock, day: int, hour: int, minute: int = 0) -> None:
    clock.current = dt.datetime(2026, 11, day, hour, minute, tzinfo=clock.current.tzinfo)


def test_the_review_comes_once_at_friday_16_and_opens_that_week(
    qtbot, reviewing, fake_notify, context, clock, monkeypatch
):
    companion = reviewing
    answer(monkeypatch, "action:default")
    at(clock, 6, 15, 59)
    companion.start()
    qtbot.wait(300)
    assert "Your week in review" not in titles(fake_notify)
    ahead = companion.window.ensure_lookahead()
    with qtbot.waitSignal(ahead.review.updated, timeout=WAIT_MS):
        at(clock, 6, 16, 0)
        companion.reminders.check_now()
        qtbot.waitUntil(lambda: "Your week in review" in titles(fake_notify), timeout=WAIT_MS)
    args = next(a for a in shown(fake_notify) if a[-2] == "Your week in review")
    assert "--action=default=Open the review" in args
    assert ahead.isVisible() and ahead.tabs.currentIndex() == Tab.REVIEW
    review = ahead.review.data.review
    assert review.week_start == dt.date(2026, 11, 2)
    logged = context.checkins.days(dt.date(2026, 11, 2), dt.date(2026, 11, 6))
    assert review.figures.coding_minutes == sum(d.coding_minutes or 0 for d in logged)
    # Never twice: not later that day, not after a restart, not on Sunday.
    for day, hour in ((6, 17), (6, 23), (7, 10), (8, 20)):
        at(clock, day, hour)
        companion.reminders.check_now()
    qtbot.wait(200)
    assert titles(fake_notify).count("Your week in review") == 1
    saved = companion.reminders.state.reminders
    assert saved.review_week == dt.date(2026, 11, 2)


def test_no_review_when_it_is_turned_off(qtbot, reviewing, fake_notify, context, clock):
    companion = reviewing
    context.settings = type(context.settings)(review_moment=None)
    at(clock, 6, 16, 30)
    companion.start()
    qtbot.wait(300)
    assert "Your week in review" not in titles(fake_notify)
