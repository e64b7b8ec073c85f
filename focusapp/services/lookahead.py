"""Look-ahead use cases: the booked coming weeks, their meeting series and a "what if" plan.

Reads the imported calendars' stored events and the logged check-ins; writes nothing (a
plan is tried out here, and nothing is ever written to a calendar file). Every call opens
its own session, so it may run on a worker thread.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from focusapp.domain.days import day_bounds
from focusapp.domain.exclusions import apply_exclusions
from focusapp.domain.forecast import (
    WEEK_DAYS,
    ForecastDay,
    MeetingSeries,
    PlanChoice,
    apply_plan,
    forecast_days,
    forecast_range,
    meeting_series,
    unknown_series,
)
from focusapp.domain.forecast_range import DEFAULT_DAYS
from focusapp.domain.insights import DEFAULT_SEED, Insight, insights
from focusapp.domain.insights import MAX_DAYS as INSIGHT_DAYS
from focusapp.domain.projection import (
    RECENT_DAYS,
    USUAL_WEEKS,
    Projection,
    WeekSummary,
    project,
    week_summary,
)
from focusapp.domain.review import (
    SEARCH_WEEKS,
    WeekReview,
    last_finished_week,
    review_week,
    week_of,
)
from focusapp.domain.risk import HISTORY_DAYS

# The one rule that decides which copy of an event imported from two files counts; shared
# with the import so a forecast never counts a meeting twice.
from focusapp.services.calendar.store import resolve_copies
from focusapp.services.changes import ChangeKind, Changes
from focusapp.storage.calendar_repository import CalendarRepository
from focusapp.storage.errors import storage_errors
from focusapp.storage.exclusions_repository import ExclusionRepository
from focusapp.storage.lookahead_repository import PlanRepository, ReflectionRepository

if TYPE_CHECKING:
    from collections.abc import Iterable

    from focusapp.domain.calendar import CalendarEvent
    from focusapp.domain.risk import RiskAssessment
    from focusapp.services.calendar.service import CalendarService
    from focusapp.services.checkins import CheckInService
    from focusapp.services.risk import RiskService
    from focusapp.storage.db import Sessions

#: Events are read a day beyond the range each side, then cut by the day rules.
_PAD: Final = dt.timedelta(days=1)


#: A reflection is a few sentences, not a diary.
MAX_REFLECTION_CHARS: Final = 2000


class ReflectionInvalidError(ValueError):
    """A reflection that cannot be kept; the message names the field."""


class UnknownSeriesError(ValueError):
    """A plan names a series the forecast does not have.

    Attributes:
        ids: The unknown series ids, in the order given.
    """

    def __init__(self, ids: list[str]) -> None:
        super().__init__(", ".join(ids))
        self.ids = ids


@dataclass(frozen=True, slots=True)
class Forecast:
    """Everything the look-ahead shows, with a plan already applied.

    Attributes:
        first: The first forecast day.
        last: The last forecast day.
        days: The booked numbers per day, by date.
        series: The meeting series as planned, heaviest first.
        booked_series: The series as booked (before the plan), for choosing what to change.
        projection: The projected signal of the coming week, or ``None``.
        week: The first week against the usual logged week, or ``None``.
        plan: The choices applied.
    """

    first: dt.date
    last: dt.date
    days: list[ForecastDay]
    series: list[MeetingSeries]
    booked_series: list[MeetingSeries]
    projection: Projection | None
    week: WeekSummary | None
    plan: tuple[PlanChoice, ...]


@dataclass(frozen=True, slots=True)
class NextWeeks:
    """What the window's "Next weeks" view shows: the forecast beside the measured signal.

    Attributes:
        today: The user's today; measured days end here, forecast days start after it.
        forecast: The forecast with the kept plan applied.
        signal: The measured signal of the last ``SIGNAL_DAYS`` days up to today.
    """

    today: dt.date
    forecast: Forecast
    signal: list[RiskAssessment]


#: How far back the "Next weeks" view draws the measured signal.
SIGNAL_DAYS: Final = 28


class LookaheadService:
    """Builds forecasts from stored calendar events and logged check-ins."""

    def __init__(
        self,
        sessions: Sessions,
        calendar: CalendarService,
        checkins: CheckInService,
        risk: RiskService,
    ) -> None:
        self._sessions = sessions
        self._calendar = calendar
        self._checkins = checkins
        self._risk = risk

    def today(self) -> dt.date:
        """Return the user's today under the day-start rule."""
        return self._checkins.today()

    def events(self, first: dt.date, last: dt.date) -> list[CalendarEvent]:
        """Return the counted meetings touching ``first .. last`` (copies resolved)."""
        hour = self._checkins.day_start_hour
        start = day_bounds(first, self._calendar.zone, hour)[0]
        end = day_bounds(last, self._calendar.zone, hour)[1]
        with storage_errors(), self._sessions() as session:
            repo = CalendarRepository(session)
            pairs = repo.events_between(start - _PAD, end + _PAD, counted_only=True)
            # What the user excluded in the audit is left out ahead too, as in the past.
            mine = ExclusionRepository(session).all()
            events = apply_exclusions(resolve_copies(repo, pairs), mine)
        return [event for event in events if event.counted]

    def forecast(
        self,
        first: dt.date | None = None,
        days: int = DEFAULT_DAYS,
        plan: Iterable[PlanChoice] = (),
    ) -> Forecast:
        """Return the forecast of ``days`` days from ``first`` (default: tomorrow).

        The kept plan (see :meth:`keep`) is applied too, for the series booked in the range;
        a choice in ``plan`` about the same series replaces the kept one.

        Raises:
            ValueError: If ``days`` is outside 7-28.
            UnknownSeriesError: If ``plan`` names a series not booked in the range.
        """
        today = self.today()
        first, last = forecast_range(first or today + dt.timedelta(days=1), days)
        asked = tuple(plan)
        rules = self._calendar.rules()
        events = self.events(first, last)
        booked_series = meeting_series(events, rules, first, last)
        unknown = unknown_series(asked, booked_series)
        if unknown:
            raise UnknownSeriesError(unknown)
        # The kept plan applies where its series are booked; a choice given now wins.
        booked_ids = {s.id for s in booked_series}
        merged = {c.series_id: c for c in self.kept_plan() if c.series_id in booked_ids}
        merged.update((c.series_id, c) for c in asked)
        choices = tuple(merged.values())
        planned = apply_plan(events, choices)
        booked = forecast_days(planned, rules, first, last)
        # One read covers the usual weeks, the recent weeks and the risk model's windows.
        reach = max(RECENT_DAYS, USUAL_WEEKS * WEEK_DAYS, HISTORY_DAYS)
        history = self._checkins.days(today - dt.timedelta(days=reach), today)
        return Forecast(
            first=first,
            last=last,
            days=booked,
            # Without choices the planned series are the booked ones: computed once.
            series=meeting_series(planned, rules, first, last) if choices else booked_series,
            booked_series=booked_series,
            projection=project(history, booked, today),
            week=week_summary(booked, history, today),
            plan=choices,
        )

    def next_weeks(self, days: int = DEFAULT_DAYS) -> NextWeeks:
        """Return the forecast of the ``days`` after today beside the last weeks' signal."""
        today = self.today()
        forecast = self.forecast(None, days)
        signal = self._risk.series(today - dt.timedelta(days=SIGNAL_DAYS - 1), today)
        return NextWeeks(today=today, forecast=forecast, signal=signal)

    def insights(self, seed: int = DEFAULT_SEED) -> list[Insight]:
        """Answer the five insight questions from the logged days up to today."""
        today = self.today()
        records = self._checkins.days(today - dt.timedelta(days=INSIGHT_DAYS), today)
        return insights(records, today, seed)

    def review(self, day: dt.date | None = None) -> WeekReview:
        """Review the ISO week containing ``day`` (default: the last finished week).

        Only days up to today count: a week still running is reviewed as far as it went.
        """
        today = self.today()
        first, last = week_of(day) if day is not None else last_finished_week(today)
        lived = min(last, today)
        since = first - dt.timedelta(days=SEARCH_WEEKS * WEEK_DAYS)
        records = self._checkins.days(since, lived) if first <= today else []
        rules = self._calendar.rules()
        series = meeting_series(self.events(first, last), rules, first, last)
        next_first = last + dt.timedelta(days=1)
        next_last = next_first + dt.timedelta(days=WEEK_DAYS - 1)
        booked = forecast_days(self.events(next_first, next_last), rules, next_first, next_last)
        return review_week(
            records,
            first,
            risk_start=self._risk.assess(first).score,
            risk_end=self._risk.assess(lived).score,
            series=series,
            next_week_minutes=sum(d.meeting_minutes for d in booked),
        )

    # --- the kept plan and the reflections ----------------------------------------------------

    def kept_plan(self) -> list[PlanChoice]:
        """Return the kept "what if" choices, oldest first."""
        with storage_errors(), self._sessions() as session:
            return PlanRepository(session).choices()

    def keep(self, choices: Iterable[PlanChoice]) -> None:
        """Keep ``choices`` in the plan, all in one transaction (nothing goes to a calendar)."""
        now = self._checkins.clock.now()
        with storage_errors(), self._sessions.begin() as session:
            repo = PlanRepository(session)
            for choice in choices:
                repo.put(choice, now)
        self._checkins.feed.publish(Changes.of(ChangeKind.PLAN))

    def forget(self, series_id: str) -> bool:
        """Drop the kept choice about ``series_id``; return whether there was one."""
        with storage_errors(), self._sessions.begin() as session:
            removed = PlanRepository(session).remove(series_id)
        if removed:
            self._checkins.feed.publish(Changes.of(ChangeKind.PLAN))
        return removed

    def clear_plan(self) -> int:
        """Drop every kept choice; return how many there were."""
        with storage_errors(), self._sessions.begin() as session:
            dropped = PlanRepository(session).clear()
        if dropped:
            self._checkins.feed.publish(Changes.of(ChangeKind.PLAN))
        return dropped

    def reflection(self, day: dt.date) -> str | None:
        """Return the reflection kept with the ISO week containing ``day``."""
        with storage_errors(), self._sessions() as session:
            return ReflectionRepository(session).get(week_of(day)[0])

    def reflect(self, day: dt.date, text: str) -> str | None:
        """Keep ``text`` with the ISO week containing ``day``; empty text removes it.

        Raises:
            ReflectionInvalidError: If the text is longer than ``MAX_REFLECTION_CHARS``;
                nothing is written.
        """
        cleaned = text.strip()
        if len(cleaned) > MAX_REFLECTION_CHARS:
            raise ReflectionInvalidError(
                f"reflection: {len(cleaned)} characters is too long; keep it to "
                f"{MAX_REFLECTION_CHARS}"
            )
        monday = week_of(day)[0]
        with storage_errors(), self._sessions.begin() as session:
            repo = ReflectionRepository(session)
            if cleaned:
                repo.put(monday, cleaned, self._checkins.clock.now())
            else:
                repo.delete(monday)
        self._checkins.feed.publish(Changes.of(ChangeKind.PLAN))
        return cleaned or None

    def export_document(self) -> dict[str, object]:
        """Return the plan and the reflections as plain JSON values, for the export."""
        with storage_errors(), self._sessions() as session:
            plan = PlanRepository(session).choices()
            reflections = ReflectionRepository(session).all()
        return {
            "plan": [
                {"series_id": c.series_id, "choice": str(c.choice), "minutes": c.minutes}
                for c in plan
            ],
            "reflections": [
                {"week_start": week.isoformat(), "text": text} for week, text in reflections.items()
            ],
        }
