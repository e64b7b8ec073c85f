"""Issue 13's measure of the one change path: a check-in saved from the window.

The real wiring (:class:`focusapp.ui.shell.Shell`: window, dashboard, tray companion, file
watcher, calendar watch) on a 90-day profile. Every SQL statement is counted with the thread
that ran it; the save must cost one write transaction and at most four SELECTs in all, none
on the GUI thread, one risk computation, and no echo from the file watcher.
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event

import focusapp.services.risk as risk_module
from focusapp.domain.models import CheckIn
from focusapp.ui.main_window import MainWindow
from focusapp.ui.shell import Shell
from tests.ui.settle import settle

pytestmark = pytest.mark.gui

TODAY = dt.date(2026, 11, 3)
FIELDS = frozenset({"energy", "coding_minutes", "meeting_minutes"})


def ninety_days(context) -> None:
    rows = [
        (
            CheckIn(
                TODAY - dt.timedelta(days=i),
                energy=1 + i % 5,
                coding_minutes=60 + i,
                meeting_minutes=30 + i,
            ),
            FIELDS,
        )
        for i in range(1, 91)
    ]
    context.checkins.import_days(rows)


@pytest.fixture
def shell(qtbot, context, tmp_path, monkeypatch):
    ninety_days(context)
    window = MainWindow(None, tmp_path / "window.ini", today=TODAY)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    made = Shell(context, window, want_tray=False, ask=False)
    qtbot.waitUntil(lambda: window.dashboard is not None, timeout=10_000)
    made.start()
    qtbot.waitUntil(lambda: window.dashboard.data is not None, timeout=20_000)
    settle(qtbot, window)
    qtbot.wait(400)  # the file watcher's quiet time after the import above
    yield made
    made.companion.reminders.stop()
    window.shutdown_workers()


class Statements:
    """Every statement the engine runs, with the thread it ran on."""

    def __init__(self, engine) -> None:
        self.gui = threading.get_ident()
        self.seen: list[tuple[bool, str]] = []
        event.listen(engine, "before_cursor_execute", self._record)

    def _record(self, _conn, _cursor, statement, *_rest) -> None:
        words = " ".join(statement.split()[:2]).upper()
        self.seen.append((threading.get_ident() == self.gui, words))

    def count(self, verb: str) -> int:
        return sum(1 for _gui, seen in self.seen if seen.startswith(verb))

    def on_gui_thread(self) -> list[str]:
        return [verb for gui, verb in self.seen if gui]


def test_a_save_from_the_window_costs_one_write_and_few_reads(qtbot, shell, context, monkeypatch):
    window, companion = shell.window, shell.companion
    statements = Statements(context.engine)
    assessed: list[tuple[dt.date, dt.date]] = []
    real_assess = risk_module.assess_series

    def counting_assess(records, first, last):
        assessed.append((first, last))
        return real_assess(records, first, last)

    monkeypatch.setattr(risk_module, "assess_series", counting_assess)
    echoes: list[None] = []
    shell.watcher.data_changed.connect(lambda: echoes.append(None))

    form = window.form
    qtbot.keyClick(form.energy.tab_stop(), Qt.Key.Key_5)
    form.coding.setFocus()
    qtbot.keyClicks(form.coding, "3h")
    with qtbot.waitSignals([window.saved, window.dashboard.updated], timeout=20_000):
        qtbot.keyClick(form.coding, Qt.Key.Key_Return)
    settle(qtbot, window)
    qtbot.wait(600)  # longer than the file watcher's quiet time

    # What landed, and what every view shows of it.
    stored = context.checkins.get(TODAY)
    assert (stored.energy, stored.coding_minutes) == (5, 180)
    assert window.history_model.row_of(TODAY) is not None
    assert window.dashboard.data.today.checkin == stored
    assert companion.status().energy == 5 and companion.status().checked_in

    # What it cost.
    assert statements.count("INSERT") == 1
    assert statements.count("UPDATE") + statements.count("DELETE") == 0
    assert statements.count("BEGIN IMMEDIATE") == 1  # one write transaction
    # The only other transaction is the checkpoint's, folding the write into the file.
    assert [
        verb for _gui, verb in statements.seen if not verb.startswith(("BEGIN", "SELECT", "INSERT"))
    ] == ["PRAGMA WAL_CHECKPOINT(PASSIVE)"]
    assert statements.count("SELECT") <= 4
    assert statements.on_gui_thread() == []
    assert len(assessed) == 1  # the risk is computed once, for the days the edit can move
    assert echoes == []  # FocusApp's own write is not "another program's"


def test_a_write_by_another_process_reaches_every_view(qtbot, shell, context, tmp_path):
    import subprocess
    import sys

    window, companion = shell.window, shell.companion
    statements = Statements(context.engine)
    command = [sys.executable, "-m", "focusapp", "--data-dir", str(context.paths.data_dir)]
    subprocess.run(
        [*command, "log", "--date", TODAY.isoformat(), "--energy", "2", "--meetings", "5h"],
        check=True,
        capture_output=True,
    )
    qtbot.waitUntil(
        lambda: (
            window.dashboard.data.today.checkin is not None
            and window.dashboard.data.today.checkin.energy == 2
        ),
        timeout=20_000,
    )
    settle(qtbot, window)
    assert companion.status().energy == 2 and companion.status().meeting_minutes == 300
    assert window.history_model.row_of(TODAY) is not None
    assert statements.on_gui_thread() == []
