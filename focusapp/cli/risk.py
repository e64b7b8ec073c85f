"""``focusapp risk``: the burnout-risk signal per day, as text or the documented JSON."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from focusapp.cli.support import EXIT_OK, add_command, add_json, open_context_for, write_json
from focusapp.cli.values import add_range, date_range
from focusapp.domain.risk import DISCLAIMER, FACTORS, RiskAssessment, to_json
from focusapp.services.risk import EARLIEST_DAY
from focusapp.wording.levels import level_in_sentence
from focusapp.wording.lookahead import not_yet_label

if TYPE_CHECKING:
    import argparse

MAX_DAYS = 366 * 50
TREND_ARROWS = {"rising": "↑", "easing": "↓", "steady": "→"}


def _line(assessment: RiskAssessment, today: dt.date) -> str:
    day = assessment.date.isoformat()
    if assessment.date > today:
        return f"{day}   --  {not_yet_label()}"
    if assessment.score is None:
        return f"{day}   --  {assessment.message or ''}"
    level = level_in_sentence(assessment.level or "")
    trend = TREND_ARROWS.get(str(assessment.trend), " ") if assessment.trend else " "
    flag = " (provisional)" if assessment.provisional else ""
    top = assessment.top_factors[0] if assessment.top_factors else None
    reason = assessment.factors[top].explanation if top else "No strain signals."
    return f"{day}  {assessment.score:3d} {trend} {level}{flag}: {reason}"


def _run(args: argparse.Namespace) -> int:
    asked_first, asked_last = date_range(args)
    context = open_context_for(args)
    today = context.checkins.today()
    # Default: the first recorded day to today; a later day only when asked with --to.
    default_first, default_last = context.risk.default_range() or (today, today)
    first = asked_first or (asked_last if asked_last and asked_last < default_first else None)
    first = max(first or default_first, EARLIEST_DAY)
    last = max(asked_last or default_last, first)
    # An over-long range keeps its end: the recent days are the ones that matter.
    first = max(first, last - dt.timedelta(days=MAX_DAYS))
    series = context.risk.series(first, last)
    if args.json:
        days = [to_json(a) | {"future": a.date > today} for a in series]
        document = {"disclaimer": DISCLAIMER, "days": days}
        write_json(document)
        return EXIT_OK
    for assessment in series:
        print(_line(assessment, today))
    print()
    print(DISCLAIMER)
    return EXIT_OK


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``risk`` to the command line."""
    parser = add_command(
        commands,
        "risk",
        "show the burnout-risk signal per day",
        "The burnout-risk signal per day with its top reason. Factors: "
        + ", ".join(FACTORS)
        + ". "
        + DISCLAIMER,
        "focusapp risk --from mon",
        "focusapp risk --from 2026-10-01 --to 2026-10-31",
        "focusapp risk --json",
        handler=_run,
    )
    add_range(parser)
    add_json(parser)
