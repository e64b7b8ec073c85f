"""``focusapp focus start|stop|status``: time a focus session from the command line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from focusapp.cli.support import EXIT_OK, UserError, add_command, open_context_for
from focusapp.domain.durations import format_duration
from focusapp.domain.focus import format_elapsed

if TYPE_CHECKING:
    import argparse


def _run(args: argparse.Namespace) -> int:
    from focusapp.services.focus import FocusError

    context = open_context_for(args)
    focus = context.focus
    try:
        if args.action == "start":
            started = focus.start().started_at.astimezone(context.zone)
            print(f"Focus session started at {started:%H:%M}. Stop it with: focusapp focus stop")
        elif args.action == "stop":
            stopped = focus.stop()
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
