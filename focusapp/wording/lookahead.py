"""The sentences of looking ahead and back: forecast labels, projections, insights, reviews.

The domain returns codes and numbers only; these functions turn them into calm, honest
text through :func:`focusapp.wording.translate.translate`, for the command line and the
window alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from focusapp.wording.translate import translate

if TYPE_CHECKING:
    import datetime as dt

_CONTEXT = "Lookahead"


def not_yet_label() -> str:
    """Return the marker of a day after today: booked, perhaps, but not yet lived."""
    return translate(_CONTEXT, "forecast: not yet (no score for a day that has not happened)")


def forecast_marker() -> str:
    """Return the short marker of a future row in a table of days."""
    return translate(_CONTEXT, "forecast / not yet")


def future_rows_note(today: dt.date) -> str:
    """Return the line under a table whose last rows are after ``today``."""
    return translate(_CONTEXT, "Days after {today} are {marker}: booked, not lived.").format(
        today=today.isoformat(), marker=forecast_marker()
    )
