"""Every screen with every word ~40 % longer (a pseudo-locale): no label or button is clipped.

German runs about a third longer than English, other languages more. A translator that
accents each source text and pads it by 40 % (keeping ``{placeholders}``, ``%n``, markup and
the ``&`` accelerator intact) is installed, each screen is opened at its default size, and
every visible label, button, check box, radio button and group title must fit its widget.
"""

import datetime as dt
import math
import re

import pytest
from PySide6.QtCore import QCoreApplication, QSize, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)

from focusapp.domain.calendar import Exclusion
from focusapp.formats.ics.report import SkippedEvent
from focusapp.services.calendar.store import CalendarImportReport, RangeOrigin
from focusapp.wording import translate as wording
from tests.unit.services.test_lookahead import vevent, write_calendar

TODAY = dt.date(2026, 11, 3)  # the conftest clock: Tuesday 18:00 in Berlin
TOMORROW = TODAY + dt.timedelta(days=1)

pytestmark = pytest.mark.gui

#: The size the windows take on the smallest screen FocusApp supports (1024x640).
SMALL_SCREEN = (1024, 640)
_KEEP = re.compile(r"(<[^>]*>|\{[^}]*\}|%n|%\d|&[a-z]+;|&&|&(?=\w)|\n)")
_ACCENTS = str.maketrans("aeiouycnAEIOUYCN", "àéîöüýçñÀÉÎÖÜÝÇÑ")
#: Qt date and time formats go through tr() too; padding them would print the padding.
_DATE_FORMAT = re.compile(r"[dMyHhmsap :.,]+")


def pseudo(text: str) -> str:
    """Return ``text`` accented and padded to ~140 % of its visible length."""
    parts = _KEEP.split(text)
    visible = sum(len(p) for i, p in enumerate(parts) if i % 2 == 0)
    # In words of up to five, so wrapped text can still break (long words are rare).
    dots = max(2, math.ceil(visible * 0.4))
    padding = " ".join("·" * min(5, dots - i) for i in range(0, dots, 5))
    out = [p if i % 2 else p.translate(_ACCENTS) for i, p in enumerate(parts)]
    # Pad the last visible text, before trailing markup or a trailing newline.
    for i in range(len(out) - 1, -1, -1):
        if i % 2 == 0 and out[i].strip():
            out[i] = f"{out[i]} {padding}"
            break
    else:
        out.append(padding)
    return "".join(out)


class PseudoTranslator(QTranslator):
    """Answers every lookup with :func:`pseudo` of the source text."""

    def translate(self, context, source_text, disambiguation=None, n=-1):
        if not source_text or _DATE_FORMAT.fullmatch(source_text):
            return source_text  # "" would count as a (null-free) translation
        return pseudo(source_text)


def test_pseudo_keeps_placeholders_and_grows_the_text():
    assert pseudo("Saved {day}.") == "Sàvéd {day}. ···"
    assert pseudo("&Quit").startswith("&Qüît ")
    assert pseudo("<b>Recent days</b>").startswith("<b>Réçéñt dàýs ")
    assert pseudo("<b>Recent days</b>").endswith("</b>")
    assert pseudo("Watched &calendar files:\n").endswith("\n")
    assert "%n" in pseudo("%n days")
    assert len(pseudo("Check-in reminder")) >= 1.4 * len("Check-in reminder")
    assert max(len(word) for word in pseudo("A " * 40).split()) == 5


def clipped(root: QWidget) -> list[str]:
    """Return the visible labels, buttons and group titles of ``root`` that do not fit.

    A window is itself clipped (by the screen) when the least its layout can shrink to is
    larger than the smallest screen FocusApp supports.
    """
    found = []
    if root.isWindow():
        least = root.minimumSizeHint().expandedTo(root.minimumSize())
        if least.width() > SMALL_SCREEN[0] or least.height() > SMALL_SCREEN[1]:
            found.append(f"{type(root).__name__} needs {least.toTuple()}: over {SMALL_SCREEN}")
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel):
            if widget.wordWrap() or not widget.text():
                continue
            need, text = widget.sizeHint().width(), widget.text()
        elif isinstance(widget, QPushButton | QCheckBox | QRadioButton):
            if not widget.text():
                continue
            need, text = widget.sizeHint().width(), widget.text()
        elif isinstance(widget, QGroupBox):
            if not widget.title():
                continue
            text = widget.title()
            need = widget.fontMetrics().horizontalAdvance(text.replace("&", "")) + 20
        else:
            continue
        if need > widget.width() + 1:
            name = type(widget).__name__
            found.append(f"{name} {text[:60]!r}: needs {need} px, has {widget.width()}")
    return found


@pytest.fixture
def pseudo_locale(qapp):
    translator = PseudoTranslator(qapp)
    qapp.installTranslator(translator)
    wording.install(lambda context, text: QCoreApplication.translate(context, text))
    yield
    qapp.removeTranslator(translator)
    wording.install(None)


