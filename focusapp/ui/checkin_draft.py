"""Reading the check-in form's text into a check-in, with every problem found at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from focusapp.domain.durations import DurationError, parse_duration, parse_hours
from focusapp.domain.validation import Problem, problems_in

if TYPE_CHECKING:
    import datetime as dt

    from focusapp.domain.models import CheckIn


def read_draft(
    base: CheckIn,
    today: dt.date,
    typed: dict[str, object],
    durations: dict[str, str],
    sleep_text: str,
) -> CheckIn | list[Problem]:
    """Return ``base`` with what was typed, or every problem preventing it.

    ``typed`` holds the values that need no parsing (``date``, ``energy``, ``stress``,
    ``note``); ``durations`` the text of the minute fields by name. Fields that do not parse
    are left out and the rest still go through the domain's rules, so one attempt marks
    every field at fault, not one per try.
    """
    problems: list[Problem] = []
    values: dict[str, object] = dict(typed)
    for name, raw in durations.items():
        text = raw.strip()
        if not text:
            values[name] = None
            continue
        try:
            values[name] = parse_duration(text)
        except DurationError as error:
            values[name] = None
            problems.append(Problem(name, error.message))
    sleep = sleep_text.strip()
    try:
        values["sleep_hours"] = parse_hours(sleep) if sleep else None
    except DurationError as error:
        values["sleep_hours"] = None
        problems.append(Problem("sleep_hours", error.message))
    candidate = base.merged(values)
    unparsed = {problem.field for problem in problems}
    problems += [p for p in problems_in(candidate, today) if p.field not in unparsed]
    return problems or candidate
