"""Run ``focusapp`` with its clock ahead of the real one by the seconds in ``$FOCUSAPP_E2E_SHIFT``.

The end-to-end tests move FocusApp's "now" forward (a snooze's 30 minutes, a focus session's
length) without waiting for it: the file named by the variable holds a number of seconds and
is read at every ``now()``, so a driver script can change it while FocusApp runs. Qt's timers
still run in real time; only the wall clock FocusApp reads is shifted.
"""

import datetime as dt
import os
import sys
from pathlib import Path

import focusapp.bootstrap

SHIFT = Path(os.environ["FOCUSAPP_E2E_SHIFT"])
_real_open_context = focusapp.bootstrap.open_context


class ShiftedClock:
    """The system clock plus the seconds written in :data:`SHIFT` (0 while it is unreadable)."""

    def now(self) -> dt.datetime:
        try:
            seconds = float(SHIFT.read_text() or 0)
        except (OSError, ValueError):
            seconds = 0.0
        return dt.datetime.now(dt.UTC) + dt.timedelta(seconds=seconds)


def _open_context(*args, **kwargs):  # type: ignore[no-untyped-def]
    kwargs.setdefault("clock", ShiftedClock())
    return _real_open_context(*args, **kwargs)


focusapp.bootstrap.open_context = _open_context

from focusapp.cli.main import main  # noqa: E402 - after the patch, as the app imports it late

sys.exit(main(sys.argv[1:]))
