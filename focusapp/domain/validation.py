"""Checks on a check-in, each problem named by its field in words a person can act on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from focusapp.domain.dates import outside_window
from focusapp.domain.phrases import QT_TRANSLATE_NOOP, Phrase

if TYPE_CHECKING:
    from focusapp.domain.models import CheckIn

MINUTES_PER_DAY = 24 * 60
MAX_NOTE_LENGTH = 5000
FUTURE_DAYS_ALLOWED = 1

_OUTSIDE_SCALE = QT_TRANSLATE_NOOP("Validation", "{value} is outside {low}-{high}")
_NEGATIVE_MINUTES = QT_TRANSLATE_NOOP("Validation", "{value} minutes is negative")
_MINUTES_OVER_A_DAY = QT_TRANSLATE_NOOP("Validation", "{value} minutes is more than a day (24h)")
_NEGATIVE = QT_TRANSLATE_NOOP("Validation", "{value} is negative")
DAY_PROBLEM = QT_TRANSLATE_NOOP("Validation", "{day} {problem}")
_TOO_FAR_AHEAD = QT_TRANSLATE_NOOP("Validation", "{day} is more than a day in the future")
_WORK_OVER_A_DAY = QT_TRANSLATE_NOOP(
    "Validation", "coding plus meetings is {hours:.1f}h, more than 24h"
)
_SLEEP_OUTSIDE = QT_TRANSLATE_NOOP("Validation", "{hours:g} hours is outside 0-24")
_NOTE_TOO_LONG = QT_TRANSLATE_NOOP("Validation", "is {length} characters; at most {most}")
_NOTE_NOT_TEXT = QT_TRANSLATE_NOOP(
    "Validation", "holds bytes that are not text (not UTF-8); retype those characters"
)
#: The translation context of the problems (the markers above spell it out for lupdate).
CONTEXT = "Validation"
# Field names stay as written: they are the columns of the export files.
_FIELD_PROBLEM = "{field}: {message}"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a check-in.

    Attributes:
        field: The export name of the field at fault (``energy``, ``coding_minutes``...).
        message: What is wrong and what is accepted, for a person (a
            :class:`~focusapp.domain.phrases.Phrase` the window shows translated).
    """

    field: str
    message: str

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        """The problem with its field in front (``energy: 7 is outside 1-5``), as a phrase."""
        return Phrase(CONTEXT, _FIELD_PROBLEM, field=self.field, message=self.message)


class CheckInInvalidError(ValueError):
    """Raised when a check-in fails validation; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def _check_scale(name: str, value: int | None, low: int, high: int) -> list[Problem]:
    if value is None or low <= value <= high:
        return []
    return [Problem(name, Phrase(CONTEXT, _OUTSIDE_SCALE, value=value, low=low, high=high))]


def _check_minutes(name: str, value: int | None) -> list[Problem]:
    if value is None:
        return []
    if value < 0:
        return [Problem(name, Phrase(CONTEXT, _NEGATIVE_MINUTES, value=value))]
    if value > MINUTES_PER_DAY:
        return [Problem(name, Phrase(CONTEXT, _MINUTES_OVER_A_DAY, value=value))]
    return []


def _check_count(name: str, value: int | None) -> list[Problem]:
    if value is not None and value < 0:
        return [Problem(name, Phrase(CONTEXT, _NEGATIVE, value=value))]
    return []


def has_lone_surrogates(text: str) -> bool:
    r"""Tell whether ``text`` holds a lone surrogate (U+D800-U+DFFF).

    Such code points come from undecodable bytes on a command line (``surrogateescape``)
    or a JSON escape like ``"\udcff"``; they are not text, cannot be stored in SQLite
    and cannot be printed, so a note holding one is refused rather than crashing later.
    """
    return any("\ud800" <= char <= "\udfff" for char in text)


def problems_in(checkin: CheckIn, today: dt.date) -> list[Problem]:
    """Return every problem with ``checkin``; an empty list means it may be stored.

    ``today`` is the user's current day, passed in so the rule stays a pure function.
    """
    found: list[Problem] = []
    outside = outside_window(checkin.date)
    if outside is not None:
        day = checkin.date.isoformat()
        found.append(Problem("date", Phrase(CONTEXT, DAY_PROBLEM, day=day, problem=outside)))
    elif checkin.date > today + dt.timedelta(days=FUTURE_DAYS_ALLOWED):
        found.append(Problem("date", Phrase(CONTEXT, _TOO_FAR_AHEAD, day=checkin.date.isoformat())))
    found += _check_scale("energy", checkin.energy, 1, 5)
    found += _check_scale("stress", checkin.stress, 1, 5)
    found += _check_minutes("coding_minutes", checkin.coding_minutes)
    found += _check_minutes("meeting_minutes", checkin.meeting_minutes)
    found += _check_minutes("longest_free_block_minutes", checkin.longest_free_block_minutes)
    found += _check_count("meeting_count", checkin.meeting_count)
    found += _check_count("back_to_back_count", checkin.back_to_back_count)
    work = (checkin.coding_minutes or 0) + (checkin.meeting_minutes or 0)
    if work > MINUTES_PER_DAY and not any(
        p.field in ("coding_minutes", "meeting_minutes") for p in found
    ):
        found.append(Problem("coding_minutes", Phrase(CONTEXT, _WORK_OVER_A_DAY, hours=work / 60)))
    if checkin.sleep_hours is not None and not 0 <= checkin.sleep_hours <= 24:
        found.append(
            Problem("sleep_hours", Phrase(CONTEXT, _SLEEP_OUTSIDE, hours=checkin.sleep_hours))
        )
    if checkin.note is not None and len(checkin.note) > MAX_NOTE_LENGTH:
        found.append(
            Problem(
                "note",
                Phrase(CONTEXT, _NOTE_TOO_LONG, length=len(checkin.note), most=MAX_NOTE_LENGTH),
            )
        )
    elif checkin.note is not None and has_lone_surrogates(checkin.note):
        found.append(Problem("note", Phrase(CONTEXT, _NOTE_NOT_TEXT)))
    return found


def validate(checkin: CheckIn, today: dt.date) -> CheckIn:
    """Return ``checkin`` unchanged if valid.

    Raises:
        CheckInInvalidError: Listing every problem, so a form can mark all fields at once.
    """
    found = problems_in(checkin, today)
    if found:
        raise CheckInInvalidError(found)
    return checkin
