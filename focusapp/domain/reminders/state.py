"""What has already been shown, kept across restarts so no reminder is ever repeated.

The state is persisted as JSON (:meth:`ReminderState.to_dict`); a file written by an older or
newer FocusApp still loads, and a damaged one is refused rather than guessed at.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from focusapp.domain.reminders.model import MAX_CHECKIN_SHOWS
from focusapp.domain.reminders.wall_clock import opt_utc, require_aware

if TYPE_CHECKING:
    from collections.abc import Mapping

#: Version of the :meth:`ReminderState.to_dict` layout.
STATE_VERSION: Final = 1

_INSTANT_FIELDS: Final = (
    "checkin_shown_at",
    "checkin_snoozed_until",
    "last_risk_at",
    "focus_nudge_started_at",
    "paused_until",
)


@dataclass(frozen=True, slots=True)
class ReminderState:
    """What has already been shown; persisted so that a restart never repeats a reminder.

    Attributes:
        checkin_day: The newest user-day a check-in reminder was shown for.
        checkin_count: How many check-in reminders were shown for ``checkin_day`` (0-2).
        checkin_shown_at: When the last check-in reminder was shown (UTC).
        checkin_snoozed_until: When the snoozed check-in reminder of ``checkin_day`` is
            shown again (UTC); it then takes the place of the automatic repeat.
        meeting_nudge_day: The newest user-day the meeting-budget nudge was shown for.
        last_risk_at: When the last risk notification was shown (UTC).
        focus_nudge_session_id: Id of the focus session that got its break nudge.
        focus_nudge_started_at: Start of the focus session that got its break nudge (UTC).
        paused_until: Reminders are silent before this instant (UTC).
        review_week: Monday of the newest week whose weekly review was shown.
    """

    checkin_day: dt.date | None = None
    checkin_count: int = 0
    checkin_shown_at: dt.datetime | None = None
    checkin_snoozed_until: dt.datetime | None = None
    meeting_nudge_day: dt.date | None = None
    last_risk_at: dt.datetime | None = None
    focus_nudge_session_id: int | None = None
    focus_nudge_started_at: dt.datetime | None = None
    paused_until: dt.datetime | None = None
    review_week: dt.date | None = None

    def __post_init__(self) -> None:
        for name in _INSTANT_FIELDS:
            value = getattr(self, name)
            require_aware(name, value)
            object.__setattr__(self, name, opt_utc(value))
        if not 0 <= self.checkin_count <= MAX_CHECKIN_SHOWS:
            raise ValueError(f"checkin_count must be 0-{MAX_CHECKIN_SHOWS}")

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-able dict (ISO strings, ints, ``None``) for the state file."""
        return {
            "version": STATE_VERSION,
            "checkin_day": _date_text(self.checkin_day),
            "checkin_count": self.checkin_count,
            "checkin_shown_at": _instant_text(self.checkin_shown_at),
            "checkin_snoozed_until": _instant_text(self.checkin_snoozed_until),
            "meeting_nudge_day": _date_text(self.meeting_nudge_day),
            "last_risk_at": _instant_text(self.last_risk_at),
            "focus_nudge_session_id": self.focus_nudge_session_id,
            "focus_nudge_started_at": _instant_text(self.focus_nudge_started_at),
            "paused_until": _instant_text(self.paused_until),
            "review_week": _date_text(self.review_week),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> ReminderState:
        """Rebuild a state written by :meth:`to_dict`.

        Missing keys take their defaults and unknown keys are ignored, so an older or newer
        file still loads.

        Raises:
            ValueError: If a value has the wrong type or form; the controller should then
                start from a fresh state rather than guess.
        """
        count = data.get("checkin_count", 0)
        if not isinstance(count, int) or isinstance(count, bool):
            raise ValueError("checkin_count must be an integer")
        session_id = data.get("focus_nudge_session_id")
        if session_id is not None and (
            not isinstance(session_id, int) or isinstance(session_id, bool)
        ):
            raise ValueError("focus_nudge_session_id must be an integer or null")
        return cls(
            checkin_day=_parse_date(data, "checkin_day"),
            checkin_count=count,
            checkin_shown_at=_parse_instant(data, "checkin_shown_at"),
            checkin_snoozed_until=_parse_instant(data, "checkin_snoozed_until"),
            meeting_nudge_day=_parse_date(data, "meeting_nudge_day"),
            last_risk_at=_parse_instant(data, "last_risk_at"),
            focus_nudge_session_id=session_id,
            focus_nudge_started_at=_parse_instant(data, "focus_nudge_started_at"),
            paused_until=_parse_instant(data, "paused_until"),
            review_week=_parse_date(data, "review_week"),
        )


def _date_text(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _instant_text(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _iso_text(data: Mapping[str, object], key: str, form: str) -> str | None:
    """Return ``data[key]`` when it is text or ``None``; ``form`` names it in the error."""
    raw = data.get(key)
    if raw is not None and not isinstance(raw, str):
        raise ValueError(f"{key} must be an ISO {form} string or null")
    return raw


def _parse_date(data: Mapping[str, object], key: str) -> dt.date | None:
    raw = _iso_text(data, key, "date")
    if raw is None:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError as error:
        raise ValueError(f"{key}: {error}") from error


def _parse_instant(data: Mapping[str, object], key: str) -> dt.datetime | None:
    raw = _iso_text(data, key, "date-time")
    if raw is None:
        return None
    try:
        value = dt.datetime.fromisoformat(raw)
    except ValueError as error:
        raise ValueError(f"{key}: {error}") from error
    if value.tzinfo is None:
        raise ValueError(f"{key} must carry a UTC offset")
    return value
