"""Exported charts and the history table read as a person expects (issue 12, item 10).

The window's "Export charts" and ``focusapp chart`` draw through one renderer: a title with
the days shown, no "Get help" button; the history table writes stress as "4 High" like
energy's "2 Low", and days in the one format of :mod:`focusapp.wording.dates`.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage

from focusapp.domain.models import CheckIn
from focusapp.ui.charts import panel as charts
from focusapp.ui.dashboard.view import Dashboard
from focusapp.ui.history import COLUMNS, HistoryModel
from focusapp.wording.dates import charts_title, day_text, range_text

pytestmark = pytest.mark.gui
TODAY = dt.date(2026, 11, 3)


@pytest.fixture
def rendered(monkeypatch):
    """Record, at each render, the panel's heading and whether "Get help" was hidden."""
    seen: list[tuple[str, bool, bool]] = []
    original = charts.ChartPanel.render

    def spy(self, *args, **kwargs):
        seen.append((self.heading.text(), self.heading.isHidden(), self.help_button.isHidden()))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(charts.ChartPanel, "render", spy)
    return seen


def test_the_window_exports_the_charts_titled_with_their_days_without_get_help(
    qtbot, context, tmp_path, rendered
):
    for offset in range(10):
        day = TODAY - dt.timedelta(days=offset)
        context.checkins.record(day, {"energy": 2 + offset % 3, "coding_minutes": 120})
    dash = Dashboard(context.stats, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(dash)
    dash.setMinimumSize(900, 700)
    dash.show()
    with qtbot.waitSignal(dash.updated, timeout=10_000):
        dash.start()
    panel = dash.ensure_charts()
    qtbot.waitUntil(lambda: dash.data is not None, timeout=10_000)
    qtbot.wait(100)  # the filled charts may bring in the scroll bar, narrowing the panel
    path = tmp_path / "charts.png"
    assert dash.export_png(path)
    series = dash.data.series
    assert rendered == [(charts_title(series.first, series.last), False, True)]
    image = QImage(str(path))
    assert image.width() == round(panel.width() * dash.devicePixelRatioF())
    assert image.height() == round(panel.height() * dash.devicePixelRatioF())
    assert panel.help_button.isVisibleTo(panel)  # the window itself keeps its button
    dash.shutdown()


def test_the_command_line_export_has_the_same_title(capsys, tmp_path, rendered):
    from focusapp.cli.main import main

    for day in ("2026-10-01", "2026-10-02"):
        assert main(["log", "--date", day, "--energy", "3"]) == 0
    out = tmp_path / "c.png"
    assert main(["chart", "--from", "2026-10-01", "--to", "2026-10-14", "-o", str(out)]) == 0
    first, last = dt.date(2026, 10, 1), dt.date(2026, 10, 14)
    assert rendered == [(charts_title(first, last), False, True)]
    assert charts_title(first, last) == "FocusApp charts, Thu 01 Oct 2026 to Wed 14 Oct 2026"


def test_history_writes_stress_like_energy_and_days_in_the_one_format(qtbot):
    model = HistoryModel()
    model.set_days([CheckIn(TODAY, energy=2, stress=4), CheckIn(TODAY - dt.timedelta(1))])
    stress = COLUMNS.index("Stress")
    text = [
        [model.data(model.index(row, col), Qt.ItemDataRole.DisplayRole) for col in (0, 1, stress)]
        for row in range(2)
    ]
    assert text[0] == ["Tue 03 Nov 2026", "2 Low", "4 High"]
    assert text[1][0] == day_text(TODAY - dt.timedelta(1)) == "Mon 02 Nov 2026"
    assert text[1][2] == ""


def test_range_text_names_both_days():
    assert range_text(TODAY, TODAY) == "Tue 03 Nov 2026 to Tue 03 Nov 2026"
