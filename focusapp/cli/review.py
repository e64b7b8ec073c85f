"""``focusapp review``: a finished week against your usual week, with one calm suggestion."""

from __future__ import annotations

from typing import TYPE_CHECKING

from focusapp.cli.forecast import lookahead_service, series_json
from focusapp.cli.support import (
    EXIT_OK,
    UserError,
    add_command,
    add_json,
    open_context_for,
    write_json,
)
from focusapp.cli.table import table_lines
from focusapp.cli.values import parse_date
from focusapp.domain.durations import format_duration
from focusapp.wording.lookahead import review_suggestion

if TYPE_CHECKING:
    import argparse

    from focusapp.domain.review import WeekFigures, WeekReview


def _figures_json(figures: WeekFigures) -> dict[str, object]:
    energy = figures.energy_mean
    return {
        "days_logged": round(figures.days_logged, 2),
        "meeting_minutes": round(figures.meeting_minutes),
        "coding_minutes": round(figures.coding_minutes),
        "energy_mean": None if energy is None else round(energy, 2),
    }


def to_json(review: WeekReview) -> dict[str, object]:
    """Return the documented JSON shape of a review."""
    return {
        "week_start": review.week_start.isoformat(),
        "week_end": review.week_end.isoformat(),
        **_figures_json(review.figures),
        "usual": None if review.usual is None else _figures_json(review.usual),
        "risk_start": review.risk_start,
        "risk_end": review.risk_end,
        "top_series": [series_json(s) for s in review.top_series],
        "suggestion": {"code": str(review.suggestion), "text": review_suggestion(review)},
    }


def _text(review: WeekReview) -> list[str]:
    week, usual = review.figures, review.usual

    def energy(value: float | None) -> str:
        return "-" if value is None else f"{value:.1f}/5"

    lines = [
        f"Week {review.week_start} to {review.week_end}: {week.days_logged:g} days logged",
        f"  Meetings {format_duration(round(week.meeting_minutes))}, coding "
        f"{format_duration(round(week.coding_minutes))}, energy {energy(week.energy_mean)}",
    ]
    if usual is not None:
        lines.append(
            f"  Usual ({review.usual_weeks} weeks): meetings "
            f"{format_duration(round(usual.meeting_minutes))}, coding "
            f"{format_duration(round(usual.coding_minutes))}, energy {energy(usual.energy_mean)}"
        )
    lines.append(f"  Signal: {review.risk_start} -> {review.risk_end}")
    if review.best_day and review.hardest_day:
        lines.append(
            f"  Best day {review.best_day:%a %d %b}, hardest {review.hardest_day:%a %d %b}"
        )
    series_rows = [(format_duration(s.minutes), s.title) for s in review.top_series]
    lines.extend(table_lines(series_rows, right={0}, min_widths=(6,), indent="  "))
    if review.next_week_minutes is not None:
        lines.append(f"  Booked next week: {format_duration(review.next_week_minutes)}")
    lines += ["", review_suggestion(review)]
    return lines


def _run(args: argparse.Namespace) -> int:
    from focusapp.services.lookahead import ReflectionInvalidError

    day = parse_date(args.week, "--week") if args.week else None
    context = open_context_for(args)
    try:
        service = lookahead_service(context)
        review = service.review(day)
        if args.reflect is not None:
            try:
                service.reflect(review.week_start, args.reflect)
            except ReflectionInvalidError as error:
                raise UserError(f"--reflect: {error}") from None
        reflection = service.reflection(review.week_start)
    finally:
        context.close()
    if args.json:
        write_json(to_json(review))
    else:
        print("\n".join(_text(review)))
        if reflection:
            print(f"\nYour reflection: {reflection}")
    return EXIT_OK


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``review`` to the command line."""
    parser = add_command(
        commands,
        "review",
        "look back on a week against your usual one",
        "The ISO week containing --week (default: the last finished week) against "
        "the mean of the previous 8 weeks with data: meetings, coding, energy, the signal, "
        "the top meeting series, next week's booked load and one suggestion.",
        "focusapp review",
        "focusapp review --week 2026-11-02",
        "focusapp review --reflect 'Too many syncs; blocked Thursday mornings'",
        handler=_run,
    )
    parser.add_argument("--week", metavar="DATE", help="a day of the week to review")
    parser.add_argument(
        "--reflect",
        metavar="TEXT",
        help="keep a short reflection with the week (empty text removes it)",
    )
    add_json(parser)
