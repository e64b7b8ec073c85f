"""``focusapp focus start|stop|status``: time a focus session from the command line."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from focusapp.cli.support import EXIT_OK, UserError, add_command, open_context_for
from focusapp.domain.durations import format_duration
from focusapp.domain.focus import format_elapsed

if TYPE_CHECKING:
    import argparse

    from focusapp.bootstrap import AppContext
    from focusapp.services.focus import FocusService


def _run(args: argparse.Namespace) -> int:
    from focusapp.services.focus import FocusError

    context = open_context_for(args)
    focus = context.focus
    try:
        if args.action == "start":
            started = focus.start().started_at.astimezone(context.zone)
            print(f"Focus session started at {started:%H:%M}. Stop it with: focusapp focus stop")
        elif args.action == "stop":
            stopped = focus.stop(_ended_at(args.ended_at, context, focus))
            booked = ", ".join(
                f"{day:%a %d %b} +{format_duration(minutes)}"
                for day, minutes in focus.minutes_by_day(stopped).items()
            )
            elapsed = format_elapsed(focus.elapsed(stopped).total_seconds())
            print(f"Focus session stopped after {elapsed}" + (f" ({booked})" if booked else ""))
        else:
            running = focus.running()
            if running is None:
                print("No focus session is running.")
            else:
                started = running.started_at.astimezone(context.zone)
                elapsed = format_elapsed(focus.elapsed(running).total_seconds())
                print(f"Focus session running since {started:%H:%M} ({elapsed}).")
    except FocusError as error:
        raise UserError(str(error)) from None
    return EXIT_OK


def _ended_at(text: str | None, context: AppContext, focus: FocusService) -> dt.datetime | None:
    """Parse ``--ended-at`` (ISO 8601; without an offset, in the user's zone), checked.

    The session cannot end before it started or after now: the tray passes the last moment
    it saw FocusApp running when a session outlived a crash.
    """
    if text is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        example = "2026-12-02T17:30"
        raise UserError(f"--ended-at: {text!r} is not a date and time like {example}") from None
    ended = (moment if moment.tzinfo else moment.replace(tzinfo=context.zone)).astimezone(dt.UTC)
    running = focus.running()
    if running is not None and not running.started_at <= ended <= context.clock.now():
        raise UserError("--ended-at: the session can only end between its start and now")
    return ended


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``focus`` to the command line."""
    parser = add_command(
        commands,
        "focus",
        "start, stop or check a focus session",
        "Time a focus session: 'start' begins one now, 'stop' ends it and adds "
        "its minutes to the day's coding time, 'status' tells whether one is running and for "
        "how long. The window and the tray show the same session and remind you of a break.",
        "focusapp focus start",
        "focusapp focus status",
        "focusapp focus stop",
        handler=_run,
    )
    parser.add_argument("action", choices=("start", "stop", "status"))
    parser.add_argument(
        "--ended-at",
        metavar="WHEN",
        help="with stop: when the session ended (ISO 8601, e.g. 2026-12-02T17:30), not now",
    )
