"""Small runtime state that must survive restarts: reminders shown, last time the app was alive.

Kept in a JSON file beside the database rather than in it, so reading it never competes with
a check-in for the database lock, and a damaged file only costs a reminder, never data.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from focusapp.domain.reminders.state import ReminderState
from focusapp.system.atomic import write_atomically
from focusapp.system.files import read_regular_file

if TYPE_CHECKING:
    from pathlib import Path

logger = logging.getLogger(__name__)

#: The state file holds a few timestamps; anything larger is not ours.
MAX_STATE_BYTES = 1 << 20


@dataclass
class AppState:
    """What the app remembers between runs.

    Attributes:
        reminders: Which reminders were shown (never repeat one after a restart).
        last_alive: The last instant the app was known to run (for focus-session recovery).
        close_hint_shown: Whether the "still running in the tray" notice was shown once.
        background_hint_shown: Whether the "still running in the background" notice (no
            tray) was shown once.
        open_folders_warned: Data folders others can read that the user was told about.
    """

    reminders: ReminderState = field(default_factory=ReminderState)
    last_alive: dt.datetime | None = None
    close_hint_shown: bool = False
    background_hint_shown: bool = False
    open_folders_warned: tuple[str, ...] = ()


class AppStateStore:
    """Reads and writes :class:`AppState` atomically at ``path`` (0600)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> AppState:
        """Return the stored state; a missing or damaged file gives a fresh one."""
        if not self.path.exists() and not self.path.is_symlink():
            return AppState()
        try:
            data: Any = json.loads(read_regular_file(self.path, MAX_STATE_BYTES).decode("utf-8"))
        except (OSError, ValueError):
            logger.warning("ignoring unreadable state file %s", self.path)
            return AppState()
        if not isinstance(data, dict):
            return AppState()
        state = AppState()
        with contextlib.suppress(ValueError, TypeError):
            state.reminders = ReminderState.from_dict(data.get("reminders") or {})
        last_alive = data.get("last_alive")
        if isinstance(last_alive, str):
            with contextlib.suppress(ValueError):
                parsed = dt.datetime.fromisoformat(last_alive)
                state.last_alive = parsed if parsed.tzinfo else None
        state.close_hint_shown = data.get("close_hint_shown") is True
        state.background_hint_shown = data.get("background_hint_shown") is True
        warned = data.get("open_folders_warned")
        if isinstance(warned, list):
            state.open_folders_warned = tuple(str(item) for item in warned)
        return state

    def save(self, state: AppState) -> None:
        """Write ``state`` atomically; failures are logged, never raised (it is a cache)."""
        document = {
            "reminders": state.reminders.to_dict(),
            "last_alive": state.last_alive.isoformat() if state.last_alive else None,
            "close_hint_shown": state.close_hint_shown,
            "background_hint_shown": state.background_hint_shown,
            "open_folders_warned": list(state.open_folders_warned),
        }
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, json.dumps(document).encode("utf-8"))
        except OSError as error:
            logger.warning("could not save %s: %s", self.path, error)