@pytest.fixture
def booked(context, tmp_path):
    path = write_calendar(
        tmp_path / "work.ics",
        vevent("daily", TOMORROW, "0930", "1030", "Daily", rrule="FREQ=DAILY;COUNT=30"),
        vevent("big", TODAY, "1300", "1600", "Quarterly planning"),
    )
    context.calendar.import_file(
        str(path), TODAY - dt.timedelta(days=60), TODAY + dt.timedelta(days=40)
    )
    for i in range(0, 40):
        day = TODAY - dt.timedelta(days=i)
        context.checkins.record(
            day,
            {
                "energy": 2 + i % 3,
                "coding_minutes": 120 + 10 * (i % 5),
                "sleep_hours": 7.5,
                "stress": 1 + i % 5,
                "note": "Planning week",
            },
        )
    return context


@pytest.fixture
def window(qtbot, pseudo_locale, booked, tmp_path):
    from focusapp.ui.main_window import MainWindow

    main = MainWindow(booked.checkins, tmp_path / "w.ini", stats=booked.stats)
    qtbot.addWidget(main)
    main.attach_lookahead(booked.lookahead, lambda: booked.settings.forecast_days)
    main.resize(*SMALL_SCREEN)
    main.show()
    qtbot.waitExposed(main)
    qtbot.waitUntil(lambda: main.dashboard is not None, timeout=10_000)
    qtbot.waitUntil(lambda: main.dashboard.charts is not None, timeout=20_000)
    qtbot.wait(200)
    yield main
    if main.lookahead_window is not None:
        main.lookahead_window.close()
    main.shutdown_workers()


def _show(qtbot, widget: QWidget) -> QWidget:
    """Show ``widget`` at its default size, kept inside the small screen as a desktop would."""
    qtbot.addWidget(widget)
    widget.show()
    if widget.isWindow():
        widget.resize(widget.size().boundedTo(QSize(*SMALL_SCREEN)))
    qtbot.waitExposed(widget)
    qtbot.wait(50)
    return widget


def test_main_window_with_check_in_form_and_dashboard(window):
    assert "·" in window.form.save_button.text()  # the pseudo-locale is in place
    window.show_day(TODAY)
    QApplication.processEvents()
    assert clipped(window) == []


def test_tray_menu(qtbot, pseudo_locale):
    from focusapp.ui.tray import TrayIcon, TrayStatus

    tray = TrayIcon(lambda: TrayStatus(checked_in=True, focus_elapsed=dt.timedelta(minutes=5)))
    menu = tray.menu()
    tray.menu_texts()
    assert all("·" in a.text() for a in menu.actions() if a.text())
    _show(qtbot, menu)
    widest = max(menu.fontMetrics().horizontalAdvance(a.text()) for a in menu.actions())
    assert menu.width() > widest


def test_settings_dialog(qtbot, pseudo_locale, booked):
    from focusapp.ui.settings.dialog import SettingsDialog

    dialog = _show(qtbot, SettingsDialog(booked.settings))
    assert clipped(dialog) == []


@pytest.mark.parametrize("tab", [0, 1, 2])
def test_look_ahead_window_tabs(qtbot, window, tab):
    from focusapp.ui.lookahead_models import Tab

    ahead = window.open_lookahead(Tab(tab))
    assert ahead is not None
    ahead.resize(min(1100, SMALL_SCREEN[0]), min(820, SMALL_SCREEN[1]))
    qtbot.waitExposed(ahead)
    qtbot.wait(1500)
    assert clipped(ahead) == []


def test_calendar_dialogs(qtbot, window, booked):
    from focusapp.ui.calendar_day import CalendarDayDialog
    from focusapp.ui.calendar_report import CalendarImportDialog

    day = CalendarDayDialog(booked.calendar, TODAY, window.hub, window)
    with qtbot.waitSignal(day.loaded):
        _show(qtbot, day)
    assert clipped(day) == []
    report = CalendarImportReport(
        path="/home/me/calendars/work-calendar-exported.ics",
        first_day=dt.date(2025, 11, 3),
        last_day=dt.date(2026, 12, 1),
        range_origin=RangeOrigin.WIDENED,
        unchanged=False,
        replaced=True,
        meetings_counted=12,
        meeting_days=5,
        days_changed=3,
        left_out={Exclusion.DECLINED: 2, Exclusion.ALL_DAY: 1},
        skipped=(SkippedEvent("u1", "Mystery", "it has no start time (DTSTART)"),),
        warnings=("Time zone 'Mars Standard Time' is not known.",),
    )
    result = _show(qtbot, CalendarImportDialog(report, window))
    assert clipped(result) == []


def test_help_and_backup_dialogs(qtbot, pseudo_locale, booked):
    from focusapp.ui.backup_dialog import BackupDialog
    from focusapp.ui.help_dialog import HelpDialog

    booked.backups.back_up()
    help_dialog = _show(qtbot, HelpDialog())
    assert "·" in help_dialog.windowTitle()
    assert clipped(help_dialog) == []
    backups = _show(qtbot, BackupDialog(booked.backups.list_backups()))
    assert clipped(backups) == []


def test_the_check_finds_a_clipped_button(qtbot, pseudo_locale):
    widget = QWidget()
    button = QPushButton(QAbstractButton.tr("A long, long button text"), widget)
    button.setFixedWidth(40)
    _show(qtbot, widget)
    assert clipped(widget) == [
        f"QPushButton {button.text()[:60]!r}: needs {button.sizeHint().width()} px, has 40"
    ]
