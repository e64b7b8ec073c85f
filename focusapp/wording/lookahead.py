"""The sentences of looking ahead and back: forecast labels, projections, insights, reviews.

The domain returns codes and numbers only; these functions turn them into calm, honest
text through :func:`focusapp.wording.translate.translate`, for the command line and the
window alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from focusapp.wording.numbers import number
from focusapp.wording.phrases import format_text
from focusapp.wording.translate import translate

if TYPE_CHECKING:
    import datetime as dt

    from focusapp.domain.insights import Insight
    from focusapp.domain.review import WeekReview


def not_yet_label() -> str:
    """Return the marker of a day after today: booked, perhaps, but not yet lived."""
    return translate("Lookahead", "forecast: not yet (no score for a day that has not happened)")


def forecast_marker() -> str:
    """Return the short marker of a future row in a table of days."""
    return translate("Lookahead", "forecast / not yet")


def future_rows_note(today: dt.date) -> str:
    """Return the line under a table whose last rows are after ``today``."""
    return translate("Lookahead", "Days after {today} are {marker}: booked, not lived.").format(
        today=today.isoformat(), marker=forecast_marker()
    )


def _hours(minutes: int) -> str:
    return f"{number(minutes / 60, '.1f')} h"


def projection_label() -> str:
    """Return the label of the projected signal (drawn dashed, never as history)."""
    return translate("Lookahead", "Projection")


def projection_assumptions(energy: float, coding_minutes: int, recent_days: int) -> str:
    """Return the sentence stating what a projection assumes."""
    return translate(
        "Lookahead",
        "A projection, not a measurement: it assumes your energy stays at {energy}/5 and "
        "your coding time at {coding} a day, as in the {days} days you logged in the last "
        "4 weeks, with meetings as booked in your calendar.",
    ).format(energy=number(energy, ".1f"), coding=_hours(coding_minutes), days=recent_days)


def week_comparison(minutes: int, usual: int | None, weeks: int, focus_days: int) -> str:
    """Return the booked week against the usual logged week, in one calm sentence."""
    if usual is None:
        return translate(
            "Lookahead",
            "The coming week has {booked} of meetings booked and {focus} days with a 2-hour "
            "focus block. There is no logged week yet to compare it with.",
        ).format(booked=_hours(minutes), focus=focus_days)
    return translate(
        "Lookahead",
        "The coming week has {booked} of meetings booked, against {usual} in your usual "
        "week (mean of {weeks} logged weeks), and {focus} days with a 2-hour focus block.",
    ).format(booked=_hours(minutes), usual=_hours(usual), weeks=weeks, focus=focus_days)


def no_projection() -> str:
    """Return why there is no projection."""
    return translate(
        "Lookahead",
        "No projection yet: it needs check-ins with energy in the last 4 weeks and a "
        "calendar booked ahead.",
    )


# --- insights ---------------------------------------------------------------------------------


def _weekday_name(weekday: int) -> str:
    names = (
        translate("Lookahead", "Monday"),
        translate("Lookahead", "Tuesday"),
        translate("Lookahead", "Wednesday"),
        translate("Lookahead", "Thursday"),
        translate("Lookahead", "Friday"),
        translate("Lookahead", "Saturday"),
        translate("Lookahead", "Sunday"),
    )
    return names[weekday]


def _insight_subject(code: str, threshold: float | None) -> str:
    """Return the "with" side of a question, as the start of a sentence."""
    if code == "after_meeting_heavy" and not threshold:
        return translate("Lookahead", "On days after meeting-heavy days")
    if code == "after_meeting_heavy":
        return translate("Lookahead", "On days after {hours}+ of meetings").format(
            hours=_hours(round(threshold or 0))
        )
    if code == "focus_block":
        return translate("Lookahead", "On days with a 2-hour focus block")
    if code == "short_sleep":
        return translate("Lookahead", "After a night under 7 h of sleep")
    if code == "back_to_back":
        return translate("Lookahead", "On days with 3 or more back-to-back meetings")
    return translate("Lookahead", "On {weekday}s").format(
        weekday=_weekday_name(round(threshold or 0))
    )


def insight_text(
    code: str,
    *,
    difference: float | None,
    interval: tuple[float, float] | None,
    clear: bool,
    energy_with: float | None,
    energy_without: float | None,
    n_with: int,
    n_without: int,
    threshold: float | None,
) -> str:
    """Return one insight's sentence: the numbers, calmly, and what they do not show."""
    subject = _insight_subject(code, threshold)
    if difference is None or interval is None or energy_with is None or energy_without is None:
        return translate(
            "Lookahead",
            "{subject}: not enough data yet. This needs at least 8 days on each side over "
            "6 weeks (now {n_with} vs {n_without} days).",
        ).format(subject=subject, n_with=n_with, n_without=n_without)
    if not clear:
        return format_text(
            translate(
                "Lookahead",
                "{subject} your energy averaged {with_:.1f}, and {without:.1f} on other days "
                "({n_with} vs {n_without} days). The data does not show a difference yet.",
            ),
            subject=subject,
            with_=energy_with,
            without=energy_without,
            n_with=n_with,
            n_without=n_without,
        )
    lower = difference > 0
    lo, hi = interval if lower else (-interval[1], -interval[0])
    if lower:
        template = translate(
            "Lookahead",
            "{subject} your energy averaged {with_:.1f}, {size:.1f} lower than other days "
            "(interval {lo:.1f} to {hi:.1f}; {n_with} vs {n_without} days). {caution}",
        )
    else:
        template = translate(
            "Lookahead",
            "{subject} your energy averaged {with_:.1f}, {size:.1f} higher than other days "
            "(interval {lo:.1f} to {hi:.1f}; {n_with} vs {n_without} days). {caution}",
        )
    return format_text(
        template,
        subject=subject,
        with_=energy_with,
        size=abs(difference),
        lo=lo,
        hi=hi,
        n_with=n_with,
        n_without=n_without,
        caution=translate("Lookahead", "This is a pattern in your data, not proof of cause."),
    )


