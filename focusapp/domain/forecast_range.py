"""How far ahead the forecast looks: the settings, the window and the forecast share it.

Apart from :mod:`focusapp.domain.forecast` so that reading the settings (which checks
``forecast.days`` against it) does not load the forecast's calendar arithmetic: the
always-on tray reads the settings before its icon shows, and never forecasts.
"""

from __future__ import annotations

from typing import Final

#: The fewest and most days ahead a forecast covers, and the default.
MIN_DAYS: Final = 7
MAX_DAYS: Final = 28
DEFAULT_DAYS: Final = 14
