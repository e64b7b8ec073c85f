"""Run ``focusapp`` with its clock ahead of the real one by the seconds in ``$FOCUSAPP_E2E_SHIFT``.

The end-to-end tests move FocusApp's "now" forward (a snooze's 30 minutes, a focus session's
length) without waiting for it: the file named by the variable holds a number of seconds and
is read at every ``now()``, so a driver script can change it while FocusApp runs. Qt's timers
still run in real time; only the wall clock FocusApp reads is shifted. The light tray starts
its window and its commands the way it was started (:mod:`focusapp.system.relaunch`), so
they run through this script too and share the shifted clock.
"""

import datetime as dt
import os
import sys
from pathlib import Path

from focusapp.domain.clock import SystemClock

SHIFT = Path(os.environ["FOCUSAPP_E2E_SHIFT"])


def shifted_now(_clock: SystemClock) -> dt.datetime:
    """The system clock plus the seconds written in :data:`SHIFT` (0 while it is unreadable)."""
    try:
        seconds = float(SHIFT.read_text() or 0)
    except (OSError, ValueError):
        seconds = 0.0
    return dt.datetime.now(dt.UTC) + dt.timedelta(seconds=seconds)


SystemClock.now = shifted_now  # type: ignore[method-assign]

from focusapp.cli.main import main  # noqa: E402 - after the patch

sys.exit(main(sys.argv[1:]))
