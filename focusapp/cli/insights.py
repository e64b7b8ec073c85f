"""``focusapp insights``: five fixed questions about energy, answered with honest statistics."""

from __future__ import annotations

from typing import TYPE_CHECKING

from focusapp.cli.forecast import lookahead_service
from focusapp.cli.support import (
    EXIT_OK,
    add_command,
    add_json,
    open_context_for,
    write_json,
)
from focusapp.wording.lookahead import insight_sentence

if TYPE_CHECKING:
    import argparse

    from focusapp.domain.insights import Insight


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def to_json(insight: Insight) -> dict[str, object]:
    """Return the documented JSON shape of one answer."""
    interval = insight.interval
    return {
        "code": insight.code,
        "n_with": insight.n_with,
        "n_without": insight.n_without,
        "difference": _round(insight.difference),
        "interval": None if interval is None else [round(interval[0], 2), round(interval[1], 2)],
        "clear": insight.clear,
        "text": insight_sentence(insight),
    }


def _run(args: argparse.Namespace) -> int:
    context = open_context_for(args)
    try:
        answers = lookahead_service(context).insights()
    finally:
        context.close()
    if args.json:
        document = {"insights": [to_json(a) for a in answers]}
        write_json(document)
    else:
        print("\n\n".join(insight_sentence(a) for a in answers))
    return EXIT_OK


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``insights`` to the command line."""
    parser = add_command(
        commands,
        "insights",
        "what your own numbers show about your energy",
        "Energy after meeting-heavy days, with a 2-hour focus block, after short "
        "sleep, with 3+ back-to-back meetings, and by weekday. Intervals come from a weekly "
        "block bootstrap, widened for the five questions; an answer is called clear only when "
        "its interval excludes zero. Patterns in your data, not proof of cause.",
        "focusapp insights",
        "focusapp insights --json",
        handler=_run,
    )
    add_json(parser)
