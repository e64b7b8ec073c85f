"""``focusapp check``: open the data as a start does and say what it found.

Opening a profile checks the database's integrity, recovers or sets aside a damaged one,
applies due upgrades and makes the day's first backup. Every command does that on the way;
this one does only that, for a person who wants to know, and for the light tray process,
which runs it once at start so the checks and the backup stay out of its own memory.
"""

from __future__ import annotations

import argparse

from focusapp.cli.support import EXIT_OK, add_command, open_context_for
from focusapp.system.relaunch import CHECK_PHRASES_FLAG


def _run(args: argparse.Namespace) -> int:
    report = open_context_for(args).startup_report
    if args.phrases:
        from focusapp.wording.phrase_lines import phrase_line

        for message in report.messages:
            print(phrase_line(message))
        return EXIT_OK
    for message in report.messages:
        print(message)
    if not report.messages:
        print("Your data is in order.")
    return EXIT_OK


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``check`` to the command line."""
    parser = add_command(
        commands,
        "check",
        "check the data and make the day's backup",
        "Open the data as FocusApp's start does: check the database's integrity, recover "
        "a damaged one from the newest good backup, apply upgrades and make the day's "
        "first backup, then say what was found.",
        "focusapp check",
        handler=_run,
    )
    parser.add_argument(CHECK_PHRASES_FLAG, action="store_true", help=argparse.SUPPRESS)
