"""The fixed wording of the risk signal: disclaimer, about text and the per-level messages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from focusapp.domain.phrases import QT_TRANSLATE_NOOP, Clause, Phrase, joined
from focusapp.domain.risk.params import Level

if TYPE_CHECKING:
    from collections.abc import Sequence

DISCLAIMER: Final = QT_TRANSLATE_NOOP(
    "Risk",
    "This is a self-care signal based only on what you log. It is not a medical assessment "
    "and cannot diagnose burnout, depression or any other condition.",
)

ABOUT_TEXT: Final = QT_TRANSLATE_NOOP(
    "Risk",
    "About your burnout-risk signal. This chart turns your daily check-ins (energy, coding "
    "and meeting time, and optionally sleep, stress and calendar data) into a 0\u2013100 signal so "
    "you can notice patterns early. It is a self-care aid, not a medical device, a medical "
    "assessment or a validated clinical test. The scoring rules are simple, shown in the app, "
    "and explained factor by factor; they are informed by research on burnout, workload and "
    "recovery but have not been clinically validated for individuals. It cannot see many "
    "things that matter, such as how you feel about your work, support at work, or life "
    "outside work. A low score does not mean you are fine, and a high score does not mean you "
    "have burnout. If you feel persistently exhausted, low, anxious or unable to cope, please "
    "talk to a doctor or a mental-health professional, whatever this chart says. Your data "
    "stays on this device and is never shared with your employer or with us.",
)

#: Per-level wording (spec 4.10); {top_factor} / {top_factors} quote the first sentence of
#: the top factors' explanations.
LEVEL_MESSAGES: Final[dict[Level, str]] = {
    Level.LOW: QT_TRANSLATE_NOOP(
        "Risk",
        "Your recent pattern looks sustainable. Keep protecting what's working: rest days, "
        "focus time and sleep.",
    ),
    Level.MODERATE: QT_TRANSLATE_NOOP(
        "Risk",
        "Some strain is showing: {top_factor}. Small changes now are easier than big ones "
        "later. For example: protect one 2-hour focus block a day, leave 5\u201310 minutes between "
        "meetings, or keep one full day free of work this week. If this lasts more than two "
        "weeks, it's worth raising your workload with your manager.",
    ),
    Level.HIGH: QT_TRANSLATE_NOOP(
        "Risk",
        "Several strain signals have lined up for at least a week: {top_factors}. This is a "
        "good moment to act: talk with your manager or team about priorities and meeting "
        "load, and plan real recovery time (evenings off, a full weekend, or leave). If "
        "you've felt drained on most days for two weeks or more, consider talking to your "
        "doctor or your employee assistance programme (EAP).",
    ),
    Level.VERY_HIGH: QT_TRANSLATE_NOOP(
        "Risk",
        "Your check-ins show sustained low energy together with heavy workload and little "
        "recovery. That combination is worth taking seriously, and you don't have to handle "
        "it alone. Please consider reaching out this week to someone who can help: your "
        "doctor, a mental-health professional, or your EAP, and let your manager know you "
        "need some workload relief. If you are struggling to cope or having thoughts of "
        "harming yourself, contact local emergency services or a crisis line now (US: call or "
        "text 988; UK & Ireland: Samaritans 116 123; other countries: findahelpline.com).",
    ),
}

FLOOR_MESSAGE: Final = QT_TRANSLATE_NOOP(
    "Risk", "Your energy was at the lowest level on 3 or more work days this week."
)

#: Filled in with ``energy``, the mean energy on rest days.
REST_DAY_NOTE: Final = QT_TRANSLATE_NOOP(
    "Risk",
    "Energy stayed low on rest days too ({energy:.1f}/5). This can also reflect illness or "
    "non-work strain.",
)

#: Stands for the top factors when none has a sentence to quote.
_FALLBACK: Final = QT_TRANSLATE_NOOP("Risk", "several small signals together")
#: Two quoted sentences of explanations, each without its full stop.
_TWO_CLAUSES: Final = QT_TRANSLATE_NOOP("Risk", "{first}; and {second}")
_CHECK_IN_ONE_MORE: Final = QT_TRANSLATE_NOOP("Risk", "Check in on 1 more day to see your signal.")
_CHECK_IN_MORE: Final = QT_TRANSLATE_NOOP(
    "Risk", "Check in on {days} more days to see your signal."
)

# After the markers: lupdate gives a marker the "#:" comments above it as notes.
#: The translation context of every risk sentence (the markers spell it out: lupdate reads
#: only literals).
CONTEXT: Final = "Risk"
_C: Final = CONTEXT

#: The wanted number of explanation clauses per level template.
_CLAUSES_WANTED: Final = {
    level: 2 if "{top_factors}" in text else 1 if "{top_factor}" in text else 0
    for level, text in LEVEL_MESSAGES.items()
}


def level_message(level: Level, top_explanations: Sequence[str], floor_applied: bool) -> str:
    """Return the per-level wording with the top factor explanation(s) filled in.

    The explanations should be those of ``top_factors`` in order. Only their first sentence
    (up to the first ". ") is quoted, as a clause, so the message stays readable. When the
    floor rule applies its sentence comes first, because it is the reason the level is at
    least high.
    """
    template = LEVEL_MESSAGES[level]
    wanted = _CLAUSES_WANTED[level]
    clauses = [Clause(text) for text in top_explanations[:wanted] if text.strip()]
    factors: str = Phrase(_C, _FALLBACK)
    if len(clauses) == 1:
        factors = Phrase(_C, "{clause}", clause=clauses[0])
    elif clauses:
        factors = Phrase(_C, _TWO_CLAUSES, first=clauses[0], second=clauses[1])
    text = (
        Phrase(_C, template, top_factor=factors, top_factors=factors)
        if wanted
        else Phrase(_C, template)
    )
    return joined((Phrase(_C, FLOOR_MESSAGE), text)) if floor_applied else text


def checkins_needed_message(needed: int) -> str:
    """Return the calm wording for a day that cannot be scored yet."""
    if needed == 1:
        return Phrase(_C, _CHECK_IN_ONE_MORE)
    return Phrase(_C, _CHECK_IN_MORE, days=needed)
