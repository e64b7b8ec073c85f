"""Start-up milestones for benchmarks and smoke tests: the one documented hook.

``FOCUSAPP_STARTUP_MARKS=1`` prints ``mark <name> <seconds>`` at each milestone (the tray
icon shown, the first paint, the data open, ready); ``FOCUSAPP_EXIT_AFTER_READY`` makes
FocusApp quit once ready: ``1`` when the window has painted with the data, ``tray`` when
the tray icon shows today's figures. Nothing else in FocusApp knows of tests or benchmarks.
"""

from __future__ import annotations

import os
import time
from typing import Final

EXIT_AFTER_READY_ENV: Final = "FOCUSAPP_EXIT_AFTER_READY"
#: With ``1``, print ``mark <name> <seconds>`` lines at start-up milestones (benchmarks).
MARKS_ENV: Final = "FOCUSAPP_STARTUP_MARKS"

_STARTED = time.perf_counter()


def mark(name: str) -> None:
    """Print a start-up milestone when benchmarking (never otherwise)."""
    if os.environ.get(MARKS_ENV) == "1":
        print(f"mark {name} {time.perf_counter() - _STARTED:.4f}", flush=True)  # noqa: T201
