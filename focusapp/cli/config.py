"""``focusapp config list|get|set``: read and change settings without opening the database.

Settings live in a small TOML file (see :mod:`focusapp.settings`), so these commands use the
resolved paths and :class:`~focusapp.settings.store.SettingsStore` directly and stay fast. The one
setting with a side effect, ``app.start_at_login``, is applied to the system before it is
saved, so the file never claims a login entry that could not be made.
"""

from __future__ import annotations

import logging
import sys
import textwrap
from typing import TYPE_CHECKING, Final

from focusapp.cli.support import EXIT_OK, UserError, add_command, escape_text
from focusapp.settings.specs import KEYS, accepted_form, get_text, with_value
from focusapp.settings.store import SettingsStore
from focusapp.settings.values import Settings, SettingsError
from focusapp.system.paths import resolve_paths

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterable

    from focusapp.system.autostart.common import Autostart

START_AT_LOGIN: Final = "app.start_at_login"

logger = logging.getLogger(__name__)


#: Width of the key table in 'config set --help' (argparse keeps an epilog's own lines).
_HELP_WIDTH: Final = 78


def keys_and_values() -> str:
    """Return every key with what it accepts, from the settings definitions themselves."""
    width = max(len(key) for key in KEYS)
    lines = [
        textwrap.fill(
            accepted_form(key),
            width=_HELP_WIDTH,
            initial_indent=f"  {key.ljust(width)}  ",
            subsequent_indent=" " * (width + 4),
        )
        for key in KEYS
    ]
    return "keys and values:\n" + "\n".join(lines)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``config`` and its ``list``, ``get`` and ``set`` actions to ``commands``."""
    config = add_command(
        commands,
        "config",
        "show or change settings",
        "Show or change settings. Keys: " + ", ".join(KEYS) + ".",
        "focusapp config list",
        "focusapp config get checkin.reminder_time",
        "focusapp config set checkin.reminder_time 17:30",
    )
    actions = config.add_subparsers(dest="action", metavar="{list,get,set}", required=True)

    add_command(
        actions,
        "list",
        "print every setting as 'key = value'",
        "Print every setting as 'key = value', each value in the form 'config set' accepts back.",
        "focusapp config list",
        handler=cmd_config_list,
    )

    get = add_command(
        actions,
        "get",
        "print the value of one setting",
        "Print the value of one setting, in the form 'config set' accepts back.",
        "focusapp config get checkin.workdays",
        handler=cmd_config_get,
    )
    get.add_argument("key", metavar="KEY", help="a setting key, e.g. checkin.reminder_time")

    set_ = add_command(
        actions,
        "set",
        "change one setting",
        "Change one setting; a value that is not accepted changes nothing and "
        "the message says what to type. A running FocusApp picks the change up at once.",
        "focusapp config set checkin.reminder_time 17:30",
        "focusapp config set checkin.workdays mon,tue,wed,thu",
        "focusapp config set meetings.daily_budget 3h30",
        notes=keys_and_values(),
        handler=cmd_config_set,
    )
    set_.add_argument("key", metavar="KEY", help="a setting key, e.g. checkin.reminder_time")
    set_.add_argument("value", metavar="VALUE", help="the new value, e.g. 17:30")


# --- commands ----------------------------------------------------------------------------------


def cmd_config_list(args: argparse.Namespace) -> int:
    """Print every setting, one ``key = value`` line each, in the documented order."""
    settings = _load(_store(args))
    _write_lines(_line(settings, key) for key in KEYS)
    return EXIT_OK


def cmd_config_get(args: argparse.Namespace) -> int:
    """Print the canonical text of one setting (``set`` accepts it back unchanged)."""
    settings = _load(_store(args))
    try:
        text = get_text(settings, args.key)
    except SettingsError as error:
        raise UserError(str(error)) from None
    _write_lines([text])
    return EXIT_OK


def cmd_config_set(args: argparse.Namespace) -> int:
    """Validate, apply (for ``app.start_at_login``) and save one setting, then print it."""
    store = _store(args)
    current = _load(store)
    try:
        changed = with_value(current, args.key, args.value)
    except SettingsError as error:
        raise UserError(f"{error}; nothing was changed") from None
    login: Autostart | None = None
    if args.key == START_AT_LOGIN:
        login = _autostart(args)
        _apply_login(login, enabled=changed.start_at_login)
    try:
        backup = store.update(changed, current)
    except OSError as error:
        if login is not None:
            _undo_login(login, enabled=current.start_at_login)
        reason = error.strerror or str(error)
        raise UserError(f"cannot write {store.path}: {reason}; nothing was changed") from None
    if backup is not None:
        logger.warning("the previous settings file could not be used and was kept as %s", backup)
    _write_lines([_line(changed, args.key)])
    return EXIT_OK


# --- helpers -----------------------------------------------------------------------------------


def _store(args: argparse.Namespace) -> SettingsStore:
    return SettingsStore(resolve_paths(args.data_dir).config_file)


def _load(store: SettingsStore) -> Settings:
    """Load the settings, reporting (not failing on) values the file got wrong."""
    settings = store.load()
    for problem in store.problems:
        logger.warning("%s", problem)
    return settings


def _line(settings: Settings, key: str) -> str:
    return f"{key} = {get_text(settings, key)}".rstrip()


def _write_lines(lines: Iterable[str]) -> None:
    sys.stdout.write("".join(f"{escape_text(line)}\n" for line in lines))


def _autostart(args: argparse.Namespace) -> Autostart:
    from focusapp.system.autostart.choose import for_platform

    return for_platform(args.data_dir)


def _apply_login(login: Autostart, *, enabled: bool) -> None:
    from focusapp.system.autostart.common import AutostartError

    try:
        _switch(login, enabled=enabled)
    except AutostartError as error:
        verb = "create" if enabled else "remove"
        raise UserError(
            f"{START_AT_LOGIN}: could not {verb} the login entry ({error}); nothing was changed"
        ) from None


def _switch(login: Autostart, *, enabled: bool) -> None:
    """Create the login entry when ``enabled``, else remove it."""
    if enabled:
        login.enable()
    else:
        login.disable()


def _undo_login(login: Autostart, *, enabled: bool) -> None:
    """Put the login entry back as the unchanged settings file describes it (best effort)."""
    from focusapp.system.autostart.common import AutostartError

    try:
        _switch(login, enabled=enabled)
    except AutostartError as error:
        logger.warning("could not restore the login entry: %s", error)
