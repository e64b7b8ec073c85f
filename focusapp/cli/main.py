"""Command-line front: the GUI by default, and subcommands that never import Qt."""

from __future__ import annotations

import gc
import importlib
import logging
import os
import sys
from typing import TYPE_CHECKING, NoReturn

from focusapp import __version__
from focusapp.cli.support import (
    EXIT_BROKEN_PIPE,
    EXIT_USAGE,
    EscapingFormatter,
    Parser,
    UserError,
    close_contexts,
    examples,
    print_error,
)

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence

#: Feature commands, each a module with ``register(commands)`` adding its subparsers.
#: They must not import Qt at module level: every command line builds the whole parser.
COMMAND_MODULES: tuple[str, ...] = (
    "focusapp.cli.checkins",
    "focusapp.cli.focus",
    "focusapp.cli.risk",
    "focusapp.cli.desktop",
    "focusapp.cli.config",
    "focusapp.cli.calendar",
    "focusapp.cli.coding",
    "focusapp.cli.backup",
    "focusapp.cli.chart",
    "focusapp.cli.forecast",
    "focusapp.cli.insights",
    "focusapp.cli.review",
)

logger = logging.getLogger(__name__)


# --- parser -----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """Return the parser for every command."""
    parser = Parser(
        prog="focusapp",
        description="FocusApp: a 20-second daily check-in of energy, coding and meeting time, "
        "with an explainable burnout-risk signal. Without a command it opens the window.",
        epilog=examples(
            "focusapp",
            "focusapp log --energy 4 --coding 3h --meetings 2h",
            "focusapp risk --from mon",
            notes="Each command explains itself: focusapp COMMAND --help",
        ),
    )
    parser.add_argument("--version", action="version", version=f"FocusApp {__version__}")
    parser.add_argument(
        "--data-dir", metavar="DIR", help="keep data and settings in DIR ($FOCUSAPP_DATA_DIR)"
    )
    parser.add_argument(
        "--autostart",
        action="store_true",
        help="start hidden in the tray (used by the login entry)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands)
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    from focusapp.app import run_gui

    return run_gui(args.data_dir, autostart=args.autostart)


def _tolerate_any_encoding() -> None:
    """Let output reach a non-UTF-8 terminal (``LC_ALL=C``, ``PYTHONIOENCODING=ascii``).

    A note in another script then shows ``?`` instead of ending the command with a
    UnicodeEncodeError.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", None) == "strict":
            reconfigure(errors="replace")


def _quiet_broken_pipe() -> int:
    """End quietly after the reader of stdout went away (``focusapp show | head -1``).

    What the Python documentation advises for SIGPIPE: point stdout at /dev/null so the
    interpreter's final flush does not fail a second time, and exit like a program SIGPIPE
    ended, without a message.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout has no descriptor (a test's capture)
        pass
    return EXIT_BROKEN_PIPE


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status. Errors are one line on stderr."""
    from focusapp.domain.errors import DatabaseTooNewError, StorageError
    from focusapp.domain.validation import CheckInInvalidError

    _tolerate_any_encoding()
    log_output = logging.StreamHandler()
    log_output.setFormatter(EscapingFormatter("focusapp: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[log_output])
    args = build_parser().parse_args(argv)
    prog = f"focusapp {args.command}" if args.command else "focusapp"
    handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", _run_gui)
    try:
        status = handler(args)
        close_contexts()  # here, so trouble closing the database is one line like any other
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last flush
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except UserError as error:
        print_error(prog, str(error))
    except CheckInInvalidError as error:
        print_error(prog, f"{error}; nothing was changed")
    except (DatabaseTooNewError, StorageError) as error:
        print_error(prog, str(error))
    except KeyboardInterrupt:
        print_error(prog, "interrupted")
    except OSError as error:
        print_error(prog, f"{error.strerror or error} ({error.filename or 'file'})")
    except Exception as error:
        logger.debug("unexpected error", exc_info=True)
        print_error(prog, f"unexpected error: {type(error).__name__}: {error}")
    else:
        return status
    finally:
        close_contexts()
    return EXIT_USAGE


def run() -> NoReturn:
    """Run :func:`main` as the ``focusapp`` executable (and ``python -m focusapp``), then exit.

    After a command, every file it wrote is closed and complete, so the interpreter's last
    garbage collection over every object it loaded (SQLAlchemy's, the services') would only
    cost time: about a fifth of a quick command like ``focusapp log``. Freezing the objects
    lets the exit skip it. Not after the window: Qt objects are left to the usual teardown.
    """
    status = main()
    if "focusapp.app" not in sys.modules:
        gc.freeze()
    sys.exit(status)
