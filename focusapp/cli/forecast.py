"""``focusapp forecast``: the coming days as booked, their series and "what if I skip it"."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from focusapp.cli.support import (
    EXIT_OK,
    UserError,
    add_command,
    add_json,
    open_context_for,
    write_json,
)
from focusapp.cli.table import table_lines
from focusapp.cli.values import parse_date, parse_int
from focusapp.domain.durations import format_duration
from focusapp.domain.forecast import Choice, PlanChoice
from focusapp.domain.forecast_range import DEFAULT_DAYS, MAX_DAYS, MIN_DAYS
from focusapp.wording.levels import level_in_sentence
from focusapp.wording.lookahead import (
    no_projection,
    projection_assumptions,
    projection_label,
    week_comparison,
)

if TYPE_CHECKING:
    import argparse

    from focusapp.bootstrap import AppContext
    from focusapp.domain.forecast import ForecastDay, MeetingSeries
    from focusapp.domain.projection import Projection
    from focusapp.services.lookahead import Forecast, LookaheadService

#: How many series the text output lists (the JSON lists all).
TEXT_SERIES: Final = 10
_DAY_COLUMNS: Final = (
    "Day",
    "Meetings",
    "Count",
    "Back-to-back",
    "Longest free",
    "After hours",
    "Focus",
)
_SERIES_COLUMNS: Final = ("Series", "Booked", "Focus cost", "Times", "Title")
#: The longest length a series can be shortened to (a whole day).
MAX_SHORTEN_MINUTES: Final = 1440
PLAN_FLAGS: Final = "--skip/--decline/--delegate/--shorten"


def _day_json(day: ForecastDay) -> dict[str, object]:
    return {
        "date": day.date.isoformat(),
        "meeting_minutes": day.meeting_minutes,
        "meeting_count": day.meeting_count,
        "back_to_back_count": day.back_to_back_count,
        "longest_free_block_minutes": day.longest_free_block_minutes,
        "after_hours_minutes": day.after_hours_minutes,
        "has_focus_block": day.has_focus_block,
    }


def series_json(series: MeetingSeries) -> dict[str, object]:
    """Return the documented JSON shape of a meeting series."""
    return {
        "id": series.id,
        "title": series.title,
        "occurrences": series.occurrences,
        "minutes": series.minutes,
        "focus_cost_minutes": series.focus_cost_minutes,
    }


def _assumptions(projection: Projection) -> str:
    return projection_assumptions(
        projection.energy, projection.coding_minutes, projection.recent_days
    )


def to_json(forecast: Forecast) -> dict[str, object]:
    """Return the documented JSON shape of a forecast."""
    projection = forecast.projection
    return {
        "days": [_day_json(d) for d in forecast.days],
        "series": [series_json(s) for s in forecast.series],
        "projection": None
        if projection is None or projection.level is None
        else {
            "score": projection.score,
            "level": str(projection.level),
            "assumptions": _assumptions(projection),
        },
    }


def _text(forecast: Forecast) -> list[str]:
    day_rows = [
        (
            f"{d.date:%a %Y-%m-%d}",
            format_duration(d.meeting_minutes),
            str(d.meeting_count),
            str(d.back_to_back_count),
            format_duration(d.longest_free_block_minutes),
            format_duration(d.after_hours_minutes),
            "yes" if d.has_focus_block else "-",
        )
        for d in forecast.days
    ]
    lines = table_lines(day_rows, _DAY_COLUMNS, right={1, 2, 3, 4, 5}, min_widths=(14,))
    if forecast.week is not None:
        w = forecast.week
        lines += [
            "",
            week_comparison(
                w.meeting_minutes, w.usual_meeting_minutes, w.usual_weeks, w.focus_block_days
            ),
        ]
    if forecast.series:
        series_rows = [
            (
                s.id,
                format_duration(s.minutes),
                format_duration(s.focus_cost_minutes),
                str(s.occurrences),
                s.title,
            )
            for s in forecast.series[:TEXT_SERIES]
        ]
        lines += ["", *table_lines(series_rows, _SERIES_COLUMNS, right={1, 2, 3})]
    projection = forecast.projection
    lines.append("")
    if projection is None or projection.score is None or projection.level is None:
        lines.append(no_projection())
    else:
        level = level_in_sentence(projection.level)
        lines.append(f"{projection_label()} ({projection.day}): {projection.score} {level}.")
        lines.append(_assumptions(projection))
    return lines


def lookahead_service(context: AppContext) -> LookaheadService:
    """Return the look-ahead service over an open context (one session per call)."""
    return context.lookahead


def _shorten(text: str) -> PlanChoice:
    series_id, sep, minutes = text.partition("=")
    if not sep or not series_id.strip():
        raise UserError(f"--shorten: '{text}' is not SERIES_ID=MINUTES, e.g. 1a2b3c4d=25")
    length = parse_int(minutes, "--shorten", 1, MAX_SHORTEN_MINUTES)
    if not 1 <= length <= MAX_SHORTEN_MINUTES:
        raise UserError(f"--shorten: {length} minutes is out of range 1-{MAX_SHORTEN_MINUTES}")
    return PlanChoice(series_id.strip(), Choice.SHORTEN, length)


def _plan(args: argparse.Namespace) -> list[PlanChoice]:
    plan = [PlanChoice(i.strip(), Choice.SKIP) for i in args.skip or ()]
    plan += [PlanChoice(i.strip(), Choice.DECLINE) for i in args.decline or ()]
    plan += [PlanChoice(i.strip(), Choice.DELEGATE) for i in args.delegate or ()]
    plan += [_shorten(text) for text in args.shorten or ()]
    return plan


def _run(args: argparse.Namespace) -> int:
    from focusapp.services.lookahead import UnknownSeriesError

    first = parse_date(args.from_, "--from") if args.from_ else None
    days = None if args.days is None else parse_int(args.days, "--days", MIN_DAYS, MAX_DAYS)
    if days is not None and not MIN_DAYS <= days <= MAX_DAYS:
        raise UserError(f"--days: {days} is out of range; give {MIN_DAYS}-{MAX_DAYS}")
    plan = _plan(args)
    if args.keep and not plan:
        raise UserError(
            "--keep: give the choices to keep with --skip, --decline, --delegate or --shorten"
        )
    context = open_context_for(args)
    try:
        service = lookahead_service(context)
        if args.clear_plan:
            service.clear_plan()
        try:
            forecast = service.forecast(first, days or context.settings.forecast_days, plan)
        except UnknownSeriesError as error:
            raise UserError(
                f"{PLAN_FLAGS}: no series {', '.join(error.ids)} is booked in these days; "
                "see the ids under Series in: focusapp forecast"
            ) from None
        if args.keep:
            service.keep(plan)  # only after the forecast accepted every id
    finally:
        context.close()
    if args.json:
        write_json(to_json(forecast))
    else:
        print("\n".join(_text(forecast)))
    return EXIT_OK


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``forecast`` to the command line."""
    parser = add_command(
        commands,
        "forecast",
        "the coming days as booked in your imported calendars",
        "Booked meeting time, back-to-back chains, free blocks and 2-hour focus "
        "blocks of the coming days, the meeting series by booked time and focus cost, and a "
        "projected signal for the coming week. --skip tries a plan out; nothing is written to "
        "any calendar.",
        "focusapp forecast",
        "focusapp forecast --days 14 --json",
        "focusapp forecast --skip 1a2b3c4d --shorten 5e6f7a8b=25",
        handler=_run,
    )
    parser.add_argument("--from", dest="from_", metavar="DATE", help="first day (default tomorrow)")
    parser.add_argument(
        "--days",
        metavar="N",
        help=f"how many days, {MIN_DAYS}-{MAX_DAYS} (default: the setting forecast.days, "
        f"{DEFAULT_DAYS} unless changed)",
    )
    parser.add_argument(
        "--skip",
        nargs="+",
        action="extend",
        metavar="SERIES_ID",
        help="recompute every figure without these series (ids from the series list)",
    )
    for flag, what in (("--decline", "declined"), ("--delegate", "delegated")):
        parser.add_argument(
            flag,
            nargs="+",
            action="extend",
            metavar="SERIES_ID",
            help=f"recompute every figure as if these series were {what}",
        )
    parser.add_argument(
        "--shorten",
        nargs="+",
        action="extend",
        metavar="SERIES_ID=MINUTES",
        help="recompute every figure with these series cut to the given length",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep these choices as your plan (stored locally)"
    )
    parser.add_argument(
        "--clear-plan", action="store_true", help="forget the kept plan before forecasting"
    )
    add_json(parser)
