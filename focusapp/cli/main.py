"""Command-line front: the GUI by default, and subcommands that never import Qt."""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import os
import sys
from typing import TYPE_CHECKING, Final, NoReturn

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
from focusapp.system.relaunch import TRAY_WINDOW_FLAG

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

#: Every command, under the module whose ``register(commands)`` adds it, in the order
#: ``focusapp --help`` lists them. A command line naming one imports only its module (see
#: :func:`build_parser`); tests/cli/test_help.py checks each module adds exactly these.
#: The modules must not import Qt at module level.
COMMANDS: Final[dict[str, tuple[str, ...]]] = {
    "focusapp.cli.checkins": ("log", "show", "export", "import"),
    "focusapp.cli.focus": ("focus",),
    "focusapp.cli.risk": ("risk",),
    "focusapp.cli.desktop": ("desktop",),
    "focusapp.cli.config": ("config",),
    "focusapp.cli.calendar": ("calendar",),
    "focusapp.cli.coding": ("coding",),
    "focusapp.cli.backup": ("backup", "wipe"),
    "focusapp.cli.check": ("check",),
    "focusapp.cli.chart": ("chart",),
    "focusapp.cli.forecast": ("forecast",),
    "focusapp.cli.insights": ("insights",),
    "focusapp.cli.review": ("review",),
}

logger = logging.getLogger(__name__)


# --- parser -----------------------------------------------------------------------------------


class _ProbeError(Exception):
    """What the probe of :func:`_modules_for` raises instead of exiting on an error."""


class _Probe(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _ProbeError(message)


def _modules_for(command_line: Sequence[str]) -> tuple[str, ...]:
    """Return the command modules parsing ``command_line`` needs: its command's, or all.

    A probe with the program's own options (the same names and arity, so it splits the line
    as the real parser does) finds the command word. Whatever might show the list of
    commands (``--help`` before the command, a mistyped command, a line the probe cannot
    split) gets every module, so every message stays exactly as before.
    """
    probe = _Probe(add_help=False)
    for flag in (("-h", "--help"), ("--version",), ("--autostart",), (TRAY_WINDOW_FLAG,)):
        probe.add_argument(*flag, action="store_true")
    probe.add_argument("--data-dir")
    probe.add_argument("words", nargs=argparse.REMAINDER)
    try:
        known, unknown = probe.parse_known_args(command_line)
    except _ProbeError:
        return tuple(COMMANDS)
    if known.help or unknown:
        return tuple(COMMANDS)
    if not known.words:  # the window, or --version
        return ()
    for module, names in COMMANDS.items():
        if known.words[0] in names:
            return (module,)
    return tuple(COMMANDS)


def build_parser(command_line: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """Return the parser for every command, or only for the command of ``command_line``.

    Each command module imports what its commands' options mention (settings keys, risk
    factors, forecast limits), so building the parser of every command costs a command
    that needs one of them a tenth of its time; ``focusapp --version`` needs none.
    """
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
    # The window of a light tray, started by the tray itself (not for people to type).
    parser.add_argument(TRAY_WINDOW_FLAG, action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    modules = tuple(COMMANDS) if command_line is None else _modules_for(command_line)
    for name in modules:
        importlib.import_module(name).register(commands)
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    from focusapp.app import run_gui

    return run_gui(args.data_dir, autostart=args.autostart, tray_window=args.tray_window)


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
    command_line = sys.argv[1:] if argv is None else argv
    args = build_parser(command_line).parse_args(command_line)
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
