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


def _hours(minutes: int) -> str:
    return f"{minutes / 60:.1f} h"


def projection_label() -> str:
    """Return the label of the projected signal (drawn dashed, never as history)."""
    return translate(_CONTEXT, "Projection")


def projection_assumptions(energy: float, coding_minutes: int, recent_days: int) -> str:
    """Return the sentence stating what a projection assumes."""
    return translate(
        _CONTEXT,
        "A projection, not a measurement: it assumes your energy stays at {energy}/5 and "
        "your coding time at {coding} a day, as in the {days} days you logged in the last "
        "4 weeks, with meetings as booked in your calendar.",
    ).format(energy=f"{energy:.1f}", coding=_hours(coding_minutes), days=recent_days)


def week_comparison(minutes: int, usual: int | None, weeks: int, focus_days: int) -> str:
    """Return the booked week against the usual logged week, in one calm sentence."""
    if usual is None:
        return translate(
            _CONTEXT,
            "The coming week has {booked} of meetings booked and {focus} days with a 2-hour "
            "focus block. There is no logged week yet to compare it with.",
        ).format(booked=_hours(minutes), focus=focus_days)
    return translate(
        _CONTEXT,
        "The coming week has {booked} of meetings booked, against {usual} in your usual "
        "week (mean of {weeks} logged weeks), and {focus} days with a 2-hour focus block.",
    ).format(booked=_hours(minutes), usual=_hours(usual), weeks=weeks, focus=focus_days)


def no_projection() -> str:
    """Return why there is no projection."""
    return translate(
        _CONTEXT,
        "No projection yet: it needs check-ins with energy in the last 4 weeks and a "
        "calendar booked ahead.",
    )