def insight_sentence(insight: Insight) -> str:
    """Return the sentence of one insight answer (the command line and the window alike)."""
    return insight_text(
        insight.code,
        difference=insight.difference,
        interval=insight.interval,
        clear=insight.clear,
        energy_with=insight.energy_with,
        energy_without=insight.energy_without,
        n_with=insight.n_with,
        n_without=insight.n_without,
        threshold=insight.threshold,
    )


# --- weekly review ----------------------------------------------------------------------------


def suggestion_text(code: str, heaviest_series: str | None = None) -> str:
    """Return the suggestion of a review (a ``Suggestion`` value), worded calmly."""
    if code == "protect_focus_block":
        return translate(
            "Lookahead",
            "Your deep-work time fell this week. Consider booking one 2-hour focus block on "
            "a quiet day next week and keeping it like a meeting.",
        )
    if code == "skip_heaviest_series":
        return translate(
            "Lookahead",
            "Meetings took more of your week than usual. Look at your heaviest series "
            "({series}): you don't have to be there if it's not a significant value add, and "
            "you can try skipping, delegating or shortening it first with focusapp forecast.",
        ).format(series=heaviest_series or translate("Lookahead", "your largest meeting"))
    if code == "recovery_day":
        return translate(
            "Lookahead",
            "Your energy was lower than usual this week. If you can, plan a recovery day or "
            "an evening fully off soon.",
        )
    if code == "raise_workload":
        return translate(
            "Lookahead",
            "Your energy was lower than usual while your signal is high. It may help to talk "
            "with your manager about priorities and workload, and to plan real time off.",
        )
    return translate(
        "Lookahead",
        "This week looked much like your usual one. Keep protecting what works: rest days, "
        "focus time and sleep.",
    )


def review_suggestion(review: WeekReview) -> str:
    """Return the suggestion a review's rule chose, naming its heaviest series."""
    heaviest = review.top_series[0].title if review.top_series else None
    return suggestion_text(str(review.suggestion), heaviest)
