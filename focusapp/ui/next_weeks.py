"""The "Next weeks" view: the coming days as booked, their series, and "what if I skip it".

Everything is read on the window's database worker. Ticking a series (or choosing what to
do with it) keeps the choice in the local plan and recomputes the forecast on the worker;
nothing is ever written to a calendar file. Only the newest result is shown, so quick
clicks never show an older figure after a newer one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from focusapp.domain.forecast_range import MAX_DAYS, MIN_DAYS
from focusapp.ui.lookahead_chart import LookaheadCharts
from focusapp.ui.lookahead_models import (
    ChoiceDelegate,
    ForecastDaysModel,
    SeriesPlanModel,
    TickDelegate,
    day_text,
)
from focusapp.ui.lookahead_parts import LookaheadPage, NewestOnly, scrolling_page, text_label
from focusapp.wording.levels import level_word
from focusapp.wording.lookahead import (
    no_projection,
    projection_assumptions,
    projection_label,
    week_comparison,
)
from focusapp.wording.phrases import format_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from focusapp.domain.forecast import PlanChoice
    from focusapp.services.lookahead import LookaheadService, NextWeeks
    from focusapp.ui.workers import BackgroundRunner

#: Rows of each table shown before it scrolls.
_TABLE_ROWS: Final = 7


class NextWeeksView(LookaheadPage):
    """Forecast days, projection and the series plan, always from the newest computation.

    Attributes:
        data: What is shown, ``None`` until the first result arrives.

    Signals:
        updated: A result has been shown (tests wait on it).
        failed(str): Reading or keeping failed; the text says what happened.
    """

    def __init__(
        self,
        service: LookaheadService,
        runner: BackgroundRunner,
        days: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, parent)
        self._reads: NewestOnly[NextWeeks] = NewestOnly(runner)
        self.data: NextWeeks | None = None

        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.days_box = QSpinBox(self)
        self.days_box.setRange(MIN_DAYS, MAX_DAYS)
        self.days_box.setValue(days)
        self.days_box.setSuffix(self.tr(" days"))
        self.days_box.setAccessibleName(self.tr("Days ahead"))
        days_label = QLabel(self.tr("&Look ahead:"), self)
        days_label.setBuddy(self.days_box)
        self.clear_button = QPushButton(self.tr("&Clear plan"), self)
        self.clear_button.setToolTip(self.tr("Set every series back to as booked"))
        self.clear_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(days_label)
        top.addWidget(self.days_box)
        top.addWidget(self.clear_button)

        self.summary = text_label(self, "lookahead_summary")
        self.projection = text_label(self, "lookahead_projection")
        self.plan_note = text_label(self, "lookahead_plan_note")
        self.charts = LookaheadCharts(self)

        self.days_model = ForecastDaysModel(self)
        self.days_table = self._table(self.days_model, self.tr("Forecast days"))
        self.series_model = SeriesPlanModel(self)
        self.series_table = self._table(self.series_model, self.tr("Meeting series"))
        self.series_table.horizontalHeader().setSectionResizeMode(
            SeriesPlanModel.TITLE, QHeaderView.ResizeMode.Stretch
        )
        self.days_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.series_table.setItemDelegateForColumn(SeriesPlanModel.WHAT_IF, ChoiceDelegate(self))
        self.series_table.setItemDelegateForColumn(SeriesPlanModel.TICK, TickDelegate(self))
        self.series_table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        series_box = QWidget(self)
        series_layout = QVBoxLayout(series_box)
        series_layout.setContentsMargins(0, 0, 0, 0)
        series_title = QLabel(
            self.tr(
                "<b>What if?</b> Tick a series to try skipping, declining, delegating or "
                "shortening it; every figure above follows. Nothing is sent or written to "
                "your calendar."
            ),
            series_box,
        )
        series_title.setWordWrap(True)
        series_layout.addWidget(series_title)
        series_layout.addWidget(self.series_table, 1)

        scrolling_page(
            self,
            top,
            self.summary,
            self.projection,
            self.plan_note,
            self.charts,
            self.days_table,
            series_box,
        )

        self.days_box.valueChanged.connect(self._on_days_box_value_changed)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.series_model.choice_changed.connect(self._on_series_model_choice_changed)

    def _table(self, model: ForecastDaysModel | SeriesPlanModel, name: str) -> QTableView:
        table = QTableView(self)
        table.setModel(model)
        table.setAccessibleName(name)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        rows = table.verticalHeader().defaultSectionSize() * _TABLE_ROWS
        table.setMinimumHeight(header.sizeHint().height() + rows + 2 * table.frameWidth())
        return table

    # --- loading --------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the forecast again (after a change anywhere, or a new day)."""
        days = self.days_box.value()
        self._run(lambda: self._service.next_weeks(days))

    def _run(self, task: Callable[[], NextWeeks]) -> None:
        self._reads.run(task, self.show_data, self._on_error)

    def _on_error(self, error: Exception) -> None:
        self.failed.emit(str(error))

    def show_data(self, data: NextWeeks) -> None:
        """Show one computation's figures."""
        self.data = data
        forecast = data.forecast
        self.heading.setText(
            self.tr("<b>Next weeks</b>: a forecast from your calendar, {first} to {last}").format(
                first=day_text(forecast.first), last=day_text(forecast.last)
            )
        )
        self.days_model.set_days(forecast.days)
        self.series_model.set_series(forecast.booked_series, forecast.plan)
        self.charts.signal.show_signal(data.signal, forecast.projection, data.today)
        self.charts.booked.show_days(forecast.days)
        self.summary.setText(self._summary_text(data))
        self.projection.setText(self._projection_text(data))
        self.plan_note.setText(self._plan_text(data))
        self.plan_note.setVisible(bool(forecast.plan))
        self.clear_button.setEnabled(bool(forecast.plan))
        self.updated.emit()

    def _summary_text(self, data: NextWeeks) -> str:
        forecast = data.forecast
        if not forecast.booked_series:
            return self.tr(
                "No meetings are booked in these days. Add your calendar (File > Add "
                "calendar...) to see your coming weeks."
            )
        week = forecast.week
        if week is None:
            return ""
        return week_comparison(
            week.meeting_minutes,
            week.usual_meeting_minutes,
            week.usual_weeks,
            week.focus_block_days,
        )

    def _projection_text(self, data: NextWeeks) -> str:
        projection = data.forecast.projection
        if projection is None or projection.score is None or projection.level is None:
            return no_projection()
        level = level_word(projection.level)
        head = self.tr("<b>{label} for {day}: {score} ({level})</b>").format(
            label=projection_label(),
            day=day_text(projection.day),
            score=projection.score,
            level=level,
        )
        sentence = projection_assumptions(
            projection.energy, projection.coding_minutes, projection.recent_days
        )
        return f"{head}. {sentence}"

    def _plan_text(self, data: NextWeeks) -> str:
        forecast = data.forecast
        saved = sum(s.minutes for s in forecast.booked_series) - sum(
            s.minutes for s in forecast.series
        )
        return format_text(
            self.tr(
                "Your plan changes {count} series and frees {hours:.1f} h of meetings in these "
                "days. It is kept on this computer only; clear it when you are done."
            ),
            count=len(forecast.plan),
            hours=saved / 60,
        )

    # --- the plan -------------------------------------------------------------------------

    @Slot(int)
    def _on_days_box_value_changed(self, _days: int) -> None:
        self.reload()

    @Slot(str, object)
    def _on_series_model_choice_changed(self, series_id: str, choice: PlanChoice | None) -> None:
        days = self.days_box.value()
        service = self._service

        def keep_and_read() -> NextWeeks:
            if choice is None:
                service.forget(series_id)
            else:
                service.keep([choice])
            return service.next_weeks(days)

        self._run(keep_and_read)

    @Slot()
    def _on_clear_button_clicked(self) -> None:
        days = self.days_box.value()
        service = self._service
        self.series_model.untick_all()

        def clear_and_read() -> NextWeeks:
            service.clear_plan()
            return service.next_weeks(days)

        self._run(clear_and_read)
